"""No pair of published months gives a few people's figure back: a group whose people differ by
one to four from the last month its figure was shown is hidden in the new month (20 people
with 10 attended, then 21 with 11, says the newcomer attended); compared with the last shown
month, changes add up, and at five or more the group shows again."""

from __future__ import annotations

from datetime import date

import pytest

from modules.awareness.models import SessionKind
from modules.goals.indicators import SESSION_ATTENDED
from modules.goals.models import SnapshotFigure
from modules.goals.services import snapshot_month
from tests.factories import DepartmentFactory, a_session
from tests.goals.builders import at, attend, person

pytestmark = pytest.mark.django_db

AUGUST, SEPTEMBER, OCTOBER, NOVEMBER = (date(2026, m, 1) for m in (8, 9, 10, 11))


def frozen(month: date) -> dict:
    """The session indicator's figures of ``month``: (organisation?, department id) -> figure."""
    return {
        (figure.is_organisation, figure.department_id): figure
        for figure in SnapshotFigure.objects.filter(
            snapshot__indicator__key=SESSION_ATTENDED, snapshot__month=month
        )
    }


def test_a_group_that_changed_by_one_to_four_people_is_hidden_until_the_change_is_five():
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=at(date(2026, 3, 1)))
    newcomers_at, steady = DepartmentFactory(name="Groeit"), DepartmentFactory(name="Blijft")
    for department in (newcomers_at, steady):
        people = [person(department) for _ in range(20)]
        for user in people[:10]:
            attend(user, session, date(2026, 3, 1))
    snapshot_month(month=AUGUST)
    august = frozen(AUGUST)
    assert august[(False, newcomers_at.pk)].numerator == 10
    assert august[(True, None)].group_size == 40

    # One starter in September, who attended: the pair August/September would say so.
    starter = person(newcomers_at, start=date(2026, 9, 1))
    attend(starter, session, date(2026, 9, 5))
    snapshot_month(month=SEPTEMBER)
    september = frozen(SEPTEMBER)
    for group in ((False, newcomers_at.pk), (True, None)):
        figure = september[group]
        assert figure.suppressed, group
        assert (figure.group_size, figure.numerator, figure.value) == (None, None, None)
    unchanged = september[(False, steady.pk)]
    assert not unchanged.suppressed and (unchanged.group_size, unchanged.numerator) == (20, 10)

    # Three more in October: four since August (the last month shown), still hidden.
    for _ in range(3):
        person(newcomers_at, start=date(2026, 10, 1))
    snapshot_month(month=OCTOBER)
    assert frozen(OCTOBER)[(False, newcomers_at.pk)].suppressed

    # One more in November: five since August, shown again with its real counts.
    person(newcomers_at, start=date(2026, 11, 1))
    snapshot_month(month=NOVEMBER, now=at(date(2026, 12, 2)))
    november = frozen(NOVEMBER)
    shown = november[(False, newcomers_at.pk)]
    assert not shown.suppressed
    assert (shown.group_size, shown.numerator) == (25, 11)
    assert november[(True, None)].group_size == 45
