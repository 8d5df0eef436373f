"""Reads for goals: which definition applies to a month, the live figures of a month, the
frozen snapshots and the targets. Each in a fixed number of queries per indicator."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet

from accounts.models import Department
from accounts.selectors import ReportScope
from modules.goals.indicators import (
    IndicatorResult,
    Published,
    compute,
    counts_people,
    month_end,
    month_start,
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
    hidden where freezing would hide them (``against_frozen``: also a group that differs by
    one to four people from a frozen month in which it was shown, see
    :func:`published_months`); None when no definition applied yet in that month."""
    definition = definition_for(indicator=indicator, month=month)
    if definition is None:
        return None
    return compute(
        key=indicator.key,
        version=definition.version,
        parameters=definition.parameters,
        month=month,
        published=published_months(indicator=indicator, besides=month) if against_frozen else (),
    )


def published_months(*, indicator: Indicator, besides: date) -> list[Published]:
    """What every frozen month of ``indicator`` other than ``besides`` showed: per shown
    group its people and numerator as stored at freezing (one query, whatever the number of
    months). The
    people are those counted then, in the department they were in then; a month frozen
    before they were stored gives the groups' sizes instead."""
    rows = (
        SnapshotFigure.objects.filter(snapshot__indicator=indicator)
        .exclude(snapshot__month=month_start(besides))
        .values_list(
            "snapshot__month",
            "is_organisation",
            "department_id",
            "breakdown",
            "group_size",
            "suppressed",
            "members",
            "numerator",
        )
    )
    return Published.from_rows(
        (
            (
                month,
                (is_org, None if is_org else department_id, part),
                suppressed,
                members,
                size,
                numerator,
            )
            for month, is_org, department_id, part, size, suppressed, members, numerator in rows
        ),
        counts_people=counts_people(indicator.key),
    )


def snapshots(*, indicator: Indicator | None = None) -> QuerySet[IndicatorSnapshot]:
    """Frozen months, newest first, with their definition and figures (three queries)."""
    rows = IndicatorSnapshot.objects.select_related("indicator", "definition").prefetch_related(
        # The stored people are for comparing months only: never read for a screen or export.
        Prefetch("figures", queryset=SnapshotFigure.objects.defer("members"))
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


def departments_to_choose(*, scope: ReportScope) -> list[Department]:
    """The active departments a viewer may choose on the dashboard (one query)."""
    if scope.is_empty:
        return []
    departments = Department.objects.filter(is_active=True).order_by("name").only("pk", "name")
    if not scope.everybody:
        departments = departments.filter(pk__in=scope.department_ids)
    return list(departments)
