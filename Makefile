# Two entry points, both safe on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin

$(BIN)/newstrace: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/newstrace

.PHONY: demo test install
install: $(BIN)/newstrace

demo: install
	$(BIN)/newstrace demo

test: install
	$(BIN)/python -m pytest -q
