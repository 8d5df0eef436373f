"""Deleting a session page keeps the attendance history of the people who came: it still
counts for the yearly requirement and shows in their "Mijn leeromgeving" and "Mijn
gegevens" (the registration keeps a snapshot of the session, see ``Registration``)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from modules.awareness.models import AttendanceRequirement, Registration
from modules.awareness.selectors import requirement_task_for
from modules.awareness.services import attendance_record
from modules.learning.rules import TaskStatus
from tests.factories import a_session

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
