"""Reads of the quiz engine: an attempt's items and a quiz's size. Whether a learner may start
a quiz is the module's business (:mod:`modules.learning.final_quiz`)."""

from __future__ import annotations

from quizzes.models import Attempt, AttemptItem, Quiz


def attempt_items(*, attempt: Attempt) -> list[AttemptItem]:
    return list(attempt.items.order_by("position"))


def quiz_question_count(*, quiz: Quiz) -> int:
    """How many questions the quiz asks for: its fixed ones plus what its draw rules ask
    (two queries). An attempt gets fewer when a theme holds fewer questions in use."""
    drawn = sum(quiz.draw_rules.values_list("count", flat=True))
    return quiz.fixed_questions.count() + drawn
