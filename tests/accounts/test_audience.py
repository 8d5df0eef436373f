"""Audiences: who belongs to one, read in a fixed number of queries."""

from __future__ import annotations

import pytest

from accounts.roles import Role
from accounts.selectors import audience_members, audiences_for_user, user_in_audience
from accounts.services import audience_create
from tests.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    pz, vth = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="VTH")
    return {
        "pz": pz,
        "vth": vth,
        "pz_staff": UserFactory(department=pz, roles=[Role.MEDEWERKER]),
        "vth_staff": UserFactory(department=vth, roles=[Role.MEDEWERKER]),
        "pz_manager": UserFactory(department=pz, roles=[Role.MEDEWERKER, Role.LEIDINGGEVENDE]),
        "raadslid": UserFactory(department=None, roles=[Role.RAADSLID]),
        "left": UserFactory(department=pz, roles=[Role.MEDEWERKER], is_active=False),
    }


def names(users) -> set[str]:
    return {u.email for u in users}


def test_empty_audience_means_every_active_user(world):
    everybody = audience_create(name="Iedereen")
    expected = {world[k].email for k in ("pz_staff", "vth_staff", "pz_manager", "raadslid")}
    assert names(audience_members(audience=everybody)) == expected


def test_role_audience(world):
    council = audience_create(name="Raad", roles=[Role.RAADSLID])
    assert names(audience_members(audience=council)) == {world["raadslid"].email}
    assert user_in_audience(user=world["raadslid"], audience=council)
    assert not user_in_audience(user=world["pz_staff"], audience=council)


def test_department_audience(world):
    pz_only = audience_create(name="PZ", departments=[world["pz"]])
    assert names(audience_members(audience=pz_only)) == {
        world["pz_staff"].email,
        world["pz_manager"].email,
    }


def test_roles_and_departments_must_both_match(world):
    pz_managers = audience_create(
        name="Leiding PZ", roles=[Role.LEIDINGGEVENDE], departments=[world["pz"]]
    )
    assert names(audience_members(audience=pz_managers)) == {world["pz_manager"].email}
    assert not user_in_audience(user=world["pz_staff"], audience=pz_managers)


def test_inactive_users_belong_to_no_audience(world):
    everybody = audience_create(name="Iedereen")
    assert world["left"] not in audience_members(audience=everybody)
    assert not audiences_for_user(user=world["left"]).exists()


def test_both_selectors_agree(world):
    audiences = [
        audience_create(name="Iedereen"),
        audience_create(name="Raad", roles=[Role.RAADSLID]),
        audience_create(name="PZ", departments=[world["pz"]]),
        audience_create(name="Staf", roles=[Role.MEDEWERKER, Role.LEIDINGGEVENDE]),
        audience_create(
            name="Leiding VTH", roles=[Role.LEIDINGGEVENDE], departments=[world["vth"]]
        ),
    ]
    for key in ("pz_staff", "vth_staff", "pz_manager", "raadslid"):
        user = world[key]
        from_user_side = set(audiences_for_user(user=user))
        from_audience_side = {a for a in audiences if user in audience_members(audience=a)}
        assert from_user_side == from_audience_side, key


@pytest.mark.parametrize("size", [2, 40])
def test_audiences_for_user_is_one_query(world, django_assert_num_queries, size):
    for i in range(size):
        audience_create(name=f"Doelgroep {i}", roles=[Role.MEDEWERKER], departments=[world["pz"]])
    with django_assert_num_queries(1):
        result = list(audiences_for_user(user=world["pz_staff"]))
    assert len(result) == size
