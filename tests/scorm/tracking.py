"""Playing a package as the lesson page does: open the lesson, load the wrapper on the content
origin (which records the launch), then post what the content committed."""

from __future__ import annotations

import json
import re

from django.test import Client
from django.urls import reverse

from tests.scorm.conftest import CONTENT_HOST


def player_html(client: Client, lesson) -> str:
    response = client.get(lesson.url)
    assert response.status_code == 200
    return response.content.decode()


def wrapper_path(html: str) -> str:
    match = re.search(r'data-src="http://scorm\.testserver(/scorm/inhoud/[^"]+/)"', html)
    assert match, html
    return match.group(1)


def launch(client: Client, lesson) -> str:
    """Open ``lesson`` for ``client``'s learner and load its wrapper (no cookies: another
    origin); returns the wrapper's path."""
    path = wrapper_path(player_html(client, lesson))
    response = Client().get(path, HTTP_HOST=CONTENT_HOST)
    assert response.status_code == 200, response.status_code
    return path


def post_report(client: Client, lesson, package, body: bytes | str):
    return client.post(
        reverse("scorm_track", args=[lesson.pk, package.pk]),
        data=body,
        content_type="application/json",
    )


def track(client: Client, lesson, package, *, open_first: bool = True, **data):
    """Post ``data`` as the player does, after opening the lesson (a launch); ``open_first``
    False for a report without one, or for someone the lesson page is not open to."""
    if open_first:
        launch(client, lesson)
    return post_report(client, lesson, package, json.dumps(data))
