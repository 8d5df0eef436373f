"""The task-status summary equals the direct computation after every kind of write.

The direct computation is :func:`modules.reporting.reports.person_tasks` (the rules applied to
the source rows, as before the summary existed). After each write below, the summary's rows
(with the day's status worked out in SQL) must give the very same per-person report and the
same counts per department, on the day itself and on days before and after (late, expired,
due again). The summary is only ever written by the change notices here: no test refreshes it
by hand, except the nightly rebuild's.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.models import Audience
from accounts.roles import Role
from accounts.selectors import ReportScope
from accounts.services import audience_create
from modules.awareness.models import Registration, RegistrationStatus
from modules.awareness.services import attendance_record, attendance_requirement_set
from modules.learning.models import Assignment, Enrolment
from modules.learning.selectors import module_lessons
from modules.learning.services import assignment_create, lesson_complete
from modules.reporting.dashboard import department_overview
from modules.reporting.models import PersonTask
from modules.reporting.reports import (
    department_rows,
    person_task_lines,
    person_tasks,
    reference_department_rows,
)
from tests.factories import (
    DepartmentFactory,
    QuestionFactory,
    QuizFactory,
    a_session,
    module_with_lessons,
)
from tests.factories.accounts import role_group
from tests.factories.quizzes import pass_final_quiz

pytestmark = pytest.mark.django_db

EVERYBODY = ReportScope(everybody=True, department_ids=frozenset())
# Days around today: before anything is due, today, just late, a year on (expiry, renewal).
OFFSETS = (-40, 0, 1, 3, 35, 200, 400, 800)


def summary_lines(*, scope: ReportScope, today) -> list[tuple]:
    return [
        (
            line.user_id,
            line.name,
            line.department,
            line.module,
            line.status_value,
            line.due,
            line.progress,
            line.completed_on,
        )
        for line in person_task_lines(scope=scope, today=today)
    ]


def reference_lines(*, scope: ReportScope, today) -> list[tuple]:
    return [
        (
            row.user_id,
            row.name,
            row.department,
            row.module,
            row.task.status.value,
            row.due,
            row.progress,
            row.completed_on,
        )
        for row in person_tasks(scope=scope, today=today)
    ]


def assert_summary_is_direct(*scopes: ReportScope) -> None:
    """Per-person report and counts per department equal the direct computation, for
    everybody (and the scopes given), on every day of ``OFFSETS``."""
    now = timezone.now()
    for scope in (EVERYBODY, *scopes):
        for offset in OFFSETS:
            today = timezone.localdate() + timedelta(days=offset)
            expected = reference_lines(scope=scope, today=today)
            assert summary_lines(scope=scope, today=today) == expected, (scope, offset)
            assert department_rows(scope=scope, today=today, now=now) == (
                reference_department_rows(scope=scope, today=today)
            ), (scope, offset)


@pytest.fixture
def world(make_user):
    """Two departments, a module for everybody due in 30 days after the start, one for the
    PZ department with a fixed date and a renewal, one with a final quiz, the yearly session
    requirement; some progress and a raadslid."""
    today = timezone.localdate()
    pz, vth = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="VTH")
    onboarding = module_with_lessons(lessons=2, title="Onboarding")
    assignment_create(module=onboarding, audience=None, due_days_after_start=30)
    pz_only = audience_create(name="PZ", roles=[Role.MEDEWERKER], departments=[pz])
    fraud = module_with_lessons(lessons=1, title="Fraude")
    fraud_assignment = assignment_create(
        module=fraud, audience=pz_only, due_date=today + timedelta(days=2)
    )
    quiz = QuizFactory(questions=[QuestionFactory(theme="drugs")])
    quizzed = module_with_lessons(lessons=1, title="Met toets", final_quiz=quiz)
    assignment_create(module=quizzed, audience=None, due_date=today - timedelta(days=1))
    attendance_requirement_set(is_active=True, first_due_date=today + timedelta(days=10))
    people = [
        make_user(Role.MEDEWERKER, department=pz, start_date=today - timedelta(days=n * 20))
        for n in range(4)
    ] + [make_user(Role.MEDEWERKER, department=vth, start_date=None) for _ in range(3)]
    make_user(Role.MEDEWERKER, Role.RAADSLID, department=pz)
    lesson_complete(user=people[0], lesson=module_lessons(module=onboarding)[0])
    return {
        "pz": pz,
        "vth": vth,
        "people": people,
        "onboarding": onboarding,
        "fraud": fraud,
        "fraud_assignment": fraud_assignment,
        "quizzed": quizzed,
        "pz_only": pz_only,
    }


def pz_scope(world) -> ReportScope:
    return ReportScope(everybody=False, department_ids=frozenset({world["pz"].pk}))


def test_the_summary_has_rows_for_staff_only_and_equals_the_direct_computation(world):
    assert PersonTask.objects.exists()
    raadslid_rows = PersonTask.objects.filter(user__groups__name=Role.RAADSLID.group_name)
    assert not raadslid_rows.exists()
    assert_summary_is_direct(pz_scope(world))


def test_lesson_completion(world):
    person = world["people"][1]
    lesson_complete(user=person, lesson=module_lessons(module=world["onboarding"])[0])
    line = next(
        line
        for line in person_task_lines(scope=EVERYBODY, today=timezone.localdate())
        if line.user_id == person.pk and line.module == "Onboarding"
    )
    assert (line.status_value, line.progress) == ("in_progress", 50)
    assert_summary_is_direct(pz_scope(world))


def test_module_completion(world):
    for person in world["people"][:3]:
        for lesson in module_lessons(module=world["onboarding"]):
            lesson_complete(user=person, lesson=lesson)
    assert_summary_is_direct(pz_scope(world))
    completed = [
        row
        for row in department_rows(scope=EVERYBODY, today=timezone.localdate())
        if row.module == "Onboarding" and row.department == "Publiekszaken"
    ]
    assert completed[0].completed == 3


def test_quiz_pass(world):
    pass_final_quiz(world["people"][4], world["quizzed"])
    assert Enrolment.objects.get(user=world["people"][4], module=world["quizzed"]).status == (
        "completed"
    )
    assert_summary_is_direct(pz_scope(world))


def test_new_assignment(world):
    extra = module_with_lessons(lessons=1, title="Nieuw")
    assignment_create(module=extra, audience=None, due_date=timezone.localdate())
    assert PersonTask.objects.filter(module=extra).count() == 7
    assert_summary_is_direct(pz_scope(world))


def test_assignment_edited_and_deactivated(world):
    assignment = world["fraud_assignment"]
    assignment.due_date = timezone.localdate() - timedelta(days=5)
    assignment.renew_every_months = 12
    assignment.save()
    assert_summary_is_direct(pz_scope(world))
    Assignment.objects.get(pk=assignment.pk)
    assignment.is_active = False
    assignment.save()
    assert not PersonTask.objects.filter(module=world["fraud"]).exists()
    assert_summary_is_direct(pz_scope(world))


def test_audience_edited(world):
    audience: Audience = world["pz_only"]
    audience.departments.add(world["vth"])
    assert PersonTask.objects.filter(module=world["fraud"]).count() == 7
    assert_summary_is_direct(pz_scope(world))
    audience.departments.remove(world["pz"])
    assert_summary_is_direct(pz_scope(world))


def test_role_change(world):
    person = world["people"][0]
    person.groups.add(role_group(Role.RAADSLID))
    assert not PersonTask.objects.filter(user=person).exists()
    assert_summary_is_direct(pz_scope(world))
    person.groups.remove(role_group(Role.RAADSLID))
    person.groups.remove(role_group(Role.MEDEWERKER))  # no longer in the audiences by role
    assert_summary_is_direct(pz_scope(world))
    role_group(Role.MEDEWERKER).user_set.add(person)  # from the group's side
    assert_summary_is_direct(pz_scope(world))


def test_department_change(world):
    person = world["people"][0]
    person.department = world["vth"]
    person.save()
    assert set(PersonTask.objects.filter(user=person).values_list("department", flat=True)) == {
        world["vth"].pk
    }
    assert_summary_is_direct(pz_scope(world))


def test_deactivation(world):
    person = world["people"][5]
    person.is_active = False
    person.save()
    assert not PersonTask.objects.filter(user=person).exists()
    assert_summary_is_direct(pz_scope(world))


def test_session_places_and_attendance(world, make_user):
    now = timezone.now()
    upcoming = a_session(
        starts_at=now + timedelta(days=3), ends_at=now + timedelta(days=3, hours=2)
    )
    held = a_session(starts_at=now - timedelta(hours=1), ends_at=now + timedelta(hours=1))
    people = world["people"]
    Registration.objects.create(session=upcoming, user=people[1], status="registered")
    for person in people[2:5]:
        Registration.objects.create(session=held, user=person, status="registered")
    assert_summary_is_direct(pz_scope(world))
    kernteam = make_user(Role.MEDEWERKER, Role.KERNTEAM)
    attendance_record(
        session=held, present_user_ids={people[2].pk, people[3].pk}, by=kernteam, now=now
    )
    attended = PersonTask.objects.filter(is_session=True, completed_on__isnull=False)
    assert set(attended.values_list("user_id", flat=True)) == {people[2].pk, people[3].pk}
    assert_summary_is_direct(pz_scope(world))
    # The upcoming session cancelled: no longer "bezig".
    upcoming.is_cancelled = True
    upcoming.save(update_fields=["is_cancelled"])
    assert_summary_is_direct(pz_scope(world))
    Registration.objects.filter(session=held, user=people[4]).update(
        status=RegistrationStatus.CANCELLED
    )  # a bulk write around the notices: the nightly rebuild puts it right
    call_command("rebuild_task_status")
    assert_summary_is_direct(pz_scope(world))


def test_requirement_change(world):
    vth_only = audience_create(name="VTH", departments=[world["vth"]])
    attendance_requirement_set(
        is_active=True, audience=vth_only, every_months=6, new_employees_within_months=2
    )
    assert PersonTask.objects.filter(is_session=True).count() == 3
    assert_summary_is_direct(pz_scope(world))
    attendance_requirement_set(is_active=False)
    assert not PersonTask.objects.filter(is_session=True).exists()
    assert_summary_is_direct(pz_scope(world))


def test_module_unpublished_and_republished_with_renewal(world):
    module = world["onboarding"]
    for lesson in module_lessons(module=module):
        lesson_complete(user=world["people"][0], lesson=lesson)
    module.unpublish()
    assert not PersonTask.objects.filter(module=module).exists()
    assert_summary_is_direct(pz_scope(world))
    module.refresh_from_db()
    module.version += 1
    module.version_requires_renewal = True
    module.save_revision().publish()
    row = PersonTask.objects.get(module=module, user=world["people"][0])
    assert row.outdated
    assert_summary_is_direct(pz_scope(world))


def test_the_nightly_rebuild_restores_the_rows_and_may_run_twice(world, capsys):
    expected = list(PersonTask.objects.order_by("user_id", "key").values_list("user_id", "key"))
    PersonTask.objects.filter(user=world["people"][0]).delete()
    PersonTask.objects.filter(user=world["people"][1]).update(progress=99, stored_status="")
    call_command("rebuild_task_status")
    call_command("rebuild_task_status")
    assert "rows" in capsys.readouterr().out
    assert (
        list(PersonTask.objects.order_by("user_id", "key").values_list("user_id", "key"))
        == expected
    )
    assert_summary_is_direct(pz_scope(world))


def test_the_dashboard_counts_equal_the_direct_computation(world):
    for lesson in module_lessons(module=world["onboarding"]):
        lesson_complete(user=world["people"][4], lesson=lesson)
    now = timezone.now()
    for offset in OFFSETS:
        today = timezone.localdate() + timedelta(days=offset)
        counted: dict[str, list[int]] = {}
        for row in person_tasks(scope=EVERYBODY, today=today):
            if row.task.is_session:
                continue
            figures = counted.setdefault(row.department, [0, 0, 0])
            figures[0] += 1
            figures[1] += row.task.status == "completed"
            figures[2] += row.task.status in ("overdue", "expired")
        shown = {
            row.department: [row.mandatory_tasks, row.completed, row.overdue]
            for row in department_overview(scope=EVERYBODY, today=today, now=now)
        }
        assert shown == counted, offset
