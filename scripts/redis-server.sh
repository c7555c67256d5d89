#!/usr/bin/env bash
# A throwaway Redis server in a temporary folder, for the tests.
#   scripts/redis-server.sh start DIR   -> prints redis://127.0.0.1:PORT
#   scripts/redis-server.sh stop DIR    -> stops it and removes DIR
set -eu
action=$1
dir=$2
REDIS_SERVER=${REDIS_SERVER:-$(command -v redis-server || echo /usr/bin/redis-server)}

case "$action" in
start)
    mkdir -p "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    # The settings production should use too (docs/operations.md): a memory limit, and
    # eviction only of keys that expire (the content version never does). 64 databases: three
    # for every test process of both runs (scripts/test.sh).
    "$REDIS_SERVER" --port "$port" --bind 127.0.0.1 --dir "$dir" --daemonize yes \
        --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save "" --appendonly no \
        --maxmemory 256mb --maxmemory-policy volatile-lru --databases 64 >/dev/null
    for _ in $(seq 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "redis://127.0.0.1:$port"
            exit 0
        fi
        sleep 0.1
    done
    cat "$dir/redis.log" >&2
    exit 1
    ;;
stop)
    if [ -f "$dir/redis.pid" ]; then
        kill "$(cat "$dir/redis.pid")" 2>/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "gebruik: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
