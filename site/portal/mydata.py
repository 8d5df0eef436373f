""" "Mijn gegevens": everything Weerbaar holds about one person, and deleting self-study data.

The export is the person's account followed by every app's sections, gathered through the hook
``core.registry.MY_DATA_SECTIONS`` (each app registers ``fn(*, user) -> list[DataSection]`` in
its own ``wagtail_hooks``; the hook ``order`` fixes where its keys appear in the file). Each
part takes a fixed number of queries, so the whole does. Only the person themselves ever gets
it (the view has no user parameter).

Deletion is for council members: their self-study is voluntary and private, so they may wipe
it; staff progress on mandatory modules is an employer's record and stays (HR handles requests
about it). Every app with self-study rows registers ``core.registry.SELF_STUDY_DELETE``
(``fn(*, user) -> dict[str, int]``: how many rows of each kind it deleted).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import transaction
from wagtail import hooks

from accounts.models import User
from accounts.roles import Role
from core import registry


@dataclass(frozen=True)
class MyData:
    """The export (``export``: the file's contents) and the sections behind it, for the page."""

    export: dict[str, Any]
    sections: list[registry.DataSection]


def _account(user: User) -> dict[str, Any]:
    when = registry.when
    return {
        "naam": user.get_full_name(),
        "e-mailadres": user.email,
        "personeelsnummer": user.personnel_number,
        "afdeling": str(user.department) if user.department_id else None,
        "startdatum": when(user.start_date),
        "rollen": sorted(str(role.label) for role in user.roles),
        "wekelijkse_mail_met_trends": user.wants_trend_digest,
        "account_aangemaakt": when(user.date_joined),
        "laatst_ingelogd": when(user.last_login),
    }


def my_data_sections(*, user: User) -> list[registry.DataSection]:
    """Every app's sections, in hook order."""
    return [
        section
        for contribute in hooks.get_hooks(registry.MY_DATA_SECTIONS)
        for section in contribute(user=user)
    ]


def my_data_of(*, user: User) -> MyData:
    sections = my_data_sections(user=user)
    export: dict[str, Any] = {"account": _account(user)}
    for section in sections:
        if section.key in export:
            raise ValueError(f"Two apps export the key {section.key!r}.")
        export[section.key] = section.rows
    return MyData(export=export, sections=sections)


def my_data(*, user: User) -> dict[str, Any]:
    """The person's data as plain values (Dutch keys: the file is for the person). A fixed
    number of queries."""
    return my_data_of(user=user).export


def may_delete_self_study(*, user: User) -> bool:
    return user.is_authenticated and user.is_active and user.has_role(Role.RAADSLID)


@transaction.atomic
def self_study_delete(*, user: User) -> dict[str, int]:
    """Delete a council member's own learning: module progress (with lessons done, history
    and certificates), quiz attempts, reflections and "seen" marks, each app its own part.
    Only theirs: every part filters on the user. The account itself stays, so they can log in
    again. Returns how many rows of each kind (``enrolments``, ``attempts``, ...) went."""
    if not may_delete_self_study(user=user):
        raise PermissionError("Only council members delete their self-study data.")
    deleted: dict[str, int] = {}
    for delete in hooks.get_hooks(registry.SELF_STUDY_DELETE):
        for kind, count in delete(user=user).items():
            deleted[kind] = deleted.get(kind, 0) + count
    return deleted
