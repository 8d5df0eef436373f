"""The progress text says what it counts, and its numbers agree with its percentage.

A module with a final quiz has one step more than it has lessons: the quiz. Six lessons done
of a module with a quiz is "6 van 7 stappen gedaan (86%)", never "6 van 6 lessen (86%)".
"""

from __future__ import annotations

import re

import pytest

from modules.learning.models import LessonPage
from modules.learning.selectors import module_lessons, module_outline
from modules.learning.services import lesson_complete
from tests.factories import module_with_lessons
from tests.factories.quizzes import pass_final_quiz
from tests.modules.final_quiz_helpers import taught_module

pytestmark = pytest.mark.django_db

PROGRESS = re.compile(r'class="progress__text">(.*?)</p>', re.DOTALL)


def _progress_text(client, page) -> str:
    response = client.get(page.url)
    assert response.status_code == 200
    found = PROGRESS.findall(response.content.decode())
    assert len(found) == 1, found
    return " ".join(found[0].split())


def _numbers(text: str) -> tuple[int, int, int]:
    done, total, percent = (int(n) for n in re.findall(r"\d+", text)[:3])
    return done, total, percent


def test_six_lessons_done_of_a_module_with_a_quiz_are_six_of_seven_steps(client, medewerker):
    module = taught_module(lessons=6)
    for lesson in module_lessons(module=module):
        lesson_complete(user=medewerker, lesson=lesson)
    client.force_login(medewerker)
    text = _progress_text(client, module)
    assert text == "6 van 7 stappen gedaan (86%): de lessen en de eindtoets"
    done, total, percent = _numbers(text)
    assert percent == round(100 * done / total)


def test_the_lesson_page_shows_the_same_steps(client, medewerker):
    module = taught_module(lessons=2)
    first = module_lessons(module=module)[0]
    lesson_complete(user=medewerker, lesson=first)
    client.force_login(medewerker)
    lesson = LessonPage.objects.get(pk=first.pk)
    assert _progress_text(client, lesson) == (
        "1 van 3 stappen gedaan (33%): de lessen en de eindtoets"
    )


def test_a_passed_quiz_is_the_last_step(client, medewerker):
    module = taught_module(lessons=2)
    pass_final_quiz(medewerker, module)
    client.force_login(medewerker)
    assert _progress_text(client, module) == (
        "3 van 3 stappen gedaan (100%): de lessen en de eindtoets"
    )
    outline = module_outline(user=medewerker, module=module)
    assert (outline.steps_done, outline.steps_total, outline.progress) == (3, 3, 100)


def test_a_module_without_a_quiz_counts_lessons(client, medewerker):
    module = module_with_lessons(lessons=3)
    lesson_complete(user=medewerker, lesson=module_lessons(module=module)[0])
    client.force_login(medewerker)
    assert _progress_text(client, module) == "1 van 3 lessen gedaan (33%)"
    outline = module_outline(user=medewerker, module=module)
    assert not outline.has_quiz_step
    assert outline.progress == outline.enrolment.progress == 33


@pytest.mark.parametrize("lessons", [1, 2, 3, 6])
def test_the_text_and_the_percentage_agree_at_every_step(medewerker, lessons):
    module = taught_module(lessons=lessons)
    for number, lesson in enumerate(module_lessons(module=module), start=1):
        lesson_complete(user=medewerker, lesson=lesson)
        outline = module_outline(user=medewerker, module=module)
        assert (outline.steps_done, outline.steps_total) == (number, lessons + 1)
        assert outline.progress == round(100 * number / (lessons + 1))
        # The stored progress (the dashboard's) is counted the same way.
        assert outline.progress == outline.enrolment.progress
