#!/usr/bin/env bash
# Runs the whole test suite twice: on SQLite, and on a throwaway PostgreSQL 15 cluster.
# The exit code is non-zero when either run fails.
set -u
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export PYTHONDONTWRITEBYTECODE=1

echo "== Tests op SQLite =="
env -u DATABASE_URL $PY -m pytest "$@"
sqlite_status=$?

echo "== Tests op PostgreSQL 15 =="
pg_dir=$(mktemp -d /tmp/ervaring-pg.XXXXXX)
trap 'scripts/pg-cluster.sh stop "$pg_dir"' EXIT
if url=$(scripts/pg-cluster.sh start "$pg_dir"); then
    DATABASE_URL=$url PG_TEST_DIR=$pg_dir $PY -m pytest "$@"
    pg_status=$?
else
    echo "PostgreSQL kon niet starten." >&2
    pg_status=1
fi

echo
echo "SQLite: $([ $sqlite_status -eq 0 ] && echo geslaagd || echo MISLUKT)"
echo "PostgreSQL: $([ $pg_status -eq 0 ] && echo geslaagd || echo MISLUKT)"
[ $sqlite_status -eq 0 ] && [ $pg_status -eq 0 ]
