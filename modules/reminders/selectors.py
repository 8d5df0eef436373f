"""Reads for reminders: a person's reminder history, who is late in a report's view (for the
manual reminders) and the monthly status of a manager's departments."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, QuerySet

from accounts.models import Department, User
from accounts.roles import Role
from accounts.selectors import ReportScope
from modules.learning.rules import TaskStatus
from modules.reminders.models import ManagerEmailPreference, ReminderLog, ReminderStep
from modules.reporting.models import PersonTask as TaskRow
from modules.reporting.reports import (
    person_task_lines,
    staff_in_scope,
    status_counts,
    task_rows,
    titles_of,
)
from modules.reporting.summary import rows_in_scope

LATE = (TaskStatus.OVERDUE, TaskStatus.EXPIRED)


def reminder_history(*, user: User) -> list[ReminderLog]:
    """Every reminder and escalation about the user, newest first, once per step (a digest
    to two managers is one step for the person it is about; manual reminders once per day
    they were sent). One query."""
    seen: set[tuple] = set()
    history = []
    for log in ReminderLog.objects.filter(person=user).order_by("-sent_at", "pk"):
        day = log.sent_on if log.step == ReminderStep.MANUAL else None
        key = (log.task_key, log.due_date, log.step, day)
        if key not in seen:
            seen.add(key)
            history.append(log)
    return history


# ---------------------------------------------------------------------------------------------
# Manual reminders from the per-person report
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LateTask:
    title: str
    due: date | None


@dataclass
class LatePerson:
    """Someone with at least one late (overdue or expired) mandatory task."""

    user_id: int
    name: str
    tasks: list[LateTask] = field(default_factory=list)

    @property
    def earliest_due(self) -> date | None:
        dues = [task.due for task in self.tasks if task.due is not None]
        return min(dues) if dues else None


def late_people(
    *,
    scope: ReportScope,
    today: date,
    tasks: QuerySet[TaskRow] | None = None,
    user_ids: list[int] | None = None,
) -> list[LatePerson]:
    """Who in ``scope`` is late with a mandatory task, with those tasks, in the report's order.

    ``tasks`` is :func:`~modules.reporting.reports.task_rows` of the same scope, narrowed by
    the report's filters (the "remind all" of a filtered view); ``user_ids`` narrows to some
    people (a posted id outside the scope simply finds nothing). Only active staff: never
    raadsleden, whatever the summary holds. One query."""
    if scope.is_empty:
        return []
    rows = tasks if tasks is not None else task_rows(scope=scope, today=today)
    rows = rows.filter(user__in=staff_in_scope(scope=scope))
    if user_ids is not None:
        rows = rows.filter(user_id__in=user_ids)
    people: dict[int, LatePerson] = {}
    for line in person_task_lines(scope=scope, today=today, statuses=LATE, tasks=rows):
        person = people.setdefault(line.user_id, LatePerson(user_id=line.user_id, name=line.name))
        person.tasks.append(LateTask(title=line.module, due=line.due))
    return list(people.values())


# ---------------------------------------------------------------------------------------------
# The monthly status email to managers
# ---------------------------------------------------------------------------------------------


def monthly_status_wanted(*, user: User) -> bool:
    """The manager's own switch; on unless they turned it off. One query."""
    preference = ManagerEmailPreference.objects.filter(user=user).first()
    return preference is None or preference.monthly_status


def managers_for_monthly_status() -> QuerySet[User]:
    """Active people with the leidinggevende role who manage an active department and did not
    turn the monthly email off."""
    return (
        User.objects.active()
        .with_role(Role.LEIDINGGEVENDE)
        .filter(managed_departments__is_active=True)
        .exclude(manager_email_preference__monthly_status=False)
        .distinct()
    )


@dataclass(frozen=True)
class ModuleStatus:
    title: str
    people: int
    completed: int
    in_progress: int
    overdue: int
    not_started: int


@dataclass(frozen=True)
class DepartmentStatus:
    name: str
    people: int
    modules: list[ModuleStatus]


def department_status(*, manager: User, today: date, now: datetime) -> list[DepartmentStatus]:
    """Per active department ``manager`` manages (a department without people or mandatory
    tasks too): its staff, and per mandatory task how many are done, busy, late (overdue or
    expired) and not started. Counted from the reports' summary, in the department report's
    own way (:func:`~modules.reporting.reports.department_rows`): small counts are shown, as
    there, because the manager may read the per-person report of these same people; raadsleden
    are never counted. Four queries."""
    departments = list(
        Department.objects.filter(managers=manager, is_active=True)
        .order_by("name")
        .values_list("pk", "name")
    )
    scope = ReportScope(everybody=False, department_ids=frozenset(pk for pk, _ in departments))
    if scope.is_empty:
        return []
    staff = dict(
        staff_in_scope(scope=scope)
        .values("department_id")
        .annotate(n=Count("pk"))
        .values_list("department_id", "n")
        .order_by()
    )
    grouped = list(
        status_counts(
            rows_in_scope(scope=scope).filter(user__in=staff_in_scope(scope=scope)),
            today=today,
            now=now,
            by=["department_id", "module_id"],
        )
    )
    titles = titles_of(module_ids={row["module_id"] for row in grouped})
    modules: dict[int, list[ModuleStatus]] = defaultdict(list)
    for row in grouped:
        modules[row["department_id"]].append(
            ModuleStatus(
                title=titles.get(row["module_id"], ""),
                people=row["people"],
                completed=row[TaskStatus.COMPLETED],
                in_progress=row[TaskStatus.IN_PROGRESS],
                overdue=row[TaskStatus.OVERDUE] + row[TaskStatus.EXPIRED],
                not_started=row[TaskStatus.NOT_STARTED],
            )
        )
    return [
        DepartmentStatus(
            name=name,
            people=staff.get(pk, 0),
            modules=sorted(modules[pk], key=lambda module: module.title),
        )
        for pk, name in departments
    ]
