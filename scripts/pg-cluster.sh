#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster in a temporary folder.
#   scripts/pg-cluster.sh start DIR   -> prints DATABASE_URL for it
#   scripts/pg-cluster.sh stop DIR    -> stops it and removes DIR
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user.
set -eu
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
action=$1
dir=$2

as_pg() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$action" in
start)
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    "$PG_BIN/createdb" -h 127.0.0.1 -p "$port" -U postgres ervaring
    echo "postgres://postgres@127.0.0.1:$port/ervaring"
    ;;
stop)
    if [ -d "$dir/data" ]; then
        as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "gebruik: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
