"""Real browser tests: Debian's headless Chromium driven by Playwright, against a live server.

Playwright's own browser download cannot work here, so we launch the system ``chromium``.
A missing browser is an error, not a skip: these tests must run in CI.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management.color import no_style
from django.db import connection, connections, transaction
from playwright.sync_api import sync_playwright

from demo.loader import load_demo
from tests.browser.live_server import QuietableApp, quietable

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
    # Entering Playwright's sync API switches this thread to a greenlet with its own context,
    # so Django's connections (context-local) are new objects from here on, without the copy
    # of the migrations' data the test run made when it created the database. Without it a
    # serialized rollback, and the reload in tests/conftest.py, would put nothing back.
    serialized = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(django_db_setup, live_server):
    """pytest-django's live server, started after the test database exists, safe with SQLite
    in memory and closed while a test's database is emptied (why: tests/browser/live_server.py)."""
    quietable(live_server)
    return live_server


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Before a live-server test's fixtures are torn down (the database flush among them):
    close its browser contexts, then keep the server closed until the teardown is done, so no
    late request (a timer, an unload beacon) meets a half-emptied database. A hook rather than
    a fixture: it runs before every fixture's teardown whatever the fixtures' order."""
    funcargs = getattr(item, "funcargs", {})
    server = funcargs.get("live_server")
    if server is None:
        return (yield)
    browser = funcargs.get("browser")
    if browser is not None:
        for context in list(browser.contexts):
            context.close()
    app = server.thread.httpd.get_app()
    assert isinstance(app, QuietableApp)
    with app.closed_while() as drained:
        result = yield
    if not drained:
        pytest.fail("the live server was still answering requests when the database was emptied")
    return result


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


# The schema that keeps PostgreSQL's copy of the freshly loaded demo.
SNAPSHOT = "demo_snapshot"
# The SQL below is built from Django's own table names (quoted), never from input.


class DemoSnapshot:
    """A copy of the database right after ``load_demo``, put back before each test.

    Loading the demo takes 10-20 seconds and a live-server test flushes the database after
    itself, so reloading it for every browser test made the suite slow. Copying it back gives
    each test the same freshly loaded demo in about a second; the copy is taken before any
    test touches the data, so no test sees another's leftovers. SQLite copies the whole
    in-memory database with its backup API (full-text tables and triggers included);
    PostgreSQL copies Django's tables into a schema of their own, which the flush leaves alone.
    """

    def __init__(self) -> None:
        self.day: date | None = None
        self.tables: list[str] = []
        self.sqlite_copy: sqlite3.Connection | None = None

    def take(self, *, day: date) -> None:
        if connection.vendor == "sqlite":
            if self.sqlite_copy is None:
                self.sqlite_copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.ensure_connection()
            connection.connection.backup(self.sqlite_copy)
            self.day = day
            return
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {SNAPSHOT} CASCADE")
            cursor.execute(f"CREATE SCHEMA {SNAPSHOT}")
            self.tables = connection.introspection.django_table_names(
                only_existing=True, include_views=False
            )
            for table in self.tables:
                cursor.execute(
                    f"CREATE TABLE {SNAPSHOT}.{quote(table)} AS SELECT * FROM {quote(table)}"  # noqa: S608
                )
        self.day = day

    def restore(self) -> None:
        if self.sqlite_copy is not None:
            connection.ensure_connection()
            self.sqlite_copy.backup(connection.connection)
        else:
            quote = connection.ops.quote_name
            with transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {', '.join(quote(table) for table in self.tables)}")
                for table in self.tables:
                    cursor.execute(
                        f"INSERT INTO {quote(table)} SELECT * FROM {SNAPSHOT}.{quote(table)}"  # noqa: S608
                    )
                # The flush does not reset sequences; set them past the copied ids anyway.
                for statement in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                    cursor.execute(statement)
        # Django's content-type cache must hold the restored ids, for every model: a model
        # missing from it would make the next test's serialized rollback create its content
        # type twice. Cached site roots must come from the restored rows too.
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*apps.get_models())
        cache.clear()

    def drop(self) -> None:
        if self.sqlite_copy is not None:
            self.sqlite_copy.close()
        elif self.day is not None:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA {SNAPSHOT} CASCADE")


@pytest.fixture(scope="session")
def _demo_snapshot(django_db_setup, django_db_blocker):
    snapshot = DemoSnapshot()
    yield snapshot
    with django_db_blocker.unblock():
        snapshot.drop()


@pytest.fixture
def demo_site(live_server, transactional_db, _demo_snapshot):
    """The demo content, in the database the live server reads: loaded by the first test that
    asks (and again on a new day), copied back from the snapshot for the others."""
    today = date.today()
    if _demo_snapshot.day == today:
        _demo_snapshot.restore()
    else:
        # Without the goals' 21 months of history: the slowest part of a load (a minute on
        # PostgreSQL), and the one browser test about goals makes its own frozen months.
        load_demo(seed=2026, today=today, history=False)
        _demo_snapshot.take(day=today)
    return live_server
