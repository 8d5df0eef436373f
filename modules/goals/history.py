"""Reads for the goal charts: the frozen months of the last two years and the targets over
them, for the organisation and the departments a screen asks for, in four queries whatever
the number of months, departments or indicators.

Only frozen months are read (:class:`~modules.goals.models.IndicatorSnapshot`), never live
figures, so a chart of a published month does not move when the data changes later. The
figures come as they were stored: a hidden one (a small group) has no value here either. The
charts themselves are built from this by :mod:`modules.goals.charts`, which reads nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch, Q

from core.dates import add_months
from modules.goals.indicators import month_start
from modules.goals.models import Indicator, IndicatorSnapshot, SnapshotFigure, Target

#: The longest history a chart shows, in months.
MAX_MONTHS = 24


@dataclass(frozen=True)
class MonthFigure:
    """One group's frozen figure of one month: ``value`` is None when it is hidden
    (``suppressed``) or when nobody was counted."""

    month: date
    version: int
    value: Decimal | None
    suppressed: bool


@dataclass(frozen=True)
class TargetPeriod:
    """A target: ``value`` (%) from ``first_month`` up to and including ``last_month``."""

    first_month: date
    last_month: date
    value: Decimal

    def covers(self, month: date) -> bool:
        return self.first_month <= month <= self.last_month


#: (indicator id, department id or None for the organisation, breakdown) -> month -> figure
FigureKey = tuple[int, int | None, str]


@dataclass(frozen=True)
class GoalHistory:
    """What the charts of a screen need: every indicator, the frozen figures of the groups
    read, and each indicator's targets, from ``first`` up to and including ``until``."""

    first: date
    until: date
    indicators: list[Indicator]
    figures: dict[FigureKey, dict[date, MonthFigure]] = field(default_factory=dict)
    targets: dict[int, list[TargetPeriod]] = field(default_factory=dict)

    @property
    def first_frozen(self) -> date | None:
        """The earliest month with any frozen figure in the period read."""
        return min((m for months in self.figures.values() for m in months), default=None)


def last_ended_month(today: date) -> date:
    """The latest month that can be frozen: the one before ``today``'s."""
    return add_months(month_start(today), -1)


def goal_history(
    *,
    until: date,
    department_ids: Collection[int] = (),
    months: int = MAX_MONTHS,
) -> GoalHistory:
    """The frozen figures of the ``months`` months up to and including ``until``: the
    organisation's, and those of ``department_ids`` (none: the organisation only). Four
    queries: the indicators, the snapshots with their definition, their figures of those
    groups, the targets."""
    until = month_start(until)
    first = add_months(until, -(months - 1))
    indicators = list(Indicator.objects.order_by("sort_order", "key"))
    groups = Q(is_organisation=True)
    if department_ids:
        groups |= Q(is_organisation=False, department_id__in=list(department_ids))
    snapshots = (
        IndicatorSnapshot.objects.filter(month__gte=first, month__lte=until)
        .select_related("definition")
        .prefetch_related(
            Prefetch(
                "figures",
                queryset=SnapshotFigure.objects.filter(groups).only(
                    "snapshot_id",
                    "is_organisation",
                    "department_id",
                    "breakdown",
                    "value",
                    "suppressed",
                ),
            )
        )
        .order_by("month")
    )
    figures: dict[FigureKey, dict[date, MonthFigure]] = defaultdict(dict)
    for snapshot in snapshots:
        for figure in snapshot.figures.all():
            group = None if figure.is_organisation else figure.department_id
            figures[(snapshot.indicator_id, group, figure.breakdown)][snapshot.month] = MonthFigure(
                month=snapshot.month,
                version=snapshot.definition.version,
                value=figure.value,
                suppressed=figure.suppressed,
            )
    targets: dict[int, list[TargetPeriod]] = defaultdict(list)
    for indicator_id, first_month, last_month, value in (
        Target.objects.filter(first_month__lte=until, last_month__gte=first)
        .order_by("first_month")
        .values_list("indicator_id", "first_month", "last_month", "target_value")
    ):
        targets[indicator_id].append(TargetPeriod(first_month, last_month, value))
    return GoalHistory(
        first=first,
        until=until,
        indicators=indicators,
        figures=dict(figures),
        targets=dict(targets),
    )
