#!/usr/bin/env bash
# Benchmark (run by hand, never in CI): the same steps on SQLite before the PostgreSQL work (a
# build of BASE), on SQLite after it and on PostgreSQL (both with this checkout's release build):
#   1. the order lifecycle: ORDERS orders placed, delivered, and half of them completed by their
#      buyer. There is no bulk path for orders, so it is driven as a shop front would drive it:
#      one souq process per command (2.5 x ORDERS processes), JOBS at a time (xargs -P), from
#      BUYERS = ORDERS/1000 buyers (one deposit each) over SELLERS sellers' gigs (one gig each);
#   2. `souq tick` three days later (auto-completes the other half), then fourteen days after
#      that (clears the earnings of every order);
#   3. `souq payout run` over the SELLERS sellers, all with cleared earnings; then `souq audit`;
#   4. `souq gig import` of a GIGS-row CSV (bench/gigs_csv.py, as bench/import.sh) into a fresh
#      marketplace.
# Sellers, gigs, buyers and deposits are seeded through souq too, untimed. Each step's wall time
# and CPU time (user + sys) is the median of RUNS runs, each on a fresh database. On PostgreSQL the
# CPU time is souq's plus the server's (every process of the cluster, its exited backends too).
# PostgreSQL runs in a throwaway cluster this script starts on a unix socket in a temp dir (as
# the postgres user when run as root), with its default settings: fsync and synchronous_commit
# on, the durability SQLite's synchronous=FULL gives; FAST=1 turns fsync, synchronous_commit and
# full_page_writes off. A step that fails shows FAILED in the table, and the log naming its error
# is kept (its path printed); the steps after it in that run are not run ("skipped").
#
#   bench/engines.sh                               # 100,000 orders, 1,000,000 gigs, 1 run
#   ORDERS=2000 GIGS=20000 bench/engines.sh        # a quick run: a few minutes
#   FAST=1 bench/engines.sh                        # PostgreSQL without fsync
#   WHICH="after postgres" JOBS=4 RUNS=3 SELLERS=100 bench/engines.sh
#   SOUQ_BASE=/path/to/souq bench/engines.sh       # that binary as "before", instead of building BASE
# BASE (default 08b8ad5, the commit before the PostgreSQL work) is built once in a detached git
# worktree /tmp/souq-bench-base-COMMIT with its own target dir, and reused by later runs (remove
# it with `git worktree remove --force` when done). Needs python3, xargs, and for the PostgreSQL
# column PostgreSQL's server binaries (Debian: apt-get install postgresql).
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${ORDERS:-100000}
GIGS=${GIGS:-1000000}
RUNS=${RUNS:-1}
SELLERS=${SELLERS:-$((ORDERS / 20))}
BUYERS=$(((ORDERS + 999) / 1000))
JOBS=${JOBS:-8}
BASE=${BASE:-08b8ad5}
FAST=${FAST:-0}
WHICH=${WHICH:-before after postgres}
PRICE=10 # each seller's one gig; a seller's net per order is 8.00, so 2 orders reach min_payout 10.00
# The marketplace's clock through the steps (SOUQ_NOW): tick 1 comes after auto_complete_days (3)
# from delivery, tick 2 after clearance_days (14) from the auto-completions of tick 1.
PLACED=2026-03-01T10:00:00Z DELIVERED=2026-03-01T11:00:00Z COMPLETED=2026-03-01T12:00:00Z
TICK1=2026-03-04T12:00:00Z TICK2=2026-03-18T13:00:00Z PAID=2026-03-18T14:00:00Z
export USER=bench
unset SOUQ_USER SOUQ_OUTPUT SOUQ_BUSY_TIMEOUT_MS SOUQ_DB SOUQ_NOW

if ((SELLERS < 1 || SELLERS > ORDERS / 2)); then
    echo "SELLERS must be 1 to ORDERS/2 (each seller needs 2 orders to reach min_payout)" >&2
    exit 2
fi
[[ " $WHICH " == *" before "* ]] && want_before=1 || want_before=
[[ " $WHICH " == *" postgres "* ]] && want_postgres=1 || want_postgres=

