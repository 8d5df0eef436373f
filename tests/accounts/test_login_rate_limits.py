"""allauth's login rate limits as configured (issue 16): staff behind one NAT address are not
locked out at 09:00, while one account still gets only five wrong passwords per five minutes.

Real logins through allauth's view, the counters in the real cache (locmem, Redis in CI)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from tests.conftest import password_login
from tests.factories.accounts import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_the_login_limits_are_set_explicitly():
    limits = settings.ACCOUNT_RATE_LIMITS
    assert set(limits) >= {"login", "login_failed"}
    assert limits["login"] == "1000/m/ip"
    assert limits["login_failed"] == "100/m/ip,5/5m/key"


def test_fifty_colleagues_behind_one_address_log_in_within_a_minute(client, make_user):
    """allauth's default (30/m/ip) would refuse the 31st; every request here comes from
    127.0.0.1, as a whole town hall does behind its NAT."""
    users = [make_user() for _ in range(50)]
    for user in users:
        client.logout()
        response = password_login(client, user.email)
        assert response.status_code == 302, f"{user.email} was refused"
        assert response.wsgi_request.user == user


def test_a_few_typos_of_colleagues_do_not_block_the_others(client, make_user):
    users = [make_user() for _ in range(30)]
    for user in users[:20]:
        password_login(client, user.email, "een-typefout")
    for user in users[20:]:
        client.logout()
        response = password_login(client, user.email)
        assert response.status_code == 302
        assert response.wsgi_request.user == user


def test_one_account_still_gets_five_wrong_passwords_per_five_minutes(client, make_user):
    target, colleague = make_user(), make_user()
    for _ in range(5):
        assert "niet correct" in password_login(client, target.email, "fout").content.decode()
    response = password_login(client, target.email, TEST_PASSWORD)
    assert "Te veel inlogpogingen" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    # From the same address a colleague logs in as usual.
    response = password_login(client, colleague.email)
    assert response.wsgi_request.user == colleague


def failed_login(client, email: str, forwarded_for: str):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": "fout"},
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@override_settings(
    ALLAUTH_TRUSTED_PROXY_COUNT=1,
    ACCOUNT_RATE_LIMITS={**settings.ACCOUNT_RATE_LIMITS, "login_failed": "3/m/ip,5/5m/key"},
)
def test_behind_one_proxy_the_limit_counts_the_address_the_proxy_saw(client, make_user):
    """With one trusted proxy the rightmost X-Forwarded-For address counts (the one the load
    balancer appended): what a client writes in front of it does not give it a fresh counter,
    and two real clients behind the proxy have a counter each. (A per-IP limit of 3 here, so
    the test stays small.)"""
    users = [make_user() for _ in range(5)]
    for number, user in enumerate(users[:3]):
        failed_login(client, user.email, f"10.9.9.{number}, 203.0.113.7")
    blocked = failed_login(client, users[3].email, "10.1.1.1, 203.0.113.7")
    assert "Te veel inlogpogingen" in blocked.content.decode()
    other_client = failed_login(client, users[4].email, "198.51.100.1")
    assert "niet correct" in other_client.content.decode()
