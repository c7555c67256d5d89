#!/usr/bin/env bash
# Makes sure the system packages the tests need are there: Chromium for the browser tests,
# PostgreSQL 15 server binaries for the PostgreSQL run, Redis for the shared cache, Node.js/npm
# for axe-core.
# As root it installs what is missing with apt-get; otherwise it says what to install.
set -eu
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x "$PG_BIN/initdb" ] || missing+=(postgresql-15)
command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
command -v npm >/dev/null 2>&1 || missing+=(npm)
for extra in "$@"; do
    command -v "$extra" >/dev/null 2>&1 || missing+=("$extra")
done

if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    echo "Systeempakketten installeren: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
    echo "Deze systeempakketten ontbreken: ${missing[*]}" >&2
    echo "Installeer ze met:  sudo apt-get install ${missing[*]}" >&2
    exit 1
fi
