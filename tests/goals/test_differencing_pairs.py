"""Pairs of months a review built against the difference rule (issue 19, 7 December 2026), as
pure functions: the figures of a new month beside what an earlier month published
(:func:`modules.goals.indicators.figures_of`). Each case gave a few people's figure back
before its fix; each also shows that without the earlier month the same figures are shown,
so what hides them is the comparison and not the rules of a single month.

People are numbers, departments 1, 2 and 3; a group is (organisation?, department, part).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from modules.goals.indicators import Published, Tally, figures_of

D1, D2, D3 = 1, 2, 3
NAMES = {D1: "D1", D2: "D2", D3: "D3"}
WHOLE = (True, None, "")
AUGUST = date(2026, 8, 1)


def tally(people, met) -> Tally:
    people = set(people)
    assert set(met) <= people
    return Tally(people, Decimal(len(set(met))), Decimal(len(people)))


def group(department: int) -> tuple[bool, int, str]:
    return (False, department, "")


def shown_in_august(shown: dict, *, hidden=(), sizes=None) -> Published:
    """August as published: ``shown`` maps a group to (people, who met it) or, for a month
    frozen before the people were stored, to (size, how many met it)."""
    people, met = {}, {}
    for key, (members, meeting) in shown.items():
        if sizes is None:
            people[key] = frozenset(members)
            met[key] = len(set(meeting))
        else:
            met[key] = meeting
    return Published(
        when=AUGUST,
        people=people,
        sizes={key: members for key, (members, _m) in shown.items()} if sizes else {},
        hidden=frozenset(group(d) for d in hidden),
        met=met,
    )


def hidden(tallies: dict, *, published=()) -> dict:
    """Which figures of September are hidden: "whole", then each department by name."""
    figures = figures_of(
        {(department, ""): t for department, t in tallies.items()},
        departments={d: NAMES[d] for d in tallies},
        parts=[""],
        published=published,
    )
    return {"whole" if f.is_organisation else f.department_name: f.suppressed for f in figures}


def test_a_whole_beside_one_team_within_it_gives_the_other_team_back():
    """August: A (1-10, five met it) and B (11-20, two met it) hidden, the whole shown (20
    with 7). September: A the same, 11 and 12 left, B gained 21-27 (five met it); the whole
    is 25 with 10, A 10 with 5, B 15 with 5. August's whole minus September's A gives
    August's B back: ten people, two of whom met it. Beside the two teams' sum the whole
    says nothing, so each team within it is compared on its own too."""
    august = shown_in_august({WHOLE: (range(1, 21), [*range(1, 6), 11, 12])}, hidden=(D1, D2))
    september = {
        D1: tally(range(1, 11), range(1, 6)),
        D2: tally([*range(13, 21), *range(21, 28)], range(21, 26)),
    }
    assert hidden(september) == {"whole": False, "D1": False, "D2": False}
    assert hidden(september, published=[august]) == {"whole": False, "D1": True, "D2": True}


def test_one_team_then_within_the_whole_now_hides_the_whole():
    """August showed the whole (27 with 10) and D2 (8-18, five met it). September hides every
    department and would show the whole, 28 with 9, which holds all of August's D2: beside
    it, it says that the 17 others had four who met it."""
    august = shown_in_august(
        {
            WHOLE: (range(1, 28), [1, 3, 5, 7, 9, 10, 12, 13, 18, 20]),
            group(D2): (range(8, 19), [9, 10, 12, 13, 18]),
        },
        hidden=(D1, D3),
    )
    september = {
        D1: tally([2, 3, 4, 6, 28], [3]),
        D2: tally([*range(8, 13), *range(14, 19), 26], [9, 10, 12, 18]),
        D3: tally([13, *range(19, 26), 27, 29, 30, 31], [13, 20, 29, 31]),
    }
    assert hidden(september)["whole"] is False
    assert hidden(september, published=[august]) == {
        "whole": True,
        "D1": True,
        "D2": True,
        "D3": True,
    }


def test_the_earlier_whole_is_compared_with_the_groups_within_it_now():
    """August showed the whole (1-23, eleven met it) and D1 (1-11, six met it). September
    hides D1 and D2 (too few, or too few who did not), so the whole (26 with 13) minus D3
    (14 with 6) gives them back together: 12 with 7, all of them in August's whole. Beside
    it: the eleven others of August had four who met it. So D3 is hidden too; the whole
    alone, beside August's, fits more than one split and shows."""
    august = shown_in_august(
        {
            WHOLE: (range(1, 24), [1, 3, 4, 5, 6, 7, 12, 14, 15, 21, 23]),
            group(D1): (range(1, 12), [1, 3, 4, 5, 6, 7]),
        },
        hidden=(D2, D3),
    )
    september = {
        D1: tally([*range(1, 7), 8, 9], [1, 3, 4, 5, 6]),
        D2: tally([12, 13, 15, 17], [12, 15]),
        D3: tally([10, 18, *range(20, 32)], [21, 23, 24, 27, 29, 30]),
    }
    assert hidden(september) == {"whole": False, "D1": True, "D2": True, "D3": False}
    assert hidden(september, published=[august]) == {
        "whole": False,
        "D1": True,
        "D2": True,
        "D3": True,
    }


