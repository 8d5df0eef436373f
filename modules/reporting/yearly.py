"""The yearly overview "Weerbaarheid in cijfers" for the council: aggregates only.

It answers the council's wish for information and measurable goals (the audit's
recommendations 1 and 3): how far staff completed the mandatory modules, attended the
sessions, and scored per theme, and what the kernteam published, over the last twelve
months. Nothing names a person, and every count of people passes the small-number rules of
:mod:`core.privacy` (months included): a count of one to four, or one whose difference with a
total shown next to it is one to four, is None here and reads "minder dan 5". The modules'
completions, the staff who attended, the knowledge per theme and the month rows are also
compared with every earlier overview and evidence pack (:mod:`modules.reporting.published`):
a screen opened a day later must not give the newcomer's result back. The admin page and
the PDF render the same :class:`YearOverview` through one template, so they agree.

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
from decimal import Decimal

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.dates import add_months
from core.pdf import render_pdf
from core.privacy import is_small, min_group_size, shown_count, shown_parts, shown_percent
from modules.awareness.models import SessionPage
from modules.goals.charts import GoalChart, chart_months, goal_charts
from modules.goals.history import goal_history, last_ended_month
from modules.goals.indicators import Figure, Tallies, Tally
from modules.learning.rules import TaskStatus
from modules.reporting.attendance import staff_attendance
from modules.reporting.dashboard import MonthPeople, month_people
from modules.reporting.published import SESSION_PART, publish
from modules.reporting.reports import titles_of
from modules.reporting.summary import EVERYBODY, rows_in_scope, status_expression
from modules.trends.models import TrendPage
from quizzes.analysis import theme_answers_per_person
from quizzes.models import Theme

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
class ThemeYear:
    """One theme answered by five or more people: ``average_percent`` is None when it
    would give a few people's score back (next to an earlier overview or pack)."""

    theme: str
    people: int
    average_percent: int | None


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
    themes: list[ThemeYear]
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


#: The parts of the overview's published figures besides the modules' (whose part is the
#: module's id, as in the evidence pack, so the two are compared with each other); the
#: attendance is the pack's session task's part for the same reason.
ATTENDED = SESSION_PART
THEME_PART = "thema:"
#: A month row's parts: ``maand:afgerond:2026-08`` (module rounds completed in August) and
#: ``maand:bijgewoond:2026-08`` (session attendances), compared by who they counted.
MONTH_PART = "maand:"
COMPLETED_IN, ATTENDED_IN = "afgerond", "bijgewoond"


def _month_part(kind: str, month: date) -> str:
    return f"{MONTH_PART}{kind}:{month:%Y-%m}"


def _counts(row: MonthPeople, kind: str) -> dict[int, int]:
    """Per person, the month's rounds completed or attendances."""
    return row.rounds if kind == COMPLETED_IN else row.attendances


def _month_tallies(rows: list[MonthPeople]) -> Tallies:
    """Per month row: who completed a module round in it, or attended a session, and how
    many rounds or attendances that made. Published beside earlier overviews like the other
    figures: a month's count that grew by one since yesterday's overview says that somebody
    finished in between (found in review), so a row whose people differ by one to four from
    one shown before is hidden. Rounds are not people, so only who is counted is compared."""
    tallies: Tallies = {}
    for row in rows:
        for kind in (COMPLETED_IN, ATTENDED_IN):
            counts = _counts(row, kind)
            # Events, not people: numerator and denominator are both the count (its value,
            # 100%, is never shown); the people are what is compared.
            total = Decimal(sum(counts.values()))
            tallies[(None, _month_part(kind, row.month))] = Tally(set(counts), total, total)
    return tallies


def _task_tallies(*, today: date, now: datetime) -> Tallies:
    """Per mandatory module (not the yearly session task) and department: who it applies to
    and who completed it (one query)."""
    tallies: Tallies = defaultdict(Tally)
    for module_id, department_id, user_id, status in (
        rows_in_scope(scope=EVERYBODY)
        .filter(is_session=False)
        .annotate(status=status_expression(today=today, now=now))
        .values_list("module_id", "department_id", "user_id", "status")
    ):
        tally = tallies[(department_id, str(module_id))]
        tally.people.add(user_id)
        tally.denominator += 1
        if status == TaskStatus.COMPLETED:
            tally.numerator += 1
    return tallies


def _attendance_tallies(*, now: datetime) -> Tallies:
    """Staff (never raadsleden) and who of them attended a session in the last 12 months."""
    staff, attended = staff_attendance(now=now)
    tallies: Tallies = defaultdict(Tally)
    for user_id, department_id in staff.items():
        tally = tallies[(department_id, ATTENDED)]
        tally.people.add(user_id)
        tally.denominator += 1
        if user_id in attended:
            tally.numerator += 1
    return tallies


def _theme_tallies(*, since: date) -> Tallies:
    """Per theme: who answered its questions, the points they scored of the answers."""
    tallies: Tallies = defaultdict(Tally)
    for theme, user_id, answers, points in theme_answers_per_person(since=since):
        tally = tallies[(None, f"{THEME_PART}{theme}")]
        tally.people.add(user_id)
        tally.numerator += points
        tally.denominator += answers
    return tallies


