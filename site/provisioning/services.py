"""Writes for provisioning: SCIM clients, and every change SCIM makes to an account.

The rules are the staff import's (``accounts.staff_import``), applied to one person at a time:
a value is checked by the import's own :func:`~accounts.staff_import.cleaning.clean_row` (so a
bad email, a missing personnel number or an unknown department gets the import's Dutch
message); only name, email, personnel number, department, manager and active change; only the
roles medewerker and leidinggevende are given or taken (never an admin role); an account is
switched off, never deleted; accounts outside :func:`provisioning.selectors.provisionable_users`
(superusers, admin roles, raadsleden, no personnel number) are refused. Every change SCIM makes
goes to the audit log with source ``scim``: access (activation, deactivation, roles, email), the
profile (name, personnel number, department, manager) and the departments someone manages.
SCIM takes away only the department-manager links it made itself (:class:`ScimManagerLink`).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.models import AuditAction, Department, User
from accounts.roles import Role
from accounts.services import user_create
from accounts.staff_import import RowError, StaffRow
from accounts.staff_import.cleaning import clean_row
from provisioning.entra import ScimInputError
from provisioning.models import ScimClient, ScimIdentity, ScimManagerLink
from provisioning.selectors import (
    department_ids,
    is_provisionable,
    provisionable_users,
    token_hash,
    user_by_personnel_number_or_email,
)

SOURCE = "scim"
# ``last_used_at`` is written at most this often: not one UPDATE per request of a sync run.
TOUCH_EVERY = timedelta(minutes=1)
_KEEP_DEPARTMENT = "\x00current"


class ScimConflict(Exception):
    """Another account already has this email, personnel number or externalId (HTTP 409)."""


class ScimForbidden(Exception):
    """The account is out of SCIM's reach (HTTP 403)."""


# -- clients -------------------------------------------------------------------------------------


def scim_client_create(*, name: str, actor: User | None) -> tuple[ScimClient, str]:
    """A new client and its token. The token is returned once and only its hash is stored."""
    token = secrets.token_urlsafe(32)
    client = ScimClient.objects.create(
        name=name.strip(),
        token_hash=token_hash(token),
        token_prefix=token[:8],
        created_by=actor,
    )
    return client, token


def scim_client_revoke(*, client: ScimClient, actor: User | None) -> None:
    """Refuse the client's token from now on. Revoking twice keeps the first date."""
    if client.revoked_at is None:
        client.revoked_at, client.revoked_by = timezone.now(), actor
        client.save(update_fields=["revoked_at", "revoked_by"])


def scim_client_touch(*, client: ScimClient) -> None:
    """Remember when the client last called (at most one write per :data:`TOUCH_EVERY`)."""
    now = timezone.now()
    if client.last_used_at is None or now - client.last_used_at >= TOUCH_EVERY:
        ScimClient.objects.filter(pk=client.pk).update(last_used_at=now)
        client.last_used_at = now


# -- accounts ------------------------------------------------------------------------------------


def _audit(
    action: AuditAction,
    user: User,
    *,
    client: ScimClient,
    request: HttpRequest | None,
    **details,
) -> None:
    audit_record(
        action=action,
        actor=None,
        target=user,
        details={**details, "source": SOURCE, "client": client.name},
        request=request,
    )


def _cleaned(user: User | None, values: Mapping[str, Any]) -> StaffRow:
    """The account's values after the change, checked by the staff import's row cleaning."""

    def current(field: str) -> Any:
        if field in values:
            return values[field]
        return getattr(user, field) if user is not None else ""

    if "department" in values or user is None:
        department = str(values.get("department") or "")
        departments = department_ids(department)
    else:  # unchanged, or set by a Group (``department_id``): no name to look up
        department, departments = _KEEP_DEPARTMENT, {_KEEP_DEPARTMENT: 0}
    errors: list[RowError] = []
    row = clean_row(
        {
            "_row": 1,
            "personnel_number": current("personnel_number"),
            "email": current("email"),
            "first_name": current("first_name"),
            "last_name": current("last_name"),
            "department": department,
            "manager": "",
            "start_date": user.start_date if user else None,
            "end_date": user.end_date if user else None,
            "role": "",
        },
        departments,
        errors,
    )
    if row is None:
        raise ScimInputError(" ".join(error.message for error in errors))
    return row


