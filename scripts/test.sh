#!/usr/bin/env bash
# Runs the whole test suite twice, at the same time: on SQLite, and on a throwaway
# PostgreSQL 15 cluster. Each run's output is shown when it ends. The exit code is non-zero
# when either run fails.
set -u
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export PYTHONDONTWRITEBYTECODE=1
logs=$(mktemp -d /tmp/ervaring-tests.XXXXXX)
pg_dir=$(mktemp -d /tmp/ervaring-pg.XXXXXX)
trap 'scripts/pg-cluster.sh stop "$pg_dir"; rm -rf "$logs"' EXIT

echo "Tests op SQLite en PostgreSQL 15 draaien tegelijk; de uitvoer volgt per database."
env -u DATABASE_URL $PY -m pytest "$@" >"$logs/sqlite.log" 2>&1 &
sqlite_pid=$!

if url=$(scripts/pg-cluster.sh start "$pg_dir"); then
    DATABASE_URL=$url $PY -m pytest "$@" >"$logs/postgresql.log" 2>&1
    pg_status=$?
else
    echo "PostgreSQL kon niet starten." >"$logs/postgresql.log"
    pg_status=1
fi
wait $sqlite_pid
sqlite_status=$?

echo "===================== SQLite ====================="
cat "$logs/sqlite.log"
echo "=================== PostgreSQL 15 ==================="
cat "$logs/postgresql.log"
echo
echo "SQLite: $([ $sqlite_status -eq 0 ] && echo geslaagd || echo MISLUKT)"
echo "PostgreSQL: $([ $pg_status -eq 0 ] && echo geslaagd || echo MISLUKT)"
[ $sqlite_status -eq 0 ] && [ $pg_status -eq 0 ]
