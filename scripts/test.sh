#!/usr/bin/env bash
# Runs the whole test suite twice, at the same time: on SQLite, and on a throwaway
# PostgreSQL 15 cluster. A throwaway Redis server serves both: the PostgreSQL run uses it as
# its cache (as production does), and in both runs the browser tests' servers share it and
# the Redis tests (tests/test_redis.py) use it. Each run's output is shown when it ends. The
# exit code is non-zero when either run fails.
set -u
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export PYTHONDONTWRITEBYTECODE=1
logs=$(mktemp -d /tmp/ervaring-tests.XXXXXX)
pg_dir=$(mktemp -d /tmp/ervaring-pg.XXXXXX)
redis_dir=$(mktemp -d /tmp/ervaring-redis.XXXXXX)
trap 'scripts/pg-cluster.sh stop "$pg_dir"; scripts/redis-server.sh stop "$redis_dir"; rm -rf "$logs"' EXIT

if ! redis=$(scripts/redis-server.sh start "$redis_dir"); then
    echo "Redis kon niet starten." >&2
    exit 1
fi
export TEST_REDIS_URL=$redis

echo "Tests op SQLite en PostgreSQL 15 draaien tegelijk; de uitvoer volgt per database."
# Each run has its own Redis databases: from TEST_REDIS_FIRST_DB on (see tests/conftest.py).
env -u DATABASE_URL -u CACHE_URL TEST_REDIS_FIRST_DB=8 $PY -m pytest "$@" >"$logs/sqlite.log" 2>&1 &
sqlite_pid=$!

if url=$(scripts/pg-cluster.sh start "$pg_dir"); then
    DATABASE_URL=$url CACHE_URL=$redis/0 TEST_REDIS_FIRST_DB=0 \
        $PY -m pytest "$@" >"$logs/postgresql.log" 2>&1
    pg_status=$?
else
    echo "PostgreSQL kon niet starten." >"$logs/postgresql.log"
    pg_status=1
fi
wait $sqlite_pid
sqlite_status=$?

echo "===================== SQLite ====================="
cat "$logs/sqlite.log"
echo "=================== PostgreSQL 15 + Redis ==================="
cat "$logs/postgresql.log"
echo
echo "SQLite: $([ $sqlite_status -eq 0 ] && echo geslaagd || echo MISLUKT)"
echo "PostgreSQL + Redis: $([ $pg_status -eq 0 ] && echo geslaagd || echo MISLUKT)"
[ $sqlite_status -eq 0 ] && [ $pg_status -eq 0 ]
