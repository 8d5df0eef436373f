"""The "Je gegevens" block on "Mijn leeromgeving" says who corrects the details: the griffie
for a council member, HR for staff."""

from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.roles import Role

pytestmark = pytest.mark.django_db

HR = "Kloppen deze gegevens niet? Geef het door aan HR."
GRIFFIE = "Kloppen deze gegevens niet? Geef het door aan de griffie."


def _dashboard(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("my_learning"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_council_member_is_sent_to_the_griffie(make_user, client):
    html = _dashboard(client, make_user(Role.RAADSLID, department=None))
    assert GRIFFIE in html
    assert HR not in html


def test_a_medewerker_is_sent_to_hr(make_user, client):
    html = _dashboard(client, make_user(Role.MEDEWERKER))
    assert HR in html
    assert GRIFFIE not in html


ASK_HR = "Vraag het aan HR"


def _my_data(client, user) -> str:
    client.force_login(user)
    response = client.get(reverse("my_data"))
    assert response.status_code == 200
    return response.content.decode()


def test_my_data_sends_a_council_member_to_the_griffie(make_user, client):
    html = _my_data(client, make_user(Role.RAADSLID, department=None))
    assert GRIFFIE in html
    assert ASK_HR not in html


def test_my_data_sends_a_medewerker_to_hr(make_user, client):
    html = _my_data(client, make_user(Role.MEDEWERKER))
    assert ASK_HR in html
    assert GRIFFIE not in html
