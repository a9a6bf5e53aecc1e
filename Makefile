# Transformatiemonitor Sociaal Domein Hengelo
#
#   make run    install what is missing, migrate, load the demo programme, serve on http://127.0.0.1:8000
#               with the background worker (manage.py db_worker) beside it
#   make test   install what is missing (incl. Debian's chromium for the browser tests), run pytest
#               on 2 xdist workers (PYTEST_WORKERS=0: serial); extra arguments: make test PYTEST_ARGS="-m 'not browser'"
#   make lint   ruff check + ruff format --check; Spectral (npm) with api/spectral.yaml, the NL API Design Rules,
#               on the OpenAPI document the application serves (/api/v1/openapi.json)
#
# Python packages go into .venv from requirements.txt (reinstalled when requirements.txt is newer than
# .venv/.installed); front-end assets go into node_modules/ with `npm ci` from package-lock.json.
# Playwright drives /usr/bin/chromium from Debian: `playwright install` is never run.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.DEFAULT_GOAL := deps

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP_STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.package-lock.json
CHROMIUM := /usr/bin/chromium
PYTEST_ARGS ?=
# Two pytest-xdist workers (the CI machine has 2 cores): the suite takes half the time. PYTEST_WORKERS=0 runs serially.
PYTEST_WORKERS ?= 2
OPENAPI := .venv/openapi.json
# Settings require SECRET_KEY unless DEBUG is on; DEBUG=1 is for local runs and tests only.
DJANGO_ENV := DEBUG=1

.PHONY: run test lint deps chromium

## user-facing targets #########################################################################

run: deps
	$(DJANGO_ENV) $(PY) manage.py migrate --noinput
	$(DJANGO_ENV) $(PY) manage.py load_programma --demo
	@# The background worker (imports, undo, exports, publication) runs beside the server and stops with it:
	@# a background job of a non-interactive shell ignores Ctrl-C, so the trap ends it when runserver ends.
	$(DJANGO_ENV) $(PY) manage.py db_worker --no-reload & werker=$$!; \
	trap 'kill $$werker 2>/dev/null; wait $$werker 2>/dev/null || true' EXIT; \
	$(DJANGO_ENV) $(PY) manage.py runserver 127.0.0.1:8000

test: deps chromium
	$(DJANGO_ENV) $(PY) -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: $(PIP_STAMP) $(NPM_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	@# The document exactly as /api/v1/openapi.json serves it (manage.py openapi_document), then the API lint.
	$(DJANGO_ENV) $(PY) manage.py openapi_document --uit $(OPENAPI)
	node_modules/.bin/spectral lint --fail-severity warn --ruleset api/spectral.yaml $(OPENAPI)

## internal helpers ############################################################################

deps: $(PIP_STAMP) $(NPM_STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(PIP_STAMP): requirements.txt | $(PY)
	$(PY) -m pip install --disable-pip-version-check -r requirements.txt
	touch $@

$(NPM_STAMP): package-lock.json
	npm ci --no-audit --no-fund
	touch $@

chromium:
	@if [ -x $(CHROMIUM) ]; then \
		exit 0; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "$(CHROMIUM) missing: installing Debian's chromium for the browser tests"; \
		apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; \
	else \
		echo "ERROR: the browser tests need $(CHROMIUM) (Debian package 'chromium')." >&2; \
		echo "       Install it as root: apt-get update && apt-get install -y chromium" >&2; \
		exit 1; \
	fi
