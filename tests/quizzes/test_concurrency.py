"""A double click or a second tab: concurrent submissions of one attempt record one result,
and concurrent starts open one attempt. PostgreSQL only (real row locks)."""

from __future__ import annotations

import pytest

from modules.learning.final_quiz import final_quiz_start, final_quiz_submit
from modules.learning.models import ProgressEvent
from quizzes.models import Attempt, AttemptStatus
from quizzes.selectors import attempt_items
from tests.modules.test_concurrency import run_concurrently
from tests.quizzes.conftest import answers, finish_lessons

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_concurrent_submissions_record_one_result(medewerker, quiz_module):
    module = quiz_module()
    finish_lessons(medewerker, module)
    attempt = final_quiz_start(user=medewerker, module=module)
    data = answers(attempt_items(attempt=attempt))
    results = run_concurrently(
        4, lambda: final_quiz_submit(user=medewerker, attempt=attempt, data=data)
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
    results = run_concurrently(4, lambda: final_quiz_start(user=medewerker, module=module))
    assert len({attempt.pk for attempt in results}) == 1
    assert Attempt.objects.filter(user=medewerker).count() == 1
