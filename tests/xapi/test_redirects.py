"""The sender never follows a redirect from the LRS address: the batch stays unsent (and is
retried) and the Basic credentials go to no other host (found in review)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from modules.xapi.models import OutboxStatement, OutboxStatus
from modules.xapi.sender import outbox_send
from tests.factories import module_with_lessons

pytestmark = pytest.mark.django_db


def _serve(handler) -> HTTPServer:
    server = HTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def test_a_redirected_post_is_not_counted_as_sent_nor_leaks_the_credentials(
    xapi_on,
    medewerker,
):
    """Very common set-up: the endpoint is http:// and the proxy answers 301/302 to https (or
    another host). urllib turns the POST into a GET, drops the body, copies the Basic
    Authorization header to the new host, and the GET's 200 marks the statements SENT: they
    are lost for good, and the LRS password went to whoever the Location named."""
    seen: list[dict] = []

    class Elsewhere(BaseHTTPRequestHandler):
        def do_GET(self):  # an LRS answers GET /statements with 200 and a list
            seen.append({"method": "GET", "auth": self.headers.get("Authorization")})
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b'{"statements": []}')

        def log_message(self, *args):
            pass

    other = _serve(Elsewhere)

    class Redirecting(BaseHTTPRequestHandler):
        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(302)
            self.send_header("Location", f"http://127.0.0.1:{other.server_port}/statements")
            self.end_headers()

        def log_message(self, *args):
            pass

    front = _serve(Redirecting)
    try:
        xapi_on.XAPI_LRS_ENDPOINT = f"http://127.0.0.1:{front.server_port}/xAPI/"
        module = module_with_lessons(lessons=1)
        lesson_complete(user=medewerker, lesson=module_lessons(module=module)[0])
        outbox_send()
        rows = list(OutboxStatement.objects.all())
        assert rows
        lost = [row.pk for row in rows if row.status == OutboxStatus.SENT]
        assert all("redirects" in row.last_error for row in rows)
        assert not any(hit["auth"] for hit in seen) and not lost, (seen, lost)
    finally:
        front.shutdown()
        other.shutdown()