def _shown_months(
    rows: list[MonthPeople], kind: str, figures: dict[str, Figure]
) -> tuple[list[int | None], bool]:
    """The month rows' counts of ``kind`` as shown (:func:`core.privacy.shown_parts`), with
    the months hidden beside an earlier publication (their people differ by one to four from
    an overview that showed them) hidden from the start.

    The attendances add up to a total shown beside them (the staff who attended), so there
    one such month hides every month: the total minus the shown months would give it back,
    and the shown ones beside that earlier overview are not compared as a rest (found in
    review: 37 attended, 15 in the one shown month, says the hidden one had 22, two more
    than before). No total of rounds is shown, so a round month hides only itself. Rounds
    that change while a month's people stay the same (one person finishing a second module)
    are not judged: the same people with another count name nobody. Returns the months as
    shown, and whether the total must be hidden too."""
    counts = [sum(_counts(row, kind).values()) for row in rows]
    # A month of one to four people is hidden whatever its count of rounds or attendances
    # (three people with six rounds is still three people's figure).
    few = {index for index, row in enumerate(rows) if is_small(len(_counts(row, kind)))}
    beside_earlier = {
        index
        for index, row in enumerate(rows)
        if figures[_month_part(kind, row.month)].suppressed and index not in few
    }
    if beside_earlier and kind == ATTENDED_IN:
        return [None] * len(rows), is_small(sum(counts))
    return shown_parts(counts, hidden=few | beside_earlier)


def _count(figure: Figure) -> int | None:
    return None if figure.suppressed else int(figure.numerator)


def yearly_overview(*, today: date, now: datetime, period: str = YEAR) -> YearOverview:
    """The overview of the last twelve months (``YEAR``) or three (``QUARTER``).

    The modules' completions, the staff who attended, the knowledge per theme and the month
    rows are published figures (:func:`modules.reporting.published.publish`): compared person by
    person with every earlier overview and evidence pack, and kept for the next. The raw
    counts of people (a module's people, the staff, a theme's people) are shown beside them
    as before: a head count names nobody's result."""
    period = period_from(period)
    months = PERIOD_MONTHS[period]
    since = add_months(today, -months)
    minimum = min_group_size()
    tasks = _task_tallies(today=today, now=now)
    attendance = _attendance_tallies(now=now)
    themes = _theme_tallies(since=since)
    # The months of a year, also for a quarter, which shows the last three of them as the
    # year hides them: hidden differently, the two would give a hidden month back between
    # them (the year hides September and November, the quarter shows November; found in
    # review).
    rows = month_people(scope=EVERYBODY, today=today, months=PERIOD_MONTHS[YEAR])
    month_tallies = _month_tallies(rows)
    figures = {
        figure.breakdown: figure
        for figure in publish(
            {**tasks, **attendance, **themes, **month_tallies},
            departments={},
            parts=[*sorted({part for _department, part in tasks}), ATTENDED],
            scored_parts=sorted({part for _department, part in [*themes, *month_tallies]}),
            now=now,
        )
    }
    people: dict[str, set[int]] = defaultdict(set)
    for (_department, part), tally in [*tasks.items(), *attendance.items(), *themes.items()]:
        people[part] |= tally.people
    titles = titles_of(module_ids={int(part) for _department, part in tasks})
    staff = shown_count(len(people[ATTENDED]))
    # The months' counts sit next to the period's totals (attended, the modules' completed):
    # hidden months must not come back as a total minus the shown months.
    # No total of module rounds is shown next to these months (the modules' figures count
    # people), so only the months themselves are hidden together.
    month_completed, _no_total_shown = _shown_months(rows, COMPLETED_IN, figures)
    month_attended, attended_total_small = _shown_months(rows, ATTENDED_IN, figures)
    attended = _count(figures[ATTENDED])
    # A total hidden beside an earlier publication is hidden in the months too: they add up
    # to it (found in review). For the modules, the months count rounds of every module.
    if attended is None:
        month_attended = [None] * len(rows)
    if any(figures[part].suppressed for _department, part in tasks):
        month_completed = [None] * len(rows)
    labels = dict(Theme.choices)
    return YearOverview(
        year=today.year,
        period=period,
        since=since,
        until=today,
        staff=staff,
        # Hidden too when the shown months would give the hidden ones back from it, and
        # compared with the staff only when that total is shown.
        attended=None if attended_total_small or staff is None else attended,
        # Sessions, not people: a count of sessions names nobody.
        sessions_held=SessionPage.objects.live()
        .filter(starts_at__date__gte=since, starts_at__lte=now, is_cancelled=False)
        .count(),
        modules=sorted(
            (
                ModuleYear(
                    module=titles[int(part)],
                    people=len(people[part]),
                    completed=_count(figures[part]),
                )
                for part in {part for _department, part in tasks}
                if len(people[part]) >= minimum
            ),
            key=lambda row: row.module,
        ),
        months=[
            MonthYear(month=row.month, completed=completed, attended=attended_month)
            for row, completed, attended_month in zip(
                rows[-months:], month_completed[-months:], month_attended[-months:], strict=True
            )
        ],
        themes=[
            ThemeYear(
                theme=str(labels.get(part.removeprefix(THEME_PART), part)),
                people=len(people[part]),
                average_percent=None
                if figures[part].suppressed or figures[part].value is None
                else round(figures[part].value),
            )
            for part in sorted(figures)
            if part.startswith(THEME_PART) and len(people[part]) >= minimum
        ],
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
