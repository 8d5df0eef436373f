"""Real browser tests: Debian's headless Chromium driven by Playwright, against a live server.

Playwright's own browser download cannot work here, so we launch the system ``chromium``.
A missing browser is an error, not a skip: these tests must run in CI.
"""

from __future__ import annotations

import os
import shutil
from datetime import date

import pytest
from playwright.sync_api import sync_playwright

from tests.browser.live_server import one_request_at_a_time_on_sqlite

# Playwright's sync API runs an event loop in this thread; the ORM calls in fixtures are still
# synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium is not installed: apt-get install chromium (make test does this)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started after the test database exists and safe with SQLite
    in memory (why: tests/browser/live_server.py)."""
    return one_request_at_a_time_on_sqlite(live_server)


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def demo_site(live_server):
    """The demo content, in the database the live server reads."""
    from demo.loader import load_demo

    load_demo(seed=2026, today=date.today())
    return live_server