cargo build --release --quiet --locked
SOUQ_AFTER=$PWD/target/release/souq
if [[ -n $want_before && -z ${SOUQ_BASE:-} ]]; then
    base_commit=$(git rev-parse --verify "$BASE^{commit}")
    base_dir=/tmp/souq-bench-base-$base_commit
    if [[ ! -x $base_dir/target/release/souq ]]; then
        [[ -d $base_dir ]] || git worktree add --quiet --detach "$base_dir" "$base_commit"
        (cd "$base_dir" && CARGO_TARGET_DIR=$base_dir/target cargo build --release --quiet --locked)
    fi
    SOUQ_BASE=$base_dir/target/release/souq
fi

# /tmp, not $TMPDIR: the postgres user must reach the cluster, and a socket path has at most 107 bytes
WORK=$(mktemp -d /tmp/souq-bench-engines.XXXXXX)
LOGS=$(mktemp -d /tmp/souq-bench-engines-logs.XXXXXX)
cluster= pg_bin= pg_pid= pg_version="did not start"
cleanup() {
    if [[ -n $pg_pid ]]; then
        as_cluster_owner "$pg_bin/pg_ctl" stop -D "$cluster/data" -m immediate -s >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK" ${cluster:+"$cluster"}
    if grep -q FAILED "$WORK.results" 2>/dev/null; then
        echo "logs kept in $LOGS" >&2
    else
        rm -rf "$LOGS"
    fi
    rm -f "$WORK.results"
}
trap cleanup EXIT
RESULTS=$WORK.results # outside WORK: read by cleanup after WORK is gone
: >"$RESULTS"

# initdb and the server refuse to run as root: as root, the cluster is the postgres user's (run
# from /, as that user may not enter the current directory)
as_cluster_owner() {
    if [[ $(id -u) == 0 ]]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# Starts the PostgreSQL cluster (as scripts/test.sh does, with the durability settings above);
# on failure says why on stderr and returns non-zero, and the PostgreSQL column shows FAILED.
start_cluster() {
    if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
        pg_bin=$(dirname "$(readlink -f "$(command -v initdb)")")
    else
        pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    fi
    if [[ ! -x $pg_bin/initdb || ! -x $pg_bin/pg_ctl || ! -x $pg_bin/createdb ]]; then
        echo "no PostgreSQL server binaries (apt-get install postgresql)" >&2
        return 1
    fi
    cluster=$(mktemp -d /tmp/souq-bench-pg.XXXXXX)
    [[ $(id -u) != 0 ]] || chown postgres: "$cluster"
    local settings="-c listen_addresses='' -c unix_socket_directories=$cluster"
    [[ $FAST != 1 ]] || settings+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    # souq's schema orders usernames and skus by their bytes (COLLATE "C") whatever the locale
    as_cluster_owner "$pg_bin/initdb" -D "$cluster/data" -U postgres --auth=trust --no-sync --no-instructions \
        --encoding=UTF8 --locale=C.UTF-8 --locale-provider=icu --icu-locale=en >&2 &&
        as_cluster_owner "$pg_bin/pg_ctl" start -D "$cluster/data" -l "$cluster/server.log" -w -s -o "$settings" >&2 ||
        { cat "$cluster/server.log" >&2 2>/dev/null; return 1; }
    pg_pid=$(head -n 1 "$cluster/data/postmaster.pid")
    pg_version=$("$pg_bin/postgres" --version)
}

# CPU time (user + sys, ms) the cluster has used so far: every live process of it, and through
# each one's children times the backends it has reaped. 0 without a cluster.
server_cpu_ms() {
    if [[ -z $pg_pid ]]; then
        echo 0
        return
    fi
    # /proc/PID/stat: after the name's closing parenthesis, utime stime cutime cstime are fields 12-15
    { cat $(printf '/proc/%s/stat ' "$pg_pid" $(pgrep -P "$pg_pid")) 2>/dev/null || true; } |
        awk -v hz="$(getconf CLK_TCK)" '{sub(/.*\) /, ""); t += $12 + $13 + $14 + $15} END {printf "%d\n", t * 1000 / hz}'
}

# CPU time (user + sys, ms) of this shell's finished children, from a file `times` wrote
children_cpu_ms() {
    awk 'NR == 2 {
        for (i = 1; i <= 2; i++) { split($i, p, "m"); t += p[1] * 60 + p[2] }
        printf "%d\n", t * 1000
    }' "$1"
}

