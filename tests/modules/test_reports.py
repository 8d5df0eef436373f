"""Completion reports in the Wagtail admin: scope per role, raadsleden absent, exports."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.models import User
from accounts.roles import Role
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from modules.reporting.receivers import flush_pending
from tests.factories import AudienceFactory, DepartmentFactory, module_with_lessons

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user):
    """Two departments with staff, one raadslid, and a module mandatory for all staff."""
    today = timezone.localdate()
    pz, vth = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="VTH")
    module = module_with_lessons(lessons=1, title="Onboarding ondermijning")
    staff = AudienceFactory(roles=[Role.MEDEWERKER])
    assignment_create(module=module, audience=staff, due_days_after_start=30)
    people = {
        "done": make_user(department=pz, first_name="Dana", last_name="Klaar"),
        "late": make_user(
            department=pz,
            first_name="Laura",
            last_name="Laat",
            start_date=today - timedelta(days=60),
        ),
        "fresh": make_user(department=vth, first_name="Victor", last_name="Vers", start_date=today),
        "raadslid": make_user(
            Role.RAADSLID, Role.MEDEWERKER, department=pz, first_name="Rob", last_name="Raad"
        ),
    }
    for key in ("done", "raadslid"):
        lesson_complete(user=people[key], lesson=module_lessons(module=module)[0])
    return {"pz": pz, "vth": vth, "module": module, **people}


def body(response) -> bytes:
    """Exports stream; read them whole."""
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def url(name: str) -> str:
    return reverse(f"completion_report_{name}")


def test_kernteam_sees_counts_and_percentages_per_department(world, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    response = client.get(url("departments"), {"export": "csv"})
    rows = list(csv.DictReader(io.StringIO(body(response).decode("utf-8-sig")), delimiter=";"))
    by_department = {
        row["Afdeling"]: row for row in rows if row["Module"] == "Onboarding ondermijning"
    }
    pz = by_department["Publiekszaken"]
    # Dana (done) and Laura (late); the raadslid is not counted as staff.
    assert (pz["Mensen"], pz["Afgerond"], pz["Percentage afgerond"], pz["Te laat"]) == (
        "2",
        "1",
        "50",
        "1",
    )
    vth = by_department["VTH"]
    assert (vth["Mensen"], vth["Afgerond"], vth["Niet gestart"]) == ("1", "0", "1")


def test_the_people_report_never_names_a_raadslid(world, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    html = client.get(url("people")).content.decode()
    assert "Dana Klaar" in html and "Laura Laat" in html
    assert "Rob Raad" not in html and world["raadslid"].email not in html
    export = client.get(url("people"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(body(export))).active
    cells = [str(cell.value) for row in sheet.iter_rows() for cell in row]
    assert "Dana Klaar" in cells and "Rob Raad" not in cells
    assert world["raadslid"].email not in cells


def test_a_manager_sees_only_their_own_departments(world, make_user, mfa_client_for):
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, department=world["vth"])
    world["vth"].managers.add(manager)
    client = mfa_client_for(manager)
    html = client.get(url("people")).content.decode()
    assert "Victor Vers" in html
    assert "Dana Klaar" not in html and "Laura Laat" not in html
    csv_rows = body(client.get(url("departments"), {"export": "csv"})).decode("utf-8-sig")
    assert "VTH" in csv_rows and "Publiekszaken" not in csv_rows


def test_a_manager_without_departments_sees_nothing(world, make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE))
    html = client.get(url("people")).content.decode()
    assert "Victor Vers" not in html and "Dana Klaar" not in html


def test_the_overdue_report_lists_only_late_and_expired(world, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    html = client.get(url("overdue")).content.decode()
    assert "Laura Laat" in html
    assert "Dana Klaar" not in html and "Victor Vers" not in html


@pytest.mark.parametrize("role", [Role.MEDEWERKER, Role.RAADSLID])
def test_roles_without_reports_are_refused(world, make_user, client, role):
    client.force_login(make_user(role))
    for name in ("departments", "people", "overdue"):
        assert client.get(url(name)).status_code == 403


def test_beheer_without_mfa_is_sent_to_mfa_first(world, beheer_user, client):
    client.force_login(beheer_user)
    response = client.get(url("people"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))


@pytest.mark.parametrize("people", [3, 30])
def test_reports_run_a_constant_number_of_queries(
    people, make_user, kernteam_user, mfa_client_for, django_assert_max_num_queries
):
    departments = [DepartmentFactory() for _ in range(3)]
    modules = [module_with_lessons(lessons=1) for _ in range(2)]
    staff = AudienceFactory(roles=[Role.MEDEWERKER])
    for module in modules:
        assignment_create(module=module, audience=staff, due_days_after_start=30)
    for index in range(people):
        user = make_user(department=departments[index % 3])
        if index % 2:
            lesson_complete(user=user, lesson=module_lessons(module=modules[0])[0])
    # The yearly session requirement applies too, with attendances on record.
    from modules.awareness.models import AttendanceRequirement, Registration
    from tests.factories import a_session

    AttendanceRequirement.objects.update_or_create(defaults={"is_active": True})
    session = a_session(capacity=people)
    for user in list(User.objects.all())[: people // 2]:
        Registration.objects.create(session=session, user=user, status="registered")
    client = mfa_client_for(kernteam_user)
    flush_pending()  # the summary's refresh and rebuild the writes queued at their commit
    # Session, user, MFA and admin chrome plus at most twelve queries for the rows.
    for name in ("departments", "people", "overdue"):
        with django_assert_max_num_queries(26):
            assert client.get(url(name)).status_code == 200


def test_a_manager_reaches_the_admin_with_only_the_reports(world, make_user, mfa_client_for):
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE)
    client = mfa_client_for(manager)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert url("departments") in html and url("overdue") in html
    assert client.get("/admin/pages/").status_code in (302, 403)
    assert client.get("/admin/snippets/quizzes/question/").status_code in (302, 403)


def test_csv_cells_that_look_like_formulas_are_defused(
    world, make_user, kernteam_user, mfa_client_for
):
    make_user(department=world["pz"], first_name="=HYPERLINK(1)", last_name="Test")
    client = mfa_client_for(kernteam_user)
    text = body(client.get(url("people"), {"export": "csv"})).decode("utf-8-sig")
    names = [row["Naam"] for row in csv.DictReader(io.StringIO(text), delimiter=";")]
    assert "'=HYPERLINK(1) Test" in names
    assert not any(name.startswith("=") for name in names)


def test_the_yearly_session_requirement_is_in_the_reports(world, kernteam_user, mfa_client_for):
    from datetime import date

    from modules.awareness.models import AttendanceRequirement

    AttendanceRequirement.objects.update_or_create(
        defaults={"is_active": True, "first_due_date": date(2020, 1, 1)}
    )
    client = mfa_client_for(kernteam_user)
    text = body(client.get(url("people"), {"export": "csv"})).decode("utf-8-sig")
    rows = [
        r
        for r in csv.DictReader(io.StringIO(text), delimiter=";")
        if r["Module"].startswith("Bewustwording")
    ]
    names = {row["Naam"] for row in rows}
    assert {"Dana Klaar", "Laura Laat", "Victor Vers"} <= names
    assert "Rob Raad" not in names
    assert {row["Status"] for row in rows if row["Naam"] == "Dana Klaar"} == {"te laat"}
