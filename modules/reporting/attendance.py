"""Reads for the session reports: per session, per year, and attendance per department.

Aggregates only. The department figures count staff in the viewer's report scope (never
raadsleden) who attended a session in the last twelve months.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Q
from django.utils import timezone

from accounts.selectors import ReportScope
from core.dates import add_months
from modules.awareness.models import RegistrationStatus, SessionPage
from modules.reporting.reports import NO_DEPARTMENT, staff_in_scope


@dataclass(frozen=True)
class SessionRow:
    title: str
    date: date
    year: int
    theme: str
    places: int
    registered: int
    waitlisted: int
    attended: int
    cancelled: bool

    @property
    def attendance_percent(self) -> int:
        return round(100 * self.attended / self.registered) if self.registered else 0


def session_rows() -> list[SessionRow]:
    """Every session, newest first, with its registrations and attendance. One query."""
    placed = Q(registrations__status=RegistrationStatus.REGISTERED)
    sessions = SessionPage.objects.annotate(
        registered=Count("registrations", filter=placed),
        waitlisted=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
        ),
        attended=Count(
            "registrations", filter=placed & Q(registrations__attended_at__isnull=False)
        ),
    ).order_by("-starts_at")
    return [
        SessionRow(
            title=session.title,
            date=timezone.localdate(session.starts_at),
            year=timezone.localdate(session.starts_at).year,
            theme=str(session.get_theme_display()),
            places=session.capacity,
            registered=session.registered,
            waitlisted=session.waitlisted,
            attended=session.attended,
            cancelled=session.is_cancelled,
        )
        for session in sessions
    ]


@dataclass(frozen=True)
class YearRow:
    year: int
    sessions_held: int
    registered: int
    attended: int

    @property
    def attendance_percent(self) -> int:
        return round(100 * self.attended / self.registered) if self.registered else 0


def year_rows(*, now: datetime) -> list[YearRow]:
    """Sessions held (started, not cancelled) per year, with places taken and attendance."""
    totals: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    today = timezone.localdate(now)
    for row in session_rows():
        if row.cancelled or row.date > today:
            continue
        totals[row.year]["sessions"] += 1
        totals[row.year]["registered"] += row.registered
        totals[row.year]["attended"] += row.attended
    return [
        YearRow(
            year=year,
            sessions_held=counts["sessions"],
            registered=counts["registered"],
            attended=counts["attended"],
        )
        for year, counts in sorted(totals.items(), reverse=True)
    ]


@dataclass(frozen=True)
class DepartmentAttendanceRow:
    department: str
    staff: int
    attended: int

    @property
    def percent(self) -> int:
        return round(100 * self.attended / self.staff) if self.staff else 0


def department_attendance(*, scope: ReportScope, now: datetime) -> list[DepartmentAttendanceRow]:
    """Per department: staff in scope, and how many attended in the last 12 months. Two
    queries."""
    if scope.is_empty:
        return []
    staff = staff_in_scope(scope=scope)
    since = add_months(timezone.localdate(now), -12)
    counts = {
        row["department__name"]: row["n"]
        for row in staff.values("department__name").annotate(n=Count("pk", distinct=True))
    }
    attended = {
        row["department__name"]: row["n"]
        for row in staff.filter(
            session_registrations__attended_at__date__gte=since,
            session_registrations__status=RegistrationStatus.REGISTERED,
        )
        .values("department__name")
        .annotate(n=Count("pk", distinct=True))
    }
    return [
        DepartmentAttendanceRow(
            department=name or str(NO_DEPARTMENT), staff=total, attended=attended.get(name, 0)
        )
        for name, total in sorted(counts.items(), key=lambda item: item[0] or "")
    ]
