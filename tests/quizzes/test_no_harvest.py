"""Failing on purpose must not harvest the answers (issue 14, after review): a retake draws
the questions not asked before while the pool has them, and the "Mijn gegevens" download does
not say per question what the result page keeps back."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from quizzes.models import Attempt, AttemptItem
from tests.factories import QuestionFactory, QuestionPoolFactory, QuizFactory, module_with_lessons
from tests.modules.final_quiz_helpers import finish_lessons, take_quiz

pytestmark = pytest.mark.django_db


def pool_module(*, pool_size: int, draw: int, **quiz_kwargs):
    pool = QuestionPoolFactory(name="Voorbeeldpool")
    for _ in range(pool_size):
        QuestionFactory(theme="melden", pools=[pool])
    quiz = QuizFactory(draw=[(pool, "melden", draw)], pass_mark=100, **quiz_kwargs)
    return module_with_lessons(lessons=1, final_quiz=quiz)


def asked(attempt: Attempt) -> set[int]:
    return set(AttemptItem.objects.filter(attempt=attempt).values_list("question_id", flat=True))


def test_a_retake_asks_only_new_questions_while_the_pool_has_them(learner):
    user, client = learner
    module = pool_module(pool_size=9, draw=3, max_attempts=3)
    finish_lessons(user, module)
    attempts = [take_quiz(client, user, module, right=0)[0] for _ in range(3)]
    seen = [asked(attempt) for attempt in attempts]
    assert all(len(questions) == 3 for questions in seen)
    assert len(seen[0] | seen[1] | seen[2]) == 9  # three attempts, nine different questions


def test_when_the_pool_runs_out_the_retake_fills_up_with_questions_asked_before(learner):
    user, client = learner
    module = pool_module(pool_size=4, draw=3, max_attempts=3)
    finish_lessons(user, module)
    first, _ = take_quiz(client, user, module, right=0)
    second, _ = take_quiz(client, user, module, right=0)
    assert len(asked(second)) == 3
    assert asked(second) - asked(first)  # the one question not asked before is in it


def test_the_download_keeps_back_the_per_question_verdict_while_the_result_page_does(learner):
    user, client = learner
    module = pool_module(pool_size=6, draw=2, max_attempts=3, review_after_fail="themes")
    finish_lessons(user, module)
    take_quiz(client, user, module, right=0)
    attempts = _find_attempts(json.loads(client.get(reverse("my_data_download")).content))
    assert attempts and attempts[0]["geslaagd"] is False
    for question in attempts[0]["vragen"]:
        assert "mijn_antwoord" in question and "score" not in question


def test_after_passing_the_download_says_per_question_how_it_went(learner):
    user, client = learner
    module = pool_module(pool_size=6, draw=2, max_attempts=3, review_after_fail="themes")
    finish_lessons(user, module)
    take_quiz(client, user, module, right=2)
    attempts = _find_attempts(json.loads(client.get(reverse("my_data_download")).content))
    assert attempts[0]["geslaagd"] is True
    assert [question["score"] for question in attempts[0]["vragen"]] == [1.0, 1.0]


def _find_attempts(data) -> list[dict]:
    """The quiz attempts wherever the export puts them (a list of dicts with "vragen")."""
    if isinstance(data, dict):
        for value in data.values():
            found = _find_attempts(value)
            if found:
                return found
    if isinstance(data, list) and data and isinstance(data[0], dict) and "vragen" in data[0]:
        return data
    if isinstance(data, list):
        for value in data:
            found = _find_attempts(value)
            if found:
                return found
    return []
