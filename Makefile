# ervaring — the two commands are `make run` and `make test`. See README.md.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py

.PHONY: help run test lint format bench backup restore lock messages clean

help:
	@echo "make run      site klaarzetten en starten op http://127.0.0.1:$(PORT) (SQLite)"
	@echo "make test     alle tests, op SQLite en op PostgreSQL, met Chromium"
	@echo "make lint     ruff en een controle op ontbrekende migraties"
	@echo "make bench    snelheid meten (PostgreSQL, gunicorn, wrk, Lighthouse) en belasting met storing"
	@echo "make backup   reservekopie van database en media;  make restore FILE=… [YES=1]"

# The virtualenv, rebuilt when a lock file changes.
$(VENV)/.app: requirements.lock
	@python=$$(scripts/find-python.sh) || exit 1; \
	if [ ! -x $(PY) ]; then echo "Virtualenv maken met $$python"; "$$python" -m venv $(VENV); fi
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $@

$(VENV)/.dev: $(VENV)/.app requirements-dev.lock
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements-dev.lock
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	@touch $@

run: $(VENV)/.app
	@mkdir -p var
	$(MANAGE) migrate --noinput
	$(MANAGE) load_content
	$(MANAGE) update_index
	BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) configure_site
	$(MANAGE) create_demo_accounts
	@echo "De site draait op http://127.0.0.1:$(PORT)/ en het beheer op http://127.0.0.1:$(PORT)/beheer/"
	@echo "De worker verstuurt de mail (hier: op het scherm); hij stopt met de site."
	@export BASE_URL=http://127.0.0.1:$(PORT); \
	$(MANAGE) run_worker --id make-run & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: $(VENV)/.dev
	@scripts/system-deps.sh
	@$(MAKE) --no-print-directory node_modules/.installed
	scripts/test.sh $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates
	DJANGO_SETTINGS_MODULE=ervaring.settings.test $(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/djhtml templates

bench: $(VENV)/.dev
	@scripts/system-deps.sh wrk httperf
	bench/run.sh

backup: $(VENV)/.app
	$(MANAGE) backup

restore: $(VENV)/.app
	@[ -n "$(FILE)" ] || { echo "Gebruik: make restore FILE=var/backups/ervaring-….tar.gz [YES=1]"; exit 2; }
	$(MANAGE) restore "$(FILE)" $(if $(YES),--yes)

# Refresh the lock files after changing dependencies in pyproject.toml.
lock: $(VENV)/.dev
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.12 --generate-hashes --quiet -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra s3 --python-version 3.12 --generate-hashes --quiet -c requirements.lock -o requirements-s3.lock
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --python-version 3.12 --generate-hashes --quiet -c requirements-s3.lock -o requirements-dev.lock

# After editing locale/nl/LC_MESSAGES/django.po (needs gettext's msgfmt; the .mo is committed).
messages: $(VENV)/.app
	$(MANAGE) compilemessages --locale nl --ignore ".venv"

clean:
	rm -rf $(VENV) node_modules var/static
