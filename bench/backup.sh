#!/usr/bin/env bash
# Benchmark (run by hand, never in CI): `souq backup` of a database of USERS users, idle and
# under 4 writers that commit deposits back to back (each one a souq process, as cron jobs and
# scripts would run them). Prints the median of RUNS backups in each case, how many deposits
# the writers committed meanwhile, and audits the last copy of each and the live database.
#
#   bench/backup.sh [USERS] [RUNS]        defaults: 200000 5
#   SOUQ_BIN=target/debug/souq bench/backup.sh     to time a binary already built
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${1:-200000}
RUNS=${2:-5}
export SOUQ_NOW=2026-03-01T10:00:00Z USER=bench SOUQ_BUSY_TIMEOUT_MS=60000
unset SOUQ_USER SOUQ_OUTPUT

if [[ -z ${SOUQ_BIN:-} ]]; then
    cargo build --release --quiet
    SOUQ_BIN=target/release/souq
fi
SOUQ=$(realpath "$SOUQ_BIN")
WORK=$(mktemp -d)
WRITERS=()
stop_writers() {
    for pid in "${WRITERS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${WRITERS[@]}"; do wait "$pid" 2>/dev/null || true; done
    WRITERS=()
}
trap 'stop_writers; rm -rf "$WORK"' EXIT
export SOUQ_DB=$WORK/live.db

"$SOUQ" -q init --admin admin >/dev/null
"$SOUQ" -q user add buyer >/dev/null
# Seed: USERS users, each with a user.added event (no money: the audit stays green).
sqlite3 "$SOUQ_DB" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $USERS)
INSERT INTO users (username, email, payout_method, payout_account, created_at)
SELECT printf('user%07d', i), printf('user%07d@example.com', i), 'paypal', printf('user%07d@example.com', i),
       '$SOUQ_NOW' FROM n;
INSERT INTO events (at, actor, os_user, kind, entity, entity_id, data)
SELECT '$SOUQ_NOW', 'admin', 'bench', 'user.added', 'user', id, json_object('username', username, 'is_admin', 0)
FROM users WHERE username LIKE 'user%';
COMMIT;
SQL
echo "database: $(du -h "$SOUQ_DB" | cut -f1), $USERS users"

# Prints the median of RUNS backup times in seconds.
time_backups() {
    local label=$1 times=()
    for run in $(seq "$RUNS"); do
        local start end
        start=$(date +%s.%N)
        "$SOUQ" -q backup "$WORK/$label-$run.db"
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
        if ((run < RUNS)); then rm -f "$WORK/$label-$run.db"; fi
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {printf "%.2f", a[int((NR + 1) / 2)]}'
}

deposits() {
    sqlite3 "$SOUQ_DB" "SELECT count(*) FROM transfers WHERE kind = 'deposit'"
}

idle=$(time_backups idle)
echo "idle:            median $idle s over $RUNS backups"

for w in 1 2 3 4; do
    (
        n=0
        while true; do
            "$SOUQ" -q wallet deposit buyer 1 --method card --ref "w$w-$n" --as admin >/dev/null
            n=$((n + 1))
        done
    ) &
    WRITERS+=($!)
done
sleep 1
before=$(deposits)
busy=$(time_backups busy)
after=$(deposits)
stop_writers
echo "4 writers:       median $busy s over $RUNS backups ($((after - before)) deposits committed meanwhile)"
for copy in "$WORK/idle-$RUNS.db" "$WORK/busy-$RUNS.db" "$SOUQ_DB"; do
    "$SOUQ" -q --db "$copy" audit >/dev/null && echo "audit of $(basename "$copy"): ok"
done
