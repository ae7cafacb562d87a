# Lokomp: `make run` serves the system with demo data, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
ADDRESS ?= 127.0.0.1:8000

.PHONY: run test lint bench deps test-deps system-deps clean

run: deps system-deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Lokomp kjører på http://$(ADDRESS) (Ctrl+C for å stoppe)"
	$(PY) manage.py runserver $(ADDRESS)

test: deps test-deps system-deps
	$(VENV)/bin/ruff check lokomp tests bench
	$(VENV)/bin/ruff format --check --quiet lokomp tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q $(PYTEST_ARGS)

lint: test-deps
	$(VENV)/bin/ruff check lokomp tests bench
	$(VENV)/bin/ruff format --check lokomp tests bench
	$(VENV)/bin/mypy

bench: deps
	$(PY) manage.py migrate --noinput
	$(PY) -m bench.run $(BENCH_ARGS)

deps: $(VENV)/.deps node_modules/.deps

test-deps: $(VENV)/.test-deps

$(PY):
	@command -v $(PYTHON) >/dev/null || { echo "Fant ikke $(PYTHON). Installer Python 3.11."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(VENV)/.deps: $(PY) requirements.lock pyproject.toml
	$(PIP) install -q -r requirements.lock
	$(PIP) install -q --no-deps -e .
	touch $@

$(VENV)/.test-deps: $(VENV)/.deps requirements-test.lock
	$(PIP) install -q -r requirements-test.lock
	touch $@

node_modules/.deps: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages: Chromium for the browser tests, fonts for the PDFs.
system-deps:
	@if ! command -v chromium >/dev/null || ! fc-list | grep -qi dejavu; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; \
	  else \
	    echo "Installer Debian-pakkene chromium og fonts-dejavu-core (sudo apt-get install chromium fonts-dejavu-core)."; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) node_modules var staticfiles
