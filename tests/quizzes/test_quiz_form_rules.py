"""The quiz and question admin forms' rules: draw rules that can be filled and name a pool
and theme once, no feedback during the attempt unless failed attempts may show the answers, a
warning (not an error) for a pool too small for retakes, and a teaching source for every
question in use."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from quizzes.choices import FeedbackTiming, ReviewLevel
from quizzes.models import Question, QuestionKind, Quiz
from tests.factories import QuestionFactory, QuestionPoolFactory
from tests.quizzes.test_admin import question_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def pool():
    pool = QuestionPoolFactory(name="Voorbeeldpool")
    for _ in range(4):
        QuestionFactory(pools=[pool], theme="melden")
    QuestionFactory(pools=[pool], theme="drugs")
    QuestionFactory(pools=[pool], theme="drugs", is_active=False)  # not in use: not counted
    return pool


def quiz_data(rules, *, rule_ids=(), **fields) -> dict:
    """The quiz editor's POST data; ``rule_ids`` are the ids of saved rules, in order (the
    first rules edit them)."""
    data = {
        "title": "Voorbeeldtoets",
        "intro": "",
        "pass_mark": "70",
        "max_attempts": "1",
        "retry_wait_minutes": "0",
        "feedback_timing": FeedbackTiming.AFTER_QUIZ,
        "review_after_fail": ReviewLevel.THEMES,
        "review_after_last": ReviewLevel.FULL,
        "review_after_pass": ReviewLevel.FULL,
        "fixed_questions-TOTAL_FORMS": "0",
        "fixed_questions-INITIAL_FORMS": "0",
        "fixed_questions-MIN_NUM_FORMS": "0",
        "fixed_questions-MAX_NUM_FORMS": "1000",
        "draw_rules-TOTAL_FORMS": str(len(rules)),
        "draw_rules-INITIAL_FORMS": str(len(rule_ids)),
        "draw_rules-MIN_NUM_FORMS": "0",
        "draw_rules-MAX_NUM_FORMS": "1000",
    }
    for index, (pool, theme, count) in enumerate(rules):
        data[f"draw_rules-{index}-pool"] = str(pool.pk)
        data[f"draw_rules-{index}-theme"] = theme
        data[f"draw_rules-{index}-count"] = str(count)
        data[f"draw_rules-{index}-ORDER"] = str(index + 1)
    for index, rule_id in enumerate(rule_ids):
        data[f"draw_rules-{index}-id"] = str(rule_id)
    data.update(fields)
    return data


def quiz_form(rules, **fields):
    form_class = Quiz.get_edit_handler().get_form_class()
    return form_class(data=quiz_data(rules, **fields), instance=Quiz())


def errors(form) -> str:
    return " ".join(form.non_field_errors())


def test_a_rule_the_pool_can_fill_is_accepted(pool):
    form = quiz_form([(pool, "melden", 4), (pool, "drugs", 1)])
    assert form.is_valid(), form.errors
    quiz = form.save()
    assert [(r.pool, r.theme, r.count) for r in quiz.draw_rules.all()] == [
        (pool, "melden", 4),
        (pool, "drugs", 1),
    ]


@pytest.mark.parametrize(
    ("theme", "count", "named"),
    [("melden", 5, "Melden"), ("drugs", 2, "Drugs"), ("", 6, "elk thema")],
)
def test_a_rule_that_can_never_be_filled_is_refused(pool, theme, count, named):
    form = quiz_form([(pool, theme, count)])
    assert not form.is_valid()
    message = errors(form)
    assert "kan nooit gevuld worden" in message
    assert "Voorbeeldpool" in message and named in message
    assert Quiz.objects.count() == 0


def test_the_whole_pool_can_be_drawn(pool):
    assert quiz_form([(pool, "", 5)]).is_valid()


def test_two_rules_for_the_same_pool_and_theme_are_refused(pool):
    form = quiz_form([(pool, "melden", 1), (pool, "melden", 2)])
    assert not form.is_valid()
    assert "één trekregel per pool en thema" in errors(form)


def test_the_same_theme_from_two_pools_is_fine(pool):
    other = QuestionPoolFactory(name="Tweede voorbeeldpool")
    QuestionFactory(pools=[other], theme="melden")
    assert quiz_form([(pool, "melden", 1), (other, "melden", 1)]).is_valid()


def test_feedback_after_each_question_needs_full_review_after_a_fail(pool):
    rules = [(pool, "melden", 1)]
    form = quiz_form(rules, feedback_timing=FeedbackTiming.AFTER_EACH_QUESTION)
    assert not form.is_valid()
    assert "tijdens de toets" in " ".join(form.errors["feedback_timing"])
    for level in (ReviewLevel.THEMES, ReviewLevel.CORRECTNESS):
        form = quiz_form(
            rules, feedback_timing=FeedbackTiming.AFTER_EACH_QUESTION, review_after_fail=level
        )
        assert not form.is_valid()
    form = quiz_form(
        rules,
        feedback_timing=FeedbackTiming.AFTER_EACH_QUESTION,
        review_after_fail=ReviewLevel.FULL,
    )
    assert form.is_valid(), form.errors


def warnings_after_saving(client, url, data) -> list[str]:
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return [str(m) for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_saving_a_quiz_with_retakes_warns_when_a_pool_is_too_small(
    pool, kernteam_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    add = reverse("wagtailsnippets_quizzes_quiz:add")
    # 4 on Melden with 3 drawn, 1 on Drugs with 1 drawn, 3 attempts: a retake repeats questions.
    warnings = warnings_after_saving(
        client, add, quiz_data([(pool, "melden", 3), (pool, "drugs", 1)], max_attempts="3")
    )
    assert len(warnings) == 2
    assert "Voorbeeldpool (Melden)" in warnings[0] and "twee keer zoveel" in warnings[0]
    assert "Voorbeeldpool (Drugs)" in warnings[1]
    assert Quiz.objects.get().draw_rules.count() == 2  # a warning, not an error: saved


def test_no_warning_without_retakes_or_with_a_large_pool(pool, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    add = reverse("wagtailsnippets_quizzes_quiz:add")
    assert warnings_after_saving(client, add, quiz_data([(pool, "melden", 3)])) == []
    quiz = Quiz.objects.get()
    edit = reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])
    ids = [quiz.draw_rules.get().pk]
    data = quiz_data([(pool, "melden", 2)], rule_ids=ids, max_attempts="")  # 4 >= 2 x 2
    assert warnings_after_saving(client, edit, data) == []
    data = quiz_data([(pool, "melden", 3)], rule_ids=ids, max_attempts="")  # unlimited
    assert len(warnings_after_saving(client, edit, data)) == 1
    assert quiz.draw_rules.get().count == 3


def question_data(**changes) -> dict:
    data = dict(question_form(QuestionKind.SINGLE, [("A", True, ""), ("B", False, "")]).data)
    for name, value in changes.items():
        if value is None:
            data.pop(name)
        else:
            data[name] = value
    return data


def bound_question_form(data):
    return Question.get_edit_handler().get_form_class()(data=data, instance=Question())


def test_a_question_in_use_needs_a_teaching_source():
    form = bound_question_form(question_data(source_page=""))
    assert not form.is_valid()
    assert form.errors["source_page"] == ["Kies de les waarin dit wordt uitgelegd."]
    assert bound_question_form(question_data()).is_valid()


def test_a_question_not_in_use_may_wait_for_its_lesson():
    form = bound_question_form(question_data(source_page="", is_active=None))
    assert form.is_valid(), form.errors


def test_a_question_needs_a_pool():
    form = bound_question_form(question_data(pools=None))
    assert not form.is_valid() and "pools" in form.errors
