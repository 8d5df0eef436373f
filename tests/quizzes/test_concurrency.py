"""A double click or a second tab: concurrent submissions of one attempt record one result,
and concurrent starts open one attempt. PostgreSQL only (real row locks)."""

from __future__ import annotations

import pytest

from modules.models import ProgressEvent
from quizzes.models import Attempt, AttemptStatus
from quizzes.selectors import attempt_items
from quizzes.services import attempt_start, attempt_submit
from tests.modules.test_concurrency import run_concurrently
from tests.quizzes.conftest import answers, finish_lessons

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_concurrent_submissions_record_one_result(medewerker, quiz_module):
    module = quiz_module()
    finish_lessons(medewerker, module)
    attempt = attempt_start(user=medewerker, quiz=module.final_quiz, module=module)
    data = answers(attempt_items(attempt=attempt))
    results = run_concurrently(
        4, lambda: attempt_submit(user=medewerker, attempt=attempt, data=data)
    )
    assert sum(result.newly_submitted for result in results) == 1
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED and attempt.score == 100
    completed = ProgressEvent.objects.filter(
        enrolment__user=medewerker, kind=ProgressEvent.Kind.MODULE_COMPLETED
    )
    assert completed.count() == 1


def test_concurrent_starts_open_one_attempt(medewerker, quiz_module):
    module = quiz_module()
    finish_lessons(medewerker, module)
    results = run_concurrently(
        4, lambda: attempt_start(user=medewerker, quiz=module.final_quiz, module=module)
    )
    assert len({attempt.pk for attempt in results}) == 1
    assert Attempt.objects.filter(user=medewerker).count() == 1
