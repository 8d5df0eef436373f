# Weerbaar: the two commands a newcomer needs are `make run` and `make test`.
# Everything else here is a building block of those two, or for CI (`make check`).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
# Ralph's own virtualenv (the xAPI tests' LRS, see its target below).
RALPH_VENV := .cache/ralph
PY := $(VENV)/bin/python
PORT ?= 8000
export PYTHONPATH := site:.
MANAGE := $(PY) site/manage.py

.PHONY: run test check lint format messages migrate demo worker system-deps system-deps-test clean

$(VENV)/bin/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11) and "Weerbaar needs Python 3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamps: reinstall only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(PY) -m pip install --quiet .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python $(RALPH_VENV)/.installed
	$(PY) -m pip install --quiet ".[test]"
	touch $@ $(VENV)/.installed-run

# Ralph, the real LRS the xAPI tests start (tests/xapi/test_real_lrs.py), in a virtualenv of
# its own: its CLI pins click below the version Wagtail brings. Built with the test
# prerequisites (order-only above), rebuilt when its pins change.
$(RALPH_VENV)/.installed: tests/xapi/ralph-requirements.txt
	$(PYTHON) -m venv $(RALPH_VENV)
	$(RALPH_VENV)/bin/python -m pip install --quiet -r tests/xapi/ralph-requirements.txt
	touch $@

messages: $(VENV)/.installed-run
	$(VENV)/bin/pybabel --quiet compile --domain django --directory site/locale --statistics

migrate: $(VENV)/.installed-run
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

## Run the site with demo content on SQLite: http://127.0.0.1:$(PORT)
run: system-deps messages demo
	$(MANAGE) runserver 127.0.0.1:$(PORT)

## The background task worker (emails); run it next to `make run`.
worker: migrate
	$(MANAGE) db_worker

## Run the whole test suite (unit, integration, browser). DATABASE_URL/REDIS_URL are honoured.
test: $(VENV)/.installed-test messages system-deps-test
	$(VENV)/bin/pytest $(PYTEST_ARGS)

## Static checks: lint, formatting, the layer contract (docs/architecture.md), Django system
## checks, migrations in sync.
check: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

lint: check

format: $(VENV)/.installed-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# System packages: Pango and a font for WeasyPrint's certificate PDFs (run and test), and
# Chromium for the browser tests (a Playwright browser download cannot work here).
RUN_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core
TEST_PACKAGES := $(RUN_PACKAGES) chromium
define install_missing
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "Weerbaar needs these system packages: sudo apt-get install $$missing" >&2; exit 1; \
	  fi; \
	fi
endef

system-deps:
	$(call install_missing,$(RUN_PACKAGES))

system-deps-test:
	$(call install_missing,$(TEST_PACKAGES))

clean:
	rm -rf $(VENV) $(RALPH_VENV) db.sqlite3 static_collected

## After changing user-facing strings: update the Dutch catalogue (needs GNU gettext), then
## translate the new entries in site/locale/nl/LC_MESSAGES/django.po.
messages-update: $(VENV)/.installed-run
	$(MANAGE) makemessages --locale nl --no-obsolete --add-location file \
	  --ignore=.venv --ignore=tests --ignore=benchmarks --ignore=media
