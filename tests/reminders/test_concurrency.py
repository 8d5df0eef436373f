"""Two reminder runs at the same moment (two workers, or a retry): nobody gets anything twice.
PostgreSQL only (SQLite serialises all writers, so it would prove nothing)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core import mail

from accounts.roles import Role
from accounts.services import department_set_managers
from modules.learning.services import assignment_create
from modules.reminders.models import ReminderLog
from modules.reminders.services import reminders_run
from tests.factories import DepartmentFactory, UserFactory, module_with_lessons
from tests.modules.test_concurrency import run_concurrently

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_concurrent_runs_send_each_step_once():
    start = date(2026, 9, 1)
    department = DepartmentFactory()
    manager = UserFactory(roles=[Role.MEDEWERKER, Role.LEIDINGGEVENDE], department=department)
    department_set_managers(department=department, managers=[manager])
    UserFactory(roles=[Role.MEDEWERKER, Role.BEHEER])
    for _ in range(10):
        UserFactory(roles=[Role.MEDEWERKER], department=department, start_date=start)
    assignment_create(module=module_with_lessons(lessons=1), audience=None, due_days_after_start=30)
    due = start + timedelta(days=30)

    totals = []
    for days in (1, 8, 22):  # the overdue reminder, then the manager, then beheer
        results = run_concurrently(4, lambda days=days: reminders_run(today=due + timedelta(days)))
        totals.append(
            (
                sum(result.learner_emails for result in results),
                sum(result.manager_digests for result in results),
                sum(result.beheer_digests for result in results),
            )
        )
    assert totals == [(10, 0, 0), (0, 1, 0), (0, 0, 1)]
    assert len(mail.outbox) == 12
    assert ReminderLog.objects.count() == 10 + 10 + 10  # overdue, manager, beheer per person
