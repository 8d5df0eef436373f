"""Lesson completion and module progress, through the service and through HTTP."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.roles import Role
from modules.learning.models import Enrolment, EnrolmentStatus, LessonCompletion, ProgressEvent
from modules.learning.selectors import module_lessons, module_outline
from modules.learning.services import lesson_complete
from tests.factories import AudienceFactory, QuestionFactory, QuizFactory, module_with_lessons

pytestmark = pytest.mark.django_db


def test_completing_lessons_moves_progress_and_completes_the_module(medewerker):
    module = module_with_lessons(lessons=3, version=2)
    first, second, third = module_lessons(module=module)

    result = lesson_complete(user=medewerker, lesson=first)
    assert result.newly_completed and not result.module_completed
    assert (result.enrolment.status, result.enrolment.progress) == ("in_progress", 33)
    assert result.enrolment.started_at is not None

    lesson_complete(user=medewerker, lesson=third)
    result = lesson_complete(user=medewerker, lesson=second)
    enrolment = Enrolment.objects.get(user=medewerker, module=module)
    assert result.module_completed
    assert enrolment.status == EnrolmentStatus.COMPLETED
    assert enrolment.progress == 100
    assert enrolment.completed_version == 2
    assert enrolment.completed_at is not None
    kinds = list(ProgressEvent.objects.filter(enrolment=enrolment).values_list("kind", flat=True))
    assert kinds == ["started", *["lesson_completed"] * 3, "module_completed"]


def test_completing_a_lesson_twice_counts_once(medewerker):
    module = module_with_lessons(lessons=2)
    lesson = module_lessons(module=module)[0]
    lesson_complete(user=medewerker, lesson=lesson)
    again = lesson_complete(user=medewerker, lesson=lesson)
    assert not again.newly_completed
    assert LessonCompletion.objects.filter(lesson=lesson).count() == 1
    assert Enrolment.objects.get().progress == 50


def test_resume_points_at_the_first_lesson_not_done(medewerker):
    module = module_with_lessons(lessons=3)
    first, second, third = module_lessons(module=module)
    assert module_outline(user=medewerker, module=module).next_step.lesson == first
    lesson_complete(user=medewerker, lesson=first)
    lesson_complete(user=medewerker, lesson=third)
    assert module_outline(user=medewerker, module=module).next_step.lesson == second


def test_progress_is_per_person(make_user):
    module = module_with_lessons(lessons=2)
    one, other = make_user(), make_user()
    lesson_complete(user=one, lesson=module_lessons(module=module)[0])
    assert module_outline(user=other, module=module).lessons_done == 0
    assert module_outline(user=one, module=module).lessons_done == 1


def test_complete_and_continue_goes_to_the_next_lesson(client, medewerker):
    module = module_with_lessons(lessons=2)
    first, second = module_lessons(module=module)
    client.force_login(medewerker)
    response = client.post(reverse("lesson_complete", args=[first.pk]))
    assert response.status_code == 302 and response["Location"] == second.url
    response = client.post(reverse("lesson_complete", args=[second.pk]))
    assert response["Location"] == module.url
    page = client.get(module.url).content.decode()
    assert "2 van 2 lessen gedaan (100%)" in page


def test_opening_a_lesson_does_not_complete_it(client, medewerker):
    module = module_with_lessons(lessons=2)
    client.force_login(medewerker)
    assert client.get(module_lessons(module=module)[0].url).status_code == 200
    assert not LessonCompletion.objects.exists()


def test_completion_needs_post_and_login(client, medewerker):
    lesson = module_lessons(module=module_with_lessons(lessons=1))[0]
    url = reverse("lesson_complete", args=[lesson.pk])
    assert client.post(url).status_code == 302  # to the login page
    assert not LessonCompletion.objects.exists()
    client.force_login(medewerker)
    assert client.get(url).status_code == 405
    assert not LessonCompletion.objects.exists()


def test_module_outside_the_audience_is_not_reachable(client, make_user):
    raadsleden = AudienceFactory(roles=[Role.RAADSLID])
    module = module_with_lessons(lessons=1, audience=raadsleden)
    lesson = module_lessons(module=module)[0]
    client.force_login(make_user(Role.MEDEWERKER))
    assert client.get(module.url).status_code == 404
    assert client.get(lesson.url).status_code == 404
    assert client.post(reverse("lesson_complete", args=[lesson.pk])).status_code == 404
    assert not LessonCompletion.objects.exists()

    client.force_login(make_user(Role.RAADSLID))
    assert client.get(module.url).status_code == 200
    assert client.get(lesson.url).status_code == 200


def test_anonymous_visitors_are_sent_to_login(client):
    module = module_with_lessons(lessons=1)
    response = client.get(module.url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("lessons", [3, 30])
def test_lesson_and_module_pages_run_a_constant_number_of_queries(
    client, medewerker, django_assert_max_num_queries, lessons
):
    quiz = QuizFactory(questions=[QuestionFactory() for _ in range(3)])
    module = module_with_lessons(lessons=lessons, final_quiz=quiz)
    all_lessons = module_lessons(module=module)
    for lesson in all_lessons[: lessons // 2]:
        lesson_complete(user=medewerker, lesson=lesson)
    client.force_login(medewerker)
    with django_assert_max_num_queries(26):  # includes the final quiz's availability
        assert client.get(module.url).status_code == 200
    with django_assert_max_num_queries(23):  # the gate: every page above is live
        assert client.get(all_lessons[1].url).status_code == 200
    with django_assert_max_num_queries(30):
        response = client.post(reverse("lesson_complete", args=[all_lessons[-1].pk]))
        assert response.status_code == 302
