"""Separation of duties in the admin's user management, tried as an attacker would.

Only a superuser manages superusers and the admin roles (kernteam, beheer, griffie); beheer
manages ordinary accounts (medewerker, raadslid) and the leidinggevende role; nobody edits
their own account in the user admin. Every door is tried over HTTP with tampered posts: the
edit and create forms, the delete view, the three bulk actions and the groups admin.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from accounts.staff_import import apply_import, plan_import, read_rows
from tests.factories import DepartmentFactory
from tests.factories.accounts import TEST_PASSWORD
from tests.factories.accounts import role_group as group
from tests.factories.accounts import user_edit_data as edit_data
from tests.factories.accounts import user_edit_url as edit_url

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Overgenomen-wachtwoord-93"


def bulk_url(action: str, *users) -> str:
    ids = "&".join(f"id={user.pk}" for user in users)
    return f"/admin/bulk/accounts/user/{action}/?{ids}&next=/admin/users/"


@pytest.fixture
def beheer(make_user):
    return make_user(Role.MEDEWERKER, Role.BEHEER)


@pytest.fixture
def superuser(make_user):
    return make_user(is_superuser=True)


ADMIN_ACCOUNTS = {
    "superuser": {"is_superuser": True, "roles": [Role.MEDEWERKER]},
    "kernteam": {"roles": [Role.MEDEWERKER, Role.KERNTEAM]},
    "griffie": {"roles": [Role.GRIFFIE]},
    "andere beheerder": {"roles": [Role.MEDEWERKER, Role.BEHEER]},
}


@pytest.fixture(params=list(ADMIN_ACCOUNTS))
def admin_account(request, make_user):
    spec = ADMIN_ACCOUNTS[request.param]
    return make_user(*spec["roles"], is_superuser=spec.get("is_superuser", False))


# -- The edit form --------------------------------------------------------------------------


def test_beheer_cannot_open_the_edit_form_of_an_admin_account(
    beheer, admin_account, mfa_client_for
):
    client = mfa_client_for(beheer)
    assert client.get(edit_url(admin_account)).status_code == 403


def test_beheer_cannot_take_over_an_admin_account_with_a_tampered_post(
    beheer, admin_account, mfa_client_for
):
    client = mfa_client_for(beheer)
    old_email = admin_account.email
    response = client.post(
        edit_url(admin_account),
        edit_data(
            admin_account,
            email="aanvaller@weerbaar.test",
            password1=NEW_PASSWORD,
            password2=NEW_PASSWORD,
        ),
    )
    assert response.status_code == 403
    admin_account.refresh_from_db()
    assert admin_account.email == old_email
    assert admin_account.check_password(TEST_PASSWORD)
    assert not admin_account.check_password(NEW_PASSWORD)


def test_beheer_manages_an_ordinary_account_and_the_leidinggevende_role(
    beheer, make_user, mfa_client_for
):
    client = mfa_client_for(beheer)
    person = make_user(Role.MEDEWERKER)
    page = client.get(edit_url(person))
    assert page.status_code == 200
    offered = set(page.context["form"].fields["groups"].queryset.values_list("name", flat=True))
    assert offered == {
        Role.MEDEWERKER.group_name,
        Role.RAADSLID.group_name,
        Role.LEIDINGGEVENDE.group_name,
        Role.AANDACHTSFUNCTIONARIS.group_name,
    }
    html = page.content.decode()
    for role in (Role.KERNTEAM, Role.BEHEER, Role.GRIFFIE):
        assert f'value="{group(role).pk}"' not in html, role
    assert 'name="is_superuser"' not in html

    groups = [group(Role.MEDEWERKER).pk, group(Role.LEIDINGGEVENDE).pk]
    response = client.post(edit_url(person), edit_data(person, groups=groups))
    assert response.status_code == 302
    assert set(person.groups.values_list("pk", flat=True)) == set(groups)


@pytest.mark.parametrize("role", [Role.KERNTEAM, Role.BEHEER, Role.GRIFFIE])
def test_beheer_cannot_grant_an_admin_role_with_a_tampered_post(
    beheer, make_user, mfa_client_for, role
):
    client = mfa_client_for(beheer)
    person = make_user(Role.MEDEWERKER)
    response = client.post(
        edit_url(person),
        edit_data(
            person,
            first_name="Gewijzigd",
            groups=[group(Role.MEDEWERKER).pk, group(role).pk],
        ),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["groups"]
    person.refresh_from_db()
    assert person.first_name != "Gewijzigd"  # nothing half-saved
    assert set(person.groups.values_list("name", flat=True)) == {Role.MEDEWERKER.group_name}


def test_beheer_cannot_make_someone_a_superuser_with_a_tampered_post(
    beheer, make_user, mfa_client_for
):
    client = mfa_client_for(beheer)
    person = make_user(Role.MEDEWERKER)
    client.post(edit_url(person), edit_data(person, is_superuser="on"))
    person.refresh_from_db()
    assert not person.is_superuser


def test_beheer_cannot_grant_itself_a_role(beheer, mfa_client_for):
    client = mfa_client_for(beheer)
    assert client.get(edit_url(beheer)).status_code == 403
    response = client.post(
        edit_url(beheer),
        edit_data(beheer, groups=[g.pk for g in Group.objects.all()], is_superuser="on"),
    )
    assert response.status_code == 403
    beheer.refresh_from_db()
    assert not beheer.is_superuser
    assert set(beheer.groups.values_list("name", flat=True)) == {
        Role.MEDEWERKER.group_name,
        Role.BEHEER.group_name,
    }


def test_a_superuser_cannot_edit_its_own_account_in_the_user_admin(superuser, mfa_client_for):
    client = mfa_client_for(superuser)
    assert client.get(edit_url(superuser)).status_code == 403
    response = client.post(
        edit_url(superuser), edit_data(superuser, groups=[group(Role.KERNTEAM).pk])
    )
    assert response.status_code == 403
    assert not superuser.groups.filter(name=Role.KERNTEAM.group_name).exists()


def test_a_superuser_grants_admin_roles_to_someone_else(superuser, make_user, mfa_client_for):
    client = mfa_client_for(superuser)
    person = make_user(Role.MEDEWERKER)
    groups = [group(Role.MEDEWERKER).pk, group(Role.KERNTEAM).pk]
    response = client.post(edit_url(person), edit_data(person, groups=groups))
    assert response.status_code == 302
    assert person.groups.filter(name=Role.KERNTEAM.group_name).exists()


def test_beheer_cannot_create_an_account_with_an_admin_role(beheer, mfa_client_for):
    client = mfa_client_for(beheer)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "nieuw-kernteam@weerbaar.test",
            "first_name": "Nieuw",
            "last_name": "Lid",
            "groups": [group(Role.KERNTEAM).pk],
            "is_superuser": "on",
            "password1": "",
            "password2": "",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["groups"]
    assert not User.objects.filter(email="nieuw-kernteam@weerbaar.test").exists()


# -- Delete ---------------------------------------------------------------------------------


def test_a_superuser_cannot_delete_itself_and_beheer_deletes_nobody(
    superuser, beheer, make_user, mfa_client_for
):
    client = mfa_client_for(superuser)
    assert client.post(reverse("wagtailusers_users:delete", args=[superuser.pk])).status_code == 403
    client.logout()
    client = mfa_client_for(beheer)
    person = make_user(Role.MEDEWERKER)
    assert client.post(reverse("wagtailusers_users:delete", args=[person.pk])).status_code == 403
    assert User.objects.filter(pk__in=[superuser.pk, person.pk]).count() == 2


# -- Bulk actions ---------------------------------------------------------------------------


def test_bulk_assign_role_offers_beheer_only_the_roles_it_may_grant(
    beheer, make_user, mfa_client_for
):
    client = mfa_client_for(beheer)
    person = make_user(Role.MEDEWERKER)
    page = client.get(bulk_url("assign_role", person))
    assert page.status_code == 200
    offered = set(page.context["form"].fields["role"].queryset.values_list("name", flat=True))
    assert Role.KERNTEAM.group_name not in offered
    assert Role.LEIDINGGEVENDE.group_name in offered

    response = client.post(bulk_url("assign_role", person), {"role": group(Role.KERNTEAM).pk})
    assert response.status_code == 200  # the form again, with an error
    assert response.context["form"].errors["role"]
    assert not person.groups.filter(name=Role.KERNTEAM.group_name).exists()


def test_bulk_assign_role_skips_admin_accounts_and_beheer_itself(
    beheer, admin_account, make_user, mfa_client_for
):
    client = mfa_client_for(beheer)
    person = make_user(Role.MEDEWERKER)
    response = client.post(
        bulk_url("assign_role", person, admin_account, beheer),
        {"role": group(Role.LEIDINGGEVENDE).pk},
    )
    assert response.status_code == 302
    assert person.groups.filter(name=Role.LEIDINGGEVENDE.group_name).exists()
    assert not admin_account.groups.filter(name=Role.LEIDINGGEVENDE.group_name).exists()
    assert not beheer.groups.filter(name=Role.LEIDINGGEVENDE.group_name).exists()


def test_bulk_set_active_state_cannot_switch_off_an_admin_account(
    beheer, admin_account, make_user, mfa_client_for
):
    client = mfa_client_for(beheer)
    person = make_user(Role.MEDEWERKER)
    response = client.post(
        bulk_url("set_active_state", person, admin_account), {"mark_as_active": "False"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    admin_account.refresh_from_db()
    assert not person.is_active
    assert admin_account.is_active


def test_bulk_delete_follows_the_same_rules(superuser, beheer, make_user, mfa_client_for):
    person = make_user(Role.MEDEWERKER)
    client = mfa_client_for(beheer)
    client.post(bulk_url("delete", person))
    assert User.objects.filter(pk=person.pk).exists()  # beheer deletes nobody
    client.logout()
    client = mfa_client_for(superuser)
    client.post(bulk_url("delete", superuser, person))
    assert User.objects.filter(pk=superuser.pk).exists()  # never yourself
    assert not User.objects.filter(pk=person.pk).exists()


# -- The groups (roles) admin ---------------------------------------------------------------


def test_beheer_cannot_change_what_a_role_may_do(beheer, mfa_client_for):
    assert not beheer.has_perm("auth.change_group")
    assert not beheer.has_perm("auth.add_group")
    client = mfa_client_for(beheer)
    beheer_group = group(Role.BEHEER)
    before = set(beheer_group.permissions.values_list("pk", flat=True))
    for path in ("/admin/groups/", f"/admin/groups/edit/{beheer_group.pk}/"):
        response = client.get(path)
        assert response.status_code in (302, 403), path
        assert not (response.status_code == 302 and response["Location"].startswith(path))
    client.post(
        f"/admin/groups/edit/{beheer_group.pk}/",
        {"name": beheer_group.name, "permissions": list(range(1, 200))},
    )
    assert set(beheer_group.permissions.values_list("pk", flat=True)) == before


# -- Last login of raadsleden ---------------------------------------------------------------


def test_beheer_does_not_see_when_a_raadslid_last_logged_in(beheer, make_user, mfa_client_for):
    member = make_user(Role.RAADSLID, first_name="Rianne", last_name="Raadsma")
    when = timezone.make_aware(datetime(2026, 3, 14, 9, 26))
    User.objects.filter(pk=member.pk).update(last_login=when)
    client = mfa_client_for(beheer)
    listing = client.get("/admin/users/?q=Raadsma")
    html = listing.content.decode()
    assert "Raadsma" in html
    assert "Laatst ingelogd" not in html
    assert "last_login" not in listing.context["filters"].form.fields
    # Sorting or filtering on it would tell the order of logins: not allowed either.
    sorted_page = client.get("/admin/users/?ordering=last_login")
    assert sorted_page.context["ordering"] != "last_login"
    filtered = client.get("/admin/users/?q=Raadsma&last_login_after=2030-01-01")
    assert "Raadsma" in filtered.content.decode()  # the filter is not applied
    page = client.get(edit_url(member)).content.decode()
    assert "14 maart 2026" not in page and "2026-03-14" not in page


# -- Doors found in review: copying an account, a password chosen by beheer, the HR file ------


def test_no_account_can_be_copied_onto_another(beheer, admin_account, make_user, mfa_client_for):
    """Wagtail's user copy view saved onto the copied account without asking the policy."""
    client = mfa_client_for(beheer)
    for target in (admin_account, make_user(Role.MEDEWERKER)):
        old_email = target.email
        response = client.post(
            f"/admin/users/copy/{target.pk}/",
            {
                "email": "aanvaller@weerbaar.test",
                "first_name": "Aan",
                "last_name": "Valler",
                "password1": NEW_PASSWORD,
                "password2": NEW_PASSWORD,
            },
        )
        assert response.status_code == 404
        target.refresh_from_db()
        assert target.email == old_email and not target.check_password(NEW_PASSWORD)
    assert "copy" not in client.get(reverse("wagtailusers_users:index")).content.decode()


