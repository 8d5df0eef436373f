"""Writes for people, departments and audiences.

Views, the admin, the demo-content command and (later) the HR import all go through these
functions, so every account is created and changed the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from allauth.account.internal.flows.email_verification import send_verification_email_to_address
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest

from accounts.audit import audit_record
from accounts.managers import normalize_email_address
from accounts.models import Audience, AuditAction, Department, User
from accounts.policies import can_manage_account
from accounts.roles import Role


def department_get_or_create(*, name: str, code: str = "") -> Department:
    department, _ = Department.objects.get_or_create(name=name, defaults={"code": code})
    return department


def department_set_managers(*, department: Department, managers: Iterable[User]) -> None:
    department.managers.set(managers)


@transaction.atomic
def user_create(
    *,
    email: str,
    first_name: str = "",
    last_name: str = "",
    password: str | None = None,
    department: Department | None = None,
    start_date: date | None = None,
    personnel_number: str = "",
    roles: Iterable[Role] = (Role.MEDEWERKER,),
) -> User:
    """Create an account. Without a password the account can only log in via SSO or a reset."""
    user = User.objects.create_user(
        email=normalize_email_address(email),
        password=password,
        first_name=first_name,
        last_name=last_name,
        department=department,
        start_date=start_date,
        personnel_number=personnel_number,
    )
    user_set_roles(user=user, roles=roles)
    return user


def user_set_roles(*, user: User, roles: Iterable[Role]) -> None:
    """Replace the user's role groups; groups that are not roles are left alone."""
    wanted = {role.group_name for role in roles}
    role_groups = Group.objects.filter(name__in=[role.group_name for role in Role])
    missing = wanted - set(role_groups.values_list("name", flat=True))
    if missing:
        raise ValueError(f"Role groups missing (run migrate): {', '.join(sorted(missing))}")
    user.groups.remove(*role_groups.exclude(name__in=wanted))
    user.groups.add(*role_groups.filter(name__in=wanted))
    user.__dict__.pop("roles", None)  # drop the cached value


def user_set_trend_digest(*, user: User, wants: bool) -> None:
    """Whether the user gets the weekly email with new trends (their own choice)."""
    user.wants_trend_digest = wants
    user.save(update_fields=["wants_trend_digest"])


def user_set_hr_role(*, user: User, role: Role) -> None:
    """The roles HR decides (via the staff import): always medewerker, plus leidinggevende
    for managers. Roles given in the admin (kernteam, beheer, griffie, raadslid) stay."""
    groups = dict(
        Group.objects.filter(
            name__in=[Role.MEDEWERKER.group_name, Role.LEIDINGGEVENDE.group_name]
        ).values_list("name", "pk")
    )
    user.groups.add(groups[Role.MEDEWERKER.group_name])
    if role == Role.LEIDINGGEVENDE:
        user.groups.add(groups[Role.LEIDINGGEVENDE.group_name])
    else:
        user.groups.remove(groups[Role.LEIDINGGEVENDE.group_name])
    user.__dict__.pop("roles", None)


def user_activate_totp(*, user: User, secret: str) -> None:
    """Give a user a TOTP authenticator with a known secret, plus recovery codes.

    Only for demo accounts and tests, which need a secret known in advance; real users set up
    MFA themselves through allauth's pages.
    """

    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)


@transaction.atomic
def audience_create(
    *,
    name: str,
    description: str = "",
    roles: Iterable[Role] = (),
    departments: Iterable[Department] = (),
) -> Audience:
    audience = Audience.objects.create(name=name, description=description)
    audience.roles.set(Group.objects.filter(name__in=[role.group_name for role in roles]))
    audience.departments.set(departments)
    return audience


@transaction.atomic
def user_reset_mfa(*, user: User, actor: User, request: HttpRequest | None = None) -> int:
    """Remove all of ``user``'s two-step verification (TOTP and recovery codes), for someone who
    lost their phone; their next admin visit asks them to set it up again.

    Only someone who may manage the account does this (beheer for ordinary accounts, a
    superuser for the rest), never for themselves: losing a device goes through a second
    person, with an audit entry. Returns how many authenticators were removed.
    """
    if not can_manage_account(actor=actor, target=user):
        raise PermissionDenied
    authenticators = Authenticator.objects.filter(user=user)
    methods = sorted(set(authenticators.values_list("type", flat=True)))
    removed, _ = authenticators.delete()
    audit_record(
        action=AuditAction.MFA_RESET,
        actor=actor,
        target=user,
        details={"methods": methods, "source": "user_admin"},
        request=request,
    )
    return removed


def user_request_email_verification(*, request: HttpRequest, user: User) -> bool:
    """Send the verification email for the address HR gave ``user`` (``user.email``).

    allauth refuses to set up TOTP while an address is unverified, and people may not manage
    their own addresses (see ``accounts.views.EmailFromHRView``), so this is the one address
    that can be verified. It goes through allauth's own flow, which keeps its cooldown between
    two emails (allauth's own email page calls the same function). Returns whether an email
    was sent.
    """
    address, _ = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"primary": True, "verified": False}
    )
    if address.verified:
        return False
    return send_verification_email_to_address(request, address)
