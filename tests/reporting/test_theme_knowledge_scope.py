"""The knowledge dashboard for a manager of small teams (issue 17): their departments are
counted together, so two teams of three show a figure for six people, while one team of three
alone shows none; a hidden theme is named with the reason in words."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from accounts.roles import Role
from tests.factories import DepartmentFactory, module_with_lessons
from tests.factories.quizzes import pass_final_quiz

pytestmark = pytest.mark.django_db


def table_rows(html: str) -> list[list[str]]:
    if 'class="listing' not in html:
        return []
    body = html.split('class="listing', 1)[1].split("<tbody", 1)[1].split("</tbody>", 1)[0]
    return [
        [" ".join(re.sub(r"<[^>]+>", "", cell).split()) for cell in cells]
        for cells in (
            re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, flags=re.S)
            for row in re.findall(r"<tr.*?</tr>", body, flags=re.S)
        )
    ]


@pytest.fixture
def two_small_teams(make_user):
    """Two departments of three people each; all six passed a quiz on drugs, and one person
    answered a quiz on fraud."""
    from tests.factories import QuestionFactory, QuizFactory

    first, second = (
        DepartmentFactory(name="Wijkteam Noord"),
        DepartmentFactory(name="Wijkteam Zuid"),
    )
    people = [make_user(Role.MEDEWERKER, department=d) for d in (first, second) for _ in range(3)]
    drugs = module_with_lessons(
        lessons=0, final_quiz=QuizFactory(questions=[QuestionFactory(theme="drugs")])
    )
    fraude = module_with_lessons(
        lessons=0, final_quiz=QuizFactory(questions=[QuestionFactory(theme="fraude")])
    )
    for person in people:
        pass_final_quiz(person, drugs)
    pass_final_quiz(people[0], fraude)
    manager = make_user(Role.MEDEWERKER, Role.LEIDINGGEVENDE, department=first)
    first.managers.add(manager)
    second.managers.add(manager)
    return {"first": first, "second": second, "manager": manager}


def test_a_manager_of_two_teams_of_three_sees_the_combined_figure(two_small_teams, mfa_client_for):
    client = mfa_client_for(two_small_teams["manager"])
    html = client.get(reverse("dashboard_themes")).content.decode()
    assert [(row[0], row[1], row[3]) for row in table_rows(html)] == [("Drugs", "6", "100")]
    assert "van je afdelingen samen (Wijkteam Noord, Wijkteam Zuid)" in html
    hidden = re.search(r'<p id="hidden-themes">(.*?)</p>', html, re.S).group(1)
    assert "minder dan 5 mensen" in hidden and "Fraude en witwassen" in hidden
    assert "Drugs" not in hidden


def test_one_team_of_three_shows_no_figure_and_says_why(two_small_teams, mfa_client_for):
    two_small_teams["second"].managers.remove(two_small_teams["manager"])
    client = mfa_client_for(two_small_teams["manager"])
    html = client.get(reverse("dashboard_themes")).content.decode()
    assert table_rows(html) == []
    assert "Er kan nog geen thema getoond worden" in html
    assert "Drugs" in re.search(r'<p id="hidden-themes">(.*?)</p>', html, re.S).group(1)
    export = b"".join(
        client.get(reverse("dashboard_themes"), {"export": "csv"}).streaming_content
    ).decode("utf-8-sig")
    assert export.splitlines()[1:] == []  # the download holds no figure either
