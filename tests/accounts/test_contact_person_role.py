"""The aandachtsfunctionaris role (contact person for subversive crime, issue 15): its group,
who may grant it, and what it does not give."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth.models import Group

from accounts.policies import grantable_role_groups
from accounts.roles import MFA_REQUIRED_ROLES, Role
from accounts.staff_import import apply_import, plan_import, read_rows
from tests.conftest import password_login
from tests.factories import DepartmentFactory
from tests.factories.accounts import role_group as group
from tests.factories.accounts import user_edit_data as edit_data
from tests.factories.accounts import user_edit_url as edit_url

pytestmark = pytest.mark.django_db

GROUP_NAME = "Aandachtsfunctionaris ondermijning"


@pytest.fixture
def beheer(make_user):
    return make_user(Role.MEDEWERKER, Role.BEHEER)


def test_the_group_exists_without_any_permission():
    role_group = Group.objects.get(name=GROUP_NAME)
    assert Role.AANDACHTSFUNCTIONARIS.group_name == GROUP_NAME
    assert Role.from_group_name(GROUP_NAME) == Role.AANDACHTSFUNCTIONARIS
    assert not role_group.permissions.exists()
    assert Role.AANDACHTSFUNCTIONARIS not in MFA_REQUIRED_ROLES


def test_a_contact_person_has_no_admin_access(client, make_user):
    contact = make_user(Role.MEDEWERKER, Role.AANDACHTSFUNCTIONARIS)
    password_login(client, contact.email)
    assert client.get("/admin/").status_code == 403


def test_beheer_grants_and_removes_the_role_in_the_user_admin(beheer, make_user, mfa_client_for):
    client = mfa_client_for(beheer)
    person = make_user(Role.MEDEWERKER)
    page = client.get(edit_url(person))
    offered = set(page.context["form"].fields["groups"].queryset.values_list("name", flat=True))
    assert GROUP_NAME in offered
    groups = [group(Role.MEDEWERKER).pk, group(Role.AANDACHTSFUNCTIONARIS).pk]
    assert client.post(edit_url(person), edit_data(person, groups=groups)).status_code == 302
    assert set(person.groups.values_list("name", flat=True)) == {
        Role.MEDEWERKER.group_name,
        GROUP_NAME,
    }
    # A contact person's account stays an ordinary one: beheer can take the role away again.
    groups = [group(Role.MEDEWERKER).pk]
    assert client.post(edit_url(person), edit_data(person, groups=groups)).status_code == 302
    assert set(person.groups.values_list("name", flat=True)) == {Role.MEDEWERKER.group_name}


def test_nobody_grants_themselves_the_role(beheer, mfa_client_for):
    client = mfa_client_for(beheer)
    response = client.post(
        edit_url(beheer),
        edit_data(beheer, groups=[group(Role.MEDEWERKER).pk, group(Role.AANDACHTSFUNCTIONARIS).pk]),
    )
    assert response.status_code == 403
    assert not beheer.groups.filter(name=GROUP_NAME).exists()


@pytest.mark.parametrize(
    "role", [Role.MEDEWERKER, Role.KERNTEAM, Role.LEIDINGGEVENDE, Role.AANDACHTSFUNCTIONARIS]
)
def test_other_roles_may_not_grant_it(make_user, role):
    actor = make_user(Role.MEDEWERKER, role)
    assert not grantable_role_groups(actor).filter(name=GROUP_NAME).exists()


def test_the_kernteam_cannot_grant_it_through_the_user_admin(
    kernteam_user, make_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    person = make_user(Role.MEDEWERKER)
    groups = [group(Role.MEDEWERKER).pk, group(Role.AANDACHTSFUNCTIONARIS).pk]
    response = client.post(edit_url(person), edit_data(person, groups=groups))
    assert response.status_code in (302, 403)
    assert not person.groups.filter(name=GROUP_NAME).exists()


def test_the_staff_import_neither_grants_nor_removes_the_role(beheer, make_user):
    department = DepartmentFactory(name="Publiekszaken", code="PZ")
    contact = make_user(
        Role.MEDEWERKER, Role.AANDACHTSFUNCTIONARIS, personnel_number="3003", department=department
    )
    content = (
        "personeelsnummer;naam;e-mail;afdeling;einddatum;rol\n"
        f"3003;Nieuwe Naam;{contact.email};PZ;;medewerker\n"
        "3004;Anne Aanvrager;a.aanvrager@weerbaar.test;PZ;;aandachtsfunctionaris\n"
    )
    rows = read_rows(content=content.encode(), filename="hr.csv")
    today = date(2026, 11, 25)
    plan = plan_import(rows=rows, today=today)
    assert not plan.is_valid  # the file cannot hand out this role
    assert any("aandachtsfunctionaris" in str(error) for error in plan.errors)

    rows = read_rows(content=content.rsplit("3004", 1)[0].encode(), filename="hr.csv")
    plan = plan_import(rows=rows, today=today)
    assert plan.is_valid, plan.errors
    apply_import(rows=rows, today=today, actor=beheer)
    contact.refresh_from_db()
    assert contact.groups.filter(name=GROUP_NAME).exists()
