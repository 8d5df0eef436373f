"""The final quiz's attempt policy, enforced on the server (modules.learning.final_quiz): a
maximum per round, a waiting time after a failed attempt, and no maximum for raadsleden. A
direct POST to start the quiz is refused with a Dutch message and saves nothing (issue 14,
"It must show" 2)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from accounts.roles import Role
from modules.learning.final_quiz import (
    QuizNotAvailable,
    final_quiz_start,
    quiz_availability,
)
from modules.learning.models import Enrolment, RetakeRequest
from quizzes.models import Attempt
from tests.modules.final_quiz_helpers import finish_lessons, take_quiz, taught_module

pytestmark = pytest.mark.django_db


def counts() -> tuple[int, int, int]:
    return Attempt.objects.count(), Enrolment.objects.count(), RetakeRequest.objects.count()


def refused_start(client, module) -> str:
    """POST straight to the start URL; the refusal's message is on the module page."""
    response = client.post(reverse("quiz_start", args=[module.pk]), follow=True)
    assert response.redirect_chain[-1][0].endswith(f"{module.url}#eindtoets")
    return response.content.decode()


def test_the_maximum_is_enforced_on_a_direct_post_and_nothing_is_saved(learner):
    user, client = learner
    module = taught_module(max_attempts=2)
    finish_lessons(user, module)
    take_quiz(client, user, module)
    take_quiz(client, user, module)
    before = counts()
    html = refused_start(client, module)
    assert "Je hebt alle pogingen gebruikt." in html
    assert counts() == before
    with pytest.raises(QuizNotAvailable) as refusal:
        final_quiz_start(user=user, module=module)
    assert refusal.value.reason == "Je hebt alle pogingen gebruikt."
    assert counts() == before


def test_the_waiting_time_is_enforced_with_the_time_in_dutch(learner):
    user, client = learner
    module = taught_module(max_attempts=3, retry_wait_minutes=30)
    finish_lessons(user, module)
    attempt, _ = take_quiz(client, user, module)
    at = timezone.localtime(attempt.submitted_at + timedelta(minutes=30))
    before = counts()
    html = refused_start(client, module)
    moment = date_format(at, "H:i") if at.date() == timezone.localdate() else None
    if moment:  # (a run just before midnight gets the date too; see the next test)
        assert f"Je kunt de toets opnieuw maken vanaf {moment}." in html
        assert f"Niet gehaald, poging 2 van 3 vanaf {moment}" in html
    assert counts() == before
    # Once the wait is over, the next attempt starts.
    Attempt.objects.filter(pk=attempt.pk).update(
        submitted_at=attempt.submitted_at - timedelta(minutes=31)
    )
    client.post(reverse("quiz_start", args=[module.pk]))
    assert Attempt.objects.filter(user=user).count() == 2


def test_a_wait_into_another_day_names_the_date(learner):
    user, client = learner
    module = taught_module(max_attempts=3, retry_wait_minutes=2 * 24 * 60)
    finish_lessons(user, module)
    attempt, _ = take_quiz(client, user, module)
    at = timezone.localtime(attempt.submitted_at + timedelta(days=2))
    html = refused_start(client, module)
    expected = date_format(at, "j F H:i")
    assert f"Je kunt de toets opnieuw maken vanaf {expected}." in html
    month = expected.split()[1]
    assert month in {
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december",
    }  # fmt: skip


def test_no_waiting_time_after_a_pass_or_when_none_is_set(learner):
    user, client = learner
    module = taught_module(max_attempts=3)
    finish_lessons(user, module)
    take_quiz(client, user, module)
    availability = quiz_availability(user=user, module=module)
    assert availability.can_start and availability.next_attempt_at is None
    assert availability.retry_summary == "Niet gehaald, poging 2 van 3 vanaf nu"


def test_availability_says_what_the_page_needs(learner):
    user, client = learner
    module = taught_module(max_attempts=3, retry_wait_minutes=10)
    finish_lessons(user, module)
    fresh = quiz_availability(user=user, module=module)
    assert fresh.attempt_number == 1 and fresh.round_max == 3 and fresh.attempts_left == 3
    assert not fresh.last_failed and fresh.can_start
    attempt, _ = take_quiz(client, user, module, right=2)
    availability = quiz_availability(user=user, module=module)
    assert availability.attempt_number == 2 and availability.round_max == 3
    assert availability.attempts_left == 2 and availability.last_failed
    assert availability.next_attempt_at == attempt.submitted_at + timedelta(minutes=10)
    assert not availability.can_start
    themes = {(t.label, t.right, t.total) for t in availability.theme_results}
    # Themes of fewer than three questions are counted together (one alone gives a key away).
    assert themes == {("Overige onderwerpen", 2, 4)}
    lessons = list(module.get_children().specific().order_by("path"))
    assert [page.pk for page in availability.reread_pages] == [lessons[1].pk]


def test_a_granted_round_gives_the_maximum_again(learner):
    user, client = learner
    module = taught_module(max_attempts=2)
    finish_lessons(user, module)
    take_quiz(client, user, module)
    take_quiz(client, user, module)
    assert quiz_availability(user=user, module=module).attempts_left == 0
    Enrolment.objects.filter(user=user).update(extra_attempt_rounds=1)
    availability = quiz_availability(user=user, module=module)
    assert availability.attempts_left == 2 and availability.attempt_number == 1
    assert availability.round_max == 2 and availability.can_start
    attempt, _ = take_quiz(client, user, module)
    assert attempt.number == 3
    assert quiz_availability(user=user, module=module).attempt_number == 2


def test_raadsleden_have_no_maximum_and_nobody_is_told(
    make_user, django_capture_on_commit_callbacks
):
    member = make_user(Role.RAADSLID)
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, department=member.department)
    member.department.managers.add(manager)
    make_user(Role.MEDEWERKER, Role.KERNTEAM)
    client = Client()
    client.force_login(member)
    module = taught_module(max_attempts=1)
    finish_lessons(member, module)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            take_quiz(client, member, module)
    assert Attempt.objects.filter(user=member).count() == 3
    availability = quiz_availability(user=member, module=module)
    assert availability.attempts_left is None and availability.can_start
    assert not availability.may_request_retake
    assert mail.outbox == []
    response = client.post(
        reverse("retake_request", args=[module.pk]), {"aanvragen": "ja"}, follow=True
    )
    assert "Voor jou geldt geen maximum aantal pogingen." in response.content.decode()
    assert not RetakeRequest.objects.exists()


def test_a_quiz_without_a_maximum_is_never_used_up(learner):
    user, client = learner
    module = taught_module()
    finish_lessons(user, module)
    for _ in range(3):
        take_quiz(client, user, module)
    availability = quiz_availability(user=user, module=module)
    assert availability.attempts_left is None and availability.can_start
    assert availability.retry_summary == "Niet gehaald, poging 4 vanaf nu"


@pytest.mark.parametrize("questions", [4, 24])
def test_quiz_availability_runs_a_fixed_number_of_queries(
    questions, learner, django_assert_max_num_queries
):
    user, client = learner
    module = taught_module(questions=questions, lessons=questions // 2, max_attempts=2)
    finish_lessons(user, module)
    take_quiz(client, user, module)
    take_quiz(client, user, module)
    user = type(user).objects.get(pk=user.pk)  # no roles cached
    with django_assert_max_num_queries(12):  # the same for 4 or 24 questions
        availability = quiz_availability(user=user, module=module)
    assert len(availability.reread_pages) == questions // 2
    assert availability.all_attempts_used
