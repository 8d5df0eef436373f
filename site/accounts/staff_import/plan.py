"""The HR staff import: read an export (CSV or XLSX), plan the changes, apply them at once.

:func:`read_rows` turns a file into rows, :func:`plan_import` compares them with the accounts
in Weerbaar (a dry run: nothing is written) and :func:`apply_import` carries out a plan in one
transaction, after planning again so it acts on the database as it is now. The admin screen
(:mod:`accounts.admin_views`) and the nightly ``import_staff`` command share these functions.

Rules:

* People are matched by personnel number, else by email address (an account made by hand
  gets its personnel number this way; with SSO the first login then finds the account by that
  same address).
* The import manages only what HR knows: name, email, department, start and end date, and the
  roles medewerker and leidinggevende. Other roles (kernteam, beheer, griffie, raadslid) are
  never touched.
* Leavers (an end date in the past, or no longer in the file) are deactivated, never deleted:
  their history stays, and they are active again when they come back in the file. An account
  beheer switched off by hand stays off. Accounts without a personnel number (council members,
  external accounts), superusers and admin roles are never switched off by a file.
* A file with any error applies nothing; importing the same file twice changes nothing.
"""

from __future__ import annotations

import csv
import io
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Lower
from django.http import HttpRequest
from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.managers import normalize_email_address
from accounts.models import AuditAction, Department, User
from accounts.policies import is_admin_account
from accounts.roles import ROLE_GROUP_NAMES, Role

