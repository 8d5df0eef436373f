"""Registering, cancelling, the waitlist, check-in and attendance, through the services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from accounts.roles import Role
from modules.awareness.models import Registration, RegistrationStatus
from modules.awareness.services import (
    RegistrationRefused,
    attendance_record,
    checkin,
    registration_cancel,
    registration_create,
    reminders_send,
    session_cancel,
)
from tests.factories import AudienceFactory, a_session

pytestmark = pytest.mark.django_db


def now():
    return timezone.now()


def run(service, **kwargs):
    """Call a service the way a request does: its emails go out once the transaction commits
    (the test's own transaction never commits, so run the on-commit callbacks here)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return service(**kwargs)


def test_register_gives_a_place_and_a_confirmation_with_a_calendar_file(medewerker):
    session = a_session(capacity=2)
    registration = run(registration_create, user=medewerker, session=session, now=now())
    assert registration.status == RegistrationStatus.REGISTERED
    (email,) = mail.outbox
    assert email.to == [medewerker.email] and "Je bent aangemeld" in email.subject
    assert session.title in email.body
    (attachment,) = email.attachments
    assert attachment[0].endswith(".ics") and "BEGIN:VEVENT" in attachment[1]


def test_registering_twice_keeps_one_registration(medewerker):
    session = a_session()
    first = run(registration_create, user=medewerker, session=session, now=now())
    second = run(registration_create, user=medewerker, session=session, now=now())
    assert first.pk == second.pk
    assert Registration.objects.filter(user=medewerker).count() == 1
    assert len(mail.outbox) == 1


def test_a_full_session_puts_people_on_the_waitlist_in_order(make_user):
    session = a_session(capacity=1)
    first, second, third = make_user(), make_user(), make_user()
    assert run(registration_create, user=first, session=session, now=now()).status == "registered"
    t = now()
    assert run(registration_create, user=second, session=session, now=t).status == "waitlisted"
    assert (
        run(registration_create, user=third, session=session, now=t + timedelta(seconds=1)).status
        == "waitlisted"
    )
    assert "wachtlijst" in mail.outbox[-1].subject
    assert not mail.outbox[-1].attachments  # no appointment without a place


def test_cancelling_offers_the_place_to_the_first_on_the_waitlist_and_tells_them(make_user):
    session = a_session(capacity=1)
    first, second, third = make_user(), make_user(), make_user()
    run(registration_create, user=first, session=session, now=now())
    run(registration_create, user=second, session=session, now=now())
    run(registration_create, user=third, session=session, now=now() + timedelta(seconds=1))
    mail.outbox.clear()

    cancelled = run(registration_cancel, user=first, session=session, now=now())
    assert cancelled.status == RegistrationStatus.CANCELLED
    statuses = dict(Registration.objects.values_list("user_id", "status"))
    # The place is offered (tests/awareness/test_offers.py): second confirms or declines.
    assert statuses == {first.pk: "cancelled", second.pk: "offered", third.pk: "waitlisted"}
    cancellation, offer = mail.outbox
    assert cancellation.to == [first.email] and "METHOD:CANCEL" in cancellation.attachments[0][1]
    assert offer.to == [second.email] and "plek" in offer.subject and not offer.attachments


def test_registering_again_after_cancelling_reuses_the_row(medewerker):
    session = a_session()
    run(registration_create, user=medewerker, session=session, now=now())
    run(registration_cancel, user=medewerker, session=session, now=now())
    again = run(registration_create, user=medewerker, session=session, now=now())
    assert again.status == "registered" and Registration.objects.count() == 1


def test_cancelling_after_the_deadline_is_refused(medewerker):
    session = a_session(starts_at=now() + timedelta(hours=3), cancel_until_hours=24)
    run(registration_create, user=medewerker, session=session, now=now())
    with pytest.raises(RegistrationRefused):
        run(registration_cancel, user=medewerker, session=session, now=now())
    assert Registration.objects.get().status == "registered"


def test_someone_outside_the_audience_cannot_register(make_user):
    session = a_session(audience=AudienceFactory(roles=[Role.RAADSLID]))
    with pytest.raises(RegistrationRefused):
        run(registration_create, user=make_user(Role.MEDEWERKER), session=session, now=now())
    assert not Registration.objects.exists()


def test_no_registration_once_the_session_started_or_was_cancelled(medewerker, make_user):
    started = a_session(starts_at=now() - timedelta(minutes=5))
    with pytest.raises(RegistrationRefused):
        run(registration_create, user=medewerker, session=started, now=now())
    cancelled = a_session()
    run(registration_create, user=make_user(), session=cancelled, now=now())
    mail.outbox.clear()
    assert run(session_cancel, session=cancelled, now=now()) == 1
    assert "Gaat niet door" in mail.outbox[0].subject
    assert "METHOD:CANCEL" in mail.outbox[0].attachments[0][1]
    with pytest.raises(RegistrationRefused):
        run(registration_create, user=medewerker, session=cancelled, now=now())


def checkin_setup(medewerker, **kwargs):
    session = a_session(starts_at=now() - timedelta(minutes=10), **kwargs)
    Registration.objects.create(session=session, user=medewerker, status="registered")
    return session


def test_check_in_with_the_code_during_the_session(medewerker):
    session = checkin_setup(medewerker)
    result = checkin(
        user=medewerker, session=session, code=session.checkin_code_at(now()).lower(), now=now()
    )
    assert result.registration.attended_at is not None
    assert result.registration.attendance_method == "checkin"
    assert result.registration.attendance_recorded_by == medewerker


def test_check_in_is_refused_outside_the_window_with_a_wrong_code_unregistered_and_twice(
    medewerker, make_user
):
    session = checkin_setup(medewerker)
    with pytest.raises(RegistrationRefused, match="tijdens"):
        checkin(
            user=medewerker,
            session=session,
            code=session.checkin_code_at(now()),
            now=now() + timedelta(hours=3),
        )
    with pytest.raises(RegistrationRefused, match="tijdens"):
        checkin(
            user=medewerker,
            session=session,
            code=session.checkin_code_at(now()),
            now=now() - timedelta(hours=2),
        )
    with pytest.raises(RegistrationRefused, match="niet juist"):
        checkin(user=medewerker, session=session, code="XXXXXX", now=now())
    with pytest.raises(RegistrationRefused, match="aangemeld"):
        checkin(user=make_user(), session=session, code=session.checkin_code_at(now()), now=now())
    checkin(user=medewerker, session=session, code=session.checkin_code_at(now()), now=now())
    with pytest.raises(RegistrationRefused, match="al ingecheckt"):
        checkin(user=medewerker, session=session, code=session.checkin_code_at(now()), now=now())
    assert Registration.objects.filter(attended_at__isnull=False).count() == 1


def test_the_kernteam_records_attendance_with_who_and_when(make_user, kernteam_user):
    session = a_session(starts_at=now() - timedelta(hours=3))
    came, stayed_away = make_user(), make_user()
    for user in (came, stayed_away):
        Registration.objects.create(session=session, user=user, status="registered")
    assert (
        attendance_record(session=session, present_user_ids={came.pk}, by=kernteam_user, now=now())
        == 1
    )
    present = Registration.objects.get(user=came)
    assert (
        present.attendance_recorded_by == kernteam_user and present.attendance_method == "kernteam"
    )
    assert Registration.objects.get(user=stayed_away).attended_at is None


def test_reminders_go_once_to_people_with_a_place_in_tomorrows_sessions(make_user):
    tomorrow_noon = timezone.localtime(now()).replace(hour=12, minute=0) + timedelta(days=1)
    tomorrow = a_session(starts_at=tomorrow_noon)
    later = a_session(starts_at=tomorrow_noon + timedelta(days=3))
    placed, waiting, other = make_user(), make_user(), make_user()
    Registration.objects.create(session=tomorrow, user=placed, status="registered")
    Registration.objects.create(
        session=tomorrow, user=waiting, status="waitlisted", waitlisted_at=now()
    )
    Registration.objects.create(session=later, user=other, status="registered")
    assert run(reminders_send, now=now()) == 1
    assert run(reminders_send, now=now()) == 0
    (email,) = mail.outbox
    assert email.to == [placed.email] and email.subject.startswith("Morgen")


def test_publishing_a_cancelled_session_tells_everybody_once(make_user):
    session = a_session()
    people = [make_user(), make_user()]
    for person in people:
        run(registration_create, user=person, session=session, now=now())
    mail.outbox.clear()
    session.is_cancelled = True
    with TestCase.captureOnCommitCallbacks(execute=True):
        session.save_revision().publish()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(p.email for p in people)
    assert all("Gaat niet door" in m.subject for m in mail.outbox)
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        session.save_revision().publish()
    assert mail.outbox == []


def test_publishing_more_places_offers_them_to_the_waitlist(make_user):
    session = a_session(capacity=1)
    first, second = make_user(), make_user()
    run(registration_create, user=first, session=session, now=now())
    run(registration_create, user=second, session=session, now=now())
    mail.outbox.clear()
    session.capacity = 2
    with TestCase.captureOnCommitCallbacks(execute=True):
        session.save_revision().publish()
    # An offer to confirm (tests/awareness/test_offers.py), holding the new place.
    assert Registration.objects.get(user=second).status == "offered"
    assert [m.to for m in mail.outbox] == [[second.email]]


def test_a_code_from_a_photo_stops_working_after_a_few_minutes(medewerker):
    session = checkin_setup(medewerker)
    old_code = session.checkin_code_at(now() - timedelta(minutes=5))
    assert old_code != session.checkin_code_at(now())
    with pytest.raises(RegistrationRefused, match="niet juist"):
        checkin(user=medewerker, session=session, code=old_code, now=now())
    previous = session.checkin_code_at(now() - timedelta(seconds=120))
    assert checkin(user=medewerker, session=session, code=previous, now=now()).registration


def test_cancelling_after_attending_is_refused(medewerker):
    session = a_session(starts_at=now() - timedelta(minutes=10), cancel_until_hours=0)
    Registration.objects.create(
        session=session, user=medewerker, status="registered", attended_at=now()
    )
    with pytest.raises(RegistrationRefused, match="niet afmelden"):
        run(registration_cancel, user=medewerker, session=session, now=now())
    assert Registration.objects.get().status == "registered"


def test_a_place_freed_by_a_deleted_account_is_offered_to_the_waitlist_first(make_user):
    session = a_session(capacity=1)
    leaving, waiting, newcomer = make_user(), make_user(), make_user()
    run(registration_create, user=leaving, session=session, now=now())
    run(registration_create, user=waiting, session=session, now=now())
    leaving.delete()
    assert (
        run(registration_create, user=newcomer, session=session, now=now()).status == "waitlisted"
    )
    assert Registration.objects.get(user=waiting).status == "offered"


def test_capacity_cannot_drop_below_the_places_taken(make_user):
    from django.core.exceptions import ValidationError

    session = a_session(capacity=3)
    for _ in range(2):
        Registration.objects.create(session=session, user=make_user(), status="registered")
    session.capacity = 1
    with pytest.raises(ValidationError):
        session.full_clean()


def test_moving_a_session_sends_an_updated_appointment_to_people_with_a_place(make_user):
    session = a_session(capacity=1)
    placed, waiting = make_user(), make_user()
    run(registration_create, user=placed, session=session, now=now())
    run(registration_create, user=waiting, session=session, now=now())
    mail.outbox.clear()
    session.starts_at += timedelta(days=1)
    session.ends_at += timedelta(days=1)
    with TestCase.captureOnCommitCallbacks(execute=True):
        session.save_revision().publish()
    (email,) = mail.outbox
    assert email.to == [placed.email] and email.subject.startswith("Gewijzigd")
    assert "BEGIN:VEVENT" in email.attachments[0][1]
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        session.save_revision().publish()  # no new time: nothing to tell
    assert mail.outbox == []


def test_check_in_attempts_are_limited(medewerker):
    session = checkin_setup(medewerker)
    for _ in range(10):
        with pytest.raises(RegistrationRefused):
            checkin(user=medewerker, session=session, code="XXXXXX", now=now())
    with pytest.raises(RegistrationRefused, match="Te veel"):
        checkin(user=medewerker, session=session, code=session.checkin_code_at(now()), now=now())


def test_attendance_cannot_be_recorded_before_the_session(medewerker, kernteam_user):
    session = a_session()
    Registration.objects.create(session=session, user=medewerker, status="registered")
    with pytest.raises(RegistrationRefused):
        attendance_record(
            session=session, present_user_ids={medewerker.pk}, by=kernteam_user, now=now()
        )
    assert Registration.objects.get().attended_at is None