# step NAME COMMAND...: runs COMMAND (stdout to $WORK/out, stderr to the step's log) and records
# its wall and CPU time, or FAILED. `times` writes to files, so that no process this function
# starts to read them is counted in the step.
step() {
    local name=$1 rc=0 wall0 wall1 server0 server1
    shift
    local log=$LOGS/$column-$run-$name.log
    echo "run $run/$RUNS, $column: $name" >&2
    server0=$(server_cpu_ms)
    times >"$WORK/times0"
    wall0=$EPOCHREALTIME
    "$@" >"$WORK/out" 2>"$log" || rc=$?
    wall1=$EPOCHREALTIME
    times >"$WORK/times1"
    server1=$(server_cpu_ms)
    if ((rc != 0)); then
        fail "$name" "exit $rc"
        return 1
    fi
    local cpu=$(($(children_cpu_ms "$WORK/times1") - $(children_cpu_ms "$WORK/times0") + server1 - server0))
    echo "$column $name $run $(((${wall1/./} - ${wall0/./}) / 1000)) $cpu $((server1 - server0))" >>"$RESULTS"
}

# fail NAME WHY: records step NAME of this run as FAILED, WHY and its log's first error line noted
fail() {
    local log=$LOGS/$column-$run-$1.log
    echo "$2" >>"$log"
    local why
    why=$(awk '/^error/ {print; exit} /panicked at/ {getline; print; exit}' "$log")
    echo "$column $1 $run FAILED ${why:-$2} (log: $log)" >>"$RESULTS"
}

# expect NAME FIELD VALUE: the step's JSON output has "FIELD": VALUE, else the step is FAILED
expect() {
    local got
    got=$(grep -o "\"$2\": [0-9a-z]*" "$WORK/out" | head -n 1 | cut -d' ' -f2)
    if [[ $got != "$3" ]]; then
        sed -i "\$d" "$RESULTS" # the step's timing, appended last
        fail "$1" "expected \"$2\": $3, got ${got:-nothing}"
        return 1
    fi
}

# each FILE SOUQ_ARGS...: `souq SOUQ_ARGS... LINE` for each line of FILE (its words appended),
# JOBS at a time. The first line runs alone, so that a command failing everywhere fails once.
each() {
    local file=$1
    shift
    head -n 1 "$file" | xargs -r -L 1 "$souq" "$@" >/dev/null &&
        tail -n +2 "$file" | xargs -r -L 1 -P "$JOBS" "$souq" "$@" >/dev/null
}

# A marketplace with SELLERS sellers (a PayPal account and one gig each) and BUYERS buyers with a
# deposit covering their orders; writes the lines of the lifecycle's `order place` commands.
seed() {
    SOUQ_NOW=$PLACED "$souq" -q init --admin admin &&
        seq -f 'seller%06g' "$SELLERS" >"$WORK/sellers" &&
        each "$WORK/sellers" -q user add &&
        awk '{print $1, "--method paypal --account", $1 "@example.com --as admin"}' "$WORK/sellers" >"$WORK/payouts" &&
        each "$WORK/payouts" -q user set-payout &&
        awk -v price="$PRICE" 'BEGIN {print "seller,sku,title,price,delivery_days"}
            {print $1 ",g,Gig of " $1 "," price ",3"}' "$WORK/sellers" >"$WORK/gigs.csv" &&
        "$souq" -q gig import "$WORK/gigs.csv" --as admin &&
        "$souq" gig list --all -o csv >"$WORK/gigs" &&
        # order i: the (i mod SELLERS)th gig, bought by buyer (i mod BUYERS)
        awk -F, -v orders="$ORDERS" -v buyers="$BUYERS" 'NR > 1 {gig[n++] = $1}
            END {for (i = 0; i < orders; i++) printf "%s --as buyer%06d\n", gig[i % n], i % buyers + 1}' \
            "$WORK/gigs" >"$WORK/place" &&
        awk '{n[$3]++} END {for (b in n) print b}' "$WORK/place" | sort >"$WORK/buyers" &&
        each "$WORK/buyers" -q user add &&
        awk -v price="$PRICE" '{n[$3]++}
            END {for (b in n) print b, n[b] * price, "--method paypal --ref seed-" b " --as admin"}' "$WORK/place" |
        sort >"$WORK/deposits" &&
        each "$WORK/deposits" -q wallet deposit
}

