"""The worker side of the peer benchmark: JSON lines over stdin/stdout, stdlib and Django only.

Both workers (Weerbaar's, in ``.venv``, and wagtail-lms', in the peer venv) import this module,
so it may not import anything of either project. A worker sets its site up once, then calls
:func:`serve` with a logged-in test client and the URL of each page. The driver sends
``{"cmd": "time", "page": "lesson", "n": 200}`` and gets the duration of each request (ms,
measured here, so the pipe costs nothing) and the queries of one more request.
"""

from __future__ import annotations

import json
import os
import sys
import time


def protocol_stdout():
    """Keep the real stdout for answers and send anything else printed (migrations, warnings,
    a stray print in a page) to stderr, so it cannot corrupt the protocol."""
    out = os.fdopen(os.dup(1), "w", buffering=1)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return out


def lesson_html(number: int) -> str:
    """The rich text of a lesson: a heading, four paragraphs and a list, about 330 words, the
    same on both sides."""
    paragraph = (
        "<p>Een medewerker aan de balie krijgt een aanvraag die net niet klopt. De aanvrager "
        "heeft haast, de papieren zijn <b>bijna</b> compleet en er wordt druk gezet om het "
        "vandaag nog te regelen. In deze les bekijken we welke signalen je kunt zien, wat je "
        "wel en niet zelf doet en bij wie je terechtkunt als je twijfelt. Je hoeft het niet "
        "zeker te weten om iets te melden: een melding is een vraag om mee te kijken.</p>"
    )
    items = "".join(
        f"<li>Signaal {n}: iets in de aanvraag dat niet past bij het verhaal.</li>"
        for n in range(1, 5)
    )
    return (
        f"<h2>Les {number}: signalen herkennen</h2>"
        + paragraph * 2
        + f"<ul>{items}</ul>"
        + paragraph * 2
        + '<p>Lees ook <a href="https://example.org/meldpunt">het meldpunt</a>.</p>'
    )


# Text each page must show, so a page that renders without its content cannot look fast: the
# lesson's body (its list) and the course outline (the last lesson's title).
MARKERS = {"lesson": "Signaal 4:", "module": "Les 6"}


def serve(out, client, urls: dict[str, str], info: dict) -> None:
    """Answer the driver's commands on ``out`` (from :func:`protocol_stdout`) until ``quit`` or
    the end of input."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    out.write(json.dumps({"ready": True, **info}) + "\n")
    for line in sys.stdin:
        command = json.loads(line)
        if command["cmd"] == "quit":
            break
        url = urls[command["page"]]
        durations = []
        status = 0
        for _ in range(command["n"]):
            start = time.perf_counter()
            response = client.get(url)
            durations.append((time.perf_counter() - start) * 1000)
            status = response.status_code
        answer = {"ms": durations, "status": status}
        if command.get("queries"):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            answer["queries"] = len(queries.captured_queries)
            answer["sql"] = [query["sql"][:200] for query in queries.captured_queries]
            answer["bytes"] = len(response.content)
            answer["content_ok"] = MARKERS[command["page"]] in response.content.decode()
        out.write(json.dumps(answer) + "\n")
