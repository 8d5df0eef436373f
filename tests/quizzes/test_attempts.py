"""Attempts through the services: drawing, shuffling, resume, pass mark, attempts, completion."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from modules.learning.final_quiz import (
    QuizNotAvailable,
    final_quiz_start,
    final_quiz_submit,
    quiz_availability,
)
from modules.learning.models import Enrolment, EnrolmentStatus
from quizzes.models import Attempt, AttemptStatus, QuestionKind, Theme
from quizzes.selectors import attempt_items
from quizzes.services import (
    attempt_save_answers,
    draw_questions,
)
from tests.factories import QuestionFactory, QuizFactory
from tests.quizzes.conftest import answers, correct_keys, finish_lessons

pytestmark = pytest.mark.django_db


def test_the_quiz_opens_only_after_every_lesson_is_done(medewerker, quiz_module):
    module = quiz_module(lessons=2)
    with pytest.raises(QuizNotAvailable) as refusal:
        final_quiz_start(user=medewerker, module=module)
    assert not refusal.value.availability.lessons_done
    finish_lessons(medewerker, module)
    attempt = final_quiz_start(user=medewerker, module=module)
    assert attempt.is_open and attempt.number == 1


def test_lessons_alone_do_not_complete_a_module_with_a_quiz(medewerker, quiz_module):
    module = quiz_module(lessons=2)
    finish_lessons(medewerker, module)
    enrolment = Enrolment.objects.get(user=medewerker, module=module)
    assert enrolment.status == EnrolmentStatus.IN_PROGRESS
    assert enrolment.progress == 67  # two lessons of three steps (the quiz is a step)


def test_passing_the_quiz_completes_the_module(medewerker, quiz_module):
    module = quiz_module(version=3)
    finish_lessons(medewerker, module)
    attempt = final_quiz_start(user=medewerker, module=module)
    result = final_quiz_submit(
        user=medewerker, attempt=attempt, data=answers(attempt_items(attempt=attempt))
    )
    assert result.newly_submitted and not result.errors
    assert (result.attempt.score, result.attempt.passed) == (100, True)
    enrolment = Enrolment.objects.get(user=medewerker, module=module)
    assert enrolment.status == EnrolmentStatus.COMPLETED and enrolment.progress == 100
    assert enrolment.completed_version == 3


def test_failing_the_quiz_leaves_the_module_open(medewerker, quiz_module):
    module = quiz_module()  # pass mark 75: 2 of 4 right fails
    finish_lessons(medewerker, module)
    attempt = final_quiz_start(user=medewerker, module=module)
    items = attempt_items(attempt=attempt)
    result = final_quiz_submit(user=medewerker, attempt=attempt, data=answers(items, right=2))
    assert result.attempt.score == 50 and result.attempt.passed is False
    assert Enrolment.objects.get(user=medewerker, module=module).status == "in_progress"


def test_pass_mark_is_inclusive(medewerker, quiz_module):
    module = quiz_module()  # 3 of 4 right is exactly 75%
    finish_lessons(medewerker, module)
    attempt = final_quiz_start(user=medewerker, module=module)
    items = attempt_items(attempt=attempt)
    result = final_quiz_submit(user=medewerker, attempt=attempt, data=answers(items, right=3))
    assert result.attempt.score == 75 and result.attempt.passed


def test_random_drawing_takes_the_asked_number_per_theme():
    for theme, n in ((Theme.MELDEN, 6), (Theme.DRUGS, 4), (Theme.FRAUDE, 3)):
        for _ in range(n):
            QuestionFactory(theme=theme)
    QuestionFactory(theme=Theme.MELDEN, is_active=False)
    quiz = QuizFactory(draw={Theme.MELDEN: 3, Theme.DRUGS: 2})
    seen = set()
    for seed in range(20):
        drawn = draw_questions(quiz=quiz, rng=random.Random(seed))
        assert Counter(q.theme for q in drawn) == {Theme.MELDEN: 3, Theme.DRUGS: 2}
        assert all(q.is_active for q in drawn) and len({q.pk for q in drawn}) == 5
        seen.add(frozenset(q.pk for q in drawn))
    assert len(seen) > 1  # really random, not the same five every time


def test_fixed_questions_come_first_and_are_not_drawn_again():
    fixed = QuestionFactory(theme=Theme.MELDEN)
    for _ in range(2):
        QuestionFactory(theme=Theme.MELDEN)
    quiz = QuizFactory(questions=[fixed], draw={Theme.MELDEN: 5})
    drawn = draw_questions(quiz=quiz, rng=random.Random(1))
    assert drawn[0] == fixed
    assert len(drawn) == 3  # a theme with too few questions gives what it has


def test_options_are_shuffled_per_attempt_but_true_false_keeps_its_order(make_user, quiz_module):
    questions = [QuestionFactory(options=[(f"O{i}", i == 0) for i in range(5)])]
    questions.append(QuestionFactory(kind=QuestionKind.TRUE_FALSE))
    module = quiz_module(questions=questions)
    orders = set()
    for seed in range(8):
        user = make_user()
        finish_lessons(user, module)
        attempt = final_quiz_start(user=user, module=module, rng=random.Random(seed))
        single, true_false = attempt_items(attempt=attempt)
        orders.add(tuple(option["text"] for option in single.options))
        assert [option["text"] for option in true_false.options] == ["Waar", "Niet waar"]
    assert len(orders) > 1


def test_an_open_attempt_is_resumed_with_the_same_questions_and_saved_answers(
    medewerker, quiz_module
):
    module = quiz_module()
    finish_lessons(medewerker, module)
    first = final_quiz_start(user=medewerker, module=module)
    items = attempt_items(attempt=first)
    saved = {f"q{items[0].position}": correct_keys(items[0])}
    assert not attempt_save_answers(user=medewerker, attempt=first, data=saved).errors

    again = final_quiz_start(user=medewerker, module=module)
    assert again.pk == first.pk
    resumed = attempt_items(attempt=again)
    assert [i.options for i in resumed] == [i.options for i in items]
    assert resumed[0].selected == correct_keys(items[0]) and resumed[1].selected is None
    assert Attempt.objects.filter(user=medewerker).count() == 1


def test_maximum_attempts_is_enforced(medewerker, quiz_module):
    module = quiz_module(max_attempts=2)
    finish_lessons(medewerker, module)
    for number in (1, 2):
        attempt = final_quiz_start(user=medewerker, module=module)
        assert attempt.number == number
        final_quiz_submit(
            user=medewerker, attempt=attempt, data=answers(attempt_items(attempt=attempt), right=0)
        )
    availability = quiz_availability(user=medewerker, module=module)
    assert availability.attempts_left == 0 and not availability.can_start
    with pytest.raises(QuizNotAvailable):
        final_quiz_start(user=medewerker, module=module)


def test_no_maximum_means_trying_again_after_a_fail(medewerker, quiz_module):
    module = quiz_module(max_attempts=None)
    finish_lessons(medewerker, module)
    for _ in range(3):
        attempt = final_quiz_start(user=medewerker, module=module)
        final_quiz_submit(
            user=medewerker, attempt=attempt, data=answers(attempt_items(attempt=attempt), right=0)
        )
    assert Attempt.objects.filter(user=medewerker, status=AttemptStatus.SUBMITTED).count() == 3


def test_after_a_pass_no_new_attempt_starts(medewerker, quiz_module):
    module = quiz_module()
    finish_lessons(medewerker, module)
    attempt = final_quiz_start(user=medewerker, module=module)
    final_quiz_submit(
        user=medewerker, attempt=attempt, data=answers(attempt_items(attempt=attempt))
    )
    with pytest.raises(QuizNotAvailable):
        final_quiz_start(user=medewerker, module=module)


def test_submitting_twice_records_one_result(medewerker, quiz_module):
    module = quiz_module()
    finish_lessons(medewerker, module)
    attempt = final_quiz_start(user=medewerker, module=module)
    items = attempt_items(attempt=attempt)
    first = final_quiz_submit(user=medewerker, attempt=attempt, data=answers(items))
    second = final_quiz_submit(user=medewerker, attempt=attempt, data=answers(items, right=0))
    assert first.newly_submitted and not second.newly_submitted
    attempt.refresh_from_db()
    assert attempt.score == 100  # the replay with other answers changed nothing
    events = Enrolment.objects.get(user=medewerker, module=module).events
    assert events.filter(kind="module_completed").count() == 1


def test_the_attempt_stores_department_and_council_membership(make_user, quiz_module):
    from accounts.roles import Role
    from tests.factories import DepartmentFactory

    department = DepartmentFactory()
    raadslid = make_user(Role.RAADSLID, department=None)
    medewerker = make_user(Role.MEDEWERKER, department=department)
    module = quiz_module()
    attempts = {}
    for user in (raadslid, medewerker):
        finish_lessons(user, module)
        attempts[user] = final_quiz_start(user=user, module=module)
    assert attempts[raadslid].is_council_member and attempts[raadslid].department is None
    assert not attempts[medewerker].is_council_member
    assert attempts[medewerker].department == department


def test_a_quiz_without_questions_in_use_never_uses_up_an_attempt(medewerker, quiz_module):
    module = quiz_module(questions=[QuestionFactory()], max_attempts=1)
    module.final_quiz.fixed_questions.update(question=QuestionFactory(is_active=False))
    finish_lessons(medewerker, module)
    with pytest.raises(QuizNotAvailable) as refusal:
        final_quiz_start(user=medewerker, module=module)
    assert "geen vragen" in refusal.value.reason
    assert not Attempt.objects.exists()


def test_one_quiz_cannot_close_two_modules(quiz_module):
    """Attempts, the maximum and the waiting time count per module round: a shared quiz would
    give twice the attempts, and one module's full review the other's answers."""
    first = quiz_module()
    second = quiz_module(questions=[QuestionFactory()])
    own_quiz = second.final_quiz
    second.final_quiz = first.final_quiz
    with pytest.raises(ValidationError) as refused:
        second.save_revision().publish()
    assert "al de eindtoets van een andere module" in str(refused.value)
    second.refresh_from_db()
    assert second.final_quiz == own_quiz
    first.save_revision().publish()  # the module that has the quiz may keep it


def test_editing_the_bank_during_an_open_attempt_does_not_break_it(medewerker, quiz_module):
    module = quiz_module()
    finish_lessons(medewerker, module)
    attempt = final_quiz_start(user=medewerker, module=module)
    items = attempt_items(attempt=attempt)
    for item in items:  # the editor removes the options learners chose, even whole questions
        item.question.options.all().delete()
    items[0].question.delete()
    result = final_quiz_submit(user=medewerker, attempt=attempt, data=answers(items))
    assert result.newly_submitted and result.attempt.score == 100
