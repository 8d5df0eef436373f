"""The item analysis of dilemmas ("Keuzes in dilemma's"): the spread of first choices per
dilemma, staff apart from the raadsleden as one group, groups under five left out and counts
that could point at fewer than five hidden, on screen and in the export; only for whoever may
see the item analysis."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from accounts.roles import Role
from accounts.services import user_set_roles
from modules.learning.dilemmas import dilemma_choose, dilemma_spread, page_dilemmas
from modules.learning.models import LessonPage
from tests.factories import DepartmentFactory, LessonPageFactory, module_with_lessons

pytestmark = pytest.mark.django_db

CHOICES = ["Ik neem ze aan.", "Ik weiger vriendelijk.", "Ik geef ze aan een collega."]


def a_lesson(title: str = "Les over cadeaus") -> LessonPage:
    module = module_with_lessons(lessons=0)
    lesson = LessonPageFactory(
        parent=module,
        title=title,
        body=[
            (
                "dilemma",
                {
                    "title": "Kaartjes van een aanvrager",
                    "situation": "Een aanvrager biedt je kaartjes aan.",
                    "question": "Wat doe je?",
                    "choices": [{"choice": text, "explanation": "Uitleg."} for text in CHOICES],
                },
            )
        ],
    )
    return LessonPage.objects.get(pk=lesson.pk)


def choose(lesson, users, choice_index: int) -> None:
    dilemma = page_dilemmas(page=lesson)[0]
    for user in users:
        dilemma_choose(
            user=user, page=lesson, dilemma=dilemma, choice_id=dilemma.options[choice_index].id
        )


def people(make_user, count: int, *roles: Role) -> list:
    department = DepartmentFactory(name="Vergunningen")
    return [make_user(*roles, department=department) for _ in range(count)]


def spread_of(rows, group: str = "Medewerkers") -> list[tuple[str, int | None, int | None]]:
    return [(row.choice, row.people, row.percent) for row in rows if row.group == group]


def test_the_spread_per_choice_for_staff(make_user):
    lesson = a_lesson()
    choose(lesson, people(make_user, 5), 0)
    choose(lesson, people(make_user, 5), 1)
    rows = dilemma_spread()
    assert {(row.page, row.dilemma, row.group_total) for row in rows} == {
        ("Les over cadeaus", "Kaartjes van een aanvrager", 10)
    }
    # In the editor's order, with the choice nobody picked (zero names nobody).
    assert spread_of(rows) == [(CHOICES[0], 5, 50), (CHOICES[1], 5, 50), (CHOICES[2], 0, 0)]


def test_counts_that_point_at_fewer_than_five_are_hidden(make_user):
    lesson = a_lesson()
    choose(lesson, people(make_user, 7), 0)
    choose(lesson, people(make_user, 4), 1)
    choose(lesson, people(make_user, 1), 2)
    hidden = (None, None)
    assert spread_of(dilemma_spread()) == [
        (CHOICES[0], 7, 58),
        (CHOICES[1], *hidden),
        (CHOICES[2], *hidden),
    ]


def test_a_shown_count_is_hidden_too_when_the_hidden_ones_add_up_to_under_five(make_user):
    # 6 + 5 + 3 + 1 of 15: showing 6 and 5 would tell that exactly 4 chose the other two.
    module = module_with_lessons(lessons=0)
    lesson = LessonPageFactory(
        parent=module,
        title="Vier keuzes",
        body=[
            (
                "dilemma",
                {
                    "title": "Vier keuzes",
                    "situation": "Een situatie.",
                    "question": "Wat doe je?",
                    "choices": [
                        {"choice": f"Keuze {n}", "explanation": "Uitleg."} for n in range(4)
                    ],
                },
            )
        ],
    )
    lesson = LessonPage.objects.get(pk=lesson.pk)
    for index, count in enumerate([6, 5, 3, 1]):
        choose(lesson, people(make_user, count), index)
    assert [row.people for row in dilemma_spread()] == [6, None, None, None]


def test_a_dilemma_with_fewer_than_five_choosers_is_not_shown(make_user):
    few, enough = a_lesson("Les met weinig keuzes"), a_lesson("Les met genoeg keuzes")
    choose(few, people(make_user, 4), 0)
    choose(enough, people(make_user, 5), 1)
    assert {row.page for row in dilemma_spread()} == {"Les met genoeg keuzes"}


def test_raadsleden_count_only_as_one_group_apart_from_staff(make_user):
    lesson = a_lesson()
    choose(lesson, people(make_user, 5), 0)
    members = people(make_user, 4, Role.RAADSLID)
    choose(lesson, members, 2)
    rows = dilemma_spread()
    assert {row.group for row in rows} == {"Medewerkers"}  # four raadsleden: not shown at all
    assert spread_of(rows) == [(CHOICES[0], 5, 100), (CHOICES[1], 0, 0), (CHOICES[2], 0, 0)]

    # A fifth: who chose as a staff member but is a raadslid now counts with the raadsleden.
    later = make_user()
    choose(lesson, [later], 2)
    user_set_roles(user=later, roles=[Role.RAADSLID])
    rows = dilemma_spread()
    assert spread_of(rows, "Raadsleden (als groep)") == [
        (CHOICES[0], 0, 0),
        (CHOICES[1], 0, 0),
        (CHOICES[2], 5, 100),
    ]
    assert spread_of(rows) == [(CHOICES[0], 5, 100), (CHOICES[1], 0, 0), (CHOICES[2], 0, 0)]


def test_the_kernteam_sees_the_report_and_the_export_hides_small_counts(
    make_user, kernteam_user, mfa_client_for
):
    lesson = a_lesson()
    choose(lesson, people(make_user, 7), 0)
    choose(lesson, people(make_user, 2), 1)
    choose(lesson, people(make_user, 5), 2)  # hidden as well: 14 - 7 - 5 would give the 2
    client = mfa_client_for(kernteam_user)
    response = client.get(reverse("dilemma_choices_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Keuzes in dilemma" in html and "Kaartjes van een aanvrager" in html
    assert "minder dan 5" in html
    assert "Vergunningen" not in html  # no departments, no names

    export = client.get(reverse("dilemma_choices_report"), {"export": "csv"})
    content = b"".join(export.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content), delimiter=";"))
    assert [(row["Keuze"], row["Mensen"], row["Aandeel"]) for row in rows] == [
        (CHOICES[0], "7", "50%"),
        (CHOICES[1], "minder dan 5", ""),
        (CHOICES[2], "minder dan 5", ""),
    ]
    assert {row["Groep"] for row in rows} == {"Medewerkers"}
    assert {row["Mensen die kozen"] for row in rows} == {"14"}


@pytest.mark.parametrize("role", [Role.MEDEWERKER, Role.LEIDINGGEVENDE, Role.RAADSLID])
def test_other_roles_cannot_see_the_dilemma_report(make_user, mfa_client_for, role):
    lesson = a_lesson()
    choose(lesson, people(make_user, 5), 0)
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    for params in ({}, {"export": "csv"}):
        response = client.get(reverse("dilemma_choices_report"), params)
        # Without admin access: 403; a manager (admin for reports only) is sent back to the
        # admin dashboard with Wagtail's "no permission" message. Never the figures.
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] == "/admin/"
    results = client.get(reverse("dilemma_choices_report_results"))
    assert results.status_code in (302, 403)


@pytest.mark.parametrize("choosers", [5, 20])
def test_the_report_runs_a_constant_number_of_queries(
    make_user, kernteam_user, mfa_client_for, django_assert_max_num_queries, choosers
):
    lessons = [a_lesson(f"Les {n}") for n in range(3)]
    staff = people(make_user, choosers)
    members = people(make_user, 5, Role.RAADSLID)
    for index, lesson in enumerate(lessons):
        choose(lesson, staff, index % 3)
        choose(lesson, members, 1)
    client = mfa_client_for(kernteam_user)
    with django_assert_max_num_queries(18):
        response = client.get(reverse("dilemma_choices_report"))
        assert response.status_code == 200
    assert response.content.decode().count("Raadsleden (als groep)") == 9
