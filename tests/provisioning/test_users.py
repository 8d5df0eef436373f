"""SCIM Users as Entra ID sends them: create, PATCH (with and without ``aadOptscim062020``),
deactivate, DELETE, list with filters; the staff import's rules; the audit log. Real requests
through the whole stack against the real database."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from accounts.models import AuditAction, AuditEvent, User
from accounts.roles import Role
from accounts.services import user_set_roles
from provisioning.models import ScimIdentity
from tests.factories import UserFactory
from tests.provisioning.conftest import ENTERPRISE, entra_user, patch

pytestmark = pytest.mark.django_db


def scim_audit(user: User) -> list[tuple[str, dict]]:
    return [
        (event.action, event.details)
        for event in AuditEvent.objects.filter(target=user).order_by("pk")
    ]


def test_entra_creates_an_account_with_the_hr_rules(scim, departments):
    response = scim.post("/Users", entra_user())
    assert response.status_code == 201, response.content
    body = response.json()
    user = User.objects.get(email="n.bakker@dordrecht.nl")
    assert body["id"] == str(user.pk)
    assert response["Location"].endswith(f"/scim/v2/Users/{user.pk}")
    assert body["userName"] == "n.bakker@dordrecht.nl" and body["active"] is True
    assert body[ENTERPRISE]["employeeNumber"] == "1001"
    assert body[ENTERPRISE]["department"] == "Publiekszaken"
    assert (user.personnel_number, user.first_name, user.last_name) == ("1001", "Noor", "Bakker")
    assert user.department == departments["PZ"]
    assert user.roles == frozenset({Role.MEDEWERKER})
    assert not user.has_usable_password()  # SSO or a reset, as the staff import's accounts
    assert user.scim_identity.external_id == "obj-1001"
    [(action, details)] = scim_audit(user)
    assert action == AuditAction.ROLES_CHANGED
    assert details["source"] == "scim" and details["client"] == "Entra ID"
    assert details["added"] == ["Medewerker"] and details["created"] is True
    assert details["department"] == "Publiekszaken (PZ)" and details["manager"] == ""


def test_a_create_with_errors_says_so_in_dutch_and_saves_nothing(scim, departments):
    body = entra_user(number="", email="geen-adres", department="Onbekend")
    response = scim.post("/Users", body)
    assert response.status_code == 400
    error = response.json()
    assert error["schemas"] == ["urn:ietf:params:scim:api:messages:2.0:Error"]
    assert error["scimType"] == "invalidValue"
    assert "personeelsnummer ontbreekt" in error["detail"]
    assert "geen geldig e-mailadres" in error["detail"]
    assert "Afdeling 'Onbekend' bestaat niet in Weerbaar" in error["detail"]
    assert not User.objects.filter(email="geen-adres").exists()
    assert not ScimIdentity.objects.exists() and not AuditEvent.objects.exists()


def test_a_second_create_for_the_same_person_is_a_conflict(scim, departments):
    assert scim.post("/Users", entra_user()).status_code == 201
    response = scim.post("/Users", entra_user(email="ander@dordrecht.nl"))
    assert response.status_code == 409 and response.json()["scimType"] == "uniqueness"
    assert User.objects.count() == 1


def test_filter_by_username_finds_an_account_the_staff_import_made(scim, departments):
    """Entra's matching step: GET ?filter=userName eq "...". An HR account without a SCIM
    link is found (nothing is written on GET), and Entra then PATCHes it."""
    hr = UserFactory(email="l.jansen@dordrecht.nl", personnel_number="2001")
    UserFactory(email="other@dordrecht.nl", personnel_number="2002")
    response = scim.get("/Users", 'filter=userName eq "L.Jansen@dordrecht.nl"')
    assert response.status_code == 200
    listing = response.json()
    assert listing["totalResults"] == 1 and listing["Resources"][0]["id"] == str(hr.pk)
    assert not ScimIdentity.objects.exists()
    empty = scim.get("/Users", 'filter=userName eq "nobody@dordrecht.nl"').json()
    assert empty["totalResults"] == 0 and empty["Resources"] == []


def test_the_flag_on_the_tenant_url_changes_nothing_for_reads(scim_flagged, departments):
    """Entra appends ``?aadOptscim062020`` (from the tenant URL) to every request."""
    created = scim_flagged.post("/Users", entra_user())
    assert created.status_code == 201
    found = scim_flagged.get("/Users", 'filter=userName eq "n.bakker@dordrecht.nl"').json()
    assert [r["id"] for r in found["Resources"]] == [created.json()["id"]]
    assert scim_flagged.get(f"/Users/{created.json()['id']}").status_code == 200


def test_filter_by_external_id_and_paging(scim, departments):
    for n in range(3):
        assert (
            scim.post("/Users", entra_user(str(3000 + n), f"p{n}@dordrecht.nl")).status_code == 201
        )
    found = scim.get("/Users", 'filter=externalId eq "obj-3001"').json()
    assert [r["userName"] for r in found["Resources"]] == ["p1@dordrecht.nl"]
    page = scim.get("/Users", "startIndex=2&count=1").json()
    assert page["totalResults"] == 3 and page["itemsPerPage"] == 1 and page["startIndex"] == 2
    bad = scim.get("/Users", 'filter=title eq "x"')
    assert bad.status_code == 400 and bad.json()["scimType"] == "invalidFilter"
    assert scim.get("/Users", "filter=userName eq").status_code == 400


def test_the_listing_takes_a_constant_number_of_queries(
    scim, departments, django_assert_max_num_queries
):
    def listing_queries(people: int) -> int:
        for n in range(people):
            UserFactory(email=f"q{people}-{n}@dordrecht.nl", personnel_number=f"{people}-{n}")
        scim.get("/Users", "count=1")  # the client's "last used" is written once a minute
        with django_assert_max_num_queries(6) as captured:
            assert scim.get("/Users", "count=100").status_code == 200
        return len(captured.captured_queries)

    assert listing_queries(2) == listing_queries(12)


def test_patch_replace_without_the_flag(scim, departments):
    """Entra without aadOptscim062020: capitalised ops, one path each, "False" as a string."""
    user_id = scim.post("/Users", entra_user()).json()["id"]
    response = scim.patch(
        f"/Users/{user_id}",
        patch(
            {"op": "Replace", "path": "name.familyName", "value": "de Boer"},
            {"op": "Replace", "path": f"{ENTERPRISE}:department", "value": "Vergunningen"},
            {"op": "Add", "path": 'emails[type eq "work"].value', "value": "x@dordrecht.nl"},
            {"op": "Replace", "path": "title", "value": "Senior"},
        ),
    )
    assert response.status_code == 200, response.content
    user = User.objects.get(pk=user_id)
    assert user.last_name == "de Boer" and user.department == departments["VTH"]
    assert user.email == "n.bakker@dordrecht.nl"  # the login address is userName
    response = scim.patch(
        f"/Users/{user_id}", patch({"op": "Replace", "path": "active", "value": "False"})
    )
    assert response.status_code == 200 and response.json()["active"] is False
    user.refresh_from_db()
    assert not user.is_active and user.deactivated_by_import
    entries = scim_audit(user)
    assert [a for a, _d in entries] == [
        AuditAction.ROLES_CHANGED,
        AuditAction.PROFILE_CHANGED,
        AuditAction.DEACTIVATED,
    ]
    assert entries[1][1] == {
        "last_name": ["Bakker", "de Boer"],
        "department": ["Publiekszaken (PZ)", "Vergunningen (VTH)"],
        "source": "scim",
        "client": "Entra ID",
    }


def test_patch_replace_with_the_flag(scim_flagged, departments):
    """With aadOptscim062020: lower-case ops, a replace without path holding an object of
    paths, real booleans."""
    scim = scim_flagged
    user_id = scim.post("/Users", entra_user()).json()["id"]
    response = scim.patch(
        f"/Users/{user_id}",
        patch(
            {
                "op": "replace",
                "value": {
                    "userName": "noor.bakker@dordrecht.nl",
                    "name.givenName": "Noortje",
                    f"{ENTERPRISE}:employeeNumber": "1009",
                    "active": False,
                },
            }
        ),
    )
    assert response.status_code == 200, response.content
    user = User.objects.get(pk=user_id)
    assert (user.email, user.first_name, user.personnel_number) == (
        "noor.bakker@dordrecht.nl",
        "Noortje",
        "1009",
    )
    assert not user.is_active
    actions = [(a, d) for a, d in scim_audit(user)]
    assert actions[1] == (
        AuditAction.EMAIL_CHANGED,
        {
            "old_email": "n.bakker@dordrecht.nl",
            "new_email": "noor.bakker@dordrecht.nl",
            "source": "scim",
            "client": "Entra ID",
        },
    )
    assert actions[2][0] == AuditAction.DEACTIVATED
    back = scim.patch(f"/Users/{user_id}", patch({"op": "replace", "value": {"active": True}}))
    assert back.json()["active"] is True
    assert scim_audit(user)[-1][0] == AuditAction.ACTIVATED


def test_patch_remove_and_manager(scim, departments):
    lead_id = scim.post("/Users", entra_user("1001", "l.jansen@dordrecht.nl")).json()["id"]
    body = entra_user("1002", "n.bakker@dordrecht.nl", manager=lead_id)
    staff_id = scim.post("/Users", body).json()["id"]
    lead = User.objects.get(pk=lead_id)
    assert lead.has_role(Role.LEIDINGGEVENDE)
    assert list(departments["PZ"].managers.all()) == [lead]
    assert scim_audit(lead)[-1] == (
        AuditAction.ROLES_CHANGED,
        {"added": ["Leidinggevende"], "removed": [], "source": "scim", "client": "Entra ID"},
    )
    # The new account's audit entry names the manager it was created with.
    created = scim_audit(User.objects.get(pk=staff_id))[0][1]
    assert created["manager"] == f"{lead.pk} ({lead.personnel_number})"
    shown = scim.get(f"/Users/{staff_id}").json()
    assert shown[ENTERPRISE]["manager"]["value"] == lead_id
    response = scim.patch(
        f"/Users/{staff_id}",
        patch(
            {"op": "Remove", "path": f"{ENTERPRISE}:manager"},
            {"op": "Remove", "path": "name.givenName"},
        ),
    )
    assert response.status_code == 200, response.content
    assert "manager" not in response.json()[ENTERPRISE]
    assert User.objects.get(pk=staff_id).first_name == ""
    lead = User.objects.get(pk=lead_id)
    assert not departments["PZ"].managers.exists()
    assert not lead.has_role(Role.LEIDINGGEVENDE)
    assert scim_audit(lead)[-1][1]["removed"] == ["Leidinggevende"]
    missing = scim.patch(
        f"/Users/{staff_id}",
        patch({"op": "Add", "path": f"{ENTERPRISE}:manager", "value": "99999"}),
    )
    assert missing.status_code == 400 and "99999" in missing.json()["detail"]
    cannot = scim.patch(f"/Users/{staff_id}", patch({"op": "Remove", "path": "active"}))
    assert cannot.status_code == 400


def test_delete_deactivates_and_keeps_everything(scim, departments):
    user_id = scim.post("/Users", entra_user()).json()["id"]
    assert scim.delete(f"/Users/{user_id}").status_code == 204
    user = User.objects.get(pk=user_id)  # still there
    assert not user.is_active and user.department == departments["PZ"]
    assert user.roles == frozenset({Role.MEDEWERKER})
    assert scim_audit(user)[-1][0] == AuditAction.DEACTIVATED
    assert scim.get(f"/Users/{user_id}").status_code == 404  # gone for SCIM only
    # Entra creates the colleague again (a comeback): the same account, switched on.
    again = scim.post("/Users", entra_user())
    assert again.status_code == 201 and again.json()["id"] == user_id
    user.refresh_from_db()
    assert user.is_active and User.objects.count() == 1
    assert scim_audit(user)[-1][0] == AuditAction.ACTIVATED


def test_an_account_switched_off_by_hand_stays_off(scim, departments):
    user = UserFactory(personnel_number="4001", is_active=False)
    response = scim.patch(
        f"/Users/{user.pk}", patch({"op": "Replace", "path": "active", "value": "True"})
    )
    assert response.status_code == 200 and response.json()["active"] is False
    user.refresh_from_db()
    assert not user.is_active
    assert not AuditEvent.objects.filter(action=AuditAction.ACTIVATED).exists()


@pytest.mark.parametrize(
    "kind", ["no_personnel_number", "raadslid", "kernteam", "beheer", "superuser", "own_perm"]
)
def test_accounts_out_of_scim_reach_are_never_seen_or_changed(scim, departments, kind):
    user = UserFactory(email="buiten@dordrecht.nl", personnel_number="5001")
    if kind == "no_personnel_number":
        user.personnel_number = ""
        user.save()
    elif kind == "raadslid":
        user_set_roles(user=user, roles=[Role.RAADSLID])
    elif kind == "kernteam":
        user_set_roles(user=user, roles=[Role.MEDEWERKER, Role.KERNTEAM])
    elif kind == "beheer":
        user_set_roles(user=user, roles=[Role.MEDEWERKER, Role.BEHEER])
    elif kind == "superuser":
        user.is_superuser = True
        user.save()
    else:
        user.groups.add(Group.objects.create(name="Zelfgemaakt"))
    before = (user.email, user.last_name, user.is_active, set(user.groups.all()))
    listing = scim.get("/Users", 'filter=userName eq "buiten@dordrecht.nl"').json()
    assert listing["totalResults"] == 0
    assert scim.get(f"/Users/{user.pk}").status_code == 404
    off = patch({"op": "Replace", "path": "active", "value": False})
    assert scim.patch(f"/Users/{user.pk}", off).status_code == 404
    assert scim.delete(f"/Users/{user.pk}").status_code == 404
    # Creating the same person again never takes the account over.
    taken = scim.post("/Users", entra_user(number="5001", email="buiten@dordrecht.nl"))
    assert taken.status_code == 409
    user.refresh_from_db()
    assert (user.email, user.last_name, user.is_active, set(user.groups.all())) == before
    assert not AuditEvent.objects.exists() and not ScimIdentity.objects.exists()


def test_scim_never_grants_an_admin_role(scim, departments):
    user_id = scim.post("/Users", entra_user()).json()["id"]
    response = scim.patch(
        f"/Users/{user_id}",
        patch(
            {"op": "Add", "path": "roles", "value": [{"value": "Beheer/HR"}]},
            {"op": "Add", "path": "groups", "value": [{"value": "Kernteam ondermijning"}]},
        ),
    )
    assert response.status_code == 200
    assert User.objects.get(pk=user_id).roles == frozenset({Role.MEDEWERKER})


def test_put_replaces_the_attributes_it_names(scim, departments):
    user_id = scim.post("/Users", entra_user()).json()["id"]
    body = entra_user(given="Nora", department="VTH")
    response = scim.put(f"/Users/{user_id}", body)
    assert response.status_code == 200, response.content
    user = User.objects.get(pk=user_id)
    assert user.first_name == "Nora" and user.department == departments["VTH"]


def test_manager_and_managed_departments_are_audited(scim, departments):
    """Entra naming a manager makes a department link and changes a profile: both are in the
    audit log, with the manager as a number (not a second person's name)."""
    lead_id = scim.post("/Users", entra_user("1001", "l.jansen@dordrecht.nl")).json()["id"]
    staff_id = scim.post("/Users", entra_user("1002", "n.bakker@dordrecht.nl")).json()["id"]
    lead, staff = User.objects.get(pk=lead_id), User.objects.get(pk=staff_id)
    response = scim.patch(
        f"/Users/{staff_id}",
        patch({"op": "Add", "path": f"{ENTERPRISE}:manager", "value": lead_id}),
    )
    assert response.status_code == 200, response.content
    assert scim_audit(staff)[-1] == (
        AuditAction.PROFILE_CHANGED,
        {"manager": ["", f"{lead_id} (1001)"], "source": "scim", "client": "Entra ID"},
    )
    lead_entries = scim_audit(lead)
    assert (
        AuditAction.MANAGED_DEPARTMENTS_CHANGED,
        {"added": ["Publiekszaken (PZ)"], "removed": [], "source": "scim", "client": "Entra ID"},
    ) in lead_entries
    scim.patch(f"/Users/{staff_id}", patch({"op": "Remove", "path": f"{ENTERPRISE}:manager"}))
    assert scim_audit(staff)[-1][1]["manager"] == [f"{lead_id} (1001)", ""]
    assert (
        AuditAction.MANAGED_DEPARTMENTS_CHANGED,
        {"added": [], "removed": ["Publiekszaken (PZ)"], "source": "scim", "client": "Entra ID"},
    ) in scim_audit(lead)
    assert not departments["PZ"].managers.exists()


def test_a_manager_set_by_hand_stays_whatever_entra_sends(scim, departments):
    """Beheer made somebody a manager of a department by hand; that person is also somebody's
    manager in Entra. When nobody in the department reports to them by SCIM any more, SCIM
    leaves the hand-set link alone (it takes away only the links it made)."""
    lead_id = scim.post("/Users", entra_user("1001", "l.jansen@dordrecht.nl")).json()["id"]
    lead = User.objects.get(pk=lead_id)
    departments["PZ"].managers.add(lead)
    body = entra_user("1002", "n.bakker@dordrecht.nl", manager=lead_id)
    staff_id = scim.post("/Users", body).json()["id"]
    response = scim.patch(
        f"/Users/{staff_id}", patch({"op": "Remove", "path": f"{ENTERPRISE}:manager"})
    )
    assert response.status_code == 200, response.content
    assert list(departments["PZ"].managers.all()) == [lead]
    assert not any(
        action == AuditAction.MANAGED_DEPARTMENTS_CHANGED for action, _d in scim_audit(lead)
    )