# Column headings HR may use (compared in lower case, spaces and underscores ignored).
COLUMNS: dict[str, tuple[str, ...]] = {
    "personnel_number": ("personeelsnummer", "personeelsnr", "personnelnumber", "employeeid"),
    "name": ("naam", "name", "volledigenaam"),
    "first_name": ("voornaam", "firstname", "roepnaam"),
    "last_name": ("achternaam", "lastname"),
    "email": ("email", "e-mail", "e-mailadres", "emailadres", "mail"),
    "department": ("afdeling", "department", "afdelingscode", "team"),
    "manager": ("leidinggevende", "manager"),
    "start_date": ("startdatum", "startdate", "datumindienst", "indienst"),
    "end_date": ("einddatum", "enddate", "datumuitdienst", "uitdienst"),
    "role": ("rol", "role", "functierol"),
}
REQUIRED = ("personnel_number", "email", "department")
HR_ROLES = {"medewerker": Role.MEDEWERKER, "leidinggevende": Role.LEIDINGGEVENDE}
# Limits on what the reader takes in, checked while reading so that a small upload cannot keep a
# worker busy (a zip-compressed XLSX of a few KB can unpack to millions of rows). Dordrecht has
# about 2,000 employees: the limits leave ten times that room.
MAX_ROWS = 20_000
MAX_COLUMNS = 50  # columns read per row; anything to the right of these is ignored
MAX_CELL_CHARS = 1_000
MAX_XLSX_UNPACKED_BYTES = 16 * 1024 * 1024  # all zip members together, before opening
READ_TIME_BUDGET_SECONDS = 20.0
CSV_ENCODINGS = ("utf-8-sig", "cp1252")  # cp1252: Excel's "CSV" on Dutch Windows
EMPTY = "\u2013"  # an en dash: no value


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, no header, a required column missing)."""


@dataclass(frozen=True)
class RowError:
    row: int  # the line in the file, counting the header as line 1
    column: str
    message: str


@dataclass(frozen=True)
class StaffRow:
    """One valid row, cleaned."""

    row: int
    personnel_number: str
    first_name: str
    last_name: str
    email: str
    department_id: int
    manager_ref: str
    start_date: date | None
    end_date: date | None
    role: Role


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
        import hashlib
        import json

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


# -- Reading ------------------------------------------------------------------------------------


def _key(heading) -> str:
    return "".join(str(heading or "").lower().split()).replace("_", "")


def _columns(headings: list) -> dict[str, int]:
    index: dict[str, int] = {}
    for position, heading in enumerate(headings):
        key = _key(heading)
        for name, aliases in COLUMNS.items():
            if key == name.replace("_", "") or key in aliases:
                index.setdefault(name, position)
    missing = [name for name in REQUIRED if name not in index]
    if "name" not in index and not ("first_name" in index or "last_name" in index):
        missing.append("name")
    if missing:
        labels = {
            "personnel_number": "personeelsnummer",
            "email": "e-mail",
            "department": "afdeling",
            "name": "naam (of voornaam en achternaam)",
        }
        raise ImportFileError(
            _("These columns are missing: %(columns)s.")
            % {"columns": ", ".join(labels[name] for name in missing)}
        )
    return index


def read_rows(
    *, content: bytes, filename: str, time_budget: float = READ_TIME_BUDGET_SECONDS
) -> list[dict]:
    """The file's data rows as dicts (column name → raw value), each with its line ``_row``.

    Every way a file can be unreadable ends in :class:`ImportFileError` with a Dutch message
    (the admin shows it, the command stops with it), never in another exception. The limits
    above apply while the file is read, and the whole read gets ``time_budget`` seconds.
    """
    deadline = time.monotonic() + time_budget
    if filename.lower().endswith(".xlsx"):
        table = _read_xlsx(content)
    elif filename.lower().endswith((".csv", ".txt")):
        table = _read_csv(content)
    else:
        raise ImportFileError(_("Upload a CSV or XLSX file."))
    # Keep each row's own line number (blank lines skipped, not renumbered).
    numbered = _limited(table, deadline=deadline)
    if not numbered:
        raise ImportFileError(_("The file is empty."))
    index = _columns(numbered[0][1])
    rows = []
    for number, cells in numbered[1:]:
        rows.append(
            {
                "_row": number,
                **{
                    name: _plain(cells[position]) if position < len(cells) else ""
                    for name, position in index.items()
                },
            }
        )
    return rows


def _limited(table: Iterable[Sequence], *, deadline: float) -> list[tuple[int, Sequence]]:
    """The non-blank rows with their line numbers, refusing the file as soon as it has too
    many rows, a cell that is too long, or the time is up: the rest is never read."""
    numbered = []
    for number, row in enumerate(table, start=1):
        if time.monotonic() > deadline:
            raise ImportFileError(
                _("Reading the file took too long. Check the file, or split it up.")
            )
        if not any(str(cell or "").strip() for cell in row):
            continue
        if any(isinstance(cell, str) and len(cell) > MAX_CELL_CHARS for cell in row):
            raise ImportFileError(
                _("Row %(row)s has a cell that is too long (more than %(chars)s characters).")
                % {"row": number, "chars": MAX_CELL_CHARS}
            )
        numbered.append((number, row))
        if len(numbered) > MAX_ROWS + 1:  # the header plus MAX_ROWS people
            raise ImportFileError(_("The file has too many rows."))
    return numbered


def _plain(value):
    """Cells as JSON-safe values, so rows can wait in the database between dry run and apply."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if value is None or isinstance(value, (int, float, str)):
        return value
    return str(value)


def _read_csv(content: bytes) -> Iterator[list[str]]:
    for encoding in CSV_ENCODINGS:
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(
            _(
                "The characters in the file cannot be read. Save it as CSV UTF-8 and "
                "upload it again."
            )
        )
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        for row in csv.reader(io.StringIO(text), dialect):
            yield list(row)
    except csv.Error as error:  # a NUL byte, a field over the csv module's size limit
        raise ImportFileError(_("The CSV file cannot be read.")) from error


