"""Twenty people register for the last places at the same moment: the capacity holds.
PostgreSQL only (real row locks; SQLite serialises all writers)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from modules.awareness.models import Registration, RegistrationStatus
from modules.awareness.services import registration_cancel, registration_create
from tests.factories import UserFactory, a_session
from tests.modules.test_concurrency import run_concurrently

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_twenty_concurrent_registrations_for_three_places(make_user):
    session = a_session(capacity=5)
    for _ in range(2):
        registration_create(user=make_user(), session=session, now=timezone.now())
    people = iter([UserFactory() for _ in range(20)])
    results = run_concurrently(
        20,
        lambda: registration_create(user=next(people), session=session, now=timezone.now()),
    )
    statuses = [result.status for result in results]
    assert statuses.count(RegistrationStatus.REGISTERED) == 3
    assert statuses.count(RegistrationStatus.WAITLISTED) == 17
    assert Registration.objects.filter(session=session, status="registered").count() == 5


def test_concurrent_cancellations_offer_each_freed_place_once(make_user):
    session = a_session(capacity=3)
    placed = [make_user() for _ in range(3)]
    for user in placed:
        registration_create(user=user, session=session, now=timezone.now())
    for _ in range(5):
        registration_create(user=make_user(), session=session, now=timezone.now())
    people = iter(placed)
    run_concurrently(
        3, lambda: registration_cancel(user=next(people), session=session, now=timezone.now())
    )
    # Each freed place is offered once (to be confirmed), never twice or beyond the capacity.
    assert Registration.objects.filter(session=session, status="offered").count() == 3
    assert Registration.objects.filter(session=session, status="registered").count() == 0
    assert Registration.objects.filter(session=session, status="waitlisted").count() == 2
