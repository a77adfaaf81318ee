#!/usr/bin/env bash
# Benchmark (run by hand, never in CI): `report sales`, `report sellers` and the seller-levels
# pass of `tick` over ORDERS settled orders of SELLERS sellers, next to the same aggregate
# queries in the sqlite3 shell on the same file, in the same run. Prints the median of RUNS
# runs of each and the ratios. Needs sqlite3 on PATH.
#
#   bench/reports.sh [ORDERS] [SELLERS] [RUNS]        defaults: 200000 2000 3
set -euo pipefail
cd "$(dirname "$0")/.."
ORDERS=${1:-200000}
SELLERS=${2:-2000}
RUNS=${3:-3}
NOW=2027-03-01T10:00:00Z

cargo build --release --quiet
SOUQ=$PWD/target/release/souq
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export SOUQ_NOW=$NOW USER=bench
unset SOUQ_USER SOUQ_OUTPUT

# Seed: sellers with one gig each, 100 buyers, and ORDERS orders settled over the past year
# (90% completed, 40% rated mostly 5, 1 in 13 late, all cleared; 10% cancelled), enough for
# every seller to reach level_2 on the first tick. Reports and levels read
# order rows only, so the seed posts no transfers.
SOUQ_DB=$WORK/seed.db "$SOUQ" -q init --admin admin >/dev/null
sqlite3 "$WORK/seed.db" <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $SELLERS + 100)
INSERT INTO users (username, created_at) SELECT printf('user%06d', i), '2026-01-01T00:00:00Z' FROM n;
SQL
# Gigs through souq (an admin's import), which keeps the search index in step with them.
{
    echo "seller,sku,title,price,delivery_days"
    for i in $(seq 1 "$SELLERS"); do printf 'user%06d,g,Gig %d,10,3\n' "$i" "$i"; done
} >"$WORK/gigs.csv"
SOUQ_DB=$WORK/seed.db "$SOUQ" -q gig import "$WORK/gigs.csv" --as admin >/dev/null
sqlite3 "$WORK/seed.db" <<SQL
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ORDERS),
     o AS (SELECT i, 2 + i % $SELLERS AS seller, 500 + (i * 7919) % 4500 AS gross,
                  strftime('%Y-%m-%dT%H:%M:%SZ', '2026-03-01', '+' || ((i * 157) % 31536000) || ' seconds') AS at
           FROM n)
INSERT INTO orders (gig_id, buyer_id, seller_id, status, quantity, unit_price_cents, gross_cents, commission_bps,
                    fee_cents, net_cents, refund_cents, placed_at, due_at, delivered_at, completed_at,
                    cancelled_at, cleared_at, late, rating)
SELECT seller - 1, $SELLERS + 2 + i % 100, seller, CASE WHEN i % 10 = 0 THEN 'cancelled' ELSE 'completed' END,
       1, gross, gross, 2000,
       CASE WHEN i % 10 = 0 THEN 0 ELSE (gross * 2000 + 5000) / 10000 END,
       CASE WHEN i % 10 = 0 THEN 0 ELSE gross - (gross * 2000 + 5000) / 10000 END,
       CASE WHEN i % 10 = 0 THEN gross ELSE 0 END,
       at, at, CASE WHEN i % 10 = 0 THEN NULL ELSE at END, CASE WHEN i % 10 = 0 THEN NULL ELSE at END,
       CASE WHEN i % 10 = 0 THEN at END, CASE WHEN i % 10 = 0 THEN NULL ELSE at END,
       CASE WHEN i % 13 = 0 THEN 1 ELSE 0 END, CASE WHEN i % 10 IN (1, 2, 3, 4) THEN 5 - (i % 7 = 0) END
FROM o;
COMMIT;
SQL

SALES_SQL="SELECT strftime('%Y-%m-%d', coalesce(completed_at, cancelled_at)) AS p, count(*), sum(gross_cents),
           sum(fee_cents), sum(refund_cents), sum(net_cents)
           FROM orders WHERE status IN ('completed', 'cancelled') GROUP BY p ORDER BY p"
SELLERS_SQL="SELECT seller_id, count(*), sum(gross_cents), sum(fee_cents), sum(refund_cents), sum(net_cents)
             FROM orders WHERE status IN ('completed', 'cancelled') GROUP BY seller_id
             ORDER BY sum(gross_cents) DESC, sum(net_cents) DESC"
LEVELS_SQL="SELECT u.id, count(*) FILTER (WHERE o.status = 'completed'), count(*) FILTER (WHERE o.status = 'cancelled'),
            sum(o.rating), count(o.rating), count(*) FILTER (WHERE o.delivered_at IS NOT NULL AND o.late = 0),
            count(*) FILTER (WHERE o.delivered_at IS NOT NULL OR o.late = 1)
            FROM users u JOIN orders o ON o.seller_id = u.id GROUP BY u.id"

# Wall time in ms, and CPU (user + sys) in ms: on a shared machine CPU is the steadier number.
timed() {
    local out=$1; shift
    /usr/bin/time -f '%e %U %S' -o "$WORK/time" "$@" >"$out"
    awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$WORK/time"
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

: >"$WORK/results"
for _ in $(seq "$RUNS"); do
    rm -f "$WORK/run.db"*; cp "$WORK/seed.db" "$WORK/run.db"
    export SOUQ_DB=$WORK/run.db
    echo "sales_souq $(timed "$WORK/sales.json" "$SOUQ" -q report sales --by day --as admin -o json)" >>"$WORK/results"
    echo "sellers_souq $(timed /dev/null "$SOUQ" -q report sellers --as admin -o json)" >>"$WORK/results"
    echo "tick_souq $(timed "$WORK/tick.json" "$SOUQ" -q tick -o json)" >>"$WORK/results"
    echo "sales_sql $(timed "$WORK/sales.csv" sqlite3 -csv "$WORK/run.db" "$SALES_SQL")" >>"$WORK/results"
    echo "sellers_sql $(timed /dev/null sqlite3 -csv "$WORK/run.db" "$SELLERS_SQL" "$LEVELS_SQL")" >>"$WORK/results"
    echo "tick_sql $(timed /dev/null sqlite3 -csv "$WORK/run.db" "$LEVELS_SQL")" >>"$WORK/results"
done
periods=$(grep -c '"period"' "$WORK/sales.json")
[ "$periods" -eq "$(wc -l <"$WORK/sales.csv")" ] && same="same period count" || same="PERIOD COUNTS DIFFER"
changes=$(grep -o '"level_changes": [0-9]*' "$WORK/tick.json")

med() { awk -v k="$1" -v f="$2" '$1 == k {print $f}' "$WORK/results" | median; }
ratio() { if [ "$2" -gt 0 ]; then echo "scale=2; $1 / $2" | bc; else echo "-"; fi; }
echo "orders: $ORDERS, sellers: $SELLERS, runs: $RUNS, medians in ms (wall / cpu = user+sys)"
for what in sales sellers tick; do
    sw=$(med "${what}_souq" 2) sc=$(med "${what}_souq" 3) bw=$(med "${what}_sql" 2) bc=$(med "${what}_sql" 3)
    printf '%-8s souq %6d / %6d   sqlite3 baseline %6d / %6d   ratio %s / %s\n' \
        "$what" "$sw" "$sc" "$bw" "$bc" "$(ratio "$sw" "$bw")" "$(ratio "$sc" "$bc")"
done
echo "report sales --by day: $periods periods, baseline: $same; tick: $changes"
echo "(sellers' baseline is the ranking plus the stats tally, as souq reads both; tick's is the tally alone:"
echo " souq's tick also checks every other clock and writes each level change with its event)"
