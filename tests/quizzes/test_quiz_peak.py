"""The yearly quiz at the peak: starting and handing in cost the same few queries whatever the
size of the quiz, of its pool and of the crowd already taking it, and a repeated start (two
tabs, a load balancer's retry) never opens a second attempt in a round."""

from __future__ import annotations

import random

import pytest
from django.db import IntegrityError, connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from modules.learning.final_quiz import final_quiz_start, final_quiz_submit
from quizzes.models import Attempt, AttemptStatus
from quizzes.selectors import attempt_items
from quizzes.services import attempt_submit
from tests.factories import QuestionFactory, QuizFactory, UserFactory, module_with_lessons
from tests.factories.quizzes import shared_pool
from tests.modules.test_concurrency import run_concurrently
from tests.quizzes.conftest import answers, finish_lessons

pytestmark = pytest.mark.django_db

# In a test's transaction each atomic block adds a SAVEPOINT and a RELEASE.
START_QUERIES = 12  # the round, its lessons done, its attempts, roles; the draw (3); options;
# the attempt and its items
SUBMIT_QUERIES = 7  # the attempt locked, its items, their answers, the result, chosen answers


def yearly_module(*, questions: int, pool: int):
    """A module whose quiz draws ``questions`` from a pool of ``pool`` (three attempts)."""
    for _ in range(pool):
        QuestionFactory(pools=[shared_pool()])
    quiz = QuizFactory(draw={"melden": questions}, max_attempts=3, pass_mark=70)
    return module_with_lessons(lessons=3, final_quiz=quiz)


def crowd(module, count: int) -> None:
    """Others who already took the quiz: what they did must not cost the next one anything."""
    for n in range(count):
        other = UserFactory()
        finish_lessons(other, module)
        attempt = final_quiz_start(user=other, module=module, rng=random.Random(n))
        final_quiz_submit(user=other, attempt=attempt, data=answers(attempt_items(attempt=attempt)))


def count_queries(action) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        result = action()
    return len(captured.captured_queries), result


@pytest.mark.parametrize(("questions", "pool", "others"), [(5, 5, 0), (20, 40, 6)])
def test_start_and_submit_run_a_small_constant_number_of_queries(
    questions, pool, others, medewerker, django_assert_max_num_queries
):
    module = yearly_module(questions=questions, pool=pool)
    crowd(module, others)
    finish_lessons(medewerker, module)
    with django_assert_max_num_queries(START_QUERIES):
        attempt = final_quiz_start(user=medewerker, module=module)
    items = attempt_items(attempt=attempt)
    assert len(items) == questions
    with django_assert_max_num_queries(SUBMIT_QUERIES):
        result = attempt_submit(user=medewerker, attempt=attempt, data=answers(items))
    assert result.newly_submitted and result.attempt.passed


@pytest.mark.parametrize(("questions", "pool", "others"), [(5, 5, 0), (20, 40, 6)])
def test_handing_in_answers_with_one_write_for_all_items(questions, pool, others, medewerker):
    """The answers go to the database in one UPDATE whatever the number of questions."""
    module = yearly_module(questions=questions, pool=pool)
    crowd(module, others)
    finish_lessons(medewerker, module)
    attempt = final_quiz_start(user=medewerker, module=module)
    data = answers(attempt_items(attempt=attempt), right=questions - 1)
    with CaptureQueriesContext(connection) as captured:
        result = final_quiz_submit(user=medewerker, attempt=attempt, data=data)
    item_writes = [
        q for q in captured.captured_queries if 'UPDATE "quizzes_attemptitem"' in q["sql"]
    ]
    assert len(item_writes) == 1
    stored = attempt_items(attempt=result.attempt)
    assert [item.selected for item in stored] == [data[f"q{item.position}"] for item in stored]
    assert sum(item.score for item in stored) == questions - 1
    assert all(item.answered_at is not None and item.locked for item in stored)


def test_the_counts_do_not_grow_with_the_quiz_the_pool_or_the_crowd(make_user):
    """Start and submit with their module around them (completion, certificate, summaries)."""
    counts = []
    for questions, pool, others in [(5, 5, 0), (20, 40, 5)]:
        module = yearly_module(questions=questions, pool=pool)
        crowd(module, others)
        learner = make_user()
        finish_lessons(learner, module)
        started, attempt = count_queries(
            lambda m=module, u=learner: final_quiz_start(user=u, module=m)
        )
        data = answers(attempt_items(attempt=attempt))
        submitted, _result = count_queries(
            lambda a=attempt, u=learner, d=data: final_quiz_submit(user=u, attempt=a, data=d)
        )
        counts.append((started, submitted))
    assert counts[0] == counts[1]


def test_a_retake_still_prefers_questions_not_asked_before(medewerker):
    """The draw reads "asked before" in the pool query now; a second attempt must still get
    the other half of a pool of twice the questions drawn."""
    module = yearly_module(questions=5, pool=10)
    finish_lessons(medewerker, module)
    first = final_quiz_start(user=medewerker, module=module)
    first_items = attempt_items(attempt=first)
    final_quiz_submit(user=medewerker, attempt=first, data=answers(first_items, right=0))
    second = final_quiz_start(user=medewerker, module=module)
    asked = {item.question_id for item in first_items}
    again = {item.question_id for item in attempt_items(attempt=second)}
    assert second.number == 2 and len(again) == 5
    assert asked.isdisjoint(again)


def test_a_second_start_returns_the_open_attempt(client, medewerker):
    module = yearly_module(questions=5, pool=5)
    finish_lessons(medewerker, module)
    client.force_login(medewerker)
    first = client.post(reverse("quiz_start", args=[module.pk]))
    again = client.post(reverse("quiz_start", args=[module.pk]))  # a retry, another tab
    assert first.status_code == again.status_code == 302
    assert first["Location"] == again["Location"]
    assert Attempt.objects.filter(user=medewerker).count() == 1


def test_the_database_refuses_a_second_open_attempt_in_a_round(medewerker):
    """The last line of defence, whatever the code above it does."""
    module = yearly_module(questions=5, pool=5)
    finish_lessons(medewerker, module)
    attempt = final_quiz_start(user=medewerker, module=module)
    with pytest.raises(IntegrityError), transaction.atomic():
        Attempt.objects.create(
            user=medewerker,
            quiz=attempt.quiz,
            enrolment=attempt.enrolment,
            number=attempt.number + 1,
            status=AttemptStatus.OPEN,
        )


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_simultaneous_start_requests_open_one_attempt(medewerker):
    """Eight start POSTs at once over HTTP (real threads, real PostgreSQL row locks): every one
    is sent to the same attempt."""
    module = yearly_module(questions=5, pool=5)
    finish_lessons(medewerker, module)

    def start() -> str:
        client = Client()
        client.force_login(medewerker)
        response = client.post(reverse("quiz_start", args=[module.pk]))
        assert response.status_code == 302
        return response["Location"]

    locations = run_concurrently(8, start)
    assert len(set(locations)) == 1
    assert Attempt.objects.filter(user=medewerker, status=AttemptStatus.OPEN).count() == 1
