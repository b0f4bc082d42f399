# Gazette: `make run` serves the demo magazine; `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test venv install chromium lint format lock bench audit audit-tools test-tools clean serve-only

$(STAMP): requirements/base.txt requirements/dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements/base.txt -r requirements/dev.txt
	touch $(STAMP)

venv install: $(STAMP)

run: $(STAMP)
	@echo "Migrating the database…"
	$(BIN)/python manage.py migrate --noinput --verbosity 0
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	$(BIN)/python manage.py gazette_demo --if-empty
	@echo ""
	@echo "  Gazette is starting at  http://127.0.0.1:$(PORT)/"
	@echo "  Arabic edition:         http://127.0.0.1:$(PORT)/ar/"
	@echo "  Admin:                  http://127.0.0.1:$(PORT)/admin/"
	@echo "  Demo logins:            admin / gazette-admin (administrator)"
	@echo "                          editor / gazette-editor (editor: publishes)"
	@echo "                          contributor / gazette-contributor (writes, cannot publish)"
	@echo "                          author / gazette-author, legal / gazette-legal, translator / gazette-translator"
	@echo "  Stop with Ctrl-C."
	@echo ""
	GAZETTE_PORT=$(PORT) SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)} exec $(BIN)/honcho start --no-prefix -f Procfile

chromium:
	@command -v chromium >/dev/null || test -x /usr/bin/chromium || { \
	  echo "Installing Chromium for the browser tests (Debian package)…"; \
	  apt-get update -qq && apt-get -o DPkg::Lock::Timeout=900 install -y -qq chromium >/dev/null; }

test: $(STAMP) chromium test-tools
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

# Schema the sitemap tests validate against (npm `sitemap`) and xmllint; without npm the
# tests that need them skip and say why.
test-tools:
	@command -v xmllint >/dev/null || { apt-get update -qq && apt-get -o DPkg::Lock::Timeout=900 install -y -qq libxml2-utils >/dev/null; } || true
	@test -f .audit/schema-tools/node_modules/sitemap/schema/sitemap.xsd || test -f .audit/node_modules/sitemap/schema/sitemap.xsd || \
	  { command -v npm >/dev/null && npm install --silent --no-audit --no-fund --prefix .audit/schema-tools sitemap@9 >/dev/null; } || \
	  echo "npm is missing: the sitemap schema tests will skip."

# Page-quality judges (Lighthouse, Nu HTML checker, axe-core) into .audit/node_modules.
audit-tools: chromium
	@command -v java >/dev/null || apt-get -o DPkg::Lock::Timeout=900 install -y -qq default-jre-headless >/dev/null
	@test -x .audit/node_modules/.bin/lighthouse || (cd .audit && CHROMEDRIVER_SKIP_DOWNLOAD=true npm ci --no-audit --no-fund)

AUDIT_PORT ?= 8765
AUDIT_URL ?= http://127.0.0.1:$(AUDIT_PORT)
# Audit the running site at AUDIT_URL; with nothing answering there, build the demo and
# serve it with granian on AUDIT_PORT for the length of the audit.
audit: $(STAMP) audit-tools
	@set -e; started=""; mkdir -p var/audit; \
	if ! curl -fsS $(AUDIT_URL)/healthz >/dev/null 2>&1; then \
	  echo "Starting the demo site on $(AUDIT_URL)…"; \
	  $(BIN)/python manage.py migrate --noinput --verbosity 0; \
	  $(BIN)/python manage.py collectstatic --noinput --verbosity 0; \
	  TASKS_BACKEND=immediate $(BIN)/python manage.py gazette_demo --if-empty --verbosity 0; \
	  SITE_URL=$(AUDIT_URL) GAZETTE_PORT=$(AUDIT_PORT) WEB_WORKERS=1 deploy/granian.sh \
	    > var/audit/server.log 2>&1 & started=$$!; \
	  for i in $$(seq 90); do curl -fsS $(AUDIT_URL)/healthz >/dev/null 2>&1 && break; sleep 1; done; \
	fi; \
	status=0; $(BIN)/python -m gazette.seo.audit --base-url $(AUDIT_URL) --tools .audit --out var/audit || status=$$?; \
	if [ -n "$$started" ]; then kill $$started; fi; exit $$status

bench: $(STAMP)
	bash bench/run_all.sh

clean:
	rm -rf $(VENV) var/static .pytest_cache
