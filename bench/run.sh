#!/usr/bin/env bash
# make bench: a PostgreSQL cluster, production settings, the seeded content plus volume, then
# bench/bench.py measures with wrk and Lighthouse. Results: bench/results/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=$PWD/.venv/bin/python
work=$(mktemp -d /tmp/ervaring-bench.XXXXXX)
pg_dir=$(mktemp -d /tmp/ervaring-bench-pg.XXXXXX)
trap 'scripts/pg-cluster.sh stop "$pg_dir"; rm -rf "$work"' EXIT

[ -x bench/node_modules/.bin/lighthouse ] || (cd bench && npm ci --no-audit --no-fund --silent)

export DJANGO_SETTINGS_MODULE=ervaring.settings.production
export SECRET_KEY=$($PY -c 'import secrets; print(secrets.token_urlsafe(50))')
export ALLOWED_HOSTS=127.0.0.1,localhost
export SECURE_SSL_REDIRECT=0          # measured over plain HTTP on loopback
export ERVARING_VAR_DIR=$work/var
export BASE_URL=http://127.0.0.1:8123
DATABASE_URL=$(scripts/pg-cluster.sh start "$pg_dir")
export DATABASE_URL
export PYTHONDONTWRITEBYTECODE=1

echo "== database, inhoud en volume"
$PY manage.py migrate --noinput -v0
$PY manage.py load_content
$PY manage.py configure_site
$PY manage.py shell -c "import bench.generate as g; g.run()"
echo "== statische bestanden"
$PY manage.py collectstatic --noinput -v0
# The reference: a static file of the median size of the measured pages, with its compressed
# copies beside it as collectstatic makes them (.gz, .br): served by the same gunicorn
# (whitenoise) and by nginx (gzip_static).
$PY - <<'PY'
import statistics
import django
django.setup()
from django.conf import settings
from django.test import Client, override_settings
from bench.bench import PAGES
with override_settings(SECURE_SSL_REDIRECT=False):
    client = Client(HTTP_HOST="127.0.0.1")
    pages = sorted((client.get(path).content for _, path in PAGES), key=len)
html = pages[len(pages) // 2]
reference = settings.STATIC_ROOT / "bench-reference.html"
reference.write_bytes(html)
import gzip, brotli
reference.with_name(reference.name + ".gz").write_bytes(gzip.compress(html, 9, mtime=0))
reference.with_name(reference.name + ".br").write_bytes(brotli.compress(html))
print(f"referentiebestand: {len(html)} bytes (de mediaan van de gemeten pagina's)")
PY
echo "== meten"
# BENCH_STEPS=faults runs only the load with faults (it reads the capacity from the last run).
if [ "${BENCH_STEPS:-all}" != "faults" ]; then
    $PY -m bench.bench
    echo "== leesbaarheid van een lange pagina"
    $PY -m bench.readability
    echo "== de minuut na publiceren"
    $PY -m bench.publishing
fi
echo "== belasting met storing (Redis valt weg)"
$PY -m bench.faults
