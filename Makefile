# The guide site: `make serve` to preview, `make test` to test. See README.md.

PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
# Where `make build` puts the site; the tests read it from SITE_DIR. Override to keep two checkouts' or
# two people's builds apart: `make test SITE=/tmp/my-site`.
SITE   ?= site
export SITE_DIR := $(abspath $(SITE))
# Material prints an end-of-life banner on every build; it says nothing we act on.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve serve-en check build pdf test bench clean

# Set-up: a venv with the pinned packages. The stamp files make it run only when a pin changes.
$(VENV)/.site-deps: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test-deps: $(VENV)/.site-deps requirements-test.txt package.json package-lock.json
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	npm ci --silent --no-audit --no-fund
	touch $@

# Preview with live reload: Danish on http://127.0.0.1:8000/, English on http://127.0.0.1:8001/en/.
serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --strict -f mkdocs.yml -a 127.0.0.1:8000

serve-en: $(VENV)/.site-deps
	$(BIN)/mkdocs serve --strict -f mkdocs.en.yml -a 127.0.0.1:8001

# Validate data/ against schema/ without building.
check: $(VENV)/.site-deps
	$(BIN)/python -m macros.check

# Both languages into SITE.partial/, then swapped into SITE/: a failed build leaves the last good site/ alone.
# Danish first: a build empties its own site_dir, and the English one lives inside it.
build: check
	rm -rf $(SITE_DIR).partial
	$(BIN)/mkdocs build --strict --quiet -f mkdocs.yml -d $(SITE_DIR).partial
	$(BIN)/mkdocs build --strict --quiet -f mkdocs.en.yml -d $(SITE_DIR).partial/en
	rm -rf $(SITE_DIR)
	mv $(SITE_DIR).partial $(SITE_DIR)

# The whole guide as a booklet: an A4 PDF per language (SITE/innovationspraktik.pdf, SITE/en/…), printed by
# Chromium from the freshly built /haefte/ pages, which then get their link to it. `build` never needs Chromium.
pdf: $(VENV)/.test-deps build
	$(BIN)/python -m tools.booklet_pdf

# The PDF tests read the PDFs, so the suite runs after `pdf`.
test: $(VENV)/.test-deps build pdf
	$(BIN)/python -m pytest

# Build speed, page weight, scale and Lighthouse scores as a table of figures and budgets (README: Benchmark).
# Builds in a temporary snapshot, never in SITE; takes about ten minutes.
bench: $(VENV)/.test-deps
	npm ci --prefix bench --silent --no-audit --no-fund
	$(BIN)/python -m tools.bench

clean:
	rm -rf $(SITE_DIR) $(SITE_DIR).partial $(VENV) node_modules .pytest_cache
