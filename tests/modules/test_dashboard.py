"""The dashboard per department: figures equal a direct count, the chart and table show the
same rows as the export, a leidinggevende sees only their departments, and the page runs a
fixed number of queries for 50 or 5,000 employees."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from modules.awareness.models import Registration
from modules.learning.models import Enrolment
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from modules.reporting.receivers import flush_pending
from tests.factories import DepartmentFactory, a_session, module_with_lessons
from tests.factories.quizzes import pass_final_quiz

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(make_user):
    today = timezone.localdate()
    pz, vth = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="VTH")
    module = module_with_lessons(lessons=1, title="Onboarding")
    assignment_create(module=module, audience=None, due_date=today - timedelta(days=3))
    people = [make_user(Role.MEDEWERKER, department=pz) for _ in range(4)] + [
        make_user(Role.MEDEWERKER, department=vth) for _ in range(3)
    ]
    lesson = module_lessons(module=module)[0]
    for person in people[:3] + people[4:5]:  # three of PZ and one of VTH completed
        lesson_complete(user=person, lesson=lesson)
    session = a_session(
        starts_at=timezone.now() - timedelta(days=30),
        ends_at=timezone.now() - timedelta(days=30) + timedelta(hours=2),
    )
    for person in people[:2]:  # two of PZ attended
        Registration.objects.create(
            session=session, user=person, status="registered", attended_at=session.starts_at
        )
    return {"pz": pz, "vth": vth, "people": people}


def table_rows(html: str) -> list[list[str]]:
    """The rows of the report's own table (Wagtail's "listing"), as text."""
    listing = html.split('class="listing', 1)[1]
    body = listing.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    rows = []
    for row in re.findall(r"<tr.*?</tr>", body, flags=re.S):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)
        rows.append([" ".join(re.sub(r"<[^>]+>", "", cell).split()) for cell in cells])
    return rows


def export_rows(client) -> list[list[str]]:
    response = client.get(reverse("dashboard_departments"), {"export": "csv"})
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))[1:]


def direct_counts(department) -> list[str]:
    """The same figures, counted straight from the tables."""
    staff = User.objects.filter(department=department, is_active=True)
    completed = Enrolment.objects.filter(user__in=staff, status="completed").count()
    people = staff.count()
    attended = (
        Registration.objects.filter(user__in=staff, attended_at__isnull=False)
        .values("user")
        .distinct()
        .count()
    )
    overdue = people - completed  # the module was due three days ago
    return [
        department.name,
        str(people),
        str(people),
        str(completed),
        str(round(100 * completed / people)),
        str(overdue),
        str(attended),
        str(round(100 * attended / people)),
    ]


def test_figures_equal_a_direct_count_and_the_export_equals_the_screen(
    world, make_user, mfa_client_for
):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    html = client.get(reverse("dashboard_departments")).content.decode()
    screen = [row for row in table_rows(html) if row[0] in ("Publiekszaken", "VTH")]
    assert screen == [direct_counts(world["pz"]), direct_counts(world["vth"])]
    export = [row for row in export_rows(client) if row[0] in ("Publiekszaken", "VTH")]
    assert export == screen
    assert "<svg" in html and "afgerond 75%" in html  # the chart, with its values as text


def test_a_leidinggevende_sees_only_their_departments_on_screen_and_in_the_export(
    world, make_user, mfa_client_for
):
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, department=world["pz"])
    world["pz"].managers.add(manager)
    client = mfa_client_for(manager)
    html = client.get(reverse("dashboard_departments")).content.decode()
    assert [row[0] for row in table_rows(html)] == ["Publiekszaken"]
    assert [row[0] for row in export_rows(client)] == ["Publiekszaken"]
    assert "VTH" not in html
    # No parameter widens the scope.
    tampered = client.get(reverse("dashboard_departments"), {"department": world["vth"].pk})
    assert "VTH" not in tampered.content.decode()


def test_staff_without_a_reporting_role_cannot_open_it(make_user, client):
    client.force_login(make_user(Role.MEDEWERKER))
    response = client.get(reverse("dashboard_departments"))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("people", [50, 5000])
def test_the_dashboard_runs_a_fixed_number_of_queries(
    make_user, mfa_client_for, django_assert_max_num_queries, people
):
    departments = [DepartmentFactory(name=f"Afdeling {n}") for n in range(20)]
    users = User.objects.bulk_create(
        User(email=f"p{n}@weerbaar.test", department=departments[n % 20]) for n in range(people)
    )
    staff = Group.objects.get(name=Role.MEDEWERKER.group_name)
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=user.pk, group_id=staff.pk) for user in users
    )
    assignment_create(module=module_with_lessons(lessons=2), due_days_after_start=30)
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    flush_pending()  # the rebuild the assignment queued at its commit (not in this test's)
    with django_assert_max_num_queries(30):
        assert client.get(reverse("dashboard_departments")).status_code == 200


def test_month_figures_equal_a_direct_count_and_the_export_the_screen(
    world, make_user, mfa_client_for
):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    html = client.get(reverse("dashboard_months")).content.decode()
    screen = table_rows(html)
    assert len(screen) == 12
    this_month = timezone.localdate().strftime("%m-%Y")
    last = {row[0]: row for row in screen}
    attended_month = (timezone.now() - timedelta(days=30)).strftime("%m-%Y")
    completed = Enrolment.objects.filter(status="completed").count()
    assert last[this_month][1] == str(completed)
    attended_total = sum(int(row[3]) for row in screen)
    assert attended_total == 2 and int(last[attended_month][3]) >= 1
    # Completion rate at the end of this month: of everybody with the module (the seven, and
    # the kernteam member looking), four completed it.
    staff = User.objects.filter(is_active=True).count()
    assert last[this_month][2] == str(round(100 * completed / staff))
    response = client.get(reverse("dashboard_months"), {"export": "csv"})
    export = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"
        )
    )
    assert export[1:] == screen
    assert "<svg" in html


def test_knowledge_per_theme_hides_small_groups_and_follows_the_scope(
    world, make_user, mfa_client_for
):

    from tests.factories import QuestionFactory, QuizFactory

    quiz = QuizFactory(questions=[QuestionFactory(theme="drugs"), QuestionFactory(theme="melden")])
    module = module_with_lessons(lessons=0, final_quiz=quiz)
    for person in world["people"]:  # four of PZ, three of VTH
        pass_final_quiz(person, module)
    kernteam = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    rows = table_rows(kernteam.get(reverse("dashboard_themes")).content.decode())
    assert [(row[0], row[1], row[3]) for row in rows] == [
        ("Drugs", "7", "100"),
        ("Melden", "7", "100"),
    ]

    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, department=world["vth"])
    world["vth"].managers.add(manager)
    from django.test import Client

    from accounts.services import user_activate_totp
    from tests.conftest import TEST_TOTP_SECRET, mfa_login

    client = Client()
    user_activate_totp(user=manager, secret=TEST_TOTP_SECRET)
    mfa_login(client, manager.email, TEST_TOTP_SECRET)
    html = client.get(reverse("dashboard_themes")).content.decode()
    assert 'class="listing' not in html  # three people in VTH: too few to show


@pytest.mark.parametrize("people", [50, 5000])
@pytest.mark.parametrize("name", ["dashboard_months", "dashboard_themes"])
def test_the_other_dashboards_run_a_fixed_number_of_queries(
    make_user, mfa_client_for, django_assert_max_num_queries, people, name
):
    departments = [DepartmentFactory(name=f"Afdeling {n}") for n in range(20)]
    User.objects.bulk_create(
        User(email=f"p{n}@weerbaar.test", department=departments[n % 20]) for n in range(people)
    )
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    # One request first: what the process caches once (content types, the Site) depends on
    # which tests ran before in this worker; the count that matters is every later request's.
    assert client.get(reverse(name)).status_code == 200
    with django_assert_max_num_queries(25):
        assert client.get(reverse(name)).status_code == 200


def test_the_month_dashboard_per_department_stays_within_the_scope(
    world, make_user, mfa_client_for
):
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, department=world["vth"])
    world["vth"].managers.add(manager)
    client = mfa_client_for(manager)
    own = client.get(reverse("dashboard_months"), {"afdeling": world["vth"].pk})
    html = own.content.decode()
    assert "Publiekszaken" not in html  # not even in the choice of departments
    assert sum(int(row[1]) for row in table_rows(html)) == 1  # one VTH completion

    # Another department's id (URL tampering) falls back to the own scope, not to PZ's figures.
    tampered = client.get(reverse("dashboard_months"), {"afdeling": world["pz"].pk})
    assert sum(int(row[1]) for row in table_rows(tampered.content.decode())) == 1
    export = client.get(reverse("dashboard_months"), {"afdeling": world["pz"].pk, "export": "csv"})
    rows = list(
        csv.reader(
            io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig")), delimiter=";"
        )
    )
    assert sum(int(row[1]) for row in rows[1:]) == 1


def test_kernteam_chooses_one_department(world, make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    html = client.get(reverse("dashboard_months"), {"afdeling": world["pz"].pk}).content.decode()
    assert sum(int(row[1]) for row in table_rows(html)) == 3  # three PZ completions
    assert sum(int(row[3]) for row in table_rows(html)) == 2  # two PZ attendances
    assert table_rows(html)[-1][2] == "75"  # three of the four in PZ completed
    assert table_rows(html)[-1][4] == "50"  # two of the four in PZ attended this year
    assert table_rows(html)[0][4] == "0"  # and nobody a year ago


def test_a_raadslid_never_counts_in_the_dashboards(world, make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    before = [
        table_rows(client.get(reverse(name)).content.decode())
        for name in ("dashboard_departments", "dashboard_months")
    ]
    # A council member who is also on the staff list of PZ completes the module.
    member = make_user(Role.RAADSLID, Role.MEDEWERKER, department=world["pz"])
    module = Enrolment.objects.first().module
    lesson_complete(user=member, lesson=module_lessons(module=module)[0])
    after = [
        table_rows(client.get(reverse(name)).content.decode())
        for name in ("dashboard_departments", "dashboard_months")
    ]
    assert after == before
