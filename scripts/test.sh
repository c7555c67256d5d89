#!/usr/bin/env bash
# Runs the whole test suite twice, at the same time: on SQLite, and on a throwaway
# PostgreSQL 15 cluster; each run in TEST_WORKERS processes (pytest-xdist; by default half the
# machine's cores each, so on 2 cores each run is one process: measured there, two processes per
# run were slower, 10:06 against 9:25, as every process starts its own servers). A throwaway Redis server serves both: the PostgreSQL run uses it as its
# cache (as production does), and in both runs the browser tests' servers share it and the
# Redis tests (tests/test_redis.py) use it; every process has Redis databases of its own
# (ervaring/settings/test.py). A throwaway OpenStack Swift (S3 API) holds media for the object
# storage tests. Each run's output is shown when it ends. The exit code is
# non-zero when either run fails.
set -u
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export PYTHONDONTWRITEBYTECODE=1
logs=$(mktemp -d /tmp/ervaring-tests.XXXXXX)
pg_dir=$(mktemp -d /tmp/ervaring-pg.XXXXXX)
redis_dir=$(mktemp -d /tmp/ervaring-redis.XXXXXX)
swift_dir=$(mktemp -d /tmp/ervaring-swift.XXXXXX)
trap 'scripts/pg-cluster.sh stop "$pg_dir"; scripts/redis-server.sh stop "$redis_dir"; scripts/swift-server.sh stop "$swift_dir"; rm -rf "$logs"' EXIT

if ! redis=$(scripts/redis-server.sh start "$redis_dir"); then
    echo "Redis kon niet starten." >&2
    exit 1
fi
export TEST_REDIS_URL=$redis
# Object storage for media (one Swift for both runs; each test makes buckets of its own).
if ! TEST_S3_URL=$(scripts/swift-server.sh start "$swift_dir"); then
    echo "Swift (objectopslag) kon niet starten." >&2
    exit 1
fi
export TEST_S3_URL
workers=${TEST_WORKERS:-$(($(nproc) / 2))}
parallel=()
if [ "$workers" -gt 1 ]; then
    # Tests are handed out one by one in the order collected (browser tests last, see
    # tests/conftest.py): Playwright keeps an event loop in the process once a browser test ran,
    # and Django refuses database calls after it.
    parallel=(-n "$workers" --dist load)
fi

echo "Tests op SQLite en PostgreSQL 15 draaien tegelijk; de uitvoer volgt per database."
# Each run has its own Redis databases: from TEST_REDIS_FIRST_DB on, three per process.
env -u DATABASE_URL -u CACHE_URL TEST_REDIS_FIRST_DB=16 $PY -m pytest "${parallel[@]}" "$@" \
    >"$logs/sqlite.log" 2>&1 &
sqlite_pid=$!

if url=$(scripts/pg-cluster.sh start "$pg_dir"); then
    env -u CACHE_URL DATABASE_URL=$url TEST_CACHE_ON_REDIS=1 TEST_REDIS_FIRST_DB=0 \
        $PY -m pytest "${parallel[@]}" "$@" >"$logs/postgresql.log" 2>&1
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
# The failures of both runs once more, at the end, where a truncated log still shows them.
for run in sqlite postgresql; do
    grep -E '^(FAILED|ERROR) ' "$logs/$run.log" | sed "s/^/[$run] /"
done
echo "SQLite: $([ $sqlite_status -eq 0 ] && echo geslaagd || echo MISLUKT)"
echo "PostgreSQL + Redis: $([ $pg_status -eq 0 ] && echo geslaagd || echo MISLUKT)"
[ $sqlite_status -eq 0 ] && [ $pg_status -eq 0 ]
