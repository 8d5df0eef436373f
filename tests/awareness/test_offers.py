"""A place freed on a full session becomes an offer to the first person on the waitlist: they
confirm or decline before a deadline, the offered place counts as taken, and after the
deadline (the scheduled ``expire_session_offers``) it goes to the next person."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from modules.awareness.models import Registration, RegistrationStatus
from modules.awareness.services import (
    OFFER_HOURS,
    RegistrationRefused,
    offer_accept,
    offers_expire,
    registration_cancel,
    registration_create,
)
from tests.factories import AudienceFactory, a_session

pytestmark = pytest.mark.django_db


def run(service, **kwargs):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return service(**kwargs)


def status(user) -> str:
    return Registration.objects.get(user=user).status


def full_session_with_a_waitlist(make_user, **kwargs):
    """One place, taken by ``placed``; ``first`` and ``second`` wait in that order."""
    session = a_session(capacity=1, **kwargs)
    placed, first, second = make_user(), make_user(), make_user()
    t = timezone.now()
    run(registration_create, user=placed, session=session, now=t)
    run(registration_create, user=first, session=session, now=t + timedelta(seconds=1))
    run(registration_create, user=second, session=session, now=t + timedelta(seconds=2))
    mail.outbox.clear()
    return session, placed, first, second


def test_a_freed_place_is_offered_with_a_deadline_and_counts_as_taken(make_user):
    session, placed, first, second = full_session_with_a_waitlist(make_user)
    t = timezone.now()
    run(registration_cancel, user=placed, session=session, now=t)
    offered = Registration.objects.get(user=first)
    assert offered.status == RegistrationStatus.OFFERED
    assert offered.offer_expires_at == t + timedelta(hours=OFFER_HOURS)
    assert status(second) == RegistrationStatus.WAITLISTED
    (offer,) = [email for email in mail.outbox if email.to == [first.email]]
    assert (
        offer.subject.startswith("Er is een plek vrij voor je") and session.title in offer.subject
    )
    assert f"{session.url}#aanmelden" in offer.body and "vóór" in offer.body
    assert not offer.attachments  # no appointment until they accept

    newcomer = make_user()
    assert run(registration_create, user=newcomer, session=session, now=t).status == "waitlisted"


def test_the_offer_ends_at_the_cancel_deadline_and_close_to_the_session_the_place_is_given(
    make_user,
):
    soon, placed, first, _second = full_session_with_a_waitlist(
        make_user, starts_at=timezone.now() + timedelta(hours=30), cancel_until_hours=24
    )
    run(registration_cancel, user=placed, session=soon, now=timezone.now())
    assert Registration.objects.get(user=first).offer_expires_at == soon.cancel_deadline

    # Less than two hours before the cancel deadline: no time for offers, the place is given.
    closer, placed, first, _second = full_session_with_a_waitlist(
        make_user, starts_at=timezone.now() + timedelta(hours=25), cancel_until_hours=24
    )
    run(registration_cancel, user=placed, session=closer, now=timezone.now())
    assert status(first) == RegistrationStatus.REGISTERED
    (email,) = [email for email in mail.outbox if email.to == [first.email]]
    assert email.subject.startswith("Er is een plek voor je") and email.attachments


def test_accepting_on_the_session_page_gives_the_place_and_the_appointment(make_user):
    session, placed, first, _second = full_session_with_a_waitlist(make_user)
    run(registration_cancel, user=placed, session=session, now=timezone.now())
    client = Client()
    client.force_login(first)
    page = client.get(session.url).content.decode()
    assert "Er is een plek vrijgekomen voor jou" in page and "Plek aannemen" in page
    assert reverse("session_offer_accept", args=[session.pk]) in page
    mail.outbox.clear()
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("session_offer_accept", args=[session.pk]))
    assert response.status_code == 302 and response["Location"] == session.url
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Je hebt de plek aangenomen. We hebben je een e-mail gestuurd met de afspraak."
    ]
    assert status(first) == RegistrationStatus.REGISTERED
    (email,) = mail.outbox
    assert email.to == [first.email] and "METHOD:REQUEST" in email.attachments[0][1]


def test_declining_passes_the_offer_to_the_next_person(make_user):
    session, placed, first, second = full_session_with_a_waitlist(make_user)
    run(registration_cancel, user=placed, session=session, now=timezone.now())
    client = Client()
    client.force_login(first)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(reverse("session_offer_decline", args=[session.pk]))
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Je hebt de plek afgeslagen. De plek gaat nu naar de volgende persoon."
    ]
    assert status(first) == RegistrationStatus.CANCELLED
    assert status(second) == RegistrationStatus.OFFERED
    assert any(email.to == [second.email] for email in mail.outbox)


def test_only_the_person_themselves_can_answer_their_offer(client, make_user):
    session, placed, first, second = full_session_with_a_waitlist(make_user)
    run(registration_cancel, user=placed, session=session, now=timezone.now())
    accept = reverse("session_offer_accept", args=[session.pk])
    decline = reverse("session_offer_decline", args=[session.pk])

    # Not logged in: to the login page. A GET changes nothing.
    assert "/accounts/login/" in client.post(accept)["Location"]
    client.force_login(first)
    assert client.get(accept).status_code == 405
    # Someone else on the waitlist, and someone with no registration at all, cannot take it.
    for other in (second, make_user()):
        client.force_login(other)
        for url in (accept, decline):
            response = client.post(url, follow=True)
            assert response.redirect_chain == [(session.url, 302)]
            assert "Er staat voor jou geen plek klaar in deze sessie." in response.content.decode()
    # Outside the session's audience: the session does not exist for them.
    closed = a_session(audience=AudienceFactory(roles=[Role.RAADSLID]))
    client.force_login(make_user(Role.MEDEWERKER))
    assert client.post(reverse("session_offer_accept", args=[closed.pk])).status_code == 404
    assert status(first) == RegistrationStatus.OFFERED
    assert status(second) == RegistrationStatus.WAITLISTED


def test_the_csrf_token_is_required(make_user):
    session, placed, first, _second = full_session_with_a_waitlist(make_user)
    run(registration_cancel, user=placed, session=session, now=timezone.now())
    client = Client(enforce_csrf_checks=True)
    client.force_login(first)
    assert client.post(reverse("session_offer_accept", args=[session.pk])).status_code == 403
    assert status(first) == RegistrationStatus.OFFERED


def test_a_lapsed_offer_goes_to_the_next_person_once(make_user):
    session, placed, first, second = full_session_with_a_waitlist(make_user)
    t = timezone.now()
    run(registration_cancel, user=placed, session=session, now=t)
    deadline = Registration.objects.get(user=first).offer_expires_at
    assert run(offers_expire, now=deadline - timedelta(minutes=1)) == 0
    mail.outbox.clear()

    assert run(offers_expire, now=deadline) == 1
    assert status(first) == RegistrationStatus.CANCELLED
    assert status(second) == RegistrationStatus.OFFERED
    (lapsed,) = [email for email in mail.outbox if email.to == [first.email]]
    assert "niet op tijd aangenomen" in lapsed.body
    assert any(email.to == [second.email] for email in mail.outbox)
    with pytest.raises(RegistrationRefused, match="geen plek"):
        run(offer_accept, user=first, session=session, now=deadline)

    # The scheduled command: nothing more lapsed, nothing changes.
    mail.outbox.clear()
    out = StringIO()
    call_command("expire_session_offers", stdout=out)
    assert "0 lapsed" in out.getvalue() and mail.outbox == []
    assert status(second) == RegistrationStatus.OFFERED


def test_accepting_after_the_deadline_is_refused_before_the_job_ran(make_user):
    session, placed, first, _second = full_session_with_a_waitlist(make_user)
    run(registration_cancel, user=placed, session=session, now=timezone.now())
    deadline = Registration.objects.get(user=first).offer_expires_at
    with pytest.raises(RegistrationRefused, match="voorbij"):
        run(offer_accept, user=first, session=session, now=deadline)
    assert status(first) == RegistrationStatus.OFFERED
