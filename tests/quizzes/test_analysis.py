"""Item analysis: aggregates only, small groups hidden, raadsleden never in staff figures."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from accounts.roles import Role
from modules.learning.final_quiz import final_quiz_start, final_quiz_submit
from quizzes.analysis import department_figures, question_figures, theme_trend
from quizzes.models import Question
from quizzes.selectors import attempt_items
from quizzes.services import question_record_edit
from tests.factories import DepartmentFactory, QuestionFactory, QuizFactory, module_with_lessons
from tests.quizzes.conftest import finish_lessons

pytestmark = pytest.mark.django_db


def take_quiz(user, module, choice: str) -> None:
    """Answer every question with the option whose text is ``choice``."""
    finish_lessons(user, module)
    attempt = final_quiz_start(user=user, module=module)
    data = {
        f"q{item.position}": [o["key"] for o in item.options if o["text"] == choice]
        for item in attempt_items(attempt=attempt)
    }
    assert not final_quiz_submit(user=user, attempt=attempt, data=data).errors


@pytest.fixture
def answered(make_user):
    """Six staff in Publiekszaken (3 right, 3 chose 'Fout 1'), three in VTH and two in IV
    (all 'Fout 2'), five raadsleden (all right)."""
    question = QuestionFactory(theme="melden", text="Waar meld je een signaal?")
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[question]))
    pz, vth = DepartmentFactory(name="Publiekszaken"), DepartmentFactory(name="VTH")
    iv = DepartmentFactory(name="IV")
    for index in range(6):
        take_quiz(make_user(department=pz), module, "Goed" if index < 3 else "Fout 1")
    for department, count in ((vth, 3), (iv, 2)):
        for _ in range(count):
            take_quiz(make_user(department=department, last_name="Kleinteam"), module, "Fout 2")
    for _ in range(5):
        take_quiz(make_user(Role.RAADSLID, department=None, last_name="Raadslid"), module, "Goed")
    return question


def test_question_figures_count_staff_only(answered):
    (figures,) = question_figures()
    assert figures.question == "Waar meld je een signaal?"
    assert (figures.answers, figures.correct, figures.percent_correct) == (11, 3, 27)
    assert (figures.most_chosen_wrong, figures.most_chosen_wrong_count) == ("Fout 2", 5)


def test_departments_smaller_than_five_people_are_hidden(answered):
    # VTH (3) and IV (2) are hidden; together they are five, so Publiekszaken may show.
    figures = department_figures()
    assert [(f.department, f.people, f.percent_correct) for f in figures] == [
        ("Publiekszaken", 6, 50)
    ]


def test_a_small_group_cannot_be_worked_out_from_the_total(make_user):
    """Six in one department and three in another: showing the six would reveal the three
    (total minus six), so neither department is shown."""
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[QuestionFactory()]))
    big, small = DepartmentFactory(), DepartmentFactory()
    for _ in range(6):
        take_quiz(make_user(department=big), module, "Goed")
    for _ in range(3):
        take_quiz(make_user(department=small), module, "Fout 1")
    assert department_figures() == []
    assert question_figures()[0].answers == 9  # the question as a whole (nine people) shows


def test_someone_who_became_a_raadslid_leaves_the_staff_figures(make_user):
    from accounts.services import user_set_roles

    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[QuestionFactory()]))
    people = [make_user() for _ in range(6)]
    for person in people:
        take_quiz(person, module, "Goed")
    assert question_figures()[0].answers == 6
    user_set_roles(user=people[0], roles=[Role.RAADSLID])
    assert question_figures()[0].answers == 5


def test_theme_trend_keeps_raadsleden_as_a_separate_group(answered):
    groups = {f.group: f for f in theme_trend()}
    assert groups["Medewerkers"].people == 11 and groups["Medewerkers"].average_percent == 27
    council = groups["Raadsleden (als groep)"]
    assert council.people == 5 and council.average_percent == 100


def test_a_council_group_below_five_is_hidden(make_user):
    question = QuestionFactory()
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[question]))
    for _ in range(4):
        take_quiz(make_user(Role.RAADSLID, department=None), module, "Goed")
    assert theme_trend() == []
    assert question_figures() == []  # and never in the staff figures


def test_kernteam_sees_the_reports_and_exports_without_names(
    answered, kernteam_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    for name in ("questions", "departments", "themes"):
        response = client.get(reverse(f"item_analysis_{name}"))
        assert response.status_code == 200
        html = response.content.decode()
        assert "Raadslid" not in html and "Kleinteam" not in html
    export = client.get(reverse("item_analysis_questions"), {"export": "csv"})
    rows = list(
        csv.DictReader(
            io.StringIO(b"".join(export.streaming_content).decode("utf-8-sig")), delimiter=";"
        )
    )
    assert rows[0]["Vraag"] == "Waar meld je een signaal?"
    assert rows[0]["Percentage goed"] == "27"


@pytest.mark.parametrize("role", [Role.MEDEWERKER, Role.RAADSLID, Role.LEIDINGGEVENDE])
def test_other_roles_cannot_see_the_item_analysis(answered, make_user, mfa_client_for, role):
    user = make_user(Role.MEDEWERKER, role)
    client = mfa_client_for(user)
    for name in ("questions", "departments", "themes"):
        response = client.get(reverse(f"item_analysis_{name}"))
        # Without admin access: 403; a manager (admin for reports only) is sent back to the
        # admin dashboard with Wagtail's "no permission" message. Never the figures.
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] == "/admin/"


@pytest.mark.parametrize("people", [5, 15])
def test_item_analysis_runs_a_constant_number_of_queries(
    people, make_user, kernteam_user, mfa_client_for, django_assert_max_num_queries
):
    questions = [QuestionFactory() for _ in range(3)]
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=questions))
    department = DepartmentFactory()
    for index in range(people):
        take_quiz(make_user(department=department), module, "Goed" if index % 2 else "Fout 1")
    client = mfa_client_for(kernteam_user)
    for name in ("questions", "departments", "themes"):
        with django_assert_max_num_queries(18):
            assert client.get(reverse(f"item_analysis_{name}")).status_code == 200


def test_each_version_of_a_question_has_its_own_row_and_small_versions_are_hidden(
    make_user, kernteam_user, mfa_client_for
):
    question = QuestionFactory(text="Oude vraag?")
    module = module_with_lessons(lessons=1, final_quiz=QuizFactory(questions=[question]))
    for index in range(6):
        take_quiz(make_user(), module, "Goed" if index < 3 else "Fout 1")
    Question.objects.filter(pk=question.pk).update(text="Nieuwe vraag?")
    assert question_record_edit(question=question).version == 2
    for _ in range(4):
        take_quiz(make_user(), module, "Goed")
    # Four people answered version 2: that version is not shown yet.
    assert [(f.version, f.question, f.answers) for f in question_figures()] == [
        (1, "Oude vraag?", 6)
    ]
    take_quiz(make_user(), module, "Fout 2")
    figures = question_figures()
    assert [(f.version, f.question, f.answers, f.percent_correct) for f in figures] == [
        (1, "Oude vraag?", 6, 50),
        (2, "Nieuwe vraag?", 5, 80),
    ]
    assert [(f.most_chosen_wrong, f.most_chosen_wrong_count) for f in figures] == [
        ("Fout 1", 3),
        ("Fout 2", 1),
    ]
    html = mfa_client_for(kernteam_user).get(reverse("item_analysis_questions")).content.decode()
    assert "Oude vraag?" in html and "Nieuwe vraag?" in html
