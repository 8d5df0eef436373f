"""The yearly attendance requirement: the date rules, and where it shows up."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from modules.awareness.models import AttendanceRequirement, Registration
from modules.awareness.rules import requirement_task
from modules.learning.rules import TaskStatus
from tests.factories import a_session

TODAY = date(2026, 11, 24)


def task(**kwargs):
    defaults = dict(
        start_date=date(2020, 1, 1),
        last_attended=None,
        registered_upcoming=False,
        every_months=12,
        new_employees_within_months=6,
        first_due_date=date(2027, 3, 31),
        today=TODAY,
    )
    return requirement_task(**{**defaults, **kwargs})


def test_attended_within_twelve_months_is_completed_until_it_runs_out():
    done = task(last_attended=date(2026, 2, 10))
    assert done.status == TaskStatus.COMPLETED and done.due == date(2027, 2, 10)
    assert done.completed_on == date(2026, 2, 10)


def test_last_attendance_older_than_twelve_months_is_overdue():
    late = task(last_attended=date(2025, 11, 1))
    assert late.status == TaskStatus.OVERDUE and late.due == date(2026, 11, 1)


def test_new_employees_have_six_months_after_their_start():
    new = task(start_date=date(2026, 10, 1), first_due_date=None)
    assert new.status == TaskStatus.NOT_STARTED and new.due == date(2027, 4, 1)
    registered = task(start_date=date(2026, 10, 1), registered_upcoming=True)
    assert registered.status == TaskStatus.IN_PROGRESS


def test_current_staff_who_never_attended_are_due_by_the_first_due_date():
    assert task().due == date(2027, 3, 31) and task().status == TaskStatus.NOT_STARTED
    assert task(first_due_date=date(2026, 9, 1)).status == TaskStatus.OVERDUE
    assert task(first_due_date=None, start_date=None).due == TODAY


@pytest.mark.django_db
def test_the_requirement_shows_in_my_learning_with_overdue_status(client, make_user):
    AttendanceRequirement.objects.update_or_create(defaults={"is_active": True})
    user = make_user(Role.MEDEWERKER, start_date=date(2018, 1, 1))
    long_ago = a_session(
        starts_at=timezone.now() - timedelta(days=400),
        ends_at=timezone.now() - timedelta(days=400) + timedelta(hours=2),
    )
    Registration.objects.create(
        session=long_ago, user=user, status="registered", attended_at=long_ago.starts_at
    )
    client.force_login(user)
    html = client.get(reverse("my_learning")).content.decode()
    assert "Bewustwordingssessie (jaarlijks)" in html
    item = html[html.index("Bewustwordingssessie (jaarlijks)") :][:1500]
    assert "te laat" in item and "Laatst bijgewoond" in item


@pytest.mark.django_db
def test_the_requirement_does_not_apply_to_raadsleden_or_when_switched_off(client, make_user):
    AttendanceRequirement.objects.update_or_create(defaults={"is_active": True})
    client.force_login(make_user(Role.RAADSLID))
    assert (
        "Bewustwordingssessie (jaarlijks)"
        not in client.get(reverse("my_learning")).content.decode()
    )
    AttendanceRequirement.objects.update(is_active=False)
    client.force_login(make_user(Role.MEDEWERKER))
    assert (
        "Bewustwordingssessie (jaarlijks)"
        not in client.get(reverse("my_learning")).content.decode()
    )
