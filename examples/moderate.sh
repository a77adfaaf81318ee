#!/usr/bin/env bash
# Moderation automation: follows souq's event log and suspends a user after N blocked messages.
#
#   SOUQ_DB=souq.db SOUQ_USER=admin examples/moderate.sh            # follow until interrupted
#   examples/moderate.sh --threshold 5 --kind delivery.blocked
#   examples/moderate.sh --once                                     # read the log so far, then exit (cron)
#
# The acting user (SOUQ_USER or --as) must be an admin. Counting starts from the beginning of the
# log, so a restarted script reaches the same decisions; suspending twice is a no-op in souq.
# Needs bash, python3 and souq on PATH (or SOUQ_BIN); no jq.
set -euo pipefail

threshold=3
kind=message.blocked
follow=(--follow)
while [ $# -gt 0 ]; do
    case "$1" in
        --threshold) threshold=$2; shift 2 ;;
        --kind) kind=$2; shift 2 ;;
        --once) follow=(); shift ;;
        -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
        *) echo "error: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
case "$threshold" in ''|*[!0-9]*|0) echo "error: --threshold needs a whole number above 0" >&2; exit 2 ;; esac
souq=${SOUQ_BIN:-souq}

"$souq" events --since 0 --kind "$kind" "${follow[@]}" | python3 -u -c '
import collections, json, subprocess, sys
souq, kind, threshold = sys.argv[1], sys.argv[2], int(sys.argv[3])
blocked = collections.Counter()
for line in sys.stdin:
    event = json.loads(line)
    author = (event.get("data") or {}).get("author") or event.get("actor")
    if not author:
        continue
    blocked[author] += 1
    if blocked[author] != threshold:
        continue
    rule = (event.get("data") or {}).get("rule")
    event_id = event.get("id")
    reason = f"{threshold} {kind} events (the last: event {event_id}, rule {rule})"
    done = subprocess.run([souq, "user", "suspend", author, "--reason", reason, "-q", "-o", "json"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if done.returncode == 0:
        print(f"suspended {author}: {reason}", flush=True)
    else:
        print(f"could not suspend {author}: {done.stderr.strip()}", file=sys.stderr, flush=True)
' "$souq" "$kind" "$threshold"
