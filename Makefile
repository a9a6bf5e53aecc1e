# Transformatiemonitor Sociaal Domein Hengelo
#
#   make run           install what is missing (runtime packages), migrate, load the demo programme, serve on
#                      http://127.0.0.1:8000 with the background worker (manage.py db_worker) beside it
#   make test          the whole suite, as CI runs it: make test-snel, then make test-browser
#   make test-snel     every test except the browser tests (-m "not browser"): the one to run while working
#   make test-browser  the real-browser tests (-m browser): Playwright drives Debian's chromium (installed when
#                      missing and root, else the target says how)
#                      All three run pytest on 2 xdist workers (PYTEST_WORKERS=0: serially) and pass PYTEST_ARGS on:
#                      make test-snel PYTEST_ARGS="tests/monitoring -x"
#   make lint          ruff check + ruff format --check; make typecheck; the pre-commit configuration is valid;
#                      Spectral (npm) with api/spectral.yaml, the NL API Design Rules, on the OpenAPI document the
#                      application serves (/api/v1/openapi.json)
#   make typecheck     mypy with django-stubs on every app's services, selectors and permissions (*/services.py or a
#                      */services/ package, likewise selectors and permissions: a new app is checked by itself).
#                      Known errors are listed in mypy-baseline.txt, one line per error without its line number; the
#                      target fails on an error not in the baseline, and on a baseline line that no longer occurs
#                      (delete that line: the baseline only shrinks)
#   make typecheck-baseline
#                      rewrite mypy-baseline.txt from the errors mypy finds now. Run it after modules moved or were
#                      renamed (the paths in the baseline change), then read its diff: apart from paths it may only
#                      lose lines, never gain them
#   make requirements  compile requirements.in (runtime: what production installs) to requirements.txt and
#                      requirements-dev.in (tests and tools, constrained to the runtime pins) to
#                      requirements-dev.txt with pip-compile; this target needs the package index. Existing pins
#                      are kept; to move one: make requirements PIP_COMPILE_ARGS="--upgrade-package django"
#
# Python packages go into .venv: requirements.txt for `make run`, requirements.txt and requirements-dev.txt for
# everything else (reinstalled when a file is newer than its stamp .venv/.installed-*). Production installs
# requirements.txt only: no pytest, playwright or other tools. Front-end assets go into node_modules/ with `npm ci`
# from package-lock.json. Playwright drives /usr/bin/chromium from Debian: `playwright install` is never run.
# Git hooks: `.venv/bin/pre-commit install` once; .pre-commit-config.yaml runs ruff and make typecheck from .venv
# before each commit and downloads nothing.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DELETE_ON_ERROR:
.DEFAULT_GOAL := deps

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP_INSTALL := $(PY) -m pip install --disable-pip-version-check
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev
NPM_STAMP := node_modules/.package-lock.json
CHROMIUM := /usr/bin/chromium
PYTEST_ARGS ?=
# Two pytest-xdist workers (the CI machine has 2 cores): the suite takes half the time. PYTEST_WORKERS=0 runs serially.
PYTEST_WORKERS ?= 2
# pytest exits 5 when it collected no test: allowed only when PYTEST_ARGS narrows the run to the other half.
PYTEST_NIETS_OK = $(if $(strip $(PYTEST_ARGS)),|| [ $$? = 5 ])
OPENAPI := .venv/openapi.json
# Settings require SECRET_KEY unless DEBUG is on; DEBUG=1 is for local runs, tests and mypy's Django plugin only.
DJANGO_ENV := DEBUG=1
# The modules mypy checks, found anew on every run.
TYPECHECK_FILES = $(sort $(filter-out tests/% node_modules/% docs/%,$(wildcard \
	*/services.py */selectors.py */permissions.py */services/*.py */selectors/*.py */permissions/*.py)))
MYPY_BASELINE := mypy-baseline.txt
MYPY_OUT := $(VENV)/mypy-uitvoer.txt
PIP_COMPILE_ARGS ?=
PIP_COMPILE := CUSTOM_COMPILE_COMMAND="make requirements" $(VENV)/bin/pip-compile --quiet --strip-extras \
	--no-emit-index-url --no-emit-find-links --no-emit-trusted-host $(PIP_COMPILE_ARGS)

.PHONY: run test test-snel test-browser lint typecheck typecheck-baseline requirements deps chromium mypy-uitvoer

## user-facing targets #########################################################################

run: $(RUNTIME_STAMP) $(NPM_STAMP)
	$(DJANGO_ENV) $(PY) manage.py migrate --noinput
	$(DJANGO_ENV) $(PY) manage.py demo_laden
	@# The background worker (imports, undo, exports, publication) runs beside the server and stops with it:
	@# a background job of a non-interactive shell ignores Ctrl-C, so the trap ends it when runserver ends.
	$(DJANGO_ENV) $(PY) manage.py db_worker --no-reload & werker=$$!; \
	trap 'kill $$werker 2>/dev/null; wait $$werker 2>/dev/null || true' EXIT; \
	$(DJANGO_ENV) $(PY) manage.py runserver 127.0.0.1:8000

# One after the other, also under make -j: two pytest runs at once would share the xdist test databases.
test:
	$(MAKE) --no-print-directory test-snel
	$(MAKE) --no-print-directory test-browser

test-snel: deps
	$(DJANGO_ENV) $(PY) -m pytest -n $(PYTEST_WORKERS) -m "not browser" $(PYTEST_ARGS) $(PYTEST_NIETS_OK)

test-browser: deps chromium
	$(DJANGO_ENV) $(PY) -m pytest -n $(PYTEST_WORKERS) -m browser $(PYTEST_ARGS) $(PYTEST_NIETS_OK)

lint: $(DEV_STAMP) $(NPM_STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(MAKE) --no-print-directory typecheck
	$(VENV)/bin/pre-commit validate-config .pre-commit-config.yaml
	@# The document exactly as /api/v1/openapi.json serves it (manage.py openapi_document), then the API lint.
	$(DJANGO_ENV) $(PY) manage.py openapi_document --uit $(OPENAPI)
	node_modules/.bin/spectral lint --fail-severity warn --ruleset api/spectral.yaml $(OPENAPI)

typecheck: mypy-uitvoer
	$(PY) .ci/mypy_baseline.py $(MYPY_OUT) $(MYPY_BASELINE)

typecheck-baseline: mypy-uitvoer
	$(PY) .ci/mypy_baseline.py --schrijven $(MYPY_OUT) $(MYPY_BASELINE)

requirements: $(DEV_STAMP)
	$(PIP_COMPILE) -o requirements.txt requirements.in
	$(PIP_COMPILE) --allow-unsafe -o requirements-dev.txt requirements-dev.in

## internal helpers ############################################################################

deps: $(RUNTIME_STAMP) $(DEV_STAMP) $(NPM_STAMP)

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.txt | $(PY)
	$(PIP_INSTALL) -r requirements.txt
	touch $@

# Both files in one install: pip sees every pin at once. pip-tools needs a newer pip than a new venv has;
# requirements-dev.txt pins it (--allow-unsafe), so pip upgrades itself here.
$(DEV_STAMP): requirements.txt requirements-dev.txt $(RUNTIME_STAMP)
	$(PIP_INSTALL) -r requirements.txt -r requirements-dev.txt
	touch $@

$(NPM_STAMP): package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# mypy exits 1 when it found type errors (the baseline decides about those) and 2 when it could not check at all.
mypy-uitvoer: $(DEV_STAMP)
	@echo "mypy on $(words $(TYPECHECK_FILES)) modules: $(TYPECHECK_FILES)"
	@status=0; $(DJANGO_ENV) $(VENV)/bin/mypy --no-error-summary --no-pretty --no-color-output \
		$(TYPECHECK_FILES) > $(MYPY_OUT) || status=$$?; \
	if [ $$status -gt 1 ]; then cat $(MYPY_OUT); echo "mypy stopped (exit $$status)" >&2; exit $$status; fi

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
