"""allauth's address rows follow ``User.email`` (``accounts.email_addresses``), whoever changes
it: SCIM, the staff import, an administrator. Otherwise an old address, handed on to a new
colleague, would still reset the first person's password (found in review).
"""

from __future__ import annotations

from datetime import date

import pytest
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.core import mail
from django.urls import reverse

from accounts.models import User
from accounts.staff_import import apply_import
from tests.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db

OLD, NEW = "j.jansen@voorbeeld.test", "j.jansen2@voorbeeld.test"


def reset_mails_for(client, address: str) -> list[str]:
    mail.outbox.clear()
    client.post(reverse("account_reset_password"), {"email": address})
    return [message.body for message in mail.outbox if "/password/reset/key/" in message.body]


def resets_account(bodies: list[str], user: User) -> bool:
    return any(f"/key/{user_pk_to_url_str(user)}-" in body for body in bodies)


def verified_person(**fields) -> User:
    user = UserFactory(email=OLD, **fields)
    EmailAddress.objects.create(user=user, email=OLD, verified=True, primary=True)
    return user


def test_an_address_changed_by_the_staff_import_leaves_no_old_row():
    department = DepartmentFactory(name="Publiekszaken", code="PZ")
    first = verified_person(personnel_number="7001", department=department)
    row = {
        "_row": 2,
        "personnel_number": "7001",
        "name": f"{first.first_name} {first.last_name}",
        "email": NEW,
        "department": "PZ",
        "manager": "",
        "start_date": "2024-01-01",
        "end_date": "",
        "role": "",
    }
    plan = apply_import(rows=[row], today=date(2026, 12, 1))
    assert plan.is_valid and plan.updates
    first.refresh_from_db()
    assert first.email == NEW
    assert not EmailAddress.objects.filter(email__iexact=OLD).exists()


def test_a_save_of_the_account_keeps_only_its_own_address_and_takes_it_from_others():
    first = verified_person()
    other = UserFactory(email="ander@voorbeeld.test")
    # A row left behind from before this rule: the other account's, for first's new address.
    EmailAddress.objects.create(user=other, email=NEW.upper(), verified=True, primary=False)
    EmailAddress.objects.create(user=other, email=other.email, verified=True, primary=True)

    first.email = NEW
    first.save()

    assert list(EmailAddress.objects.filter(user=first)) == []
    assert list(EmailAddress.objects.filter(user=other).values_list("email", flat=True)) == [
        other.email
    ]


def test_saves_that_do_not_touch_the_address_keep_the_rows(client):
    first = verified_person()
    first.first_name = "Janna"
    first.save()
    first.save(update_fields=["last_login"])
    assert EmailAddress.objects.filter(user=first, email=OLD, verified=True).exists()
    assert resets_account(reset_mails_for(client, OLD), first)
