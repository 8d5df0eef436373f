"""With SSO, a person's first login finds the account the staff import made, by email, but only
within the municipality's own domains (see tests/security/test_sso_claims.py for the refusals)."""

from __future__ import annotations

from datetime import date

import pytest
from allauth.core import context
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.internal.flows.login import pre_social_login
from allauth.socialaccount.models import SocialLogin
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory

from accounts.models import User
from accounts.staff_import import apply_import, read_rows
from tests.factories import DepartmentFactory
from tests.factories.sso import TENANT, use_entra

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def entra(settings):
    use_entra(settings)


def lookup(rf: RequestFactory, email: str) -> SocialLogin:
    """What allauth does with Entra's answer for this person: the provider turns the ID token's
    claims into a social login, which then looks for the local account by the identity and
    lets the adapter match a first login (only the HTTP round trip to Entra is left out)."""
    request = rf.get("/accounts/oidc/entra/login/callback/")
    SessionMiddleware(lambda r: None).process_request(request)
    with context.request_context(request):
        provider = get_adapter().get_provider(request, "entra")
        login = provider.sociallogin_from_response(
            request,
            {"id_token": {"tid": TENANT, "oid": "entra-oid-123", "sub": "x", "email": email}},
        )
        pre_social_login(request, login)
    return login


def test_a_first_sso_login_finds_the_imported_person_by_email(rf: RequestFactory):
    DepartmentFactory(name="Publiekszaken", code="PZ")
    content = b"personeelsnummer;naam;e-mail;afdeling\n1002;Noor Bakker;n.bakker@dordrecht.nl;PZ\n"
    apply_import(rows=read_rows(content=content, filename="hr.csv"), today=date(2026, 11, 25))
    imported = User.objects.get(personnel_number="1002")

    login = lookup(rf, "N.Bakker@Dordrecht.nl")  # Entra may spell it in capitals
    assert login.user.pk == imported.pk
    assert login.account.uid == "entra-oid-123"  # linked by the object id


def test_someone_hr_does_not_know_is_not_matched(rf: RequestFactory):
    with pytest.raises(ImmediateHttpResponse):  # refused with a Dutch page: no self-signup
        lookup(rf, "onbekend@dordrecht.nl")
    assert not User.objects.filter(email="onbekend@dordrecht.nl").exists()
