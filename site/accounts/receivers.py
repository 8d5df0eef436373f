"""What the people app's writes change for the caches (see ``core.changes``).

Connected in ``AccountsConfig.ready``. A person's own row (name, department, active) and their
roles change what they see; an audience or a role's permissions can change it for anybody.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db.models.signals import m2m_changed, post_delete, post_save

from accounts.email_addresses import email_addresses_follow
from accounts.models import Audience, Department, User
from core.changes import everybody_changed, people_changed, watch_everybody


def _roles_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    """``user.groups.add(...)`` names one person; ``group.user_set.add(...)`` names many (a
    ``clear`` from the group's side names nobody: then anybody may have changed)."""
    if not action.startswith("post_"):
        return
    if not reverse:
        people_changed(user_ids=[instance.pk], reason="roles")
    elif pk_set:
        people_changed(user_ids=pk_set, reason="roles")
    else:
        everybody_changed(reason="roles")


def _account_written(sender, instance, update_fields=None, **kwargs) -> None:
    """The person's own row. A login only stamps ``last_login``, which nobody sees: that save
    moves nothing (it would make every login recompute the person's cached reads)."""
    if update_fields is not None and set(update_fields) == {"last_login"}:
        return
    people_changed(user_ids=[instance.pk], reason="account")


def _address_written(sender, instance, update_fields=None, **kwargs) -> None:
    """A save that may have changed ``User.email``: allauth's address rows follow it (why:
    ``accounts.email_addresses``)."""
    if update_fields is not None and "email" not in update_fields:
        return
    email_addresses_follow(user_ids=[instance.pk])


def connect() -> None:
    post_save.connect(_account_written, sender=User, dispatch_uid="accounts.receivers:account")
    post_save.connect(_address_written, sender=User, dispatch_uid="accounts.receivers:address")
    post_delete.connect(_account_written, sender=User, dispatch_uid="accounts.receivers:gone")
    m2m_changed.connect(
        _roles_changed, sender=User.groups.through, dispatch_uid="accounts.receivers:roles"
    )
    m2m_changed.connect(
        _roles_changed,
        sender=User.user_permissions.through,
        dispatch_uid="accounts.receivers:permissions",
    )
    watch_everybody(Audience, reason="audience")
    watch_everybody(Department, reason="department")
    # A role's permissions decide the admin link in the header and what the admin shows.
    watch_everybody(Group, reason="roles")
