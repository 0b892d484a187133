# The guide site: `make serve` to preview, `make test` to test. See README.md.

# The newest Python from 3.11 up on PATH (override: `make PYTHON=/path/to/python3 …`); only used to create .venv.
PYTHON ?= $(shell for p in python3.14 python3.13 python3.12 python3.11 python3; do \
  $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && { echo $$p; break; }; done)
VENV   := .venv
BIN    := $(VENV)/bin
# Where `make build` puts the site; the tests read it from SITE_DIR. Override to keep two checkouts' or
# two people's builds apart: `make test SITE=/tmp/my-site`.
SITE   ?= site
export SITE_DIR := $(abspath $(SITE))
# Material prints an end-of-life banner on every build; it says nothing we act on.
export NO_MKDOCS_2_WARNING := 1

.PHONY: setup serve check ids glossary build build-zensical pdf system-deps lint format test fidelity preview-zip bench clean

# Set-up: a venv with the pinned packages. The stamp files make it run only when a pin changes.
$(VENV)/.site-deps: requirements.txt
	@test -x $(BIN)/python || test -n "$(PYTHON)" || { echo "No Python 3.11 or newer found (tried python3.14 \
	… python3.11, python3). Install one from python.org, or name it: make PYTHON=/path/to/python3"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# npm ci runs no install script and downloads nothing: pa11y drives Debian's Chromium (never puppeteer's
# own), and the Nu Html Checker runs on the system's java (never the runtime vnu-jar would fetch).
$(VENV)/.test-deps: $(VENV)/.site-deps requirements-test.txt package.json package-lock.json
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --silent --no-audit --no-fund
	touch $@

# What `make serve`, `make check` and `make build` need, installed once (the dev container runs it on creation).
setup: $(VENV)/.site-deps

# Preview: Danish on http://127.0.0.1:8000/, English on http://127.0.0.1:8000/en/, rebuilt and reloaded on
# every save; a mistake in data/ shows in the browser. PORT=8001 / HOST=0.0.0.0 to change where.
serve: $(VENV)/.site-deps
	$(BIN)/python -m tools.live_preview

# Validate data/ against schema/ and the published ids (published-ids.yml) without building.
check: $(VENV)/.site-deps
	$(BIN)/python -m guide.check

# Add the new ids in data/ to published-ids.yml (make check lists them; it refuses while a published id is lost).
ids: $(VENV)/.site-deps
	$(BIN)/python -m guide.check --add-new-ids

# The glossary (data/glossary.yml) as a table in REDIGERING.md and CONTRIBUTING.md, after a change to it.
glossary: $(VENV)/.site-deps
	$(BIN)/python -m tools.glossary

# Both languages (tools/build.py, the one way to build that serve, pdf, bench and tests use too): a failed
# build prints each problem with its file and line and leaves the last good site/ alone.
build: check
	$(BIN)/python -m tools.build --site $(SITE_DIR)

# Both languages with Zensical, Material's successor, into site-zensical/ (Danish at /, English at /en/): built
# beside the published site until it passes the same tests (README: Moving to Zensical).
build-zensical: check
	$(BIN)/python -m tools.build --engine zensical --site $(abspath site-zensical)

# The whole guide as a booklet: an A4 PDF per language (SITE/innovationspraktik.pdf, SITE/en/…), printed by
# Chromium from the freshly built /haefte/ pages, which then get their link to it. `build` never needs Chromium.
pdf: system-deps $(VENV)/.test-deps build
	$(BIN)/python -m tools.booklet_pdf

# What the tests need from the system (Chromium, fonts, poppler-utils, Java, Node.js 22): installed when this
# runs as root where apt-get is, or else one line saying what is missing and how to install it.
system-deps:
	@bash tools/system-deps.sh

# The code's style and likely bugs: ruff (lint and format, ruff.toml) for the Python, ESLint (eslint.config.mjs)
# for the page scripts and the test tools' Node scripts. CI runs it before the tests. `make format` fixes the Python.
lint: $(VENV)/.test-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	npx --no-install eslint .

format: $(VENV)/.test-deps
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The system first, so a machine without Chromium stops before anything else. The PDF tests read the PDFs,
# so the suite runs after `pdf`.
test: system-deps $(VENV)/.test-deps build pdf
	$(BIN)/python -m pytest

# How much of the printed booklet the Danish site still says (a report, never a failure).
fidelity: build
	$(BIN)/python -m tools.fidelity --site $(SITE_DIR)

# The built site as a pull request's preview: site-preview/ (what CI uploads) and site-preview.zip, each with
# serve-preview.py, which serves it on http://127.0.0.1:8000/ with one command (LAES-MIG.txt says how).
# It packages the site as it is (CI: the one `make test` built and tested, PDFs included); builds only if none.
preview-zip:
	test -f $(SITE_DIR)/index.html || $(MAKE) build
	rm -rf site-preview site-preview.zip
	cp -r $(SITE_DIR) site-preview
	cp tools/preview_zip_server.py site-preview/serve-preview.py
	cp tools/preview/LAES-MIG.txt site-preview/LAES-MIG.txt
	$(BIN)/python -m zipfile -c site-preview.zip site-preview/

# Build speed, page weight, scale and Lighthouse scores as a table of figures and budgets (README: Benchmark).
# Builds in a temporary snapshot, never in SITE; under 15 minutes. QUICK=1: one run of each, in about 3 (CI).
# Fails only when something could not be measured, never for a missed budget.
bench: $(VENV)/.test-deps
	npm ci --prefix bench --silent --no-audit --no-fund
	$(BIN)/python -m tools.bench $(if $(QUICK),--quick)

clean:
	rm -rf $(SITE_DIR) $(SITE_DIR).partial site-zensical .zensical-build .zensical.*.yml site-preview site-preview.zip $(VENV) node_modules .pytest_cache