def _check_unique(*, user: User | None, row: StaffRow, external_id: str | None) -> None:
    others = User.objects.exclude(pk=user.pk) if user else User.objects.all()
    if others.filter(email__iexact=row.email).exists():
        raise ScimConflict(
            _("Email address %(value)s belongs to another account.") % {"value": row.email}
        )
    if others.filter(personnel_number=row.personnel_number).exists():
        raise ScimConflict(
            _("Personnel number %(value)s belongs to another account.")
            % {"value": row.personnel_number}
        )
    if external_id:
        taken = ScimIdentity.objects.filter(external_id=external_id)
        if user is not None:
            taken = taken.exclude(user=user)
        if taken.exists():
            raise ScimConflict(
                _("externalId %(value)s belongs to another account.") % {"value": external_id}
            )


def _manager(value: str | None, *, user: User | None) -> User | None:
    """The account Entra names as manager (its SCIM id), among the accounts SCIM sees."""
    if value is None:
        return None
    manager = provisionable_users().filter(pk=value).first() if value.isdigit() else None
    if manager is None:
        raise ScimInputError(_("Manager '%(value)s' is not known in Weerbaar.") % {"value": value})
    if user is not None and manager.pk == user.pk:
        raise ScimInputError(_("Somebody cannot be their own manager."))
    if not manager.is_active:
        # A leaver, or an account switched off by hand: made a manager here, it would manage
        # the department (and read its per-person results) the day it is switched on again.
        raise ScimInputError(
            _("Manager '%(value)s' is switched off in Weerbaar.") % {"value": value}
        )
    return manager


@transaction.atomic
def scim_user_create(
    *, client: ScimClient, values: Mapping[str, Any], request: HttpRequest | None = None
) -> User:
    """A new account from a SCIM create, or the account Entra released before (DELETE) and now
    creates again (a returning colleague: linked and switched on again). Raises
    :class:`ScimConflict` when another account has the email or personnel number (also when
    that account is out of SCIM's reach: SCIM never takes one over)."""
    row = _cleaned(None, values)
    manager = _manager(values.get("manager"), user=None)
    existing = user_by_personnel_number_or_email(
        personnel_number=row.personnel_number, email=row.email
    )
    if existing is not None:
        identity = ScimIdentity.objects.filter(user=existing).first()
        if identity is None or identity.released_at is None or not is_provisionable(existing):
            raise ScimConflict(
                _("An account with this personnel number or email address already exists.")
            )
        identity.released_at = None
        identity.save(update_fields=["released_at", "updated_at"])
        return scim_user_update(
            client=client, user=existing, values={"active": True, **values}, request=request
        )
    _check_unique(user=None, row=row, external_id=values.get("external_id"))
    user = user_create(
        email=row.email,
        first_name=row.first_name,
        last_name=row.last_name,
        personnel_number=row.personnel_number,
        department=Department.objects.get(pk=row.department_id),
        roles=(Role.MEDEWERKER,),
    )
    if values.get("active") is False:
        user.is_active, user.deactivated_by_import = False, True
        user.save(update_fields=["is_active", "deactivated_by_import"])
    identity = ScimIdentity.objects.create(
        user=user, client=client, external_id=values.get("external_id") or "", manager=manager
    )
    _audit(
        AuditAction.ROLES_CHANGED,
        user,
        client=client,
        request=request,
        added=[Role.MEDEWERKER.group_name],
        removed=[],
        created=True,
        # What else the new account was given, named as an update's audit names a change.
        department=_department_label(user.department_id),
        manager=_manager_label(manager),
    )
    if not user.is_active:
        _audit(AuditAction.DEACTIVATED, user, client=client, request=request)
    if manager is not None:
        _sync_manager(
            department_id=user.department_id, manager=manager, client=client, request=request
        )
    return _reloaded(identity.user_id)


