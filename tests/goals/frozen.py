"""Frozen months written directly, with chosen values, for the chart and dashboard tests (the
freezing itself, from real data, is tested in test_snapshots.py and used where the figures
must follow from the data)."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

from django.utils import timezone

from core.dates import add_months
from modules.goals.indicators import month_start
from modules.goals.models import Indicator, IndicatorSnapshot, SnapshotFigure
from modules.goals.services import target_save

HIDDEN = None


def last_ended() -> date:
    return add_months(month_start(timezone.localdate()), -1)


def months_back(count: int) -> list[date]:
    """The ``count`` months up to and including the last ended one, oldest first."""
    until = last_ended()
    return [add_months(until, -offset) for offset in range(count - 1, -1, -1)]


def freeze(
    indicator: Indicator,
    month: date,
    organisation: str | Decimal | None,
    departments: dict | None = None,
    *,
    breakdown: str = "",
    version: int = 1,
) -> IndicatorSnapshot:
    """A frozen month of ``indicator`` with the organisation's value and each department's
    (``HIDDEN``: a small group, stored hidden). Adds to the month's snapshot if it exists."""
    snapshot, _created = IndicatorSnapshot.objects.get_or_create(
        indicator=indicator,
        month=month,
        defaults={
            "definition": indicator.definitions.get(version=version),
            "frozen_at": timezone.make_aware(datetime.combine(add_months(month, 1), time(1))),
        },
    )
    rows = [(True, None, organisation)] + [
        (False, department, value) for department, value in (departments or {}).items()
    ]
    for is_organisation, department, value in rows:
        hidden = value is HIDDEN
        SnapshotFigure.objects.create(
            snapshot=snapshot,
            is_organisation=is_organisation,
            department=department,
            department_name=department.name if department else "",
            breakdown=breakdown,
            group_size=None if hidden else 10,
            numerator=None if hidden else Decimal(value) / 10,
            denominator=None if hidden else Decimal(10),
            value=None if hidden else Decimal(value),
            suppressed=hidden,
        )
    return snapshot


def a_target(indicator: Indicator, first: date, last: date, value: str, *, by) -> None:
    target_save(
        target=None,
        indicator=indicator,
        first_month=first,
        last_month=last,
        target_value=Decimal(value),
        owner=by,
        rationale="Afspraak uit het plan van aanpak.",
        set_by=by,
    )
