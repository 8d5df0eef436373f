"""A second factor that stays: roles that need MFA cannot switch it off with a password.

The chain from issue 12: with a password-only session (a side door such as Wagtail's
``/_util/login/``), reauthenticate with the password, deactivate TOTP, make new recovery codes,
then set up a TOTP of one's own. Each step must fail for every role that needs MFA; an
ordinary employee who chose TOTP voluntarily can still switch it off.
"""

from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from accounts.roles import Role
from accounts.services import user_activate_totp
from tests.conftest import TEST_TOTP_SECRET, mfa_login
from tests.factories.accounts import TEST_PASSWORD

pytestmark = pytest.mark.django_db

REFUSAL = "Je rol vraagt om tweestapsverificatie. Ben je je telefoon kwijt? Vraag beheer"

MFA_ROLES = {
    "superuser": {"roles": [Role.MEDEWERKER], "is_superuser": True},
    "kernteam": {"roles": [Role.MEDEWERKER, Role.KERNTEAM]},
    "beheer": {"roles": [Role.MEDEWERKER, Role.BEHEER]},
    "leidinggevende": {"roles": [Role.MEDEWERKER, Role.LEIDINGGEVENDE]},
    "griffie": {"roles": [Role.GRIFFIE]},
}


@pytest.fixture(params=sorted(MFA_ROLES))
def mfa_role_user(request, make_user):
    spec = dict(MFA_ROLES[request.param])
    user = make_user(*spec.pop("roles"), **spec)
    assert user.requires_mfa
    user_activate_totp(user=user, secret=TEST_TOTP_SECRET)
    return user


def totp_of(user) -> Authenticator:
    return Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)


def recovery_codes_of(user) -> Authenticator:
    return Authenticator.objects.get(user=user, type=Authenticator.Type.RECOVERY_CODES)


def a_recovery_code(user) -> str:
    return recovery_codes_of(user).wrap().get_unused_codes()[0]


def test_the_attack_chain_fails_for_every_role_that_needs_mfa(client, mfa_role_user):
    user = mfa_role_user
    totp_before, codes_before = totp_of(user), recovery_codes_of(user).data
    client.force_login(user)  # a password-only session, should a side door ever remain

    # 1. Reauthenticate with the password: allauth sends the user to the code form instead.
    response = client.post(reverse("account_reauthenticate"), {"password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))

    # 2. Deactivate TOTP: asks for a code, never deactivates.
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    assert Authenticator.objects.filter(pk=totp_before.pk).exists()

    # 3. New recovery codes: asks for a code, the old codes stay.
    response = client.post(reverse("mfa_generate_recovery_codes"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    assert recovery_codes_of(user).data == codes_before

    # 4. A TOTP of one's own: the existing one stays, so activation is not offered.
    response = client.post(reverse("mfa_activate_totp"), {"code": "123456"})
    assert totp_of(user).pk == totp_before.pk

    # And the admin still asks for the second factor.
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))


def test_the_password_form_is_no_reauthentication_for_roles_that_need_mfa(client, mfa_role_user):
    mfa_login(client, mfa_role_user.email, TEST_TOTP_SECRET)
    response = client.get(f"{reverse('account_reauthenticate')}?next=/accounts/2fa/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    page = client.get(response["Location"]).content.decode()
    assert 'name="password"' not in page


def test_not_even_a_fresh_second_factor_deactivates_totp(client, mfa_role_user):
    """Losing a device goes through beheer (a reset with an audit entry), never self-service."""
    user = mfa_role_user
    mfa_login(client, user.email, TEST_TOTP_SECRET)
    response = client.post(reverse("mfa_reauthenticate"), {"code": a_recovery_code(user)})
    assert response.status_code == 302

    page = client.get(reverse("mfa_deactivate_totp"))
    assert page.status_code == 200
    body = page.content.decode()
    assert REFUSAL in body
    assert f'action="{reverse("mfa_deactivate_totp")}"' not in body  # no button that cannot work

    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert totp_of(user)
    assert recovery_codes_of(user)

    overview = client.get(reverse("mfa_index")).content.decode()
    assert REFUSAL in overview
    assert reverse("mfa_deactivate_totp") not in overview


def test_new_recovery_codes_after_a_fresh_second_factor(client, kernteam_user):
    user_activate_totp(user=kernteam_user, secret=TEST_TOTP_SECRET)
    mfa_login(client, kernteam_user.email, TEST_TOTP_SECRET)
    codes_before = recovery_codes_of(kernteam_user).data
    code = a_recovery_code(kernteam_user)
    response = client.post(
        f"{reverse('mfa_reauthenticate')}?next={reverse('mfa_generate_recovery_codes')}",
        {"code": code},
    )
    assert response.status_code == 302
    response = client.post(reverse("mfa_generate_recovery_codes"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_view_recovery_codes")
    assert recovery_codes_of(kernteam_user).data != codes_before


def test_an_employee_who_chose_totp_can_switch_it_off(client, medewerker):
    assert not medewerker.requires_mfa
    user_activate_totp(user=medewerker, secret=TEST_TOTP_SECRET)
    mfa_login(client, medewerker.email, TEST_TOTP_SECRET)
    overview = client.get(reverse("mfa_index")).content.decode()
    assert reverse("mfa_deactivate_totp") in overview

    # allauth asks to confirm; for this employee the password will do, and allauth then
    # carries out the deactivation it held back.
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    response = client.post(response["Location"], {"password": TEST_PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_index")
    assert not Authenticator.objects.filter(user=medewerker).exists()
