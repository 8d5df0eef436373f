"""Reads for the completion reports: who must do which module, and how far they are.

The reports read the task-status summary (:mod:`modules.reporting.summary`): one row per
person and mandatory task, grouped and counted in SQL, with the status of the day worked out
in SQL. A manager's view reads only their departments' rows.

:func:`person_tasks` is the direct computation the summary is built by: the dashboard's rules
(:func:`modules.learning.selectors.mandatory_tasks`) applied to everybody in the viewer's
:class:`~accounts.selectors.ReportScope` at once, in a fixed number of queries. The daily
reminder run uses it (it needs the rounds themselves), and the tests compare the summary with
it after every kind of write.

Raadsleden are left out entirely: their learning is private and never shows up by name in a
staff report. Anyone with the raadslid role is excluded, even if they also have a staff role.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.auth.models import Group
from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Audience, Department, User
from accounts.roles import ROLE_GROUP_NAMES, Role
from accounts.selectors import ReportScope, audience_includes, group_ids_by_user
from modules.awareness.models import Registration, RegistrationStatus
from modules.awareness.rules import TITLE as SESSION_TITLE
from modules.awareness.rules import requirement_task
from modules.awareness.selectors import attendance_requirement
from modules.learning.models import (
    Assignment,
    Enrolment,
    EnrolmentStatus,
    ModulePage,
    ProgressEvent,
)
from modules.learning.rules import TaskStatus
from modules.learning.selectors import LearningTask, mandatory_tasks
from modules.reporting.models import SESSION_KEY
from modules.reporting.models import PersonTask as TaskRow
from modules.reporting.summary import (
    EVERYBODY,
    assignment_applies,
    rows_in_scope,
    staff_in_scope,
    status_expression,
    with_status,
)

__all__ = ["EVERYBODY", "staff_in_scope"]

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


def person_tasks(*, scope: ReportScope, today: date) -> list[PersonTask]:
    """Every mandatory module (and the yearly session, when that requirement applies) of every
    person in scope, with its status, computed from the source rows. At most twelve queries,
    but each person's rules run in Python: the reference for the summary, and the reminders'
    source, not a page's."""
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
            and assignment_applies(assignment, start_date=user.start_date)
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


def reference_department_rows(*, scope: ReportScope, today: date) -> list[DepartmentRow]:
    """:func:`department_rows` computed from :func:`person_tasks` (for the tests)."""
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


# ---------------------------------------------------------------------------------------------
# The reports, read from the summary
# ---------------------------------------------------------------------------------------------

_STATUS_LABELS = {status.value: status.label for status in TaskStatus}


@dataclass(frozen=True)
class PersonTaskLine:
    """One row of the per-person report, read from the summary: the same face as
    :class:`PersonTask` for the report's columns."""

    user_id: int
    name: str
    email: str
    department: str
    module: str
    status_value: str
    due: date | None
    progress: int
    completed_on: date | None
    # The completed round's final quiz was passed in a partner's SCORM package (its score is
    # the learner's browser's word), so the figure stays traceable.
    scorm_quiz_passed: bool = False

    @property
    def status(self) -> str:
        if self.scorm_quiz_passed and self.status_value == TaskStatus.COMPLETED:
            return str(_SCORM_PASS_LABEL)
        return str(_STATUS_LABELS[self.status_value])


_SCORM_PASS_LABEL = _("completed (passed in a partner's e-learning)")


_LINE_FIELDS = (
    "user_id",
    "user__first_name",
    "user__last_name",
    "user__email",
    "department__name",
    "module__title",
    "is_session",
    "status",
    "shown_due",
    "shown_progress",
    "shown_completed_on",
    "scorm_quiz_passed",
)


class PersonTaskLines:
    """The per-person report's rows as a lazy sequence: counted with ``COUNT(*)`` and sliced
    with ``LIMIT``/``OFFSET``, so a page of the report reads a hundred rows, not all of them
    (Django's paginator and Wagtail's export need only ``count``, slicing and iteration)."""

    def __init__(self, queryset: QuerySet):
        self._queryset = queryset
        self._count: int | None = None
        self._session_title = str(SESSION_TITLE)  # translated once, not per row

    def count(self) -> int:
        if self._count is None:
            self._count = self._queryset.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def _line(self, values: tuple) -> PersonTaskLine:
        (user_id, first, last, email, department, title, is_session, status, due, progress,
         completed_on, scorm_quiz_passed) = values  # fmt: skip
        full_name = f"{first} {last}".strip()
        return PersonTaskLine(
            user_id=user_id,
            name=full_name or email,
            email=email,
            department=department if department is not None else str(NO_DEPARTMENT),
            module=self._session_title if is_session else title,
            status_value=status,
            due=due,
            progress=progress,
            completed_on=completed_on,
            scorm_quiz_passed=scorm_quiz_passed,
        )

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._line(values) for values in self._queryset[index]]
        return self._line(self._queryset[index])

    def __iter__(self) -> Iterator[PersonTaskLine]:
        for values in self._queryset.iterator(chunk_size=2000):
            yield self._line(values)


