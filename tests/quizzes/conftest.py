"""Helpers for quiz tests: a module whose lessons are done and which ends with a quiz."""

from __future__ import annotations

import pytest

from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from tests.factories import QuestionFactory, QuizFactory, module_with_lessons


def finish_lessons(user, module) -> None:
    for lesson in module_lessons(module=module):
        lesson_complete(user=user, lesson=lesson)


def correct_keys(item) -> list[str]:
    return [option["key"] for option in item.options if option["correct"]]


def wrong_keys(item) -> list[str]:
    return [option["key"] for option in item.options if not option["correct"]]


def answers(items, *, right: int | None = None) -> dict[str, list[str]]:
    """A form submission answering the first ``right`` items correctly and the rest wrongly."""
    right = len(items) if right is None else right
    return {
        f"q{item.position}": correct_keys(item) if index < right else wrong_keys(item)[:1]
        for index, item in enumerate(items)
    }


@pytest.fixture
def quiz_module(db):
    """A live module of two lessons ending with a 4-question quiz (pass mark 75%)."""

    def make(*, lessons: int = 2, version: int = 1, **quiz_kwargs):
        quiz_kwargs.setdefault("pass_mark", 75)
        questions = quiz_kwargs.pop("questions", None) or [
            QuestionFactory(kind=kind) for kind in ("single", "multiple", "true_false", "scenario")
        ]
        quiz = QuizFactory(questions=questions, **quiz_kwargs)
        return module_with_lessons(lessons=lessons, version=version, final_quiz=quiz)

    return make
