"""The calendar test of issue 17: registering, cancelling and unpublishing each send the
right email with the right iTIP message (REQUEST, then CANCEL for the same UID with a higher
SEQUENCE), read back from Django's locmem outbox with the ``icalendar`` parser."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from core.models import EmailFailure, EmailFailureStatus
from modules.awareness.models import Registration, RegistrationStatus
from modules.awareness.services import (
    RegistrationRefused,
    offer_accept,
    registration_cancel,
    registration_create,
    session_unpublished,
)
from tests.core.mail_server import flaky_mail_server
from tests.factories import a_session

pytestmark = pytest.mark.django_db


def run(service, **kwargs):
    """As a request does: the emails go out when the transaction commits."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return service(**kwargs)


def itip(email) -> tuple[str, str, int, str]:
    """(METHOD, UID, SEQUENCE, ATTENDEE) of the email's one calendar attachment."""
    (attachment,) = [a for a in email.attachments if a[0].endswith(".ics")]
    assert attachment[2].startswith("text/calendar")
    calendar = Calendar.from_ical(attachment[1])
    (event,) = calendar.walk("VEVENT")
    return (
        str(calendar["METHOD"]),
        str(event["UID"]),
        int(event["SEQUENCE"]),
        str(event["ATTENDEE"]),
    )


def only_email_to(user):
    (email,) = [email for email in mail.outbox if email.to == [user.email]]
    return email


def test_register_then_cancel_sends_a_request_then_a_cancel_that_outranks_it(medewerker):
    session = a_session()
    run(registration_create, user=medewerker, session=session, now=timezone.now())
    request = only_email_to(medewerker)
    assert request.subject == f"Je bent aangemeld: {session.title}"
    method, uid, first_sequence, attendee = itip(request)
    assert method == "REQUEST" and uid.startswith(f"bewustwordingssessie-{session.pk}@")
    assert attendee == f"mailto:{medewerker.email}"

    mail.outbox.clear()
    run(registration_cancel, user=medewerker, session=session, now=timezone.now())
    cancellation = only_email_to(medewerker)
    assert cancellation.subject == f"Je bent afgemeld: {session.title}"
    assert "Je hebt je afgemeld voor deze bewustwordingssessie" in cancellation.body
    assert itip(cancellation)[:2] == ("CANCEL", uid)
    assert itip(cancellation)[2] > first_sequence

    # Registering again within the same minute: the new REQUEST outranks the CANCEL.
    mail.outbox.clear()
    run(registration_create, user=medewerker, session=session, now=timezone.now())
    again = itip(only_email_to(medewerker))
    assert again[:2] == ("REQUEST", uid) and again[2] > itip(cancellation)[2]


def test_leaving_the_waitlist_is_confirmed_without_a_calendar_file(make_user):
    session = a_session(capacity=1)
    placed, waiting = make_user(), make_user()
    run(registration_create, user=placed, session=session, now=timezone.now())
    run(registration_create, user=waiting, session=session, now=timezone.now())
    mail.outbox.clear()
    run(registration_cancel, user=waiting, session=session, now=timezone.now())
    email = only_email_to(waiting)
    assert "niet meer op de wachtlijst" in email.body and not email.attachments


def test_unpublishing_tells_everybody_in_the_session_once_with_a_cancel(make_user):
    session = a_session(capacity=1)
    placed, waiting, gone = make_user(), make_user(), make_user()
    for user in (gone, placed, waiting):
        run(registration_create, user=user, session=session, now=timezone.now())
    # gone gave up the place before: the offer went to placed, who accepted it.
    run(registration_cancel, user=gone, session=session, now=timezone.now())
    run(offer_accept, user=placed, session=session, now=timezone.now())
    request_sequence = itip(
        [e for e in mail.outbox if e.to == [placed.email] and "aangemeld" in e.subject][-1]
    )[2]
    mail.outbox.clear()

    with TestCase.captureOnCommitCallbacks(execute=True):
        session.unpublish()
    assert sorted(email.to[0] for email in mail.outbox) == sorted([placed.email, waiting.email])
    for user in (placed, waiting):
        email = only_email_to(user)
        assert email.subject == f"Gaat niet door: {session.title}"
        assert "gaat helaas niet door" in email.body
        method, uid, _sequence, _attendee = itip(email)
        assert method == "CANCEL" and uid.startswith(f"bewustwordingssessie-{session.pk}@")
    assert itip(only_email_to(placed))[2] > request_sequence

    # Told once: the signal again (Wagtail sends it for a scheduled expiry too) tells nobody.
    mail.outbox.clear()
    assert run(session_unpublished, session=session, now=timezone.now()) == 0
    assert mail.outbox == []


def test_publishing_again_after_unpublishing_gives_people_their_appointment_back(make_user):
    session = a_session()
    person = make_user()
    run(registration_create, user=person, session=session, now=timezone.now())
    with TestCase.captureOnCommitCallbacks(execute=True):
        session.unpublish()
    (cancelled,) = [e for e in mail.outbox if "Gaat niet door" in e.subject]
    cancel_sequence = itip(cancelled)[2]
    mail.outbox.clear()
    session.refresh_from_db()
    with TestCase.captureOnCommitCallbacks(execute=True):
        session.save_revision().publish()
    email = only_email_to(person)
    assert email.subject.startswith("Gewijzigd")
    method, _uid, sequence, _attendee = itip(email)
    assert method == "REQUEST" and sequence > cancel_sequence
    assert Registration.objects.get().status == RegistrationStatus.REGISTERED


def test_a_cancel_after_the_deadline_sends_nothing(medewerker):
    session = a_session(starts_at=timezone.now() + timedelta(hours=3), cancel_until_hours=24)
    run(registration_create, user=medewerker, session=session, now=timezone.now())
    mail.outbox.clear()
    with pytest.raises(RegistrationRefused, match="niet meer"):
        run(registration_cancel, user=medewerker, session=session, now=timezone.now())
    assert mail.outbox == []


def test_a_refused_send_is_retried_and_the_retry_still_outranks_what_came_before(
    medewerker, client
):
    """Through core.mail: the mail server refuses once, the retry (run at once by the tests'
    task backend) delivers, with a sequence above the failed attempt's. The download of the
    .ics then carries the same sequence as the last email."""
    session = a_session()
    with flaky_mail_server() as server:
        server.refusals = 1
        run(registration_create, user=medewerker, session=session, now=timezone.now())
    request = only_email_to(medewerker)
    assert itip(request)[0] == "REQUEST"
    (failure,) = EmailFailure.objects.all()
    assert failure.kind == "awareness.confirmation" and failure.recipient_id == medewerker.pk
    assert failure.status == EmailFailureStatus.SENT

    client.force_login(medewerker)
    download = Calendar.from_ical(client.get(reverse("session_ics", args=[session.pk])).content)
    (event,) = download.walk("VEVENT")
    assert str(download["METHOD"]) == "PUBLISH" and int(event["SEQUENCE"]) == itip(request)[2]
