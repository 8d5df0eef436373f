"""Each demo account logs in with the demo password (and the demo TOTP secret where its role
needs a second step). Each test runs in its own savepoint on the shared demo, so a login's
session and last_login do not reach the next test."""

from __future__ import annotations

import pytest
from django.urls import reverse

from demo.loader import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_email
from tests.conftest import password_login, totp_now

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("local_part", "needs_totp"),
    [
        ("nieuw", False),
        ("medewerker", False),
        ("raadslid", False),
        ("leidinggevende", True),
        ("kernteam", True),
        ("beheer", True),
    ],
)
def test_each_demo_role_can_log_in(client, local_part, needs_totp):
    response = password_login(client, demo_email(local_part), DEMO_PASSWORD)
    assert response.status_code == 302
    if needs_totp:
        assert response["Location"] == reverse("mfa_authenticate")
        response = client.post(reverse("mfa_authenticate"), {"code": totp_now(DEMO_TOTP_SECRET)})
        assert response.status_code == 302
    assert response["Location"] == reverse("my_learning")
    page = client.get(reverse("my_learning"))
    assert page.status_code == 200
    assert page.wsgi_request.user.email == demo_email(local_part)
    assert "Mijn leeromgeving" in page.content.decode()


def test_totp_step_rejects_a_wrong_code(client):
    password_login(client, demo_email("kernteam"), DEMO_PASSWORD)
    response = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert response.status_code == 200
    assert "Ongeldige code." in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
