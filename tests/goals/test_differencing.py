"""No pair of published months gives a few people's figure back: a group whose people differ by
one to four from any month its figure was shown in is hidden in the new month (20 people
with 10 attended, then 21 with 11, says the newcomer attended); changes add up, and at five
or more against every such month the group shows again, unless the difference of the two
counts names a few on its own (20 with 10, then 25 with 15: all five newcomers attended)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest

from modules.awareness.models import Registration, SessionKind
from modules.goals.indicators import SESSION_ATTENDED, Published, Tally, figures_of
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

    # Three more in October, two of whom attended: four since August (the last month shown),
    # still hidden.
    for index in range(3):
        starter = person(newcomers_at, start=date(2026, 10, 1))
        if index < 2:
            attend(starter, session, date(2026, 10, 5))
    snapshot_month(month=OCTOBER)
    assert frozen(OCTOBER)[(False, newcomers_at.pk)].suppressed

    # Six more in November, two of whom attended: ten since August, of whom five attended
    # and five did not, so the pair says nothing about any of them: shown again.
    for index in range(6):
        starter = person(newcomers_at, start=date(2026, 11, 1))
        if index < 2:
            attend(starter, session, date(2026, 11, 5))
    snapshot_month(month=NOVEMBER, now=at(date(2026, 12, 2)))
    november = frozen(NOVEMBER)
    shown = november[(False, newcomers_at.pk)]
    assert not shown.suppressed
    assert (shown.group_size, shown.numerator) == (30, 15)
    assert (november[(True, None)].group_size, november[(True, None)].numerator) == (50, 25)


@pytest.mark.parametrize(
    ("joined", "joined_attending", "left", "left_attended", "hidden"),
    [
        (5, 5, 0, 0, True),  # five newcomers, five more attended: each of them did
        (5, 0, 0, 0, True),  # five newcomers, no more attended: none of them did
        (6, 1, 0, 0, True),  # six newcomers, one more attended: one did, five did not
        (10, 5, 0, 0, False),  # ten newcomers, five more: any five of them
        (0, 0, 6, 1, True),  # six left, one fewer attended: one of them had
        (0, 0, 10, 5, False),
        (5, 5, 5, 0, True),  # as many more as joined: every newcomer, and no leaver
        (5, 0, 5, 5, True),  # as many fewer as left: every leaver, and no newcomer
        (5, 3, 5, 2, False),  # one more: three and two, four and three, or five and four
    ],
)
def test_the_difference_of_two_months_is_a_figure_of_its_own(
    session, joined, joined_attending, left, left_attended, hidden
):
    """The people a group gained or lost between two shown months are a group too: when
    their difference in attendance is revealing by the rules of a figure (one to four who
    attended or did not, all or none), or only one split of it fits, the new month is
    hidden."""
    growing = team("Verandert", 20, 10, session)
    steady = team("Blijft", 20, 10, session)
    leavers = list(growing.members.order_by("pk"))  # who attended first
    attended, absent = leavers[:10], leavers[10:]
    snapshot_month(month=AUGUST)
    for user in [*attended[:left_attended], *absent[: left - left_attended]]:
        user.end_date = date(2026, 9, 15)
        user.save(update_fields=["end_date"])
    for index in range(joined):
        starter = person(growing, start=date(2026, 9, 1))
        if index < joined_attending:
            attend(starter, session, date(2026, 9, 5))
    snapshot_month(month=SEPTEMBER)
    september = frozen(SEPTEMBER)
    figure = september[(False, growing.pk)]
    assert figure.suppressed is hidden
    if not hidden:
        assert (figure.group_size, figure.numerator) == (
            20 + joined - left,
            10 + joined_attending - left_attended,
        )
    assert not september[(False, steady.pk)].suppressed


def three_teams(session, size: int = 20) -> list:
    """Teams A, B and C of ``size`` people, half of whom attended."""
    teams = []
    for name in "ABC":
        team = DepartmentFactory(name=f"Team {name}")
        for index, user in enumerate(person(team) for _ in range(size)):
            if index % 2 == 0:
                attend(user, session, date(2026, 3, 1))
        teams.append(team)
    return teams


def team(name: str, size: int, attended: int, session):
    department = DepartmentFactory(name=name)
    for index in range(size):
        user = person(department)
        if index < attended:
            attend(user, session, date(2026, 3, 1))
    return department


def starters(department, count: int, *, attending: int, start=date(2026, 9, 1), end=None):
    """``count`` people who start on ``start``, the first ``attending`` of whom attend within
    days. Half and half from ten on, so their arrival alone reveals nothing (five and five);
    fewer, or all or none, is revealing (test_the_difference_of_two_months_is_a_figure...)."""
    for index in range(count):
        user = person(department, start=start, end=end)
        if index < attending:
            attend(user, session_of(department), start + timedelta(days=4))


def session_of(department):
    return Registration.objects.filter(user__department=department).first().session


def hidden_in(month: date, *teams) -> list[bool]:
    figures = frozen(month)
    return [figures[(False, team.pk)].suppressed for team in teams]


@pytest.fixture
def session():
    return a_session(kind=SessionKind.BEWUSTWORDING, starts_at=at(date(2026, 3, 1)))


def test_the_organisation_minus_the_shown_teams_does_not_give_a_hidden_one_back(session):
    """A gets one starter who attended (A is hidden), B ten starters (five attended): with the
    organisation, B and C shown, 71 - 30 - 20 gives A's 21 against August's 20. So C is
    hidden too, then B, until the subtraction is the organisation itself (eleven more
    people than in August, six more attended)."""
    a, b, c = three_teams(session)
    snapshot_month(month=AUGUST)
    attend(person(a, start=date(2026, 9, 1)), session, date(2026, 9, 5))
    starters(b, 10, attending=5)
    snapshot_month(month=SEPTEMBER)
    assert hidden_in(SEPTEMBER, a, b, c) == [True, True, True]
    organisation = frozen(SEPTEMBER)[(True, None)]
    assert not organisation.suppressed and organisation.group_size == 71


def test_a_move_and_a_switched_off_account_count_as_a_change_of_people(session):
    """The months are compared by who was counted then, in the department of then: a recount
    of August with today's departments would find no change."""
    a, b, c = three_teams(session)
    mover = a.members.filter(session_registrations__isnull=False).first()
    switched_off = c.members.first()
    snapshot_month(month=AUGUST)
    mover.department = b
    mover.save(update_fields=["department"])
    switched_off.is_active = False
    switched_off.save(update_fields=["is_active"])
    snapshot_month(month=SEPTEMBER)
    assert hidden_in(SEPTEMBER, a, b, c) == [True, True, True]


