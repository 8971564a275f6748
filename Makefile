# Quick start: `make demo` and `make test`.
#
#   make demo   closings of the bundled Norwegian, Swedish, Danish and Finnish sample
#               companies (engine only)
#   make test   lint + engine tests (plain pytest) + the wheel's check + Odoo tests
#               through pytest-odoo (when python3 imports Odoo 18.0)
#   make lint   ruff check, ruff format --check, pylint-odoo
#   make wheel  the wheel odoo-addon-l10n_nordic_stock_closing (whool) in out/dist/
#   make odoo-test-odoo-runner   the Odoo tests with Odoo's own --test-enable runner
#   make format ruff format + ruff check --fix (rewrites files)
#   make clean  remove .venv, out/ and caches
#
# Tools live in .venv (created with python3 -m venv). The Odoo tests run with the
# machine's own python3, which must be able to import Odoo 18.0 (and pytest-odoo for
# the pytest run): see tools/run_odoo_tests.sh.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check
DEV_STAMP := $(VENV)/.dev-requirements
DEMO_STAMP := $(VENV)/.demo-requirements
MODULE := l10n_nordic_stock_closing
ENGINE_TESTS := nordic_closing/tests
WHEEL_DIR := out/dist

# The addon's Odoo Python files (the engine under nordic_closing/ is linted by ruff only).
ODOO_DIRS := models wizards reports controllers tests examples
ODOO_PY = $(wildcard *.py) $(shell find $(ODOO_DIRS) -name '*.py' 2>/dev/null | sort)

.PHONY: help demo test lint format engine-test wheel wheel-test odoo-test \
	odoo-test-odoo-runner clean

help:
	@echo "make demo    closings of the sample Norwegian, Swedish, Danish and Finnish companies"
	@echo "make test    lint, engine tests, wheel check, Odoo tests (pytest-odoo, when Odoo 18.0 is importable)"
	@echo "make lint    ruff + pylint-odoo only"
	@echo "make wheel   build the wheel odoo-addon-$(MODULE) in $(WHEEL_DIR)/"
	@echo "make odoo-test-odoo-runner   the Odoo tests with Odoo's own --test-enable runner"
	@echo "make format  ruff format and ruff check --fix"
	@echo "make clean   remove .venv, out/ and caches"

$(PY):
	$(PYTHON) -m venv $(VENV)

$(DEV_STAMP): requirements-dev.txt | $(PY)
	$(PIP) install -q -r requirements-dev.txt
	touch $@

$(DEMO_STAMP): requirements-dev.txt | $(PY)
	$(PIP) install -q $$(grep -i '^xlsxwriter' requirements-dev.txt)
	touch $@

demo: $(DEMO_STAMP)
	mkdir -p out
	$(PY) -m nordic_closing close --country NO --date 2025-12-31 \
		--moves sample_data/no_moves.csv --balances sample_data/no_balances.csv \
		--nrv sample_data/no_nrv.csv --xlsx out/closing_no.xlsx
	$(PY) -m nordic_closing close --country SE --date 2025-12-31 \
		--framework K2 --rule-97 contra \
		--moves sample_data/se_moves.csv --balances sample_data/se_balances.csv \
		--nrv sample_data/se_nrv.csv --xlsx out/closing_se.xlsx
	$(PY) -m nordic_closing close --country DK --date 2025-12-31 --lang da \
		--moves sample_data/dk_moves.csv --balances sample_data/dk_balances.csv \
		--nrv sample_data/dk_nrv.csv --xlsx out/closing_dk.xlsx
	$(PY) -m nordic_closing close --country FI --date 2025-12-31 --lang fi \
		--moves sample_data/fi_moves.csv --balances sample_data/fi_balances.csv \
		--nrv sample_data/fi_nrv.csv --xlsx out/closing_fi.xlsx
	@echo "Workbooks: out/closing_no.xlsx out/closing_se.xlsx out/closing_dk.xlsx out/closing_fi.xlsx"

test: lint engine-test wheel-test odoo-test

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check --output-format=concise .
	$(VENV)/bin/ruff format --check .
	@# pylint-odoo names the module after the directory holding __manifest__.py and
	@# stops looking at the git top level, so lint a copy in <tmp>/$(MODULE)/.
	@tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	mkdir "$$tmp/$(MODULE)"; git init -q "$$tmp"; \
	tar -c --exclude=./.git --exclude=./$(VENV) --exclude=./out . | tar -x -C "$$tmp/$(MODULE)"; \
	echo "pylint --rcfile=.pylintrc $(ODOO_PY)"; \
	cd "$$tmp/$(MODULE)" && "$(CURDIR)/$(VENV)/bin/pylint" --rcfile=.pylintrc $(ODOO_PY) \
		&& echo "pylint-odoo: no problem found"

format: $(DEV_STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Plain pytest, without Odoo. Exit status 5 (no test collected) is a failure too.
engine-test: $(DEV_STAMP)
	@rc=0; $(PY) -m pytest -p no:odoo $(ENGINE_TESTS) -q || rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "engine tests: no test collected in $(ENGINE_TESTS)"; fi; \
	exit $$rc

# The OCA-style wheel, built by whool from a clone named after the module.
wheel: $(DEV_STAMP)
	@PYTHON="$(CURDIR)/$(PY)" bash tools/build_wheel.sh $(WHEEL_DIR)

# Build the wheel and check its name, version and file list (plain pytest, no Odoo).
wheel-test: $(DEV_STAMP)
	@wheel=$$(PYTHON="$(CURDIR)/$(PY)" bash tools/build_wheel.sh $(WHEEL_DIR) | tail -1); \
	NSC_WHEEL="$$wheel" $(PY) -m pytest -p no:odoo tools/test_wheel.py -q

# The Odoo tests on a throwaway PostgreSQL database with the MACHINE's python3 (not
# .venv), through pytest-odoo (Odoo's own runner when pytest-odoo is missing); skipped
# with a message when python3 cannot import Odoo 18.0.
odoo-test:
	bash tools/run_odoo_tests.sh

# The same tests with Odoo's own runner (odoo --test-enable --test-tags=/$(MODULE)).
odoo-test-odoo-runner:
	ODOO_TEST_RUNNER=odoo bash tools/run_odoo_tests.sh

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
	find . -path ./.git -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
