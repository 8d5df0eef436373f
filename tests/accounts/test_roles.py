"""Role groups and their permissions, as declared in accounts.permissions."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission

from accounts.models import User
from accounts.permissions import ROLE_MODEL_PERMISSIONS, sync_role_groups
from accounts.roles import Role
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def perms_of(group: Group) -> set[str]:
    return {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }


def test_every_role_has_a_group_with_exactly_its_declared_permissions():
    for role in Role:
        group = Group.objects.get(name=role.group_name)
        assert perms_of(group) == ROLE_MODEL_PERMISSIONS[role]


def test_wagtails_default_groups_are_replaced_by_our_roles():
    assert set(Group.objects.values_list("name", flat=True)) == {r.group_name for r in Role}


def test_sync_removes_permissions_that_are_not_declared():
    group = Group.objects.get(name=Role.MEDEWERKER.group_name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    sync_role_groups()
    assert perms_of(group) == set()


def test_sync_is_idempotent():
    sync_role_groups()
    before = (
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        {g.name: perms_of(g) for g in Group.objects.all()},
    )
    sync_role_groups()
    after = (
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        {g.name: perms_of(g) for g in Group.objects.all()},
    )
    assert before == after


def test_only_the_kernteam_has_page_and_media_permissions():
    page_groups = set(GroupPagePermission.objects.values_list("group__name", flat=True))
    collection_groups = set(GroupCollectionPermission.objects.values_list("group__name", flat=True))
    assert page_groups == {Role.KERNTEAM.group_name}
    assert collection_groups == {Role.KERNTEAM.group_name}


def test_beheer_creates_an_account_with_department_start_date_and_role(beheer_user, mfa_client_for):
    client = mfa_client_for(beheer_user)
    department = DepartmentFactory(name="Publiekszaken")
    form_page = client.get(reverse("wagtailusers_users:add"))
    assert form_page.status_code == 200
    for field in ("personnel_number", "department", "start_date"):
        assert f'name="{field}"' in form_page.content.decode()
    assert 'name="is_superuser"' not in form_page.content.decode()
    medewerker_group = Group.objects.get(name=Role.MEDEWERKER.group_name)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "Nieuwe.Collega@Weerbaar.test",
            "first_name": "Nieuwe",
            "last_name": "Collega",
            "personnel_number": "123456",
            "department": department.pk,
            "start_date": "2026-11-02",
            "groups": [medewerker_group.pk],
            "password1": "",
            "password2": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(email="nieuwe.collega@weerbaar.test")
    assert user.department == department
    assert str(user.start_date) == "2026-11-02"
    assert user.roles == {Role.MEDEWERKER}
    assert not user.has_usable_password()  # logs in via SSO or a password reset


def test_beheer_cannot_make_someone_superuser(beheer_user, mfa_client_for, make_user):
    client = mfa_client_for(beheer_user)
    target = make_user()
    client.post(
        f"/admin/users/edit/{target.pk}/",
        {
            "email": target.email,
            "first_name": "X",
            "last_name": "Y",
            "is_superuser": "on",
            "is_active": "on",
        },
    )
    target.refresh_from_db()
    assert not target.is_superuser