def _read_xlsx(content: bytes) -> Iterator[tuple]:
    """Rows streamed from the first sheet (openpyxl's read-only mode), never all at once.

    The zip's unpacked size is checked from its directory before openpyxl opens it (zipfile
    refuses members larger than they claim), because openpyxl reads a whole sheet once on
    opening when the sheet does not state its dimension. The dimension a sheet states is not
    trusted either: rows outside it would be skipped silently.
    """
    from openpyxl import load_workbook

    try:
        unpacked = sum(
            member.file_size for member in zipfile.ZipFile(io.BytesIO(content)).infolist()
        )
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportFileError(_("The XLSX file cannot be read.")) from error
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        raise ImportFileError(
            _("The XLSX file is too large once unpacked (more than %(megabytes)s MB).")
            % {"megabytes": MAX_XLSX_UNPACKED_BYTES // (1024 * 1024)}
        )
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(_("The XLSX file cannot be read.")) from error
    try:
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()
        yield from sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)
    except Exception as error:  # a broken sheet shows only while it is read
        raise ImportFileError(_("The XLSX file cannot be read.")) from error
    finally:
        workbook.close()


# -- Cleaning -----------------------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a personnel number typed into Excel as a number
    return str(value).strip()


def _date(value) -> date | None:
    """Dates as Excel gives them, or typed: 2026-12-31, 31-12-2026, 31/12/2026."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _split_name(full: str) -> tuple[str, str]:
    first, _space, last = full.partition(" ")
    return first, last.strip()


def _clean(
    raw: dict, departments: dict[str, int | None], errors: list[RowError]
) -> StaffRow | None:
    number = raw["_row"]
    found: list[RowError] = []

    def error(column: str, message: str) -> None:
        found.append(RowError(row=number, column=column, message=message))

    personnel_number = _text(raw.get("personnel_number"))
    if not personnel_number:
        error("personeelsnummer", _("The personnel number is missing."))
    email = normalize_email_address(_text(raw.get("email")))
    try:
        validate_email(email)
    except ValidationError:
        error("e-mail", _("'%(value)s' is not a valid email address.") % {"value": email})
    if "name" in raw and _text(raw.get("name")):
        first_name, last_name = _split_name(_text(raw["name"]))
    else:
        first_name, last_name = _text(raw.get("first_name")), _text(raw.get("last_name"))
    if not (first_name or last_name):
        error("naam", _("The name is missing."))
    department_value = _text(raw.get("department"))
    department_id = departments.get(department_value.lower())
    if department_value.lower() in departments and department_id is None:
        error(
            "afdeling",
            _("'%(value)s' is the name or code of more than one department.")
            % {"value": department_value},
        )
    elif department_id is None:
        error(
            "afdeling",
            _("Department '%(value)s' does not exist in Weerbaar.") % {"value": department_value},
        )
    dates: dict[str, date | None] = {}
    for column, label in (("start_date", "startdatum"), ("end_date", "einddatum")):
        try:
            dates[column] = _date(raw.get(column))
        except ValueError:
            dates[column] = None
            error(
                label,
                _("Date '%(value)s' cannot be read. Write it like 31-12-2026.")
                % {"value": _text(raw.get(column))},
            )
    if dates["start_date"] and dates["end_date"] and dates["end_date"] < dates["start_date"]:
        error("einddatum", _("The end date is before the start date."))
    role_value = _text(raw.get("role")).lower() or "medewerker"
    if role_value not in HR_ROLES:
        error(
            "rol",
            _("Role '%(value)s' is not known. Use medewerker or leidinggevende.")
            % {"value": role_value},
        )
    errors.extend(found)
    if found:
        return None
    return StaffRow(
        row=number,
        personnel_number=personnel_number,
        first_name=first_name,
        last_name=last_name,
        email=email,
        department_id=department_id,
        manager_ref=normalize_email_address(_text(raw.get("manager"))),
        start_date=dates["start_date"],
        end_date=dates["end_date"],
        role=HR_ROLES[role_value],
    )


# -- Planning -----------------------------------------------------------------------------------


def _duplicates(rows: list[StaffRow], attribute: str, column: str, message) -> list[RowError]:
    counts = Counter(getattr(row, attribute) for row in rows)
    lines: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        lines[getattr(row, attribute)].append(row.row)
    return [
        RowError(
            row=row.row,
            column=column,
            message=message
            % {
                "value": getattr(row, attribute),
                "rows": ", ".join(str(n) for n in lines[getattr(row, attribute)]),
            },
        )
        for row in rows
        if counts[getattr(row, attribute)] > 1
    ]


def plan_import(*, rows: list[dict], today: date) -> ImportPlan:
    """Compare the file with Weerbaar and say what would change. Reads only; a fixed number of
    queries whatever the number of rows."""
    departments: dict[str, int | None] = {}
    names: dict[int, str] = {}
    for department in Department.objects.filter(is_active=True):
        names[department.pk] = department.name
        for key in {department.name.lower(), department.code.lower()} - {""}:
            # A code equal to another department's name is ambiguous: None marks it.
            known = departments.get(key, department.pk)
            departments[key] = department.pk if known == department.pk else None
    errors: list[RowError] = []
    cleaned = [row for raw in rows if (row := _clean(raw, departments, errors))]
    errors += _duplicates(
        cleaned,
        "personnel_number",
        "personeelsnummer",
        _("Personnel number %(value)s appears more than once (rows %(rows)s)."),
    )
    errors += _duplicates(
        cleaned,
        "email",
        "e-mail",
        _("Email address %(value)s appears more than once (rows %(rows)s)."),
    )

    numbers = {row.personnel_number for row in cleaned}
    emails = {row.email for row in cleaned}
    by_number = {
        user.personnel_number: user
        for user in User.objects.filter(personnel_number__in=numbers).prefetch_related(
            "groups", "user_permissions"
        )
    }
    by_email = {
        user.email.lower(): user
        for user in User.objects.filter(email__in=emails).prefetch_related(
            "groups", "user_permissions"
        )
    }

    # Managers: someone in the file (by personnel number or email) or an existing account.
    in_file_by_ref: dict[str, StaffRow] = {}
    for row in cleaned:
        in_file_by_ref[row.personnel_number.lower()] = row
        in_file_by_ref[row.email] = row
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
        if ref and ref not in in_file_by_ref and ref not in outside:
            errors.append(
                RowError(
                    row=row.row,
                    column="leidinggevende",
                    message=_("Manager '%(value)s' is not in the file nor in Weerbaar.")
                    % {"value": ref},
                )
            )
        elif ref in in_file_by_ref and _has_left(in_file_by_ref[ref], today):
            errors.append(
                RowError(
                    row=row.row,
                    column="leidinggevende",
                    message=_("Manager '%(value)s' has left (end date passed).") % {"value": ref},
                )
            )
    managing_rows = {in_file_by_ref[ref].row for ref in refs if ref in in_file_by_ref}

    matched: dict[int, User] = {}  # row number → account
    for row in cleaned:
        user = by_number.get(row.personnel_number)
        by_address = by_email.get(row.email)
        if user is None and by_address is not None:
            if by_address.personnel_number and by_address.personnel_number != row.personnel_number:
                errors.append(
                    RowError(
                        row=row.row,
                        column="e-mail",
                        message=_(
                            "Email address %(value)s belongs to another account (personnel "
                            "number %(other)s)."
                        )
                        % {"value": row.email, "other": by_address.personnel_number},
                    )
                )
                continue
            user = by_address
        elif user is not None and by_address is not None and by_address.pk != user.pk:
            errors.append(
                RowError(
                    row=row.row,
                    column="e-mail",
                    message=_("Email address %(value)s belongs to another account.")
                    % {"value": row.email},
                )
            )
            continue
        if user is not None:
            matched[row.row] = user

    errors.sort(key=lambda e: (e.row, e.column))
    creates, updates, deactivations, left_alone = [], [], [], []
    unchanged = 0
    for row in cleaned:
        user = matched.get(row.row)
        if user is not None and is_admin_account(user):
            left_alone.append(
                PersonChange(
                    "left_alone",
                    user.personnel_number,
                    str(user),
                    user.email,
                    user_id=user.pk,
                    row=row,
                )
            )
            continue
        leaver = row.end_date is not None and row.end_date < today
        # Whoever others report to carries the leidinggevende role.
        role = Role.LEIDINGGEVENDE if row.row in managing_rows else row.role
        name = f"{row.first_name} {row.last_name}".strip()
        if user is None:
            if not leaver:  # somebody who already left is not created
                creates.append(
                    PersonChange(
                        "create", row.personnel_number, name, row.email, row=row, role=role
                    )
                )
            continue
        changes = _differences(user, row, role=role, names=names, leaver=leaver)
        if not changes:
            unchanged += 1
            continue
        action = "update"
        if "actief" in changes:
            action = "deactivate" if leaver else "reactivate"
        change = PersonChange(
            action,
            row.personnel_number,
            name,
            row.email,
            changes,
            user_id=user.pk,
            row=row,
            role=role,
        )
        (deactivations if action == "deactivate" else updates).append(change)

    in_file = {user.pk for user in matched.values()}
    # Accounts that run Weerbaar are never switched off by a file: a superuser or someone with
    # an admin role (kernteam, beheer, griffie) who is missing from the export stays active,
    # so a wrong file cannot lock out the people who would correct it.
    protected = (
        ROLE_GROUP_NAMES[Role.KERNTEAM],
        ROLE_GROUP_NAMES[Role.BEHEER],
        ROLE_GROUP_NAMES[Role.GRIFFIE],
    )
    for user in (
        User.objects.active()
        .exclude(personnel_number="")
        .exclude(pk__in=in_file)
        .exclude(personnel_number__in=numbers)
        .exclude(is_superuser=True)
        .exclude(groups__name__in=protected)
        .order_by("last_name", "first_name")
    ):
        deactivations.append(
            PersonChange(
                "deactivate",
                user.personnel_number,
                user.get_full_name(),
                user.email,
                {"actief": (_("yes"), _("no: not in the HR file any more"))},
                user_id=user.pk,
            )
        )

    manager_changes = _manager_changes(
        cleaned=cleaned, in_file_by_ref=in_file_by_ref, outside=outside, matched=matched
    )
    return ImportPlan(
        errors=errors,
        creates=creates,
        updates=updates,
        deactivations=deactivations,
        unchanged=unchanged,
        manager_changes=manager_changes if not errors else {},
        rows=len(rows),
        active_hr_accounts=User.objects.active().exclude(personnel_number="").count(),
        left_alone=left_alone,
    )


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


def _has_left(row: StaffRow, today: date) -> bool:
    return row.end_date is not None and row.end_date < today


def _manager_key(*, row: StaffRow | None = None, user: User | None = None) -> str:
    """How a manager is named in a plan: their personnel number, else their email."""
    if row is not None:
        return row.personnel_number
    return user.personnel_number or user.email


def _manager_changes(
    *, cleaned: list[StaffRow], in_file_by_ref: dict, outside: dict, matched: dict
) -> dict[int, tuple[set[str], set[str]]]:
    """Per department whose rows name managers: the managers (by key) to add and to remove,
    so that the department's managers are exactly the people its staff report to."""

    def key_of(ref: str) -> str | None:
        if ref in in_file_by_ref:
            return _manager_key(row=in_file_by_ref[ref])
        if ref in outside:
            return _manager_key(user=outside[ref])
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


