"""Two tabs, one click each: the same lesson completed concurrently counts once."""

from __future__ import annotations

import threading

import pytest
from django.db import close_old_connections

from modules.learning.models import Enrolment, LessonCompletion, ProgressEvent
from modules.learning.selectors import module_lessons
from modules.learning.services import lesson_complete
from tests.factories import module_with_lessons

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_concurrently(count: int, action) -> list:
    barrier = threading.Barrier(count)
    results: list = []
    errors: list = []

    def worker():
        try:
            barrier.wait()
            results.append(action())
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    return results


def test_concurrent_completion_of_one_lesson_counts_once(medewerker):
    module = module_with_lessons(lessons=2)
    lesson = module_lessons(module=module)[0]

    results = run_concurrently(8, lambda: lesson_complete(user=medewerker, lesson=lesson))

    assert sum(result.newly_completed for result in results) == 1
    assert Enrolment.objects.filter(user=medewerker, module=module).count() == 1
    assert LessonCompletion.objects.filter(lesson=lesson).count() == 1
    assert Enrolment.objects.get().progress == 50
    assert ProgressEvent.objects.filter(kind="lesson_completed").count() == 1


def test_concurrent_completion_of_the_last_lessons_completes_the_module_once(medewerker):
    module = module_with_lessons(lessons=2)
    first, second = module_lessons(module=module)
    lessons = iter([first, second] * 4)
    lock = threading.Lock()

    def complete_next():
        with lock:
            lesson = next(lessons)
        return lesson_complete(user=medewerker, lesson=lesson)

    results = run_concurrently(8, complete_next)

    assert sum(result.module_completed for result in results) == 1
    enrolment = Enrolment.objects.get()
    assert (enrolment.status, enrolment.progress) == ("completed", 100)
    assert ProgressEvent.objects.filter(kind="module_completed").count() == 1
