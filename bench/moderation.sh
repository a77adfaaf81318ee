#!/usr/bin/env bash
# Benchmark (run by hand, never in CI): `souq moderate scan` over 1,000,000 gigs with
# examples/moderation.yaml. Prints texts/s and peak RSS (median of RUNS runs), against a
# baseline measured in the same run: the same scan with an empty rule set, which reads every
# gig but matches nothing (the cost of SQLite alone). Needs cargo and python3.
#
#   bench/moderation.sh            # 1,000,000 gigs, 3 runs
#   GIGS=200000 RUNS=5 bench/moderation.sh
set -euo pipefail
cd "$(dirname "$0")/.."
GIGS=${GIGS:-1000000}
RUNS=${RUNS:-3}

cargo build --release --quiet
souq=$PWD/target/release/souq
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SOUQ_DB=$work/bench.db SOUQ_USER=admin SOUQ_NOW=2026-03-01T10:00:00Z

"$souq" init --admin admin >/dev/null 2>&1
"$souq" user add layla >/dev/null
printf 'rules: []\n' >"$work/empty.yaml"

python3 - "$work/gigs.csv" "$GIGS" <<'PY'
import csv, sys
path, gigs = sys.argv[1], int(sys.argv[2])
# Gig texts as sellers write them, Arabic and English, with prices, dates and quantities;
# one in 100 hides a phone number, one in 200 an outside-payment offer.
titles = [
    "ترجمة احترافية من الإنجليزية إلى العربية", "Professional logo design in 24 hours",
    "تصميم شعار احترافي لشركتك", "WordPress bug fixing and speed optimisation",
    "تدقيق لغوي ونحوي لنصوصك العربية", "English voice-over up to 150 words",
    "كتابة محتوى تسويقي لمواقع التواصل", "Social media banner design, 3 sizes",
]
descriptions = [
    "سأقوم بترجمة ١٠٠٠ كلمة خلال ٣ أيام بسعر ١٥ دولار، مع تعديلين مجانيين. التسليم بصيغة Word أو PDF.",
    "I will design 3 logo concepts for $25, delivered in 2 days, with unlimited revisions until 2026-12-31.",
    "الباقة الأساسية: ٥٠٠ كلمة ب ١٠ دولار، المتوسطة: ١٠٠٠ كلمة ب ٢٠ دولار، المتقدمة: ٢٠٠٠ كلمة ب ٣٥ دولار.",
    "Basic: 500 words for $10, Standard: 1000 words for $20, Premium: 2000 words for $35. Order #48213 style.",
    "أعمل منذ ٨ سنوات في التصميم ولدي أكثر من ٢٠٠٠ مشروع منجز. التسليم خلال ٤٨ ساعة ويمكن طلب تسليم سريع.",
    "Resolution 1920x1080, 60 fps, 4K upscaling for $15 extra. Delivery in 5 days, 2 revisions included.",
]
bad = ["للتواصل واتساب ٠٥٠ ١٢٣ ٤٥ ٦٧ مباشرة", "pay me via paypal.me/laylad to avoid the fees"]
with open(path, "w", newline="", encoding="utf-8") as out:
    writer = csv.writer(out)
    writer.writerow(["sku", "title", "description", "category", "tags", "price", "delivery_days"])
    for i in range(gigs):
        description = descriptions[i % len(descriptions)]
        description += (" " + bad[0] if i % 100 == 7 else "") + (" " + bad[1] if i % 200 == 13 else "")
        writer.writerow([f"b{i}", titles[i % len(titles)], description, "design", "logo;تصميم", 5 + i % 400, 3])
PY
# The gigs go in through souq's own import (the search index needs souq's SQL functions), with
# an empty rule set active so that the import itself flags nothing: the scan below does that.
"$souq" moderate rules import "$work/empty.yaml" >/dev/null
"$souq" gig import "$work/gigs.csv" -q >/dev/null

# Runs the command RUNS times; prints the median wall seconds and the median peak RSS (KiB).
measure() {
    python3 - "$RUNS" "$@" <<'PY'
import resource, statistics, subprocess, sys, time, os
runs, cmd = int(sys.argv[1]), sys.argv[2:]
times, rss, cpu = [], [], []
for _ in range(runs):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY); os.dup2(fd, 1); os.dup2(fd, 2)
        os.execv(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    times.append(time.perf_counter() - start)
    assert os.waitstatus_to_exitcode(status) == 0, f"{cmd} failed"
    rss.append(usage.ru_maxrss)
    cpu.append(usage.ru_utime + usage.ru_stime)
print(f"{statistics.median(times):.3f} {int(statistics.median(rss))} {statistics.median(cpu):.3f}")
PY
}

read -r base_s base_rss base_cpu < <(measure "$souq" moderate scan --rules "$work/empty.yaml" -q -o json)
read -r scan_s scan_rss scan_cpu < <(measure "$souq" moderate scan --rules examples/moderation.yaml -q -o json)
apply_start=$(date +%s.%N)
"$souq" moderate scan --rules examples/moderation.yaml --apply -q -o json >"$work/apply.json"
apply_s=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$apply_start" "$(date +%s.%N)")

python3 - "$GIGS" "$base_s" "$base_rss" "$base_cpu" "$scan_s" "$scan_rss" "$scan_cpu" "$apply_s" "$work/apply.json" <<'PY'
import json, os, sys
gigs = int(sys.argv[1])
base, base_rss, base_cpu = float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
scan, scan_rss, scan_cpu = float(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7])
apply = float(sys.argv[8])
summary = json.load(open(sys.argv[9]))
print(f"moderate scan over {gigs:,} gigs (median of runs, release build, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f})")
print(f"  baseline, empty rules : {base:7.3f} s  {gigs / base:>10,.0f} texts/s  cpu {base_cpu:6.2f} s  peak RSS {base_rss / 1024:6.1f} MiB")
print(f"  examples/moderation   : {scan:7.3f} s  {gigs / scan:>10,.0f} texts/s  cpu {scan_cpu:6.2f} s  peak RSS {scan_rss / 1024:6.1f} MiB  ({scan / base:.2f}x baseline)")
print(f"  cpu per text          : {scan_cpu / gigs * 1e6:.2f} us ({base_cpu / gigs * 1e6:.2f} us reading); a busy machine (load above) stretches the wall times, not these")
print(f"  --apply, first run    : {apply:7.3f} s  {summary['new_flags']:,} flags raised, {summary['held_gigs']:,} gigs held")
PY
