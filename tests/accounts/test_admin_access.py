"""Who reaches the Wagtail admin, and only after MFA; and what each role sees there."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.urls import reverse
from wagtail.models import Page

from accounts.roles import Role
from tests.conftest import password_login, totp_now
from tests.factories.accounts import TEST_PASSWORD

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"


def test_anonymous_visitor_is_sent_to_the_allauth_login(client):
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/admin/"


def test_wagtails_own_login_form_is_not_available(client):
    response = client.get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/admin/pages/"


@pytest.mark.parametrize("role", [Role.MEDEWERKER, Role.RAADSLID])
def test_roles_without_admin_rights_get_403(client, make_user, role):
    user = make_user(role)
    password_login(client, user.email)
    for path in (ADMIN, "/admin/pages/", "/admin/users/"):
        response = client.get(path)
        assert response.status_code == 403, path
        assert "Je hebt geen toegang" in response.content.decode()


@pytest.mark.parametrize("role", [Role.KERNTEAM, Role.BEHEER, Role.LEIDINGGEVENDE])
def test_without_mfa_the_admin_sends_you_to_mfa_setup(client, make_user, role):
    user = make_user(Role.MEDEWERKER, role)
    assert password_login(client, user.email).status_code == 302
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('mfa_activate_totp')}?next=%2Fadmin%2F"
    # Every admin page, not only the dashboard.
    assert client.get("/admin/pages/").status_code == 302
    # allauth asks for the password once more before MFA can be changed.
    setup = client.get(response["Location"], follow=True)
    assert setup.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    assert "Stel eerst tweestapsverificatie in" in setup.content.decode()


def test_setting_up_mfa_then_confirming_a_code_opens_the_admin(client, kernteam_user):
    password_login(client, kernteam_user.email)
    response = client.get(ADMIN)
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    # allauth first asks for the password again, then shows a fresh secret (kept in the session).
    response = client.post(
        f"{reverse('account_reauthenticate')}?next={response['Location']}",
        {"password": TEST_PASSWORD},
    )
    assert response.status_code == 302
    assert client.get(reverse("mfa_activate_totp")).status_code == 200
    secret = client.session[SECRET_SESSION_KEY]
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_now(secret)})
    assert response.status_code == 302
    assert kernteam_user.authenticator_set.filter(type="totp").exists()

    # Set up is not enough: the code must be used in this session to log in.
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))

    response = client.post(reverse("mfa_reauthenticate"), {"code": totp_now(secret)})
    assert response.status_code == 302
    assert client.get(ADMIN).status_code == 200


def test_a_session_without_the_second_factor_is_not_enough(client, kernteam_user, mfa_client_for):
    mfa_client_for(kernteam_user)  # sets up TOTP
    client.logout()
    client.force_login(kernteam_user)  # a session that never saw the TOTP step
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))


def test_superuser_needs_mfa_too(client, make_user):
    user = make_user(is_superuser=True)
    password_login(client, user.email)
    assert client.get(ADMIN)["Location"].startswith(reverse("mfa_activate_totp"))


def can_open(client, path: str) -> bool:
    """Follow redirects: Wagtail answers a forbidden admin page by sending you to the dashboard."""
    response = client.get(path, follow=True)
    final = response.redirect_chain[-1][0] if response.redirect_chain else path
    return response.status_code == 200 and final.startswith(path)


def test_kernteam_with_mfa_edits_pages_and_settings_but_not_users(kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    home = Page.get_first_root_node()
    assert can_open(client, ADMIN)
    assert can_open(client, f"/admin/pages/{home.pk}/")
    assert can_open(client, "/admin/settings/home/reportingroutes/")
    assert can_open(client, "/admin/snippets/accounts/audience/")
    assert can_open(client, "/admin/images/")
    assert can_open(client, "/admin/documents/")
    # Not for the kernteam: people management.
    assert not can_open(client, "/admin/users/")
    assert not can_open(client, "/admin/snippets/accounts/department/add/")
    dashboard = client.get(ADMIN).content.decode()
    assert 'href="/admin/users/"' not in dashboard


def test_beheer_with_mfa_manages_people_but_not_content(beheer_user, medewerker, mfa_client_for):
    client = mfa_client_for(beheer_user)
    assert can_open(client, "/admin/users/")
    assert can_open(client, f"/admin/users/edit/{medewerker.pk}/")
    # Not its own account: nobody edits their own roles (see tests/security).
    assert client.get(f"/admin/users/edit/{beheer_user.pk}/").status_code == 403
    assert can_open(client, "/admin/snippets/accounts/department/add/")
    # Not for beheer: pages, reporting routes, images.
    home = Page.get_first_root_node()
    assert not can_open(client, f"/admin/pages/{home.pk}/edit/")
    assert not can_open(client, "/admin/settings/home/reportingroutes/")
    assert not can_open(client, "/admin/images/")


def test_admin_is_in_dutch(kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    body = client.get(ADMIN).content.decode()
    assert 'lang="nl"' in body
    assert "Pagina's" in body