def test_a_month_is_compared_with_every_month_it_was_shown_in(session):
    """Ten temporary staff join A in September (ten more, five attended: shown) and leave in
    October, when one starter joins: eleven from September, but one from August, so October
    is hidden."""
    a, _b, _c = three_teams(session)
    snapshot_month(month=AUGUST)
    starters(a, 10, attending=5, end=date(2026, 10, 1))
    snapshot_month(month=SEPTEMBER)
    assert hidden_in(SEPTEMBER, a) == [False]
    attend(person(a, start=date(2026, 10, 1)), session, date(2026, 10, 5))
    snapshot_month(month=OCTOBER)
    assert hidden_in(OCTOBER, a) == [True]


def test_a_month_frozen_late_is_compared_with_the_later_months_too(session):
    """August and October are frozen, September late: ten starters in September (five
    attended; shown against August) but one fewer than in October, so September is hidden."""
    a, _b, _c = three_teams(session)
    starters(a, 10, attending=5)
    attend(person(a, start=date(2026, 10, 1)), session, date(2026, 10, 5))
    snapshot_month(month=AUGUST)
    snapshot_month(month=OCTOBER)
    assert hidden_in(OCTOBER, a) == [False]
    snapshot_month(month=SEPTEMBER)
    assert hidden_in(SEPTEMBER, a) == [True]


def test_a_frozen_figure_keeps_who_it_counted_and_a_hidden_one_nobody(session):
    _a, b, _c = three_teams(session, size=10)
    small = DepartmentFactory(name="Klein")
    person(small)
    snapshot_month(month=AUGUST)
    figures = frozen(AUGUST)
    # Klein is hidden, and Team A with it (the smallest, by name).
    assert sorted(figures[(False, b.pk)].members) == sorted(b.members.values_list("pk", flat=True))
    assert figures[(False, small.pk)].suppressed and figures[(False, small.pk)].members == []


def test_departments_that_add_up_to_a_hidden_organisation_are_compared_as_a_sum(session):
    """August: A (10 people, 4 attended) is hidden and B with it; C and the organisation are
    shown, so A and B together can be worked out. September: a newcomer joins A and attends;
    the organisation (one person more) is hidden. B alone beside August's A + B would give
    August's A back (ten people, four attended: the difference of the two), so B is hidden;
    then A + B, which against August's sum says the newcomer attended, cannot be read, and
    A shows."""
    a, b, c = (
        team(name, size, attended, session)
        for name, size, attended in (("Team A", 10, 4), ("Team B", 20, 10), ("Team C", 20, 10))
    )
    snapshot_month(month=AUGUST)
    assert hidden_in(AUGUST, a, b, c) == [True, True, False]
    attend(person(a, start=date(2026, 9, 1)), session, date(2026, 9, 5))
    snapshot_month(month=SEPTEMBER)
    assert frozen(SEPTEMBER)[(True, None)].suppressed
    assert hidden_in(SEPTEMBER, a, b, c) == [False, True, False]


def test_a_split_department_is_compared_with_what_it_was(session):
    """Ten of A's thirty move to a new department N, and a newcomer who attended joins N; C
    gets ten starters (five attended), so the organisation shows. A + N against A of August
    would say the newcomer attended: the departments are hidden until the sum compared is
    the organisation itself."""
    a, b, c = (
        team(name, size, attended, session)
        for name, size, attended in (("Team A", 30, 15), ("Team B", 20, 10), ("Team C", 20, 10))
    )
    snapshot_month(month=AUGUST)
    assert hidden_in(AUGUST, a, b, c) == [False, False, False]
    split_off = DepartmentFactory(name="Team N")
    for user in list(a.members.order_by("pk"))[:10]:
        user.department = split_off
        user.save(update_fields=["department"])
    attend(person(split_off, start=date(2026, 9, 1)), session, date(2026, 9, 5))
    starters(c, 10, attending=5)
    snapshot_month(month=SEPTEMBER)
    assert not frozen(SEPTEMBER)[(True, None)].suppressed
    assert hidden_in(SEPTEMBER, a, split_off) == [True, True]


