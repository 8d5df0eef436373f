"""Goal charts: one indicator's frozen months against its target, as plain server-side SVG.

:func:`goal_charts` turns a :class:`~modules.goals.history.GoalHistory` (read by
:func:`modules.goals.history.goal_history`) into one :class:`GoalChart` per indicator and part
(a theme for knowledge per theme) of one group: the organisation or one department. It reads
nothing and writes nothing, so a chart is a pure function of the frozen figures and the
targets; the template ``goals/chart.html`` only draws what is computed here. The same
dataclass feeds the goals dashboard, the yearly overview page and its PDF (WeasyPrint draws
inline SVG), so they cannot disagree.

What the reader gets, without colour being the only carrier: the measured value as a solid
line with a marker on every month, each target as a dashed line with its value written on it,
a hidden month (a small group, stored hidden) as a grey band and a gap in the line, and the
same numbers in a table (month, value, target, met yes/no), with the hidden months named.
Texts are computed when they are shown (properties), so the PDF, rendered in Dutch, and the
admin, in the reader's language, each get their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from django.utils import dateformat, formats
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.dates import add_months
from core.privacy import min_group_size
from modules.goals.history import MAX_MONTHS, GoalHistory, MonthFigure, TargetPeriod
from modules.goals.indicators import KNOWLEDGE_PER_THEME, month_start
from quizzes.choices import Theme

MIN_MONTHS = 12

# The drawing, in SVG user units (the viewBox); the page scales it.
WIDTH = 640
HEIGHT = 270
LEFT = 48
RIGHT = 16
TOP = 16
PLOT_HEIGHT = 180
PLOT_BOTTOM = TOP + PLOT_HEIGHT
PLOT_WIDTH = WIDTH - LEFT - RIGHT
Y_TICKS = (0, 25, 50, 75, 100)

# Colours, each at least 4.5:1 on the white background the SVG draws itself (also in the
# admin's dark theme), and never the only way a thing is told apart.
VALUE_COLOUR = "#0b5394"
TARGET_COLOUR = "#9c4400"
TEXT_COLOUR = "#1a1a1a"
AXIS_COLOUR = "#595959"
GRID_COLOUR = "#d4d4d4"
HIDDEN_COLOUR = "#e6e6e6"


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    NO_TARGET = "no_target"
    HIDDEN = "hidden"
    EMPTY = "empty"
    NO_MONTH = "no_month"


def percent_label(value: Decimal) -> str:
    """96 -> "96%", 95.5 -> "95,5%" (in the active language's decimal sign)."""
    if value == value.to_integral_value():
        return f"{int(value)}%"
    return f"{formats.number_format(value, 1)}%"


def month_label(month: date) -> str:
    return dateformat.format(month, "F Y")


def hidden_label() -> str:
    return _("hidden (fewer than %(minimum)d people)") % {"minimum": min_group_size()}


@dataclass(frozen=True)
class MonthPoint:
    """One month of a chart and its row in the table. ``frozen`` is False for a month with
    no frozen figure (before the first freeze, or a department that did not exist then)."""

    month: date
    frozen: bool
    hidden: bool
    value: Decimal | None
    target: Decimal | None
    version: int | None
    x: float
    band_x: float
    y: float | None

    @property
    def met(self) -> bool | None:
        if self.value is None or self.target is None:
            return None
        return self.value >= self.target

    @property
    def value_label(self) -> str:
        if not self.frozen:
            return _("no frozen figure")
        if self.hidden:
            return hidden_label()
        if self.value is None:
            return _("no figure (nobody counted)")
        return percent_label(self.value)

    @property
    def target_label(self) -> str:
        return _("no goal") if self.target is None else percent_label(self.target)

    @property
    def met_label(self) -> str:
        if self.met is None:
            return "\u2013"
        return _("yes") if self.met else _("no")


@dataclass(frozen=True)
class TargetLine:
    """One target period within the chart, as a dashed horizontal line with its label."""

    value: Decimal
    x1: float
    x2: float
    y: float
    label_y: float

    @property
    def label(self) -> str:
        return _("Goal %(value)s") % {"value": percent_label(self.value)}


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class MonthTick:
    """A label under the x axis: the month, and the year under January and the first."""

    x: float
    month: date
    with_year: bool


@dataclass(frozen=True)
class VersionMark:
    """Where a new definition version starts: a dotted line, so a jump is not misread."""

    x: float
    version: int


@dataclass(frozen=True)
class GoalChart:
    dom_id: str
    indicator_key: str
    indicator_name: str
    breakdown: str
    group_name: str
    points: list[MonthPoint]
    paths: list[str]
    targets: list[TargetLine]
    hidden_bands: list[float]
    band_width: float
    month_ticks: list[MonthTick]
    version_marks: list[VersionMark]

    width = WIDTH
    height = HEIGHT
    left = LEFT
    right_edge = WIDTH - RIGHT
    top = TOP
    plot_bottom = PLOT_BOTTOM
    plot_height = PLOT_HEIGHT
    legend_y = PLOT_BOTTOM + 54
    value_colour = VALUE_COLOUR
    target_colour = TARGET_COLOUR
    text_colour = TEXT_COLOUR
    axis_colour = AXIS_COLOUR
    grid_colour = GRID_COLOUR
    hidden_colour = HIDDEN_COLOUR

    @property
    def part(self) -> str:
        """The theme's name for knowledge per theme, else empty."""
        if not self.breakdown:
            return ""
        return (
            str(Theme(self.breakdown).label) if self.breakdown in Theme.values else self.breakdown
        )

    @property
    def title(self) -> str:
        return f"{self.indicator_name}: {self.part}" if self.part else self.indicator_name

    @property
    def first_month(self) -> date:
        return self.points[0].month

    @property
    def last_month(self) -> date:
        return self.points[-1].month

    @property
    def latest(self) -> MonthPoint | None:
        """The last month with a frozen figure: the one the status speaks of."""
        return next((p for p in reversed(self.points) if p.frozen), None)

    @property
    def shown_points(self) -> list[MonthPoint]:
        return [p for p in self.points if p.y is not None]

    @property
    def hidden_months(self) -> list[date]:
        return [p.month for p in self.points if p.hidden]

    @property
    def status(self) -> Status:
        latest = self.latest
        if latest is None:
            return Status.NO_MONTH
        if latest.hidden:
            return Status.HIDDEN
        if latest.value is None:
            return Status.EMPTY
        if latest.target is None:
            return Status.NO_TARGET
        return Status.MET if latest.met else Status.NOT_MET

    @property
    def status_text(self) -> str:
        """The status in one plain sentence, e.g. "Doel gehaald: 96% tegen een doel van 95%
        in november 2026"."""
        status, latest = self.status, self.latest
        if status == Status.NO_MONTH:
            return _("No frozen month yet")
        month = month_label(latest.month)
        if status == Status.HIDDEN:
            return _("No figure for %(month)s: %(hidden)s") % {
                "month": month,
                "hidden": hidden_label(),
            }
        if status == Status.EMPTY:
            return _("No figure for %(month)s: nobody was counted") % {"month": month}
        values = {"value": percent_label(latest.value), "month": month}
        if status == Status.NO_TARGET:
            return _("No goal set (%(month)s: %(value)s)") % values
        values["target"] = percent_label(latest.target)
        if status == Status.MET:
            return _("Goal met: %(value)s against a goal of %(target)s in %(month)s") % values
        return _("Goal not met: %(value)s against a goal of %(target)s in %(month)s") % values

    @property
    def y_ticks(self) -> list[Tick]:
        return [Tick(_y(Decimal(v)), f"{v}%") for v in Y_TICKS]


def _y(value: Decimal) -> float:
    clamped = min(max(value, Decimal(0)), Decimal(100))
    return round(TOP + PLOT_HEIGHT * (1 - float(clamped) / 100), 2)


def chart_months(
    *, until: date, first_frozen: date | None, minimum: int = MIN_MONTHS, maximum: int = MAX_MONTHS
) -> list[date]:
    """The months a chart shows, oldest first, ending with ``until``: from the first frozen
    month, but at least ``minimum`` and at most ``maximum`` months."""
    until = month_start(until)
    count = minimum
    if first_frozen is not None:
        first_frozen = month_start(first_frozen)
        span = (until.year - first_frozen.year) * 12 + until.month - first_frozen.month + 1
        count = min(max(span, minimum), maximum)
    return [add_months(until, offset) for offset in range(-(count - 1), 1)]


def build_chart(
    *,
    dom_id: str,
    indicator_key: str,
    indicator_name: str,
    breakdown: str,
    group_name: str,
    months: list[date],
    figures: Mapping[date, MonthFigure],
    targets: Iterable[TargetPeriod],
) -> GoalChart:
    """One chart over ``months`` from the group's frozen ``figures`` (by month) and the
    indicator's ``targets``. A month without a figure, a hidden one and one without a value
    break the line."""
    targets = list(targets)
    step = PLOT_WIDTH / len(months)
    points: list[MonthPoint] = []
    for index, month in enumerate(months):
        figure = figures.get(month)
        target = next((t.value for t in targets if t.covers(month)), None)
        value = figure.value if figure is not None and not figure.suppressed else None
        points.append(
            MonthPoint(
                month=month,
                frozen=figure is not None,
                hidden=figure is not None and figure.suppressed,
                value=value,
                target=target,
                version=figure.version if figure is not None else None,
                x=round(LEFT + (index + 0.5) * step, 2),
                band_x=round(LEFT + index * step, 2),
                y=_y(value) if value is not None else None,
            )
        )
    return GoalChart(
        dom_id=dom_id,
        indicator_key=indicator_key,
        indicator_name=indicator_name,
        breakdown=breakdown,
        group_name=group_name,
        points=points,
        paths=_paths(points),
        targets=_target_lines(months, targets, step),
        hidden_bands=[p.band_x for p in points if p.hidden],
        band_width=round(step, 2),
        month_ticks=_month_ticks(points),
        version_marks=_version_marks(points, step),
    )


def _paths(points: list[MonthPoint]) -> list[str]:
    """One SVG path per run of consecutive months with a value; a single month stays a
    marker only."""
    runs: list[list[MonthPoint]] = [[]]
    for point in points:
        if point.y is None:
            if runs[-1]:
                runs.append([])
            continue
        runs[-1].append(point)
    return ["M " + " L ".join(f"{p.x} {p.y}" for p in run) for run in runs if len(run) >= 2]


def _target_lines(months: list[date], targets: list[TargetPeriod], step: float) -> list[TargetLine]:
    lines = []
    for target in targets:
        inside = [i for i, month in enumerate(months) if target.covers(month)]
        if not inside:
            continue
        y = _y(target.value)
        # The label sits above the line, or below it when the line runs along the top.
        label_y = y - 6 if y - 6 >= TOP + 12 else y + 16
        lines.append(
            TargetLine(
                value=target.value,
                x1=round(LEFT + inside[0] * step, 2),
                x2=round(LEFT + (inside[-1] + 1) * step, 2),
                y=y,
                label_y=round(label_y, 2),
            )
        )
    return lines


def _month_ticks(points: list[MonthPoint]) -> list[MonthTick]:
    """Every month up to a year; every other one for a longer chart (the last one always)."""
    every = 1 if len(points) <= 12 else 2
    last = len(points) - 1
    ticks = []
    for index, point in enumerate(points):
        if (last - index) % every:
            continue
        ticks.append(
            MonthTick(
                x=point.x,
                month=point.month,
                with_year=not ticks or point.month.month <= every,
            )
        )
    return ticks


def _version_marks(points: list[MonthPoint], step: float) -> list[VersionMark]:
    marks, previous = [], None
    for point in points:
        if point.version is None:
            continue
        if previous is not None and point.version != previous:
            marks.append(VersionMark(x=round(point.x - step / 2, 2), version=point.version))
        previous = point.version
    return marks


def _breakdowns(history: GoalHistory, indicator_id: int, key: str) -> list[str]:
    """The parts of an indicator: the themes for knowledge per theme (also before anything
    was frozen), else the whole; a part only seen in the frozen figures is kept too."""
    seen = {part for (ind, _group, part) in history.figures if ind == indicator_id}
    known = list(Theme.values) if key == KNOWLEDGE_PER_THEME else [""]
    return known + sorted(seen - set(known))


def goal_charts(
    *,
    history: GoalHistory,
    months: list[date],
    department_id: int | None = None,
    group_name: str = "",
    id_prefix: str = "goal",
) -> list[GoalChart]:
    """Every indicator's charts (one per theme for knowledge per theme) for the organisation
    (``department_id`` None) or one department, over ``months``."""
    group = "organisatie" if department_id is None else f"afdeling-{department_id}"
    charts = []
    for indicator in history.indicators:
        for breakdown in _breakdowns(history, indicator.pk, indicator.key):
            charts.append(
                build_chart(
                    dom_id=slugify(f"{id_prefix}-{group}-{indicator.key}-{breakdown or 'alles'}"),
                    indicator_key=indicator.key,
                    indicator_name=indicator.name,
                    breakdown=breakdown,
                    group_name=group_name,
                    months=months,
                    figures=history.figures.get((indicator.pk, department_id, breakdown), {}),
                    targets=history.targets.get(indicator.pk, []),
                )
            )
    return charts
