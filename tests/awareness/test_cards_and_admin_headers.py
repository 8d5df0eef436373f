"""The overview's session cards (your status in words and a register button that works
without JavaScript), the demo's session days, and the headers of the sessions' admin
screens."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from demo.content.sessions import DEMO_SESSIONS
from demo.content.teamwork import PLANNED_SESSIONS
from demo.session_days import session_day
from modules.awareness.models import Registration
from tests.factories import a_session, session_index

pytestmark = pytest.mark.django_db


def card_of(html: str, title: str) -> str:
    start = html.index(f">{title}</a>")
    return html[start : html.index("</li>", start)]


def test_each_card_says_your_status_and_offers_to_register(client, make_user):
    me = make_user()
    other = make_user()
    free = a_session(title="Vrije sessie")
    mine = a_session(title="Mijn sessie")
    waiting = a_session(title="Wachten", capacity=1)
    offered = a_session(title="Aanbod")
    t = timezone.now()
    Registration.objects.create(session=mine, user=me, status="registered")
    Registration.objects.create(session=waiting, user=other, status="registered")
    Registration.objects.create(session=waiting, user=me, status="waitlisted", waitlisted_at=t)
    Registration.objects.create(
        session=offered, user=me, status="offered", offer_expires_at=t + timedelta(hours=48)
    )
    past = a_session(
        title="Geweest", starts_at=t - timedelta(days=9), ends_at=t - timedelta(days=9, hours=-2)
    )
    Registration.objects.create(
        session=past, user=me, status="registered", attended_at=past.starts_at
    )

    client.force_login(me)
    html = client.get(session_index().url).content.decode()
    register = reverse("session_register", args=[free.pk])
    free_card = card_of(html, "Vrije sessie")
    assert f'action="{register}"' in free_card and 'method="post"' in free_card
    assert "csrfmiddlewaretoken" in free_card
    assert re.search(r"Aanmelden<span class=\"visually-hidden\">: Vrije sessie</span>", free_card)
    assert "Je bent aangemeld" in card_of(html, "Mijn sessie")
    assert "Aanmelden<" not in card_of(html, "Mijn sessie")
    assert "Je staat op de wachtlijst" in card_of(html, "Wachten")
    assert "Er is een plek voor je: neem hem aan of sla hem af" in card_of(html, "Aanbod")
    assert "Je was aanwezig" in card_of(html, "Geweest")

    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(register)
    assert response.status_code == 302 and Registration.objects.get(session=free).user == me
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("offset", range(7))
def test_the_demo_plans_no_session_on_a_saturday_or_a_sunday(offset):
    """Every day of the week as the demo's day: the planned days are weekdays, and upcoming
    sessions stay upcoming, past ones past."""
    today = date(2026, 12, 7) + timedelta(days=offset)
    for plan in [*DEMO_SESSIONS, *PLANNED_SESSIONS]:
        day = session_day(today=today, days=plan["days"])
        assert day.weekday() < 5, (today, plan)
        assert (day > today) == (plan["days"] > 0) and (day < today) == (plan["days"] < 0)


def test_the_admin_screens_have_their_own_header(mfa_client_for, kernteam_user):
    session = a_session(title="Drugs in het buitengebied")
    client = mfa_client_for(kernteam_user)
    code = client.get(reverse("awareness_checkin_code", args=[session.pk])).content.decode()
    crumbs = code[code.index("<nav") : code.index("</nav>")]
    assert "Incheckcode: Drugs in het buitengebied" in crumbs
    assert reverse("awareness_attendance", args=[session.pk]) in crumbs
    attendance = client.get(reverse("awareness_attendance", args=[session.pk])).content.decode()
    crumbs = attendance[attendance.index("<nav") : attendance.index("</nav>")]
    assert "Aanwezigheid: Drugs in het buitengebied" in crumbs
