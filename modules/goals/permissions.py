"""Who may set goals: the kernteam (and superusers), nobody else.

The rule is the role, not a model permission a group could be given by hand: managers, HR,
the griffie and raadsleden see no menu item and get a refusal at every URL of the targets
screen. Nobody deletes a target (it is part of the record of who set what); a wrong one is
corrected, and the change is recorded as set by the person who made it.
"""

from __future__ import annotations

from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from accounts.models import User
from accounts.roles import Role

TARGET_ACTIONS = frozenset({"add", "change", "view"})


def is_kernteam(user) -> bool:
    return bool(
        user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_role(Role.KERNTEAM))
    )


class KernteamOnlyPolicy(BasePermissionPolicy):
    """Wagtail's permission policy for the targets: view, add and change for the kernteam."""

    def user_has_permission(self, user, action):
        return action in TARGET_ACTIONS and is_kernteam(user)

    def users_with_any_permission(self, actions):
        if not TARGET_ACTIONS & set(actions):
            return User.objects.none()
        return (
            User.objects.active()
            .filter(Q(is_superuser=True) | Q(groups__name=Role.KERNTEAM.group_name))
            .distinct()
        )
