"""The user model: email login, new-employee rule, constraints."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import IntegrityError
from django.test import override_settings

from accounts.models import User
from accounts.roles import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)


@override_settings(WEERBAAR_NEW_EMPLOYEE_PERIOD_DAYS=183)
@pytest.mark.parametrize(
    ("start", "is_new"),
    [
        (TODAY, True),
        (TODAY - timedelta(days=10), True),
        (TODAY - timedelta(days=182), True),
        (TODAY - timedelta(days=183), False),
        (TODAY + timedelta(days=5), False),  # not started yet
        (None, False),
    ],
)
def test_new_employee_follows_from_the_start_date(start, is_new):
    user = UserFactory(start_date=start)
    assert user.is_new_employee(TODAY) is is_new
    assert User.objects.new_employees(today=TODAY).filter(pk=user.pk).exists() is is_new


def test_email_is_stored_lower_case_and_unique_regardless_of_case():
    UserFactory(email="Anna.deVries@Weerbaar.test")
    assert User.objects.filter(email="anna.devries@weerbaar.test").exists()
    with pytest.raises(IntegrityError):
        User.objects.create_user(email="ANNA.DEVRIES@weerbaar.test")


def test_personnel_number_is_unique_only_when_filled_in():
    UserFactory(personnel_number="")
    UserFactory(personnel_number="")
    UserFactory(personnel_number="100200")
    with pytest.raises(IntegrityError):
        UserFactory(personnel_number="100200")


def test_mfa_is_required_for_kernteam_beheer_and_superusers():
    assert UserFactory(roles=[Role.MEDEWERKER, Role.KERNTEAM]).requires_mfa
    assert UserFactory(roles=[Role.BEHEER]).requires_mfa
    assert UserFactory(roles=[Role.MEDEWERKER], is_superuser=True).requires_mfa
    assert not UserFactory(roles=[Role.RAADSLID]).requires_mfa


def test_create_superuser_has_email_login():
    admin = User.objects.create_superuser(email="Admin@Weerbaar.test", password="x-Y-z-123456")
    assert admin.is_superuser and admin.is_staff
    assert admin.email == "admin@weerbaar.test"
    assert admin.check_password("x-Y-z-123456")
