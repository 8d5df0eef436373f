"""Reads for the dashboard: where each department stands, in one row per department.

Built on the task-status summary (:mod:`modules.reporting.summary`, counted in SQL by
:func:`modules.reporting.reports.status_counts`) and the attendance report
(:func:`modules.reporting.attendance.department_attendance`), so the dashboard, its chart and
its CSV/XLSX export all show the same figures, limited to the viewer's report scope, in a fixed
number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from accounts.models import Department
from accounts.selectors import ReportScope
from core.dates import add_months
from modules.awareness.models import Registration, RegistrationStatus
from modules.learning.models import Enrolment, EnrolmentStatus, ModulePage
from modules.learning.rules import TaskStatus
from modules.learning.team_kit import DiscussionSummary, discussion_summaries
from modules.reporting.attendance import department_attendance
from modules.reporting.reports import department_names, staff_in_scope, status_counts
from modules.reporting.summary import rows_in_scope, status_expression


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


@dataclass(frozen=True)
class DepartmentOverview:
    department: str
    people: int
    mandatory_tasks: int
    completed: int
    overdue: int
    attended: int

    @property
    def percent_completed(self) -> int:
        return _percent(self.completed, self.mandatory_tasks)

    @property
    def percent_attended(self) -> int:
        return _percent(self.attended, self.people)


def department_overview(
    *, scope: ReportScope, today: date, now: datetime
) -> list[DepartmentOverview]:
    """Per department in scope: people, their mandatory modules (completed, overdue), and how
    many attended a session in the last twelve months."""
    tasks: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    grouped = list(
        status_counts(
            rows_in_scope(scope=scope).filter(is_session=False),
            today=today,
            now=now,
            by=["department_id"],
        )
    )
    names = department_names(department_ids={row["department_id"] for row in grouped})
    for row in grouped:
        bucket = tasks[names[row["department_id"]]]
        bucket["tasks"] += row["people"]
        bucket["completed"] += row[TaskStatus.COMPLETED]
        bucket["overdue"] += row[TaskStatus.OVERDUE] + row[TaskStatus.EXPIRED]
    return [
        DepartmentOverview(
            department=row.department,
            people=row.staff,
            mandatory_tasks=tasks[row.department]["tasks"],
            completed=tasks[row.department]["completed"],
            overdue=tasks[row.department]["overdue"],
            attended=row.attended,
        )
        for row in department_attendance(scope=scope, now=now)
    ]


@dataclass(frozen=True)
class MonthFigures:
    month: date
    completed: int
    attended: int
    # Of today's mandatory modules (staff in scope), the share completed by the month's end:
    # the completion rate over time.
    percent_completed: int = 0
    # Of the staff in scope today, the share that attended a session in the twelve months up to
    # the month's end: the attendance rate over time.
    percent_attended: int = 0

    @property
    def label(self) -> str:
        return f"{self.month:%m-%Y}"


def _month_events(*, staff_ids, since: datetime):
    """The module rounds completed and the session attendances of ``staff_ids`` from
    ``since``, each annotated with its ``month``: what the month rows count, for
    :func:`month_figures` and :func:`month_people` alike."""
    rounds = Enrolment.objects.filter(
        user__in=staff_ids, status=EnrolmentStatus.COMPLETED, completed_at__gte=since
    ).annotate(month=TruncMonth("completed_at"))
    attendances = Registration.objects.filter(
        user__in=staff_ids, status=RegistrationStatus.REGISTERED, attended_at__gte=since
    ).annotate(month=TruncMonth("attended_at"))
    return rounds, attendances


def _as_date(month: date | datetime) -> date:
    return month.date() if isinstance(month, datetime) else month


def _first_month(*, today: date, months: int) -> tuple[date, datetime]:
    """The first of the last ``months`` months, as a day and as the moment it starts in Dutch
    time (compared as stored: no time-zone conversion of every row, which __date would do)."""
    first = add_months(today.replace(day=1), -(months - 1))
    return first, timezone.make_aware(datetime.combine(first, datetime.min.time()))


@dataclass(frozen=True)
class MonthPeople:
    """One month of the month rows, person by person (never shown as such): how many module
    rounds each person completed in it, and how many sessions each attended."""

    month: date
    rounds: dict[int, int]
    attendances: dict[int, int]


def month_people(*, scope: ReportScope, today: date, months: int = 12) -> list[MonthPeople]:
    """:func:`month_figures`'s rounds completed and attendances per month, per person, for
    an aggregate published beside earlier ones (the council's overview compares who its
    month rows counted, :mod:`modules.reporting.yearly`). Two queries."""
    if scope.is_empty:
        return []
    first, since = _first_month(today=today, months=months)
    rounds, attendances = _month_events(
        staff_ids=staff_in_scope(scope=scope).values("pk"), since=since
    )

    def per_person(queryset) -> dict[date, dict[int, int]]:
        found: dict[date, dict[int, int]] = defaultdict(dict)
        rows = queryset.values("month", "user_id").annotate(n=Count("pk")).order_by()
        for month, user_id, count in rows.values_list("month", "user_id", "n"):
            found[_as_date(month)][user_id] = count
        return found

    rounds_in, attendances_in = per_person(rounds), per_person(attendances)
    return [
        MonthPeople(
            month=month,
            rounds=rounds_in.get(month, {}),
            attendances=attendances_in.get(month, {}),
        )
        for month in (add_months(first, offset) for offset in range(months))
    ]


def month_figures(
    *, scope: ReportScope, today: date, months: int = 12, department_id: int | None = None
) -> list[MonthFigures]:
    """Per month (the last ``months``, oldest first): module rounds completed, session
    attendances, and the completion rate of today's mandatory modules at the month's end, for
    staff in scope or one department in scope. A fixed number of queries."""

    if scope.is_empty:
        return []
    first, since = _first_month(today=today, months=months)
    staff = staff_in_scope(scope=scope)
    if department_id is not None:
        if not scope.covers(department_id=department_id):
            return []
        staff = staff.filter(department_id=department_id)
    staff_ids = staff.values("pk")

    rounds, attendances = _month_events(staff_ids=staff_ids, since=since)

    def per_month(queryset) -> dict[date, int]:
        rows = queryset.values("month").annotate(n=Count("pk")).values_list("month", "n")
        return {_as_date(m): n for m, n in rows}

    completed = per_month(rounds)
    attended = per_month(attendances)
    month_ends = [
        add_months(add_months(first, offset), 1) - timedelta(days=1) for offset in range(months)
    ]
    # Today's mandatory modules of the staff in scope (one department: narrowed first), and
    # how many of those completed ones were completed by each month's end: one query.
    tasks = rows_in_scope(scope=scope).filter(is_session=False)
    if department_id is not None:
        tasks = tasks.filter(department_id=department_id)
    done = TaskStatus.COMPLETED.value
    task_figures = (
        tasks.annotate(status=status_expression(today=today, now=timezone.now()))
        .order_by()
        .aggregate(
            total=Count("pk"),
            **{
                f"done_{n}": Count("pk", filter=Q(status=done, completed_on__lte=end))
                for n, end in enumerate(month_ends)
            },
        )
    )
    # Per month's end: the staff in scope who attended in the twelve months before. One query.
    visitor_figures = Registration.objects.filter(
        user__in=staff_ids,
        status=RegistrationStatus.REGISTERED,
        attended_at__date__gt=add_months(first, -12),
    ).aggregate(
        **{
            f"visitors_{n}": Count(
                "user_id",
                distinct=True,
                filter=Q(attended_at__date__gt=add_months(end, -12), attended_at__date__lte=end),
            )
            for n, end in enumerate(month_ends)
        },
    )
    people = staff.count()
    result = []
    for offset in range(months):
        month = add_months(first, offset)
        result.append(
            MonthFigures(
                month=month,
                completed=completed.get(month, 0),
                attended=attended.get(month, 0),
                percent_completed=_percent(task_figures[f"done_{offset}"], task_figures["total"]),
                percent_attended=_percent(visitor_figures[f"visitors_{offset}"], people),
            )
        )
    return result


@dataclass(frozen=True)
class TeamDiscussionRow:
    """One module's werkoverleg kit in one department: when it was last discussed there, and
    how many times in the last twelve months."""

    module: str
    department: str
    last: date | None
    recent: int


def team_discussion_overview(*, scope: ReportScope, today: date) -> list[TeamDiscussionRow]:
    """Per live module with a kit (or with discussions recorded) and per active department in
    scope, the last discussion and the count in the last twelve months; by module, then
    department. Three queries, whatever the number of modules, departments or discussions."""
    if scope.is_empty:
        return []
    departments = Department.objects.filter(is_active=True).order_by("name")
    if not scope.everybody:
        departments = departments.filter(pk__in=scope.department_ids)
    departments = list(departments.only("pk", "name"))
    summaries = discussion_summaries(
        today=today, department_ids=None if scope.everybody else scope.department_ids
    )
    discussed = {module_id for module_id, _department_id in summaries}
    modules = [
        module
        for module in ModulePage.objects.live().order_by("path").only("pk", "title", "team_kit")
        if module.team_kit or module.pk in discussed
    ]
    return [
        TeamDiscussionRow(
            module=module.title,
            department=department.name,
            last=summary.last,
            recent=summary.recent,
        )
        for module in modules
        for department in departments
        for summary in [summaries.get((module.pk, department.pk), DiscussionSummary())]
    ]
