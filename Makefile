# Two commands on a fresh machine with Python 3.11:
#   make report   set up .venv, install the project, build every output into build/
#   make test     set up .venv, install the project with its test tools, run the tests
# For developers:
#   make test-fast  the tests not marked slow (no notebooks, no whole build, no wheel): a quick loop
#   make lint       ruff: lint and import order (configured in pyproject.toml)
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# The source texts of the corpus live outside the project; point at them
# when they sit beside it (as in CI) and nothing else was given.
ifeq ($(COMPARISON_SOURCES),)
ifneq ($(wildcard ../shared/seeds/README.md),)
export COMPARISON_SOURCES := $(abspath ../shared/seeds)
endif
endif

.PHONY: setup report test test-fast lint validate lab bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
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
	$(BIN)/python -m pip install --quiet -e ".[test,lab]"
	$(BIN)/python -m ipykernel install --user --name elderly-care-targets --display-name "Elderly-care targets (.venv)"
	$(BIN)/jupyter lab notebooks/

bench: $(STAMP)
	for f in benchmarks/bench_*.py; do $(BIN)/python $$f || exit 1; done

clean:
	rm -rf build .pytest_cache
