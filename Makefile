# Gazette: `make run` serves the demo magazine; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test venv install chromium lint format lock bench audit clean serve-only

$(STAMP): requirements/base.txt requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/base.txt -r requirements/dev.txt
	touch $(STAMP)

venv install: $(STAMP)

run: $(STAMP)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py gazette_demo --if-empty
	@echo ""
	@echo "  Gazette is starting at  http://127.0.0.1:$(PORT)/"
	@echo "  Arabic edition:         http://127.0.0.1:$(PORT)/ar/"
	@echo "  Admin:                  http://127.0.0.1:$(PORT)/admin/"
	@echo "  Demo logins:            admin / gazette-admin (administrator)"
	@echo "                          editor / gazette-editor (editor: publishes)"
	@echo "                          contributor / gazette-contributor (writes, cannot publish)"
	@echo "  Stop with Ctrl-C."
	@echo ""
	GAZETTE_PORT=$(PORT) SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} exec $(BIN)/honcho start --no-prefix -f Procfile

chromium:
	@command -v chromium >/dev/null || test -x /usr/bin/chromium || { \
	  echo "Installing Chromium for the browser tests (Debian package)…"; \
	  apt-get update -qq && apt-get -o DPkg::Lock::Timeout=900 install -y -qq chromium >/dev/null; }

test: $(STAMP) chromium
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock:
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile --quiet --python-version 3.11 requirements/base.in -o requirements/base.txt
	$(BIN)/uv pip compile --quiet --python-version 3.11 requirements/dev.in -o requirements/dev.txt

bench: $(STAMP)
	bash bench/run_all.sh

clean:
	rm -rf $(VENV) var/static .pytest_cache
