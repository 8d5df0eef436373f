"""The summary's reads and writes run a fixed number of queries at two sizes, never pass a list
of user ids in ``IN (...)``, and the yearly overview still hides small groups."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.db.models import Max, Min
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import User
from accounts.roles import Role
from accounts.selectors import ReportScope
from accounts.services import audience_create
from modules.awareness.services import attendance_requirement_set
from modules.learning.models import Assignment, Enrolment
from modules.learning.services import assignment_create
from modules.reporting.dashboard import department_overview, month_figures
from modules.reporting.models import PersonTask
from modules.reporting.reports import department_rows, person_task_lines
from modules.reporting.summary import BLOCK_SIZE, rebuild_all, refresh_people
from modules.reporting.yearly import yearly_overview
from tests.factories import DepartmentFactory, module_with_lessons
from tests.factories.accounts import role_group

pytestmark = pytest.mark.django_db

EVERYBODY = ReportScope(everybody=True, department_ids=frozenset())
# Eleven or more numbers in one IN (...): a list of ids, not a handful of departments.
ID_LIST = re.compile(r"IN \((\s*\d+\s*,){10,}")


def people_in(department, count: int, *, prefix: str) -> list[User]:
    """Staff written in bulk (no model signals), as the staff import does."""
    users = User.objects.bulk_create(
        User(email=f"{prefix}{n}@weerbaar.test", last_name=str(n), department=department)
        for n in range(count)
    )
    User.groups.through.objects.bulk_create(
        User.groups.through(user_id=user.pk, group_id=role_group(Role.MEDEWERKER).pk)
        for user in users
    )
    return users


@pytest.fixture
def modules_and_requirement():
    today = timezone.localdate()
    staff = audience_create(name="Medewerkers", roles=[Role.MEDEWERKER])
    for title in ("Onboarding", "Mensenhandel"):
        module = module_with_lessons(lessons=1, title=title)
        assignment_create(module=module, audience=staff, due_date=today + timedelta(days=5))
    attendance_requirement_set(is_active=True, audience=staff)


def reads(scope: ReportScope, department_id: int | None) -> None:
    today, now = timezone.localdate(), timezone.now()
    department_rows(scope=scope, today=today)
    department_overview(scope=scope, today=today, now=now)
    month_figures(scope=scope, today=today)
    month_figures(scope=scope, today=today, department_id=department_id)
    lines = person_task_lines(scope=scope, today=today)
    lines.count()
    list(lines[0:100])


@pytest.mark.parametrize("people", [8, 120])
def test_reads_and_writes_run_a_fixed_number_of_queries_and_pass_no_id_lists(
    modules_and_requirement, django_assert_max_num_queries, people
):
    pz, vth = DepartmentFactory(name="PZ"), DepartmentFactory(name="VTH")
    staff = people_in(pz, people, prefix="pz") + people_in(vth, people, prefix="vth")
    module_id = Assignment.objects.values_list("module_id", flat=True).first()
    Enrolment.objects.bulk_create(
        Enrolment(
            user=user,
            module_id=module_id,
            status="completed",
            progress=100,
            completed_at=timezone.now(),
        )
        for user in staff[::3]
    )
    bounds = User.objects.aggregate(low=Min("pk"), high=Max("pk"))
    blocks = len(range(bounds["low"], bounds["high"] + 1, BLOCK_SIZE))
    with CaptureQueriesContext(connection) as queries:
        rebuild_all()
    # The inserts come in batches (of 2,000 rows on PostgreSQL, far fewer on SQLite, whose
    # statements take at most 999 parameters): everything else is fixed per block of user ids
    # (one here, unless the ids happen to span a block's end: PostgreSQL's sequences go on
    # counting across the tests of a run).
    others = list(User.objects.exclude(pk__in=[user.pk for user in staff]).values_list("email"))
    assert len(reads_and_deletes(queries)) <= 14 + 5 * (blocks - 1), (others, blocks)
    assert PersonTask.objects.count() == 2 * people * 3
    one = ReportScope(everybody=False, department_ids=frozenset({pz.pk}))
    for scope in (EVERYBODY, one):
        with CaptureQueriesContext(connection) as queries:
            reads(scope, pz.pk)
        assert len(queries) <= 20, [q["sql"] for q in queries]
        assert not [q["sql"] for q in queries if ID_LIST.search(q["sql"])]
    with django_assert_max_num_queries(40):
        yearly_overview(today=timezone.localdate(), now=timezone.now())
    with CaptureQueriesContext(connection) as queries:
        refresh_people(user_ids={user.pk for user in staff[:10]})
    assert len(queries) <= 14, [q["sql"] for q in queries]
    with django_assert_max_num_queries(14):
        refresh_people(user_ids={staff[0].pk})


def reads_and_deletes(queries) -> list[str]:
    return [q["sql"] for q in queries if not q["sql"].startswith("INSERT")]


def test_the_yearly_overview_hides_small_groups_from_the_summary(make_user):
    """Groups under five are left out; a count whose difference with its total is one to four
    is hidden; larger groups are shown."""
    today = timezone.localdate()
    small, large = DepartmentFactory(name="Klein"), DepartmentFactory(name="Groot")
    few = module_with_lessons(lessons=1, title="Voor weinigen")
    almost = module_with_lessons(lessons=1, title="Bijna iedereen klaar")
    shown = module_with_lessons(lessons=1, title="Zichtbaar")
    assignment_create(
        module=few,
        audience=audience_create(name="Klein", departments=[small]),
        due_date=today,
    )
    groot = audience_create(name="Groot", departments=[large])
    assignment_create(module=almost, audience=groot, due_date=today)
    assignment_create(module=shown, audience=groot, due_date=today)
    [make_user(Role.MEDEWERKER, department=small) for _ in range(4)]
    many = [make_user(Role.MEDEWERKER, department=large) for _ in range(10)]
    for module, done in ((almost, many[:9]), (shown, many[:5])):
        for user in done:
            Enrolment.objects.create(
                user=user,
                module=module,
                status="completed",
                progress=100,
                completed_at=timezone.now(),
            )
    overview = yearly_overview(today=today, now=timezone.now())
    figures = {row.module: (row.people, row.completed) for row in overview.modules}
    assert "Voor weinigen" not in figures  # four people
    assert figures["Bijna iedereen klaar"] == (10, None)  # one did not: hidden
    assert figures["Zichtbaar"] == (10, 5)
    assert PersonTask.objects.filter(module=few).count() == 4  # counted, never shown
