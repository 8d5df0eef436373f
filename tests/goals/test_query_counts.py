"""Each indicator's computation for a month runs the same number of queries for a small and a
larger organisation (and so does freezing a month)."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from modules.awareness.models import SessionKind
from modules.goals.models import Indicator
from modules.goals.selectors import month_figures
from modules.goals.services import snapshot_month
from tests.factories import DepartmentFactory, a_session
from tests.goals.builders import MONTH, QuizDesk, at, attend, complete, onboarding_module, person

pytestmark = pytest.mark.django_db


def grow(count: int, *, module, session, desk) -> None:
    """``count`` more people over two new departments, each with a start in the period, a
    completion, an attendance and a quiz."""
    departments = [DepartmentFactory(), DepartmentFactory()]
    for i in range(count):
        user = person(departments[i % 2], start=date(2026, 5, 1))
        complete(user, module, date(2026, 5, 10))
        attend(user, session, date(2026, 6, 1))
        desk.answered(user, date(2026, 6, 2), [("melden", 1), ("drugs", i % 2)])


def queries_per_indicator() -> dict[str, int]:
    counts = {}
    for indicator in Indicator.objects.prefetch_related("definitions"):
        with CaptureQueriesContext(connection) as captured:
            month_figures(indicator=indicator, month=MONTH, against_frozen=False)
        counts[indicator.key] = len(captured)
    return counts


def test_the_computations_and_freezing_do_not_grow_with_the_organisation():
    module = onboarding_module()
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=at(date(2026, 6, 1)))
    desk = QuizDesk()
    grow(6, module=module, session=session, desk=desk)
    small = queries_per_indicator()
    # Each freeze below has one frozen month before it to compare with (the differencing
    # check recomputes the last shown month's people).
    snapshot_month(month=date(2026, 7, 1))
    with CaptureQueriesContext(connection) as freezing_small:
        snapshot_month(month=date(2026, 8, 1))
    grow(30, module=module, session=session, desk=desk)
    assert queries_per_indicator() == small
    assert max(small.values()) <= 4
    with CaptureQueriesContext(connection) as freezing_large:
        snapshot_month(month=MONTH)
    assert len(freezing_large) == len(freezing_small)
