"""Session reports in the admin: per year, per session and per department; scope and exports."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from modules.awareness.models import Registration
from tests.factories import DepartmentFactory, a_session

pytestmark = pytest.mark.django_db


def rows(client, name: str) -> list[dict]:
    response = client.get(reverse(f"sessions_report_{name}"), {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


@pytest.fixture
def held(make_user):
    """A past session with four places taken, three attended; two departments."""
    pz, vth = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="VTH")
    started = timezone.now() - timedelta(days=40)
    session = a_session(title="Drugs", starts_at=started, ends_at=started + timedelta(hours=2))
    people = [make_user(department=pz) for _ in range(3)] + [make_user(department=vth)]
    for index, person in enumerate(people):
        Registration.objects.create(
            session=session,
            user=person,
            status="registered",
            attended_at=started if index < 3 else None,
        )
    raadslid = make_user(Role.RAADSLID, department=pz)
    Registration.objects.create(
        session=session, user=raadslid, status="registered", attended_at=started
    )
    a_session(title="Komend")  # upcoming: not "held"
    return {"pz": pz, "vth": vth, "session": session}


def test_kernteam_sees_sessions_per_year_and_per_session(held, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    (year,) = rows(client, "years")
    assert year["Sessies gehouden"] == "1"
    # The raadslid is not in the staff figures, and one raadslid is "minder dan 5".
    assert (year["Plaatsen bezet"], year["Aanwezig"]) == ("4", "3")
    assert year["Raadsleden: plaatsen bezet"] == "minder dan 5"
    per_session = {row["Sessie"]: row for row in rows(client, "sessions")}
    assert per_session["Drugs"]["Aanwezig"] == "3" and per_session["Komend"]["Aanwezig"] == "0"
    assert per_session["Drugs"]["Raadsleden: aanwezig"] == "minder dan 5"
    assert per_session["Komend"]["Raadsleden: plaatsen bezet"] == "0"


def test_attendance_per_department_counts_staff_only(held, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    by_department = {row["Afdeling"]: row for row in rows(client, "departments")}
    pz = by_department["Publiekszaken"]
    assert (pz["Medewerkers"], pz["Aanwezig"], pz["Percentage aanwezig"]) == ("3", "3", "100")
    assert by_department["VTH"]["Aanwezig"] == "0"


def test_a_manager_sees_only_their_departments(held, make_user, mfa_client_for):
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE)
    held["vth"].managers.add(manager)
    client = mfa_client_for(manager)
    departments = {row["Afdeling"] for row in rows(client, "departments")}
    assert departments == {"VTH"}


def test_a_medewerker_cannot_see_the_session_reports(held, client, medewerker):
    client.force_login(medewerker)
    for name in ("years", "sessions", "departments"):
        assert client.get(reverse(f"sessions_report_{name}")).status_code == 403


@pytest.mark.parametrize("sessions", [3, 30])
def test_session_reports_run_a_constant_number_of_queries(
    sessions, make_user, kernteam_user, mfa_client_for, django_assert_max_num_queries
):
    people = [make_user() for _ in range(3)]
    for _ in range(sessions):
        session = a_session()
        for person in people:
            Registration.objects.create(session=session, user=person, status="registered")
    client = mfa_client_for(kernteam_user)
    for name in ("years", "sessions", "departments"):
        with django_assert_max_num_queries(16):
            assert client.get(reverse(f"sessions_report_{name}")).status_code == 200
