"""The demo's history for the goals (``demo.history_steps``, on the package's shared demo):
starters in every month, late and failed quizzes and retakes, sessions across the year,
leavers, a definition change, example targets met and missed, and 18 frozen months whose
figures are what the indicators compute from the demo's data."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.utils import timezone

from accounts.models import User
from core.dates import add_months
from demo.content.history import FROZEN_MONTHS, ONBOARDING_SINCE_MONTHS
from demo.loader import demo_email
from modules.awareness.models import Registration, SessionKind
from modules.goals.indicators import ONBOARDING, compute, month_start
from modules.goals.models import Indicator, IndicatorSnapshot, Target
from modules.goals.selectors import definition_for, published_months, target_for
from modules.learning.models import Enrolment
from quizzes.models import Attempt, AttemptStatus

pytestmark = pytest.mark.django_db


def frozen_months(today) -> list:
    this_month = month_start(today)
    return [add_months(this_month, -n) for n in range(FROZEN_MONTHS, 0, -1)]


def test_people_started_in_every_month_and_some_left(demo_today):
    since = add_months(month_start(demo_today), -ONBOARDING_SINCE_MONTHS)
    starts = User.objects.filter(start_date__gte=since).values_list("start_date", flat=True)
    months = {month_start(day) for day in starts}
    assert {add_months(since, n) for n in range(ONBOARDING_SINCE_MONTHS)} <= months
    leavers = User.objects.filter(end_date__lt=demo_today, is_active=False)
    assert leavers.count() >= 2
    assert all(user.email.endswith(".test") for user in User.objects.all())


def test_onboarding_has_late_and_failed_quizzes_and_retakes(demo_today):
    onboarding = Enrolment.objects.filter(module__title="Ondermijning herkennen en melden")
    history = onboarding.filter(completed_at__date__lt=demo_today - timedelta(days=60))
    assert history.count() >= 30
    late = [
        e
        for e in history.select_related("user")
        if timezone.localdate(e.completed_at) > e.user.start_date + timedelta(days=30)
    ]
    assert len(late) >= 3
    failed = Attempt.objects.filter(
        status=AttemptStatus.SUBMITTED,
        passed=False,
        submitted_at__date__lt=demo_today - timedelta(days=30),
    )
    assert failed.count() >= 3
    retaken = failed.filter(enrolment__completed_at__isnull=False)
    assert retaken.exists()
    for attempt in Attempt.objects.filter(enrolment__in=history, passed=True)[:20]:
        # The passing attempt is the moment the round completed, in the story's past.
        assert attempt.submitted_at == attempt.enrolment.completed_at


def test_bewustwordingssessies_across_the_year_with_attendance(demo_today):
    attended = Registration.objects.filter(
        session__kind=SessionKind.BEWUSTWORDING,
        attended_at__date__lt=demo_today,
        attended_at__date__gte=add_months(demo_today, -FROZEN_MONTHS),
    ).values_list("attended_at", flat=True)
    months = {month_start(timezone.localdate(moment)) for moment in attended}
    assert len(months) >= 6


def test_eighteen_frozen_months_are_the_indicators_honest_figures(demo_today):
    """Each frozen month holds what the indicator computes from the demo's data for that
    month (with the version of that month), frozen on the 1st of the month after; the
    organisation's figure is shown in the last month and in six months at least
    (honestly hidden: a month whose people differ by one to four from a month shown, and a
    month beside which the newcomers since, or the leavers, are a figure of their own that
    names one to four: ten more starters and six more who met the onboarding goal say that
    four did not. The demo's small organisation, a few starters a month of whom most meet
    it, has that now and then), departments' figures in the last."""
    months = frozen_months(demo_today)
    indicators = list(Indicator.objects.all())
    assert len(indicators) == 4
    shown = {}
    for indicator in indicators:
        hidden = []
        published = published_months(indicator=indicator, besides=date(1900, 1, 1))
        snapshots = {
            s.month: s
            for s in IndicatorSnapshot.objects.filter(indicator=indicator).select_related(
                "definition"
            )
        }
        assert sorted(snapshots) == months, indicator.key
        for month, snapshot in snapshots.items():
            assert timezone.localdate(snapshot.frozen_at) == add_months(month, 1)
            # Worked out again beside the months frozen before it, as freezing did (beside
            # the later ones too, the greedy widening may pick other departments).
            definition = snapshot.definition
            live = compute(
                key=indicator.key,
                version=definition.version,
                parameters=definition.parameters,
                month=month,
                published=[p for p in published if p.when < month],
            )
            assert definition == definition_for(indicator=indicator, month=month)
            stored = {
                (f.is_organisation, f.department_id, f.breakdown): (f.value, f.suppressed)
                for f in snapshot.figures.all()
            }
            assert stored == {
                (f.is_organisation, f.department_id, f.breakdown): (f.value, f.suppressed)
                for f in live.figures
            }, (indicator.key, month)
            organisation = [f for f in live.figures if f.is_organisation]
            assert organisation
            if any(f.suppressed for f in organisation):
                hidden.append(month)
        assert len(months) - len(hidden) >= 6 and months[-1] not in hidden, (indicator.key, hidden)
        last = snapshots[months[-1]]
        shown[indicator.key] = last.figures.filter(is_organisation=False, suppressed=False)
    # Departments of about twenty, with a starter or leaver most months: a department whose
    # people changed by one to four since a month shown is hidden, and so is one beside
    # which the change is a figure of its own naming a few; some show all the same.
    assert sum(figures.count() for figures in shown.values()) >= len(shown) * 2, shown


def test_the_onboarding_definition_changed_eight_months_ago(demo_today):
    indicator = Indicator.objects.get(key=ONBOARDING)
    first, second = indicator.definitions.order_by("version")
    assert second.version == 2 and second.parameters["months"] == 6
    assert first.parameters["months"] == 12
    assert second.valid_from == add_months(month_start(demo_today), -8)
    versions = [
        s.definition.version
        for s in IndicatorSnapshot.objects.filter(indicator=indicator).order_by("month")
    ]
    assert versions == sorted(versions) and set(versions) == {1, 2}


def test_example_targets_by_the_kernteam_some_met_some_missed(demo_today):
    kernteam = User.objects.get(email=demo_email("kernteam"))
    targets = Target.objects.all()
    keys = set(Indicator.objects.values_list("key", flat=True))
    assert {t.indicator.key for t in targets} == keys
    assert all(t.owner == kernteam and t.set_by == kernteam for t in targets)
    assert all(t.rationale.startswith("Voorbeeld") for t in targets)
    met, missed = set(), set()
    for snapshot in IndicatorSnapshot.objects.select_related("indicator"):
        target = target_for(indicator=snapshot.indicator, month=snapshot.month)
        assert target is not None
        for figure in snapshot.figures.filter(is_organisation=True, suppressed=False):
            (met if figure.value >= target.target_value else missed).add(snapshot.indicator.key)
    assert len(met) >= 2 and len(missed) >= 2
