# The two commands of the README: `make run` and `make test`; `make dist` builds the folder.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DIST_STAMP := $(VENV)/.installed-dist

.PHONY: run test lint bench dist dist-check clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(VENV)/bin/cchc-desktop $(ARGS)

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest $(PYTEST_ARGS)

bench: $(STAMP)
	$(PY) -m benchmarks

$(DIST_STAMP): $(STAMP) pyproject.toml
	$(PY) -m pip install -q -e '.[test,dist]'
	touch $(DIST_STAMP)

# One folder, dist/cchc-desktop/, with the cchc-desktop and cchc programs (build.spec).
dist: $(DIST_STAMP)
	$(PY) -m PyInstaller --noconfirm --distpath dist --workpath build/pyinstaller build.spec

# Slow (minutes), not part of `make test`: builds, runs the frozen programs, sizes.
dist-check: $(DIST_STAMP)
	$(PY) scripts/dist_check.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
