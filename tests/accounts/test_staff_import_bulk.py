"""The staff import applies in bulk: the number of queries does not grow with the number of
people (beyond a few per batch), and what it applies is exactly the plan of the dry run.

Rows are built in memory as :func:`accounts.staff_import.read_rows` returns them, so the
2,000-person cases stay fast; the reader has its own tests in ``test_staff_import.py``.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from django.db import connection

from accounts.models import AuditAction, AuditEvent, Department, User
from accounts.roles import Role
from accounts.staff_import import ImportPlan, PlanChanged, apply_import, plan_import
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 25)
LEADER = "5000"

# One bound for 20 and for 2,000 people: the queries of a fixed plan and apply, plus a few per
# batch of 500 rows, never one per person (applying row by row took about 12 per new person).
# Django's SQLite backend cuts every INSERT and bulk UPDATE at 999 parameters (49 accounts per
# INSERT), so on SQLite the same bound leaves room for those extra statements at 2,000.
CREATE_BOUND = {"postgresql": 25}.get(connection.vendor, 55)
UPDATE_BOUND = {"postgresql": 25}.get(connection.vendor, 50)


@pytest.fixture
def departments():
    return {
        "PZ": DepartmentFactory(name="Publiekszaken", code="PZ"),
        "VTH": DepartmentFactory(name="Vergunningen", code="VTH"),
    }


def row(line: int, number: str, name: str, department: str, **columns: str) -> dict:
    """One row as the reader gives it."""
    return {
        "_row": line,
        "personnel_number": number,
        "name": name,
        "email": f"p{number}@voorbeeld.test",
        "department": department,
        "manager": columns.get("manager", ""),
        "start_date": columns.get("start_date", "2024-01-01"),
        "end_date": columns.get("end_date", ""),
        "role": columns.get("role", ""),
    }


def staff(people: int, *, surname: str = "Persoon", swap: bool = False) -> list[dict]:
    """A leader in PZ and ``people`` staff over PZ and VTH who all report to the leader."""
    rows = [row(2, LEADER, "Lars Leider", "PZ", role="leidinggevende")]
    for n in range(people):
        department = "PZ" if (n % 2 == 0) != swap else "VTH"
        rows.append(
            row(n + 3, str(6000 + n), f"Medewerker {surname}{n}", department, manager=LEADER)
        )
    return rows


@pytest.mark.parametrize("people", [20, 2000])
def test_applying_new_people_takes_the_same_number_of_queries_at_any_size(
    departments, django_assert_max_num_queries, people
):
    rows = staff(people)
    with django_assert_max_num_queries(CREATE_BOUND):
        plan = apply_import(rows=rows, today=TODAY)
    assert plan.is_valid and len(plan.creates) == people + 1
    assert User.objects.count() == people + 1
    assert not any(user.has_usable_password() for user in User.objects.all())
    assert User.objects.with_role(Role.MEDEWERKER).count() == people + 1
    leader = User.objects.get(personnel_number=LEADER)
    assert list(User.objects.with_role(Role.LEIDINGGEVENDE)) == [leader]
    assert list(departments["PZ"].managers.all()) == [leader]
    assert list(departments["VTH"].managers.all()) == [leader]
    assert User.objects.filter(department=departments["VTH"]).count() == people // 2
    # Creating accounts is no access change; the leader's role is.
    (event,) = AuditEvent.objects.all()
    assert (event.action, event.target, event.details["added"]) == (
        AuditAction.ROLES_CHANGED,
        leader,
        [Role.LEIDINGGEVENDE.group_name],
    )
    assert not plan_import(rows=rows, today=TODAY).has_changes  # a second import changes nothing


@pytest.mark.parametrize("people", [20, 2000])
def test_updating_and_deactivating_takes_the_same_number_of_queries_at_any_size(
    departments, django_assert_max_num_queries, people
):
    apply_import(rows=staff(people), today=TODAY)
    kept = people // 2
    changed = staff(kept, surname="Veranderd", swap=True)  # the rest left the file
    for promoted in changed[1::4]:
        promoted["role"] = "leidinggevende"
    with django_assert_max_num_queries(UPDATE_BOUND):
        plan = apply_import(rows=changed, today=TODAY, allow_mass_deactivation=True)
    assert (len(plan.updates), len(plan.deactivations), plan.unchanged) == (kept, kept, 1)
    assert User.objects.active().count() == kept + 1
    assert User.objects.filter(last_name__startswith="Veranderd").count() == kept
    assert User.objects.filter(personnel_number="6000", department=departments["VTH"]).exists()
    gone = User.objects.get(personnel_number=str(6000 + people - 1))
    assert not gone.is_active and gone.deactivated_by_import
    promoted = len(changed[1::4])
    assert User.objects.with_role(Role.LEIDINGGEVENDE).count() == promoted + 1
    actions = Counter(AuditEvent.objects.values_list("action", flat=True))
    assert actions == {
        AuditAction.DEACTIVATED: kept,
        AuditAction.ROLES_CHANGED: promoted + 1,  # the leader when created, then the promoted
    }
    assert not plan_import(rows=changed, today=TODAY).has_changes


def summary(plan: ImportPlan) -> dict:
    """Everything a plan says it does, comparable between two plans."""
    return {
        "errors": plan.errors,
        "changes": [
            (change.action, change.personnel_number, change.email, change.changes, change.role)
            for change in plan.creates + plan.updates + plan.deactivations
        ],
        "left_alone": [change.personnel_number for change in plan.left_alone],
        "unchanged": plan.unchanged,
        "managers": plan.manager_changes,
        "rows": plan.rows,
        "fingerprint": plan.fingerprint(),
    }


def test_the_apply_carries_out_the_plan_of_the_dry_run(departments, make_user):
    """Every kind of change at once: the plan the apply returns is the dry run's, and the
    database and the audit log show exactly that plan."""
    before = [
        row(2, "1001", "Lars Jansen", "PZ", role="leidinggevende"),
        row(3, "1002", "Noor Bakker", "PZ", manager="1001"),
        row(4, "1003", "Mehmet Yilmaz", "VTH", manager="1001"),
        row(5, "1004", "Ria Vos", "PZ", manager="1001"),
        row(6, "1005", "Sanne Dijk", "PZ", manager="1001"),
        row(7, "1006", "Piet Smit", "PZ"),
    ]
    apply_import(rows=before, today=TODAY)
    apply_import(rows=before[:5], today=TODAY)  # Piet leaves
    admin = make_user(Role.MEDEWERKER, Role.BEHEER, personnel_number="9001")
    after = [
        before[0],  # unchanged
        row(3, "1002", "Noor de Vries", "VTH", manager="1001"),  # name and department
        row(4, "1003", "Mehmet Yilmaz", "VTH", manager="1001"),  # now manages Joost
        row(5, "1005", "Sanne Dijk", "PZ", manager="1001", end_date="2026-11-01"),  # left
        row(6, "1006", "Piet Smit", "PZ"),  # back
        row(7, "1007", "Joost Claes", "VTH", manager="1003"),  # new, reports to Mehmet
        row(8, "9001", "Beheer Persoon", "PZ"),  # an admin account: left alone
    ]  # Ria (1004) is no longer in the file
    dry_run = plan_import(rows=after, today=TODAY)
    events_before = AuditEvent.objects.count()

    applied = apply_import(rows=after, today=TODAY, expected_fingerprint=dry_run.fingerprint())

    assert summary(applied) == summary(dry_run)
    actions = {change.personnel_number: change.action for change in dry_run.creates}
    actions |= {change.personnel_number: change.action for change in dry_run.updates}
    actions |= {change.personnel_number: change.action for change in dry_run.deactivations}
    assert actions == {
        "1002": "update",
        "1003": "update",
        "1004": "deactivate",
        "1005": "deactivate",
        "1006": "reactivate",
        "1007": "create",
    }
    assert [change.personnel_number for change in dry_run.left_alone] == ["9001"]
    active = dict(User.objects.values_list("personnel_number", "is_active"))
    assert active == {
        "1001": True,
        "1002": True,
        "1003": True,
        "1004": False,
        "1005": False,
        "1006": True,
        "1007": True,
        "9001": True,
    }
    mehmet = User.objects.get(personnel_number="1003")
    assert mehmet.roles == {Role.MEDEWERKER, Role.LEIDINGGEVENDE}
    lars = User.objects.get(personnel_number="1001")
    vth = Department.objects.get(code="VTH")
    assert set(vth.managers.all()) == {
        lars,
        mehmet,
    }  # Noor and Mehmet report to Lars, Joost to Mehmet
    assert User.objects.get(personnel_number="1002").last_name == "de Vries"
    admin.refresh_from_db()
    assert admin.first_name != "Beheer"  # a row never rewrites an admin account
    logged = list(
        AuditEvent.objects.order_by("pk")[events_before:].values_list(
            "action", "target__personnel_number"
        )
    )
    assert logged == [
        (AuditAction.ROLES_CHANGED, "1003"),
        (AuditAction.ACTIVATED, "1006"),
        (AuditAction.DEACTIVATED, "1005"),
        (AuditAction.DEACTIVATED, "1004"),
    ]
    assert not plan_import(rows=after, today=TODAY).has_changes


def test_a_plan_that_changed_since_the_dry_run_is_refused_and_writes_nothing(departments):
    rows = staff(3)
    dry_run = plan_import(rows=rows, today=TODAY)
    apply_import(rows=rows[:2], today=TODAY)  # somebody else applied part of it meanwhile
    accounts = list(User.objects.order_by("pk").values())
    with pytest.raises(PlanChanged):
        apply_import(rows=rows, today=TODAY, expected_fingerprint=dry_run.fingerprint())
    assert list(User.objects.order_by("pk").values()) == accounts


@pytest.mark.parametrize("asked", ["beheer", "kernteam", "griffie", "raadslid", "superuser"])
def test_a_file_cannot_grant_an_admin_role_or_staff_flags_in_bulk(departments, asked):
    """An attacker who can edit the HR export asks for a powerful role: the row is refused
    (the whole file applies nothing) and nobody gets a role, staff or superuser flag."""
    rows = staff(30)
    rows.append(row(99, "7999", "Iemand Anders", "PZ", role=asked))
    plan = apply_import(rows=rows, today=TODAY)
    assert not plan.is_valid
    assert not User.objects.exists()
    granted = apply_import(rows=staff(30), today=TODAY)
    assert granted.is_valid
    assert not User.objects.filter(is_staff=True).exists()
    assert not User.objects.filter(is_superuser=True).exists()
    for role in (Role.BEHEER, Role.KERNTEAM, Role.GRIFFIE, Role.RAADSLID):
        assert not User.objects.with_role(role).exists()
