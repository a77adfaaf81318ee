#!/usr/bin/env bash
# Benchmark (run by hand, never in CI): every row of issue 15's table against the same sqlite3
# shell baseline in one run, with MET / NOT MET per target, then every read and write command's
# fixed cost (whole processes, SQLite, release build):
#   1. one `gig show` against the shell's point select: <= 1.2x wall, the median ratio of
#      SHOW_ROUNDS alternated rounds (hyperfine -N medians), with perf stat CPU time and faults;
#   2. 4 processes x ORDERS `order place` on one file against 4 x ORDERS shell processes, each one
#      transaction with the same inserts and updates (the order, the two balances, the chained
#      transfer, the event; WAL, synchronous=FULL, the shell's busy timeout): <= 1.3x wall, medians
#      of RUNS, souq and shell alternated;
#   3. bench/writers.sh: 8 writers of mixed commands for WRITERS_SECONDS: p99 <= 50 ms, max <= 0.5 s,
#      0 errors, audit passed;
#   4. bench/import.sh with IMPORT_ROWS rows: <= 1.25x wall, <= 1.8x CPU, RSS <= 64 MiB (the full
#      target is IMPORT_ROWS=1000000);
#   5. each command's fixed cost: instructions of one process (callgrind, repeatable on a busy
#      machine) and the median wall time (reads: hyperfine -N over FIXED_RUNS; writes, which
#      cannot repeat the same arguments: FIXED_RUNS processes in a loop, each timed).
# Wall times on a shared machine hold the wait for a core and the disk: the load is printed.
#
#   bench/targets.sh                                   # quick: 10,000 import rows, 20 s of writers
#   IMPORT_ROWS=1000000 WRITERS_SECONDS=60 bench/targets.sh   # the issue's full targets
#   SKIP="place writers import fixed" bench/targets.sh        # gig show against the point select only
# Variables: SOUQ (a souq binary to measure instead of this checkout's release build; passed on to
# bench/writers.sh and bench/import.sh), RUNS (3), ORDERS (100, per process), WRITERS_SECONDS (20), IMPORT_ROWS (10000; 0 skips
# the row), FIXED_RUNS (30), SHOW_ROUNDS (9), SKIP (rows to leave out, e.g. "writers import").
# Needs hyperfine, valgrind, sqlite3, jq, python3 and GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C.UTF-8 # hyperfine gets Arabic arguments quoted as text, not as $'\...' escapes
RUNS=${RUNS:-3}
ORDERS=${ORDERS:-100}
WRITERS_SECONDS=${WRITERS_SECONDS:-20}
IMPORT_ROWS=${IMPORT_ROWS:-10000}
FIXED_RUNS=${FIXED_RUNS:-30}
SHOW_ROUNDS=${SHOW_ROUNDS:-9}
SKIP=${SKIP:-}
NOW=2026-03-01T10:00:00Z DUE=2026-03-04T10:00:00Z
export SOUQ_NOW=$NOW USER=bench
unset SOUQ_USER SOUQ_OUTPUT SOUQ_BUSY_TIMEOUT_MS SOUQ_DB
for tool in hyperfine valgrind sqlite3 jq python3; do
    command -v "$tool" >/dev/null || { echo "needs $tool on PATH" >&2; exit 1; }
done

if [[ -z ${SOUQ:-} ]]; then
    cargo build --release --quiet --locked
    SOUQ=$PWD/target/release/souq
fi
export SOUQ
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
RESULTS=$WORK/results
: >"$RESULTS"
skipped() { [[ " $SKIP " == *" $1 "* ]]; }

median() { sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
now_us() { echo "${EPOCHREALTIME/./}"; }
instructions() { # COMMAND... -> instructions of that one process
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
hyperfine_ms() { # COMMAND... -> median wall ms (hyperfine -N)
    hyperfine -N --warmup 3 --runs "$FIXED_RUNS" --export-json "$WORK/h.json" "$(printf '%q ' "$@")" >/dev/null 2>&1
    jq '.results[0].median * 1000' "$WORK/h.json"
}
# target NAME VALUE LIMIT UNIT: one line of the verdict, MET when VALUE <= LIMIT
target() {
    local verdict
    verdict=$(awk -v v="$2" -v l="$3" 'BEGIN { print (v <= l) ? "MET" : "NOT MET" }')
    printf '%-44s %10s %-4s (target <= %s)  %s\n' "$1" "$2" "$4" "$3" "$verdict" | tee -a "$RESULTS"
}

# A marketplace: a seller (user 2) with gig 1 at 20.00, buyers buyer1..4 (users 3..6) with a
# deposit each, and one order each so every account an order moves exists (escrow too).
seed() { # DB
    local db=$1
    SOUQ_DB=$db "$SOUQ" -q init --admin admin >/dev/null
    SOUQ_DB=$db "$SOUQ" -q user add seller --email seller@example.com >/dev/null
    SOUQ_DB=$db "$SOUQ" -q gig create --as seller --title "ترجمة احترافية" --price 20 --days 3 \
        --category translation >/dev/null
    for b in 1 2 3 4; do
        SOUQ_DB=$db "$SOUQ" -q user add "buyer$b" --email "buyer$b@example.com" >/dev/null
        SOUQ_DB=$db "$SOUQ" -q wallet deposit "buyer$b" 9000 --method paypal --ref "seed-$b" --as admin >/dev/null
        SOUQ_DB=$db "$SOUQ" -q order place 1 --as "buyer$b" >/dev/null
    done
}
copy_db() { # FROM TO (the last close checkpointed the WAL into the file)
    rm -f "$2" "$2-wal" "$2-shm"
    cp "$1" "$2"
}
SEED=$WORK/seed.db
seed "$SEED"

echo "== $(date -u +%FT%TZ), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg), souq $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src commands build.rs || echo ' + changes')"

# 1. gig show against the point select: SHOW_ROUNDS rounds, each timing souq then the shell
# (hyperfine -N, FIXED_RUNS runs of each), so a change of load hits both sides of a round alike;
# the verdict is the median of the rounds' ratios. perf stat adds each side's CPU time and page
# faults (median of the rounds' means) where perf may count this process.
if ! skipped show; then
    copy_db "$SEED" "$WORK/show.db"
    souq_show=("$SOUQ" --db "$WORK/show.db" gig show 1)
    shell_show=(sqlite3 "$WORK/show.db" 'SELECT * FROM gigs WHERE id = 1')
    perf_ok=0
    command -v perf >/dev/null && perf stat -x, -e task-clock,page-faults true >/dev/null 2>&1 && perf_ok=1
    perf_show() { # COMMAND... -> "task-clock-ms page-faults", means of FIXED_RUNS processes
        perf stat -r "$FIXED_RUNS" -x, -e task-clock,page-faults "$@" 2>&1 >/dev/null |
            awk -F, '/task-clock/ { t = $1 } /page-faults/ { f = $1 } END { print t, f }'
    }
    : >"$WORK/show.rounds"
    for _ in $(seq "$SHOW_ROUNDS"); do
        hyperfine -N --warmup 5 --runs "$FIXED_RUNS" --export-json "$WORK/show.json" \
            "$(printf '%q ' "${souq_show[@]}")" "$(printf '%q ' "${shell_show[@]}")" >/dev/null 2>&1
        read -r souq_ms shell_ms < <(jq -r '[.results[].median * 1000] | @tsv' "$WORK/show.json")
        perf_cols="- - - -"
        ((perf_ok)) && perf_cols="$(perf_show "${souq_show[@]}") $(perf_show "${shell_show[@]}")"
        echo "$souq_ms $shell_ms $(awk "BEGIN { print $souq_ms / $shell_ms }") $perf_cols" >>"$WORK/show.rounds"
    done
    col() { cut -d' ' -f"$1" "$WORK/show.rounds" | median; }
    souq_i=$(instructions "${souq_show[@]}")
    shell_i=$(instructions "${shell_show[@]}")
    printf 'gig show: souq %.2f ms, shell %.2f ms (medians of %d alternated rounds of %d runs); ratios %s\n' \
        "$(col 1)" "$(col 2)" "$SHOW_ROUNDS" "$FIXED_RUNS" "$(cut -d' ' -f3 "$WORK/show.rounds" | xargs printf '%.2f ')"
    printf 'gig show: instructions souq %d, shell %d (%.2fx)\n' "$souq_i" "$shell_i" "$(awk "BEGIN { print $souq_i / $shell_i }")"
    ((perf_ok)) && printf 'gig show: task-clock souq %.2f ms, shell %.2f ms; page faults souq %d, shell %d (perf stat)\n' \
        "$(col 4)" "$(col 6)" "$(col 5)" "$(col 7)"
    target "one gig show / point select, wall" "$(printf '%.2f' "$(col 3)")" 1.2 x
fi

# 2. 4 x ORDERS order place against the shell's same transactions
shell_place() { # DB BUYER ORDER_KEY: one order as the shell would write it
    local db=$1 b=$2 key=$3
    sqlite3 "$db" ".timeout 5000" "PRAGMA synchronous = FULL;
BEGIN IMMEDIATE;
INSERT INTO orders (gig_id, buyer_id, seller_id, status, quantity, unit_price_cents, gross_cents, commission_bps,
                    fee_cents, net_cents, placed_at, due_at)
VALUES (1, $((b + 2)), 2, 'active', 1, 2000, 2000, 2000, 400, 1600, '$NOW', '$DUE');
UPDATE accounts SET balance = balance - 2000 WHERE name = 'user:$((b + 2)):credit' AND balance >= 2000;
UPDATE accounts SET balance = balance + 2000 WHERE name = 'escrow';
INSERT INTO transfers (id, debit_account, credit_account, amount, kind, order_id, idem_key, actor, created_at,
                       prev_hash, hash)
SELECT t.id + 1, (SELECT id FROM accounts WHERE name = 'user:$((b + 2)):credit'),
       (SELECT id FROM accounts WHERE name = 'escrow'), 2000, 'order_payment', (SELECT max(id) FROM orders),
       'shell:$key', 'buyer$b', '$NOW', t.hash, lower(hex(randomblob(32)))
FROM (SELECT id, hash FROM transfers ORDER BY id DESC LIMIT 1) AS t;
INSERT INTO events (at, actor, os_user, kind, entity, entity_id, data)
VALUES ('$NOW', 'buyer$b', 'bench', 'order.placed', 'order', (SELECT max(id) FROM orders),
        '{\"extras\":[],\"gig_id\":1,\"gross_cents\":2000,\"quantity\":1}');
COMMIT;" >/dev/null
}
place_run() { # souq|shell -> wall ms of 4 processes x ORDERS, all started together
    local kind=$1 db=$WORK/place.db start end
    copy_db "$SEED" "$db"
    start=$(now_us)
    for b in 1 2 3 4; do
        (
            for i in $(seq "$ORDERS"); do
                case $kind in
                    souq) "$SOUQ" --db "$db" -q order place 1 --as "buyer$b" >/dev/null ;;
                    shell) shell_place "$db" "$b" "$b-$i" ;;
                esac
            done
        ) &
    done
    wait
    end=$(now_us)
    local placed
    placed=$(sqlite3 "$db" "SELECT count(*) FROM orders")
    [[ $placed == $((4 * ORDERS + 4)) ]] || { echo "$kind: $placed orders, expected $((4 * ORDERS + 4))" >&2; exit 1; }
    echo $(((end - start) / 1000))
}
if ! skipped place; then
    souq_t=() shell_t=()
    for _ in $(seq "$RUNS"); do
        souq_t+=("$(place_run souq)") shell_t+=("$(place_run shell)")
    done
    souq_ms=$(printf '%s\n' "${souq_t[@]}" | median)
    shell_ms=$(printf '%s\n' "${shell_t[@]}" | median)
    echo "4 x $ORDERS order place: souq $souq_ms ms, shell $shell_ms ms (medians of $RUNS: souq ${souq_t[*]}; shell ${shell_t[*]})"
    target "4 x $ORDERS order place / shell, wall" "$(awk "BEGIN { printf \"%.2f\", $souq_ms / $shell_ms }")" 1.3 x
