"""Fixtures shared by the whole suite."""

from __future__ import annotations

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import hotp_value
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from accounts.roles import Role
from accounts.services import user_activate_totp
from tests.factories import UserFactory
from tests.factories.accounts import TEST_PASSWORD

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


def pytest_collection_modifyitems(config, items):
    """Under pytest-xdist's ``--dist loadgroup`` (CI, ``.ci/run``) a file's tests stay together,
    so its module- and class-scoped fixtures (a demo load, for one) are built on one worker only;
    a test with its own ``xdist_group`` (the shared demo in ``tests/demo/loaded/``) goes with its
    group. The browser tests are one group: one Chromium and one demo snapshot per run. Without
    xdist the marks change nothing."""
    for item in items:
        if item.get_closest_marker("xdist_group") is None:
            path = item.nodeid.split("::", 1)[0]
            group = "browser" if path.startswith("tests/browser/") else path
            item.add_marker(pytest.mark.xdist_group(group))
