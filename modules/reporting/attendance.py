"""Reads for the session reports: per session, per year, and attendance per department.

Aggregates only. The department figures count staff in the viewer's report scope (never
raadsleden) who attended a session in the last twelve months. Raadsleden are left out of the
session figures too and counted in columns of their own, shown only from five people on
(:mod:`core.privacy`): whatever raadsleden do is visible individually to nobody else.

Two more rules keep a hidden figure from being worked out by subtraction:

- Secondary suppression in the year rows: a year's council figure is the sum of its session
  figures, so year total minus the shown session figures gives back the hidden ones. When any
  session figure of a year is hidden and the hidden figures add up to less than five, the
  year's figure is hidden too.
- Full sessions: a waitlist exists only when a session is full, and then the council's places
  are the places minus the staff's places. So when raadsleden hold one to four places, the
  session row shows neither its places nor its staff waitlist ("—"); the staff's own places
  and attendance stay (the kernteam sees those by name anyway).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.db.models import Count, Q
from django.utils import timezone

from accounts.selectors import ReportScope
from core.dates import add_months
from core.privacy import count_label, is_small, min_group_size, shown_count
from modules.awareness.models import Registration, RegistrationStatus, SessionPage
from modules.awareness.selectors import is_council_member
from modules.reporting.reports import NO_DEPARTMENT, staff_in_scope
from modules.reporting.summary import EVERYBODY

HIDDEN = "—"  # a figure left out so that a hidden council count cannot be worked out


@dataclass(frozen=True)
class SessionRow:
    title: str
    date: date
    year: int
    theme: str
    kind: str
    places: int
    registered: int  # places taken (offers included) by everybody but raadsleden
    waitlisted: int
    attended: int
    cancelled: bool
    council_registered_raw: int = 0  # never shown: the year totals add these up
    council_attended_raw: int = 0

    @property
    def attendance_percent(self) -> int:
        return round(100 * self.attended / self.registered) if self.registered else 0

    @property
    def council_registered_shown(self) -> int | None:
        return shown_count(self.council_registered_raw)

    @property
    def council_attended_shown(self) -> int | None:
        return shown_count(self.council_attended_raw, within=(self.council_registered_raw,))

    @property
    def council_registered(self) -> str:
        return count_label(self.council_registered_shown)

    @property
    def council_attended(self) -> str:
        return count_label(self.council_attended_shown)

    @property
    def hides_capacity(self) -> bool:
        """Raadsleden hold one to four places: places minus the staff's places would give
        their number whenever the session is full, and a staff waitlist tells it is full."""
        return is_small(self.council_registered_raw)

    @property
    def places_label(self) -> str:
        return HIDDEN if self.hides_capacity else str(self.places)

    @property
    def waitlisted_label(self) -> str:
        return HIDDEN if self.hides_capacity else str(self.waitlisted)


def _registration_counts() -> dict[tuple[int, bool], dict[str, int]]:
    """Per session and "raadslid or not": per status, places taken ("taken": registered or
    offered), waitlist places and attendances."""
    counts: dict[tuple[int, bool], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    rows = (
        Registration.objects.exclude(status=RegistrationStatus.CANCELLED)
        .annotate(council=is_council_member())
        .values("session_id", "council", "status")
        .annotate(n=Count("pk"), present=Count("pk", filter=Q(attended_at__isnull=False)))
    )
    for row in rows:
        figures = counts[(row["session_id"], row["council"])]
        figures[row["status"]] += row["n"]
        # An offered place is taken, as the services count it (see taking_a_place): left
        # out, the places minus the staff's would give back raadsleden holding offers.
        if row["status"] in RegistrationStatus.taking_a_place():
            figures["taken"] += row["n"]
        if row["status"] == RegistrationStatus.REGISTERED:
            figures["attended"] += row["present"]
    return counts


def session_rows() -> list[SessionRow]:
    """Every session, newest first, with its registrations and attendance. Two queries."""
    counts = _registration_counts()
    rows = []
    for session in SessionPage.objects.order_by("-starts_at"):
        staff = counts.get((session.pk, False), {})
        council = counts.get((session.pk, True), {})
        day = timezone.localdate(session.starts_at)
        rows.append(
            SessionRow(
                title=session.title,
                date=day,
                year=day.year,
                theme=str(session.get_theme_display()),
                kind=str(session.get_kind_display()),
                places=session.capacity,
                registered=staff.get("taken", 0),
                waitlisted=staff.get(RegistrationStatus.WAITLISTED, 0),
                attended=staff.get("attended", 0),
                cancelled=session.is_cancelled,
                council_registered_raw=council.get("taken", 0),
                council_attended_raw=council.get("attended", 0),
            )
        )
    return rows


@dataclass(frozen=True)
class YearRow:
    year: int
    sessions_held: int
    registered: int
    attended: int
    council_registered_raw: int = 0
    council_attended_raw: int = 0
    # Secondary suppression: set when the year's total minus its shown session figures would
    # give back hidden session figures (see the module docstring).
    council_registered_complement_small: bool = False
    council_attended_complement_small: bool = False

    @property
    def attendance_percent(self) -> int:
        return round(100 * self.attended / self.registered) if self.registered else 0

    @property
    def council_registered(self) -> str:
        if self.council_registered_complement_small:
            return count_label(None)
        return count_label(shown_count(self.council_registered_raw))

    @property
    def council_attended(self) -> str:
        if self.council_attended_complement_small:
            return count_label(None)
        return count_label(
            shown_count(self.council_attended_raw, within=(self.council_registered_raw,))
        )


def _complement_small(hidden: list[int]) -> bool:
    """Hidden session figures of one year: the year total minus the shown ones gives their
    sum, so that sum must not be under five (zero included: it says "nobody" of few)."""
    return bool(hidden) and sum(hidden) < min_group_size()


def year_rows(*, now: datetime) -> list[YearRow]:
    """Sessions held (started, not cancelled) per year, with places taken and attendance;
    council figures with secondary suppression (see the module docstring)."""
    totals: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    hidden: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    today = timezone.localdate(now)
    for row in session_rows():
        if row.cancelled or row.date > today:
            continue
        totals[row.year]["sessions"] += 1
        totals[row.year]["registered"] += row.registered
        totals[row.year]["attended"] += row.attended
        totals[row.year]["council_registered"] += row.council_registered_raw
        totals[row.year]["council_attended"] += row.council_attended_raw
        if row.council_registered_shown is None:
            hidden[row.year]["registered"].append(row.council_registered_raw)
        if row.council_attended_shown is None:
            hidden[row.year]["attended"].append(row.council_attended_raw)
    return [
        YearRow(
            year=year,
            sessions_held=counts["sessions"],
            registered=counts["registered"],
            attended=counts["attended"],
            council_registered_raw=counts["council_registered"],
            council_attended_raw=counts["council_attended"],
            council_registered_complement_small=_complement_small(hidden[year]["registered"]),
            council_attended_complement_small=_complement_small(hidden[year]["attended"]),
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


def staff_attendance(*, now: datetime) -> tuple[dict[int, int | None], set[int]]:
    """Everybody's staff (never raadsleden) with their department, and who of them attended a
    session in the last 12 months, for figures worked out person by person (the council
    overview's, :mod:`modules.reporting.yearly`). Two queries."""
    staff = staff_in_scope(scope=EVERYBODY)
    since = add_months(timezone.localdate(now), -12)
    attended = set(
        staff.filter(
            session_registrations__attended_at__date__gte=since,
            session_registrations__status=RegistrationStatus.REGISTERED,
        )
        .values_list("pk", flat=True)
        .distinct()
    )
    return dict(staff.values_list("pk", "department_id")), attended


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
