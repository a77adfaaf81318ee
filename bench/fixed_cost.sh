#!/usr/bin/env bash
# Benchmark (run by hand, never in CI): the fixed cost of one command. `souq gig show 1` next
# to the sqlite3 shell's point select on the same file (hyperfine, whole processes), and the
# instructions each runs (callgrind: repeatable on a noisy machine). Needs hyperfine, valgrind
# and sqlite3 on PATH.
#
#   bench/fixed_cost.sh [RUNS]        default: 200
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-200}
export SOUQ_NOW=2026-03-01T10:00:00Z USER=bench
unset SOUQ_USER SOUQ_OUTPUT SOUQ_BUSY_TIMEOUT_MS

cargo build --release --quiet --locked
SOUQ=$PWD/target/release/souq
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SOUQ_DB=$WORK/souq.db
"$SOUQ" -q init --admin admin >/dev/null
"$SOUQ" -q user add layla --email layla@example.com >/dev/null
"$SOUQ" -q gig create --as layla --title "ترجمة احترافية" --price 20 --days 3 --category translation >/dev/null
POINT_SELECT="SELECT * FROM gigs WHERE id = 1"

hyperfine -N --warmup 10 --runs "$RUNS" "$SOUQ gig show 1" "sqlite3 $SOUQ_DB '$POINT_SELECT'"
instructions() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null | awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
souq=$(instructions "$SOUQ" gig show 1)
shell=$(instructions sqlite3 "$SOUQ_DB" "$POINT_SELECT")
echo "instructions: souq gig show $souq, sqlite3 point select $shell, ratio $(awk "BEGIN { printf \"%.2f\", $souq / $shell }")"
