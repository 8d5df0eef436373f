"""The demo's reporting routes, contact persons and session rooms are recognisably examples:
no real-looking phone number, person name for a real role, room or procedure (on the
package's shared demo, ``conftest.py``)."""

from __future__ import annotations

import re

import pytest

from home.models import ReportingPage, ReportingRoutes
from modules.awareness.models import SessionPage

pytestmark = pytest.mark.django_db


def test_demo_reporting_routes_and_sessions_are_examples(client):
    routes = ReportingRoutes.load()
    assert routes.kernteam_phone == ""
    assert routes.meld_een_vermoeden_instructions.startswith("Dit is een voorbeeld.")
    assert "meldroutes" in routes.meld_een_vermoeden_instructions
    contacts = list(routes.department_contacts.all())
    assert contacts and all(c.name.startswith("Voorbeeld: ") for c in contacts)
    sessions = SessionPage.objects.all()
    assert sessions and all(s.location.startswith("Voorbeeldlocatie") for s in sessions)

    body = client.get(ReportingPage.objects.get().url).content.decode()
    assert "Dit is een voorbeeld." in body and ".<br>Bijvoorbeeld: open het zaaksysteem" in body
    # No Dutch phone number other than the national lines the setting ships with.
    numbers = set(re.findall(r"\b0\d{2,3}[ -]?\d{3,4}[ -]?\d{0,4}\b", body))
    assert numbers <= {"0800-7000", "0900-8844"}
