"""Writes for goals: freezing a month, adding a definition version, setting targets.

Every write checks its input and raises a ``ValidationError`` with a Dutch message before it
stores anything; a frozen month and a stored definition are never changed.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role
from modules.goals.indicators import compute, has_computation, month_end, month_start
from modules.goals.models import (
    Indicator,
    IndicatorDefinition,
    IndicatorSnapshot,
    SnapshotFigure,
    Target,
)
from modules.goals.selectors import definition_for, indicators_with_definitions, published_months


def snapshot_month(*, month: date, now: datetime | None = None) -> list[IndicatorSnapshot]:
    """Freeze every indicator's figures of ``month`` (organisation and each department), with
    the definition version that applied on its last day and the moment of freezing.

    Only a month that has ended can be frozen. An indicator whose month is frozen already
    keeps its snapshot: this returns the stored one unchanged, also when a concurrent run got
    there first, so running it twice (or on two nodes) is harmless and a published month never
    moves when the data changes later. An indicator without a definition for that month is
    left out.
    """
    now = now or timezone.now()
    first = month_start(month)
    if month_end(first) >= timezone.localdate(now):
        raise ValidationError(_("A month can be frozen only after it has ended."))
    existing = {
        snapshot.indicator_id: snapshot
        for snapshot in IndicatorSnapshot.objects.filter(month=first)
    }
    frozen = []
    for indicator in indicators_with_definitions():
        if indicator.pk in existing:
            frozen.append(existing[indicator.pk])
            continue
        definition = definition_for(indicator=indicator, month=first)
        if definition is None:
            continue
        frozen.append(_freeze(indicator=indicator, definition=definition, month=first, now=now))
    return frozen


def _freeze(
    *, indicator: Indicator, definition: IndicatorDefinition, month: date, now: datetime
) -> IndicatorSnapshot:
    try:
        with transaction.atomic():
            # The lock definition_add_version takes: a version added while this month is
            # being frozen waits, and sees the frozen month when it checks.
            Indicator.objects.select_for_update().get(pk=indicator.pk)
            stored = IndicatorSnapshot.objects.filter(indicator=indicator, month=month).first()
            if stored is not None:  # another run froze it while this one waited
                return stored
            definition = (
                indicator.definitions.filter(valid_from__lte=month_end(month))
                .order_by("-version")
                .first()
            ) or definition
            # Against every other frozen month: no pair of published months may give the
            # figure of one to four people back (indicators.compute).
            result = compute(
                key=indicator.key,
                version=definition.version,
                parameters=definition.parameters,
                month=month,
                published=published_months(indicator=indicator, besides=month),
            )
            snapshot = IndicatorSnapshot.objects.create(
                indicator=indicator, definition=definition, month=month, frozen_at=now
            )
            SnapshotFigure.objects.bulk_create(
                SnapshotFigure(
                    snapshot=snapshot,
                    is_organisation=figure.is_organisation,
                    department_id=figure.department_id,
                    department_name=figure.department_name,
                    breakdown=figure.breakdown,
                    group_size=figure.group_size,
                    numerator=figure.numerator,
                    denominator=figure.denominator,
                    value=figure.value,
                    suppressed=figure.suppressed,
                    members=[] if figure.suppressed else sorted(figure.members),
                )
                for figure in result.figures
            )
            return snapshot
    except IntegrityError:  # another run froze this month first: theirs stands
        return IndicatorSnapshot.objects.get(indicator=indicator, month=month)


@transaction.atomic
def definition_add_version(
    *,
    indicator: Indicator,
    numerator: str,
    denominator: str,
    period: str,
    exclusions: str,
    parameters: dict,
    valid_from: date,
) -> IndicatorDefinition:
    """A new written definition of ``indicator``, valid from ``valid_from`` on; the earlier
    versions and every snapshot made with them stay as they are. The code must know the new
    version (:func:`modules.goals.indicators.computation`)."""
    Indicator.objects.select_for_update().get(pk=indicator.pk)
    latest = indicator.definitions.order_by("-version").first()
    version = latest.version + 1 if latest else 1
    if not has_computation(indicator.key, version):
        raise ValidationError(
            _("There is no computation for version %(version)d of this indicator yet.")
            % {"version": version}
        )
    if latest is not None and valid_from <= latest.valid_from:
        raise ValidationError(
            _("A new version must start after the previous one (%(date)s).")
            % {"date": latest.valid_from.strftime("%d-%m-%Y")}
        )
    # A version applies to every month whose last day it covers: not to a frozen one, whose
    # figures were computed with the version before (they would no longer match their text).
    last_frozen = (
        IndicatorSnapshot.objects.filter(indicator=indicator)
        .order_by("-month")
        .values_list("month", flat=True)
        .first()
    )
    if last_frozen is not None and valid_from <= month_end(last_frozen):
        raise ValidationError(
            _(
                "The months up to and including %(month)s are frozen already: a new version can "
                "start on %(date)s at the earliest."
            )
            % {
                "month": last_frozen.strftime("%m-%Y"),
                "date": (month_end(last_frozen) + timedelta(days=1)).strftime("%d-%m-%Y"),
            }
        )
    texts = {
        "numerator": numerator,
        "denominator": denominator,
        "period": period,
        "exclusions": exclusions,
    }
    missing = {
        name: _("Write this part of the definition.") for name, t in texts.items() if not t.strip()
    }
    if missing:
        raise ValidationError(missing)
    return IndicatorDefinition.objects.create(
        indicator=indicator,
        version=version,
        parameters=parameters,
        valid_from=valid_from,
        **{name: text.strip() for name, text in texts.items()},
    )


def _target_errors(
    *,
    indicator: Indicator,
    first_month: date,
    last_month: date,
    target_value: Decimal,
    owner: User,
    rationale: str,
    exclude_pk: int | None,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    if last_month < first_month:
        errors["last_month"] = _("The last month comes before the first month.")
    if not Decimal(0) <= target_value <= Decimal(100):
        errors["target_value"] = _("A target is a percentage from 0 to 100.")
    if not owner.is_active or owner.has_role(Role.RAADSLID):
        errors["owner"] = _("Choose an active colleague as the owner (not a council member).")
    if not rationale.strip():
        errors["rationale"] = _("Say in a few words why this target was chosen.")
    if "last_month" not in errors:
        overlapping = Target.objects.filter(
            indicator=indicator, first_month__lte=last_month, last_month__gte=first_month
        )
        if exclude_pk is not None:
            overlapping = overlapping.exclude(pk=exclude_pk)
        other = overlapping.first()
        if other is not None:
            errors["first_month"] = _(
                "This indicator already has a target for %(period)s. Periods may not overlap."
            ) % {"period": other.period_label}
    return errors


def last_frozen_month_of(target: Target) -> date | None:
    """The last frozen month measured against ``target`` as stored, or None."""
    return (
        IndicatorSnapshot.objects.filter(
            indicator_id=target.indicator_id,
            month__gte=target.first_month,
            month__lte=target.last_month,
        )
        .order_by("-month")
        .values_list("month", flat=True)
        .first()
    )


def _frozen_target_errors(
    *,
    stored: Target,
    indicator: Indicator,
    first_month: date,
    last_month: date,
    target_value: Decimal,
) -> dict[str, str]:
    """A target that frozen months were measured against keeps what they were measured
    against: its indicator, start and value, and its months up to the last frozen one. A new
    goal for the months to come is a new target after this one ends; otherwise a chart would
    say "gehaald" of a month against a value set afterwards."""
    last_frozen = last_frozen_month_of(stored)
    if last_frozen is None:
        return {}
    frozen = {"month": last_frozen.strftime("%m-%Y")}
    errors: dict[str, str] = {}
    if indicator.pk != stored.indicator_id:
        errors["indicator"] = (
            _(
                "Months up to and including %(month)s were measured against this target: its "
                "indicator stays."
            )
            % frozen
        )
    if first_month != stored.first_month:
        errors["first_month"] = (
            _(
                "Months up to and including %(month)s were measured against this target: its "
                "first month stays."
            )
            % frozen
        )
    if target_value != stored.target_value:
        errors["target_value"] = (
            _(
                "Months up to and including %(month)s were measured against this target: its "
                "value stays. For a new value, let this target end and add a new one."
            )
            % frozen
        )
    if last_month < last_frozen:
        errors["last_month"] = (
            _(
                "Months up to and including %(month)s were measured against this target: it "
                "cannot end before then."
            )
            % frozen
        )
    return errors


@transaction.atomic
def target_save(
    *,
    target: Target | None,
    indicator: Indicator,
    first_month: date,
    last_month: date,
    target_value: Decimal,
    owner: User,
    rationale: str,
    set_by: User,
) -> Target:
    """Create a target (``target`` None) or change one, recording who set it. The months are
    taken as whole months; the period may not overlap another target of the indicator; a
    target that frozen months were measured against keeps its indicator, start, value and
    months up to the last frozen one (:func:`_frozen_target_errors`). On any error nothing
    is saved."""
    # Lock the indicator: two kernteam members saving overlapping periods at once wait here.
    Indicator.objects.select_for_update().get(pk=indicator.pk)
    first_month, last_month = month_start(first_month), month_start(last_month)
    errors = _target_errors(
        indicator=indicator,
        first_month=first_month,
        last_month=last_month,
        target_value=target_value,
        owner=owner,
        rationale=rationale,
        exclude_pk=target.pk if target is not None else None,
    )
    if target is not None and target.pk is not None:
        errors |= _frozen_target_errors(
            stored=Target.objects.get(pk=target.pk),
            indicator=indicator,
            first_month=first_month,
            last_month=last_month,
            target_value=target_value,
        )
    if errors:
        raise ValidationError(errors)
    target = target or Target()
    target.indicator = indicator
    target.first_month = first_month
    target.last_month = last_month
    target.target_value = target_value
    target.owner = owner
    target.rationale = rationale.strip()
    target.set_by = set_by
    target.set_by_label = str(set_by)
    target.save()
    return target