def move(users, department) -> None:
    for user in users:
        user.department = department
        user.save(update_fields=["department"])


def test_a_new_department_that_took_all_of_one_and_a_person_of_another_is_compared_with_it(
    session,
):
    """All of A moves to a new department N, and one of E's attendees with them. E (one
    fewer) is hidden, the organisation is unchanged and shows. N is linked to E by the mover,
    so the linked sums (N and the rest against A and E) are equal; but N against August's A
    says the mover attended. So N is hidden, and E beside it."""
    a, e, f = (team(name, 20, 10, session) for name in ("Team A", "Team E", "Team F"))
    snapshot_month(month=AUGUST)
    assert hidden_in(AUGUST, a, e, f) == [False, False, False]
    new = DepartmentFactory(name="Team N")
    move(a.members.all(), new)
    move([e.members.filter(session_registrations__isnull=False).first()], new)
    snapshot_month(month=SEPTEMBER)
    september = frozen(SEPTEMBER)
    assert not september[(True, None)].suppressed
    assert hidden_in(SEPTEMBER, new, e) == [True, True]
    # F did not change and nothing readable gives anybody back through it.
    assert hidden_in(SEPTEMBER, f) == [False]


def test_a_department_split_in_two_is_compared_with_the_two_together(session):
    """A (30) splits into N1 (15 of A) and N2 (14 of A and one of B); one of A's attendees
    leaves. The organisation (one fewer) and B (one fewer) are hidden. The linked sums (N1,
    N2 against A and B) are far apart, but N1 and N2 lie within A, and their sum against
    August's A gives the leaver and the mover back. So one of them is hidden too."""
    a, b, c = (
        team(name, size, attended, session)
        for name, size, attended in (("Team A", 30, 15), ("Team B", 20, 10), ("Team C", 20, 10))
    )
    snapshot_month(month=AUGUST)
    assert hidden_in(AUGUST, a, b, c) == [False, False, False]
    first, second = DepartmentFactory(name="Team N1"), DepartmentFactory(name="Team N2")
    members = list(a.members.order_by("pk"))
    leaver = next(u for u in members if u.session_registrations.exists())
    members.remove(leaver)
    leaver.end_date = date(2026, 9, 10)
    leaver.save(update_fields=["end_date"])
    move(members[::2], first)  # 15 of A, 7 of them attended
    move(members[1::2], second)  # 14 of A (7 attended) and B's attendee
    move([b.members.first()], second)
    snapshot_month(month=SEPTEMBER)
    september = frozen(SEPTEMBER)
    assert september[(True, None)].suppressed
    assert hidden_in(SEPTEMBER, b) == [True]
    assert hidden_in(SEPTEMBER, first, second).count(True) >= 1


def test_the_whole_is_hidden_when_it_gives_a_rest_read_by_subtraction_back():
    """Every department hidden, the whole alone shown: it is compared with what an earlier
    month let a reader work out. The earlier month showed the whole (60, 35 met) and A (20,
    15), so the rest was 40 with 20, and 35 of those 40 are in the whole now (65 with 50).
    Beside that rest alone the whole fits one split only: the 35 who stayed had all 20 who
    met it, so none of the five who left had, and all 30 others did. Beside the earlier
    whole (10 joined, 5 left, 15 more) no split fits. The rule judges each pair on its own
    and hides for the first (a reader who also takes A's earlier figure sees that people
    changed, but the pair alone says the former)."""
    a, b = 1, 2
    earlier = Published(
        when=date(2026, 9, 1),
        people={(True, None, ""): frozenset(range(1, 61)), (False, a, ""): frozenset(range(1, 21))},
        sizes={},
        hidden=frozenset({(False, b, "")}),
        met={(True, None, ""): 35, (False, a, ""): 15},
    )
    tallies = {
        # A: four newcomers, hidden beside its earlier 20 (and all 24 met it).
        (a, ""): Tally({*range(1, 21), *range(61, 65)}, Decimal(24), Decimal(24)),
        # B: the rest, five left (56-60) and six came (65-70), hidden beside the rest then.
        (b, ""): Tally({*range(21, 56), *range(65, 71)}, Decimal(26), Decimal(41)),
    }
    figures = figures_of(tallies, departments={a: "A", b: "B"}, parts=[""], published=[earlier])
    assert [(f.is_organisation, f.department_id, f.suppressed) for f in figures] == [
        (True, None, True),
        (False, a, True),
        (False, b, True),
    ]
    # Without the earlier month nothing here is revealing: all three are shown.
    alone = figures_of(tallies, departments={a: "A", b: "B"}, parts=[""])
    assert [f.suppressed for f in alone] == [False, False, False]
