#!/usr/bin/env bash
# Makes sure the system packages the tests need are there: Chromium for the browser tests,
# PostgreSQL 15 server binaries for the PostgreSQL run, Redis for the shared cache, nginx (and
# openssl for its certificate) in front of the site, Node.js/npm for axe-core, a Java runtime
# for the W3C's Nu HTML Checker (npm's vnu-jar), OpenStack Swift for object storage.
# As root it installs what is missing with apt-get; otherwise it says what to install.
set -eu
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
# nginx in front of the site (tests/live/test_nginx.py), with a certificate made by openssl.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
# OpenStack Swift with its S3 API: the object storage media live on (tests/live/test_object_storage.py).
for part in proxy account container object; do
    command -v "swift-$part-server" >/dev/null 2>&1 || missing+=("swift-$part")
done
for extra in "$@"; do
    command -v "$extra" >/dev/null 2>&1 || missing+=("$extra")
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    echo "Systeempakketten installeren: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Installed servers (nginx, Redis) must not start as system services here: the tests
    # start their own. Debian's policy-rc.d says so while apt-get runs.
    policy=/usr/sbin/policy-rc.d
    made_policy=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && made_policy=1
    fi
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    [ "$made_policy" -eq 0 ] || rm -f "$policy"
else
    echo "Deze systeempakketten ontbreken: ${missing[*]}" >&2
    echo "Installeer ze met:  sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
