"""Reads for goals: which definition applies to a month, the live figures of a month, the
frozen snapshots and the targets. Each in a fixed number of queries per indicator."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet

from modules.goals.indicators import (
    EarlierPeople,
    IndicatorResult,
    Tallies,
    compute,
    has_computation,
    month_end,
    month_start,
    people_of,
    tallies_of,
)
from modules.goals.models import (
    Indicator,
    IndicatorDefinition,
    IndicatorSnapshot,
    SnapshotFigure,
    Target,
)


def indicators_with_definitions() -> list[Indicator]:
    """Every indicator with its definitions, oldest version first (two queries)."""
    return list(
        Indicator.objects.prefetch_related(
            Prefetch("definitions", queryset=IndicatorDefinition.objects.order_by("version"))
        )
    )


def definition_for(*, indicator: Indicator, month: date) -> IndicatorDefinition | None:
    """The version valid on the month's last day: the latest one that started by then. Reads
    the prefetched definitions when there are any."""
    last_day = month_end(month)
    valid = [d for d in indicator.definitions.all() if d.valid_from <= last_day]
    return max(valid, key=lambda d: d.version, default=None)


def month_figures(
    *, indicator: Indicator, month: date, against_frozen: bool = True
) -> IndicatorResult | None:
    """The indicator's figures for ``month`` as they follow from the data now (not frozen),
    hidden where freezing would hide them (``against_frozen``: also a group that changed by
    one to four people since the last earlier frozen month it was shown, see
    :func:`earlier_people`); None when no definition applied yet in that month."""
    definition = definition_for(indicator=indicator, month=month)
    if definition is None:
        return None
    return compute(
        key=indicator.key,
        version=definition.version,
        parameters=definition.parameters,
        month=month,
        earlier=earlier_people(indicator=indicator, month=month) if against_frozen else None,
    )


def earlier_people(*, indicator: Indicator, month: date) -> EarlierPeople:
    """Each group's people in the last frozen month before ``month`` in which its figure was
    shown, recomputed from the data by that month's definition (the snapshots keep no names).
    One read of the earlier figures, then one computation per month that is needed (mostly
    just last month)."""
    last_shown: dict[tuple[bool, int | None, str], IndicatorSnapshot] = {}
    for figure in (
        SnapshotFigure.objects.filter(
            snapshot__indicator=indicator, snapshot__month__lt=month, suppressed=False
        )
        .select_related("snapshot__definition")
        .order_by("-snapshot__month")
    ):
        group = (figure.is_organisation, figure.department_id, figure.breakdown)
        last_shown.setdefault(group, figure.snapshot)
    computed: dict[date, Tallies] = {}
    earlier: EarlierPeople = {}
    for (is_organisation, department_id, breakdown), snapshot in last_shown.items():
        definition = snapshot.definition
        if not has_computation(indicator.key, definition.version):
            continue
        if snapshot.month not in computed:
            computed[snapshot.month] = tallies_of(
                key=indicator.key,
                version=definition.version,
                parameters=definition.parameters,
                month=snapshot.month,
            )
        earlier[(is_organisation, department_id, breakdown)] = people_of(
            computed[snapshot.month],
            is_organisation=is_organisation,
            department_id=department_id,
            breakdown=breakdown,
        )
    return earlier


def snapshots(*, indicator: Indicator | None = None) -> QuerySet[IndicatorSnapshot]:
    """Frozen months, newest first, with their definition and figures (three queries)."""
    rows = IndicatorSnapshot.objects.select_related("indicator", "definition").prefetch_related(
        "figures"
    )
    if indicator is not None:
        rows = rows.filter(indicator=indicator)
    return rows.order_by("indicator__sort_order", "-month")


def frozen_months(*, month: date) -> set[int]:
    """The ids of the indicators whose figures of ``month`` are frozen already."""
    return set(
        IndicatorSnapshot.objects.filter(month=month_start(month)).values_list(
            "indicator_id", flat=True
        )
    )


def target_for(*, indicator: Indicator, month: date) -> Target | None:
    """The target a month is measured against (periods of one indicator never overlap)."""
    first = month_start(month)
    return (
        Target.objects.filter(indicator=indicator, first_month__lte=first, last_month__gte=first)
        .select_related("owner")
        .first()
    )