def test_an_all_or_none_figure_pins_the_people_who_stayed():
    """August: D1 10 of 10, D2 20 with 10. September: four of D1 left and ten came, 7 of 16:
    the six who stayed met it (all of D1 had), so exactly one newcomer did."""
    august = shown_in_august(
        {
            WHOLE: (range(1, 31), [*range(1, 11), *range(11, 21)]),
            group(D1): (range(1, 11), range(1, 11)),
            group(D2): (range(11, 31), range(11, 21)),
        }
    )
    september = {
        D1: tally([*range(5, 11), *range(31, 41)], [*range(5, 11), 31]),
        D2: tally(range(11, 31), range(11, 21)),
    }
    assert hidden(september)["D1"] is False
    assert hidden(september, published=[august])["D1"] is True


def test_a_month_frozen_with_sizes_only_is_compared_by_its_counts_too():
    """August was frozen before the people were stored: D1 20 with 10, D2 20 with 10, the whole
    40 with 20. September: D1 25 with 15, so the five more people all met it; the whole says
    the same. D2 did not change and shows."""
    august = shown_in_august(
        {WHOLE: (40, 20), group(D1): (20, 10), group(D2): (20, 10)}, sizes=True
    )
    september = {
        D1: tally(range(1, 26), range(1, 16)),
        D2: tally(range(101, 121), range(101, 111)),
    }
    assert hidden(september) == {"whole": False, "D1": False, "D2": False}
    assert hidden(september, published=[august]) == {"whole": True, "D1": True, "D2": False}


def published(tallies: dict) -> Published:
    """What a month of these tallies showed, worked out alone (its first publication)."""
    people, met, hidden_groups = {}, {}, set()
    for figure in figures_of(
        {(department, ""): t for department, t in tallies.items()},
        departments={d: NAMES[d] for d in tallies},
        parts=[""],
    ):
        key = (figure.is_organisation, figure.department_id, "")
        if figure.suppressed:
            hidden_groups.add(key)
        else:
            people[key], met[key] = frozenset(figure.members), int(figure.numerator)
    return Published(when=AUGUST, people=people, sizes={}, hidden=frozenset(hidden_groups), met=met)


def test_two_teams_that_hold_an_earlier_rest_are_compared_with_it():
    """August shows the whole (21 with 11) and D1 (10 with 5): the rest, D2 and D3, is 11 with
    6. September would show everything, and D2 + D3 (20 with 10) hold all of August's rest:
    the nine others had four who met it. D3 has only half its people in that rest, so it is
    not within it; the groups it overlaps are compared too (second review, 7 December)."""
    august = published(
        {
            D1: tally(range(1, 11), range(2, 7)),
            D2: tally([11, 13, 14, 17, 18, 19], [17, 18]),
            D3: tally(range(20, 25), range(21, 25)),
        }
    )
    assert august.hidden == {group(D2), group(D3)}
    september = {
        D1: tally([2, 3, 4, 6, *range(25, 31)], [2, 3, 4, 6, 29]),
        D2: tally([*range(11, 20), 31], [12, 15, 16, 17, 18]),
        D3: tally([1, *range(20, 25), 32, 33, 34, 35], [21, 22, 23, 24, 32]),
    }
    assert hidden(september) == {"whole": False, "D1": False, "D2": False, "D3": False}
    shown_now = hidden(september, published=[august])
    assert shown_now["D2"] or shown_now["D3"]


def test_a_few_people_of_an_all_or_none_team_pin_the_rest_they_are_in():
    """August shows D1 (5, none met it) and the whole (15 with 5). September's rest (the
    whole, 20 with 10, minus D2, 10 with 5) holds two of August's D1: the other eight had
    five who met it and three who did not. Two of five is not "within", but they overlap."""
    august = published(
        {
            D1: tally(range(4, 9), []),
            D2: tally(range(11, 15), []),
            D3: tally(range(15, 21), range(16, 21)),
        }
    )
    assert set(august.people) == {WHOLE, group(D1)}
    september = {
        D1: tally([1, 2, 3, 6, 8, 21, 22, 23, 24], [21, 22, 23, 24]),
        D2: tally([9, 10, 12, 13, 14, *range(25, 30)], range(25, 30)),
        D3: tally([20], [20]),
    }
    assert hidden(september)["whole"] is False
    assert hidden(september, published=[august])["whole"] is True


def test_one_of_an_all_or_none_team_in_the_whole_now_hides_it():
    """August shows every team (D1 none of 5, D2 all of 5, D3 none of 5). September: D2 and D3
    are hidden, and the whole (10 with 5) holds person 11 of August's D3, who did not meet
    it: the nine others had five who did and four who did not (second review)."""
    august = published(
        {
            D1: tally(range(1, 6), []),
            D2: tally(range(6, 11), range(6, 11)),
            D3: tally(range(11, 16), []),
        }
    )
    assert not august.hidden
    september = {D2: tally(range(16, 21), [20]), D3: tally([11, 21, 22, 23, 24], range(21, 25))}
    assert hidden(september)["whole"] is False
    assert hidden(september, published=[august]) == {"whole": True, "D2": True, "D3": True}
