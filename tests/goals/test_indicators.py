"""Each indicator's figure for a month equals a direct count of the test data, with leavers,
raadsleden, people without a department and people not yet in service left out as the
definition (version 1, from the data migration) says."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from modules.awareness.models import SessionKind
from modules.goals.indicators import (
    KNOWLEDGE_PER_THEME,
    ONBOARDING,
    REPORTING_ROUTE,
    SESSION_ATTENDED,
)
from modules.goals.models import Indicator
from modules.goals.selectors import definition_for, indicators_with_definitions, month_figures
from tests.factories import DepartmentFactory, a_session
from tests.goals.builders import (
    MONTH,
    QuizDesk,
    at,
    attend,
    complete,
    onboarding_module,
    person,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _nothing_hidden(settings):
    """These tests check the counting on small worlds; with a minimum group size of one no
    figure is hidden, so each one can be compared with the direct count. The hiding itself
    (at the real minimum of five) is tested in test_suppression.py and test_review_cases.py."""
    settings.WEERBAAR_MIN_GROUP_SIZE = 1


def figures(key: str, month: date = MONTH):
    indicator = Indicator.objects.prefetch_related("definitions").get(key=key)
    return month_figures(indicator=indicator, month=month)


def percent(part, whole) -> Decimal:
    return (Decimal(100) * Decimal(part) / Decimal(whole)).quantize(Decimal("0.1"))


def test_the_migration_wrote_four_indicators_with_a_first_definition():
    indicators = indicators_with_definitions()
    assert [i.key for i in indicators] == [
        ONBOARDING,
        SESSION_ATTENDED,
        KNOWLEDGE_PER_THEME,
        REPORTING_ROUTE,
    ]
    for indicator in indicators:
        definition = definition_for(indicator=indicator, month=MONTH)
        assert definition.version == 1
        assert definition.numerator and definition.denominator and definition.exclusions
        assert "raadsleden" in definition.exclusions


def test_onboarding_within_30_days():
    """Period: 30-day windows that ended from 1 October 2025 up to 30 September 2026."""
    module = onboarding_module(starters_from=date(2026, 1, 1))
    front, permits = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="Vergunningen")
    # (department, start date, completed on, counted): the direct computation below reads this.
    cases = []

    def starter(department, start, done, counted=True, **kwargs):
        user = person(department, start=start, **kwargs)
        if done is not None:
            complete(user, module, done)
        cases.append((department, start, done, counted))
        return user

    june = date(2026, 6, 1)
    for _ in range(4):
        starter(front, june, date(2026, 6, 20))
    starter(front, june, june + timedelta(days=30))  # the 30th day still counts
    starter(front, june, date(2026, 7, 15))  # late
    starter(front, june, None)  # never
    august = date(2026, 8, 15)
    for done in (date(2026, 8, 20), date(2026, 9, 1), date(2026, 9, 14), date(2026, 10, 1), None):
        starter(permits, august, done)  # the one of 1 October is late (and after the month)
    # Left out:
    starter(front, june, date(2026, 6, 20), counted=False, end=date(2026, 8, 31))  # a leaver
    starter(front, june, date(2026, 6, 20), counted=False, council=True)  # a raadslid
    starter(None, june, date(2026, 6, 20), counted=False)  # no department
    starter(front, date(2026, 9, 15), date(2026, 9, 20), counted=False)  # window not over
    starter(front, date(2025, 12, 15), date(2025, 12, 20), counted=False)  # before starters_from
    starter(front, date(2025, 8, 1), date(2025, 8, 5), counted=False)  # window ended before
    # the period (and the module was not yet assigned to this start date)

    def expected(department):
        rows = [c for c in cases if c[3] and (department is None or c[0] == department)]
        met = [c for c in rows if c[2] is not None and c[2] <= c[1] + timedelta(days=30)]
        return len(met), len(rows)

    result = figures(ONBOARDING)
    for department, figure in (
        (None, result.organisation()),
        (front, result.department(front.pk)),
        (permits, result.department(permits.pk)),
    ):
        met, total = expected(department)
        assert (figure.numerator, figure.denominator, figure.group_size) == (met, total, total)
        assert figure.value == percent(met, total)
    assert (result.organisation().numerator, result.organisation().denominator) == (8, 12)
    assert result.department(front.pk).value == Decimal("71.4")


def test_onboarding_needs_every_module_meant_for_the_starter():
    first, second = onboarding_module(), onboarding_module()
    team = DepartmentFactory(name="Wijkteam")
    people = [person(team, start=date(2026, 8, 1)) for _ in range(5)]
    for user in people:
        complete(user, first, date(2026, 8, 10))
    for user in people[:3]:
        complete(user, second, date(2026, 8, 12))
    organisation = figures(ONBOARDING).organisation()
    assert (organisation.numerator, organisation.denominator) == (3, 5)


def test_session_attended_in_the_last_12_months():
    """Period: 1 October 2025 up to and including 30 September 2026."""
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=at(date(2026, 3, 1)))
    talk = a_session(kind=SessionKind.GESPREK, starts_at=at(date(2026, 3, 2)))
    front, permits = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="Vergunningen")
    staff_front = [person(front) for _ in range(7)]
    attend(staff_front[0], session, date(2025, 10, 1))  # the period's first day
    attend(staff_front[1], session, date(2026, 9, 30))  # its last day
    attend(staff_front[2], session, date(2026, 3, 1))
    attend(staff_front[3], None, date(2026, 2, 1))  # a session deleted since
    attend(staff_front[4], session, date(2025, 9, 30))  # before the period
    attend(staff_front[5], talk, date(2026, 3, 2))  # a conversation, not a bewustwordingssessie
    later = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=at(date(2026, 10, 5)))
    attend(staff_front[6], later, date(2026, 10, 5))  # after the month
    staff_permits = [person(permits) for _ in range(5)]
    staff_permits.append(person(permits, end=date(2026, 10, 15)))  # left after the month
    for user in staff_permits:
        attend(user, session, date(2026, 3, 1))
    # Left out of numerator and denominator alike:
    attend(person(front, council=True), session, date(2026, 3, 1))
    attend(person(front, end=date(2026, 9, 30)), session, date(2026, 3, 1))
    attend(person(front, start=date(2026, 10, 1)), session, date(2026, 3, 1))
    attend(person(front, is_active=False), session, date(2026, 3, 1))  # off, no end date

    result = figures(SESSION_ATTENDED)
    front_figure = result.department(front.pk)
    assert (front_figure.numerator, front_figure.denominator) == (4, 7)
    assert front_figure.value == percent(4, 7)
    permits_figure = result.department(permits.pk)
    assert (permits_figure.numerator, permits_figure.denominator) == (6, 6)
    organisation = result.organisation()
    assert (organisation.numerator, organisation.denominator) == (10, 13)
    assert organisation.value == percent(10, 13)


def test_knowledge_per_theme():
    desk = QuizDesk()
    front, permits = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="Vergunningen")
    counted = []  # (department, theme, score)

    def answers(user, on, scores, *, department="", count=True, **kwargs):
        desk.answered(user, on, scores, department=department, **kwargs)
        if count:
            dept = user.department if department == "" else department
            counted.extend((dept, theme, Decimal(str(score))) for theme, score in scores)

    for i in range(5):
        answers(person(front), date(2026, 5, 1), [("drugs", 1), ("drugs", i / 4), ("melden", 1)])
    for i in range(5):
        answers(person(permits), date(2026, 9, 30), [("drugs", 0.5), ("melden", i % 2)])
    moved = person(permits)  # took the quiz while in Publiekszaken: counted there
    answers(moved, date(2026, 4, 1), [("drugs", 0)], department=front)
    # Left out:
    answers(person(front), date(2025, 9, 30), [("drugs", 0)], count=False)  # before the period
    answers(person(front), date(2026, 10, 1), [("drugs", 0)], count=False)  # after the month
    answers(person(front, council=True), date(2026, 5, 1), [("drugs", 0)], count=False)
    answers(person(front), date(2026, 5, 1), [("drugs", 0)], council=True, count=False)
    answers(person(front, end=date(2026, 9, 1)), date(2026, 5, 1), [("drugs", 0)], count=False)
    deleted = desk.answered(person(front), date(2026, 5, 1), [("fraude", 0)])
    deleted.items.update(question=None)  # its question was removed from the bank

    result = figures(KNOWLEDGE_PER_THEME)
    for theme in ("drugs", "melden"):
        for department in (None, front, permits):
            rows = [s for d, t, s in counted if t == theme and department in (None, d)]
            figure = (
                result.organisation(theme)
                if department is None
                else result.department(department.pk, theme)
            )
            assert figure.numerator == sum(rows)
            assert figure.denominator == len(rows)
            assert figure.value == percent(sum(rows), len(rows))
    assert result.organisation("drugs").group_size == 11
    assert result.department(front.pk, "drugs").group_size == 6
    assert result.organisation("drugs").value == Decimal("62.5")  # 10 points / 16 answers
    fraud = result.organisation("fraude")
    assert (fraud.group_size, fraud.denominator, fraud.value) == (0, 0, None)


def test_knows_the_reporting_route_by_the_latest_quiz():
    desk = QuizDesk()
    team = DepartmentFactory(name="Wijkteam")
    improved, slipped, exact, never, partly = (person(team) for _ in range(5))
    desk.answered(improved, date(2026, 2, 1), [("melden", 0), ("melden", 1)])
    desk.answered(improved, date(2026, 6, 1), [("melden", 1), ("melden", 1), ("drugs", 0)])
    desk.answered(slipped, date(2026, 2, 1), [("melden", 1)])
    desk.answered(slipped, date(2026, 6, 1), [("melden", 0.5), ("melden", 1)])
    desk.answered(exact, date(2026, 6, 1), [("melden", 0.6), ("melden", 1)])  # 80%: enough
    desk.answered(never, date(2026, 6, 1), [("drugs", 1)])  # no reporting question
    desk.answered(partly, date(2026, 3, 1), [("melden", 1)])
    desk.answered(partly, date(2026, 10, 2), [("melden", 0)])  # after the month: not yet
    desk.answered(person(team, council=True), date(2026, 6, 1), [("melden", 1)])
    desk.answered(person(team, end=date(2026, 7, 1)), date(2026, 6, 1), [("melden", 1)])

    organisation = figures(REPORTING_ROUTE).organisation()
    # improved, exact and partly know it; slipped and never do not; all five count.
    assert (organisation.numerator, organisation.denominator) == (3, 5)
    assert organisation.value == Decimal("60.0")
