"""The question bank and quizzes in the Wagtail admin: the real admin forms and screens."""

from __future__ import annotations

import pytest
from django.urls import reverse

from modules.learning.models import LessonPage
from quizzes.models import Question, QuestionKind, Quiz
from tests.factories import module_with_lessons
from tests.factories.quizzes import shared_pool

pytestmark = pytest.mark.django_db


def a_lesson() -> LessonPage:
    """A live lesson to name as the question's teaching source (required for questions in
    use)."""
    return LessonPage.objects.live().first() or module_with_lessons(lessons=1).get_children()[0]


def question_form(kind: str, options: list[tuple[str, bool, str]], scenario: str = ""):
    form_class = Question.get_edit_handler().get_form_class()
    data = {
        "kind": kind,
        "theme": "melden",
        "pools": [str(shared_pool().pk)],
        "scenario": scenario,
        "text": "Waar meld je dit?",
        "explanation": "Uitleg.",
        "source_page": str(a_lesson().pk),
        "is_active": "on",
        "options-TOTAL_FORMS": str(len(options)),
        "options-INITIAL_FORMS": "0",
        "options-MIN_NUM_FORMS": "2",
        "options-MAX_NUM_FORMS": "6",
    }
    for index, (text, correct, feedback) in enumerate(options):
        data[f"options-{index}-text"] = text
        data[f"options-{index}-feedback"] = feedback
        data[f"options-{index}-ORDER"] = str(index + 1)
        if correct:
            data[f"options-{index}-is_correct"] = "on"
    return form_class(data=data, instance=Question())


@pytest.mark.parametrize(
    ("kind", "options", "scenario", "message"),
    [
        (QuestionKind.SINGLE, [("A", True, ""), ("B", True, "")], "", "precies één goed"),
        (QuestionKind.SINGLE, [("A", False, ""), ("B", False, "")], "", "precies één goed"),
        (QuestionKind.MULTIPLE, [("A", True, ""), ("B", True, "")], "", "één fout"),
        (QuestionKind.TRUE_FALSE, [("Ja", True, ""), ("Nee", False, "")], "", "'Waar'"),
        (QuestionKind.SCENARIO, [("A", True, "x"), ("B", False, "y")], "", "situatie"),
        (QuestionKind.SCENARIO, [("A", True, "x"), ("B", False, "")], "Iets.", "feedback"),
    ],
)
def test_the_admin_form_enforces_the_rules_per_kind(kind, options, scenario, message):
    form = question_form(kind, options, scenario)
    assert not form.is_valid()
    assert message in " ".join(form.non_field_errors())


def test_a_valid_question_saves_with_its_options():
    form = question_form(
        QuestionKind.SCENARIO, [("A", True, "Goed."), ("B", False, "Niet goed.")], "Situatie."
    )
    assert form.is_valid(), form.errors
    question = form.save()
    assert [o.text for o in question.options.all()] == ["A", "B"]


def test_kernteam_manages_the_bank_and_previews_a_question(kernteam_user, mfa_client_for):
    from tests.factories import QuestionFactory, QuizFactory

    question = QuestionFactory(kind=QuestionKind.SCENARIO)
    quiz = QuizFactory(draw={"melden": 1})
    client = mfa_client_for(kernteam_user)
    assert client.get(reverse("wagtailsnippets_quizzes_question:list")).status_code == 200
    assert client.get(reverse("wagtailsnippets_quizzes_question:add")).status_code == 200
    edit = reverse("wagtailsnippets_quizzes_question:edit", args=[question.pk])
    assert client.get(edit).status_code == 200
    preview_url = reverse("wagtailsnippets_quizzes_question:preview_on_edit", args=[question.pk])
    data = question_form(
        QuestionKind.SCENARIO, [("Melden", True, "Goed."), ("Zelf zoeken", False, "Nee.")], "Sit."
    ).data
    assert client.post(preview_url, data).json()["is_valid"] is True
    html = client.get(preview_url).content.decode()
    assert "Waar meld je dit?" in html and "Zelf zoeken" in html and "Sit." in html
    assert (
        client.get(reverse("wagtailsnippets_quizzes_quiz:edit", args=[quiz.pk])).status_code == 200
    )
    assert Quiz.objects.count() == 1


def test_a_medewerker_cannot_reach_the_bank(client, medewerker):
    client.force_login(medewerker)
    assert client.get(reverse("wagtailsnippets_quizzes_question:list")).status_code == 403
