# The README's two commands: `make demo` (set up, build seeds/ into output/) and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test setup browser lint bench clean

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY) (or run: make PY=python3 ...)"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

setup: $(STAMP)

demo: $(STAMP)
	$(BIN)/kg build seeds -o output
	@echo "open output/graph.html in a browser; query with: $(BIN)/kg query output --name ruptures"

# Chromium for the browser tests comes from Debian (never a browser downloaded by Playwright).
# apt busy (another apt-get holds its lock): wait for it. Chromium still missing: stop, loudly, rather than
# let the browser tests be skipped unseen; SKIP_BROWSER=1 skips them on purpose.
CHROMIUM ?= /usr/bin/chromium
APT_LOCK_TIMEOUT ?= 600
APT_RETRIES ?= 30
browser:
	@if [ -n "$(SKIP_BROWSER)" ]; then echo "SKIP_BROWSER is set: the browser tests will be skipped" >&2; \
	elif [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then \
	  echo "error: $(CHROMIUM) is absent and apt-get cannot run here: install Debian's chromium package, or run with SKIP_BROWSER=1 to skip the browser tests" >&2; exit 1; \
	else \
	  i=0; until apt-get -o DPkg::Lock::Timeout=$(APT_LOCK_TIMEOUT) update -qq; do \
	    i=$$((i+1)); [ $$i -ge $(APT_RETRIES) ] && break; echo "apt-get update failed (apt busy?); retrying in 10 s" >&2; sleep 10; done; \
	  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=$(APT_LOCK_TIMEOUT) install -y -qq chromium >/dev/null \
	  || { echo "error: chromium could not be installed (apt-get failed, see above): run make test again once apt is free, or SKIP_BROWSER=1 make test to skip the browser tests" >&2; exit 1; }; \
	fi

# `make test` lints first: a lint or type error fails it like a failing test.
test: $(STAMP) browser lint
	$(BIN)/python -m pytest -q

# ruff (pyproject.toml [tool.ruff]) and mypy on the kg package (pyproject.toml [tool.mypy]).
lint: $(STAMP)
	$(BIN)/ruff check kg tests bench
	$(BIN)/python -m mypy

# Benchmarks (not tests): `make bench` updates the tracked bench/results/*.md (summarised in BENCHMARKS.md);
# run alone, each script writes to the untracked bench/out/.
bench: $(STAMP) browser
	$(BIN)/python bench/eval_dev.py --write-results
	$(BIN)/python bench/eval_petrarch.py --write-results
	$(BIN)/python bench/bench_store.py
	$(BIN)/python bench/bench_view.py --write-results
	$(BIN)/python bench/bench_throughput.py --write-results

clean:
	rm -rf output/graph.* output/store output/*.json build dist
