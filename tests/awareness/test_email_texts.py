"""The session emails are English msgids translated in ``site/locale``: every kind still comes
out in Dutch, subject and body, with no English left."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from modules.awareness.models import Registration
from modules.awareness.tasks import SUBJECTS, send_session_email
from tests.factories import a_session

pytestmark = pytest.mark.django_db

STATUS_FOR = {
    "confirmation": "registered",
    "promoted": "registered",
    "reminder": "registered",
    "moved": "registered",
    "session_cancelled": "registered",
    "waitlist": "waitlisted",
    "offer": "offered",
    "offer_expired": "cancelled",
    "registration_cancelled": "cancelled",
}
DUTCH = {
    "confirmation": ("Je bent aangemeld: ", "Er is een plek voor je."),
    "promoted": ("Er is een plek voor je: ", "Je bent nu aangemeld"),
    "reminder": ("Morgen: ", "Bij de start laat het kernteam een code zien."),
    "moved": ("Gewijzigd: ", "Dit zijn de nieuwe gegevens:"),
    "session_cancelled": ("Gaat niet door: ", "gaat helaas niet door"),
    "waitlist": ("Je staat op de wachtlijst: ", "Je staat op de wachtlijst."),
    "offer": ("Er is een plek vrij voor je", "Neem hem aan of sla hem af"),
    "offer_expired": ("De plek is naar de volgende persoon gegaan: ", "niet op tijd aangenomen"),
    "registration_cancelled": ("Je bent afgemeld: ", "Wil je toch komen?"),
}
ENGLISH = ("Dear ", "Kind regards", "What:", "When:", "Where:", " to ", "More information")


@pytest.mark.parametrize("kind", sorted(SUBJECTS))
def test_every_session_email_is_in_dutch(kind, make_user):
    assert set(SUBJECTS) == set(DUTCH)
    session = a_session(title="Drugs in het buitengebied", led_by="RIEC")
    person = make_user(first_name="Sanne")
    registration = Registration.objects.create(
        session=session,
        user=person,
        status=STATUS_FOR[kind],
        waitlisted_at=timezone.now(),
        offer_expires_at=timezone.now() + timedelta(hours=48),
        invited_for=session.starts_at,
    )
    assert send_session_email.call(registration_id=registration.pk, kind=kind)
    (email,) = mail.outbox
    subject, sentence = DUTCH[kind]
    assert email.subject.startswith(subject) and "Drugs in het buitengebied" in email.subject
    assert email.body.startswith("Beste Sanne,\n\n")
    assert sentence in email.body
    for line in ("Wat:     Drugs in het buitengebied", "Wanneer: ", " uur", "Door:    RIEC"):
        assert line in email.body
    assert "Met vriendelijke groet,\nKernteam ondermijning, gemeente Dordrecht" in email.body
    for english in ENGLISH:
        assert english not in email.body, english
