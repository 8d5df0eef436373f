"""Who may manage whose account: separation of duties, decided in this one place.

Only a superuser manages superusers and the admin roles (kernteam, beheer, griffie); beheer/HR
(``accounts.change_user``) manages ordinary accounts and the roles HR decides: medewerker,
raadslid, leidinggevende and aandachtsfunctionaris (a task focus, no admin rights). Nobody
manages their own account in the user admin, superusers included: your own roles and flags are
always someone else's decision, and your own password goes through allauth (with its
reauthentication and signals).

The user admin's views and forms, its bulk actions and beheer's two-step verification reset
(:mod:`accounts.viewsets`, :mod:`accounts.forms`, :func:`accounts.services.user_reset_mfa`)
all ask these functions, so no door can apply a different rule.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db.models import QuerySet

from accounts.models import User
from accounts.roles import Role

# Roles whose holders only a superuser manages.
ADMIN_ROLES = frozenset({Role.KERNTEAM, Role.BEHEER, Role.GRIFFIE})
# What beheer/HR may grant: the roles of ordinary accounts, and managers' rights.
ORDINARY_ROLES = frozenset(
    {Role.MEDEWERKER, Role.RAADSLID, Role.LEIDINGGEVENDE, Role.AANDACHTSFUNCTIONARIS}
)
ORDINARY_GROUP_NAMES = frozenset(role.group_name for role in ORDINARY_ROLES)

CHANGE_USER_PERMISSION = "accounts.change_user"
DELETE_USER_PERMISSION = "accounts.delete_user"


def is_admin_account(user: User) -> bool:
    """A superuser, or anyone with a group other than the ordinary roles (an admin role or a
    hand-made group, whose rights could be anything) or with permissions of their own.

    Uses ``groups.all()`` and ``user_permissions.all()``, so a listing can prefetch both.
    """
    if user.is_superuser:
        return True
    if any(group.name not in ORDINARY_GROUP_NAMES for group in user.groups.all()):
        return True
    return bool(list(user.user_permissions.all()))


def can_manage_account(*, actor: User, target: User) -> bool:
    """May ``actor`` edit ``target``'s account (email, password, roles, active, MFA reset)?"""
    if not (actor.is_authenticated and actor.is_active):
        return False
    if actor.pk == target.pk:
        return False
    if actor.is_superuser:
        return True
    return actor.has_perm(CHANGE_USER_PERMISSION) and not is_admin_account(target)


def can_delete_account(*, actor: User, target: User) -> bool:
    return actor.has_perm(DELETE_USER_PERMISSION) and can_manage_account(actor=actor, target=target)


def grantable_role_groups(actor: User | None) -> QuerySet[Group]:
    """The groups ``actor`` may give or take away: every group for a superuser, the ordinary
    roles for beheer, none for anybody else."""
    if actor is None or not actor.is_authenticated:
        return Group.objects.none()
    if actor.is_superuser:
        return Group.objects.order_by("name")
    if actor.has_perm(CHANGE_USER_PERMISSION):
        return Group.objects.filter(name__in=ORDINARY_GROUP_NAMES).order_by("name")
    return Group.objects.none()
