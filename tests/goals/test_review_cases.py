"""Cases a review (as an attacker and an auditor) built against the goals figures (issue 19):
small-group hiding, and counts against a direct computation.

Each case broke a rule the figures claim to follow (found in review, 3 December 2026).
"""

from __future__ import annotations

from datetime import date

import pytest

from modules.awareness.models import SessionKind
from modules.goals.indicators import KNOWLEDGE_PER_THEME, ONBOARDING, SESSION_ATTENDED
from modules.goals.models import Indicator
from modules.goals.selectors import month_figures
from modules.learning.models import Assignment
from quizzes.models import Theme
from tests.factories import AudienceFactory, DepartmentFactory, a_session, module_with_lessons
from tests.goals.builders import MONTH, QuizDesk, at, attend, complete, onboarding_module, person

pytestmark = pytest.mark.django_db


def figures(key: str):
    indicator = Indicator.objects.prefetch_related("definitions").get(key=key)
    return month_figures(indicator=indicator, month=MONTH)


def test_a_shown_figure_does_not_single_out_the_one_person_who_did_not_attend():
    """core.privacy: "6 people, 5 completed tells the reader that exactly one did not". The
    goals figures publish numerator and denominator (and the percentage) of every shown
    group, so a department of six where five attended names its one absentee to anybody who
    knows who works there, here and in the frozen month."""
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=at(date(2026, 3, 1)))
    six, other = DepartmentFactory(name="Zes"), DepartmentFactory(name="Ander")
    people = [person(six) for _ in range(6)]
    for user in people[:5]:
        attend(user, session, date(2026, 3, 1))
    for user in [person(other) for _ in range(10)][:5]:
        attend(user, session, date(2026, 3, 1))
    figure = figures(SESSION_ATTENDED).department(six.pk)
    shown = (figure.numerator, figure.denominator, figure.value)
    # 5 of 6 (83.3%): the difference of one must not be readable from what is shown.
    assert figure.suppressed or figure.numerator is None, shown


def test_the_complement_counts_distinct_people_not_department_sums():
    """Knowledge per theme groups answers by the department *at the time of the quiz*, so one
    person can be in two departments' tallies. The complement rule adds up department sizes:
    two hidden departments holding the same three movers count as six, nothing more is
    hidden, and organisation minus the one shown department gives the three movers' scores
    back."""
    desk = QuizDesk()
    old, interim, big = (
        DepartmentFactory(name="Oud"),
        DepartmentFactory(name="Tussen"),
        DepartmentFactory(name="Groot"),
    )
    movers = [person(big) for _ in range(3)]
    for user in movers:
        desk.answered(user, date(2026, 2, 1), [(Theme.values[0], 0.0)], department=old)
        desk.answered(user, date(2026, 4, 1), [(Theme.values[0], 0.0)], department=interim)
    for _ in range(10):
        desk.answered(person(big), date(2026, 5, 1), [(Theme.values[0], 1.0)])
    result = figures(KNOWLEDGE_PER_THEME)
    theme = Theme.values[0]
    organisation, shown = result.organisation(theme), result.department(big.pk, theme)
    assert result.department(old.pk, theme).suppressed
    assert result.department(interim.pk, theme).suppressed
    # Published: organisation 10 points / 16 answers, Groot 10 / 10: the 3 movers scored 0/6.
    assert organisation.suppressed or shown.suppressed, (
        organisation.numerator,
        organisation.denominator,
        shown.numerator,
        shown.denominator,
    )


def test_onboarding_counts_a_module_only_for_starters_its_assignment_applies_to():
    """The one definition of "assigned to you" is ``Assignment.objects.applying_to``: the
    audience, the start date, an active assignment of a live module. The onboarding indicator
    reads only ``starters_from``: a starter outside an onboarding assignment's audience (VTH's
    own onboarding) is counted as missing that module and fails the indicator."""
    vth, front = DepartmentFactory(name="VTH"), DepartmentFactory(name="Publiekszaken")
    general = onboarding_module(starters_from=date(2026, 1, 1))
    vth_only = module_with_lessons(lessons=0)
    Assignment.objects.create(
        module=vth_only,
        audience=AudienceFactory(departments=[vth]),
        starters_from=date(2026, 1, 1),
        due_days_after_start=30,
    )
    start = date(2026, 6, 1)
    for department in (vth, front):
        for _ in range(5):
            user = person(department, start=start)
            complete(user, general, date(2026, 6, 10))
            if department == vth:
                complete(user, vth_only, date(2026, 6, 10))
    organisation = figures(ONBOARDING).organisation()
    # Direct computation: all ten completed every module assigned to them within 30 days.
    assert (organisation.numerator, organisation.denominator) == (10, 10)


def test_onboarding_ignores_an_unpublished_module():
    """A withdrawn (unpublished) module is nobody's task (``module__live=True`` in the
    dashboard, the reports and the reminders), but the indicator still requires it."""
    general = onboarding_module(starters_from=date(2026, 1, 1))
    withdrawn = onboarding_module(starters_from=date(2026, 1, 1))
    withdrawn.unpublish()
    team = DepartmentFactory(name="Team")
    for _ in range(5):
        complete(person(team, start=date(2026, 6, 1)), general, date(2026, 6, 10))
    organisation = figures(ONBOARDING).organisation()
    assert (organisation.numerator, organisation.denominator) == (5, 5)
