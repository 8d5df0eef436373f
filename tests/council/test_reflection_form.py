"""The self-reflection page through its forms: saving, errors shown next to their statement and
in the summary, deleting with confirmation, and only ever the visitor's own reflection."""

from __future__ import annotations

import pytest

from accounts.roles import Role
from modules.council.models import Reflection
from modules.council.services import reflection_delete, reflection_save
from tests.factories import reflection_page

pytestmark = pytest.mark.django_db


def field(page, number: int) -> str:
    return f"stelling-{page.statements[number].id}"


def test_saving_stores_the_members_own_answers_and_shows_the_tips(make_user, client):
    page = reflection_page()
    member, fellow = make_user(Role.RAADSLID), make_user(Role.RAADSLID)
    reflection_save(user=fellow, page=page, answers={}, notes="Van een ander lid")
    client.force_login(member)

    response = client.post(page.url, {field(page, 0): "yes", field(page, 2): "unsure"})
    assert response.status_code == 302 and response["Location"] == page.url + "#tips"
    saved = Reflection.objects.get(user=member, page=page)
    assert saved.answers == {page.statements[0].id: "yes", page.statements[2].id: "unsure"}
    assert Reflection.objects.get(user=fellow).notes == "Van een ander lid"

    html = client.get(page.url).content.decode()
    assert "Alleen jij kunt ze zien" in html  # the message after saving
    assert "Tip bij stelling 1." in html and "Tip bij stelling 3." in html
    assert "Tip bij stelling 2." not in html  # not answered: no tip
    assert "Van een ander lid" not in html


def test_notes_that_are_too_long_save_nothing_and_keep_what_was_typed(make_user, client):
    page = reflection_page()
    member = make_user(Role.RAADSLID)
    client.force_login(member)
    response = client.post(page.url, {field(page, 1): "no", "notities": "x" * 4001})
    assert response.status_code == 400
    html = response.content.decode()
    assert 'href="#notities"' in html and "Je notities zijn te lang" in html
    assert 'aria-describedby="notities-hulp notities-fout"' in html
    assert 'value="no" id="' + field(page, 1) + '_2" checked' in html  # the choice stays ticked
    assert not Reflection.objects.filter(user=member).exists()


def test_an_invalid_answer_is_named_at_its_statement(make_user, client):
    page = reflection_page()
    member = make_user(Role.RAADSLID)
    client.force_login(member)
    response = client.post(page.url, {field(page, 1): "altijd"})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<a href="#stelling-2">Een van de antwoorden is niet geldig' in html
    assert 'aria-describedby="stelling-2-fout"' in html
    assert "<title>Fout:" in html
    assert not Reflection.objects.filter(user=member).exists()


def test_an_unconfirmed_delete_points_at_the_checkbox(make_user, client):
    page = reflection_page()
    member = make_user(Role.RAADSLID)
    reflection_save(user=member, page=page, answers={}, notes="Blijft staan")
    client.force_login(member)
    response = client.post(page.url, {"verwijderen": "1", "notities": ""})
    assert response.status_code == 400
    html = response.content.decode()
    assert '<a href="#bevestig-verwijderen">Vink het vakje aan' in html
    assert Reflection.objects.get(user=member).notes == "Blijft staan"  # not saved over either


def test_deleting_removes_only_the_members_own_reflection_on_this_page(make_user):
    page, other_page = reflection_page(), reflection_page()
    member, fellow = make_user(Role.RAADSLID), make_user(Role.RAADSLID)
    for user in (member, fellow):
        reflection_save(user=user, page=page, answers={}, notes="")
    reflection_save(user=member, page=other_page, answers={}, notes="")

    assert reflection_delete(user=member, page=page) is True
    assert reflection_delete(user=member, page=page) is False  # nothing left to delete
    assert list(Reflection.objects.values_list("user", "page").order_by("user", "page")) == [
        (member.pk, other_page.pk),
        (fellow.pk, page.pk),
    ]
