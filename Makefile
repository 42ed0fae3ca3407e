# samrev — two commands for a newcomer: `make demo` and `make test`.
# `make` creates .venv and installs the project (editable, with dev tools).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
DEMO_HOME ?= $(CURDIR)/var/demo-home

.PHONY: all venv demo test test-fast test-sqlite test-postgres lint typecheck check system-deps docs clean \
	corpus evaluate bench bench-national

all: venv

$(BIN)/samrev: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/pip install --quiet --disable-pip-version-check -e ".[dev]"
	@# bytecode for the sources, as a regular install has (even where PYTHONDONTWRITEBYTECODE is set)
	$(BIN)/python -m compileall -q src/samrev
	touch $(BIN)/samrev

venv: $(BIN)/samrev

## make demo: run samrev on the bundled demo data (results in var/demo-home)
demo: venv
	SAMREV_HOME=$(DEMO_HOME) $(BIN)/samrev demo run

## make test: lint, types, the whole suite on SQLite, then the store suite on PostgreSQL
test: venv lint typecheck test-sqlite test-postgres

test-sqlite: venv
	$(BIN)/pytest -q

## The store tests again against the PostgreSQL server (skipped with a notice when none answers,
## except in CI, where a missing server fails the run).
test-postgres: venv
	@if $(BIN)/python -c "import psycopg,sys; psycopg.connect('$(PG_URL)', connect_timeout=3).close()" 2>/dev/null; then \
		SAMREV_DATABASE_URL=$(PG_URL) $(BIN)/pytest -q tests/store tests/web; \
	elif [ -n "$$CI" ]; then echo "PostgreSQL at $(PG_URL) does not answer (required in CI)"; exit 1; \
	else echo "PostgreSQL at $(PG_URL) does not answer: store tests on PostgreSQL skipped"; fi

test-fast: venv
	$(BIN)/pytest -q -m "not slow"

lint: venv
	$(BIN)/ruff check src tests benchmarks

typecheck: venv
	$(BIN)/mypy

## The labelled agreement corpus: render the sources (corpus/agreements/build), then evaluate on it
corpus: venv
	$(BIN)/python -m samrev.agreements.corpus corpus/agreements > /dev/null

evaluate: corpus
	SAMREV_HOME=$(CURDIR)/var/eval-home $(BIN)/samrev agreements evaluate corpus/agreements/build/labels.jsonl

## Speed benchmarks (printed side by side with bare pypdfium2 / tesseract; see benchmarks/)
bench: venv
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/assess.py
	$(BIN)/python benchmarks/text_speed.py
	$(BIN)/python benchmarks/dedup.py

## A national round at scale: 5,000 PDFs through import, summary, coverage and report (≈5 min)
bench-national: venv
	$(BIN)/python benchmarks/national_round.py

## Debian packages the project needs (OCR, PDF tools); run as root
system-deps:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		tesseract-ocr tesseract-ocr-nor ghostscript fonts-dejavu-core antiword \
		libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils

docs: venv
	$(BIN)/python scripts/gen_docs.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
