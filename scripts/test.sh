#!/usr/bin/env bash
# The test suite on both engines: the whole suite on SQLite, then the integration tests again on
# PostgreSQL, in a throwaway cluster this script starts on a unix socket in a temporary directory
# and removes on any exit. Arguments go to both `cargo nextest run`s (a test name, --test FILE ...).
# Without PostgreSQL's server binaries (Debian: apt-get install postgresql) the PostgreSQL half
# says, on one line, that it did not run; it never passes silently.
# Exit status: non-zero when either half failed.
set -uo pipefail
cd "$(dirname "$0")/.."

# Ctrl-C ends the whole run, not only the half it interrupts (nextest exits as if tests failed)
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

cargo nextest run --locked --no-fail-fast "$@"
sqlite_status=$?

# initdb and pg_ctl: from PATH, else the newest of Debian's /usr/lib/postgresql/VERSION/bin
pg_bin=
if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    pg_bin=$(dirname "$(readlink -f "$(command -v initdb)")")
else
    pg_bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
if [ ! -x "$pg_bin/initdb" ] || [ ! -x "$pg_bin/pg_ctl" ]; then
    echo "postgres half: NOT RUN (no PostgreSQL server binaries; apt-get install postgresql)" >&2
    exit "$sqlite_status"
fi

# initdb and the server refuse to run as root: as root, the cluster is the postgres user's
# (run from /, as that user may not enter the current directory)
as_cluster_owner() {
    if [ "$(id -u)" = 0 ]; then
        (cd / && runuser -u postgres -- "$@")
    else
        "$@"
    fi
}

# /tmp, not $TMPDIR: the postgres user must reach it, and a socket path has at most 107 bytes
cluster=$(mktemp -d /tmp/souq-pg.XXXXXX) || exit 1
started=
stop_cluster() {
    if [ -n "$started" ]; then
        as_cluster_owner "$pg_bin/pg_ctl" stop -D "$cluster/data" -m immediate -s >/dev/null 2>&1
    fi
    rm -rf "$cluster"
}
trap stop_cluster EXIT
if [ "$(id -u)" = 0 ]; then
    chown postgres: "$cluster" || exit 1
fi

# The default collation is ICU's English, which does not order text by its bytes: souq's schema
# must (COLLATE "C"), whatever the database's locale. Nothing here needs to survive a crash.
if ! as_cluster_owner "$pg_bin/initdb" -D "$cluster/data" -U postgres --auth=trust --no-sync --no-instructions \
    --encoding=UTF8 --locale=C.UTF-8 --locale-provider=icu --icu-locale=en >"$cluster/initdb.log" 2>&1; then
    cat "$cluster/initdb.log" >&2
    echo "postgres half: FAILED (initdb, with $pg_bin; PostgreSQL 15 or newer is needed)" >&2
    exit 1
fi
started=yes
if ! as_cluster_owner "$pg_bin/pg_ctl" start -D "$cluster/data" -l "$cluster/server.log" -w -s \
    -o "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c listen_addresses='' \
        -c unix_socket_directories=$cluster -c max_connections=200"; then
    cat "$cluster/server.log" >&2
    echo "postgres half: FAILED (the test cluster did not start)" >&2
    exit 1
fi

# tests/common/pg.rs makes each test's database in this one (the maintenance database)
export SOUQ_TEST_PG="postgresql://postgres@/postgres?host=$cluster"
echo "postgres half: $("$pg_bin/pg_ctl" --version), cluster in $cluster" >&2
# the integration tests, and the library's (whose engine tests, test_engines::fresh_stores, run
# their PostgreSQL half only here), less those that are SQLite's alone (file header, WAL, backup
# API ...): `sqlite_only` in their path
cargo nextest run --locked --no-fail-fast -E '(kind(test) or kind(lib)) and not test(/sqlite_only/)' "$@"
postgres_status=$?

echo "sqlite half: exit $sqlite_status; postgres half: exit $postgres_status" >&2
if [ "$sqlite_status" != 0 ]; then
    exit "$sqlite_status"
fi
exit "$postgres_status"
