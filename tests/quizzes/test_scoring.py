"""The scoring rules of :mod:`quizzes.scoring`, per question type (pure functions)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from quizzes.scoring import item_score, quiz_score


def options(*correct: bool) -> list[dict]:
    return [{"key": f"k{i}", "correct": flag} for i, flag in enumerate(correct)]


@pytest.mark.parametrize("kind", ["single", "scenario", "true_false"])
def test_one_answer_questions_score_all_or_nothing(kind):
    opts = options(False, True, False) if kind != "true_false" else options(True, False)
    right = next(o["key"] for o in opts if o["correct"])
    wrong = next(o["key"] for o in opts if not o["correct"])
    assert item_score(kind=kind, options=opts, selected=[right]) == 1
    assert item_score(kind=kind, options=opts, selected=[wrong]) == 0
    assert item_score(kind=kind, options=opts, selected=[]) == 0
    assert item_score(kind=kind, options=opts, selected=None) == 0


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        (["k0", "k1"], Fraction(1)),  # all correct
        (["k2", "k3"], Fraction(0)),  # all wrong
        (["k0"], Fraction(1, 2)),  # one of two right, nothing wrong
        (["k0", "k2"], Fraction(0)),  # one right cancelled by one wrong
        (["k0", "k1", "k2"], Fraction(1, 2)),  # both right, one wrong
        (["k0", "k1", "k2", "k3"], Fraction(0)),  # ticking everything earns nothing
        (["k2", "k3", "k0"], Fraction(0)),  # never below zero
    ],
)
def test_multiple_response_gives_partial_credit_minus_wrong_choices(chosen, expected):
    opts = options(True, True, False, False)
    assert item_score(kind="multiple", options=opts, selected=chosen) == expected


def test_quiz_score_is_points_over_questions_and_passes_at_exactly_the_mark():
    exact = quiz_score(item_points=[Fraction(1)] * 7 + [Fraction(0)] * 3, pass_mark=70)
    assert exact.percent == Decimal("70.00") and exact.passed
    below = quiz_score(item_points=[Fraction(1)] * 6 + [Fraction(1, 2)] + [0] * 3, pass_mark=70)
    assert below.percent == Decimal("65.00") and not below.passed


def test_a_score_just_below_the_mark_is_never_rounded_up_to_a_pass():
    # 2/3 = 66.666...%: stored as 66.66, and it fails a pass mark of 67.
    score = quiz_score(item_points=[Fraction(1), Fraction(1), Fraction(0)], pass_mark=67)
    assert score.percent == Decimal("66.66") and not score.passed


def test_an_empty_quiz_never_passes():
    assert not quiz_score(item_points=[], pass_mark=1).passed