fi

# 3. 8 writers, mixed commands
if ! skipped writers; then
    SOUQ=$SOUQ bench/writers.sh "$WRITERS_SECONDS" 8 >"$WORK/writers.out" 2>&1 || true
    grep -v '^==' "$WORK/writers.out"
    p99=$(awk '$3 == "runs" { if ($8 > m) m = $8 } END { print m + 0 }' "$WORK/writers.out")
    max=$(awk '$3 == "runs" { if ($11 > m) m = $11 } END { print m + 0 }' "$WORK/writers.out")
    errors=$(awk '$3 == "runs" { e += $14 } END { print e + 0 }' "$WORK/writers.out")
    target "8 writers ${WRITERS_SECONDS}s: worst p99 of a command" "$p99" 50 ms
    target "8 writers ${WRITERS_SECONDS}s: slowest command" "$max" 500 ms
    target "8 writers ${WRITERS_SECONDS}s: errors" "$errors" 0 ""
    grep -q "audit: passed" "$WORK/writers.out" && audit=0 || audit=1
    target "8 writers ${WRITERS_SECONDS}s: audit failures" "$audit" 0 ""
fi

# 4. import, by bench/import.sh (its table's row for IMPORT_ROWS)
if ! skipped import && ((IMPORT_ROWS > 0)); then
    SOUQ=$SOUQ ROWS=$IMPORT_ROWS SMALL=$IMPORT_ROWS RUNS=1 SEARCH_RUNS=1 bench/import.sh >"$WORK/import.out" 2>&1
    read -r _ souq_s shell_s wall_ratio _ _ cpu_ratio rss _ < <(awk -v n="$IMPORT_ROWS" '$1 == n' "$WORK/import.out")
    echo "import $IMPORT_ROWS rows: souq $souq_s s, shell $shell_s s, RSS $rss MiB"
    target "import $IMPORT_ROWS rows / shell, wall" "$wall_ratio" 1.25 x
    target "import $IMPORT_ROWS rows / shell, CPU" "$cpu_ratio" 1.8 x
    target "import $IMPORT_ROWS rows, peak RSS" "$rss" 64 MiB
