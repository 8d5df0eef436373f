"""Email from HR: people cannot add, swap, make primary or remove their own addresses.

The address comes from the staff import (or beheer); SSO matching, reminders and reports rely
on it. What stays is the verification allauth needs before TOTP can be set up.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.core import mail
from django.urls import resolve, reverse

from accounts.models import User
from accounts.views import EmailFromHRView
from tests.conftest import password_login, totp_now
from tests.factories.accounts import TEST_PASSWORD

pytestmark = pytest.mark.django_db

REFUSED = "Je e-mailadres komt van HR en kun je hier niet wijzigen"
INTRUDER = "indringer@elders.example"


@pytest.fixture
def logged_in(client, medewerker):
    password_login(client, medewerker.email)
    return client


def addresses(user) -> list[tuple[str, bool, bool]]:
    rows = EmailAddress.objects.filter(user=user).order_by("email")
    return [(row.email, row.primary, row.verified) for row in rows]


def test_the_page_shows_the_hr_address_read_only(logged_in, medewerker):
    response = logged_in.get(reverse("account_email"))
    assert response.status_code == 200
    body = response.content.decode()
    assert medewerker.email in body
    assert "Dit is het adres dat HR voor je heeft vastgelegd" in body
    for action in ("action_add", "action_remove", "action_primary"):
        assert action not in body
    assert 'name="action_send"' in body


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(reverse("account_email"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_adding_an_address_is_refused(logged_in, medewerker):
    response = logged_in.post(
        reverse("account_email"), {"action_add": "", "email": INTRUDER}, follow=True
    )
    assert REFUSED in response.content.decode()
    assert not EmailAddress.objects.filter(email=INTRUDER).exists()
    medewerker.refresh_from_db()
    assert medewerker.email != INTRUDER


def test_making_another_address_primary_is_refused(logged_in, medewerker):
    """Even an address that got in before (say, added through allauth's old page)."""
    hr_address = medewerker.email
    EmailAddress.objects.create(user=medewerker, email=hr_address, primary=True, verified=True)
    EmailAddress.objects.create(user=medewerker, email=INTRUDER, primary=False, verified=True)
    before = addresses(medewerker)
    response = logged_in.post(
        reverse("account_email"), {"action_primary": "", "email": INTRUDER}, follow=True
    )
    assert REFUSED in response.content.decode()
    assert addresses(medewerker) == before
    medewerker.refresh_from_db()
    assert medewerker.email == hr_address


def test_removing_the_hr_address_is_refused(logged_in, medewerker):
    EmailAddress.objects.create(
        user=medewerker, email=medewerker.email, primary=True, verified=False
    )
    before = addresses(medewerker)
    response = logged_in.post(
        reverse("account_email"), {"action_remove": "", "email": medewerker.email}, follow=True
    )
    assert REFUSED in response.content.decode()
    assert addresses(medewerker) == before


def test_no_verification_email_to_another_address(logged_in, medewerker):
    EmailAddress.objects.create(user=medewerker, email=INTRUDER, primary=False, verified=False)
    response = logged_in.post(
        reverse("account_email"), {"action_send": "", "email": INTRUDER}, follow=True
    )
    assert REFUSED in response.content.decode()
    assert mail.outbox == []


class _FormFields(HTMLParser):
    """The fields a browser would submit from a page's forms (inputs, selects, textareas)."""

    def __init__(self):
        super().__init__()
        self.data: dict[str, str] = {}
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data[name] = attrs.get("value") or ("on" if attrs.get("type") else "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select:
            if "selected" in attrs or self._select not in self.data:
                self.data[self._select] = attrs.get("value", "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def test_wagtails_account_page_changes_neither_email_nor_password(kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    page = client.get("/admin/account/")
    assert page.status_code == 200
    fields = _FormFields()
    fields.feed(page.content.decode())
    assert "name_email-email" not in fields.data
    assert "password-new_password1" not in fields.data
    data = fields.data | {
        "name_email-email": INTRUDER,
        "password-old_password": TEST_PASSWORD,
        "password-new_password1": "Een-heel-ander-wachtwoord-99",
        "password-new_password2": "Een-heel-ander-wachtwoord-99",
    }
    response = client.post("/admin/account/", data)
    assert response.status_code == 302  # the rest of the form saved fine
    kernteam_user.refresh_from_db()
    assert kernteam_user.email != INTRUDER
    assert kernteam_user.check_password(TEST_PASSWORD)


def confirmation_path(message) -> str:
    match = re.search(r"/accounts/confirm-email/[^/\s]+/", message.body)
    assert match, message.body
    return match.group(0)


def test_the_hr_address_can_be_verified_and_then_totp_set_up(client, kernteam_user):
    """allauth refuses TOTP while an address is unverified: the way through must stay open."""
    EmailAddress.objects.create(
        user=kernteam_user, email=kernteam_user.email, primary=True, verified=False
    )
    password_login(client, kernteam_user.email)
    client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    refused = client.get(reverse("mfa_activate_totp"), follow=True)
    assert "e-mailadres" in refused.content.decode()
    assert not kernteam_user.authenticator_set.exists()

    response = client.post(
        reverse("account_email"), {"action_send": "", "email": kernteam_user.email}, follow=True
    )
    assert response.status_code == 200
    assert [message.to for message in mail.outbox] == [[kernteam_user.email]]
    path = confirmation_path(mail.outbox[0])
    assert client.get(path).status_code == 200
    client.post(path)
    assert EmailAddress.objects.get(user=kernteam_user).verified
    assert "bevestigd" in client.get(reverse("account_email")).content.decode()

    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_now(secret)})
    assert response.status_code == 302
    assert kernteam_user.authenticator_set.filter(type="totp").exists()
    assert User.objects.get(pk=kernteam_user.pk).email == kernteam_user.email


def test_allauths_own_email_page_is_not_reachable():
    assert resolve(reverse("account_email")).func.view_class is EmailFromHRView
