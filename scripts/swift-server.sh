#!/usr/bin/env bash
# A throwaway OpenStack Swift with its S3 API (s3api), one node, in a temporary folder, for the
# tests: object storage as production would use it for media.
#   scripts/swift-server.sh start DIR   -> prints http://127.0.0.1:PORT (the S3 endpoint)
#   scripts/swift-server.sh stop DIR    -> stops it and removes DIR
# S3 credentials: access key "test:tester", secret "testing" (tempauth), region "us-east-1".
# Needs Debian's swift-proxy, swift-account, swift-container and swift-object packages.
set -eu
action=$1
dir=$2

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

case "$action" in
start)
    mkdir -p "$dir/node/d1" "$dir/run" "$dir/cache"
    # Swift drops its privileges to `user`; run as the swift user when started as root.
    if [ "$(id -u)" = 0 ] && id swift >/dev/null 2>&1; then user=swift; else user=$(id -un); fi
    proxy=$(free_port); account=$(free_port); container=$(free_port); object=$(free_port)
    cat >"$dir/swift.conf" <<EOF
[swift-hash]
swift_hash_path_suffix = ervaring-test
swift_hash_path_prefix = ervaring-test
[storage-policy:0]
name = Policy-0
default = yes
EOF
    for kind in account container object; do
        port_var=$kind
        swift-ring-builder "$dir/$kind.builder" create 8 1 1 >/dev/null
        swift-ring-builder "$dir/$kind.builder" add "r1z1-127.0.0.1:${!port_var}/d1" 1 >/dev/null
        swift-ring-builder "$dir/$kind.builder" rebalance >/dev/null 2>&1 || true
        cat >"$dir/$kind-server.conf" <<EOF
[DEFAULT]
swift_dir = $dir
devices = $dir/node
mount_check = false
bind_ip = 127.0.0.1
bind_port = ${!port_var}
user = $user
workers = 1
log_name = $kind
log_facility = LOG_LOCAL0
[pipeline:main]
pipeline = $kind-server
[app:$kind-server]
use = egg:swift#$kind
EOF
    done
    cat >"$dir/proxy-server.conf" <<EOF
[DEFAULT]
swift_dir = $dir
bind_ip = 127.0.0.1
bind_port = $proxy
user = $user
workers = 1
[pipeline:main]
pipeline = catch_errors proxy-logging cache listing_formats s3api tempauth copy slo dlo proxy-logging proxy-server
[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
[filter:catch_errors]
use = egg:swift#catch_errors
[filter:proxy-logging]
use = egg:swift#proxy_logging
[filter:cache]
use = egg:swift#memcache
memcache_servers = 127.0.0.1:1
[filter:listing_formats]
use = egg:swift#listing_formats
[filter:s3api]
use = egg:swift#s3api
location = us-east-1
[filter:tempauth]
use = egg:swift#tempauth
user_test_tester = testing .admin
[filter:copy]
use = egg:swift#copy
[filter:slo]
use = egg:swift#slo
[filter:dlo]
use = egg:swift#dlo
EOF
    chown -R "$user" "$dir" 2>/dev/null || true
    for server in account container object proxy; do
        setsid "swift-$server-server" "$dir/$server-server.conf" >"$dir/run/$server.log" 2>&1 &
        echo $! >"$dir/run/$server.pid"
    done
    for _ in $(seq 100); do
        if python3 - "$proxy" <<'EOF' 2>/dev/null; then
import sys, urllib.request
urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/info", timeout=1)
EOF
            echo "http://127.0.0.1:$proxy"
            exit 0
        fi
        sleep 0.2
    done
    tail -n 20 "$dir"/run/*.log >&2
    exit 1
    ;;
stop)
    for pid in "$dir"/run/*.pid; do
        [ -f "$pid" ] && kill "$(cat "$pid")" 2>/dev/null || true
    done
    sleep 0.5
    rm -rf "$dir"
    ;;
*)
    echo "gebruik: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
