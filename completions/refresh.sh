#!/usr/bin/env bash
# Regenerates the committed completion scripts from the command definition.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --locked
souq=target/debug/souq
"$souq" completions bash > completions/souq.bash
"$souq" completions zsh > completions/_souq
"$souq" completions fish > completions/souq.fish
"$souq" completions powershell > completions/_souq.ps1
"$souq" completions elvish > completions/souq.elv
