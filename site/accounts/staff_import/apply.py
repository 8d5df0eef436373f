"""Applying: carry out a plan in one transaction, in bulk.

:func:`apply_import` plans again inside its transaction (so it acts on the database as it is
now), refuses a plan with errors, a plan that differs from the one shown (:class:`PlanChanged`)
and an unconfirmed mass deactivation (:class:`MassDeactivationRefused`), and then writes the
whole plan with a number of queries that does not grow with the rows, beyond one per batch of
:data:`BATCH_SIZE` (Django's SQLite backend cuts an INSERT or a bulk UPDATE smaller still, at
999 parameters):

* new accounts: one ``bulk_create`` (unusable passwords: they log in via SSO or a reset);
* changed accounts: one ``bulk_update`` per set of changed columns for rows of the file (only
  those columns), one UPDATE for accounts no longer in it;
* the roles medewerker and leidinggevende: inserts into and one delete from the user-group
  table (other roles are never touched);
* department managers: inserts into and one delete from the department-manager table;
* the audit log: activations, deactivations and leidinggevende role changes in one
  ``bulk_create`` (:func:`accounts.audit.audit_record_many`), in the order the plan lists them.
"""

from __future__ import annotations

import secrets
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX, UNUSABLE_PASSWORD_SUFFIX_LENGTH
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest

from accounts.audit import AuditEntry, audit_record_many
from accounts.email_addresses import email_addresses_follow
from accounts.managers import normalize_email_address
from accounts.models import AuditAction, Department, User
from accounts.roles import Role
from accounts.staff_import.plan import ImportPlan, PersonChange, plan_import
from core.changes import people_changed

BATCH_SIZE = 500
# The attribute a row sets that bulk_update names by its field (the foreign key).
_FIELD_OF = {"department_id": "department"}


class MassDeactivationRefused(Exception):
    """The plan switches off many people and the caller did not confirm that."""


class PlanChanged(Exception):
    """Weerbaar changed between the dry run and applying: the plan is not the one shown."""


@dataclass(frozen=True)
class _Done:
    """One account the plan wrote, with what it was before (for the roles and the audit)."""

    user: User
    change: PersonChange
    was_active: bool
    was_lead: bool
    had_staff_role: bool


