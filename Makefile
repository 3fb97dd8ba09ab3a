# Two commands on a fresh machine with Python 3.11:
#   make report   set up .venv, install the project, build every output into build/
#   make test     set up .venv, install the project with its test tools, run the tests
#   make lab      open the notebooks in JupyterLab (PORT=8889 to choose the port,
#                 BROWSER=no to print the address instead of opening a browser)
# For developers:
#   make test-fast  the tests not marked slow (no notebooks, no whole build, no wheel): a quick loop
#   make lint       ruff: lint and import order (configured in pyproject.toml)
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Where the corpus of source texts is, by the same rule as comparison/paths.py:
# $COMPARISON_SOURCES, else (when it is not set at all) ../shared/seeds beside
# the project root when it exists, else none (validate then says that it
# skipped the quote checks).
ifeq ($(origin COMPARISON_SOURCES),undefined)
ifneq ($(wildcard ../shared/seeds/.),)
export COMPARISON_SOURCES := $(abspath ../shared/seeds)
endif
endif

# JupyterLab: the port, whether to open a browser, and --allow-root when run
# as root (containers, lab servers), which JupyterLab otherwise refuses.
PORT    ?= 8888
BROWSER ?= yes
LAB_FLAGS := --port=$(PORT)
ifeq ($(shell id -u 2>/dev/null),0)
LAB_FLAGS += --allow-root
endif
ifneq ($(filter no false 0 none off,$(BROWSER)),)
LAB_FLAGS += --no-browser
endif

.PHONY: setup report test test-fast lint validate lab bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip  # -qq: errors only, not warnings about a machine's own index settings
	$(BIN)/python -m pip install -qq -e ".[test]"
	$(BIN)/python -m compileall -q comparison  # byte-compiled once, as a wheel install would, so commands start faster
	touch $@

report: $(STAMP)
	$(BIN)/python -m comparison build --out build

test: $(STAMP)
	tools/ensure-chromium
	$(BIN)/python -m pytest

test-fast: $(STAMP)
	$(BIN)/python -m pytest -m "not slow" -q

lint: $(STAMP)
	$(BIN)/ruff check .

validate: $(STAMP)
	$(BIN)/python -m comparison validate

lab: $(STAMP)
	$(BIN)/python -m pip install -qq -e ".[test,lab]"
	$(BIN)/python -m ipykernel install --user --name elderly-care-targets --display-name "Elderly-care targets (.venv)"
	$(BIN)/jupyter lab $(LAB_FLAGS) notebooks/

bench: $(STAMP)
	for f in benchmarks/bench_*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf build .pytest_cache
