"""The daily reminder run: who gets which reminder or escalation today.

The rules are the completion reports' (:func:`modules.reporting.reports.person_tasks`): the same
mandatory modules, due dates and statuses, for all staff at once, in a fixed number of
queries. Raadsleden are not staff in those reports, so they are never reminded about or
escalated.

Steps, per person, learning task and due date (each at most once):

* ``before_due``: the learner, from ``days_before_due`` days before the due date (also before
  a completion expires and must be renewed);
* ``overdue``: the learner, once the task is late (or a completion expired);
* ``manager``: the managers of the learner's department, ``manager_after_days`` after the
  overdue reminder, in one digest per manager listing only their own people;
* ``beheer``: everybody with the beheer role, ``beheer_after_days`` after the overdue reminder,
  once the manager was told (or when the department has no other manager to tell).

Escalations wait for the earlier step, so a task that turns up late (a new assignment for
long-serving staff, a version that requires renewal) starts with the learner's own reminder.

Besides the daily run: a manual reminder that a manager (or HR, the kernteam) sends from the
per-person report (:func:`manual_reminders_send`), at most one a day per person, and the
monthly status email to every manager (:func:`monthly_status_run`), once a month each.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import QuerySet

from accounts.models import Department, User
from accounts.roles import Role
from accounts.selectors import ReportScope, report_scope
from modules.learning.rules import TaskStatus
from modules.reminders.models import (
    MANUAL_TASK_KEY,
    ManagerEmailPreference,
    MonthlyStatusEmail,
    ReminderLog,
    ReminderSchedule,
    ReminderStep,
)
from modules.reminders.selectors import late_people, managers_for_monthly_status
from modules.reminders.tasks import (
    send_digest,
    send_learner_reminder,
    send_manual_reminders,
    send_monthly_status,
)
from modules.reporting.models import PersonTask as TaskRow
from modules.reporting.reports import person_tasks

LATE = (TaskStatus.OVERDUE, TaskStatus.EXPIRED)
OPEN = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS)


@dataclass(frozen=True)
class RunResult:
    learner_emails: int = 0
    manager_digests: int = 0
    beheer_digests: int = 0


def _due_soon(task, today: date, schedule: ReminderSchedule) -> bool:
    if not 0 <= (task.due - today).days <= schedule.days_before_due:
        return False
    if task.status in OPEN:
        return True
    # A completion that expires soon: due is its expiry date (modules) or next attendance.
    enrolment = getattr(task, "enrolment", None)
    return task.status == TaskStatus.COMPLETED and (
        task.is_session or (enrolment is not None and enrolment.expires_on == task.due)
    )


def _steps(
    *,
    task,
    today: date,
    schedule: ReminderSchedule,
    sent: dict[str, date],
    has_manager: bool,
) -> list[str]:
    """The steps this task is due for today, given the steps already ``sent`` (step → day).
    Pure: the unique log decides, once more, what is really new."""
    if _due_soon(task, today, schedule):
        return [ReminderStep.BEFORE_DUE]
    if task.status not in LATE or today <= task.due:
        return []
    steps = [ReminderStep.OVERDUE]
    overdue_on = sent.get(ReminderStep.OVERDUE)
    if overdue_on is None:
        return steps
    waited = (today - overdue_on).days
    if has_manager and waited >= schedule.manager_after_days:
        steps.append(ReminderStep.MANAGER)
    manager_done = ReminderStep.MANAGER in sent or not has_manager
    if manager_done and waited >= schedule.beheer_after_days:
        steps.append(ReminderStep.BEHEER)
    return steps


@transaction.atomic
def reminders_run(*, today: date) -> RunResult:
    """Log and queue today's reminders and digests; safe to run twice, or twice at once."""

    schedule = ReminderSchedule.load()
    if not schedule.is_active:
        return RunResult()
    rows = person_tasks(scope=ReportScope(everybody=True, department_ids=frozenset()), today=today)
    department_of = dict(
        User.objects.filter(pk__in={row.user_id for row in rows}).values_list("pk", "department_id")
    )
    managers: dict[int, list[int]] = defaultdict(list)
    for department_id, manager_id in Department.managers.through.objects.filter(
        user__is_active=True
    ).values_list("department_id", "user_id"):
        managers[department_id].append(manager_id)
    beheer = list(User.objects.active().with_role(Role.BEHEER).values_list("pk", flat=True))

    sent: dict[tuple, dict[str, date]] = defaultdict(dict)
    for person, key, due, step, sent_on in ReminderLog.objects.filter(
        person_id__in=department_of,
        step__in=(ReminderStep.OVERDUE, ReminderStep.MANAGER),
    ).values_list("person_id", "task_key", "due_date", "step", "sent_on"):
        earlier = sent[(person, key, due)].get(step)
        sent[(person, key, due)][step] = min(sent_on, earlier) if earlier else sent_on

    run = uuid.uuid4()
    logs = []
    for row in rows:
        task = row.task
        if task.due is None:
            continue
        own_managers = [
            manager
            for manager in managers.get(department_of.get(row.user_id), [])
            if manager != row.user_id  # nobody escalates about themselves
        ]
        steps = _steps(
            task=task,
            today=today,
            schedule=schedule,
            sent=sent[(row.user_id, task.key, task.due)],
            has_manager=bool(own_managers),
        )
        for step in steps:
            if step in (ReminderStep.BEFORE_DUE, ReminderStep.OVERDUE):
                recipients = [row.user_id]
            elif step == ReminderStep.MANAGER:
                recipients = own_managers
            else:
                recipients = beheer
            logs += [
                ReminderLog(
                    person_id=row.user_id,
                    recipient_id=recipient,
                    task_key=task.key,
                    task_title=task.title[:255],
                    due_date=task.due,
                    step=step,
                    sent_on=today,
                    run=run,
                )
                for recipient in recipients
                if step in (ReminderStep.BEFORE_DUE, ReminderStep.OVERDUE)
                or recipient != row.user_id  # nobody escalates about themselves
            ]
    ReminderLog.objects.bulk_create(logs, ignore_conflicts=True, batch_size=1000)
    mine = list(ReminderLog.objects.filter(run=run).values_list("pk", "step", "recipient_id"))

    learner = [
        pk for pk, step, _ in mine if step in (ReminderStep.BEFORE_DUE, ReminderStep.OVERDUE)
    ]
    digests: dict[tuple[str, int], list[int]] = defaultdict(list)
    for pk, step, recipient in mine:
        if step in (ReminderStep.MANAGER, ReminderStep.BEHEER):
            digests[(step, recipient)].append(pk)

    def queue() -> None:
        for pk in learner:
            send_learner_reminder.enqueue(pk)
        for (step, recipient), pks in digests.items():
            send_digest.enqueue(recipient, step, pks)

    transaction.on_commit(queue)
    return RunResult(
        learner_emails=len(learner),
        manager_digests=sum(1 for step, _ in digests if step == ReminderStep.MANAGER),
        beheer_digests=sum(1 for step, _ in digests if step == ReminderStep.BEHEER),
    )


