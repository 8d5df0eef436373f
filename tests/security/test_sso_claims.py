"""SSO with Entra-like claims, through allauth's real provider and login flow.

Only the HTTP round trip to Microsoft is left out: the ID token's claims (as allauth has verified
and decoded them) go into the OpenID Connect provider's ``sociallogin_from_response`` and then
into allauth's ``complete_login`` with a real request and session, so the adapter, the link to
the account and the login stages (MFA) all run as in production.
"""

from __future__ import annotations

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.core import context
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.internal.flows.login import complete_login
from allauth.socialaccount.models import SocialAccount
from allauth.socialaccount.providers.base import AuthProcess
from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import Client, RequestFactory
from django.urls import reverse

from accounts.roles import Role
from accounts.services import user_activate_totp
from tests.conftest import TEST_TOTP_SECRET, totp_now
from tests.core.test_settings import PRODUCTION_ENV, manage
from tests.factories.sso import TENANT, use_entra

pytestmark = pytest.mark.django_db

OTHER_TENANT = "f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9"


@pytest.fixture(autouse=True)
def entra(settings):
    use_entra(settings)


def claims(email: str, oid: str = "7d3f0c1a-0000-4000-8000-000000000001", **extra) -> dict:
    """An Entra v2 ID token of a member of the tenant, as allauth decodes it."""
    return {
        "iss": f"https://login.microsoftonline.com/{TENANT}/v2.0",
        "aud": "test-client",
        "tid": TENANT,
        "oid": oid,
        "sub": f"pairwise-{oid}",
        "email": email,
        "preferred_username": email,
        "name": "Noor Bakker",
        **extra,
    }


def sso_login(id_token: dict, *, connecting_as=None):
    """Entra's answer for this person, through allauth's login flow; (request, response).
    With ``connecting_as``, that logged-in person links an identity ("Verbonden accounts")."""
    request = RequestFactory().get("/accounts/oidc/entra/login/callback/")
    SessionMiddleware(lambda r: None).process_request(request)
    MessageMiddleware(lambda r: None).process_request(request)
    AuthenticationMiddleware(lambda r: None).process_request(request)
    if connecting_as is not None:
        request.user = connecting_as
    with context.request_context(request):
        provider = get_adapter().get_provider(request, "entra")
        login = provider.sociallogin_from_response(request, {"id_token": id_token})
        if connecting_as is not None:
            login.state["process"] = AuthProcess.CONNECT
        response = complete_login(request, login)
    if hasattr(response, "render"):
        response.render()
    request.session.save()
    return request, response


def logged_in_as(request):
    return request.session.get(SESSION_KEY)


def test_the_base_settings_link_on_the_object_id_without_email_matching():
    script = (
        "import json; from django.conf import settings as s;"
        "app = s.SOCIALACCOUNT_PROVIDERS['openid_connect']['APPS'][0];"
        "print(json.dumps([app['settings'], s.SOCIALACCOUNT_ADAPTER,"
        " s.SOCIALACCOUNT_EMAIL_AUTHENTICATION, s.SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT,"
        " s.WEERBAAR_SSO_EMAIL_DOMAINS]))"
    )
    env = {
        **PRODUCTION_ENV,
        "ENTRA_TENANT_ID": TENANT,
        "ENTRA_CLIENT_ID": "client",
        "ENTRA_CLIENT_SECRET": "x",
        "SSO_EMAIL_DOMAINS": "dordrecht.nl, drechtsteden.nl",
    }
    result = manage("shell", "-c", script, env=env)
    app_settings, adapter, email_auth, auto_connect, domains = json.loads(
        result.stdout.strip().splitlines()[-1]
    )
    assert app_settings["uid_field"] == "oid" and app_settings["fetch_userinfo"] is False
    assert "verified_email" not in app_settings
    assert adapter == "accounts.sso.SocialAccountAdapter"
    assert email_auth is False and auto_connect is False
    assert domains == ["dordrecht.nl", "drechtsteden.nl"]


def test_a_member_of_the_tenant_is_matched_to_the_account_hr_made(make_user):
    person = make_user(email="n.bakker@dordrecht.nl")
    request, response = sso_login(claims("N.Bakker@Dordrecht.nl"))
    assert response.status_code == 302
    assert logged_in_as(request) == str(person.pk)
    account = SocialAccount.objects.get(user=person)
    assert (account.provider, account.uid) == ("entra", "7d3f0c1a-0000-4000-8000-000000000001")


def test_a_guest_account_is_refused(make_user):
    make_user(email="n.bakker@dordrecht.nl")
    guests = [
        {"preferred_username": "n.bakker_dordrecht.nl#EXT#@gemeente.onmicrosoft.com"},
        {"upn": "n.bakker_dordrecht.nl#EXT#@gemeente.onmicrosoft.com"},
        {"unique_name": "live.com#n.bakker_dordrecht.nl#EXT#@gemeente.onmicrosoft.com"},
        {"idp": f"https://sts.windows.net/{OTHER_TENANT}/"},
        {"idp": "live.com"},
        {"acct": 1},
    ]
    for extra in guests:
        request, response = sso_login(claims("n.bakker@dordrecht.nl", **extra))
        assert response.status_code == 403, extra
        assert "Gastaccounts kunnen niet inloggen" in response.content.decode()
        assert logged_in_as(request) is None
    assert not SocialAccount.objects.exists()


