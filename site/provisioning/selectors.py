"""Reads for provisioning: which accounts SCIM may see and change, and lookups by token,
department name or code."""

from __future__ import annotations

import hashlib

from django.contrib.auth.models import Group
from django.db.models import Q, QuerySet

from accounts.models import Department, User
from accounts.roles import Role
from provisioning.models import ScimClient

# The roles an account SCIM manages may have: the ones HR decides, and the contact person
# role beheer gives (kept as it is). Any other group (kernteam, beheer, griffie, raadslid, a
# hand-made group) puts the account out of SCIM's reach, as it does for the staff import.
SCIM_GROUP_NAMES = frozenset(
    role.group_name for role in (Role.MEDEWERKER, Role.LEIDINGGEVENDE, Role.AANDACHTSFUNCTIONARIS)
)


def token_hash(token: str) -> str:
    """Tokens are 256 random bits, so a plain SHA-256 is enough to store them safely (a slow
    password hash protects guessable secrets) and lets the lookup be one indexed query."""
    return hashlib.sha256(token.encode()).hexdigest()


def client_for_token(token: str) -> ScimClient | None:
    """The active client whose token this is, or None (unknown or revoked)."""
    if not token:
        return None
    return ScimClient.objects.filter(token_hash=token_hash(token), revoked_at=None).first()


def scim_clients() -> QuerySet[ScimClient]:
    return ScimClient.objects.select_related("created_by", "revoked_by").order_by(
        "revoked_at", "name"
    )


def provisionable_users() -> QuerySet[User]:
    """The accounts SCIM sees: with a personnel number, no superuser, no group outside
    :data:`SCIM_GROUP_NAMES`, no permissions of their own, and not released by a DELETE.
    The same accounts :func:`accounts.policies.is_admin_account` calls ordinary, minus
    raadsleden (never provisioned from HR)."""
    return (
        User.objects.exclude(personnel_number="")
        .exclude(is_superuser=True)
        .exclude(groups__in=Group.objects.exclude(name__in=SCIM_GROUP_NAMES))
        .exclude(user_permissions__isnull=False)
        .exclude(scim_identity__released_at__isnull=False)
        .select_related("department", "scim_identity", "scim_identity__manager")
        .order_by("pk")
    )


def is_provisionable(user: User) -> bool:
    """:func:`provisionable_users` for one account already loaded (reads its groups)."""
    if not user.personnel_number or user.is_superuser:
        return False
    if any(group.name not in SCIM_GROUP_NAMES for group in user.groups.all()):
        return False
    return not user.user_permissions.exists()


def department_ids(value: str) -> dict[str, int | None]:
    """The department named ``value`` (by name or code, any case, active only), in the shape
    the staff import's :func:`accounts.staff_import.cleaning.clean_row` takes: ``{value: id}``,
    ``{value: None}`` when it fits more than one, ``{}`` when none."""
    key = value.strip().lower()
    if not key:
        return {}
    ids = set(
        Department.objects.filter(is_active=True)
        .filter(Q(name__iexact=key) | Q(code__iexact=key))
        .values_list("pk", flat=True)
    )
    if not ids:
        return {}
    return {key: ids.pop() if len(ids) == 1 else None}


def user_by_personnel_number_or_email(*, personnel_number: str, email: str) -> User | None:
    """The account a new SCIM user is, if any: by personnel number, else by email (the staff
    import's matching rule)."""
    if personnel_number:
        found = User.objects.filter(personnel_number=personnel_number).first()
        if found is not None:
            return found
    return User.objects.filter(email__iexact=email).first() if email else None
