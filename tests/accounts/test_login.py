"""Login with allauth: wrong passwords, rate limiting, closed signup, reset. Each demo account's
login is tested on the shared demo, in ``tests/demo/loaded/test_demo_logins.py``."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from accounts.roles import Role
from tests.conftest import password_login
from tests.factories.accounts import TEST_PASSWORD

pytestmark = pytest.mark.django_db


def test_wrong_password_gives_a_dutch_error(client, medewerker):
    response = password_login(client, medewerker.email, "niet-het-wachtwoord")
    assert response.status_code == 200
    body = response.content.decode()
    assert "e-mailadres en/of wachtwoord is niet correct" in body
    assert 'role="alert"' in body
    assert not response.wsgi_request.user.is_authenticated


def test_login_is_case_insensitive_for_the_email_address(client, medewerker):
    response = password_login(client, medewerker.email.upper())
    assert response.status_code == 302
    assert response.wsgi_request.user == medewerker


def test_repeated_failures_are_rate_limited(client, medewerker):
    for _ in range(5):
        response = password_login(client, medewerker.email, "fout-wachtwoord")
        assert "niet correct" in response.content.decode()
    # Even the right password is refused now.
    response = password_login(client, medewerker.email, TEST_PASSWORD)
    body = response.content.decode()
    assert "Te veel inlogpogingen" in body
    assert not response.wsgi_request.user.is_authenticated


def test_rate_limit_is_per_account(client, make_user):
    target, other = make_user(), make_user()
    for _ in range(5):
        password_login(client, target.email, "fout-wachtwoord")
    response = password_login(client, other.email)
    assert response.status_code == 302
    assert response.wsgi_request.user == other


def test_inactive_user_cannot_log_in(client, make_user):
    user = make_user(is_active=False)
    response = password_login(client, user.email)
    assert not response.wsgi_request.user.is_authenticated


def test_there_is_no_self_signup(client):
    response = client.get(reverse("account_signup"))
    assert "Registratie gesloten" in response.content.decode()
    client.post(
        reverse("account_signup"),
        {
            "email": "indringer@example.com",
            "password1": "Xx-12345678!",
            "password2": "Xx-12345678!",
        },
    )
    from accounts.models import User

    assert not User.objects.filter(email="indringer@example.com").exists()
    assert "account/signup" not in client.get(reverse("account_login")).content.decode()


def test_password_reset_sends_a_dutch_email(client, medewerker):
    response = client.post(reverse("account_reset_password"), {"email": medewerker.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [medewerker.email]
    assert message.subject.startswith("[Weerbaar]")
    assert "wachtwoord" in message.body.lower()


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post(reverse("account_reset_password"), {"email": "onbekend@weerbaar.test"})
    assert response.status_code == 302  # same answer as for a known address


def test_logout_needs_a_post(client, medewerker):
    client.force_login(medewerker)
    client.get(reverse("account_logout"))
    assert client.get(reverse("my_learning")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(reverse("my_learning")).status_code == 302


def test_login_page_is_dutch(client):
    body = client.get(reverse("account_login")).content.decode()
    assert '<html lang="nl">' in body
    assert "Inloggen" in body and "Wachtwoord vergeten?" in body
    assert "Sign In" not in body


def test_my_learning_requires_login(client):
    response = client.get(reverse("my_learning"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_roles_are_read_from_groups(make_user):
    user = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE)
    assert user.roles == {Role.MEDEWERKER, Role.LEIDINGGEVENDE}
    assert user.requires_mfa  # managers see reports with personal data
    assert not make_user(Role.MEDEWERKER).requires_mfa
