"""Assignments: due dates, overdue and expired statuses, renewal cycles and the dashboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from core.dates import add_months
from modules.learning.models import Assignment, Enrolment, ProgressEvent
from modules.learning.rules import TaskStatus, due_date_for, task_status
from modules.learning.selectors import learning_tasks, module_lessons
from modules.learning.services import lesson_complete
from tests.factories import AudienceFactory, module_with_lessons

TODAY = date(2026, 11, 24)


def complete_module(user, module):
    for lesson in module_lessons(module=module):
        lesson_complete(user=user, lesson=lesson)


def test_add_months_clamps_to_the_end_of_the_month():
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2026, 11, 24), 12) == date(2027, 11, 24)
    assert add_months(date(2026, 12, 1), 1) == date(2027, 1, 1)


def test_due_date_counts_days_from_the_start_date_else_the_fixed_date():
    start = date(2026, 11, 14)
    fixed = date(2027, 3, 1)
    assert due_date_for(start_date=start, due_days_after_start=30, fixed_due_date=fixed) == date(
        2026, 12, 14
    )
    assert due_date_for(start_date=None, due_days_after_start=30, fixed_due_date=fixed) == fixed
    assert due_date_for(start_date=start, due_days_after_start=None, fixed_due_date=None) is None


@pytest.mark.parametrize(
    ("stored", "expires", "due", "mandatory", "expected"),
    [
        (None, None, TODAY, True, TaskStatus.NOT_STARTED),  # due today is not late yet
        (None, None, TODAY - timedelta(days=1), True, TaskStatus.OVERDUE),
        (None, None, TODAY - timedelta(days=1), False, TaskStatus.NOT_STARTED),
        ("in_progress", None, TODAY - timedelta(days=1), True, TaskStatus.OVERDUE),
        ("in_progress", None, TODAY + timedelta(days=1), True, TaskStatus.IN_PROGRESS),
        ("completed", None, TODAY - timedelta(days=9), True, TaskStatus.COMPLETED),
        ("completed", TODAY + timedelta(days=1), None, True, TaskStatus.COMPLETED),
        ("completed", TODAY, None, True, TaskStatus.EXPIRED),
    ],
)
def test_task_status(stored, expires, due, mandatory, expected):
    status = task_status(
        stored_status=stored, expires_on=expires, due=due, mandatory=mandatory, today=TODAY
    )
    assert status == expected


@pytest.mark.django_db
def test_onboarding_is_due_thirty_days_after_the_start_date(make_user):
    today = timezone.localdate()
    module = module_with_lessons(lessons=2)
    Assignment.objects.create(
        module=module, starters_from=today - timedelta(days=183), due_days_after_start=30
    )
    starter = make_user(start_date=today - timedelta(days=10))
    veteran = make_user(start_date=today - timedelta(days=3 * 365))

    (task,) = learning_tasks(user=starter, today=today)
    assert task.mandatory and task.due == today + timedelta(days=20)
    assert task.status == TaskStatus.NOT_STARTED
    # Before the rule's start: the module is open to them, but not mandatory.
    (task,) = learning_tasks(user=veteran, today=today)
    assert not task.mandatory


@pytest.mark.django_db
def test_overdue_until_completed(make_user):
    today = timezone.localdate()
    module = module_with_lessons(lessons=1)
    Assignment.objects.create(module=module, due_days_after_start=30)
    late = make_user(start_date=today - timedelta(days=45))
    assert learning_tasks(user=late, today=today)[0].status == TaskStatus.OVERDUE
    complete_module(late, module)
    assert learning_tasks(user=late, today=today)[0].status == TaskStatus.COMPLETED


@pytest.mark.django_db
def test_yearly_renewal_expires_and_starts_a_new_cycle_keeping_history(make_user):
    module = module_with_lessons(lessons=2)
    Assignment.objects.create(module=module, due_date=date(2026, 12, 31), renew_every_months=12)
    user = make_user()
    complete_module(user, module)
    first = Enrolment.objects.get(user=user)
    today = timezone.localdate()
    assert first.expires_on == add_months(today, 12)

    next_year = first.expires_on
    (task,) = learning_tasks(user=user, today=next_year)
    assert task.status == TaskStatus.EXPIRED and task.progress == 0

    # Pretend a year has passed: the completion's expiry date is today.
    Enrolment.objects.filter(pk=first.pk).update(expires_on=today)
    lesson_complete(user=user, lesson=module_lessons(module=module)[0])
    cycles = list(Enrolment.objects.filter(user=user).order_by("cycle"))
    assert [(e.cycle, e.status) for e in cycles] == [(1, "completed"), (2, "in_progress")]
    assert cycles[0].completed_at is not None  # the history is kept
    assert ProgressEvent.objects.filter(enrolment=cycles[1], kind="renewed").exists()
    (task,) = learning_tasks(user=user, today=today)
    assert task.status == TaskStatus.IN_PROGRESS and task.progress == 50


@pytest.mark.django_db
def test_a_new_module_version_keeps_earlier_completions(make_user):
    module = module_with_lessons(lessons=1, version=1)
    user = make_user()
    complete_module(user, module)
    module.version = 2
    module.save_revision().publish()
    enrolment = Enrolment.objects.get(user=user)
    assert (enrolment.status, enrolment.completed_version) == ("completed", 1)
    (task,) = learning_tasks(user=user, today=timezone.localdate())
    assert task.status == TaskStatus.COMPLETED


def test_a_version_marked_as_requiring_renewal_starts_a_new_round(make_user):
    module = module_with_lessons(lessons=2, version=1)
    user = make_user()
    complete_module(user, module)
    module.version = 2
    module.version_requires_renewal = True
    module.save_revision().publish()
    module.refresh_from_db()
    (task,) = learning_tasks(user=user, today=timezone.localdate())
    assert task.status == TaskStatus.EXPIRED

    complete_module(user, module)
    first, second = Enrolment.objects.filter(user=user).order_by("cycle")
    assert (first.status, first.completed_version) == ("completed", 1)  # history kept
    assert (second.cycle, second.status, second.completed_version) == (2, "completed", 2)
    (task,) = learning_tasks(user=user, today=timezone.localdate())
    assert task.status == TaskStatus.COMPLETED


@pytest.mark.django_db
def test_assignment_for_another_audience_does_not_apply(make_user):
    raadsleden = AudienceFactory(roles=[Role.RAADSLID])
    module = module_with_lessons(lessons=1, audience=raadsleden)
    Assignment.objects.create(module=module, audience=raadsleden, due_date=date(2027, 1, 1))
    assert learning_tasks(user=make_user(Role.MEDEWERKER), today=TODAY) == []
    (task,) = learning_tasks(user=make_user(Role.RAADSLID), today=TODAY)
    assert task.mandatory


@pytest.mark.django_db
def test_dashboard_lists_mandatory_and_optional_modules(client, make_user):
    today = timezone.localdate()
    mandatory = module_with_lessons(lessons=2, title="Verplichte module")
    module_with_lessons(lessons=2, title="Vrije module")
    Assignment.objects.create(module=mandatory, due_days_after_start=30)
    user = make_user(start_date=today - timedelta(days=40))
    client.force_login(user)
    body = client.get(reverse("my_learning")).content.decode()
    assert "Verplichte module" in body and "Vrije module" in body
    assert "te laat" in body
    assert body.index("Verplichte module") < body.index("Vrije module")


@pytest.mark.django_db
@pytest.mark.parametrize("modules", [1, 20])
def test_dashboard_runs_a_constant_number_of_queries(
    client, make_user, django_assert_max_num_queries, modules
):
    user = make_user(start_date=timezone.localdate() - timedelta(days=5))
    for number in range(modules):
        module = module_with_lessons(lessons=2)
        Assignment.objects.create(module=module, due_days_after_start=30 + number)
        # Half done (with a certificate link on the dashboard), half in progress.
        for lesson in module_lessons(module=module)[: 1 + number % 2]:
            lesson_complete(user=user, lesson=lesson)
    # The yearly session requirement applies too, and the user has places in sessions.
    from modules.awareness.models import AttendanceRequirement, Registration
    from tests.factories import a_session

    AttendanceRequirement.objects.update_or_create(defaults={"is_active": True})
    for _ in range(modules):
        Registration.objects.create(session=a_session(), user=user, status="registered")
    client.force_login(user)
    with django_assert_max_num_queries(22):
        response = client.get(reverse("my_learning"))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('class="task ') == modules + 1  # the modules and the yearly session
    assert html.count('name="terug" value="dashboard"') == modules  # one per session place


@pytest.mark.django_db
def test_an_assigned_module_opens_even_outside_its_own_audience(client, make_user):
    vth = AudienceFactory(roles=[Role.MEDEWERKER])
    module = module_with_lessons(lessons=1, audience=AudienceFactory(roles=[Role.RAADSLID]))
    Assignment.objects.create(module=module, audience=vth, due_date=date(2027, 1, 1))
    client.force_login(make_user(Role.MEDEWERKER))
    assert client.get(module.url).status_code == 200
    client.force_login(make_user(Role.LEIDINGGEVENDE))
    assert client.get(module.url).status_code == 404
