#!/usr/bin/env bash
# Runs every cargo-fuzz target for SECONDS each (default 120), starting from the real samples
# in fuzz/seeds/ with a scratch corpus, and stops at the first crash (saved under
# fuzz/artifacts/TARGET/; turn it into a regression test in src/input_proptests.rs).
# Needs cargo-fuzz (`cargo install cargo-fuzz`); RUSTC_BOOTSTRAP=1 lets it run on stable.
# Run by hand, never in CI: ./fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-120}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(money time config_yaml rules_yaml reconcile gig_csv)
fi
export RUSTC_BOOTSTRAP=1
for target in "${targets[@]}"; do
    corpus="$(mktemp -d)"
    echo "== $target: ${seconds}s"
    cargo fuzz run -O "$target" "$corpus" "seeds/$target" -- -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=1024 2>&1 \
        | grep -E '^(#[0-9]+ +DONE|==[0-9]+==|SUMMARY|Done)|panicked|artifact' || true
    rm -rf "$corpus"
done
