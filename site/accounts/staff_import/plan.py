"""Planning: compare the cleaned rows with the accounts in Weerbaar and say what would change.

:func:`plan_import` is the dry run: it only reads, with a fixed number of queries whatever the
number of rows, and returns an :class:`ImportPlan`. Applying (:mod:`.apply`) plans again inside
its transaction and carries out exactly that plan. The steps, in order:

1. :func:`_departments`: the active departments by code and by name;
2. :func:`_cleaned_rows`: every row cleaned (:mod:`.cleaning`), duplicates in the file found;
3. :func:`_accounts`: the accounts with the file's personnel numbers or emails;
4. :func:`_managers`: who the rows report to (someone in the file or an existing account);
5. :func:`_matched`: each row's account, by personnel number, else by email;
6. :func:`_compare`: per row, create, update, (de/re)activate, unchanged or left alone;
7. :func:`_missing_from_file`: HR accounts no longer in the file, to switch off;
8. :func:`_manager_changes`: per department, the managers to add and to remove.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.models import Group, Permission
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from accounts.models import Department, User
from accounts.policies import is_admin_account
from accounts.roles import ROLE_GROUP_NAMES, Role
from accounts.staff_import.cleaning import RowError, StaffRow, clean_row, duplicates

EMPTY = "\u2013"  # an en dash: no value
# Accounts that run Weerbaar are never switched off by a file: a superuser or someone with an
# admin role (kernteam, beheer, griffie) who is missing from the export stays active, so a
# wrong file cannot lock out the people who would correct it.
PROTECTED_GROUP_NAMES = (
    ROLE_GROUP_NAMES[Role.KERNTEAM],
    ROLE_GROUP_NAMES[Role.BEHEER],
    ROLE_GROUP_NAMES[Role.GRIFFIE],
)


@dataclass
class PersonChange:
    """What happens to one person: ``action`` is create, update, deactivate or reactivate."""

    action: str
    personnel_number: str
    name: str
    email: str
    changes: dict[str, tuple[str, str]] = field(default_factory=dict)
    user_id: int | None = None
    row: StaffRow | None = None
    role: Role = Role.MEDEWERKER
    # The account as the plan read it (groups prefetched), so applying needs no second read;
    # not part of what the plan shows or of its fingerprint.
    account: User | None = field(default=None, repr=False, compare=False)


@dataclass
class ImportPlan:
    errors: list[RowError]
    creates: list[PersonChange]
    updates: list[PersonChange]
    deactivations: list[PersonChange]
    unchanged: int
    # department id: (manager keys to add, to remove); a key is a personnel number or email
    manager_changes: dict[int, tuple[set[str], set[str]]]
    rows: int
    active_hr_accounts: int = 0
    # Rows that match a superuser or an admin-role account: a file never changes those (only
    # a superuser does, by hand), so a row cannot rewrite their email, end date or role.
    left_alone: list[PersonChange] = field(default_factory=list)

    def fingerprint(self) -> str:
        """A short hash of what this plan would do: applying checks that it is still the plan
        the person saw in the dry run."""
        entries = [
            [change.action, change.personnel_number, change.email, sorted(change.changes.items())]
            for change in self.creates + self.updates + self.deactivations
        ]
        managers = [
            [department, sorted(add), sorted(remove)]
            for department, (add, remove) in sorted(self.manager_changes.items())
        ]
        payload = json.dumps([entries, managers], sort_keys=True, default=str)
        return hashlib.sha256(payload.encode()).hexdigest()[:32]

    @property
    def mass_deactivation(self) -> bool:
        """More than a tenth (and more than five) of the active staff would be switched off:
        perhaps a partial export. Applying then needs an explicit confirmation."""
        count = len(self.deactivations)
        return count > 5 and count > self.active_hr_accounts / 10

    @property
    def is_valid(self) -> bool:
        return not self.errors

    @property
    def has_changes(self) -> bool:
        return bool(
            self.creates
            or self.updates
            or self.deactivations
            or any(add or remove for add, remove in self.manager_changes.values())
        )


@dataclass(frozen=True)
class _Departments:
    ids: dict[str, int | None]  # lower-cased name or code: id (None: fits more than one)
    names: dict[int, str]


@dataclass(frozen=True)
class _Accounts:
    by_number: dict[str, User]
    by_email: dict[str, User]


@dataclass(frozen=True)
class _Managers:
    in_file: dict[str, StaffRow]  # lower-cased personnel number or email: the row
    outside: dict[str, User]  # lower-cased personnel number or email: an existing account
    managing_rows: set[int]  # the lines of the rows that others report to


@dataclass
class _Comparison:
    creates: list[PersonChange] = field(default_factory=list)
    updates: list[PersonChange] = field(default_factory=list)
    deactivations: list[PersonChange] = field(default_factory=list)
    left_alone: list[PersonChange] = field(default_factory=list)
    unchanged: int = 0


def plan_import(*, rows: list[dict], today: date) -> ImportPlan:
    """Compare the file with Weerbaar and say what would change. Reads only; a fixed number of
    queries whatever the number of rows."""
    departments = _departments()
    errors: list[RowError] = []
    cleaned = _cleaned_rows(rows, departments, errors)
    accounts = _accounts(cleaned)
    managers = _managers(cleaned, today=today, errors=errors)
    matched = _matched(cleaned, accounts, errors)
    errors.sort(key=lambda e: (e.row, e.column))
    comparison = _compare(
        cleaned, matched=matched, managers=managers, names=departments.names, today=today
    )
    comparison.deactivations += _missing_from_file(
        in_file={user.pk for user in matched.values()},
        numbers={row.personnel_number for row in cleaned},
    )
    manager_changes = _manager_changes(cleaned=cleaned, managers=managers)
    return ImportPlan(
        errors=errors,
        creates=comparison.creates,
        updates=comparison.updates,
        deactivations=comparison.deactivations,
        unchanged=comparison.unchanged,
        manager_changes=manager_changes if not errors else {},
        rows=len(rows),
        active_hr_accounts=User.objects.active().exclude(personnel_number="").count(),
        left_alone=comparison.left_alone,
    )


def _departments() -> _Departments:
    ids: dict[str, int | None] = {}
    names: dict[int, str] = {}
    for department in Department.objects.filter(is_active=True):
        names[department.pk] = department.name
        for key in {department.name.lower(), department.code.lower()} - {""}:
            # A code equal to another department's name is ambiguous: None marks it.
            known = ids.get(key, department.pk)
            ids[key] = department.pk if known == department.pk else None
    return _Departments(ids=ids, names=names)


def _cleaned_rows(
    rows: list[dict], departments: _Departments, errors: list[RowError]
) -> list[StaffRow]:
    cleaned = [row for raw in rows if (row := clean_row(raw, departments.ids, errors))]
    errors += duplicates(
        cleaned,
        "personnel_number",
        "personeelsnummer",
        _("Personnel number %(value)s appears more than once (rows %(rows)s)."),
    )
    errors += duplicates(
        cleaned,
        "email",
        "e-mail",
        _("Email address %(value)s appears more than once (rows %(rows)s)."),
    )
    return cleaned


def _accounts(cleaned: list[StaffRow]) -> _Accounts:
    """The accounts the rows may be about (by personnel number or email, in one query), with
    what :func:`is_admin_account` and the role comparison read (groups, permissions) loaded
    by :func:`_attach_groups_and_permissions`."""
    numbers = {row.personnel_number for row in cleaned}
    emails = {row.email for row in cleaned}
    accounts = User.objects.filter(Q(personnel_number__in=numbers) | Q(email__in=emails))
    users = list(accounts)
    _attach_groups_and_permissions(users, accounts=accounts)
    return _Accounts(
        by_number={
            user.personnel_number: user for user in users if user.personnel_number in numbers
        },
        by_email={user.email.lower(): user for user in users if user.email in emails},
    )


def _attach_groups_and_permissions(users: list[User], *, accounts: QuerySet) -> None:
    """Fill each account's ``groups`` and ``user_permissions`` as ``prefetch_related`` does,
    so ``user.groups.all()`` (here, in :mod:`.apply` and in :func:`is_admin_account`) runs no
    query. Three queries whatever the number of accounts: the groups, and the two link tables
    filtered by ``accounts`` (the query that found ``users``) as a subquery, not a list of ids.

    Why not ``prefetch_related("groups", "user_permissions")``: it builds a related manager
    and a filtered queryset per account and relation, about 0.15 ms each; at 5,000 people
    that was 3 of the dry run's 4 seconds (benchmarks/staff_import_at_scale.py)."""
    if not users:
        return
    ids = accounts.values("pk")
    groups = {group.pk: group for group in Group.objects.all()}
    groups_of: dict[int, list[Group]] = defaultdict(list)
    for user_id, group_id in User.groups.through.objects.filter(user_id__in=ids).values_list(
        "user_id", "group_id"
    ):
        groups_of[user_id].append(groups[group_id])
    permissions_of: dict[int, list[Permission]] = defaultdict(list)
    for permission in Permission.objects.filter(user__in=ids).annotate(holder_id=F("user__id")):
        permissions_of[permission.holder_id].append(permission)
    # Accounts with the same groups share one loaded queryset (most have the same one or two
    # roles and no permissions of their own): it is only read.
    shared: dict[tuple, QuerySet] = {}
    for user in users:
        cache = getattr(user, "_prefetched_objects_cache", None)
        if cache is None:
            cache = user._prefetched_objects_cache = {}
        for name, model, objects in (
            ("groups", Group, groups_of[user.pk]),
            ("user_permissions", Permission, permissions_of[user.pk]),
        ):
            key = (name, *sorted(item.pk for item in objects))
            if key not in shared:
                shared[key] = _loaded(model, sorted(objects, key=lambda item: item.pk))
            cache[name] = shared[key]