def test_beheer_never_chooses_a_persons_password(beheer, make_user, mfa_client_for):
    """Whoever knows a password can log in as that person (a raadslid's private data
    included): only a superuser sets one by hand, everybody else uses the reset link."""
    client = mfa_client_for(beheer)
    person = make_user(Role.RAADSLID)
    assert 'name="password1"' not in client.get(edit_url(person)).content.decode()
    response = client.post(
        edit_url(person), edit_data(person, password1=NEW_PASSWORD, password2=NEW_PASSWORD)
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert not person.check_password(NEW_PASSWORD) and person.check_password(TEST_PASSWORD)


def test_the_hr_file_leaves_admin_accounts_alone(beheer, admin_account, make_user):
    """A row with an admin account's personnel number, or with the address of an admin account
    that has none, must not rewrite its email, switch it off with a past end date, give it a
    number or change its role."""
    admin_account.personnel_number = "9999"
    admin_account.save()
    unnumbered = make_user(Role.MEDEWERKER, Role.KERNTEAM)
    roles_before = {admin_account.pk: admin_account.roles, unnumbered.pk: unnumbered.roles}
    department = DepartmentFactory(name="Publiekszaken", code="PZ")
    content = (
        "personeelsnummer;naam;e-mail;afdeling;einddatum;rol\n"
        "9999;Aan Valler;aanvaller@weerbaar.test;PZ;01-01-2020;medewerker\n"
        f"2002;Nieuwe Naam;{unnumbered.email};PZ;;leidinggevende\n"
        "1001;Noor Bakker;n.bakker@weerbaar.test;PZ;;medewerker\n"
    )
    rows = read_rows(content=content.encode(), filename="hr.csv")
    today = date(2026, 11, 25)
    plan = plan_import(rows=rows, today=today)
    assert plan.is_valid, plan.errors
    assert {person.user_id for person in plan.left_alone} == {admin_account.pk, unnumbered.pk}
    apply_import(rows=rows, today=today, actor=beheer)
    for account in (admin_account, unnumbered):
        account.refresh_from_db()
        account.__dict__.pop("roles", None)
        assert account.is_active and account.email != "aanvaller@weerbaar.test"
        assert account.roles == roles_before[account.pk]
        assert account.department_id != department.pk
    assert unnumbered.personnel_number == ""
    assert User.objects.filter(personnel_number="1001", department=department).exists()
