# Lokomp: `make run` serves the system with demo data, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
ADDRESS ?= 127.0.0.1:8000
# The nynorsk catalogue (bokmål is the source language), compiled from its .po file.
CATALOGUES := lokomp/locale/nn/LC_MESSAGES/django.mo

.PHONY: run test lint bench load deps test-deps system-deps messages clean

run: system-deps deps
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Lokomp kjører på http://$(ADDRESS) (Ctrl+C for å stoppe). E-post havner i var/mail/."
	@export EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend; \
	  $(PY) manage.py worker --interval 10 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(PY) manage.py runserver $(ADDRESS)

test: system-deps deps test-deps
	$(VENV)/bin/ruff check lokomp tests bench
	$(VENV)/bin/ruff format --check --quiet lokomp tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/pytest -q -n 2 --dist load $(PYTEST_ARGS)

lint: test-deps
	$(VENV)/bin/ruff check lokomp tests bench
	$(VENV)/bin/ruff format --check lokomp tests bench
	$(VENV)/bin/mypy

# Twenty users at once against gunicorn on the loopback address (LOAD_ARGS="--seconds 120"),
# then a planning day's 1 300 check-ins on two cores (CHECKIN_ARGS="--people 1300"), then
# fifty evaluation answers a second for five minutes (EVALUATION_ARGS="--seconds 300").
load: deps test-deps
	$(PY) -m bench.load $(LOAD_ARGS)
	$(PY) -m bench.checkin $(CHECKIN_ARGS)
	$(PY) -m bench.evaluations $(EVALUATION_ARGS)

bench: deps
	$(PY) manage.py migrate --noinput
	$(PY) -m bench.run $(BENCH_ARGS)

deps: $(VENV)/.deps node_modules/.deps $(CATALOGUES)

test-deps: $(VENV)/.test-deps tests/oidc/node_modules/.deps

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

lokomp/locale/%/LC_MESSAGES/django.mo: lokomp/locale/%/LC_MESSAGES/django.po $(VENV)/.deps
	@command -v msgfmt >/dev/null || { echo "Installer Debian-pakken gettext (sudo apt-get install gettext)."; exit 1; }
	msgfmt --check -o $@ $<

# After changing strings: update the catalogue, translate what is new, then make.
messages: $(VENV)/.deps
	$(PY) manage.py makemessages -l nn --no-obsolete --no-location --ignore=".venv/*" \
	  --ignore="node_modules/*" --ignore="tests/*" --ignore="bench/*" --ignore="lokomp/demo/*" \
	  --ignore="*/migrations/*" --ignore="var/*"

node_modules/.deps: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The OpenID Connect provider the login tests start in place of Feide and ID-porten.
tests/oidc/node_modules/.deps: tests/oidc/package.json tests/oidc/package-lock.json
	npm ci --prefix tests/oidc --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages: Chromium for the browser tests, fonts for the PDFs, gettext for the
# nynorsk catalogue, faketime for running the suite with the machine's clock in another year.
SYSTEM_PACKAGES := chromium fonts-dejavu-core gettext faketime
system-deps:
	@if ! command -v chromium >/dev/null || ! fc-list | grep -qi dejavu || ! command -v msgfmt >/dev/null \
	    || ! command -v faketime >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
	  else \
	    echo "Installer Debian-pakkene $(SYSTEM_PACKAGES) (sudo apt-get install $(SYSTEM_PACKAGES))."; \
	  fi; \
	fi

clean:
	rm -rf $(VENV) node_modules tests/oidc/node_modules var staticfiles $(CATALOGUES)
