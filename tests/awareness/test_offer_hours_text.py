"""The waitlist text on a session page says how long a freed place is held from the rule
itself (``OFFER_HOURS``), not from a number typed into the template."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client, TestCase
from django.utils import timezone

from modules.awareness import services
from modules.awareness.services import registration_create
from tests.factories import a_session

pytestmark = pytest.mark.django_db


def waitlisted_page(make_user) -> str:
    session = a_session(capacity=1)
    placed, waiting = make_user(), make_user()
    now = timezone.now()
    with TestCase.captureOnCommitCallbacks(execute=True):
        registration_create(user=placed, session=session, now=now)
        registration_create(user=waiting, session=session, now=now + timedelta(seconds=1))
    client = Client()
    client.force_login(waiting)
    return client.get(session.url).content.decode()


def test_the_waitlist_text_says_the_hours_of_the_rule(make_user):
    page = waitlisted_page(make_user)
    assert "Je staat op de wachtlijst" in page
    assert f"Je hebt dan tot {services.OFFER_HOURS} uur om ja of nee te zeggen." in page


@pytest.mark.parametrize("hours", [1, 24])
def test_the_text_follows_the_rule_when_it_changes(make_user, monkeypatch, hours):
    monkeypatch.setattr(services, "OFFER_HOURS", hours)
    page = waitlisted_page(make_user)
    assert f"Je hebt dan tot {hours} uur om ja of nee te zeggen." in page
    assert "tot 48 uur" not in page
