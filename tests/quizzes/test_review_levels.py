"""What the result page shows after an attempt, over real HTTP, per review level and moment
(issue 14, "It must show" 2): after a failed attempt while attempts remain no right answer,
no option feedback and no explanation; after passing and after the last attempt they are
shown; "correctness" shows the learner's own answer with its verdict in words; "themes" the
score per theme and the lessons to reread (only those the learner may open)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.roles import Role
from quizzes.models import Attempt, AttemptItem, FeedbackTiming, Question, ReviewLevel
from quizzes.selectors import attempt_items
from tests.factories import AudienceFactory, module_with_lessons
from tests.modules.final_quiz_helpers import (
    finish_lessons,
    result_html,
    take_quiz,
    taught_module,
)

pytestmark = pytest.mark.django_db


def chosen_texts(item: AttemptItem) -> set[str]:
    return {o["text"] for o in item.options if o["key"] in (item.selected or [])}


def assert_nothing_gives_the_answers_away(html: str, items: list[AttemptItem]) -> None:
    """No right answer (where its text is not also the learner's own choice or part of the
    question), no option feedback, no explanation, no "the right answer" label."""
    main = html.split("<main", 1)[1]
    assert "Het goede antwoord:" not in main and "Waarom:" not in main
    for item in items:
        assert item.explanation not in main
        for option in item.options:
            assert option["feedback"] not in main
            own = option["text"] in chosen_texts(item) or option["text"] in item.text
            if option["correct"] and not own and option["text"] not in ("Waar", "Niet waar"):
                assert option["text"] not in main, option["text"]


def assert_everything_is_shown(html: str, items: list[AttemptItem]) -> None:
    main = html.split("<main", 1)[1]
    for item in items:
        assert item.explanation in main
        for option in item.options:
            if option["correct"]:
                assert option["text"] in main
            if option["key"] in (item.selected or []):
                assert option["feedback"] in main


def test_after_a_failed_attempt_with_attempts_left_nothing_gives_the_answers_away(learner):
    user, client = learner
    module = taught_module(max_attempts=3)  # the defaults: themes / full / full
    finish_lessons(user, module)
    attempt, _ = take_quiz(client, user, module, right=1)
    items = attempt_items(attempt=attempt)
    html = result_html(client, attempt)
    assert "Je bent deze keer niet geslaagd." in html
    assert_nothing_gives_the_answers_away(html, items)
    # Not even the learner's own answer per question, nor a verdict per question.
    assert "Jouw antwoord:" not in html and "Niet goed." not in html and "Goed." not in html
    for item in items:
        assert item.text not in html


def test_themes_show_the_score_per_theme_and_the_lessons_to_reread(learner):
    user, client = learner
    # Eight questions: four on Melden, two each on Drugs and Fraude, two per lesson.
    module = taught_module(questions=8, lessons=4, max_attempts=3)
    finish_lessons(user, module)
    lessons = list(module.get_children().live().specific().order_by("path"))
    attempt, _ = take_quiz(client, user, module, right=2)  # both questions of lesson 1 right
    html = result_html(client, attempt)
    assert "Je score: 25%" in html
    assert "Melden: 2 van 4 goed" in html
    # Drugs and Fraude have two questions each: too few to show alone, so counted together.
    assert "Overige onderwerpen: 0 van 4 goed" in html
    assert "Drugs:" not in html and "Fraude en witwassen:" not in html
    reread = html.split("Lees deze lessen nog eens:", 1)[1].split("</ul>", 1)[0]
    assert all(f'href="{lesson.url}"' in reread for lesson in lessons[1:])
    assert f'href="{lessons[0].url}"' not in reread  # everything taught there was right


def test_a_theme_with_one_question_is_never_scored_alone(learner):
    """ "Fraude: 0 van 1 goed" on a true/false question would give its key away."""
    user, client = learner
    module = taught_module(max_attempts=3)  # Melden 2, Drugs 1, Fraude 1
    finish_lessons(user, module)
    attempt, _ = take_quiz(client, user, module, right=2)
    html = result_html(client, attempt)
    assert "Overige onderwerpen: 2 van 4 goed" in html
    assert "Melden:" not in html and "Drugs:" not in html and "Fraude en witwassen:" not in html


def test_a_lesson_the_learner_may_not_open_is_not_linked(learner):
    user, client = learner
    module = taught_module(max_attempts=3)
    council_module = module_with_lessons(
        lessons=1, title="Raadsmodule", audience=AudienceFactory(roles=[Role.RAADSLID])
    )
    closed_lesson = council_module.get_children().specific().get()
    closed_lesson.title = "Les alleen voor raadsleden"
    closed_lesson.save_revision().publish()
    Question.objects.filter(theme="drugs").update(source_page=closed_lesson)
    finish_lessons(user, module)
    attempt, _ = take_quiz(client, user, module, right=0)
    html = result_html(client, attempt)
    assert "Lees deze lessen nog eens:" in html  # the other lessons are linked
    assert "Les alleen voor raadsleden" not in html and closed_lesson.url not in html


def test_correctness_shows_the_own_answer_and_its_verdict_in_words_but_no_key(learner):
    user, client = learner
    module = taught_module(max_attempts=3, review_after_fail=ReviewLevel.CORRECTNESS)
    finish_lessons(user, module)
    attempt, _ = take_quiz(client, user, module, right=1)
    items = attempt_items(attempt=attempt)
    html = result_html(client, attempt)
    assert_nothing_gives_the_answers_away(html, items)
    assert html.count("Goed.") == 1 and html.count("Niet goed.") == 3
    for item in items:
        assert item.text in html
        for text in chosen_texts(item):
            assert text in html  # the learner's own answer


def test_partly_right_is_said_in_words(learner):
    user, client = learner
    module = taught_module(max_attempts=3, review_after_fail=ReviewLevel.CORRECTNESS)
    finish_lessons(user, module)
    client.post(reverse("quiz_start", args=[module.pk]))
    attempt = Attempt.objects.get(user=user)
    items = attempt_items(attempt=attempt)
    data = {}
    for item in items:
        keys = [o["key"] for o in item.options if not o["correct"]][:1]
        if item.kind == "multiple":  # one of the two right answers: partly right
            keys = [next(o["key"] for o in item.options if o["correct"])]
        data[f"q{item.position}"] = keys
    client.post(reverse("attempt", args=[attempt.public_id]), data)
    html = result_html(client, attempt)
    assert html.count("Deels goed.") == 1 and html.count("Niet goed.") == 3


def test_after_passing_the_answers_feedback_and_explanations_are_shown(learner):
    user, client = learner
    module = taught_module(max_attempts=3)
    finish_lessons(user, module)
    attempt, _ = take_quiz(client, user, module, right=3)  # 75%: passed
    assert attempt.passed
    html = result_html(client, attempt)
    assert_everything_is_shown(html, attempt_items(attempt=attempt))


def test_after_passing_an_earlier_failed_attempt_is_shown_in_full_too(learner):
    user, client = learner
    module = taught_module(max_attempts=3)
    finish_lessons(user, module)
    failed, _ = take_quiz(client, user, module, right=0)
    take_quiz(client, user, module, right=4)
    assert_everything_is_shown(result_html(client, failed), attempt_items(attempt=failed))


def test_after_the_last_attempt_the_answers_are_shown(learner):
    user, client = learner
    module = taught_module(max_attempts=2)
    finish_lessons(user, module)
    first, _ = take_quiz(client, user, module, right=0)
    assert_nothing_gives_the_answers_away(result_html(client, first), attempt_items(attempt=first))
    last, _ = take_quiz(client, user, module, right=0)
    html = result_html(client, last)
    assert "Je hebt alle pogingen gebruikt." in html
    assert_everything_is_shown(html, attempt_items(attempt=last))
    # Only the last attempt opens: the earlier failed one stays closed, so failing on purpose
    # shows the keys of one draw, not of every attempt of the round.
    assert_nothing_gives_the_answers_away(result_html(client, first), attempt_items(attempt=first))


def test_the_levels_after_the_last_attempt_and_after_passing_are_the_quizs_choice(learner):
    user, client = learner
    module = taught_module(
        max_attempts=1,
        review_after_last=ReviewLevel.THEMES,
        review_after_pass=ReviewLevel.CORRECTNESS,
    )
    finish_lessons(user, module)
    attempt, _ = take_quiz(client, user, module, right=0)
    assert_nothing_gives_the_answers_away(
        result_html(client, attempt), attempt_items(attempt=attempt)
    )


def test_feedback_after_each_question_never_shows_more_than_the_after_fail_level(learner):
    """A quiz stored with feedback after each question but "themes" after a fail (the editor
    refuses that; older data may have it): during the attempt only the learner's own answer."""
    user, client = learner
    module = taught_module(max_attempts=3, feedback_timing=FeedbackTiming.AFTER_EACH_QUESTION)
    finish_lessons(user, module)
    client.post(reverse("quiz_start", args=[module.pk]))
    attempt = Attempt.objects.get(user=user)
    items = attempt_items(attempt=attempt)
    url = reverse("attempt", args=[attempt.public_id])
    for item in items:
        wrong = [o["key"] for o in item.options if not o["correct"]][:1]
        response = client.post(
            url, {"action": "answer", "position": item.position, f"q{item.position}": wrong}
        )
        assert response.status_code == 302
        html = client.get(url).content.decode()
        assert "Niet goed." not in html and item.explanation not in html
        assert all(o["feedback"] not in html for o in item.options)
    client.post(url, {"action": "submit"})
    attempt.refresh_from_db()
    assert not attempt.passed
    assert_nothing_gives_the_answers_away(
        result_html(client, attempt), attempt_items(attempt=attempt)
    )