def _loaded(model, objects: list) -> QuerySet:
    """A queryset that already holds ``objects`` (what a prefetch leaves in the cache)."""
    queryset = QuerySet(model=model)
    queryset._result_cache = objects
    queryset._prefetch_done = True
    return queryset


def _managers(cleaned: list[StaffRow], *, today: date, errors: list[RowError]) -> _Managers:
    """Who the rows report to: someone in the file (by personnel number or email) or an
    existing active account. A manager who is neither, or who has left, is an error."""
    in_file: dict[str, StaffRow] = {}
    for row in cleaned:
        in_file[row.personnel_number.lower()] = row
        in_file[row.email] = row
    refs = {row.manager_ref for row in cleaned if row.manager_ref}
    outside: dict[str, User] = {}
    for user in (
        User.objects.active()
        .annotate(number_lower=Lower("personnel_number"), email_lower=Lower("email"))
        .filter(Q(number_lower__in=refs) | Q(email_lower__in=refs))
    ):
        outside[user.personnel_number.lower()] = user
        outside[user.email.lower()] = user
    for row in cleaned:
        ref = row.manager_ref
        if ref and ref not in in_file and ref not in outside:
            message = _("Manager '%(value)s' is not in the file nor in Weerbaar.")
        elif ref in in_file and in_file[ref].has_left(today):
            message = _("Manager '%(value)s' has left (end date passed).")
        else:
            continue
        errors.append(
            RowError(row=row.row, column="leidinggevende", message=message % {"value": ref})
        )
    managing_rows = {in_file[ref].row for ref in refs if ref in in_file}
    return _Managers(in_file=in_file, outside=outside, managing_rows=managing_rows)


