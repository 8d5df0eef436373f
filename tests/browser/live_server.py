"""The live server for the browser tests: safe with SQLite's in-memory test database.

The browser sends requests at the same time (the page editor's preview panel posts the form
while its iframe loads the preview, the editing session pings every ten seconds, and every
logged-in request saves the session). Django's test server answers each in its own thread:

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

Used by the ``live_server`` fixture in ``tests/browser/conftest.py``.
"""

from __future__ import annotations

import threading


class OneRequestAtATime:
    """WSGI wrapper: Django answers one request at a time, response body and close included
    (closing a response sends ``request_finished``, which still uses the connection)."""

    def __init__(self, application):
        self.application = application
        self.lock = threading.Lock()

    def __call__(self, environ, start_response):
        with self.lock:
            response = self.application(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                if hasattr(response, "close"):
                    response.close()


def one_request_at_a_time_on_sqlite(live_server):
    """The started ``live_server``: on a shared SQLite connection, its Django now answers one
    request at a time; on PostgreSQL (no shared connection) it is left as it is."""
    if live_server.thread.connections_override:
        server = live_server.thread.httpd
        server.set_app(OneRequestAtATime(server.get_app()))
    return live_server
