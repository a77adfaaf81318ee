//! The `souq` command line: global options, dispatch to one file per command group, exit codes.

mod app;
mod argv;
mod audit;
mod backup;
mod completions;
mod config;
mod demo;
mod dispute;
mod events;
mod exit;
mod fixtures;
mod gig;
mod help;
mod init;
mod ledger;
mod migrate;
mod moderate;
mod order;
mod output;
mod payout;
mod progress;
mod report;
mod report_html;
mod table;
mod terminal;
mod tick;
mod user;
mod values;
mod wallet;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Parser, Subcommand};

use crate::app::App;
use crate::output::Format;

/// `gig import` allocates each row's strings on a worker thread and frees them on the writing
/// one; glibc's malloc serialises such frees on the worker's arena. mimalloc frees them
/// without a lock: 20% less CPU for an import (bench/import.sh, 200k rows).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Run a micro-services marketplace from the shell: gigs, escrow, payouts, disputes, moderation.
///
/// Everything lives in one database (--db): a SQLite file, or PostgreSQL for more than one
/// host. `souq demo` builds a sample marketplace;
/// `souq help environment` and `souq help exit-codes` describe the variables and exit codes.
#[derive(Debug, Parser)]
#[command(name = "souq", version, disable_help_subcommand = true, max_term_width = 100)]
pub struct Cli {
    /// The database: a SQLite file, or a PostgreSQL URL (postgres://...) for more than one host
    #[arg(
        long,
        global = true,
        help_heading = "Global options",
        env = "SOUQ_DB",
        hide_env_values = true,
        value_name = "PATH|URL"
    )]
    db: Option<PathBuf>,

    /// Act as this user
    #[arg(
        long = "as",
        global = true,
        help_heading = "Global options",
        env = "SOUQ_USER",
        hide_env_values = true,
        value_name = "USER"
    )]
    actor: Option<String>,

    /// Output format (default: table, which fits the terminal; wide shows every column; for
    /// `events`, jsonl)
    #[arg(
        short,
        long,
        global = true,
        help_heading = "Global options",
        env = "SOUQ_OUTPUT",
        hide_env_values = true,
        value_enum
    )]
    output: Option<Format>,

    /// Shorthand for --output json
    #[arg(long, global = true, help_heading = "Global options")]
    json: bool,

    /// CSV for Excel: UTF-8 with a byte order mark (Arabic shows right) and CRLF; with no
    /// --output, lists and records are written as CSV
    #[arg(long, global = true, help_heading = "Global options")]
    excel: bool,

    /// The CSV field separator: of the CSV souq writes (default ,; e.g. ";" for Excel in an
    /// Arabic or European locale), and of the file `gig import` reads (default: from its header)
    #[arg(long, global = true, help_heading = "Global options", value_name = "CHAR", value_parser = parse_delimiter)]
    delimiter: Option<u8>,

    /// Only these fields, in this order, of each record a list or show prints as json, jsonl,
    /// csv or yaml (the field names JSON uses)
    #[arg(long, global = true, help_heading = "Global options", value_name = "A,B,C", value_delimiter = ',')]
    fields: Option<Vec<String>>,

    /// Answer yes to confirmations (needed off a terminal)
    #[arg(short, long, global = true, help_heading = "Global options")]
    yes: bool,

    /// Never prompt; a missing answer is an error
    #[arg(long, global = true, help_heading = "Global options")]
    no_input: bool,

    /// Print only data: no notes or progress on stderr
    #[arg(short, long, global = true, help_heading = "Global options")]
    quiet: bool,

    #[command(subcommand)]
    command: Command,
}

/// `defer`, here and on every command group: each command's arguments are built only when that
/// command runs (or its help, completions or man page is made), not every command's at every
/// start; clap building the whole tree was a tenth of a `gig show`'s instructions.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
enum Command {
    /// Create the database (or bring an existing one up to date)
    Init(init::InitArgs),
    /// Build a sample marketplace in a fresh database and walk through it
    Demo(demo::DemoArgs),
    /// Build a marketplace from a YAML file of steps, in one transaction
    ///
    /// Each step (user, policy, deposit, gig, order, message, deliver, revise, complete, reply,
    /// cancel, dispute, comment, resolve, tick, payout, reconcile) runs the operation its command
    /// runs, at the step's `at:` time, so moderation, idempotency and the ledger apply. Steps name
    /// what they make and later steps use those names. All or nothing: a step the marketplace
    /// refuses is named (`step 12 (deliver logo-for-noura): ...`) and nothing is kept (a
    /// moderation refusal still records its event, as for any command). The database is created
    /// when missing; one that holds a marketplace is added to.
    /// examples/demo.yaml (what `souq demo` runs) shows every kind of step.
    Fixtures(fixtures::FixturesArgs),
    /// Users: sign-up, listing, suspension
    #[command(subcommand)]
    User(user::UserCommand),
    /// Gigs: the services sellers list
    #[command(subcommand)]
    Gig(gig::GigCommand),
    /// Policy: commission, limits, clocks, level thresholds
    #[command(subcommand)]
    Config(config::ConfigCommand),
    /// Wallets: record payments, show balances
    #[command(subcommand)]
    Wallet(wallet::WalletCommand),
    /// Orders: place, deliver, complete, cancel, and the conversation around them
    #[command(subcommand)]
    Order(order::OrderCommand),
    /// Disputes: open, comment, list, show, resolve (admin)
    #[command(subcommand)]
    Dispute(dispute::DisputeCommand),
    /// The ledger for the finance team: the journal of transfers and per-account totals
    #[command(subcommand)]
    Ledger(ledger::LedgerCommand),
    /// Reports: sales per period, sellers ranked by gross
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Apply what is due now: auto-completion, clearance, late flags, seller levels (for cron)
    Tick(tick::TickArgs),
    /// Batch payouts: run, export the provider file, reconcile its results
    #[command(subcommand)]
    Payout(payout::PayoutCommand),
    /// Check every invariant of the ledger and the marketplace (exit 8 on a violation)
    Audit,
    /// Copy the database to a new file, consistently, while others keep working
    Backup(backup::BackupArgs),
    /// Move the marketplace into a new PostgreSQL database, every row kept (for more than one host)
    MigrateTo(migrate::MigrateArgs),
    /// The event log: JSON lines for scripts, or any other --output
    Events(events::EventsArgs),
    /// Moderation: the review queue, approve / reject, rules, scans
    #[command(subcommand)]
    Moderate(moderate::ModerateCommand),
    /// Print a shell completion script
    Completions(completions::CompletionsArgs),
    /// Write the man pages (the repository keeps them in man/; see man/refresh.sh)
    #[command(hide = true)]
    Manpages(completions::ManpagesArgs),
    /// Help on a command, or on a topic: environment, exit-codes
    Help(help::HelpArgs),
}

