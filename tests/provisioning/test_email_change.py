"""An address moved by SCIM no longer resets the first account's password: allauth's rows
follow ``User.email`` (``accounts.email_addresses``; the other writers are tested in
``tests/accounts/test_email_addresses_follow.py``)."""

from __future__ import annotations

import pytest
from allauth.account.models import EmailAddress

from accounts.models import User
from tests.accounts.test_email_addresses_follow import (
    NEW,
    OLD,
    reset_mails_for,
    resets_account,
    verified_person,
)
from tests.provisioning.conftest import entra_user, patch

pytestmark = pytest.mark.django_db


def test_an_address_moved_by_scim_no_longer_resets_the_first_account(scim, departments, client):
    first = verified_person(personnel_number="7001")
    moved = scim.patch(
        f"/Users/{first.pk}", patch({"op": "replace", "path": "userName", "value": NEW})
    )
    assert moved.status_code == 200, moved.content
    created = scim.post("/Users", entra_user(number="7002", email=OLD))
    assert created.status_code == 201, created.content
    newcomer = User.objects.get(personnel_number="7002")

    bodies = reset_mails_for(client, OLD)
    assert bodies and not resets_account(bodies, first)
    assert resets_account(bodies, newcomer)
    assert not EmailAddress.objects.filter(email__iexact=OLD, user=first).exists()
    assert resets_account(reset_mails_for(client, NEW), first)
