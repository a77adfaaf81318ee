# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_souq_global_optspecs
    string join \n db= as= o/output= json excel delimiter= fields= y/yes no-input q/quiet h/help V/version
end

function __fish_souq_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_souq_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_souq_using_subcommand
    set -l cmd (__fish_souq_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c souq -n "__fish_souq_needs_command" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_needs_command" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_needs_command" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_needs_command" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_needs_command" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_needs_command" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_needs_command" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_needs_command" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_needs_command" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_needs_command" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_needs_command" -s V -l version -d 'Print version'
complete -c souq -n "__fish_souq_needs_command" -f -a "init" -d 'Create the database (or bring an existing one up to date)'
complete -c souq -n "__fish_souq_needs_command" -f -a "demo" -d 'Build a sample marketplace in a fresh database and walk through it'
complete -c souq -n "__fish_souq_needs_command" -f -a "fixtures" -d 'Build a marketplace from a YAML file of steps, in one transaction'
complete -c souq -n "__fish_souq_needs_command" -f -a "user" -d 'Users: sign-up, listing, suspension'
complete -c souq -n "__fish_souq_needs_command" -f -a "gig" -d 'Gigs: the services sellers list'
complete -c souq -n "__fish_souq_needs_command" -f -a "config" -d 'Policy: commission, limits, clocks, level thresholds'
complete -c souq -n "__fish_souq_needs_command" -f -a "wallet" -d 'Wallets: record payments, show balances'
complete -c souq -n "__fish_souq_needs_command" -f -a "order" -d 'Orders: place, deliver, complete, cancel, and the conversation around them'
complete -c souq -n "__fish_souq_needs_command" -f -a "dispute" -d 'Disputes: open, comment, list, show, resolve (admin)'
complete -c souq -n "__fish_souq_needs_command" -f -a "ledger" -d 'The ledger for the finance team: the journal of transfers and per-account totals'
complete -c souq -n "__fish_souq_needs_command" -f -a "report" -d 'Reports: sales per period, sellers ranked by gross'
complete -c souq -n "__fish_souq_needs_command" -f -a "tick" -d 'Apply what is due now: auto-completion, clearance, late flags, seller levels (for cron)'
complete -c souq -n "__fish_souq_needs_command" -f -a "payout" -d 'Batch payouts: run, export the provider file, reconcile its results'
complete -c souq -n "__fish_souq_needs_command" -f -a "audit" -d 'Check every invariant of the ledger and the marketplace (exit 8 on a violation)'
complete -c souq -n "__fish_souq_needs_command" -f -a "backup" -d 'Copy the database to a new file, consistently, while others keep working'
complete -c souq -n "__fish_souq_needs_command" -f -a "migrate-to" -d 'Move the marketplace into a new PostgreSQL database, every row kept (for more than one host)'
complete -c souq -n "__fish_souq_needs_command" -f -a "events" -d 'The event log: JSON lines for scripts, or any other --output'
complete -c souq -n "__fish_souq_needs_command" -f -a "moderate" -d 'Moderation: the review queue, approve / reject, rules, scans'
complete -c souq -n "__fish_souq_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c souq -n "__fish_souq_needs_command" -f -a "manpages" -d 'Write the man pages (the repository keeps them in man/; see man/refresh.sh)'
complete -c souq -n "__fish_souq_needs_command" -f -a "help" -d 'Help on a command, or on a topic: environment, exit-codes'
complete -c souq -n "__fish_souq_using_subcommand init" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand init" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand init" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand init" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand init" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand init" -l admin -d 'Create this admin too (skipped if the user already exists)' -r
complete -c souq -n "__fish_souq_using_subcommand init" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand init" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand init" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand init" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand init" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand init" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand demo" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand demo" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand demo" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand demo" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand demo" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand demo" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand demo" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand demo" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand demo" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand demo" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand demo" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand fixtures" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand fixtures" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand fixtures" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand fixtures" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand fixtures" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand fixtures" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand fixtures" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand fixtures" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand fixtures" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand fixtures" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand fixtures" -l dry-run -d 'Run every step and report what it would make, then keep nothing (the database must exist)'
complete -c souq -n "__fish_souq_using_subcommand fixtures" -l walkthrough -d 'Print the file\'s `say:` and `show:` steps as they run, as `souq demo` does'
complete -c souq -n "__fish_souq_using_subcommand fixtures" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -f -a "add" -d 'Add a user (adding an admin takes --as an admin, except the first one)'
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -f -a "list" -d 'List users'
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -f -a "show" -d 'Show one user with their seller stats'
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -f -a "suspend" -d 'Suspend a user (admin): they cannot act, sell or be paid'
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -f -a "unsuspend" -d 'Lift a suspension (admin)'
complete -c souq -n "__fish_souq_using_subcommand user; and not __fish_seen_subcommand_from add list show suspend unsuspend set-payout" -f -a "set-payout" -d 'Set how a user is paid (the user themselves or an admin)'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -l email -d 'Where the user is reached' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -l admin -d 'Make the user an admin'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -l limit -d 'Show at most N rows (default on a terminal: 50)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -l all -d 'Show every row, also on a terminal'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from show" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from show" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from show" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from show" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from show" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from suspend" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from suspend" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from suspend" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from suspend" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from suspend" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from suspend" -l reason -d 'Why, for the record and the user.suspended event' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from suspend" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from suspend" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from suspend" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from suspend" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from suspend" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from suspend" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from unsuspend" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from unsuspend" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from unsuspend" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from unsuspend" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from unsuspend" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from unsuspend" -l reason -d 'Why, for the record and the user.unsuspended event' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from unsuspend" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from unsuspend" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from unsuspend" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from unsuspend" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from unsuspend" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from unsuspend" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -l method -d 'How the user is paid' -r -f -a "paypal\t''
payoneer\t''
bank\t''"
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -l account -d 'An email for paypal and payoneer, an IBAN for bank' -r
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand user; and __fish_seen_subcommand_from set-payout" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -f -a "create" -d 'List a new gig as the acting seller (asks for missing fields on a terminal)'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -f -a "update" -d 'Change a gig (its seller or an admin); only the given fields change'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -f -a "show" -d 'Show one gig with its extras and its seller\'s stats'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -f -a "list" -d 'List gigs'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -f -a "pause" -d 'Take an active gig off the market for a while'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -f -a "resume" -d 'Put a paused gig back on the market'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -f -a "import" -d 'Create or update your gigs from a CSV file (all or nothing unless --skip-invalid)'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -f -a "export" -d 'Write gigs as CSV in the columns `gig import` reads'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -f -a "search" -d 'Find active gigs by words in their title, tags and description, best match first'
complete -c souq -n "__fish_souq_using_subcommand gig; and not __fish_seen_subcommand_from create update show list pause resume import export search synonyms" -f -a "synonyms" -d 'The search synonyms: groups of words buyers type for the same thing'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l title -d 'What the buyer gets, 1-120 characters' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l price -d 'Price, e.g. 25 or 25.50' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l days -d 'Delivery days, 1-90' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l category -d 'The category buyers browse by' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l description -d 'The full description' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l tags -d 'Tags separated by commas' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l sku -d 'Your own key for the gig (default gig-ID)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l extra -d 'A paid add-on, "Title=PRICE+DAYSd" (repeatable)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l title -d 'A new title, 1-120 characters' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l price -d 'A new price, e.g. 25 or 25.50' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l days -d 'New delivery days, 1-90' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l category -d 'A new category' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l description -d 'A new description' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l tags -d 'New tags separated by commas (replacing the old ones)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l sku -d 'A new key of your own for the gig' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l extra -d 'Replace the extras with these ("Title=PRICE+DAYSd", repeatable)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -l no-extras -d 'Remove every extra'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from show" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from show" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from show" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from show" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from show" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l seller -d 'Only this seller\'s gigs' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l category -d 'Only gigs in this category' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l status -d 'Only gigs in this status' -r -f -a "pending_review\t''
active\t''
paused\t''
rejected\t''
suspended\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l min-price -d 'Only gigs costing at least this much, e.g. 10 or 12.50' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l max-price -d 'Only gigs costing at most this much' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l limit -d 'Show at most N rows (default on a terminal: 50)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l offset -d 'Skip the first N gigs (with --limit, to page through)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -l all -d 'Show every row, also on a terminal'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from pause" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from pause" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from pause" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from pause" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from pause" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from pause" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from pause" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from pause" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from pause" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from pause" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from resume" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from resume" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from resume" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from resume" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from resume" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from resume" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from resume" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from resume" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from resume" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from resume" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from resume" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -l rejects -d 'Write the bad rows, with a reason column, to this CSV file (created 0600; never the input)' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -l encoding -d 'The file\'s encoding (utf-8, windows-1256, utf-16le, utf-16be, iso-8859-6 ...); by default a byte order mark decides, else UTF-8, else Windows-1256 if the bytes read as Arabic' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -l dry-run -d 'Check every row and report what would happen, writing nothing'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -l skip-invalid -d 'Import the good rows even when some are bad'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -l force -d 'Replace the --rejects file if it exists'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -l seller -d 'Only this seller\'s gigs' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -l status -d 'Only gigs in this status' -r -f -a "pending_review\t''
active\t''
paused\t''
rejected\t''
suspended\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -l file -d 'Write to this file instead of stdout (created 0600, in place only once complete)' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -l force -d 'Replace the --file if it exists'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l category -d 'Only gigs in this category' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l min-price -d 'Only gigs costing at least this much, e.g. 10 or 12.50' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l max-price -d 'Only gigs costing at most this much' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l sort -d 'Order of the results' -r -f -a "relevance\t'Best match first'
price\t'Cheapest first'
newest\t'Most recently listed first'"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l limit -d 'Show at most N rows (default on a terminal: 50)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -l all -d 'Show every row, also on a terminal'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -f -a "import" -d 'Replace the synonym list with a YAML file (admin)'
complete -c souq -n "__fish_souq_using_subcommand gig; and __fish_seen_subcommand_from synonyms" -f -a "export" -d 'Print the synonym list as YAML that `gig synonyms import` reads back'
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -f -a "show" -d 'Show every setting with its default'
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -f -a "set" -d 'Change one setting (admin)'
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -f -a "export" -d 'Print the policy as YAML'
complete -c souq -n "__fish_souq_using_subcommand config; and not __fish_seen_subcommand_from show set export import" -f -a "import" -d 'Apply a YAML file of settings (admin); all of it or none'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from show" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from show" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from show" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from show" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from show" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from set" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from set" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from set" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from set" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from set" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from set" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from set" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from set" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from export" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from export" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from export" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from export" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from export" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from export" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from export" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from export" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from import" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from import" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from import" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from import" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from import" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from import" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from import" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from import" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from import" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from import" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand config; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -f -a "deposit" -d 'Record a payment a gateway confirmed for USER (admin); the same --method and --ref again is a no-op'
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -f -a "import-deposits" -d 'Credit every payment of a gateway\'s settlement file (admin); all of it or none'
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -f -a "show" -d 'Show balances: credit, pending, available and in payout (yours, or USER\'s for an admin)'
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -f -a "history" -d 'Every movement of credit, pending and available with the balances after it, and the day each pending earning clears (yours, or USER\'s for an admin)'
complete -c souq -n "__fish_souq_using_subcommand wallet; and not __fish_seen_subcommand_from deposit import-deposits show history statement" -f -a "statement" -d 'A month\'s statement for USER: opening balances, the month\'s movements, closing balances'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l method -d 'How the gateway was paid' -r -f -a "paypal\t''
payoneer\t''
cashu\t''
card\t''"
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l ref -d 'The gateway\'s reference for the payment' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from deposit" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from import-deposits" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from import-deposits" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from import-deposits" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from import-deposits" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from import-deposits" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from import-deposits" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from import-deposits" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from import-deposits" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from import-deposits" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from import-deposits" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from import-deposits" -l dry-run -d 'Report what the file would credit and change nothing'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from import-deposits" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from show" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from show" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from show" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from show" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from show" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -l from -d 'First day included (2026-03-01), by when the money moved' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -l to -d 'Last day included' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from statement" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from statement" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from statement" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from statement" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from statement" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from statement" -l month -d 'The calendar month, YYYY-MM' -r
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from statement" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from statement" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from statement" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from statement" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from statement" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand wallet; and __fish_seen_subcommand_from statement" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -f -a "place" -d 'Order a gig as the acting buyer'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -f -a "deliver" -d 'Deliver an active order as its seller'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -f -a "revise" -d 'Send a delivered order back to its seller for changes (buyer)'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -f -a "complete" -d 'Accept a delivered order (buyer): the seller is paid, minus the commission'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -f -a "review" -d 'Rate a completed order (buyer), once'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -f -a "cancel" -d 'Cancel an order and refund the buyer'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -f -a "message" -d 'Write to the other side of an order'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -f -a "reply" -d 'Answer the buyer\'s review of an order (seller), once'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -f -a "show" -d 'Show an order with its deliveries, messages and timeline'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -f -a "files" -d 'Write an order\'s delivered files into a folder, made if missing (0600); a file already there with the same content is skipped, one with other content is replaced only with --force'
complete -c souq -n "__fish_souq_using_subcommand order; and not __fish_seen_subcommand_from place deliver revise complete review cancel message reply show files list" -f -a "list" -d 'List your orders (an admin: every order)'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -l extra -d 'An extra of the gig to add, by id (repeatable)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -l quantity -d 'How many times the gig (with its extras)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -l note -d 'Instructions for the seller' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -l key -d 'Your own key for this purchase: placing again with the same key returns the same order and moves no money (for scripts that retry)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from place" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -l message -d 'What you delivered' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -l attach -d 'A file to attach (repeatable); stored in the database' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from deliver" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from revise" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from revise" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from revise" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from revise" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from revise" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from revise" -l message -d 'What should change' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from revise" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from revise" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from revise" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from revise" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from revise" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from revise" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -l rating -d 'Stars, 1-5' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -l review -d 'What you thought (needs --rating)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from complete" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -l rating -d 'Stars, 1-5' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -l review -d 'What you thought' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from review" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from cancel" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from cancel" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from cancel" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from cancel" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from cancel" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from cancel" -l reason -d 'Why' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from cancel" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from cancel" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from cancel" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from cancel" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from message" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from message" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from message" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from message" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from message" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from message" -l message -d 'The message text' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from message" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from message" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from message" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from message" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from message" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from message" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from reply" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from reply" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from reply" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from reply" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from reply" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from reply" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from reply" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from reply" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from reply" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from reply" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from reply" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from show" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from show" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from show" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from show" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from show" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -l to -d 'The folder to write into (created if missing)' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -l force -d 'Replace files of the same names in the folder'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from files" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l status -d 'Only orders in this status' -r -f -a "active\t''
delivered\t''
completed\t''
cancelled\t''
disputed\t''"
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l limit -d 'Show at most N rows (default on a terminal: 50)' -r
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l as-buyer -d 'Only orders you bought'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l as-seller -d 'Only orders you sell'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l late -d 'Only late orders'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -l all -d 'Show every row, also on a terminal'
complete -c souq -n "__fish_souq_using_subcommand order; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -f -a "open" -d 'Dispute an active or delivered order (its buyer or seller): its clocks stop until an admin decides'
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -f -a "comment" -d 'Add to an open dispute (its buyer, its seller or an admin)'
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -f -a "list" -d 'List disputes on your orders (an admin: every dispute)'
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -f -a "show" -d 'Show a dispute with its order, comments and timeline'
complete -c souq -n "__fish_souq_using_subcommand dispute; and not __fish_seen_subcommand_from open comment list show resolve" -f -a "resolve" -d 'Settle a dispute (admin); asks first on a terminal, needs --yes off one'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from open" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from open" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from open" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from open" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from open" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from open" -l reason -d 'What went wrong' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from open" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from open" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from open" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from open" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from open" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from open" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from comment" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from comment" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from comment" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from comment" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from comment" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from comment" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from comment" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from comment" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from comment" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from comment" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from comment" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -l status -d 'Only disputes in this status' -r -f -a "open\t''
resolved\t''"
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -l limit -d 'Show at most N rows (default on a terminal: 50)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -l all -d 'Show every row, also on a terminal'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from show" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from show" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from show" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from show" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from show" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -l refund -d 'Return AMOUNT to the buyer; the order completes on the rest, commission on the seller\'s part only' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -l note -d 'Why, for the record' -r
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -l refund-all -d 'Cancel the order and return the whole price to the buyer\'s credit'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -l release -d 'Complete the order as if the buyer had accepted it'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -l dry-run -d 'Show the resolution and its money without changing anything'
complete -c souq -n "__fish_souq_using_subcommand dispute; and __fish_seen_subcommand_from resolve" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand ledger; and not __fish_seen_subcommand_from journal" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand ledger; and not __fish_seen_subcommand_from journal" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand ledger; and not __fish_seen_subcommand_from journal" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand ledger; and not __fish_seen_subcommand_from journal" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand ledger; and not __fish_seen_subcommand_from journal" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand ledger; and not __fish_seen_subcommand_from journal" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand ledger; and not __fish_seen_subcommand_from journal" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand ledger; and not __fish_seen_subcommand_from journal" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand ledger; and not __fish_seen_subcommand_from journal" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand ledger; and not __fish_seen_subcommand_from journal" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand ledger; and not __fish_seen_subcommand_from journal" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand ledger; and not __fish_seen_subcommand_from journal" -f -a "journal" -d 'Every transfer (debit and credit account, amount, order / payout item, key, hash) and per-account totals; yours, or any account\'s for an admin'
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l from -d 'First day included (2026-03-01), by when the transfer was made' -r
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l to -d 'Last day included' -r
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l account -d 'Only transfers touching this account ("escrow", "user:7:credit")' -r
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l user -d 'Only transfers touching this user\'s accounts (credit, pending, available)' -r
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -l totals -d 'Print the per-account totals instead of the transfers (tables and CSV)'
complete -c souq -n "__fish_souq_using_subcommand ledger; and __fish_seen_subcommand_from journal" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -f -a "sales" -d 'Settled orders per period: orders, gross, fees, refunds, net (a seller sees their own)'
complete -c souq -n "__fish_souq_using_subcommand report; and not __fish_seen_subcommand_from sales sellers" -f -a "sellers" -d 'Sellers ranked by gross, with their stats (admin)'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l by -d 'Group by day, week (ISO) or month' -r -f -a "day\t'2026-03-01'
week\t'ISO week, 2026-W09'
month\t'2026-03'"
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l from -d 'First day included (2026-03-01), by when the order was settled' -r
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l to -d 'Last day included' -r
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l seller -d 'Only this seller\'s orders' -r
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l html -d 'Write the report to FILE as one HTML page with charts (self-contained: no scripts, no network), instead of printing it' -r -F
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -l force -d 'Replace FILE if it exists'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sales" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l from -d 'First day included (2026-03-01), by when the order was settled' -r
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l to -d 'Last day included' -r
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l limit -d 'Show at most N rows (default on a terminal: 50)' -r
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l html -d 'Write the report to FILE as one HTML page with charts (self-contained: no scripts, no network), instead of printing it' -r -F
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l all -d 'Show every row, also on a terminal'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -l force -d 'Replace FILE if it exists'
complete -c souq -n "__fish_souq_using_subcommand report; and __fish_seen_subcommand_from sellers" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand tick" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand tick" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand tick" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand tick" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand tick" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand tick" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand tick" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand tick" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand tick" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand tick" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand tick" -l dry-run -d 'Report what is due without changing anything'
complete -c souq -n "__fish_souq_using_subcommand tick" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -f -a "run" -d 'Pay every eligible seller\'s available balance into a new batch (admin)'
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -f -a "list" -d 'List payout batches, newest first'
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -f -a "show" -d 'Show one batch, or its items with --items'
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -f -a "export" -d 'Write the provider\'s bulk-payout file for a batch (admin)'
complete -c souq -n "__fish_souq_using_subcommand payout; and not __fish_seen_subcommand_from run list show export reconcile" -f -a "reconcile" -d 'Apply a provider\'s result file to a batch (admin)'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -l key -d 'Names this run: the same key again returns the same batch and pays nobody twice' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -l method -d 'Pay only sellers paid by this method' -r -f -a "paypal\t''
payoneer\t''
bank\t''"
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -l min -d 'Smallest available balance to pay (default: the min_payout setting)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -l dry-run -d 'Show the batch that would be made and change nothing'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from run" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -l limit -d 'Show at most N rows (default on a terminal: 50)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -l all -d 'Show every row, also on a terminal'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -l limit -d 'Show at most N rows (default on a terminal: 50)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -l items -d 'List the batch\'s items (seller, account, amount, status, provider ids)'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -l all -d 'Show every row, also on a terminal'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -l file -d 'Write here instead of stdout (needed when the export is split into several files; created 0600, each in place only once complete)' -r -F
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -l force -d 'Replace the files if they exist'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from reconcile" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from reconcile" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from reconcile" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from reconcile" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from reconcile" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from reconcile" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from reconcile" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from reconcile" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from reconcile" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from reconcile" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from reconcile" -l dry-run -d 'Report what the file would do and change nothing'
complete -c souq -n "__fish_souq_using_subcommand payout; and __fish_seen_subcommand_from reconcile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c souq -n "__fish_souq_using_subcommand audit" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand audit" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand audit" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand audit" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand audit" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand audit" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand audit" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand audit" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand audit" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand audit" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand audit" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand backup" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand backup" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand backup" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand backup" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand backup" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand backup" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand backup" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand backup" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand backup" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand backup" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand backup" -l force -d 'Replace FILE if it exists'
complete -c souq -n "__fish_souq_using_subcommand backup" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand migrate-to" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand migrate-to" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand migrate-to" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand migrate-to" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand migrate-to" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand migrate-to" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand migrate-to" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand migrate-to" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand migrate-to" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand migrate-to" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand migrate-to" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand events" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand events" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand events" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand events" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand events" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand events" -l since -d 'Only events after this id (with --follow and no --since: only new ones)' -r
complete -c souq -n "__fish_souq_using_subcommand events" -l kind -d 'Only kinds starting with this, e.g. "order." or "message.blocked"' -r
complete -c souq -n "__fish_souq_using_subcommand events" -l limit -d 'At most this many events (not with --follow)' -r
complete -c souq -n "__fish_souq_using_subcommand events" -l poll-ms -d 'How often --follow looks for new events, in milliseconds' -r
complete -c souq -n "__fish_souq_using_subcommand events" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand events" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand events" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand events" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand events" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand events" -l follow -d 'Keep printing new events as they are written, until interrupted'
complete -c souq -n "__fish_souq_using_subcommand events" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -f -a "queue" -d 'The review queue, oldest first (admin)'
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -f -a "approve" -d 'Approve a flag (12) or a held gig with all its flags (gig:12): the content may stay (admin)'
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -f -a "reject" -d 'Reject a flag (12) or a gig (gig:12): a rejected gig is taken off the market (admin)'
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -f -a "rules" -d 'The moderation rules every souq process applies'
complete -c souq -n "__fish_souq_using_subcommand moderate; and not __fish_seen_subcommand_from queue approve reject rules scan" -f -a "scan" -d 'Run the rules over stored gigs, messages, deliveries, reviews and usernames (admin). Reports only, unless --apply; the same content is never flagged twice'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -l status -d 'Only flags in this status, or all' -r -f -a "open\t''
approved\t''
rejected\t''
all\t''"
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -l rule -d 'Only flags raised by this rule id' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -l limit -d 'Show at most N rows (default on a terminal: 50)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -l all -d 'Show every row, also on a terminal'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from queue" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from approve" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from approve" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from approve" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from approve" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from approve" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from approve" -l reason -d 'Why: kept with the decision and in its event' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from approve" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from approve" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from approve" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from approve" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from approve" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from approve" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from reject" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from reject" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from reject" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from reject" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from reject" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from reject" -l reason -d 'Why: kept with the decision and in its event' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from reject" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from reject" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from reject" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from reject" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from reject" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from reject" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -f -a "import" -d 'Make a YAML rule file the active rules (admin); errors read FILE:LINE: rule ID: reason'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -f -a "export" -d 'Print the active rules\' YAML, as imported'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from rules" -f -a "show" -d 'List the active rules'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -l rules -d 'Scan with the rules in this YAML file instead of the active ones' -r -F
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -l since -d 'Only content with an id above this (in each table: gigs, messages, deliveries, reviews, users)' -r
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -l apply -d 'Raise the flags and hold the gigs the rules catch (otherwise nothing is written)'
complete -c souq -n "__fish_souq_using_subcommand moderate; and __fish_seen_subcommand_from scan" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand completions" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand completions" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand completions" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand completions" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand completions" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand completions" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand completions" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand completions" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand completions" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand completions" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand manpages" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand manpages" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand manpages" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand manpages" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand manpages" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand manpages" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand manpages" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand manpages" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand manpages" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand manpages" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand manpages" -s h -l help -d 'Print help'
complete -c souq -n "__fish_souq_using_subcommand help" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host' -r -F
complete -c souq -n "__fish_souq_using_subcommand help" -l as -d 'Act as this user' -r
complete -c souq -n "__fish_souq_using_subcommand help" -s o -l output -d 'Output format (default: table, which fits the terminal; wide shows every column; for `events`, jsonl)' -r -f -a "table\t''
wide\t''
json\t''
jsonl\t''
csv\t''
yaml\t''"
complete -c souq -n "__fish_souq_using_subcommand help" -l delimiter -d 'The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an Arabic or European locale), and of the file `gig import` reads (default: from its header)' -r
complete -c souq -n "__fish_souq_using_subcommand help" -l fields -d 'Only these fields, in this order, of each record a list or show prints as json, jsonl, csv or yaml (the field names JSON uses)' -r
complete -c souq -n "__fish_souq_using_subcommand help" -l json -d 'Shorthand for --output json'
complete -c souq -n "__fish_souq_using_subcommand help" -l excel -d 'CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no --output, lists and records are written as CSV'
complete -c souq -n "__fish_souq_using_subcommand help" -s y -l yes -d 'Answer yes to confirmations (needed off a terminal)'
complete -c souq -n "__fish_souq_using_subcommand help" -l no-input -d 'Never prompt; a missing answer is an error'
complete -c souq -n "__fish_souq_using_subcommand help" -s q -l quiet -d 'Print only data: no notes or progress on stderr'
complete -c souq -n "__fish_souq_using_subcommand help" -s h -l help -d 'Print help'