@transaction.atomic
def apply_import(
    *,
    rows: list[dict],
    today: date,
    allow_mass_deactivation: bool = False,
    expected_fingerprint: str | None = None,
    actor: User | None = None,
    request: HttpRequest | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportPlan:
    """Plan again against the database as it is now and carry the plan out, all or nothing.
    Refuses (and writes nothing) when the plan has errors, raises :class:`PlanChanged` when it
    is not the plan with ``expected_fingerprint``, and :class:`MassDeactivationRefused` when it
    would switch off many people unconfirmed.

    Deactivations, reactivations and leidinggevende role changes go to the audit log, with
    ``actor`` (beheer in the admin; None for the nightly command) and the request's address.

    ``progress(done, total)`` hears how many of the plan's accounts are written, after each
    batch (the admin's background job shows it)."""
    plan = plan_import(rows=rows, today=today)
    if not plan.is_valid:
        return plan
    if expected_fingerprint is not None and plan.fingerprint() != expected_fingerprint:
        raise PlanChanged(plan)
    if plan.mass_deactivation and not allow_mass_deactivation:
        raise MassDeactivationRefused(plan)
    counter = _Counter(
        total=len(plan.creates) + len(plan.updates) + len(plan.deactivations), report=progress
    )
    counter.add(0)
    created = _create_accounts(plan.creates, counter=counter)
    changed = _update_accounts(plan.updates + plan.deactivations, today=today, counter=counter)
    _set_hr_roles(created + changed)
    managers = _apply_manager_changes(plan)
    # The bulk writes above send no model signals: tell the caches and the reporting summary
    # whose accounts, roles or departments changed (core.changes).
    people_changed(user_ids={item.user.pk for item in created + changed} | managers, reason="roles")
    audit_record_many(
        entries=_audit_entries(created + changed),
        actor=actor,
        request=request,
        batch_size=BATCH_SIZE,
    )
    return plan


@dataclass
class _Counter:
    """Accounts written so far, told to ``report`` (if any) after each batch."""

    total: int
    report: Callable[[int, int], None] | None
    done: int = 0

    def add(self, count: int) -> None:
        self.done += count
        if self.report is not None:
            self.report(min(self.done, self.total), self.total)


def _create_accounts(creates: list[PersonChange], *, counter: _Counter) -> list[_Done]:
    """New accounts as :meth:`UserManager.create_user` makes them (normalised email, no
    usable password, no staff or superuser flag), in one INSERT per batch. SQLite and
    PostgreSQL return the new ids, which the roles and the audit log need."""
    users = []
    for change in creates:
        row = change.row
        user = User(
            email=normalize_email_address(row.email),
            first_name=row.first_name,
            last_name=row.last_name,
            personnel_number=row.personnel_number,
            department_id=row.department_id,
            start_date=row.start_date,
            end_date=row.end_date,
            is_staff=False,
            is_superuser=False,
        )
        user.password = _unusable_password()
        users.append(user)
    for start in range(0, len(users), BATCH_SIZE):
        User.objects.bulk_create(users[start : start + BATCH_SIZE], batch_size=BATCH_SIZE)
        counter.add(len(users[start : start + BATCH_SIZE]))
    return [
        _Done(user, change, was_active=True, was_lead=False, had_staff_role=False)
        for user, change in zip(users, creates, strict=True)
    ]


def _unusable_password() -> str:
    """What ``set_unusable_password`` stores (the unusable prefix and a random suffix of the
    same length), from ``secrets`` in one call: Django draws the 40 characters one by one
    (``get_random_string``), 0.3 ms per account, 1.5 s of a first import of 5,000 people."""
    return UNUSABLE_PASSWORD_PREFIX + secrets.token_hex(UNUSABLE_PASSWORD_SUFFIX_LENGTH // 2)


def _update_accounts(changes: list[PersonChange], *, today: date, counter: _Counter) -> list[_Done]:
    """Write what the rows say on the accounts the plan read (``change.account``); switch off
    accounts no longer in the file.

    Only the columns that change are written: the accounts are grouped by the set of columns
    that differ, and each group is one ``bulk_update`` (per batch) of just those columns; the
    leavers are one plain UPDATE per batch. ``bulk_update`` builds a ``CASE WHEN pk = ...``
    per account and column; writing all nine columns of every changed account made applying a
    month's changes of 5,000 people take twice as long as planning them (issue 16)."""
    done: list[_Done] = []
    by_columns: dict[tuple[str, ...], list[User]] = defaultdict(list)
    leavers: list[int] = []
    for change in changes:
        user, row = change.account, change.row
        if row is None:  # no longer in the HR file: only switched off, roles stay
            done.append(_Done(user, change, user.is_active, was_lead=False, had_staff_role=True))
            user.is_active, user.deactivated_by_import = False, True
            leavers.append(user.pk)
            continue
        groups = {group.name for group in user.groups.all()}  # prefetched by the plan
        done.append(
            _Done(
                user,
                change,
                was_active=user.is_active,
                was_lead=Role.LEIDINGGEVENDE.group_name in groups,
                had_staff_role=Role.MEDEWERKER.group_name in groups,
            )
        )
        values = {
            "personnel_number": row.personnel_number,
            "first_name": row.first_name,
            "last_name": row.last_name,
            "email": normalize_email_address(row.email),
            "department_id": row.department_id,
            "start_date": row.start_date,
            "end_date": row.end_date,
        }
        if "actief" in change.changes:
            values["is_active"] = not row.has_left(today)
            values["deactivated_by_import"] = not values["is_active"]
        columns = tuple(name for name, value in values.items() if getattr(user, name) != value)
        for name in columns:
            setattr(user, name, values[name])
        if columns:
            by_columns[tuple(_FIELD_OF.get(name, name) for name in columns)].append(user)
    unwritten = len(changes) - len(leavers) - sum(len(users) for users in by_columns.values())
    counter.add(unwritten)  # only their roles change, written with everybody's below
    for columns, users in by_columns.items():
        for start in range(0, len(users), BATCH_SIZE):
            batch = users[start : start + BATCH_SIZE]
            User.objects.bulk_update(batch, columns, batch_size=BATCH_SIZE)
            if "email" in columns:  # bulk_update sends no post_save
                email_addresses_follow(user_ids=[user.pk for user in batch])
            counter.add(len(batch))
    for start in range(0, len(leavers), BATCH_SIZE):
        User.objects.filter(pk__in=leavers[start : start + BATCH_SIZE]).update(
            is_active=False, deactivated_by_import=True
        )
        counter.add(len(leavers[start : start + BATCH_SIZE]))
    return done


def _hr_group_ids() -> dict[Role, int]:
    names = {
        Role.MEDEWERKER.group_name: Role.MEDEWERKER,
        Role.LEIDINGGEVENDE.group_name: Role.LEIDINGGEVENDE,
    }
    ids = {
        names[name]: pk
        for name, pk in Group.objects.filter(name__in=names).values_list("name", "pk")
    }
    missing = sorted(role.group_name for role in names.values() if role not in ids)
    if missing:
        raise ValueError(f"Role groups missing (run migrate): {', '.join(missing)}")
    return ids


def _set_hr_roles(done: list[_Done]) -> None:
    """The roles HR decides: medewerker for everyone in the file, plus leidinggevende for
    whoever others report to or whose row says so. Other roles stay as they are."""
    with_rows = [item for item in done if item.change.row is not None]
    if not with_rows:
        return
    groups = _hr_group_ids()
    through = User.groups.through
    additions, demoted = [], []
    for item in with_rows:
        if not item.had_staff_role:
            additions.append(through(user_id=item.user.pk, group_id=groups[Role.MEDEWERKER]))
        wants_lead = item.change.role == Role.LEIDINGGEVENDE
        if wants_lead and not item.was_lead:
            additions.append(through(user_id=item.user.pk, group_id=groups[Role.LEIDINGGEVENDE]))
        elif item.was_lead and not wants_lead:
            demoted.append(item.user.pk)
    through.objects.bulk_create(additions, batch_size=BATCH_SIZE, ignore_conflicts=True)
    if demoted:
        through.objects.filter(group_id=groups[Role.LEIDINGGEVENDE], user_id__in=demoted).delete()


def _apply_manager_changes(plan: ImportPlan) -> set[int]:
    """Make each department's managers the ones the plan names: one INSERT (per batch) of the
    managers to add, one DELETE of those to remove. Returns the ids of the managers added or
    removed."""
    keys = {key for add, remove in plan.manager_changes.values() for key in add | remove}
    if not keys:
        return set()
    by_key: dict[str, User] = {}
    for user in User.objects.filter(Q(personnel_number__in=keys) | Q(email__in=keys)):
        by_key[user.email] = user
        if user.personnel_number:
            by_key[user.personnel_number] = user
    through = Department.managers.through
    additions, removals = [], Q()
    for department_id, (add, remove) in sorted(plan.manager_changes.items()):
        additions += [
            through(department_id=department_id, user_id=by_key[key].pk)
            for key in sorted(add)
            if key in by_key
        ]
        if gone := [by_key[key].pk for key in remove if key in by_key]:
            removals |= Q(department_id=department_id, user_id__in=gone)
    through.objects.bulk_create(additions, batch_size=BATCH_SIZE, ignore_conflicts=True)
    if removals:
        through.objects.filter(removals).delete()
    return {by_key[key].pk for key in keys if key in by_key}


def _audit_entries(done: list[_Done]) -> list[AuditEntry]:
    """Activations, deactivations and leidinggevende role changes, per account in the order
    of the plan (creates, updates, deactivations). Creating an account is no access change."""
    entries = []
    details = {"source": "staff_import"}
    lead = Role.LEIDINGGEVENDE.group_name
    for item in done:
        user = item.user
        if item.was_active != user.is_active:
            action = AuditAction.ACTIVATED if user.is_active else AuditAction.DEACTIVATED
            entries.append(AuditEntry(action, user, details))
        if item.change.row is None:
            continue
        is_lead = item.change.role == Role.LEIDINGGEVENDE
        if item.was_lead != is_lead:
            added, removed = ([lead], []) if is_lead else ([], [lead])
            entries.append(
                AuditEntry(
                    AuditAction.ROLES_CHANGED, user, {"added": added, "removed": removed, **details}
                )
            )
    return entries
