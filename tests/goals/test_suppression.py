"""Small groups: a group of one to four people has no figure (nor has one where one to four
people meet it or do not: see test_review_cases.py), neither does the smallest other
department while the hidden ones could be worked out from the organisation's figure, and a
frozen month stores a hidden figure without its counts."""

from __future__ import annotations

from datetime import date

import pytest

from modules.awareness.models import SessionKind
from modules.goals.indicators import SESSION_ATTENDED
from modules.goals.models import Indicator, SnapshotFigure
from modules.goals.selectors import month_figures
from modules.goals.services import snapshot_month
from tests.factories import DepartmentFactory, a_session
from tests.goals.builders import MONTH, at, attend, person

pytestmark = pytest.mark.django_db


def staff(department, count: int, attended: int, session):
    people = [person(department) for _ in range(count)]
    for user in people[:attended]:
        attend(user, session, date(2026, 3, 1))


@pytest.fixture
def session():
    return a_session(kind=SessionKind.BEWUSTWORDING, starts_at=at(date(2026, 3, 1)))


def result():
    indicator = Indicator.objects.prefetch_related("definitions").get(key=SESSION_ATTENDED)
    return month_figures(indicator=indicator, month=MONTH)


def groot_midden_klein(session, *sizes: tuple[int, int]):
    """Departments Groot, Midden and Klein with (people, attended) each."""
    departments = [DepartmentFactory(name=name) for name in ("Groot", "Midden", "Klein")]
    for department, (count, attended) in zip(departments, sizes, strict=True):
        staff(department, count, attended, session)
    return departments


def test_a_department_under_five_is_hidden_and_so_is_the_next_smallest(session):
    big, middle, small = groot_midden_klein(session, (12, 6), (10, 5), (2, 1))
    figures = result()
    hidden = figures.department(small.pk)
    assert hidden.suppressed
    assert (hidden.group_size, hidden.numerator, hidden.denominator, hidden.value) == (None,) * 4
    # Organisation minus Groot and Midden would give Klein back: Midden is hidden too.
    assert figures.department(middle.pk).suppressed
    assert not figures.department(big.pk).suppressed
    organisation = figures.organisation()
    assert (organisation.numerator, organisation.denominator) == (12, 24)


def test_an_organisation_under_five_shows_nothing(session):
    team = DepartmentFactory(name="Team")
    staff(team, 4, 2, session)
    figures = result()
    assert figures.organisation().suppressed and figures.department(team.pk).suppressed


def test_an_empty_department_is_not_a_small_group(session):
    DepartmentFactory(name="Leeg")
    team = DepartmentFactory(name="Team")
    staff(team, 10, 5, session)
    figures = result()
    empty = next(f for f in figures.figures if f.department_name == "Leeg")
    assert not empty.suppressed and empty.value is None and empty.group_size == 0
    assert not figures.department(team.pk).suppressed


def test_a_frozen_hidden_figure_keeps_no_counts(session):
    staff(DepartmentFactory(name="Groot"), 10, 5, session)
    staff(DepartmentFactory(name="Klein"), 3, 3, session)
    snapshot_month(month=MONTH)
    hidden = SnapshotFigure.objects.filter(
        suppressed=True, snapshot__indicator__key=SESSION_ATTENDED
    )
    assert {f.department_name for f in hidden} == {"Groot", "Klein"}
    assert all(f.numerator is None and f.group_size is None and f.value is None for f in hidden)
    organisation = SnapshotFigure.objects.get(
        snapshot__indicator__key=SESSION_ATTENDED, is_organisation=True
    )
    assert (organisation.numerator, organisation.denominator) == (8, 13)


def test_the_hidden_departments_together_must_not_give_a_few_absentees_back(session):
    """Klein (two people, one absent) is hidden; hiding the next smallest, Midden (five, all
    present), is not enough: together they would still show one absentee (organisation minus
    Groot), so Groot goes too, and the organisation's figure is all that is left."""
    big, middle, small = (
        DepartmentFactory(name="Groot"),
        DepartmentFactory(name="Midden"),
        DepartmentFactory(name="Klein"),
    )
    staff(big, 10, 5, session)
    staff(middle, 5, 5, session)
    staff(small, 2, 1, session)
    figures = result()
    assert all(figures.department(d.pk).suppressed for d in (big, middle, small))
    organisation = figures.organisation()
    assert (organisation.numerator, organisation.denominator) == (11, 17)


def test_hidden_departments_that_all_met_it_are_not_given_back_by_the_rest(session):
    """Klein (2 of 2) and Midden (6 of 6, hidden with it) together: 8 of 8. Shown next to the
    organisation's 14 of 20, Groot's 6 of 12 would tell that everybody in Klein attended, so
    Groot is hidden too (core.privacy.all_or_none)."""
    big, middle, small = groot_midden_klein(session, (12, 6), (6, 6), (2, 2))
    figures = result()
    assert [figures.department(d.pk).suppressed for d in (big, middle, small)] == [True] * 3
    organisation = figures.organisation()
    assert (organisation.numerator, organisation.denominator) == (14, 20)


def test_all_or_none_hides_nothing_more_when_the_organisation_says_so_itself(session):
    big, middle, small = groot_midden_klein(session, (12, 12), (6, 6), (2, 2))
    figures = result()
    assert [figures.department(d.pk).suppressed for d in (big, middle, small)] == [
        False,
        True,
        True,
    ]
    assert figures.organisation().value == 100
