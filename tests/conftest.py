"""Fixtures shared by the whole suite."""

from __future__ import annotations

import functools
import json
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import hotp_value
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.test import Client
from django.urls import reverse
from pytest_django.plugin import blocking_manager_key

from accounts.roles import Role
from accounts.services import user_activate_totp
from tests.factories import UserFactory
from tests.factories.accounts import TEST_PASSWORD
from tests.xdist_groups import PathGroupScheduling

TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters live in the cache (Redis in CI): no test may inherit them."""
    cache.clear()
    yield
    cache.clear()


def totp_now(secret: str) -> str:
    """The current TOTP code for ``secret``, computed the way an authenticator app does.

    Near the end of a 30-second window it waits for the next one, so the code is still valid
    when the request arrives.
    """
    period = mfa_settings.TOTP_PERIOD
    if period - time.time() % period < 2:
        time.sleep(period - time.time() % period + 0.1)
    return f"{hotp_value(secret, int(time.time()) // period):06d}"


def password_login(client: Client, email: str, password: str = TEST_PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def mfa_login(client: Client, email: str, secret: str, password: str = TEST_PASSWORD) -> None:
    """Log in through allauth for real: password, then the TOTP step."""
    response = password_login(client, email, password)
    assert response.status_code == 302 and response["Location"] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": totp_now(secret)})
    assert response.status_code == 302, response.content.decode()[:2000]


@pytest.fixture
def make_user(db):
    def make(*roles: Role, **kwargs):
        return UserFactory(roles=list(roles) or [Role.MEDEWERKER], **kwargs)

    return make


@pytest.fixture
def medewerker(make_user):
    return make_user(Role.MEDEWERKER)


@pytest.fixture
def learner(medewerker):
    """A medewerker and a client logged in as them: (user, client)."""
    client = Client()
    client.force_login(medewerker)
    return medewerker, client


@pytest.fixture
def kernteam_user(make_user):
    return make_user(Role.MEDEWERKER, Role.KERNTEAM)


@pytest.fixture
def beheer_user(make_user):
    return make_user(Role.MEDEWERKER, Role.BEHEER)


@pytest.fixture
def mfa_client_for(client):
    """A client logged in with password + TOTP as the given user (TOTP is set up first)."""

    def login_as(user) -> Client:
        user_activate_totp(user=user, secret=TEST_TOTP_SECRET)
        mfa_login(client, user.email, TEST_TOTP_SECRET)
        return client

    return login_as


def pytest_runtest_setup(item):
    """``@pytest.mark.postgres`` tests (real concurrency, row locks) run in CI's PostgreSQL run.

    SQLite serialises all writers, so a concurrency test there would prove nothing.
    """
    if item.get_closest_marker("postgres"):
        from django.db import connection

        if connection.vendor != "postgresql":
            pytest.skip("needs PostgreSQL (CI's second run sets DATABASE_URL)")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Under ``--dist loadgroup`` (CI, ``.ci/run``) a file's tests stay on one worker, and so do
    all browser tests and all tests of the shared demo (``tests/xdist_groups.py`` says why the
    groups come from paths, not from xdist's marks)."""
    if config.getvalue("dist") == "loadgroup":
        return PathGroupScheduling(config, log)
    return None


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """pytest-django's test databases, with a copy of the migrations' data kept on each
    connection even when no test of this run asks for a serialized rollback: the reload in
    :func:`pytest_runtest_teardown` needs it."""
    with django_db_blocker.unblock():
        for connection in connections.all():
            if getattr(connection, "_test_serialized_contents", None) is None:
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


def _empties_the_database(item: pytest.Item) -> bool:
    """Whether the test runs outside a rolled-back transaction, so its teardown flushes every
    table, the migrations' data (Wagtail's root page and site, the goals' indicators) included.
    The same rule as pytest-django's ordering of the tests."""
    fixtures = getattr(item, "fixturenames", ())
    if {"transactional_db", "live_server", "django_db_reset_sequences"} & set(fixtures):
        return True
    marker = item.get_closest_marker("django_db")
    return bool(
        marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    )


def _restores_itself(item: pytest.Item) -> bool:
    """Whether the test loads the migrations' data itself before it runs (Django's serialized
    rollback)."""
    if "django_db_serialized_rollback" in getattr(item, "fixturenames", ()):
        return True
    marker = item.get_closest_marker("django_db")
    return bool(marker and marker.kwargs.get("serialized_rollback"))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that emptied the database, put the migrations' data back before the next
    test, unless that one restores it itself (a serialized rollback).

    pytest-django, like Django, runs the emptying tests after all others, but a worker runs its
    groups in the order xdist hands them out (the longest first, ``tests/xdist_groups.py``), so
    a plain test may come after a flush and find no site or indicators. An emptying test finds
    the data too, as the first one on a worker always did. Two kinds of flush leave the database
    wrong for what comes next: a plain one runs ``post_migrate``, which makes content types and
    permissions under new ids, and a serialized test's one leaves no content types at all while
    Django's cache still holds them. The reload's own flush takes both away first. Between
    two emptying tests after a plain flush nothing is reloaded (the browser tests copy the
    demo in anyway): the next one finds the database as it always did.
    """
    result = yield
    if (
        nextitem is not None
        and _empties_the_database(item)
        and not _restores_itself(nextitem)
        and (_restores_itself(item) or not _empties_the_database(nextitem))
    ):
        # The test's own fixtures are torn down by now and pytest-django blocks the database
        # again between tests; this reload is the one access allowed here.
        with item.config.stash[blocking_manager_key].unblock():
            for connection in connections.all():
                contents = getattr(connection, "_test_serialized_contents", None)
                if contents is None:
                    pytest.fail(
                        f"no copy of the migrations' data on connection {connection.alias!r} "
                        "to reload after a flush (see the browser fixture in "
                        "tests/browser/conftest.py)"
                    )
                if contents:
                    call_command(
                        "flush",
                        database=connection.alias,
                        interactive=False,
                        inhibit_post_migrate=True,
                        # The reloaded rows keep their ids; the sequences go on above them.
                        reset_sequences=False,
                        verbosity=0,
                    )
                    # The test's own flush ran post_migrate, which made content types under
                    # new ids that the manager's cache still holds; the reloaded rows have
                    # the old ids.
                    ContentType.objects.clear_cache()
                    connection.creation.deserialize_db_from_string(_content_types_first(contents))
    return result


@functools.cache
def _content_types_first(contents: str) -> str:
    """The serialized data with the content types moved to the front. Django writes it in the
    order of ``INSTALLED_APPS`` (ours before ``django.contrib.contenttypes``), and building a
    Wagtail task or page without its parent row looks its content type up: with the cache just
    cleared and the row not loaded yet, that made a second row for the same model."""
    rows = json.loads(contents)
    first = [row for row in rows if row["model"] == "contenttypes.contenttype"]
    return json.dumps(first + [row for row in rows if row["model"] != "contenttypes.contenttype"])
