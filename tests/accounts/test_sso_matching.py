"""With SSO, a person's first login finds the account the staff import made, by email."""

from __future__ import annotations

from datetime import date

import pytest
from allauth.core import context
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.models import SocialLogin
from django.test import RequestFactory

from accounts.models import User
from accounts.staff_import import apply_import, read_rows
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

ENTRA = {
    "openid_connect": {
        "APPS": [
            {
                "provider_id": "entra",
                "name": "Entra",
                "client_id": "test-client",
                "secret": "test-secret",
                "settings": {"server_url": "https://login.example.test/tenant/v2.0"},
            }
        ]
    }
}


def lookup(rf: RequestFactory, email: str) -> SocialLogin:
    """What allauth does with Entra's answer for this person: the provider turns the ID token's
    claims into a social login, which then looks for the local account (only the HTTP round
    trip to Entra is left out)."""
    request = rf.get("/accounts/oidc/entra/login/callback/")
    with context.request_context(request):
        provider = get_adapter().get_provider(request, "entra")
        login = provider.sociallogin_from_response(
            request, {"sub": "entra-oid-123", "email": email, "email_verified": True}
        )
        login.lookup()
    return login


def test_a_first_sso_login_finds_the_imported_person_by_email(settings, rf: RequestFactory):
    settings.SOCIALACCOUNT_PROVIDERS = ENTRA
    DepartmentFactory(name="Publiekszaken", code="PZ")
    content = b"personeelsnummer;naam;e-mail;afdeling\n1002;Noor Bakker;n.bakker@dordrecht.nl;PZ\n"
    apply_import(rows=read_rows(content=content, filename="hr.csv"), today=date(2026, 11, 25))
    imported = User.objects.get(personnel_number="1002")

    login = lookup(rf, "N.Bakker@Dordrecht.nl")  # Entra may spell it in capitals
    assert login.user.pk == imported.pk


def test_someone_hr_does_not_know_is_not_matched(settings, rf: RequestFactory):
    settings.SOCIALACCOUNT_PROVIDERS = ENTRA
    login = lookup(rf, "onbekend@dordrecht.nl")
    assert login.user.pk is None  # not an existing account: signup is closed (adapter)
