"""core.privacy.shown_parts: parts of a shown total (months of a year) never give a hidden part
back by subtraction."""

from __future__ import annotations

from core.privacy import shown_parts


def test_small_parts_are_hidden_and_the_smallest_shown_part_with_them():
    assert shown_parts([10, 2, 7, 0]) == ([10, None, None, 0], False)


def test_hidden_parts_of_five_or_more_together_hide_nothing_more():
    assert shown_parts([10, 3, 4, 6]) == ([10, None, None, 6], False)


def test_nothing_left_to_hide_means_the_total_goes_too():
    assert shown_parts([0, 2, 0]) == ([0, None, 0], True)
    assert shown_parts([12, 15]) == ([12, 15], False)
