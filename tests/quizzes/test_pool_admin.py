"""The pools in the admin (under Quizzes): the pool snippets, the overview per pool and theme
next to the quizzes' draw rules, and the bank check panel. For the kernteam only; constant
queries whatever the size of the bank."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from accounts.roles import Role
from modules.learning.models import LessonPage
from quizzes.bank_check import pool_overview
from tests.factories import QuestionFactory, QuestionPoolFactory, QuizFactory, module_with_lessons

pytestmark = pytest.mark.django_db

OVERVIEW = "question_pool_overview"
CHECK = "question_bank_check"
POOLS = "wagtailsnippets_quizzes_questionpool:list"


@pytest.fixture
def lesson():
    return LessonPage.objects.get(pk=module_with_lessons(lessons=1).get_children()[0].pk)


@pytest.fixture
def bank(lesson):
    """Voorbeeldpool: 4 on Melden (one without a lesson), 1 on Drugs, 1 not in use; the quiz
    Voorbeeldtoets (3 attempts) draws 3 on Melden (too small), 2 on Drugs (never filled);
    Tweede toets (1 attempt) draws 4 of any theme (fine)."""
    pool = QuestionPoolFactory(name="Voorbeeldpool")
    for index in range(4):
        QuestionFactory(pools=[pool], theme="melden", source_page=lesson if index else None)
    QuestionFactory(pools=[pool], theme="drugs", source_page=lesson)
    QuestionFactory(pools=[pool], theme="drugs", is_active=False)
    QuizFactory(
        title="Voorbeeldtoets", max_attempts=3, draw=[(pool, "melden", 3), (pool, "drugs", 2)]
    )
    QuizFactory(title="Tweede toets", max_attempts=1, draw=[(pool, "", 4)])
    QuestionPoolFactory(name="Lege pool")
    return pool


def test_the_overview_shows_per_pool_and_theme_what_is_asked(bank):
    rows = {(row.pool, row.theme): row for row in pool_overview()}
    assert list(rows) == [
        ("Lege pool", "elk thema"),
        ("Voorbeeldpool", "Drugs"),
        ("Voorbeeldpool", "Melden"),
        ("Voorbeeldpool", "elk thema"),
    ]
    melden = rows[("Voorbeeldpool", "Melden")]
    assert (melden.in_use, melden.asked, melden.status) == (4, "Voorbeeldtoets: 3", "small")
    drugs = rows[("Voorbeeldpool", "Drugs")]
    assert (drugs.in_use, drugs.asked, drugs.status) == (1, "Voorbeeldtoets: 2", "unfillable")
    anything = rows[("Voorbeeldpool", "elk thema")]
    assert (anything.in_use, anything.asked, anything.status) == (5, "Tweede toets: 4", "ok")
    empty = rows[("Lege pool", "elk thema")]
    assert (empty.in_use, empty.rules, empty.status_label) == (0, (), "geen toets trekt hieruit")


def test_a_theme_drawn_only_by_an_any_theme_rule_says_so(lesson):
    pool = QuestionPoolFactory(name="Voorbeeldpool")
    QuestionFactory(pools=[pool], theme="fraude", source_page=lesson)
    QuizFactory(title="Voorbeeldtoets", max_attempts=1, draw=[(pool, "", 1)])
    fraude, anything = pool_overview()
    assert (fraude.theme, fraude.rules, fraude.status) == ("Fraude en witwassen", (), None)
    assert fraude.status_label == "getrokken via de regel voor elk thema"
    assert (anything.theme, anything.status_label) == ("elk thema", "in orde")


def test_kernteam_sees_the_overview_with_its_statuses(bank, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    response = client.get(reverse(OVERVIEW))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pools en trekregels" in html
    for text in (
        "Voorbeeldpool",
        "Voorbeeldtoets: 3",
        "Tweede toets: 4",
        "te klein voor het aantal pogingen",
        "kan nooit gevuld worden",
        "in orde",
    ):
        assert text in html, text
    # The overview sits in the Quizzes menu, next to the bank check.
    assert reverse(OVERVIEW) in html and reverse(CHECK) in html


def test_the_overview_exports_as_csv(bank, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    response = client.get(reverse(OVERVIEW), {"export": "csv"})
    assert response.status_code == 200
    rows = list(
        csv.reader(
            io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")), delimiter=";"
        )
    )
    assert rows[0][:3] == ["Pool", "Thema", "Vragen in gebruik"]
    assert ["Voorbeeldpool", "Drugs", "1", "Voorbeeldtoets: 2", "kan nooit gevuld worden"] in rows


def test_kernteam_manages_pools_as_snippets(bank, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    response = client.get(reverse(POOLS))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Voorbeeldpool" in html and "Lege pool" in html
    response = client.post(
        reverse("wagtailsnippets_quizzes_questionpool:add"),
        {"name": "Voorbeeld nieuw", "description": "Voor een test."},
    )
    assert response.status_code == 302
    assert client.get(reverse(POOLS)).content.decode().count("Voorbeeld nieuw") >= 1


def test_the_bank_check_panel_shows_summary_and_findings(bank, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    response = client.get(reverse(CHECK))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Controle vragenbank" in html
    assert "no_source" in html and "unfillable_rule" in html and "small_pool" in html
    assert "Geen les legt deze vraag uit" in html
    assert "Vragen in gebruik in Voorbeeldpool, per thema en soort" in html
    response = client.get(reverse(CHECK), {"pool": QuestionPoolFactory(name="Lege pool").pk})
    html = response.content.decode()
    assert "Geen problemen gevonden." in html and "no_source" not in html


def grow(bank, lesson, times: int) -> None:
    """More pools, questions and quizzes of the same shape."""
    for index in range(times):
        pool = QuestionPoolFactory(name=f"Extra pool {index}")
        for theme in ("melden", "drugs", "fraude"):
            QuestionFactory(pools=[pool, bank], theme=theme, source_page=lesson)
        QuizFactory(max_attempts=None, draw=[(pool, "melden", 1), (pool, "", 2)])


@pytest.mark.parametrize("extra", [0, 6])
def test_the_pages_run_a_constant_number_of_queries(
    bank, lesson, extra, kernteam_user, mfa_client_for, django_assert_max_num_queries
):
    grow(bank, lesson, extra)
    client = mfa_client_for(kernteam_user)
    # Measured on SQLite with room for one more: 16, 21 and 15 at both sizes.
    for name, bound in ((OVERVIEW, 17), (CHECK, 22), (POOLS, 16)):
        with django_assert_max_num_queries(bound):
            assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("role", [Role.MEDEWERKER, Role.RAADSLID, Role.LEIDINGGEVENDE])
def test_other_roles_cannot_see_pools_overview_or_check(bank, make_user, mfa_client_for, role):
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    for name in (OVERVIEW, CHECK, POOLS):
        response = client.get(reverse(name))
        # Without admin access: 403; a manager is sent back to the admin dashboard.
        assert response.status_code in (302, 403), name
        if response.status_code == 302:
            assert response["Location"] == "/admin/"
        assert "Voorbeeldpool" not in response.content.decode()
    response = client.get(reverse(OVERVIEW), {"export": "csv"})
    assert response.status_code in (302, 403)


def test_the_question_bank_filters_by_pool(bank, kernteam_user, mfa_client_for):
    other = QuestionPoolFactory(name="Tweede voorbeeldpool")
    QuestionFactory(pools=[other], text="Alleen in de tweede pool?")
    client = mfa_client_for(kernteam_user)
    url = reverse("wagtailsnippets_quizzes_question:list")
    assert "Alleen in de tweede pool?" in client.get(url).content.decode()
    html = client.get(url, {"pools": bank.pk}).content.decode()
    assert "Alleen in de tweede pool?" not in html
    assert "Alleen in de tweede pool?" in client.get(url, {"pools": other.pk}).content.decode()
