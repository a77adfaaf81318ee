#!/usr/bin/env bash
# Regenerates the committed man pages (one per command) from the command definition.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --locked
rm -f man/*.1
target/debug/souq manpages man
