"""The idle timeout without a session write on every GET (core.sessions, issue 16).

Real client, real session engine (cached_db: locmem or Redis, and the database): a plain GET
within the minute writes nothing to ``django_session``; a session last refreshed over a minute
ago gets a new expiry; a session left idle past the timeout is logged out; what a view changes
in the session is still saved.
"""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.sessions import REFRESH_SECONDS, REFRESHED_AT_KEY, session_needs_refresh
from tests.conftest import password_login

pytestmark = pytest.mark.django_db


def session_writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries
        if "django_session" in q["sql"]
        and q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))
    ]


def session_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if "django_session" in q["sql"]]


def stored_expiry(client) -> object:
    return Session.objects.get(
        session_key=client.cookies[settings.SESSION_COOKIE_NAME].value
    ).expire_date


def test_the_settings_no_longer_save_every_request():
    assert settings.SESSION_SAVE_EVERY_REQUEST is False
    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    index = settings.MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware")
    assert settings.MIDDLEWARE[index + 1] == "core.sessions.SessionRefreshMiddleware"


def test_a_plain_get_within_the_minute_writes_no_session(client, medewerker):
    assert password_login(client, medewerker.email).status_code == 302
    client.get(reverse("my_learning"))
    expiry = stored_expiry(client)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("my_learning"))
    assert response.status_code == 200
    assert response.wsgi_request.user == medewerker
    assert session_writes(queries.captured_queries) == []
    # cached_db: the session is read from the cache, not from the table.
    assert session_queries(queries.captured_queries) == []
    assert stored_expiry(client) == expiry


def test_after_a_minute_a_get_moves_the_expiry(client, medewerker):
    password_login(client, medewerker.email)
    session = client.session
    session[REFRESHED_AT_KEY] = int(time.time()) - REFRESH_SECONDS - 1
    session.save()
    before = stored_expiry(client)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("my_learning"))
    assert response.status_code == 200
    assert len(session_writes(queries.captured_queries)) == 1
    assert stored_expiry(client) > before
    assert client.session[REFRESHED_AT_KEY] >= int(time.time()) - 2


def test_a_session_from_before_the_middleware_gets_its_time_on_the_first_get(client, medewerker):
    client.force_login(medewerker)  # saves the session without the refresh time
    assert REFRESHED_AT_KEY not in client.session
    client.get(reverse("my_learning"))
    assert REFRESHED_AT_KEY in client.session


@override_settings(SESSION_COOKIE_AGE=2)
def test_an_idle_session_past_the_timeout_is_logged_out(client, medewerker):
    password_login(client, medewerker.email)
    assert client.get(reverse("my_learning")).wsgi_request.user == medewerker
    time.sleep(3)
    response = client.get(reverse("my_learning"))
    assert not response.wsgi_request.user.is_authenticated
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_anonymous_visitors_get_no_session(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("account_login"))
    assert response.status_code == 200
    assert session_writes(queries.captured_queries) == []
    assert settings.SESSION_COOKIE_NAME not in response.cookies


def test_a_changed_session_is_saved_at_once_and_logout_ends_it(client, medewerker):
    """A view that changes the session (here: logout) is saved within the minute too."""
    password_login(client, medewerker.email)
    client.get(reverse("my_learning"))
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("account_logout"))
    assert not Session.objects.filter(session_key=key).exists()
    response = client.get(reverse("my_learning"))
    assert not response.wsgi_request.user.is_authenticated


def test_the_refresh_rule():
    now = 1_000_000.0
    assert session_needs_refresh(refreshed_at=None, now=now)
    assert session_needs_refresh(refreshed_at="x", now=now)
    assert not session_needs_refresh(refreshed_at=now - REFRESH_SECONDS + 1, now=now)
    assert session_needs_refresh(refreshed_at=now - REFRESH_SECONDS, now=now)
    # A time in the future (a clock that jumped back) does not freeze the expiry.
    assert session_needs_refresh(refreshed_at=now + 10 * REFRESH_SECONDS, now=now)
