# Two entry points: `make generate` and `make test`. Each creates .venv and installs the pinned
# toolchain (constraints.txt) on first use, so a machine needs only Python >= 3.11 and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
CLIENT := generated/atlas-streams-client

.PHONY: generate check dist release-check test lint bench clean node-tools

# Stoplight Prism (tests/package.json, pinned by its lockfile) for the content-negotiation tests; installed where
# npm is present, once per change of the lockfile. Without npm those tests skip (CI, which has npm, runs them).
NPM := $(shell command -v npm 2>/dev/null)
NODE_STAMP := tests/node_modules/.installed-stamp

# The generated client is installed editable, so its console script runs the committed code.
$(STAMP): pyproject.toml constraints.txt $(CLIENT)/pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python >= 3.11 is required")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e $(CLIENT)
	touch $(STAMP)

generate: $(STAMP)
	$(BIN)/streams-codegen generate

check: $(STAMP)
	$(BIN)/streams-codegen check

# The generated package's wheel and sdist in dist/, reproducible, with their sha256 (generator/release/).
dist: $(STAMP)
	$(BIN)/streams-codegen dist

# Before publishing: the release tests with the client's tests against the wheel on every declared Python and the
# lowest declared dependencies, which take minutes and so stay out of `make test` (docs/testing.md#the-release).
release-check: $(STAMP)
	RELEASE_MATRIX=1 $(BIN)/python -m pytest tests/test_release.py

# On every core (pytest-xdist); worksteal moves tests from a busy worker to an idle one, so that one long file
# does not leave the other cores waiting at the end.
test: lint node-tools
	$(BIN)/python -m pytest -n auto --dist worksteal

node-tools: $(if $(NPM),$(NODE_STAMP))

$(NODE_STAMP): tests/package.json tests/package-lock.json
	npm ci --prefix tests --no-audit --no-fund
	touch $(NODE_STAMP)

# Also the first step of `make test`. templates/runtime/ is code of the generated package, so it follows that
# package's ruff rules; mypy --strict checks it inside the package (tests/test_runtime_modules.py).
lint: $(STAMP)
	$(BIN)/ruff check generator tests bench
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/ruff check --config $(CLIENT)/pyproject.toml templates/runtime
	$(BIN)/mypy

bench: $(STAMP)
	PYTHONPATH=tests $(BIN)/python -m bench

clean:
	rm -rf $(VENV) tests/node_modules