# The driver's bookkeeping between placing and delivering (untimed): which seller delivers and
# which buyer completes each order. Every other order is completed; tick auto-completes the rest.
plan_lifecycle() {
    "$souq" order list --all --as admin -o csv >"$WORK/orders" &&
        awk -F, -v deliver="$WORK/deliver" -v complete="$WORK/complete" 'NR > 1 {
            print $1, "--message done --as", $4 >deliver
            if ($1 % 2 == 0) print $1, "--as", $3 >complete
        }' "$WORK/orders" &&
        { [[ $(wc -l <"$WORK/deliver") == "$ORDERS" ]] || { echo "error: $ORDERS orders placed, $(wc -l <"$WORK/deliver") listed"; false; }; }
}

# A fresh, empty database for this column and run: a SQLite file, or a PostgreSQL database
fresh_database() { # NAME -> the --db value
    if [[ $column == postgres ]]; then
        "$pg_bin/createdb" -h "$cluster" -U postgres -T template0 "$1" &&
            echo "postgresql://postgres@/$1?host=$cluster"
    else
        drop_database "$1"
        echo "$WORK/$column-$1.db"
    fi
}
drop_database() { # NAME
    if [[ $column == postgres ]]; then
        "$pg_bin/dropdb" -h "$cluster" -U postgres "$1"
    else
        rm -f "$WORK/$column-$1.db" "$WORK/$column-$1.db-wal" "$WORK/$column-$1.db-shm"
    fi
}

STEPS="place deliver complete tick_auto tick_clear payout audit import"
# The steps of one run in this column; one that fails (or its setup) ends the run's lifecycle
# (the steps after it are "skipped"); the import has a marketplace of its own and runs anyway.
lifecycle() {
    local db=souq_bench_$run
    export SOUQ_DB
    SOUQ_DB=$(fresh_database "$db" 2>"$LOGS/$column-$run-place.log") &&
        SOUQ_NOW=$PLACED seed >/dev/null 2>"$LOGS/$column-$run-place.log" ||
        { fail place "seeding the marketplace failed"; return 0; }
    SOUQ_NOW=$PLACED step place each "$WORK/place" -q order place || return 0
    SOUQ_NOW=$PLACED plan_lifecycle 2>&1 >"$LOGS/$column-$run-deliver.log" || { fail deliver "listing the orders failed"; return 0; }
    SOUQ_NOW=$DELIVERED step deliver each "$WORK/deliver" -q order deliver || return 0
    SOUQ_NOW=$COMPLETED step complete each "$WORK/complete" -q order complete || return 0
    SOUQ_NOW=$TICK1 step tick_auto "$souq" tick -o json || return 0
    expect tick_auto auto_completed $((ORDERS - $(wc -l <"$WORK/complete"))) || return 0
    SOUQ_NOW=$TICK2 step tick_clear "$souq" tick -o json || return 0
    expect tick_clear cleared_orders "$ORDERS" || return 0
    SOUQ_NOW=$PAID step payout "$souq" payout run --key bench --method paypal --as admin -y -o json || return 0
    expect payout items "$SELLERS" || return 0
    SOUQ_NOW=$PAID step audit "$souq" audit -o json || return 0
    expect audit ok true || return 0
    drop_database "$db"
}

import_gigs() {
    local db=souq_bench_import_$run
    SOUQ_DB=$(fresh_database "$db" 2>"$LOGS/$column-$run-import.log") &&
        SOUQ_NOW=$PLACED "$souq" -q init --admin admin >/dev/null 2>"$LOGS/$column-$run-import.log" &&
        SOUQ_NOW=$PLACED "$souq" -q user add seller >/dev/null 2>>"$LOGS/$column-$run-import.log" ||
        { fail import "making the marketplace failed"; return 0; }
    SOUQ_NOW=$PLACED step import "$souq" gig import "$WORK/import.csv" --as seller -o json || return 0
    expect import created "$GIGS" || return 0
    drop_database "$db"
}

python3 bench/gigs_csv.py "$WORK/import.csv" "$GIGS"
if [[ -n $want_postgres ]] && ! start_cluster 2>"$LOGS/postgres-cluster.log"; then
    for run in $(seq "$RUNS"); do
        for name in $STEPS; do
            cp "$LOGS/postgres-cluster.log" "$LOGS/postgres-$run-$name.log"
            column=postgres fail "$name" "the PostgreSQL cluster did not start"
        done
    done
    want_postgres=
