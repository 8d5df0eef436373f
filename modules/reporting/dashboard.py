"""Reads for the dashboard: where each department stands, in one row per department.

Built on the completion and attendance reports (:func:`modules.reporting.reports.person_tasks`,
:func:`modules.reporting.attendance.department_attendance`), so the dashboard, its chart and its
CSV/XLSX export all show the same figures, limited to the viewer's report scope, in a fixed
number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Count
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
from modules.reporting.reports import person_tasks, staff_in_scope


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
    for row in person_tasks(scope=scope, today=today):
        if row.task.is_session:
            continue
        bucket = tasks[row.department]
        bucket["tasks"] += 1
        bucket["completed"] += row.task.status == TaskStatus.COMPLETED
        bucket["overdue"] += row.task.status in (TaskStatus.OVERDUE, TaskStatus.EXPIRED)
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


def month_figures(
    *, scope: ReportScope, today: date, months: int = 12, department_id: int | None = None
) -> list[MonthFigures]:
    """Per month (the last ``months``, oldest first): module rounds completed, session
    attendances, and the completion rate of today's mandatory modules at the month's end, for
    staff in scope or one department in scope. A fixed number of queries."""

    if scope.is_empty:
        return []
    first = add_months(today.replace(day=1), -(months - 1))
    staff = staff_in_scope(scope=scope)
    department_name = None
    if department_id is not None:
        if not scope.covers(department_id=department_id):
            return []
        staff = staff.filter(department_id=department_id)
        department_name = Department.objects.get(pk=department_id).name
    staff_ids = staff.values("pk")

    def per_month(queryset, field: str) -> dict[date, int]:
        rows = (
            queryset.annotate(month=TruncMonth(field))
            .values("month")
            .annotate(n=Count("pk"))
            .values_list("month", "n")
        )
        return {(m.date() if hasattr(m, "date") else m): n for m, n in rows}

    completed = per_month(
        Enrolment.objects.filter(
            user__in=staff_ids, status=EnrolmentStatus.COMPLETED, completed_at__date__gte=first
        ),
        "completed_at",
    )
    attended = per_month(
        Registration.objects.filter(
            user__in=staff_ids,
            status=RegistrationStatus.REGISTERED,
            attended_at__date__gte=first,
        ),
        "attended_at",
    )
    tasks = [
        row.task
        for row in person_tasks(scope=scope, today=today)
        if not row.task.is_session
        and (department_name is None or row.department == department_name)
    ]
    done_on = sorted(task.completed_on for task in tasks if task.status == TaskStatus.COMPLETED)
    people = staff.count()
    visits = list(
        Registration.objects.filter(
            user__in=staff_ids,
            status=RegistrationStatus.REGISTERED,
            attended_at__date__gte=add_months(first, -12),
        ).values_list("user_id", "attended_at")
    )
    result = []
    for offset in range(months):
        month = add_months(first, offset)
        month_end = add_months(month, 1) - timedelta(days=1)
        year_before = add_months(month_end, -12)
        done = sum(1 for day in done_on if day is not None and day <= month_end)
        visitors = {
            user_id
            for user_id, when in visits
            if year_before < timezone.localdate(when) <= month_end
        }
        result.append(
            MonthFigures(
                month=month,
                completed=completed.get(month, 0),
                attended=attended.get(month, 0),
                percent_completed=_percent(done, len(tasks)),
                percent_attended=_percent(len(visitors), people),
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
