"""'Besproken in werkoverleg' in the department dashboard: per module with a kit and per
department in the viewer's scope, the last team meeting and the count in the last twelve
months; a leidinggevende sees only their departments; a fixed number of queries."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from accounts.selectors import report_scope
from modules.learning.models import ModulePage, TeamDiscussion
from modules.learning.team_kit import module_set_team_kit
from modules.reporting.dashboard import TeamDiscussionRow, team_discussion_overview
from tests.factories import DepartmentFactory, module_with_lessons

pytestmark = pytest.mark.django_db

KIT = [("questions", {"heading": "Vragen voor het team", "questions": ["Herken je dit?"]})]


def today():
    return timezone.localdate()


def a_module_with_a_kit(title: str) -> ModulePage:
    module = module_set_team_kit(module=module_with_lessons(lessons=0, title=title), team_kit=KIT)
    moment = timezone.make_aware(datetime.combine(today() - timedelta(days=800), time(9)))
    ModulePage.objects.filter(pk=module.pk).update(first_published_at=moment)
    return module


def discussed(module, department, days_ago: int) -> None:
    TeamDiscussion.objects.create(
        module=module, department=department, discussed_on=today() - timedelta(days=days_ago)
    )


@pytest.fixture
def world(make_user):
    pz, vth = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="VTH")
    onboarding = a_module_with_a_kit("Onboarding")
    theme = a_module_with_a_kit("Mensenhandel")
    module_with_lessons(lessons=0, title="Zonder kit")  # not in the overview
    discussed(onboarding, pz, 10)
    discussed(onboarding, pz, 100)
    discussed(onboarding, pz, 400)  # more than twelve months ago: the count leaves it out
    discussed(theme, vth, 400)
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, department=pz)
    pz.managers.add(manager)
    return {"pz": pz, "vth": vth, "manager": manager}


def test_the_overview_has_every_module_with_a_kit_and_every_department(world, kernteam_user):
    rows = team_discussion_overview(scope=report_scope(user=kernteam_user), today=today())
    # (The accounts the factories made have departments of their own.)
    rows = [row for row in rows if row.department in ("Publiekszaken", "VTH")]
    assert rows == [
        TeamDiscussionRow("Onboarding", "Publiekszaken", today() - timedelta(days=10), 2),
        TeamDiscussionRow("Onboarding", "VTH", None, 0),
        TeamDiscussionRow("Mensenhandel", "Publiekszaken", None, 0),
        TeamDiscussionRow("Mensenhandel", "VTH", today() - timedelta(days=400), 0),
    ]


def test_a_manager_sees_only_their_departments(world):
    rows = team_discussion_overview(scope=report_scope(user=world["manager"]), today=today())
    assert {row.department for row in rows} == {"Publiekszaken"}
    assert len(rows) == 2


def test_staff_have_no_scope_and_no_rows(world, medewerker):
    assert team_discussion_overview(scope=report_scope(user=medewerker), today=today()) == []


def section(html: str) -> str:
    return html.split('id="team-discussions"', 1)[1].split("</table>", 1)[0]


def test_the_dashboard_shows_it_within_the_scope(world, make_user, mfa_client_for):
    client = mfa_client_for(world["manager"])
    html = client.get(reverse("dashboard_departments")).content.decode()
    assert "Besproken in werkoverleg" in html
    table = section(html)
    assert "Onboarding" in table and "Mensenhandel" in table
    assert (today() - timedelta(days=10)).strftime("%Y") in table
    assert "nog niet besproken" in table  # written out, not a colour
    assert "VTH" not in table
    assert "Zonder kit" not in table
    # The export keeps one row per department, without the discussions.
    export = client.get(reverse("dashboard_departments"), {"export": "csv"})
    assert "Onboarding" not in b"".join(export.streaming_content).decode("utf-8-sig")


def test_the_kernteam_sees_every_department(world, kernteam_user, mfa_client_for):
    html = mfa_client_for(kernteam_user).get(reverse("dashboard_departments")).content.decode()
    table = section(html)
    assert "VTH" in table and "Publiekszaken" in table


@pytest.mark.parametrize(("departments", "modules"), [(2, 1), (30, 6)])
def test_a_fixed_number_of_queries(
    make_user, kernteam_user, mfa_client_for, django_assert_max_num_queries, departments, modules
):
    units = [DepartmentFactory(name=f"Team {n}") for n in range(departments)]
    kits = [a_module_with_a_kit(f"Kit {n}") for n in range(modules)]
    TeamDiscussion.objects.bulk_create(
        TeamDiscussion(module=kit, department=unit, discussed_on=today() - timedelta(days=day))
        for kit in kits
        for unit in units
        for day in (1, 50, 500)
    )
    scope = report_scope(user=kernteam_user)
    with django_assert_max_num_queries(3):
        rows = team_discussion_overview(scope=scope, today=today())
    rows = [row for row in rows if row.department.startswith("Team ")]
    assert len(rows) == departments * modules
    assert {row.recent for row in rows} == {2}
    client = mfa_client_for(kernteam_user)
    with django_assert_max_num_queries(33):
        assert client.get(reverse("dashboard_departments")).status_code == 200
