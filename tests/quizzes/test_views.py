"""The quiz pages over real HTTP: no answer leaks, bad input, other people's attempts, results."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from accounts.roles import Role
from modules.learning.final_quiz import final_quiz_start
from quizzes.models import Attempt, AttemptItem, AttemptStatus, FeedbackTiming
from quizzes.selectors import attempt_items
from tests.factories import AudienceFactory, QuestionFactory
from tests.quizzes.conftest import answers, correct_keys, finish_lessons, wrong_keys

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(client, medewerker, quiz_module):
    """A logged-in learner with an open attempt at a 4-question quiz."""

    def start(**quiz_kwargs):
        module = quiz_module(**quiz_kwargs)
        finish_lessons(medewerker, module)
        client.force_login(medewerker)
        response = client.post(reverse("quiz_start", args=[module.pk]))
        attempt = Attempt.objects.get(user=medewerker, status=AttemptStatus.OPEN)
        assert response["Location"] == reverse("attempt", args=[attempt.public_id])
        return attempt, attempt_items(attempt=attempt)

    return start


def url(attempt) -> str:
    return reverse("attempt", args=[attempt.public_id])


def post(client, attempt, data, action="submit"):
    return client.post(url(attempt), {**data, "action": action})


def test_the_question_page_reveals_nothing_about_the_right_answers(client, started):
    attempt, items = started()
    html = client.get(url(attempt)).content.decode()
    for item in items:
        assert item.text in html
        for option in item.options:
            assert option["text"] in html and f'value="{option["key"]}"' in html
            assert option["feedback"] not in html
        assert item.explanation not in html
    assert not re.search(r"correct|juist|is_correct|data-", html.split("<main")[1], re.I)
    # The only per-option values are the random keys; nothing else distinguishes options.
    for item in items:
        for option in item.options:
            tag = re.search(rf'<input[^>]*value="{option["key"]}"[^>]*>', html).group(0)
            assert re.sub(r'(id|value)="[^"]*"', "", tag).replace(" checked", "") == re.sub(
                r'(id|value)="[^"]*"', "", tag.replace(" checked", "")
            )
    first_tags = {
        re.sub(r'(id|value)="[^"]*"', "", tag)
        for tag in re.findall(r'<input type="radio" name="q0"[^>]*>', html)
    }
    assert len(first_tags) == 1


def test_every_question_is_a_fieldset_with_a_legend_and_labelled_options(client, started):
    attempt, items = started()
    html = client.get(url(attempt)).content.decode()
    assert html.count("<fieldset") == len(items) == html.count("<legend")
    for item in items:
        for option in item.options:
            assert f'<label for="q{item.position}-{option["key"]}">' in html


def test_missing_answers_are_reported_in_dutch_and_nothing_is_saved(client, started):
    attempt, items = started()
    data = answers(items)
    del data[f"q{items[2].position}"]
    response = post(client, attempt, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "Kies een antwoord bij deze vraag." in html
    described = re.search(
        rf'<fieldset aria-describedby="([^"]*vraag-{items[2].number}-fout[^"]*)"', html
    )
    assert described is not None
    assert f'id="vraag-{items[2].number}-fout"' in html
    assert f'href="#q{items[2].position}-' in html  # the summary links to the first answer
    assert not AttemptItem.objects.filter(attempt=attempt, selected__isnull=False).exists()
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.OPEN


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (lambda items, data: data.update({"q0": ["deadbeef"]}), "Dit antwoord bestaat niet"),
        (
            lambda items, data: data.update({"q0": [items[1].options[0]["key"]]}),
            "Dit antwoord hoort bij een andere vraag",
        ),
        (lambda items, data: data.update({"q99": ["x"]}), "niet in deze toets"),
        (lambda items, data: data.update({"qabc": ["x"]}), "niet in deze toets"),
        (
            lambda items, data: data.update({"q0": [o["key"] for o in items[0].options]}),
            "Kies één antwoord",
        ),
        (
            lambda items, data: data.update({"q1": correct_keys(items[1]) * 2}),
            "twee keer",
        ),
    ],
)
def test_bad_answers_get_a_clear_message_and_nothing_is_recorded(client, started, tamper, message):
    attempt, items = started()
    data = answers(items)
    tamper(items, data)
    response = post(client, attempt, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not AttemptItem.objects.filter(attempt=attempt, selected__isnull=False).exists()
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.OPEN and attempt.score is None


def test_an_oversized_submission_is_refused(client, started):
    attempt, items = started()
    data = answers(items)
    data["padding"] = "x" * 40_000
    response = post(client, attempt, data)
    assert response.status_code == 413
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.OPEN


def test_someone_elses_attempt_is_not_found(client, started, make_user):
    attempt, items = started()
    other = make_user()
    client.force_login(other)
    assert client.get(url(attempt)).status_code == 404
    assert post(client, attempt, answers(items)).status_code == 404
    assert client.get(reverse("attempt_result", args=[attempt.public_id])).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.OPEN


def test_anonymous_visitors_are_sent_to_login(client, started):
    attempt, _ = started()
    client.logout()
    response = client.get(url(attempt))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_quiz_outside_the_audience_cannot_be_started(client, make_user, quiz_module):
    module = quiz_module()
    module.audience = AudienceFactory(roles=[Role.RAADSLID])
    module.save_revision().publish()
    user = make_user(Role.MEDEWERKER)
    client.force_login(user)
    assert client.post(reverse("quiz_start", args=[module.pk])).status_code == 404
    assert not Attempt.objects.exists()


def test_submit_shows_the_result_and_a_replay_records_nothing_new(client, started):
    attempt, items = started()
    response = post(client, attempt, answers(items))
    result_url = reverse("attempt_result", args=[attempt.public_id])
    assert response.status_code == 302 and response["Location"] == result_url
    replay = post(client, attempt, answers(items, right=0))
    assert replay.status_code == 302 and replay["Location"] == result_url
    attempt.refresh_from_db()
    assert attempt.score == 100 and attempt.passed
    html = client.get(result_url).content.decode()
    assert "Je score: 100%" in html and "Je bent geslaagd." in html
    for item in items:
        assert item.explanation in html
    assert "Je hebt de module afgerond." in html


def test_after_a_failed_attempt_correct_answers_show_only_when_the_quiz_allows(
    client, started, medewerker
):
    attempt, items = started(review_after_fail="themes", max_attempts=3)
    post(client, attempt, answers(items, right=0))
    html = client.get(reverse("attempt_result", args=[attempt.public_id])).content.decode()
    assert "Je bent deze keer niet geslaagd." in html
    assert "poging 2 van 3" in html
    assert "Het goede antwoord:" not in html and "Niet goed." not in html
    for item in items:
        assert item.explanation not in html
        chosen = next(o for o in item.options if o["key"] == wrong_keys(item)[0])
        assert chosen["feedback"] not in html  # its feedback could give the answer away
    # At "themes" not even the learner's own answer per question (next to the theme's score
    # it could give a key away); tests/quizzes/test_review_levels.py has the other levels.
    assert "Jouw antwoord:" not in html and "Je antwoord:" not in html


def test_save_and_continue_later_keeps_answers(client, started):
    attempt, items = started()
    first = f"q{items[0].position}"
    response = post(client, attempt, {first: correct_keys(items[0])}, action="save")
    assert response.status_code == 302
    html = client.get(url(attempt)).content.decode()
    key = correct_keys(items[0])[0]
    assert re.search(rf'value="{key}"\s+checked', html)


def test_feedback_after_each_question(client, started):
    # The quiz editor allows this timing only with everything shown after a fail.
    attempt, items = started(
        feedback_timing=FeedbackTiming.AFTER_EACH_QUESTION, review_after_fail="full"
    )
    html = client.get(url(attempt)).content.decode()
    assert html.count("<fieldset") == 1 and items[0].text in html and items[1].text not in html
    for index, item in enumerate(items):
        response = client.post(
            url(attempt),
            {
                "action": "answer",
                "position": item.position,
                f"q{item.position}": wrong_keys(item)[:1],
            },
        )
        assert response.status_code == 302
        html = client.get(url(attempt)).content.decode()
        assert item.explanation in html and "Niet goed." in html
        if index + 1 < len(items):
            assert items[index + 1].text in html
    # A locked answer cannot be changed afterwards.
    response = client.post(
        url(attempt), {"action": "answer", "position": 0, "q0": correct_keys(items[0])}
    )
    assert response.status_code == 400
    response = post(client, attempt, {})
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.score == 0 and not attempt.passed


def test_the_module_page_offers_the_quiz_once_the_lessons_are_done(client, medewerker, quiz_module):
    module = quiz_module()
    client.force_login(medewerker)
    html = client.get(module.url).content.decode()
    assert "Eindtoets" in html and "Rond eerst alle lessen af" in html
    finish_lessons(medewerker, module)
    html = client.get(module.url).content.decode()
    assert "Begin met de eindtoets" in html
    final_quiz_start(user=medewerker, module=module)
    assert "Ga verder met de toets" in client.get(module.url).content.decode()


def test_an_unsupported_question_never_renders_its_feedback(client, started):
    """Scenario feedback is per option: not in the page before submission either."""
    attempt, items = started()
    scenario = next(item for item in items if item.kind == "scenario")
    html = client.get(url(attempt)).content.decode()
    assert scenario.scenario in html
    assert all(option["feedback"] not in html for option in scenario.options)


def test_a_multiple_response_question_uses_checkboxes(client, started):
    attempt, items = started()
    multiple = next(item for item in items if item.kind == "multiple")
    html = client.get(url(attempt)).content.decode()
    assert f'type="checkbox" name="q{multiple.position}"' in html


@pytest.mark.parametrize("questions", [5, 30])
def test_quiz_pages_run_a_constant_number_of_queries(
    questions, client, medewerker, quiz_module, django_assert_max_num_queries
):
    module = quiz_module(questions=[QuestionFactory() for _ in range(questions)])
    finish_lessons(medewerker, module)
    client.force_login(medewerker)
    # The gate (every page above is live) and the questions asked before (a fresh draw).
    with django_assert_max_num_queries(22):
        response = client.post(reverse("quiz_start", args=[module.pk]))
    attempt = Attempt.objects.get(user=medewerker)
    items = attempt_items(attempt=attempt)
    with django_assert_max_num_queries(13):  # the gate: every page above is live
        assert client.get(url(attempt)).status_code == 200
    with django_assert_max_num_queries(29):  # scoring, completion, certificate; the gate
        response = post(client, attempt, answers(items))
        assert response.status_code == 302
    with django_assert_max_num_queries(15):  # no maximum, so no roles; nothing to reread
        assert client.get(response["Location"]).status_code == 200


def test_odd_digits_in_a_field_name_are_a_clear_400(client, started):
    attempt, items = started()
    response = post(client, attempt, {**answers(items), "q²": ["x"]})
    assert response.status_code == 400
    assert "niet in deze toets" in response.content.decode()


def test_an_attempt_cannot_continue_once_the_module_is_unpublished(client, started):
    attempt, items = started()
    attempt.enrolment.module.unpublish()
    assert client.get(url(attempt)).status_code == 404
    assert post(client, attempt, answers(items)).status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.OPEN


def test_one_by_one_questions_must_be_answered_in_order(client, started):
    attempt, items = started(feedback_timing=FeedbackTiming.AFTER_EACH_QUESTION)
    second = items[1]
    response = client.post(
        url(attempt),
        {
            "action": "answer",
            "position": second.position,
            f"q{second.position}": wrong_keys(second),
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "op volgorde" in html and "Er is 1 probleem" in html
    assert not AttemptItem.objects.filter(attempt=attempt, locked=True).exists()


def test_saving_after_handing_in_from_another_tab_goes_to_the_result(client, started):
    attempt, items = started()
    assert post(client, attempt, answers(items)).status_code == 302
    response = post(client, attempt, answers(items, right=0), action="save")
    assert response["Location"] == reverse("attempt_result", args=[attempt.public_id])
