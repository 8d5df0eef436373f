"""Deleting a session page keeps the attendance history of the people who came: it still
counts for the yearly requirement and shows in their "Mijn leeromgeving" and "Mijn
gegevens" (the registration keeps a snapshot of the session, see ``Registration``)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from accounts.roles import Role
from modules.awareness.models import AttendanceRequirement, Registration, RegistrationStatus
from modules.awareness.selectors import requirement_task_for
from modules.awareness.services import (
    attendance_record,
    offers_expire,
    registration_cancel,
    registration_create,
    session_unpublished,
)
from modules.learning.rules import TaskStatus
from tests.factories import UserFactory, a_session

pytestmark = pytest.mark.django_db


def test_the_attendance_still_counts_and_shows_after_the_session_is_deleted(
    client, make_user, kernteam_user
):
    AttendanceRequirement.objects.update_or_create(defaults={"is_active": True})
    came = make_user(Role.MEDEWERKER, start_date=date(2018, 1, 1))
    stayed_away = make_user(Role.MEDEWERKER, start_date=date(2018, 1, 1))
    starts = timezone.now() - timedelta(days=30)
    session = a_session(
        title="Drugs in het buitengebied", starts_at=starts, ends_at=starts + timedelta(hours=2)
    )
    for person in (came, stayed_away):
        Registration.objects.create(session=session, user=person, status="registered")
    attendance_record(session=session, present_user_ids={came.pk}, by=kernteam_user, now=starts)

    session.delete()

    kept = Registration.objects.get(user=came)
    assert kept.session is None and kept.attended_at is not None
    assert kept.session_title == "Drugs in het buitengebied"
    assert kept.session_starts_at == starts and kept.title == "Drugs in het buitengebied"
    assert Registration.objects.filter(user=stayed_away).exists()

    now = timezone.now()
    counted = requirement_task_for(user=came, today=timezone.localdate(now), now=now)
    assert counted.status == TaskStatus.COMPLETED
    assert counted.last_attended == timezone.localdate(kept.attended_at)
    assert (
        requirement_task_for(user=stayed_away, today=timezone.localdate(now), now=now).status
        != TaskStatus.COMPLETED
    )

    client.force_login(came)
    learning = client.get(reverse("my_learning"))
    assert learning.status_code == 200
    item = learning.content.decode()
    item = item[item.index("Bewustwordingssessie (jaarlijks)") :][:1500]
    assert "Laatst bijgewoond" in item
    # The person's own history ("Mijn gegevens", downloaded): what, when, and that they came.
    (row,) = json.loads(client.get(reverse("my_data_download")).content)["bewustwordingssessies"]
    assert row["sessie"] == "Drugs in het buitengebied"
    assert row["begint"] and row["aanwezig"] and row["status"] == "aangemeld"


def _itip(email) -> tuple[str, str, int]:
    (attachment,) = [a for a in email.attachments if a[0].endswith(".ics")]
    calendar = Calendar.from_ical(attachment[1])
    (event,) = calendar.walk("VEVENT")
    return str(calendar["METHOD"]), str(event["UID"]), int(event["SEQUENCE"])


def _emails_to(user) -> list:
    return [email for email in mail.outbox if email.to == [user.email]]


def test_deleting_a_future_session_cancels_every_place_and_offers_still_lapse(make_user):
    """An offer left open in a deleted session would never lapse; the places, offers and
    waitlist places of a session that has not started are cancelled with it, and the
    scheduled offers_expire still passes the live sessions' lapsed offers on."""
    now = timezone.now()
    gone = a_session(capacity=1)
    live = a_session(capacity=1)
    people = {name: make_user(Role.MEDEWERKER) for name in ("a", "b", "c", "d", "e")}
    for session, (placed, offered, waiting) in (
        (gone, ("a", "b", "c")),
        (live, ("d", "e", None)),
    ):
        registration_create(user=people[placed], session=session, now=now)
        registration_create(user=people[offered], session=session, now=now)
        if waiting:
            Registration.objects.create(
                session=session, user=people[waiting], status="waitlisted", waitlisted_at=now
            )
        registration_cancel(user=people[placed], session=session, now=now)
    assert Registration.objects.get(user=people["b"]).status == RegistrationStatus.OFFERED
    assert Registration.objects.get(user=people["e"]).status == RegistrationStatus.OFFERED
    next_in_line = make_user(Role.MEDEWERKER)
    registration_create(user=next_in_line, session=live, now=now)

    gone.delete()

    assert set(
        Registration.objects.filter(session__isnull=True).values_list("status", flat=True)
    ) == {RegistrationStatus.CANCELLED}
    later = now + timedelta(days=3)
    assert offers_expire(now=later) == 1
    assert Registration.objects.get(user=people["e"]).status == RegistrationStatus.CANCELLED
    assert Registration.objects.get(user=next_in_line).status == RegistrationStatus.OFFERED


def test_deleting_a_past_session_keeps_its_places():
    starts = timezone.now() - timedelta(days=2)
    session = a_session(starts_at=starts, ends_at=starts + timedelta(hours=2))
    user = UserFactory()
    Registration.objects.create(session=session, user=user, status="registered")
    session.delete()
    assert Registration.objects.get(user=user).status == RegistrationStatus.REGISTERED


def _registered(person, session):
    with TestCase.captureOnCommitCallbacks(execute=True):
        registration_create(user=person, session=session, now=timezone.now())
    (request,) = _emails_to(person)
    return _itip(request)


def _one_cancel_outranking(person, request, session_title):
    (email,) = _emails_to(person)
    method, uid, sequence = _itip(email)
    assert (method, uid) == ("CANCEL", request[1])
    assert sequence > request[2]
    assert session_title in email.subject and email.subject.startswith("Gaat niet door")


@pytest.mark.parametrize("unpublished_first", [False, True])
def test_deleting_a_live_future_session_removes_it_from_the_calendar_once(
    medewerker, unpublished_first
):
    """Nobody keeps the appointment of a deleted session: one email with a CANCEL for the
    same UID that outranks their REQUEST, also when the cancellation queued by an unpublish
    runs only after the page is gone (the worker runs it later)."""
    session = a_session(title="Ondermijning in de haven")
    request = _registered(medewerker, session)
    mail.outbox.clear()
    queued = []
    if unpublished_first:
        with TestCase.captureOnCommitCallbacks(execute=False) as queued:
            session_unpublished(session=session, now=timezone.now())

    with TestCase.captureOnCommitCallbacks(execute=True):
        session.delete()
    for callback in queued:
        callback()

    _one_cancel_outranking(medewerker, request, "Ondermijning in de haven")
    assert Registration.objects.get(user=medewerker).status == RegistrationStatus.CANCELLED
