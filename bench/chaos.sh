#!/usr/bin/env bash
# The chaos test (tests/chaos.rs) at length: more rounds (10 days of simulated time each) and
# more commands per worker and round, four workers, some processes killed with SIGKILL. Prints
# the seed first and the figures last: processes run, succeeded, refused as expected, busy,
# killed (and of those looked up, how many had committed), orders by status, elapsed.
# Run by hand, never in CI: ./bench/chaos.sh  (SOUQ_CHAOS_ROUNDS=R SOUQ_CHAOS_COMMANDS=N
# SOUQ_CHAOS_SEED=S to change; defaults 20 rounds x 100 commands)
set -euo pipefail
cd "$(dirname "$0")/.."
export SOUQ_CHAOS_ROUNDS="${SOUQ_CHAOS_ROUNDS:-20}"
export SOUQ_CHAOS_COMMANDS="${SOUQ_CHAOS_COMMANDS:-100}"
cargo test --locked --test chaos -- --nocapture
