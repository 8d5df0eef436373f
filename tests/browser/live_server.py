"""The live server for the browser tests: safe with SQLite's in-memory test database, and
quiet while a test's database is flushed.

The browser sends requests at the same time (the page editor's preview panel posts the form
while its iframe loads the preview, the editing session pings every ten seconds, a SCORM
package commits on a timer and on unload, and every logged-in request saves the session).
Django's test server answers each in its own thread:

- On PostgreSQL every thread has its own connection, as in production, so nothing changes.
- On SQLite in memory, pytest-django gives the server the tests' own connection, and all
  request threads share it. Two requests at once then mix their transactions on that one
  connection: "no such savepoint", ``TransactionManagementError``. Here the server's Django
  answers one request at a time (sockets are still accepted in parallel, so an idle browser
  connection blocks nothing).
- pytest-django only shares that connection if the test database exists when the server
  starts. The server lives for the whole session and pytest starts it before a test's
  database fixtures, so the first browser test of a run would start it too early: then every
  request thread opens its own connection to the shared-cache memory database, and two at
  once fail with "database table is locked". Hence ``django_db_setup`` first.
- A transactional test empties the database when it ends. A request still on its way then
  (a page's timer, an unload beacon) deadlocks PostgreSQL's ``TRUNCATE`` or breaks SQLite's
  flush halfway ("FOREIGN KEY constraint failed"), and every later test of the run fails on
  the leftovers. So before a browser test's fixtures are torn down its pages are closed and
  the server is *closed*: it waits for the requests in flight and answers any new one with
  503 without touching the database, until the next test begins (``pytest_runtest_teardown``
  in ``tests/browser/conftest.py``).

Used by the ``live_server`` fixture in ``tests/browser/conftest.py``.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator

# How long a closing server waits for the requests in flight (a slow admin page on a busy CI).
DRAIN_SECONDS = 30


class QuietableApp:
    """WSGI wrapper that counts the requests in flight, can be closed for a while, and, on a
    shared SQLite connection, lets Django answer one request at a time (response body and
    close included: closing a response sends ``request_finished``, which still uses the
    connection)."""

    def __init__(self, application, *, one_at_a_time: bool):
        self.application = application
        self.serial = threading.Lock() if one_at_a_time else contextlib.nullcontext()
        self.state = threading.Condition()
        self.in_flight = 0
        self.closed = False

    def __call__(self, environ, start_response):
        with self.state:
            if self.closed:
                start_response("503 Service Unavailable", [("Content-Type", "text/plain")])
                return [b"The test server is between tests."]
            self.in_flight += 1
        try:
            with self.serial:
                response = self.application(environ, start_response)
                try:
                    return [b"".join(response)]
                finally:
                    if hasattr(response, "close"):
                        response.close()
        finally:
            with self.state:
                self.in_flight -= 1
                self.state.notify_all()

    @contextlib.contextmanager
    def closed_while(self) -> Iterator[bool]:
        """Closed for the block: no new request is let in; gives whether the requests in
        flight all ended (within :data:`DRAIN_SECONDS`) before the block starts."""
        with self.state:
            self.closed = True
            drained = self.state.wait_for(lambda: self.in_flight == 0, timeout=DRAIN_SECONDS)
        try:
            yield drained
        finally:
            with self.state:
                self.closed = False


def quietable(live_server) -> QuietableApp:
    """Wrap the started ``live_server``'s application (once) and return the wrapper; on a
    shared SQLite connection it answers one request at a time."""
    server = live_server.thread.httpd
    app = server.get_app()
    if not isinstance(app, QuietableApp):
        app = QuietableApp(app, one_at_a_time=bool(live_server.thread.connections_override))
        server.set_app(app)
    return app