def _matched(
    cleaned: list[StaffRow], accounts: _Accounts, errors: list[RowError]
) -> dict[int, User]:
    """Each row's account (row number: account), by personnel number, else by email. An
    email that belongs to another account is an error, and that row is matched to nobody."""
    matched: dict[int, User] = {}
    for row in cleaned:
        user = accounts.by_number.get(row.personnel_number)
        by_address = accounts.by_email.get(row.email)
        if user is None and by_address is not None:
            if by_address.personnel_number and by_address.personnel_number != row.personnel_number:
                message = _(
                    "Email address %(value)s belongs to another account (personnel "
                    "number %(other)s)."
                ) % {"value": row.email, "other": by_address.personnel_number}
                errors.append(RowError(row=row.row, column="e-mail", message=message))
                continue
            user = by_address
        elif user is not None and by_address is not None and by_address.pk != user.pk:
            message = _("Email address %(value)s belongs to another account.") % {
                "value": row.email
            }
            errors.append(RowError(row=row.row, column="e-mail", message=message))
            continue
        if user is not None:
            matched[row.row] = user
    return matched


def _compare(
    cleaned: list[StaffRow],
    *,
    matched: dict[int, User],
    managers: _Managers,
    names: dict[int, str],
    today: date,
) -> _Comparison:
    """What happens to the person of each row."""
    result = _Comparison()
    for row in cleaned:
        user = matched.get(row.row)
        if user is not None and is_admin_account(user):
            result.left_alone.append(
                PersonChange(
                    "left_alone",
                    user.personnel_number,
                    str(user),
                    user.email,
                    user_id=user.pk,
                    row=row,
                    account=user,
                )
            )
            continue
        # Whoever others report to carries the leidinggevende role.
        role = Role.LEIDINGGEVENDE if row.row in managers.managing_rows else row.role
        change = _change_for(row, user, role=role, names=names, leaver=row.has_left(today))
        if change is None:
            if user is not None:
                result.unchanged += 1
        elif change.action == "create":
            result.creates.append(change)
        elif change.action == "deactivate":
            result.deactivations.append(change)
        else:
            result.updates.append(change)
    return result


def _change_for(
    row: StaffRow, user: User | None, *, role: Role, names: dict[int, str], leaver: bool
) -> PersonChange | None:
    """The change for one row and its account (None for a new person): None when nothing
    changes, or when somebody who already left is not in Weerbaar (they are not created)."""
    name = f"{row.first_name} {row.last_name}".strip()
    if user is None:
        if leaver:
            return None
        return PersonChange("create", row.personnel_number, name, row.email, row=row, role=role)
    changes = _differences(user, row, role=role, names=names, leaver=leaver)
    if not changes:
        return None
    action = "update"
    if "actief" in changes:
        action = "deactivate" if leaver else "reactivate"
    return PersonChange(
        action,
        row.personnel_number,
        name,
        row.email,
        changes,
        user_id=user.pk,
        row=row,
        role=role,
        account=user,
    )