# -- Applying -----------------------------------------------------------------------------------


class MassDeactivationRefused(Exception):
    """The plan switches off many people and the caller did not confirm that."""


class PlanChanged(Exception):
    """Weerbaar changed between the dry run and applying: the plan is not the one shown."""


@transaction.atomic
def apply_import(
    *,
    rows: list[dict],
    today: date,
    allow_mass_deactivation: bool = False,
    expected_fingerprint: str | None = None,
    actor: User | None = None,
    request: HttpRequest | None = None,
) -> ImportPlan:
    """Plan again against the database as it is now and carry the plan out, all or nothing.
    Refuses (and writes nothing) when the plan has errors, and raises
    :class:`MassDeactivationRefused` when it would switch off many people unconfirmed.

    Deactivations, reactivations and leidinggevende role changes go to the audit log, with
    ``actor`` (beheer in the admin; None for the nightly command) and the request's address."""
    from accounts.services import user_create, user_set_hr_role

    def audit(action: AuditAction, user: User, **details) -> None:
        audit_record(
            action=action,
            actor=actor,
            target=user,
            details={**details, "source": "staff_import"},
            request=request,
        )

    def audit_lead_role(user: User, was_lead: bool, role: Role) -> None:
        is_lead = role == Role.LEIDINGGEVENDE
        if was_lead != is_lead:
            name = Role.LEIDINGGEVENDE.group_name
            audit(
                AuditAction.ROLES_CHANGED,
                user,
                added=[name] if is_lead else [],
                removed=[] if is_lead else [name],
            )

    plan = plan_import(rows=rows, today=today)
    if not plan.is_valid:
        return plan
    if expected_fingerprint is not None and plan.fingerprint() != expected_fingerprint:
        raise PlanChanged(plan)
    if plan.mass_deactivation and not allow_mass_deactivation:
        raise MassDeactivationRefused(plan)
    departments = Department.objects.in_bulk()
    for change in plan.creates:
        row = change.row
        user = user_create(
            email=row.email,
            first_name=row.first_name,
            last_name=row.last_name,
            department=departments[row.department_id],
            start_date=row.start_date,
            personnel_number=row.personnel_number,
            roles=[Role.MEDEWERKER],
        )
        user.end_date = row.end_date
        user.save(update_fields=["end_date"])
        user_set_hr_role(user=user, role=change.role)
        audit_lead_role(user, False, change.role)
    user_ids = [change.user_id for change in plan.updates + plan.deactivations if change.user_id]
    users = User.objects.in_bulk(user_ids)
    leads = set(
        User.objects.filter(
            pk__in=user_ids, groups__name=Role.LEIDINGGEVENDE.group_name
        ).values_list("pk", flat=True)
    )
    for change in plan.updates + plan.deactivations:
        user = users[change.user_id]
        row = change.row
        was_active = user.is_active
        if row is None:  # no longer in the HR file
            user.is_active, user.deactivated_by_import = False, True
            user.save(update_fields=["is_active", "deactivated_by_import"])
            if was_active:
                audit(AuditAction.DEACTIVATED, user)
            continue
        user.personnel_number = row.personnel_number
        user.first_name, user.last_name = row.first_name, row.last_name
        user.email = row.email
        user.department = departments[row.department_id]
        user.start_date, user.end_date = row.start_date, row.end_date
        if "actief" in change.changes:
            user.is_active = not _has_left(row, today)
            user.deactivated_by_import = not user.is_active
        user.save()
        user_set_hr_role(user=user, role=change.role)
        if was_active != user.is_active:
            audit(AuditAction.ACTIVATED if user.is_active else AuditAction.DEACTIVATED, user)
        audit_lead_role(user, user.pk in leads, change.role)
    _apply_manager_changes(plan)
    return plan


def _apply_manager_changes(plan: ImportPlan) -> None:
    keys = {key for add, remove in plan.manager_changes.values() for key in add | remove}
    by_key: dict[str, User] = {}
    for user in User.objects.filter(Q(personnel_number__in=keys) | Q(email__in=keys)):
        by_key[user.personnel_number or user.email] = user
        by_key[user.email] = user
        if user.personnel_number:
            by_key[user.personnel_number] = user
    for department in Department.objects.filter(pk__in=plan.manager_changes):
        add, remove = plan.manager_changes[department.pk]
        department.managers.add(*[by_key[key] for key in add if key in by_key])
        department.managers.remove(*[by_key[key] for key in remove if key in by_key])
