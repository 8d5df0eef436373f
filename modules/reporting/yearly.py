"""The yearly overview "Weerbaarheid in cijfers" for the council: aggregates only.

It answers the council's wish for information and measurable goals (the audit's
recommendations 1 and 3): how far staff completed the mandatory modules, attended the
sessions, and scored per theme, and what the kernteam published, over the last twelve
months. Nothing names a person, and every count of people passes the small-number rules of
:mod:`core.privacy` (months included): a count of one to four, or one whose difference with a
total shown next to it is one to four, is None here and reads "minder dan 5". The admin page
and the PDF render the same :class:`YearOverview` through one template, so they agree.

It opens with the measurable goals (issue 19): each indicator's frozen months against its
target as a chart with its table and status (:mod:`modules.goals.charts`, organisation level
only; the figures were frozen with small groups hidden). Reporting sits above goals in the
layers, so it reads them directly.

The griffie also gets a quarterly version: the same report over the last three months
(``period=QUARTER``), while the goal charts keep their 12 to 24 months of history; who may
make one may make the other (the same permission, :mod:`modules.reporting.yearly_views`:
the kernteam and the griffie).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.selectors import ReportScope
from core.dates import add_months
from core.pdf import render_pdf
from core.privacy import min_group_size, shown_count, shown_parts, shown_percent
from modules.awareness.models import SessionPage
from modules.goals.charts import GoalChart, chart_months, goal_charts
from modules.goals.history import goal_history, last_ended_month
from modules.learning.rules import TaskStatus
from modules.reporting.attendance import department_attendance
from modules.reporting.dashboard import month_figures
from modules.reporting.reports import status_counts, titles_of
from modules.reporting.summary import rows_in_scope
from modules.trends.models import TrendPage
from quizzes.analysis import ThemeKnowledge, theme_knowledge

EVERYBODY = ReportScope(everybody=True, department_ids=frozenset())

#: The periods the overview covers, by the value the page and the job use, in months.
YEAR = "jaar"
QUARTER = "kwartaal"
PERIOD_MONTHS = {YEAR: 12, QUARTER: 3}


def period_from(value: str | None) -> str:
    """A period the overview knows; anything else is the year."""
    return value if value in PERIOD_MONTHS else YEAR


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
    period: str
    since: date
    until: date
    staff: int | None
    attended: int | None
    sessions_held: int
    modules: list[ModuleYear]
    months: list[MonthYear]
    themes: list[ThemeKnowledge]
    trends_published: list[str]
    goals: list[GoalChart]

    @property
    def is_quarter(self) -> bool:
        return self.period == QUARTER

    @property
    def title(self) -> str:
        if self.is_quarter:
            return _("Resilience in figures: quarter up to %(until)s") % {
                "until": date_format(self.until, "j F Y")
            }
        return _("Resilience in figures %(year)s") % {"year": self.year}

    @property
    def percent_attended(self) -> int | None:
        return shown_percent(self.attended, self.staff)


def organisation_goals(*, today: date) -> list[GoalChart]:
    """Every goal's chart for the whole organisation, up to the last ended month (four
    queries)."""
    until = last_ended_month(today)
    history = goal_history(until=until)
    months = chart_months(until=until, first_frozen=history.first_frozen)
    return goal_charts(history=history, months=months, group_name="", id_prefix="jaar")


def yearly_overview(*, today: date, now: datetime, period: str = YEAR) -> YearOverview:
    """The overview of the last twelve months (``YEAR``) or three (``QUARTER``)."""
    period = period_from(period)
    months = PERIOD_MONTHS[period]
    since = add_months(today, -months)
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
    rows = month_figures(scope=EVERYBODY, today=today, months=months)
    # The months' counts sit next to the period's totals (attended, the modules' completed):
    # hidden months must not come back as a total minus the shown months.
    # No total of module rounds is shown next to these months (the modules' figures count
    # people), so only the months themselves are hidden together.
    month_completed, _no_total_shown = shown_parts([row.completed for row in rows])
    month_attended, attended_total_small = shown_parts([row.attended for row in rows])
    return YearOverview(
        year=today.year,
        period=period,
        since=since,
        until=today,
        staff=staff,
        # Compared with the staff only when that total is shown.
        attended=None
        if attended_total_small
        else shown_count(attended, within=(staff,) if staff is not None else ()),
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
        months=[
            MonthYear(month=row.month, completed=completed, attended=attended_month)
            for row, completed, attended_month in zip(
                rows, month_completed, month_attended, strict=True
            )
        ],
        themes=theme_knowledge(department_ids=None, since=since),
        trends_published=list(
            TrendPage.objects.live()
            .filter(first_published_at__date__gte=since)
            .order_by("first_published_at")
            .values_list("title", flat=True)
        ),
        goals=organisation_goals(today=today),
    )


def yearly_overview_pdf(*, overview: YearOverview) -> bytes:
    return render_pdf(
        template_name="reporting/yearly_overview_pdf.html", context={"overview": overview}
    )