fn main() -> ExitCode {
    let cli = match argv::parse(std::env::args_os().collect()) {
        Ok(cli) => cli,
        Err(err) => return exit::report_clap(&err),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => exit::report(&err),
    }
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let now = souq::Timestamp::now(std::env::var("SOUQ_NOW").ok().as_deref())?;
    let busy_timeout =
        match std::env::var("SOUQ_BUSY_TIMEOUT_MS") {
            Ok(ms) => Duration::from_millis(ms.parse().map_err(|_| {
                souq::Error::invalid(format!("SOUQ_BUSY_TIMEOUT_MS: expected milliseconds, got {ms:?}"))
            })?),
            Err(_) => Duration::from_secs(5),
        };
    // the event log is for scripts: JSON lines unless a format is asked for
    let default = if matches!(cli.command, Command::Events(_)) { Format::Jsonl } else { Format::Table };
    let format = if cli.json { Format::Json } else { cli.output.unwrap_or(default) };
    if cli.excel && !matches!(format, Format::Table | Format::Csv) {
        return Err(
            souq::Error::usage("--excel shapes CSV output; it does not go with --output json, jsonl or yaml").into()
        );
    }
    if cli.fields.is_some() && format.is_table() && !cli.excel {
        return Err(souq::Error::usage("--fields picks the fields of json, jsonl, csv or yaml output")
            .with_hint("add --output json (or jsonl, csv, yaml)")
            .into());
    }
    let app = App {
        db: cli.db,
        actor: cli.actor.filter(|a| !a.is_empty()),
        format,
        excel: cli.excel,
        delimiter: cli.delimiter,
        yes: cli.yes,
        no_input: cli.no_input,
        quiet: cli.quiet,
        fields: cli.fields,
        now,
        os_user: app::os_user(),
        busy_timeout,
    };
    match cli.command {
        Command::Init(args) => init::run(&app, args),
        Command::Demo(args) => demo::run(&app, args),
        Command::Fixtures(args) => fixtures::run(&app, args),
        Command::User(cmd) => user::run(&app, cmd),
        Command::Gig(cmd) => gig::run(&app, cmd),
        Command::Config(cmd) => config::run(&app, cmd),
        Command::Wallet(cmd) => wallet::run(&app, cmd),
        Command::Order(cmd) => order::run(&app, cmd),
        Command::Dispute(cmd) => dispute::run(&app, cmd),
        Command::Ledger(cmd) => ledger::run(&app, cmd),
        Command::Report(cmd) => report::run(&app, cmd),
        Command::Tick(args) => tick::run(&app, args),
        Command::Payout(cmd) => payout::run(&app, cmd),
        Command::Audit => audit::run(&app),
        Command::Backup(args) => backup::run(&app, args),
        Command::MigrateTo(args) => migrate::run(&app, args),
        Command::Events(args) => events::run(&app, args),
        Command::Moderate(cmd) => moderate::run(&app, cmd),
        Command::Completions(args) => completions::run(args),
        Command::Manpages(args) => completions::manpages(args),
        Command::Help(args) => help::run(args),
    }
}

/// A YAML file (policy, moderation rules, synonyms), or stdin for `-`: at most
/// [`souq::input::MAX_YAML_BYTES`], UTF-8, and with aliases that expand it boundedly.
pub fn read_yaml(path: &std::path::Path) -> anyhow::Result<String> {
    let what = if path.as_os_str() == "-" { "stdin".to_string() } else { path.display().to_string() };
    let bytes = souq::input::read_limited(open_input(path)?, souq::input::MAX_YAML_BYTES, &what)?;
    let yaml = String::from_utf8(bytes).map_err(|e| souq::Error::invalid(format!("{what}: not UTF-8 text ({e})")))?;
    souq::input::check_yaml_aliases(&yaml, &what)?;
    Ok(yaml)
}

/// `--delimiter`: one punctuation character, or `tab`.
fn parse_delimiter(text: &str) -> Result<u8, String> {
    souq::spreadsheet::parse_delimiter(text).map_err(|e| e.message().to_string())
}

/// FILE, or stdin for `-`, to read as a stream. FILE must be a regular file (a FIFO or a
/// device is invalid input, exit 6); a missing one is not found (exit 3).
pub fn open_input(path: &std::path::Path) -> anyhow::Result<Box<dyn std::io::Read + Send>> {
    if path.as_os_str() == "-" {
        // not stdin's lock, which stays on its thread: `gig import` reads on a thread of its own
        return Ok(Box::new(std::io::stdin()));
    }
    Ok(Box::new(souq::input::open_file(path)?))
}