# ---------------------------------------------------------------------------------------------
# Manual reminders from the per-person report
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ManualResult:
    """What a manual reminder did: the names of who gets one now, of who already had one
    today (nothing sent), and whether anybody asked for was not late in the sender's view."""

    sent: list[str]
    already_today: list[str]
    not_found: int = 0


@transaction.atomic
def manual_reminders_send(
    *,
    sender: User,
    today: date,
    person_ids: list[int] | None = None,
    tasks: QuerySet[TaskRow] | None = None,
) -> ManualResult:
    """Log and queue a reminder to each person asked for (``person_ids``, or everybody late in
    ``tasks``, the report's filtered rows) who is late with a mandatory task *and* in the
    sender's report scope: a manager reaches only their departments, nobody reaches a raadslid.
    One email per person listing their late tasks, at most one a day whoever sends it (the
    log's unique constraint decides, also for two posts at the same moment). The emails go
    out in one background task after the commit; a fixed number of queries, however many
    people."""
    people = late_people(
        scope=report_scope(user=sender), today=today, tasks=tasks, user_ids=person_ids
    )
    run = uuid.uuid4()
    ReminderLog.objects.bulk_create(
        [
            ReminderLog(
                person_id=person.user_id,
                recipient_id=person.user_id,
                sender=sender,
                task_key=MANUAL_TASK_KEY,
                task_title=", ".join(task.title for task in person.tasks)[:255],
                due_date=person.earliest_due or today,
                step=ReminderStep.MANUAL,
                sent_on=today,
                run=run,
            )
            for person in people
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    mine = dict(ReminderLog.objects.filter(run=run).values_list("person_id", "pk"))
    if mine:
        log_ids = sorted(mine.values())
        transaction.on_commit(lambda: send_manual_reminders.enqueue(log_ids))
    asked = len(set(person_ids)) if person_ids is not None else len(people)
    return ManualResult(
        sent=[person.name for person in people if person.user_id in mine],
        already_today=[person.name for person in people if person.user_id not in mine],
        not_found=max(0, asked - len(people)),
    )


# ---------------------------------------------------------------------------------------------
# The monthly status email to managers
# ---------------------------------------------------------------------------------------------


def manager_email_preference_set(*, user: User, monthly_status: bool) -> ManagerEmailPreference:
    """The manager's own switch for the monthly status email."""
    preference, _created = ManagerEmailPreference.objects.update_or_create(
        user=user, defaults={"monthly_status": monthly_status}
    )
    return preference


@transaction.atomic
def monthly_status_run(*, today: date) -> int:
    """Log and queue this month's status email to every manager who wants it; returns how many
    were queued. Safe to run twice, or twice at once: the log is unique per manager and
    month, and each run sends only the rows it wrote."""
    month = today.replace(day=1)
    run = uuid.uuid4()
    MonthlyStatusEmail.objects.bulk_create(
        [
            MonthlyStatusEmail(recipient_id=pk, month=month, run=run)
            for pk in managers_for_monthly_status().values_list("pk", flat=True)
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    mine = list(MonthlyStatusEmail.objects.filter(run=run).values_list("pk", flat=True))

    def queue() -> None:
        for pk in mine:
            send_monthly_status.enqueue(pk)

    transaction.on_commit(queue)
    return len(mine)
