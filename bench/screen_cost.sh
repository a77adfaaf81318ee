#!/usr/bin/env bash
# Benchmark (run by hand, never in CI): what screening adds to one message command (issue 10:
# under 1 ms). Two marketplaces made the same way, one with the shipped rules and one with an
# empty rule set (`rules: []`, nothing screened); the same `order message` runs on each.
#   - callgrind: instructions of the whole command, for an innocent Arabic message, an English
#     one, ones with a phone number (refused) and an innocent id that a numbering plan judges,
#     next to `order show`; each also on the empty rule set, and the difference is screening's
#     (reading the rules and the detectors). Not the functions' inclusive counts: the release
#     build's LTO inlines moderation into its callers, where callgrind no longer sees it.
#   - hyperfine -N: wall time of the innocent message on each marketplace. The difference of the
#     medians is what screening adds to the wall, but a commit's fsync varies by more than that on
#     a busy machine (see the load printed); so the verdict is moderation's share of the
#     command's instructions (callgrind counts the process's own, user-space, instructions)
#     applied to its user CPU time (hyperfine's).
# Needs hyperfine, valgrind (callgrind_annotate) and python3.
#
#   bench/screen_cost.sh [RUNS]        default: 100
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-100}
export SOUQ_NOW=2026-03-01T10:00:00Z USER=bench
unset SOUQ_USER SOUQ_OUTPUT SOUQ_BUSY_TIMEOUT_MS

cargo build --release --quiet --locked
SOUQ=$PWD/target/release/souq
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ARABIC="السلام عليكم، متى يمكنك تسليم الترجمة؟ أحتاجها قبل نهاية الأسبوع"
ENGLISH="Hi, could you send me the final version of the logo with the right colours?"
# ordinary marketplace talk in English: words that hold short gate words ("big", "your", "line"),
# or are gate words of a pattern's rarer branches ("pay", "payment", "text", "app", "install")
ENGLISH_TEXTS=(
    "Could you make the logo a bit bigger and send the final files tonight?"
    "Thanks, the translation looks great. Can you fix the line spacing on page two?"
    "My client wants the headline in bold and the background a little lighter."
    "Is it possible to deliver the design by Thursday? The deadline moved up."
    "I attached the brief with your notes; please check the outline before you start."
    "Great work! One small thing: the signature on the last slide is misaligned."
    "Please use the original images, the resized ones look blurry on mobile."
    "Your draft is excellent, I only need a shorter intro and a stronger ending."
    "I will pay the remaining amount once you send the revised files."
    "The payment went through, please confirm you received the order."
    "Where should I upload the files? The text on the app screen is too small."
    "Please install the plugin on the staging site and test the checkout."
)
PHONE="كلمني واتس ٠٥٠ ١٢٣ ٤٥ ٦٧"
# innocent, yet judged by a numbering plan: "20..." could be Egypt's +20
INVOICE="invoice 2026004871"
# a plan of several territories (+44: GB, GG, IM, JE), the costliest to build
UK_PHONE="call me on +44 7400 123456"

market() { # market DIR: a buyer with one active order (id 1) on layla's gig
    export SOUQ_DB=$1/souq.db
    mkdir -p "$1"
    "$SOUQ" -q init --admin admin >/dev/null
    "$SOUQ" -q user add layla >/dev/null
    "$SOUQ" -q user add noura >/dev/null
    "$SOUQ" -q gig create --as layla --title "ترجمة احترافية" --price 20 --days 3 --category translation >/dev/null
    "$SOUQ" -q wallet deposit noura 100 --method card --ref d1 --as admin >/dev/null
    "$SOUQ" -q order place 1 --as noura >/dev/null
}
market "$WORK/empty"
printf 'rules: []\n' >"$WORK/empty.yaml"
"$SOUQ" -q moderate rules import "$WORK/empty.yaml" --as admin >/dev/null
market "$WORK/shipped"

# instructions ARGS...: instructions of one souq process (callgrind)
instructions() { # a refused message exits non-zero: its count stands all the same
    { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$SOUQ" -q "$@" 2>&1 >/dev/null || true; } |
        awk '/refs:/ { gsub(",", "", $NF); print $NF }'
}
# screening TEXT: instructions of `order message` with TEXT on the shipped rules, and on the empty set
screening() {
    local shipped empty
    shipped=$(SOUQ_DB=$WORK/shipped/souq.db instructions order message 1 --as noura --message "$1")
    empty=$(SOUQ_DB=$WORK/empty/souq.db instructions order message 1 --as noura --message "$1")
    echo "$shipped" "$((shipped - empty))"
}
echo "instructions (callgrind), shipped rules; screening = minus the same on the empty rule set:"
printf '  %-44s %12d\n' "order show 1" "$(SOUQ_DB=$WORK/shipped/souq.db instructions order show 1)"
for name in ARABIC ENGLISH PHONE INVOICE UK_PHONE; do
    read -r total screened < <(screening "${!name}")
    printf '  %-44s %12d  screening %11d\n' "order message, ${name,,}" "$total" "$screened"
    [ "$name" = ARABIC ] && arabic_total=$total arabic_screened=$screened
done
worst=0
for text in "${ENGLISH_TEXTS[@]}"; do
    read -r total screened < <(screening "$text")
    printf '  %-44s %12d  screening %11d\n' "${text:0:44}" "$total" "$screened"
    ((screened > worst)) && worst=$screened
done
printf '  English texts, most screening: %d (target < 3000000: %s)\n' "$worst" \
    "$( ((worst < 3000000)) && echo MET || echo NOT MET)"

echo "wall time (hyperfine -N, $RUNS runs each, load $(cut -d' ' -f1-3 /proc/loadavg)):"
hyperfine -N --warmup 5 --runs "$RUNS" --export-json "$WORK/times.json" \
    -n shipped "env SOUQ_DB=$WORK/shipped/souq.db $SOUQ -q order message 1 --as noura --message '$ARABIC'" \
    -n empty "env SOUQ_DB=$WORK/empty/souq.db $SOUQ -q order message 1 --as noura --message '$ARABIC'" \
    >/dev/null
python3 - "$WORK/times.json" "$arabic_total" "$arabic_screened" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ms = {name: results[name]["median"] * 1e3 for name in ("shipped", "empty")}
for name, label in (("shipped", "shipped rules"), ("empty", "empty rule set (no screening)")):
    r = results[name]
    print(f"  order message, {label:<31} median {ms[name]:6.2f} ms  (mean {r['mean'] * 1e3:.2f} ± {r['stddev'] * 1e3:.2f})")
print(f"  difference of the medians: {ms['shipped'] - ms['empty']:.2f} ms")
cpu = results["shipped"]["user"] * 1e3
share = float(sys.argv[3]) / float(sys.argv[2])
print(f"  user cpu of order message {cpu:.2f} ms (mean), screening {share:.1%} of its instructions")
print(f"screening adds {cpu * share:.2f} ms (target < 1)")
PY
