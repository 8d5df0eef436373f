"""The browser tests' live server answers requests that arrive at the same time.

A page editor sends several at once (the preview panel's update and its iframe, the editing
session's ping; every logged-in request also saves the session). On SQLite in memory they used
to mix their transactions on one shared connection and fail now and then ("no such
savepoint", "database table is locked"); see ``tests/browser/live_server.py``. Here six
threads send 90 admin requests of one editor at once: all must succeed, on SQLite and on
PostgreSQL.
"""

from __future__ import annotations

import threading
import urllib.request
from urllib.error import HTTPError

import pytest

from accounts.roles import Role
from tests.factories import module_with_lessons

pytestmark = [
    pytest.mark.browser,
    # The initial data (Wagtail's root page) back even after another test's flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_concurrent_admin_requests_of_one_editor_all_succeed(
    live_server, make_user, mfa_client_for
):
    lesson = module_with_lessons(lessons=1).get_children().first().specific
    client = mfa_client_for(make_user(Role.MEDEWERKER, is_superuser=True))
    cookie = f"sessionid={client.cookies['sessionid'].value}"
    urls = [
        f"{live_server.url}/admin/",
        f"{live_server.url}/admin/pages/{lesson.pk}/edit/",
        f"{live_server.url}/admin/pages/{lesson.pk}/edit/preview/?in_preview_panel=true",
    ]
    statuses: list[int] = []
    failures: list[str] = []

    def editor(offset: int) -> None:
        for i in range(15):
            url = urls[(offset + i) % len(urls)]
            request = urllib.request.Request(url, headers={"Cookie": cookie})  # noqa: S310
            try:
                with urllib.request.urlopen(request) as response:  # noqa: S310
                    statuses.append(response.status)
            except HTTPError as error:
                failures.append(f"{error.code} {url}")

    threads = [threading.Thread(target=editor, args=(offset,)) for offset in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert statuses == [200] * 90