def test_feedback_after_each_question_with_full_after_a_fail_shows_the_answer(learner):
    user, client = learner
    module = taught_module(
        max_attempts=3,
        feedback_timing=FeedbackTiming.AFTER_EACH_QUESTION,
        review_after_fail=ReviewLevel.FULL,
    )
    finish_lessons(user, module)
    client.post(reverse("quiz_start", args=[module.pk]))
    attempt = Attempt.objects.get(user=user)
    item = attempt_items(attempt=attempt)[0]
    wrong = [o["key"] for o in item.options if not o["correct"]][:1]
    client.post(
        reverse("attempt", args=[attempt.public_id]),
        {"action": "answer", "position": item.position, f"q{item.position}": wrong},
    )
    html = client.get(reverse("attempt", args=[attempt.public_id])).content.decode()
    assert "Niet goed." in html and item.explanation in html


@pytest.mark.parametrize("questions", [4, 24])
def test_the_result_page_after_a_fail_runs_a_constant_number_of_queries(
    questions, learner, django_assert_max_num_queries
):
    user, client = learner
    module = taught_module(questions=questions, lessons=questions // 2, max_attempts=3)
    finish_lessons(user, module)
    attempt, _ = take_quiz(client, user, module, right=0)
    with django_assert_max_num_queries(26):
        html = result_html(client, attempt)
    assert html.count("<li><a href=") >= questions // 2  # every lesson to reread is linked
