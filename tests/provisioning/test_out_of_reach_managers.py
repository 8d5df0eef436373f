"""An account outside SCIM's reach is not changed by it, also not as somebody's manager (found in
review)."""

from __future__ import annotations

import pytest

from accounts.models import User
from accounts.roles import Role
from accounts.selectors import report_scope
from accounts.services import user_set_roles
from tests.provisioning.conftest import ENTERPRISE, entra_user, patch

pytestmark = pytest.mark.django_db


def test_scim_does_not_change_the_departments_of_an_account_it_may_not_touch(scim, departments):
    """The lead became a manager of Publiekszaken through SCIM, then beheer made them griffie
    (an admin role: out of SCIM's reach, ``provisionable_users``). Entra moving the lead's
    report to VTH must leave the griffie account alone; ``_sync_manager`` adds and removes
    department managers before it checks ``is_provisionable``, so the griffie account now
    manages VTH and reads VTH's per-person results."""
    lead_id = scim.post("/Users", entra_user("1001", "l.jansen@dordrecht.nl")).json()["id"]
    staff_id = scim.post("/Users", entra_user("1002", "n.bakker@dordrecht.nl", manager=lead_id))
    staff_id = staff_id.json()["id"]
    lead = User.objects.get(pk=lead_id)
    assert list(lead.managed_departments.all()) == [departments["PZ"]]
    user_set_roles(user=lead, roles=[Role.MEDEWERKER, Role.LEIDINGGEVENDE, Role.GRIFFIE])
    # The admin account itself is refused, as documented:
    refused = scim.patch(f"/Users/{lead_id}", patch({"op": "replace", "value": {"active": False}}))
    assert refused.status_code in (403, 404)
    moved = scim.patch(
        f"/Users/{staff_id}",
        patch({"op": "replace", "path": f"{ENTERPRISE}:department", "value": "VTH"}),
    )
    assert moved.status_code == 200, moved.content
    lead = User.objects.get(pk=lead_id)
    assert set(lead.managed_departments.all()) == {departments["PZ"]}
    assert report_scope(user=lead).department_ids == frozenset({departments["PZ"].pk})


def test_scim_does_not_make_a_switched_off_account_a_manager(scim, departments):
    """An account switched off by hand stays off and is nobody's manager: naming it as
    manager is refused with a Dutch error, and it gets no department and no role (switched on
    again later, it would otherwise read the department's per-person results; found in
    review)."""
    lead_id = scim.post("/Users", entra_user("1001", "l.jansen@dordrecht.nl")).json()["id"]
    User.objects.filter(pk=lead_id).update(is_active=False)
    refused = scim.post("/Users", entra_user("1002", "n.bakker@dordrecht.nl", manager=lead_id))
    assert refused.status_code == 400
    assert "uitgeschakeld" in refused.json()["detail"]
    assert not User.objects.filter(email="n.bakker@dordrecht.nl").exists()
    staff_id = scim.post("/Users", entra_user("1002", "n.bakker@dordrecht.nl")).json()["id"]
    refused = scim.patch(
        f"/Users/{staff_id}",
        patch({"op": "replace", "path": f"{ENTERPRISE}:manager", "value": lead_id}),
    )
    assert refused.status_code == 400
    lead = User.objects.get(pk=lead_id)
    assert not lead.is_active and not lead.managed_departments.exists()
    assert not lead.has_role(Role.LEIDINGGEVENDE)
