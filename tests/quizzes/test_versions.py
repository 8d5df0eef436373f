"""Question versions through the real Wagtail admin: an edit of what a question asks makes a
new version only when people already answered the current one, and the attempts keep what
they were asked."""

from __future__ import annotations

import pytest
from django.urls import reverse

from modules.learning.final_quiz import final_quiz_start
from quizzes.models import AttemptItem, Question, QuestionKind
from quizzes.selectors import attempt_items
from tests.factories import QuestionFactory
from tests.factories.quizzes import QuestionPoolFactory, pass_final_quiz
from tests.quizzes.conftest import finish_lessons
from tests.quizzes.test_admin import a_lesson

pytestmark = pytest.mark.django_db


def edit_data(question: Question, **changes) -> dict:
    """The admin edit form's data for ``question`` as it is stored, with ``changes`` (field
    values, or ``options`` as a list of (text, correct, feedback) for the existing options in
    order)."""
    options = list(question.options.order_by("sort_order"))
    texts = changes.pop("options", None) or [(o.text, o.is_correct, o.feedback) for o in options]
    data = {
        "kind": question.kind,
        "theme": question.theme,
        "pools": [str(pk) for pk in question.pools.values_list("pk", flat=True)],
        "scenario": question.scenario,
        "text": question.text,
        "explanation": question.explanation,
        "source_page": str(question.source_page_id or a_lesson().pk),
        "source_note": question.source_note,
        "is_active": "on",
        "options-TOTAL_FORMS": str(len(options)),
        "options-INITIAL_FORMS": str(len(options)),
        "options-MIN_NUM_FORMS": "2",
        "options-MAX_NUM_FORMS": "6",
    }
    data.update(changes)
    for index, (option, (text, correct, feedback)) in enumerate(zip(options, texts, strict=True)):
        data[f"options-{index}-id"] = str(option.pk)
        data[f"options-{index}-text"] = text
        data[f"options-{index}-feedback"] = feedback
        data[f"options-{index}-ORDER"] = str(index + 1)
        if correct:
            data[f"options-{index}-is_correct"] = "on"
    return data


def admin_edit(client, question: Question, **changes) -> Question:
    url = reverse("wagtailsnippets_quizzes_question:edit", args=[question.pk])
    response = client.post(url, edit_data(question, **changes))
    assert response.status_code == 302, response.context["form"].errors
    return Question.objects.get(pk=question.pk)


def test_editing_a_question_nobody_answered_keeps_version_1(kernteam_user, mfa_client_for):
    question = QuestionFactory(kind=QuestionKind.SINGLE)
    client = mfa_client_for(kernteam_user)
    edited = admin_edit(client, question, text="Wat doe je met dit verzoek?")
    assert (edited.text, edited.version) == ("Wat doe je met dit verzoek?", 1)


def test_editing_an_answered_question_makes_version_2_and_old_attempts_keep_theirs(
    kernteam_user, mfa_client_for, make_user, quiz_module
):
    question = QuestionFactory(kind=QuestionKind.SINGLE, text="Oude vraag?")
    module = quiz_module(questions=[question])
    old = pass_final_quiz(make_user(), module)
    client = mfa_client_for(kernteam_user)
    edited = admin_edit(client, question, text="Nieuwe vraag?")
    assert edited.version == 2
    (old_item,) = AttemptItem.objects.filter(attempt=old)
    assert (old_item.question_version, old_item.text) == (1, "Oude vraag?")
    # A second save of the same content is no new version.
    assert admin_edit(client, edited).version == 2
    learner = make_user()
    pass_final_quiz(learner, module)
    (new_item,) = AttemptItem.objects.filter(attempt__user=learner)
    assert (new_item.question_version, new_item.text) == (2, "Nieuwe vraag?")


def test_a_new_key_is_a_new_version(kernteam_user, mfa_client_for, make_user, quiz_module):
    question = QuestionFactory(kind=QuestionKind.SINGLE)
    module = quiz_module(questions=[question])
    pass_final_quiz(make_user(), module)
    client = mfa_client_for(kernteam_user)
    options = [
        (o.text, not o.is_correct if i < 2 else False, o.feedback)
        for i, o in enumerate(question.options.order_by("sort_order"))
    ]
    assert admin_edit(client, question, options=options).version == 2


def test_moving_an_answered_question_to_another_theme_or_pool_keeps_its_version(
    kernteam_user, mfa_client_for, make_user, quiz_module
):
    question = QuestionFactory(kind=QuestionKind.SINGLE)
    module = quiz_module(questions=[question])
    pass_final_quiz(make_user(), module)
    client = mfa_client_for(kernteam_user)
    other = QuestionPoolFactory()
    edited = admin_edit(client, question, theme="drugs")
    assert (edited.theme, edited.version) == ("drugs", 1)
    edited = admin_edit(client, edited, pools=[str(other.pk)])
    assert list(edited.pools.all()) == [other] and edited.version == 1


def test_an_open_attempt_counts_as_answered(kernteam_user, mfa_client_for, make_user, quiz_module):
    """An attempt only drawn holds the snapshot of version 1 too."""
    question = QuestionFactory(kind=QuestionKind.SINGLE)
    module = quiz_module(questions=[question])
    learner = make_user()

    finish_lessons(learner, module)
    attempt = final_quiz_start(user=learner, module=module)
    client = mfa_client_for(kernteam_user)
    assert admin_edit(client, question, explanation="Betere uitleg.").version == 2
    (item,) = attempt_items(attempt=attempt)
    assert item.question_version == 1
