"""Saving a reflection without any answer or note is a form error, and stores nothing; the
message after deleting one's self-study data counts in singular and plural forms."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.roles import Role
from modules.council.models import Reflection
from modules.council.services import reflection_save
from tests.factories import reflection_page
from tests.factories.quizzes import pass_final_quiz
from tests.modules.final_quiz_helpers import taught_module

pytestmark = pytest.mark.django_db

NOTHING = "Er is nog niets om te bewaren."


def _field(page, number: int) -> str:
    return f"stelling-{page.statements[number].id}"


@pytest.mark.parametrize("notes", ["", "   \n  "])
def test_an_empty_reflection_is_an_error_and_nothing_is_saved(make_user, client, notes):
    page = reflection_page()
    member = make_user(Role.RAADSLID)
    client.force_login(member)
    response = client.post(page.url, {"notities": notes})
    assert response.status_code == 400
    html = response.content.decode()
    assert NOTHING in html
    assert '<a href="#stelling-1">' + NOTHING in html  # in the error summary
    assert "Gelukt" not in html and "Alleen jij kunt ze zien" not in html
    assert not Reflection.objects.filter(user=member).exists()


def test_an_empty_post_leaves_a_saved_reflection_as_it_was(make_user, client):
    page = reflection_page()
    member = make_user(Role.RAADSLID)
    reflection_save(user=member, page=page, answers={}, notes="Mijn notitie")
    client.force_login(member)
    response = client.post(page.url, {})
    assert response.status_code == 400
    assert Reflection.objects.get(user=member, page=page).notes == "Mijn notitie"


@pytest.mark.parametrize(
    "data",
    [
        lambda page: {_field(page, 1): "no"},
        lambda page: {"notities": "Navragen bij de griffie."},
    ],
    ids=["one answer", "only a note"],
)
def test_one_answer_or_a_note_is_enough_to_save(make_user, client, data):
    page = reflection_page()
    member = make_user(Role.RAADSLID)
    client.force_login(member)
    response = client.post(page.url, data(page))
    assert response.status_code == 302
    assert Reflection.objects.filter(user=member, page=page).exists()


# -- Deleting one's self-study data: the message counts in plural forms -------------------------


def _self_study(member, *, count: int) -> None:
    for seed in range(count):
        pass_final_quiz(member, taught_module(lessons=1), seed=seed + 1)
        reflection_save(user=member, page=reflection_page(), answers={}, notes="Notitie")


def _deletion_message(client, member) -> str:
    client.force_login(member)
    response = client.post(reverse("my_data_delete"), {"bevestig": "ja"}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index("Je gegevens van zelfstudie zijn verwijderd")
    return " ".join(html[start : html.index("</", start)].split())


def test_the_deletion_message_says_one_of_each_in_the_singular(make_user, client):
    member = make_user(Role.RAADSLID, department=None)
    _self_study(member, count=1)
    assert _deletion_message(client, member) == (
        "Je gegevens van zelfstudie zijn verwijderd: 1 ronde van een module, "
        "1 poging voor een toets en 1 reflectie."
    )


def test_the_deletion_message_says_two_of_each_in_the_plural(make_user, client):
    member = make_user(Role.RAADSLID, department=None)
    _self_study(member, count=2)
    assert _deletion_message(client, member) == (
        "Je gegevens van zelfstudie zijn verwijderd: 2 rondes van modules, "
        "2 pogingen voor toetsen en 2 reflecties."
    )
    assert not Reflection.objects.filter(user=member).exists()


def test_the_deletion_message_says_none_in_the_plural(make_user, client):
    member = make_user(Role.RAADSLID, department=None)
    assert _deletion_message(client, member) == (
        "Je gegevens van zelfstudie zijn verwijderd: 0 rondes van modules, "
        "0 pogingen voor toetsen en 0 reflecties."
    )
