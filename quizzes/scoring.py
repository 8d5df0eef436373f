"""Scoring: pure functions over an item's snapshot and the chosen keys. No database here.

The rules, as learners and editors are told them:

- Single choice, true/false and scenario questions: 1 point for the correct option, else 0.
- Multiple response: partial credit. Each correct option chosen earns ``1 / number of correct
  options``; each wrong option chosen takes the same amount off; the result never drops below
  0. So choosing everything earns nothing, and a question with 2 right answers where you pick
  one right and nothing wrong earns half a point.
- The quiz score is the points earned divided by the number of questions, as a percentage. The
  learner passes when that percentage is at least the quiz's pass mark. Scores are computed with
  exact fractions, so a score of exactly the pass mark passes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

from quizzes.choices import QuestionKind


def item_score(*, kind: str, options: Sequence[dict], selected: Iterable[str] | None) -> Fraction:
    """Points (0 to 1) for one answered question."""
    chosen = set(selected or ())
    correct = {option["key"] for option in options if option["correct"]}
    if not chosen or not correct:
        return Fraction(0)
    if kind == QuestionKind.MULTIPLE:
        right = len(chosen & correct)
        wrong = len(chosen - correct)
        return max(Fraction(0), Fraction(right - wrong, len(correct)))
    return Fraction(1) if chosen == correct else Fraction(0)


@dataclass(frozen=True)
class QuizScore:
    points: Fraction
    questions: int
    pass_mark: int

    @property
    def fraction(self) -> Fraction:
        return self.points / self.questions if self.questions else Fraction(0)

    @property
    def percent(self) -> Decimal:
        """Rounded down to two decimals for storage and display (never rounds up to a pass)."""
        exact = self.fraction * 100
        return (Decimal(exact.numerator) / Decimal(exact.denominator)).quantize(
            Decimal("0.01"), rounding=ROUND_DOWN
        )

    @property
    def passed(self) -> bool:
        return self.questions > 0 and self.fraction * 100 >= self.pass_mark


def quiz_score(*, item_points: Sequence[Fraction], pass_mark: int) -> QuizScore:
    return QuizScore(
        points=sum(item_points, Fraction(0)), questions=len(item_points), pass_mark=pass_mark
    )


def fraction_to_decimal(value: Fraction) -> Decimal:
    """An item's points for the database column (four decimals, rounded down)."""
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.0001"), rounding=ROUND_DOWN
    )
