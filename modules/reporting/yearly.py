"""The yearly overview "Weerbaarheid in cijfers" for the council: aggregates only.

It answers the council's wish for information and measurable goals (the audit's
recommendations 1 and 3): how far staff completed the mandatory modules, attended the
sessions, and scored per theme, and what the kernteam published, over the last twelve
months. Nothing names a person, and every count of people passes the small-number rules of
:mod:`core.privacy` (months included): a count of one to four, or one whose difference with a
total shown next to it is one to four, is None here and reads "minder dan 5". The admin page
and the PDF render the same :class:`YearOverview` through one template, so they agree.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from accounts.selectors import ReportScope
from core.dates import add_months
from core.pdf import render_pdf
from core.privacy import min_group_size, shown_count, shown_percent
from modules.awareness.models import SessionPage
from modules.learning.rules import TaskStatus
from modules.reporting.attendance import department_attendance
from modules.reporting.dashboard import month_figures
from modules.reporting.reports import status_counts, titles_of
from modules.reporting.summary import rows_in_scope
from modules.trends.models import TrendPage
from quizzes.analysis import ThemeKnowledge, theme_knowledge

EVERYBODY = ReportScope(everybody=True, department_ids=frozenset())


@dataclass(frozen=True)
class ModuleYear:
    """One mandatory module; ``completed`` is None when it (or the people who did not complete
    it) would be one to four people."""

    module: str
    people: int
    completed: int | None

    @property
    def percent_completed(self) -> int | None:
        return shown_percent(self.completed, self.people)


@dataclass(frozen=True)
class MonthYear:
    """One month: module rounds completed and session attendances, each None when small."""

    month: date
    completed: int | None
    attended: int | None


@dataclass(frozen=True)
class YearOverview:
    year: int
    since: date
    until: date
    staff: int | None
    attended: int | None
    sessions_held: int
    modules: list[ModuleYear]
    months: list[MonthYear]
    themes: list[ThemeKnowledge]
    trends_published: list[str]

    @property
    def percent_attended(self) -> int | None:
        return shown_percent(self.attended, self.staff)


def yearly_overview(*, today: date, now: datetime) -> YearOverview:
    since = add_months(today, -12)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    grouped = list(
        status_counts(
            rows_in_scope(scope=EVERYBODY).filter(is_session=False),
            today=today,
            now=now,
            by=["module_id"],
        )
    )
    titles = titles_of(module_ids={row["module_id"] for row in grouped})
    for row in grouped:  # grouped rows only: suppression below works on counts, never people
        counts[titles[row["module_id"]]]["people"] += row["people"]
        counts[titles[row["module_id"]]]["completed"] += row[TaskStatus.COMPLETED]
    minimum = min_group_size()
    attendance = department_attendance(scope=EVERYBODY, now=now)
    staff = shown_count(sum(row.staff for row in attendance))
    attended = sum(row.attended for row in attendance)
    return YearOverview(
        year=today.year,
        since=since,
        until=today,
        staff=staff,
        # Compared with the staff only when that total is shown.
        attended=shown_count(attended, within=(staff,) if staff is not None else ()),
        # Sessions, not people: a count of sessions names nobody.
        sessions_held=SessionPage.objects.live()
        .filter(starts_at__date__gte=since, starts_at__lte=now, is_cancelled=False)
        .count(),
        modules=[
            ModuleYear(
                module=title,
                people=c["people"],
                completed=shown_count(c["completed"], within=(c["people"],)),
            )
            for title, c in sorted(counts.items())
            if c["people"] >= minimum
        ],
        # Months are separate periods with no total shown, so each is judged on its own.
        months=[
            MonthYear(
                month=row.month,
                completed=shown_count(row.completed),
                attended=shown_count(row.attended),
            )
            for row in month_figures(scope=EVERYBODY, today=today)
        ],
        themes=theme_knowledge(department_ids=None, since=since),
        trends_published=list(
            TrendPage.objects.live()
            .filter(first_published_at__date__gte=since)
            .order_by("first_published_at")
            .values_list("title", flat=True)
        ),
    )


def yearly_overview_pdf(*, overview: YearOverview) -> bytes:
    return render_pdf(
        template_name="reporting/yearly_overview_pdf.html", context={"overview": overview}
    )
