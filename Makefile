# Everything a fresh machine needs: `make demo` and `make test` create .venv and install.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)

.PHONY: install chromium postgresql demo serve screenshots test lint bench clean

install: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

# Portals marked render_js are rendered in Debian's Chromium (playwright cannot download one here).
chromium:
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || { \
	  echo "installing Debian's chromium for the JavaScript-portal tests"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

# The PostgreSQL tests start a throwaway server from Debian's postgresql (initdb, pg_ctl).
postgresql:
	@test -x /usr/lib/postgresql/15/bin/pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || { \
	  echo "installing Debian's postgresql for the PostgreSQL tests"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }

demo: $(STAMP)
	$(BIN)/python -m crawler.demo

# The explorer (Datasette, read-only) on DATABASE_URL's SQLite file, at http://localhost:8001/.
serve: $(STAMP)
	$(BIN)/scrapy explore

# Re-take the dashboard screenshots the README shows (docs/explorer-*.png) from a fresh crawl.
screenshots: $(STAMP) chromium
	EXPLORER_SCREENSHOTS=docs $(BIN)/pytest -q tests/test_explorer.py -k every_dashboard

# Two workers (the machines have two cores); a test file stays on one worker, so a module's
# fixtures (the markup zoo's crawls, a scrapyd) are set up once.
test: $(STAMP) chromium postgresql
	$(BIN)/ruff check .
	$(BIN)/pytest -q -n 2 --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache

# The markup zoo (tests/zoo): generated portal variants crawled for real, score table per field.
.PHONY: zoo
zoo: $(STAMP)
	$(BIN)/python -m tests.zoo
	$(BIN)/python -m tests.zoo --heldout
