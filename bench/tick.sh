#!/usr/bin/env bash
# Times `souq tick` over 100k due auto-completions and 100k due clearances (orders built through
# the library) against a hand-written SQL baseline making the same row changes, in the same run.
# Run by hand, never in CI: ./bench/tick.sh  (SOUQ_BENCH_ORDERS=N and SOUQ_BENCH_RUNS=R to change)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo bench --locked --bench tick
