"""The audit log's only way in: :func:`audit_record` (one entry) or :func:`audit_record_many`
(many by one actor, in bulk), and what feeds them.

Changes to who may do what (roles, the superuser flag), to how someone logs in (passwords, two-
step verification) and to whether an account may log in at all (activation) are recorded as
:class:`~accounts.models.AuditEvent` rows. The user admin (:mod:`accounts.viewsets`), its bulk
actions, the staff import and beheer's MFA reset call these functions; the person's own
password and MFA changes arrive through allauth's signals (connected in
``AccountsConfig.ready``). Learning data never comes here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from allauth.account import signals as account_signals
from allauth.core.internal.httpkit import get_client_ip
from allauth.mfa import signals as mfa_signals
from django.http import HttpRequest

from accounts.models import AuditAction, AuditEvent, User

DetailValue = str | int | bool | list[str] | None


def _label(user: User | None) -> str:
    if user is None:
        return ""
    name = user.get_full_name()
    return f"{name} <{user.email}>" if name else user.email


def client_ip(request: HttpRequest | None) -> str | None:
    """The client's address as allauth sees it (``ALLAUTH_TRUSTED_PROXY_COUNT`` decides how
    many proxies' ``X-Forwarded-For`` entries to trust); None for commands."""
    if request is None:
        return None
    return get_client_ip(request)


def audit_record(
    *,
    action: AuditAction,
    actor: User | None,
    target: User | None,
    details: Mapping[str, DetailValue] | None = None,
    request: HttpRequest | None = None,
) -> AuditEvent:
    """Write one entry. ``actor`` is None for scheduled commands (the nightly staff import)."""
    if actor is not None and not actor.is_authenticated:
        actor = None
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        actor_label=_label(actor),
        target=target,
        target_label=_label(target),
        details=dict(details or {}),
        ip_address=client_ip(request),
    )


@dataclass(frozen=True)
class AuditEntry:
    """One entry for :func:`audit_record_many`: what happened to whom."""

    action: AuditAction
    target: User | None
    details: Mapping[str, DetailValue] = field(default_factory=dict)


def audit_record_many(
    *,
    entries: Iterable[AuditEntry],
    actor: User | None,
    request: HttpRequest | None = None,
    batch_size: int = 500,
) -> list[AuditEvent]:
    """Write many entries by one actor at once (the staff import): the same rows
    :func:`audit_record` writes, in one INSERT per ``batch_size`` entries. Every target must
    be saved already."""
    if actor is not None and not actor.is_authenticated:
        actor = None
    actor_label, ip_address = _label(actor), client_ip(request)
    events = [
        AuditEvent(
            action=entry.action,
            actor=actor,
            actor_label=actor_label,
            target=entry.target,
            target_label=_label(entry.target),
            details=dict(entry.details),
            ip_address=ip_address,
        )
        for entry in entries
    ]
    return AuditEvent.objects.bulk_create(events, batch_size=batch_size)


@dataclass(frozen=True)
class AccountSnapshot:
    """What the audit log compares before and after a change in the user admin."""

    email: str
    is_active: bool
    is_superuser: bool
    groups: frozenset[str]


def account_snapshot(*, user_id: int) -> AccountSnapshot:
    """The account as stored in the database (not as a bound form has already altered it)."""
    user = User.objects.only("email", "is_active", "is_superuser").get(pk=user_id)
    return AccountSnapshot(
        email=user.email,
        is_active=user.is_active,
        is_superuser=user.is_superuser,
        groups=frozenset(user.groups.values_list("name", flat=True)),
    )


def audit_account_changes(
    *,
    actor: User,
    target: User,
    before: AccountSnapshot | None,
    after: AccountSnapshot,
    password_set: bool,
    source: str,
    request: HttpRequest | None = None,
) -> list[AuditEvent]:
    """Record what an administrator changed on an account (``before`` is None for a new one)."""
    events = []

    def record(action: AuditAction, **details: DetailValue) -> None:
        events.append(
            audit_record(
                action=action,
                actor=actor,
                target=target,
                details={**details, "source": source},
                request=request,
            )
        )

    old_groups = before.groups if before else frozenset()
    added, removed = sorted(after.groups - old_groups), sorted(old_groups - after.groups)
    superuser_changed = (before.is_superuser if before else False) != after.is_superuser
    if added or removed or superuser_changed:
        role_details: dict[str, DetailValue] = {"added": added, "removed": removed}
        if superuser_changed:
            role_details["superuser"] = after.is_superuser
        record(AuditAction.ROLES_CHANGED, **role_details)
    if password_set:
        record(AuditAction.PASSWORD_SET_BY_ADMIN)
    if before is not None and before.email != after.email:
        record(AuditAction.EMAIL_CHANGED, old_email=before.email, new_email=after.email)
    if before is not None and before.is_active != after.is_active:
        record(AuditAction.ACTIVATED if after.is_active else AuditAction.DEACTIVATED)
    return events


# -- allauth's signals: the person's own password and two-step verification -------------------


def _own(action: AuditAction, request, user, **details: DetailValue) -> None:
    audit_record(
        action=action,
        actor=user,
        target=user,
        details={**details, "source": "account"},
        request=request,
    )


def on_password_reset(sender, request, user, **kwargs) -> None:
    _own(AuditAction.PASSWORD_RESET, request, user)


def on_password_changed(sender, request, user, **kwargs) -> None:
    _own(AuditAction.PASSWORD_CHANGED, request, user)


def on_authenticator_added(sender, request, user, authenticator, **kwargs) -> None:
    _own(AuditAction.MFA_ADDED, request, user, method=authenticator.type)


def on_authenticator_removed(sender, request, user, authenticator, **kwargs) -> None:
    _own(AuditAction.MFA_REMOVED, request, user, method=authenticator.type)


def connect_signals() -> None:
    """Called from ``AccountsConfig.ready``."""
    uid = "accounts.audit"
    account_signals.password_reset.connect(on_password_reset, dispatch_uid=f"{uid}.reset")
    account_signals.password_changed.connect(on_password_changed, dispatch_uid=f"{uid}.changed")
    account_signals.password_set.connect(on_password_changed, dispatch_uid=f"{uid}.set")
    mfa_signals.authenticator_added.connect(on_authenticator_added, dispatch_uid=f"{uid}.added")
    mfa_signals.authenticator_removed.connect(
        on_authenticator_removed, dispatch_uid=f"{uid}.removed"
    )
