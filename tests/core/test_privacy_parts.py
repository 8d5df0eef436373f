"""core.privacy.shown_parts: parts of a shown total (months of a year) never give a hidden part
back by subtraction."""

from __future__ import annotations

import pytest

from core.privacy import all_or_none, change_reveals, is_small, shown_parts, widen_hidden


def test_small_parts_are_hidden_and_the_smallest_shown_part_with_them():
    assert shown_parts([10, 2, 7, 0]) == ([10, None, None, 0], False)


def test_hidden_parts_of_five_or_more_together_hide_nothing_more():
    assert shown_parts([10, 3, 4, 6]) == ([10, None, None, 6], False)


def test_nothing_left_to_hide_means_the_total_goes_too():
    assert shown_parts([0, 2, 0]) == ([0, None, 0], True)
    assert shown_parts([12, 15]) == ([12, 15], False)


def test_widen_hidden_takes_the_smallest_first_and_stops_when_safe():
    sizes = {"a": 9, "b": 6, "c": 6, "d": 0, "e": 2}
    together = lambda keys: is_small(sum(sizes[key] for key in keys))  # noqa: E731
    # e is small; b and c tie at 6: the tiebreak (the key) takes b; d is empty, never taken.
    assert widen_hidden(sizes, {"e"}, revealing=together) == {"e", "b"}
    assert widen_hidden(sizes, {"e"}, revealing=together, tiebreak=lambda k: -ord(k)) == {
        "e",
        "c",
    }
    assert widen_hidden(sizes, set(), revealing=together) == set()


def test_all_or_none():
    assert all_or_none(0, 6) and all_or_none(6, 6)
    assert not all_or_none(3, 6) and not all_or_none(0, 0)


@pytest.mark.parametrize(
    ("then", "now", "left", "joined", "revealing"),
    [
        # (people, met) then and now, how many left and joined.
        ((20, 10), (25, 15), 0, 5, True),  # all five newcomers met it
        ((20, 10), (30, 15), 0, 10, False),  # five of ten newcomers: any five
        ((20, 10), (20, 15), 5, 5, True),  # five more, as many as joined
        ((20, 10), (20, 11), 5, 5, False),  # stayers met it 6 to 10 times: a range
        # Found in review: an all-or-none figure pins the stayers. 10 of 10, then five left
        # and ten came, 6 of 15: the five who stayed met it, so exactly one newcomer did.
        ((10, 10), (15, 6), 5, 10, True),
        # 25 with 17, ten left and ten came, 25 of 25: every newcomer, and two leavers.
        ((25, 17), (25, 25), 10, 10, True),
        # Fewer met than the stayers' lowest: the stayers changed, no split fits.
        ((20, 10), (25, 2), 0, 5, False),
        ((20, 10), (20, 10), 0, 0, False),  # the same people
    ],
)
def test_change_reveals_judges_the_one_split_that_fits(then, now, left, joined, revealing):
    stayed = then[0] - left
    assert now[0] == stayed + joined
    assert (
        change_reveals(joined=joined, left=left, stayed=stayed, met_then=then[1], met_now=now[1])
        is revealing
    )