def _missing_from_file(*, in_file: set[int], numbers: set[str]) -> list[PersonChange]:
    """Active HR accounts (those with a personnel number) the file no longer names, except
    superusers and admin roles (:data:`PROTECTED_GROUP_NAMES`)."""
    return [
        PersonChange(
            "deactivate",
            user.personnel_number,
            user.get_full_name(),
            user.email,
            {"actief": (_("yes"), _("no: not in the HR file any more"))},
            user_id=user.pk,
            account=user,
        )
        for user in User.objects.active()
        .exclude(personnel_number="")
        .exclude(pk__in=in_file)
        .exclude(personnel_number__in=numbers)
        .exclude(is_superuser=True)
        .exclude(groups__name__in=PROTECTED_GROUP_NAMES)
        .order_by("last_name", "first_name")
    ]


def _differences(
    user: User, row: StaffRow, *, role: Role, names: dict[int, str], leaver: bool
) -> dict[str, tuple[str, str]]:
    changes: dict[str, tuple[str, str]] = {}

    def compare(label: str, old, new, show=str) -> None:
        if old != new:
            changes[label] = (
                show(old) if old not in (None, "") else EMPTY,
                show(new) if new not in (None, "") else EMPTY,
            )

    compare("personeelsnummer", user.personnel_number, row.personnel_number)
    compare("voornaam", user.first_name, row.first_name)
    compare("achternaam", user.last_name, row.last_name)
    compare("e-mail", user.email, row.email)
    compare(
        "afdeling",
        names.get(user.department_id, ""),
        names.get(row.department_id, ""),
    )
    compare("startdatum", user.start_date, row.start_date, show=lambda d: d.strftime("%d-%m-%Y"))
    compare("einddatum", user.end_date, row.end_date, show=lambda d: d.strftime("%d-%m-%Y"))
    groups = {group.name for group in user.groups.all()}
    has_manager_role = ROLE_GROUP_NAMES[Role.LEIDINGGEVENDE] in groups
    has_staff_role = ROLE_GROUP_NAMES[Role.MEDEWERKER] in groups
    wants_manager = role == Role.LEIDINGGEVENDE
    if has_manager_role != wants_manager or not has_staff_role:
        old = "leidinggevende" if has_manager_role else ("medewerker" if has_staff_role else EMPTY)
        changes["rol"] = (old, "leidinggevende" if wants_manager else "medewerker")
    # An account switched off by hand (not by an import) stays off: HR's file does not undo it.
    switched_off_by_hand = not user.is_active and not user.deactivated_by_import
    if user.is_active == leaver and not switched_off_by_hand:
        changes["actief"] = (
            _("yes") if user.is_active else _("no"),
            _("no") if leaver else _("yes"),
        )
    return changes


def _manager_key(*, row: StaffRow | None = None, user: User | None = None) -> str:
    """How a manager is named in a plan: their personnel number, else their email."""
    if row is not None:
        return row.personnel_number
    return user.personnel_number or user.email


def _manager_changes(
    *, cleaned: list[StaffRow], managers: _Managers
) -> dict[int, tuple[set[str], set[str]]]:
    """Per department whose rows name managers: the managers (by key) to add and to remove,
    so that the department's managers are exactly the people its staff report to."""

    def key_of(ref: str) -> str | None:
        if ref in managers.in_file:
            return _manager_key(row=managers.in_file[ref])
        if ref in managers.outside:
            return _manager_key(user=managers.outside[ref])
        return None

    named: dict[int, set[str]] = defaultdict(set)  # department: keys its rows name
    for row in cleaned:
        if row.manager_ref and (key := key_of(row.manager_ref)):
            named[row.department_id].add(key)
    # A department's own manager reports to somebody higher up: that person does not become
    # a manager of this department. Only departments whose rows name managers change.
    wanted: dict[int, set[str]] = defaultdict(set)
    for row in cleaned:
        if not row.manager_ref or row.personnel_number in named[row.department_id]:
            continue
        if key := key_of(row.manager_ref):
            wanted[row.department_id].add(key)
    through = Department.managers.through
    current: dict[int, set[str]] = defaultdict(set)
    for department_id, number, email in through.objects.filter(
        department_id__in=wanted
    ).values_list("department_id", "user__personnel_number", "user__email"):
        current[department_id].add(number or email)
    return {
        department_id: (keys - current[department_id], current[department_id] - keys)
        for department_id, keys in wanted.items()
        if keys != current[department_id]
    }
