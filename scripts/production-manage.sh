#!/usr/bin/env bash
# manage.py with the production settings and the same environment file systemd reads, for
# timers, cron and hands on a server:
#   scripts/production-manage.sh publish_scheduled
# The environment file is /etc/ervaring.env, or ERVARING_ENV_FILE. Without one, the variables
# must already be set (a container, say). The production settings refuse to start without
# SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL, so nothing runs against a development database.
set -euo pipefail
cd "$(dirname "$0")/.."
env_file=${ERVARING_ENV_FILE:-/etc/ervaring.env}
if [ -r "$env_file" ]; then
    set -a
    # shellcheck disable=SC1090
    . "$env_file"
    set +a
elif [ -n "${ERVARING_ENV_FILE:-}" ]; then
    echo "Kan $env_file niet lezen." >&2
    exit 1
fi
export DJANGO_SETTINGS_MODULE=ervaring.settings.production
exec "${PYTHON:-.venv/bin/python}" manage.py "$@"