fi
for run in $(seq "$RUNS"); do
    for column in $WHICH; do
        case $column in
            before) souq=$SOUQ_BASE ;;
            after) souq=$SOUQ_AFTER ;;
            postgres) [[ -n $want_postgres ]] || continue; souq=$SOUQ_AFTER ;;
            *) echo "WHICH: before, after or postgres, not $column" >&2; exit 2 ;;
        esac
        lifecycle
        import_gigs
    done
done

# The table: medians over the runs, "wall / cpu" in seconds; FAILED when a run failed
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
cell() { # COLUMN STEP -> "wall cpu" (ms), FAILED, skipped or -
    local column=$1 name=$2
    if [[ " $WHICH " != *" $column "* ]]; then
        echo -
    elif grep -q "^$column $name .* FAILED" "$RESULTS"; then
        echo FAILED
    elif ! grep -q "^$column $name " "$RESULTS"; then
        echo skipped
    else
        echo "$(awk -v c="$column" -v s="$name" '$1 == c && $2 == s {print $4}' "$RESULTS" | median)" \
            "$(awk -v c="$column" -v s="$name" '$1 == c && $2 == s {print $5}' "$RESULTS" | median)"
    fi
}
shown() { # "wall cpu" in ms, or a word -> as printed
    [[ $1 == *" "* ]] && awk '{printf "%.2f / %.2f", $1 / 1000, $2 / 1000}' <<<"$1" || echo "$1"
}
ratio() { # two cells -> "wall / cpu" of the first over the second
    [[ $1 == *" "* && $2 == *" "* ]] || { echo -; return; }
    echo "$1 $2" | awk '{printf "%s / %s", ($3 > 0) ? sprintf("%.2f", $1 / $3) : "-", ($4 > 0) ? sprintf("%.2f", $2 / $4) : "-"}'
}
label() {
    case $1 in
        place) echo "order place ($ORDERS)" ;;
        deliver) echo "order deliver ($ORDERS)" ;;
        complete) echo "order complete ($((ORDERS / 2)))" ;;
        tick_auto) echo "tick: auto-complete $((ORDERS - ORDERS / 2))" ;;
        tick_clear) echo "tick: clear $ORDERS" ;;
        payout) echo "payout run ($SELLERS sellers)" ;;
        audit) echo "audit" ;;
        import) echo "gig import ($GIGS rows)" ;;
    esac
}

echo
echo "orders $ORDERS, sellers $SELLERS, buyers $BUYERS, gigs imported $GIGS, runs $RUNS, jobs $JOBS, $(nproc) cores"
echo "before: $BASE (${SOUQ_BASE:-}); after: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src commands || echo ' + changes')"
echo "postgres: $pg_version, fsync $([[ $FAST == 1 ]] && echo 'OFF, synchronous_commit off (FAST=1)' || echo 'on, synchronous_commit on')"
echo "medians, seconds: wall / cpu (user + sys; on postgres souq's plus the server's)"
format='%-30s | %-19s | %-19s | %-13s | %-19s | %-15s\n'
printf "$format" step "sqlite before" "sqlite after" after/before postgres postgres/sqlite
printf "$format" | tr ' ' -
for name in $STEPS; do
    before=$(cell before "$name") after=$(cell after "$name") postgres=$(cell postgres "$name")
    printf "$format" "$(label "$name")" "$(shown "$before")" "$(shown "$after")" "$(ratio "$after" "$before")" \
        "$(shown "$postgres")" "$(ratio "$postgres" "$after")"
done
if [[ " $WHICH " == *" postgres "* ]]; then
    echo
    echo "the server's part of postgres's cpu:"
    for name in $STEPS; do
        awk -v s="$name" '$1 == "postgres" && $2 == s && $4 != "FAILED" {print $6}' "$RESULTS" | median |
            awk -v l="$(label "$name")" 'NF {printf "  %-30s %.2f s\n", l, $1 / 1000}'
    done
fi
if grep -q FAILED "$RESULTS"; then
    echo
    echo "FAILED:"
    grep FAILED "$RESULTS" | sed -E 's/^([^ ]*) ([^ ]*) ([^ ]*) FAILED /  \1, \2, run \3: /'
fi
