#!/usr/bin/env bash
# Benchmark (run by hand, never in CI): `payout run` and `payout export` over 100,000 sellers
# with cleared earnings, next to hand-written SQL in the sqlite3 shell making the same rows
# (batch, items, send transfers, balance updates, event) on an identical copy, in the same run.
# Prints the median of RUNS runs of each and the ratios. Needs sqlite3 (3.38+) on PATH.
#
#   bench/payouts.sh [SELLERS] [RUNS]        defaults: 100000 3
set -euo pipefail
cd "$(dirname "$0")/.."
SELLERS=${1:-100000}
RUNS=${2:-3}
NOW=2026-03-01T10:00:00Z

cargo build --release --quiet
SOUQ=$PWD/target/release/souq
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SOUQ_NOW=$NOW USER=bench
unset SOUQ_USER SOUQ_OUTPUT

# Seed: SELLERS PayPal sellers with 10.00-59.99 available each, as the ledger would hold them
# after clearance (the cached balances are what payout run reads; the seed posts no transfers).
SOUQ_DB=$WORK/seed.db "$SOUQ" -q init --admin admin >/dev/null
sqlite3 "$WORK/seed.db" <<SQL
PRAGMA foreign_keys = ON;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $SELLERS)
INSERT INTO users (username, payout_method, payout_account, created_at)
SELECT printf('seller%06d', i), 'paypal', printf('seller%06d@example.com', i), '$NOW' FROM n;
INSERT INTO accounts (name, user_id, kind, balance)
SELECT 'user:' || id || ':available', id, 'available', 1000 + (id * 7919) % 5000 FROM users WHERE NOT is_admin;
INSERT INTO accounts (name, kind, balance)
SELECT 'world:test', 'world', -sum(balance) FROM accounts WHERE kind = 'available';
COMMIT;
SQL

# The same rows payout run makes, set-based. The one thing it does not do is chain each
# transfer's hash to the previous one (that needs a row-by-row loop SQL does not have): each
# hash here covers its own row only, with sha3 standing in for sha256.
cat > "$WORK/baseline.sql" <<SQL
PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;
BEGIN IMMEDIATE;
INSERT INTO payout_batches (key, method, min_cents, created_by, created_at)
VALUES ('bench', 'paypal', 1000, 1, '$NOW');
INSERT INTO payout_items (batch_id, seller_id, method, account, amount_cents, updated_at)
SELECT b.id, u.id, u.payout_method, u.payout_account, a.balance, '$NOW'
FROM accounts a JOIN users u ON u.id = a.user_id, payout_batches b
WHERE b.key = 'bench' AND a.kind = 'available' AND a.balance >= 1000 AND u.payout_method = 'paypal'
  AND u.status = 'active'
  AND NOT EXISTS (SELECT 1 FROM payout_items i WHERE i.seller_id = u.id AND i.status IN ('in_flight', 'pending'))
ORDER BY u.id;
INSERT INTO accounts (name, kind) VALUES ('payouts_in_flight', 'payouts_in_flight');
INSERT INTO transfers (debit_account, credit_account, amount, kind, payout_item_id, idem_key, actor,
                       created_at, prev_hash, hash)
SELECT a.id, f.id, i.amount_cents, 'payout_send', i.id, 'payout_item:' || i.id || ':send', 'admin', '$NOW', '',
       lower(hex(sha3(a.id || '|' || f.id || '|' || i.amount_cents || '|payout_send||' || i.id, 256)))
FROM payout_items i JOIN accounts a ON a.user_id = i.seller_id AND a.kind = 'available',
     accounts f
WHERE f.name = 'payouts_in_flight'
ORDER BY i.id;
UPDATE accounts SET balance = balance - (SELECT amount_cents FROM payout_items WHERE seller_id = accounts.user_id)
WHERE kind = 'available' AND user_id IN (SELECT seller_id FROM payout_items);
UPDATE accounts SET balance = (SELECT sum(amount_cents) FROM payout_items) WHERE name = 'payouts_in_flight';
INSERT INTO events (at, actor, os_user, kind, entity, entity_id, data)
VALUES ('$NOW', 'admin', 'bench', 'payout.batch_created', 'payout_batch', 1, '{}');
COMMIT;
SQL

# Wall time in ms, and CPU (user + sys) in ms: on a shared machine CPU is the steadier number.
timed() {
    local out=$1; shift
    /usr/bin/time -f '%e %U %S' -o "$WORK/time" "$@" >"$out"
    awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$WORK/time"
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
fresh() { rm -f "$WORK/run.db"*; cp "$WORK/seed.db" "$WORK/run.db"; }

: >"$WORK/results"
for _ in $(seq "$RUNS"); do
    fresh
    echo "run_souq $(SOUQ_DB=$WORK/run.db timed "$WORK/batch.json" \
        "$SOUQ" -q payout run --key bench --method paypal --as admin -y -o json)" >>"$WORK/results"
    echo "export_souq $(SOUQ_DB=$WORK/run.db timed /dev/null \
        "$SOUQ" -q payout export 1 --as admin --file "$WORK/paypal.csv")" >>"$WORK/results"
    items=$(grep -o '"items": [0-9]*' "$WORK/batch.json")

    fresh
    echo "run_sql $(timed /dev/null sqlite3 -init "$WORK/baseline.sql" "$WORK/run.db" .quit)" >>"$WORK/results"
    echo "export_sql $(timed "$WORK/baseline.csv" sqlite3 -csv "$WORK/run.db" \
        "SELECT account, printf('%d.%02d', amount_cents / 100, amount_cents % 100), 'USD',
         'souq-b' || batch_id || '-i' || id, 'souq payout batch ' || batch_id, 'PAYPAL'
         FROM payout_items WHERE batch_id = 1 ORDER BY id")" >>"$WORK/results"
done
# sqlite3 quotes cells with spaces and souq does not need to: compare without quotes and CRs.
cmp -s <(cat "$WORK"/paypal-*.csv "$WORK"/paypal.csv 2>/dev/null | tr -d '\r"') <(tr -d '\r"' <"$WORK/baseline.csv") \
    && same="identical rows" || same="ROWS DIFFER"

med() { awk -v k="$1" -v f="$2" '$1 == k {print $f}' "$WORK/results" | median; }
ratio() { echo "scale=2; $1 / $2" | bc; }
echo "sellers: $SELLERS ($items), runs: $RUNS, medians in ms (wall / cpu = user+sys)"
for what in run export; do
    sw=$(med "${what}_souq" 2) sc=$(med "${what}_souq" 3) bw=$(med "${what}_sql" 2) bc=$(med "${what}_sql" 3)
    printf 'payout %-7s souq %6d / %6d   sqlite3 baseline %6d / %6d   ratio %s / %s\n' \
        "$what" "$sw" "$sc" "$bw" "$bc" "$(ratio "$sw" "$bw")" "$(ratio "$sc" "$bc")"
done
echo "export file vs the baseline's sqlite3 -csv output: $same"