def test_a_login_from_another_tenant_is_refused(make_user):
    make_user(email="n.bakker@dordrecht.nl")
    request, response = sso_login(claims("n.bakker@dordrecht.nl", tid=OTHER_TENANT))
    assert response.status_code == 403
    assert "hoort niet bij de organisatie van de gemeente" in response.content.decode()
    assert logged_in_as(request) is None
    assert not SocialAccount.objects.exists()


def test_an_email_outside_the_own_domains_is_not_matched(make_user):
    make_user(email="n.bakker@dordrecht.nl.example.com")
    for email in ["n.bakker@dordrecht.nl.example.com", "n.bakker@gmail.com"]:
        request, response = sso_login(claims(email))
        assert response.status_code == 403
        assert "Er is geen Weerbaar-account" in response.content.decode()
        assert logged_in_as(request) is None
    assert not SocialAccount.objects.exists()


def test_an_inactive_account_is_not_matched(make_user):
    make_user(email="n.bakker@dordrecht.nl", is_active=False)
    request, response = sso_login(claims("n.bakker@dordrecht.nl"))
    assert response.status_code == 403 and logged_in_as(request) is None


def test_a_changed_email_still_logs_into_the_own_account_and_is_not_copied(make_user):
    person = make_user(email="n.bakker@dordrecht.nl")
    sso_login(claims("n.bakker@dordrecht.nl"))  # the first login links by oid

    request, response = sso_login(claims("noor.devries@dordrecht.nl"))  # renamed in Entra
    assert response.status_code == 302
    assert logged_in_as(request) == str(person.pk)
    person.refresh_from_db()
    assert person.email == "n.bakker@dordrecht.nl"  # HR owns it
    assert not EmailAddress.objects.filter(email__iexact="noor.devries@dordrecht.nl").exists()


def test_a_second_identity_with_a_linked_persons_email_is_refused(make_user):
    person = make_user(email="n.bakker@dordrecht.nl")
    sso_login(claims("n.bakker@dordrecht.nl"))
    # Another Entra identity now carries the address (reassigned, or an edited attribute).
    request, response = sso_login(
        claims("n.bakker@dordrecht.nl", oid="7d3f0c1a-0000-4000-8000-000000000002")
    )
    assert response.status_code == 403
    assert "al gekoppeld aan een ander Microsoft-account" in response.content.decode()
    assert logged_in_as(request) is None
    assert list(SocialAccount.objects.values_list("user", "uid")) == [
        (person.pk, "7d3f0c1a-0000-4000-8000-000000000001")
    ]


def test_a_linked_person_cannot_connect_a_second_identity(make_user):
    person = make_user(email="n.bakker@dordrecht.nl")
    sso_login(claims("n.bakker@dordrecht.nl"))
    other = claims("iemand@dordrecht.nl", oid="7d3f0c1a-0000-4000-8000-000000000003")
    _request, response = sso_login(other, connecting_as=person)
    assert response.status_code == 403
    assert SocialAccount.objects.filter(user=person).count() == 1


def test_a_session_cannot_link_somebody_elses_microsoft_account(make_user):
    """Someone at an unlocked desk must not link their own Entra identity to the account."""
    person = make_user(email="n.bakker@dordrecht.nl")
    make_user(email="indringer@dordrecht.nl")
    intruder = claims("indringer@dordrecht.nl", oid="7d3f0c1a-0000-4000-8000-000000000004")
    _request, response = sso_login(intruder, connecting_as=person)
    assert response.status_code == 403
    assert "e-mailadres is anders" in response.content.decode()
    assert not SocialAccount.objects.exists()


def test_a_person_may_link_their_own_microsoft_account(make_user):
    person = make_user(email="n.bakker@dordrecht.nl")
    sso_login(claims("N.Bakker@dordrecht.nl"), connecting_as=person)
    assert list(SocialAccount.objects.values_list("user", flat=True)) == [person.pk]


def test_an_sso_login_of_a_user_with_totp_still_asks_for_the_code(make_user):
    """allauth runs its login stages for social logins too: the MFA stage comes first, and
    the person is logged in only after their TOTP code."""
    person = make_user(Role.MEDEWERKER, Role.KERNTEAM, email="k.team@dordrecht.nl")
    user_activate_totp(user=person, secret=TEST_TOTP_SECRET)
    request, response = sso_login(claims("k.team@dordrecht.nl"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_authenticate")
    assert logged_in_as(request) is None

    client = Client()
    client.cookies[django_settings.SESSION_COOKIE_NAME] = request.session.session_key
    response = client.post(reverse("mfa_authenticate"), {"code": totp_now(TEST_TOTP_SECRET)})
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(person.pk)
