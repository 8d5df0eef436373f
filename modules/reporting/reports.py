"""Reads for the completion reports: who must do which module, and how far they are.

The rules are the dashboard's (:func:`modules.learning.selectors.mandatory_tasks`), applied to
everybody in the viewer's :class:`~accounts.selectors.ReportScope` at once, in a fixed number
of queries whatever the number of people, departments or modules (see the tests).

Raadsleden are left out entirely: their learning is private and never shows up by name in a
staff report. Anyone with the raadslid role is excluded, even if they also have a staff role.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.models import Group
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Audience, User
from accounts.roles import ROLE_GROUP_NAMES, Role
from accounts.selectors import ReportScope, audience_includes, group_ids_by_user
from modules.awareness.models import Registration, RegistrationStatus
from modules.awareness.rules import requirement_task
from modules.awareness.selectors import attendance_requirement
from modules.learning.models import Assignment, Enrolment
from modules.learning.rules import TaskStatus
from modules.learning.selectors import LearningTask, mandatory_tasks

NO_DEPARTMENT = _("(no department)")


@dataclass(frozen=True)
class PersonTask:
    """One row of the per-person report: a person, a mandatory module and their status."""

    user_id: int
    name: str
    email: str
    department: str
    task: LearningTask

    @property
    def module(self) -> str:
        return self.task.title

    @property
    def due(self) -> date | None:
        return self.task.due

    @property
    def status(self) -> str:
        return str(self.task.status.label)

    @property
    def progress(self) -> int:
        return self.task.progress

    @property
    def completed_on(self) -> date | None:
        """Completion (or, for the session requirement, attendance) date, in Dutch time."""
        return self.task.completed_on


def staff_in_scope(*, scope: ReportScope):
    """Active staff the viewer may see by name: never raadsleden."""
    users = User.objects.active().exclude(groups__name=ROLE_GROUP_NAMES[Role.RAADSLID])
    if not scope.everybody:
        users = users.filter(department_id__in=scope.department_ids)
    return users


def person_tasks(*, scope: ReportScope, today: date) -> list[PersonTask]:
    """Every mandatory module (and the yearly session, when that requirement applies) of every
    person in scope, with its status. At most twelve queries."""
    if scope.is_empty:
        return []
    assignments = list(
        Assignment.objects.filter(is_active=True, module__live=True)
        .select_related("module")
        .prefetch_related(
            Prefetch("audience", queryset=Audience.objects.prefetch_related("roles", "departments"))
        )
        .order_by("pk")
    )
    requirement = attendance_requirement()
    if not assignments and requirement is None:
        return []
    users = list(
        staff_in_scope(scope=scope)
        .select_related("department")
        .order_by("department__name", "last_name", "first_name", "pk")
    )
    user_ids = [user.pk for user in users]
    groups = group_ids_by_user(user_ids=user_ids)
    latest: dict[int, dict[int, Enrolment]] = defaultdict(dict)
    enrolments = Enrolment.objects.filter(
        user_id__in=user_ids, module_id__in={a.module_id for a in assignments}
    ).order_by("user_id", "module_id", "cycle")
    for enrolment in enrolments:
        latest[enrolment.user_id][enrolment.module_id] = enrolment

    session_tasks = _requirement_tasks(
        requirement=requirement, users=users, groups=groups, today=today
    )
    rows = []
    for user in users:
        applicable = [
            assignment
            for assignment in assignments
            if audience_includes(
                assignment.audience, group_ids=groups[user.pk], department_id=user.department_id
            )
            and (
                assignment.starters_from is None
                or (user.start_date is not None and user.start_date >= assignment.starters_from)
            )
        ]
        tasks = mandatory_tasks(
            start_date=user.start_date, assignments=applicable, latest=latest[user.pk], today=today
        )
        if user.pk in session_tasks:
            tasks.append(session_tasks[user.pk])
        department = user.department.name if user.department else str(NO_DEPARTMENT)
        for task in tasks:
            rows.append(
                PersonTask(
                    user_id=user.pk,
                    name=user.get_full_name() or user.email,
                    email=user.email,
                    department=department,
                    task=task,
                )
            )
    return rows


@dataclass(frozen=True)
class DepartmentRow:
    """Counts for one module in one department."""

    module: str
    department: str
    people: int
    completed: int
    in_progress: int
    not_started: int
    overdue: int
    expired: int

    @property
    def percent_completed(self) -> int:
        return round(100 * self.completed / self.people) if self.people else 0


def department_rows(*, scope: ReportScope, today: date) -> list[DepartmentRow]:
    """Completion per module and department, from :func:`person_tasks`."""
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in person_tasks(scope=scope, today=today):
        bucket = counts[(row.module, row.department)]
        bucket["people"] += 1
        bucket[row.task.status.value] += 1
    return [
        DepartmentRow(
            module=module,
            department=department,
            people=bucket["people"],
            completed=bucket[TaskStatus.COMPLETED],
            in_progress=bucket[TaskStatus.IN_PROGRESS],
            not_started=bucket[TaskStatus.NOT_STARTED],
            overdue=bucket[TaskStatus.OVERDUE],
            expired=bucket[TaskStatus.EXPIRED],
        )
        for (module, department), bucket in sorted(counts.items())
    ]


def _requirement_tasks(*, requirement, users: list[User], groups, today: date) -> dict:
    """The yearly session task per user it applies to, in four queries for everybody."""
    if requirement is None or not users:
        return {}
    if requirement.audience_id is None:
        staff = Group.objects.filter(name=ROLE_GROUP_NAMES[Role.MEDEWERKER]).first()
        applies = {u.pk for u in users if staff is not None and staff.pk in groups[u.pk]}
    else:
        audience = Audience.objects.prefetch_related("roles", "departments").get(
            pk=requirement.audience_id
        )
        applies = {
            u.pk
            for u in users
            if audience_includes(audience, group_ids=groups[u.pk], department_id=u.department_id)
        }
    last_attended = dict(
        Registration.objects.filter(user_id__in=applies, attended_at__isnull=False)
        .values("user_id")
        .annotate(last=Max("attended_at"))
        .values_list("user_id", "last")
    )
    now = timezone.now()
    upcoming = set(
        Registration.objects.filter(
            user_id__in=applies,
            status=RegistrationStatus.REGISTERED,
            session__ends_at__gte=now,
            session__is_cancelled=False,
            session__live=True,
        ).values_list("user_id", flat=True)
    )
    return {
        user.pk: requirement_task(
            start_date=user.start_date,
            last_attended=(
                timezone.localdate(last_attended[user.pk]) if user.pk in last_attended else None
            ),
            registered_upcoming=user.pk in upcoming,
            every_months=requirement.every_months,
            new_employees_within_months=requirement.new_employees_within_months,
            first_due_date=requirement.first_due_date,
            today=today,
        )
        for user in users
        if user.pk in applies
    }
