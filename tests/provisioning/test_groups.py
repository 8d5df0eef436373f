"""SCIM Groups are departments: Entra adds and removes members (both of its removal forms);
departments themselves are never created, renamed or deleted by SCIM."""

from __future__ import annotations

import pytest

from accounts.models import Department, User
from tests.provisioning.conftest import entra_user, patch

pytestmark = pytest.mark.django_db


def test_groups_list_the_departments_with_their_members(scim, departments):
    user_id = scim.post("/Users", entra_user()).json()["id"]
    listing = scim.get("/Groups", 'filter=displayName eq "publiekszaken"').json()
    [group] = listing["Resources"]
    assert group["id"] == str(departments["PZ"].pk) and group["displayName"] == "Publiekszaken"
    assert [m["value"] for m in group["members"]] == [user_id]
    slim = scim.get("/Groups", "excludedAttributes=members").json()
    assert all("members" not in g for g in slim["Resources"])


def test_adding_a_member_moves_them_into_the_department(scim, departments):
    user_id = scim.post("/Users", entra_user()).json()["id"]
    vth = departments["VTH"].pk
    body = patch({"op": "Add", "path": "members", "value": [{"value": user_id}]})
    response = scim.patch(f"/Groups/{vth}", body)
    assert response.status_code == 200, response.content
    assert User.objects.get(pk=user_id).department_id == vth


@pytest.mark.parametrize("flag", [False, True])
def test_removing_a_member_in_either_of_entras_forms(scim, scim_flagged, departments, flag):
    user_id = scim.post("/Users", entra_user()).json()["id"]
    pz = departments["PZ"].pk
    if flag:  # aadOptscim062020: the RFC's filter path
        op = {"op": "remove", "path": f'members[value eq "{user_id}"]'}
        caller = scim_flagged
    else:  # without the flag: Entra's own form, the ids in the value
        op = {"op": "Remove", "path": "members", "value": [{"value": user_id}]}
        caller = scim
    response = caller.patch(f"/Groups/{pz}", patch(op))
    assert response.status_code == 200, response.content
    assert response.json()["members"] == []
    user = User.objects.get(pk=user_id)  # the account stays; it only left the department
    assert user.department_id is None and user.is_active


def test_a_remove_after_a_move_does_not_undo_it(scim, departments):
    """Entra may add someone to the new department before removing them from the old one."""
    user_id = scim.post("/Users", entra_user()).json()["id"]
    pz, vth = departments["PZ"].pk, departments["VTH"].pk
    scim.patch(
        f"/Groups/{vth}", patch({"op": "Add", "path": "members", "value": [{"value": user_id}]})
    )
    scim.patch(
        f"/Groups/{pz}",
        patch({"op": "Remove", "path": "members", "value": [{"value": user_id}]}),
    )
    assert User.objects.get(pk=user_id).department_id == vth


def test_unknown_members_and_unnamed_removals_are_refused(scim, departments):
    pz = departments["PZ"].pk
    unknown = patch({"op": "Add", "path": "members", "value": [{"value": "424242"}]})
    assert scim.patch(f"/Groups/{pz}", unknown).status_code == 400
    everyone = patch({"op": "Remove", "path": "members"})
    assert scim.patch(f"/Groups/{pz}", everyone).status_code == 400


def test_departments_are_never_created_renamed_or_deleted(scim, departments):
    pz = departments["PZ"].pk
    created = scim.post(
        "/Groups",
        {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "Nieuw"},
    )
    assert created.status_code == 403
    renamed = patch({"op": "Replace", "path": "displayName", "value": "Anders"})
    assert scim.patch(f"/Groups/{pz}", renamed).status_code == 403
    assert scim.delete(f"/Groups/{pz}").status_code == 403
    assert Department.objects.get(pk=pz).name == "Publiekszaken"
    assert not Department.objects.filter(name__in=["Nieuw", "Anders"]).exists()
