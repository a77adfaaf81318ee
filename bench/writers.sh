#!/usr/bin/env bash
# Benchmark (run by hand, never in CI): WRITERS processes on one database, each looping over
# the mixed writing commands of a sale (wallet deposit as admin, order place, order message,
# order deliver, order complete) for SECONDS seconds. Prints each command kind's p50/p99/max
# wall time and its errors, then runs `souq audit`, which must pass.
#
# With BASE=<commit>, the same run is made first with a binary built from that commit (in a
# temporary folder with its own target dir, deleted afterwards), so before and after come
# from one run on the same machine.
#
# With SOUQ=<binary>, that binary is the one measured (no build of this checkout).
#
#   [BASE=<commit>] [SOUQ=<binary>] bench/writers.sh [SECONDS] [WRITERS]        defaults: 20 8
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${1:-20}
WRITERS=${2:-8}
export SOUQ_NOW=2026-03-01T10:00:00Z USER=bench
unset SOUQ_USER SOUQ_OUTPUT SOUQ_BUSY_TIMEOUT_MS

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

BINARIES=()
if [[ -n ${BASE:-} ]]; then
    mkdir "$WORK/base"
    git archive "$BASE" | tar -x -C "$WORK/base"
    (cd "$WORK/base" && CARGO_TARGET_DIR=$WORK/base/target cargo build --release --quiet --locked)
    BINARIES+=("$WORK/base/target/release/souq")
fi
if [[ -n ${SOUQ:-} ]]; then
    BINARIES+=("$SOUQ")
else
    cargo build --release --quiet --locked
    BINARIES+=("$PWD/target/release/souq")
fi

# One worker: a buyer of its own, buying the one gig again and again.
worker() {
    local souq=$1 db=$2 n=$3 out=$4 deadline=$((EPOCHSECONDS + SECONDS_EACH)) round=0 order reply
    local buyer=buyer$n
    # The harness forks nothing but souq (no $(...) subshell, no jq): on 2 cores, a jq per round
    # and a subshell per command took 57% of the CPU that the 8 writers' souq processes share.
    timed() { # KIND COMMAND...: runs it, appends "KIND millis exit-code", keeps stdout in reply.N
        local kind=$1 start=$EPOCHREALTIME rc=0
        shift
        SOUQ_DB=$db "$souq" "$@" >"$WORK/reply.$n" 2>>"$WORK/errors.$n" || rc=$?
        local end=$EPOCHREALTIME
        echo "$kind $(((${end/./} - ${start/./}) / 1000)) $rc" >>"$out"
    }
    while ((EPOCHSECONDS < deadline)); do
        round=$((round + 1))
        timed deposit wallet deposit "$buyer" 20 --method paypal --ref "PP-$n-$round" --as admin
        timed place --json order place 1 --as "$buyer"
        read -r -d '' reply <"$WORK/reply.$n" || true
        [[ $reply =~ \"id\":\ ?([0-9]+) ]] || continue
        order=${BASH_REMATCH[1]}
        timed message order message "$order" --message "round $round, formal tone please" --as "$buyer"
        timed deliver order deliver "$order" --message "done" --attach "$WORK/translation.docx" --as seller
        timed complete order complete "$order" --rating 5 --as "$buyer"
    done
}

echo "الترجمة جاهزة" >"$WORK/translation.docx"
for souq in "${BINARIES[@]}"; do
    db=$WORK/writers.db
    rm -f "$db" "$db"-wal "$db"-shm "$WORK"/times.* "$WORK"/errors.*
    SOUQ_DB=$db "$souq" -q init --admin admin >/dev/null
    SOUQ_DB=$db "$souq" -q user add seller --email seller@example.com >/dev/null
    SOUQ_DB=$db "$souq" -q gig create --as seller --title "ترجمة احترافية" --price 20 --days 3 \
        --category translation >/dev/null
    for n in $(seq "$WRITERS"); do
        SOUQ_DB=$db "$souq" -q user add "buyer$n" --email "buyer$n@example.com" >/dev/null
    done
    for n in $(seq "$WRITERS"); do
        worker "$souq" "$db" "$n" "$WORK/times.$n" &
    done
    wait
    echo "== $souq: $WRITERS writers for ${SECONDS_EACH}s"
    cat "$WORK"/times.* | sort -k1,1 -k2,2n | awk '
        function report() {
            if (k == "") return
            p50 = ms[int((n - 1) * 0.50) + 1]; p99 = ms[int((n - 1) * 0.99) + 1]
            printf "%-9s %6d runs   p50 %5d ms   p99 %5d ms   max %5d ms   errors %d\n", k, n, p50, p99, ms[n], errs
        }
        $1 != k { report(); k = $1; n = 0; errs = 0 }
        { ms[++n] = $2; if ($3 != 0) errs++ }
        END { report() }'
    sort -u "$WORK"/errors.* 2>/dev/null | head -5
    SOUQ_DB=$db "$souq" audit >/dev/null && echo "audit: passed"
done