def task_rows(*, scope: ReportScope, today: date, now: datetime | None = None) -> QuerySet[TaskRow]:
    """The summary rows the viewer may see, with the day's ``status`` and ``shown_due``: what
    the report filters narrow (in SQL) before :func:`person_task_lines` or
    :func:`department_rows` reads them. A filter can only take rows away from this scope."""
    return with_status(rows_in_scope(scope=scope), today=today, now=now or timezone.now())


def module_choices(*, scope: ReportScope) -> list[tuple[str, str]]:
    """The tasks a report can be filtered on, as (summary ``key``, title): live modules with
    an active assignment, then the yearly session while that requirement applies. Two
    queries, whatever the number of rows."""
    if scope.is_empty:
        return []
    modules = (
        ModulePage.objects.live()
        .filter(assignments__is_active=True)
        .distinct()
        .order_by("title")
        .values_list("pk", "title")
    )
    choices = [(f"module-{pk}", title) for pk, title in modules]
    if attendance_requirement() is not None:
        choices.append((SESSION_KEY, str(SESSION_TITLE)))
    return choices


def person_task_lines(
    *,
    scope: ReportScope,
    today: date,
    now: datetime | None = None,
    statuses: tuple[TaskStatus, ...] | None = None,
    tasks: QuerySet[TaskRow] | None = None,
) -> PersonTaskLines:
    """Every mandatory task of every person in scope, from the summary, ordered like
    :func:`person_tasks` (department, name, then the person's own order of tasks);
    ``statuses`` narrows it in SQL (the overdue report). ``tasks`` is :func:`task_rows`
    already narrowed by the report's filters (it must come from the same scope)."""
    rows = tasks if tasks is not None else task_rows(scope=scope, today=today, now=now)
    if statuses is not None:
        rows = rows.filter(status__in=[status.value for status in statuses])
    # A subquery in the same query: whether the person's completed round of the module was
    # closed by the final quiz in a partner's SCORM package (modules.scorm).
    rows = rows.annotate(
        scorm_quiz_passed=Exists(
            ProgressEvent.objects.filter(
                kind=ProgressEvent.Kind.SCORM_QUIZ_PASSED,
                enrolment__user_id=OuterRef("user_id"),
                enrolment__module_id=OuterRef("module_id"),
                enrolment__status=EnrolmentStatus.COMPLETED,
            )
        )
    )
    rows = rows.order_by(
        "department__name", "user__last_name", "user__first_name", "user_id", "position"
    ).values_list(*_LINE_FIELDS)
    return PersonTaskLines(rows)


def _counted(queryset: QuerySet, *, by: list[str]):
    """Per group of ``by`` of rows that carry ``status``: the rows, and the rows per status."""
    return (
        queryset.values(*by)
        .annotate(
            people=Count("pk"),
            **{value: Count("pk", filter=Q(status=value)) for value in TaskStatus.values},
        )
        .order_by()
    )


def status_counts(queryset: QuerySet[TaskRow], *, today: date, now: datetime, by: list[str]):
    """Per group of ``by``: the number of rows, and of rows in each status. One query."""
    return _counted(queryset.annotate(status=status_expression(today=today, now=now)), by=by)


def department_rows(
    *,
    scope: ReportScope,
    today: date,
    now: datetime | None = None,
    tasks: QuerySet[TaskRow] | None = None,
) -> list[DepartmentRow]:
    """Completion per module and department: one GROUP BY over the summary, then the titles
    and department names of the groups (two small queries). ``tasks`` is :func:`task_rows`
    narrowed by the report's filters; the counts are then of the filtered rows.

    Small counts are shown, unlike in the aggregates published beyond the viewer's scope
    (:mod:`core.privacy`): whoever may read this report may read the per-person report of
    the same people (same permission, same scope), so hiding "fewer than five" here would
    protect nobody, and a filter cannot reach anybody outside that scope."""
    if tasks is None:
        tasks = task_rows(scope=scope, today=today, now=now)
    grouped = list(_counted(tasks, by=["module_id", "department_id"]))
    titles = titles_of(module_ids={row["module_id"] for row in grouped})
    names = department_names(department_ids={row["department_id"] for row in grouped})
    counts: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in grouped:
        bucket = counts[(titles[row["module_id"]], names[row["department_id"]])]
        for field in ("people", *TaskStatus.values):
            bucket[field] += row[field]
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


def titles_of(*, module_ids: set[int | None]) -> dict[int | None, str]:
    """Module titles by id, and the yearly session's title for ``None``. One query."""
    ids = {pk for pk in module_ids if pk is not None}
    titles: dict[int | None, str] = dict(
        ModulePage.objects.filter(pk__in=ids).values_list("pk", "title") if ids else []
    )
    titles[None] = str(SESSION_TITLE)
    return titles


def department_names(*, department_ids: set[int | None]) -> dict[int | None, str]:
    """Department names by id, and "(geen afdeling)" for ``None``. One query."""
    ids = {pk for pk in department_ids if pk is not None}
    names: dict[int | None, str] = dict(
        Department.objects.filter(pk__in=ids).values_list("pk", "name") if ids else []
    )
    names[None] = str(NO_DEPARTMENT)
    return names