@transaction.atomic
def scim_user_update(
    *,
    client: ScimClient,
    user: User,
    values: Mapping[str, Any],
    request: HttpRequest | None = None,
) -> User:
    """Apply a SCIM replace or PATCH to one account SCIM may change (else
    :class:`ScimForbidden`). Fields the request leaves out stay as they are."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if not is_provisionable(user):
        raise ScimForbidden(_("Weerbaar does not let SCIM change this account."))
    row = _cleaned(user, values)
    external_id = values.get("external_id")
    _check_unique(user=user, row=row, external_id=external_id)
    identity, _created = ScimIdentity.objects.get_or_create(user=user, defaults={"client": client})
    old_department_id, old_email = user.department_id, user.email
    new_values: dict[str, Any] = {
        "personnel_number": row.personnel_number,
        "first_name": row.first_name,
        "last_name": row.last_name,
        "email": row.email,
    }
    if "department" in values:
        new_values["department_id"] = row.department_id
    elif "department_id" in values:
        new_values["department_id"] = values["department_id"]
    switched_on = switched_off = False
    if values.get("active") is False and user.is_active:
        new_values.update(is_active=False, deactivated_by_import=True)
        switched_off = True
    elif values.get("active") is True and not user.is_active and user.deactivated_by_import:
        # Switched off by an import or by SCIM: back on. Switched off by hand: stays off.
        new_values.update(is_active=True, deactivated_by_import=False)
        switched_on = True
    columns = [name for name, value in new_values.items() if getattr(user, name) != value]
    before = {name: getattr(user, name) for name in columns}
    for name in columns:
        setattr(user, name, new_values[name])
    if columns:
        user.save(update_fields=columns)
    if old_email != user.email:
        _audit(
            AuditAction.EMAIL_CHANGED,
            user,
            client=client,
            request=request,
            old_email=old_email,
            new_email=user.email,
        )
    if switched_off:
        _audit(AuditAction.DEACTIVATED, user, client=client, request=request)
    if switched_on:
        _audit(AuditAction.ACTIVATED, user, client=client, request=request)
        if not user.groups.filter(name=Role.MEDEWERKER.group_name).exists():
            user.groups.add(Group.objects.get(name=Role.MEDEWERKER.group_name))
            _audit(
                AuditAction.ROLES_CHANGED,
                user,
                client=client,
                request=request,
                added=[Role.MEDEWERKER.group_name],
                removed=[],
            )
    identity_fields = ["client", "updated_at"]
    identity.client = client
    if external_id is not None and external_id != identity.external_id:
        identity.external_id = external_id
        identity_fields.append("external_id")
    old_manager = identity.manager
    if "manager" in values:
        identity.manager = _manager(values["manager"], user=user)
        identity_fields.append("manager")
    try:
        identity.save(update_fields=identity_fields)
    except IntegrityError as error:  # a concurrent request took the externalId
        raise ScimConflict(str(error)) from error
    profile = _profile_changes(before, user)
    if identity.manager_id != (old_manager.pk if old_manager else None):
        profile["manager"] = [_manager_label(old_manager), _manager_label(identity.manager)]
    if profile:
        _audit(AuditAction.PROFILE_CHANGED, user, client=client, request=request, **profile)
    pairs = {(old_department_id, old_manager), (user.department_id, identity.manager)}
    for department_id, manager in pairs:
        if department_id is not None and manager is not None:
            _sync_manager(
                department_id=department_id, manager=manager, client=client, request=request
            )
    return _reloaded(user.pk)


@transaction.atomic
def scim_user_release(
    *, client: ScimClient, user: User, request: HttpRequest | None = None
) -> None:
    """Entra's DELETE: the account is switched off, never removed (its learning history
    stays), and SCIM no longer sees it. Entra creating the person again links it again."""
    scim_user_update(client=client, user=user, values={"active": False}, request=request)
    ScimIdentity.objects.filter(user=user).update(released_at=timezone.now())


@transaction.atomic
def scim_department_members(
    *,
    client: ScimClient,
    department: Department,
    add: list[str],
    remove: list[str],
    request: HttpRequest | None = None,
) -> None:
    """A Group PATCH on a department: members added move into it, members removed leave it
    (only if they are still in it: Entra may add someone to their new department before it
    removes them from the old one). Every member must be an account SCIM sees."""
    named = set(add) | set(remove)
    users = {
        str(user.pk): user
        for user in provisionable_users().filter(pk__in=[int(pk) for pk in named if pk.isdigit()])
    }
    if unknown := sorted(named - users.keys()):
        raise ScimInputError(
            _("Member '%(value)s' is not known in Weerbaar.") % {"value": ", ".join(unknown)}
        )
    for pk in remove:
        if users[pk].department_id == department.pk and pk not in add:
            scim_user_update(
                client=client, user=users[pk], values={"department_id": None}, request=request
            )
    for pk in dict.fromkeys(add):
        if users[pk].department_id != department.pk:
            scim_user_update(
                client=client,
                user=users[pk],
                values={"department_id": department.pk},
                request=request,
            )


# The account fields whose change is a profile change (email, active and roles have their own
# audit actions).
_PROFILE_FIELDS = ("first_name", "last_name", "personnel_number", "department_id")


def _department_label(department_id: int | None) -> str:
    if department_id is None:
        return ""
    department = Department.objects.filter(pk=department_id).only("name", "code").first()
    return f"{department.name} ({department.code})" if department else str(department_id)


def _manager_label(manager: User | None) -> str:
    """The manager as the audit log names them: the SCIM id (the account's number) and the
    personnel number, enough to trace without copying a second person's name."""
    if manager is None:
        return ""
    return (
        f"{manager.pk} ({manager.personnel_number})"
        if manager.personnel_number
        else str(manager.pk)
    )


def _profile_changes(before: dict[str, Any], user: User) -> dict[str, list[str]]:
    """Per changed profile field its old and new value, for the audit entry."""
    changes: dict[str, list[str]] = {}
    for name in _PROFILE_FIELDS:
        if name not in before:
            continue
        if name == "department_id":
            changes["department"] = [
                _department_label(before[name]),
                _department_label(user.department_id),
            ]
        else:
            changes[name] = [str(before[name] or ""), str(getattr(user, name) or "")]
    return changes


def _sync_manager(
    *,
    department_id: int,
    manager: User,
    client: ScimClient,
    request: HttpRequest | None,
) -> None:
    """Make ``manager`` a manager of the department while somebody in it reports to them by
    SCIM (and not any more once nobody does), and give or take the leidinggevende role to
    match, all only if SCIM may change the manager's account. A department's own manager who
    reports to somebody higher up does not make that person a manager of the department (the
    staff import's rule). Only a link SCIM made itself is taken away again: a manager set by
    hand or by the staff import stays (and is not recorded as SCIM's)."""
    manager = User.objects.get(pk=manager.pk)
    if not is_provisionable(manager):
        # An account out of SCIM's reach (an admin role since, say): neither its departments
        # nor its roles are SCIM's to change.
        return
    department = Department.objects.get(pk=department_id)
    own_managers = set(department.managers.values_list("pk", flat=True))
    reports = (
        ScimIdentity.objects.filter(
            manager=manager, user__department_id=department_id, user__is_active=True
        )
        .exclude(user_id__in=own_managers)
        .exists()
    )
    label = f"{department.name} ({department.code})"
    if reports and manager.pk not in own_managers and manager.is_active:
        # (An account switched off since the link was asked for does not become a manager.)
        department.managers.add(manager)
        ScimManagerLink.objects.get_or_create(department=department, manager=manager)
        _audit(
            AuditAction.MANAGED_DEPARTMENTS_CHANGED,
            manager,
            client=client,
            request=request,
            added=[label],
            removed=[],
        )
    elif not reports and manager.pk in own_managers:
        made_by_scim = ScimManagerLink.objects.filter(department=department, manager=manager)
        if made_by_scim.exists():
            made_by_scim.delete()
            department.managers.remove(manager)
            _audit(
                AuditAction.MANAGED_DEPARTMENTS_CHANGED,
                manager,
                client=client,
                request=request,
                added=[],
                removed=[label],
            )
    elif manager.pk not in own_managers:
        # Taken away by hand since: SCIM's record of the link goes too, so a later hand-set
        # link of the same pair is not mistaken for SCIM's.
        ScimManagerLink.objects.filter(department=department, manager=manager).delete()
    lead = Group.objects.get(name=Role.LEIDINGGEVENDE.group_name)
    has_lead = manager.groups.filter(pk=lead.pk).exists()
    wants_lead = (
        manager.managed_departments.exists()
        or ScimIdentity.objects.filter(manager=manager, user__is_active=True).exists()
    )
    if wants_lead and not has_lead:
        manager.groups.add(lead)
        _audit(
            AuditAction.ROLES_CHANGED,
            manager,
            client=client,
            request=request,
            added=[lead.name],
            removed=[],
        )
    elif has_lead and not wants_lead:
        manager.groups.remove(lead)
        _audit(
            AuditAction.ROLES_CHANGED,
            manager,
            client=client,
            request=request,
            added=[],
            removed=[lead.name],
        )


def _reloaded(user_id: int) -> User:
    """The account as the SCIM answer shows it (department, identity and manager loaded)."""
    return User.objects.select_related("department", "scim_identity", "scim_identity__manager").get(
        pk=user_id
    )
