"""After a failed attempt the module page and "Mijn leeromgeving" say so ("Niet gehaald, poging
2 van 3 vanaf …") and link to the lessons to reread; the dashboard stays at a fixed number of
queries however many modules are in that state."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from modules.learning.final_quiz import final_quiz_start, final_quiz_submit
from modules.learning.selectors import module_lessons
from quizzes.selectors import attempt_items
from tests.modules.final_quiz_helpers import (
    answer_all,
    finish_lessons,
    take_quiz,
    taught_module,
)

pytestmark = pytest.mark.django_db


def fail(user, module, *, right: int = 0):
    attempt = final_quiz_start(user=user, module=module)
    items = attempt_items(attempt=attempt)
    final_quiz_submit(
        user=user,
        attempt=attempt,
        data={
            f"q{item.position}": answer_all(item, right=index < right)
            for index, item in enumerate(items)
        },
    )
    attempt.refresh_from_db()
    return attempt


def eindtoets(html: str) -> str:
    return html.split('id="eindtoets"', 1)[1].split("</section>", 1)[0]


def test_the_module_page_says_not_passed_and_when_to_retry(learner):
    user, client = learner
    module = taught_module(max_attempts=3)
    finish_lessons(user, module)
    take_quiz(client, user, module, right=2)
    part = eindtoets(client.get(module.url).content.decode())
    assert "Niet gehaald, poging 2 van 3 vanaf nu" in part
    lessons = module_lessons(module=module)
    reread = part.split("Lees deze lessen nog eens:", 1)[1]
    assert f'href="{lessons[1].url}"' in reread and f'href="{lessons[0].url}"' not in reread
    assert "Probeer het opnieuw" in part


def test_the_module_page_gives_the_time_of_the_next_attempt(learner):
    user, client = learner
    module = taught_module(max_attempts=3, retry_wait_minutes=45)
    finish_lessons(user, module)
    attempt, _ = take_quiz(client, user, module)
    at = timezone.localtime(attempt.submitted_at + timedelta(minutes=45))
    moment = (
        date_format(at, "H:i") if at.date() == timezone.localdate() else date_format(at, "j F H:i")
    )
    part = eindtoets(client.get(module.url).content.decode())
    assert f"Niet gehaald, poging 2 van 3 vanaf {moment}" in part
    assert "Probeer het opnieuw" not in part  # no start button during the wait


def test_the_dashboard_says_not_passed_and_links_the_lessons(learner):
    user, client = learner
    module = taught_module(max_attempts=3)
    finish_lessons(user, module)
    fail(user, module)
    html = client.get(reverse("my_learning")).content.decode()
    assert "Niet gehaald, poging 2 van 3 vanaf nu" in html
    for lesson in module_lessons(module=module):
        assert f'href="{lesson.url}"' in html


def test_the_dashboard_after_the_last_attempt_and_after_passing(learner):
    user, client = learner
    used_up = taught_module(max_attempts=1)
    passed = taught_module(max_attempts=3)
    for module in (used_up, passed):
        finish_lessons(user, module)
    fail(user, used_up)
    fail(user, passed)
    fail(user, passed, right=4)
    html = client.get(reverse("my_learning")).content.decode()
    assert html.count("Niet gehaald") == 1
    assert "Niet gehaald, alle pogingen gebruikt" in html


@pytest.mark.parametrize("modules", [1, 6])
def test_the_dashboard_runs_a_constant_number_of_queries_after_failed_attempts(
    modules, learner, django_assert_max_num_queries
):
    user, client = learner
    for number in range(modules):
        module = taught_module(max_attempts=1 + number % 2, retry_wait_minutes=number * 10)
        finish_lessons(user, module)
        fail(user, module)
    with django_assert_max_num_queries(28):  # 22 of the dashboard, 6 for the failed states
        response = client.get(reverse("my_learning"))
    html = response.content.decode()
    assert html.count("Niet gehaald") == modules
    assert html.count("Lees deze lessen nog eens:") == modules