fi

# 5. Every command's fixed cost, on a marketplace of its own
if ! skipped fixed; then
    FIXED=$WORK/fixed.db
    copy_db "$SEED" "$FIXED"
    export SOUQ_DB=$FIXED
    echo
    printf '%-40s %14s %10s\n' "command (one process)" instructions median_ms
    read_cost() { # COMMAND ARGS...
        printf '%-40s %14s %10.2f\n' "$*" "$(instructions "$SOUQ" "$@")" "$(hyperfine_ms "$SOUQ" "$@")"
    }
    write_cost() { # COMMAND ARGS... with @ for 1, 2, ...: the first under callgrind, the next FIXED_RUNS timed
        local args times=() start end i
        args=("${@//@/1}")
        local count
        count=$(instructions "$SOUQ" "${args[@]}")
        for i in $(seq 2 $((FIXED_RUNS + 1))); do
            args=("${@//@/$i}")
            start=$(now_us)
            "$SOUQ" "${args[@]}" >/dev/null
            end=$(now_us)
            times+=("$(((end - start) / 1000))")
        done
        printf '%-40s %14s %10.2f\n' "$(sed 's/@/N/g' <<<"$*")" "$count" "$(printf '%s\n' "${times[@]}" | median)"
    }
    # orders 5.. are placed here (1-4 by the seed), then delivered and completed
    write_cost order place 1 --as buyer1 --key k@
    write_cost wallet deposit buyer2 10 --method paypal --ref fixed-@ --as admin
    for i in $(seq 5 $((FIXED_RUNS + 5))); do echo "$i"; done >"$WORK/ids"
    write_cost_ids() { # like write_cost, @ being the orders placed above
        local template=("$@") i=0 id
        local args times=() start end count
        while read -r id; do
            args=("${template[@]//@/$id}")
            if ((i == 0)); then
                count=$(instructions "$SOUQ" "${args[@]}")
            else
                start=$(now_us)
                "$SOUQ" "${args[@]}" >/dev/null
                end=$(now_us)
                times+=("$(((end - start) / 1000))")
            fi
            i=$((i + 1))
        done <"$WORK/ids"
        printf '%-40s %14s %10.2f\n' "$(sed 's/@/N/g' <<<"$*")" "$count" "$(printf '%s\n' "${times[@]}" | median)"
    }
    write_cost_ids order deliver @ --message done --as seller
    write_cost_ids order complete @ --rating 5 --as buyer1
    write_cost tick
    read_cost gig show 1
    read_cost gig list
    read_cost gig search ترجمة
    read_cost order show 5 --as buyer1
    read_cost order list --as buyer1
    read_cost wallet show buyer1 --as buyer1
    read_cost user show buyer1
    read_cost report sales --as admin
    read_cost events --as admin
    read_cost audit
    printf '%-40s %14s %10.2f\n' "sqlite3 shell: point select" \
        "$(instructions sqlite3 "$FIXED" 'SELECT * FROM gigs WHERE id = 1')" \
        "$(hyperfine_ms sqlite3 "$FIXED" 'SELECT * FROM gigs WHERE id = 1')"
fi

echo
echo "== targets (load now: $(cut -d' ' -f1-3 /proc/loadavg))"
cat "$RESULTS"
