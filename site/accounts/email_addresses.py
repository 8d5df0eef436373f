"""allauth's address rows follow the address on the account, whoever changes it.

allauth keeps its own table of addresses (``EmailAddress``), separate from ``User.email``, and
its password reset and email login look users up through it too (verified rows first). So
when HR, SCIM or an administrator gives somebody a new address, a row for the old address
would keep working for the old account: once the old address is handed to a new colleague,
that colleague's "wachtwoord vergeten" would reset the first person's password. Therefore,
every write of ``User.email`` (the ``post_save`` receiver in ``accounts.receivers`` for single
saves, the staff import after its bulk updates) calls :func:`email_addresses_follow`, which
removes, in one statement:

* a person's rows for any address other than their account's (the new address gets its row,
  unverified, when they verify it; see ``accounts.services.user_request_email_verification``);
* anybody else's rows for an address that is now somebody's account address.
"""

from __future__ import annotations

from collections.abc import Iterable

from allauth.account.models import EmailAddress
from django.db.models import Exists, F, OuterRef, Q

from accounts.models import User


def email_addresses_follow(*, user_ids: Iterable[int]) -> int:
    """Remove the address rows that no longer match the accounts ``user_ids`` (see the module
    docstring). Returns how many rows went."""
    ids = list(user_ids)
    if not ids:
        return 0
    taken_by_another = User.objects.filter(pk__in=ids, email__iexact=OuterRef("email")).exclude(
        pk=OuterRef("user_id")
    )
    stale = EmailAddress.objects.filter(
        (Q(user_id__in=ids) & ~Q(email__iexact=F("user__email"))) | Q(Exists(taken_by_another))
    )
    removed, _ = stale.delete()
    return removed
