"""Cleaning: one raw row of the file becomes a :class:`StaffRow`, or the row's errors.

Checks each value (personnel number, email, name, department, dates, role) and says in Dutch
what is wrong, with the line of the file and the column. Departments are looked up by code or
name in a mapping the plan reads once (:func:`accounts.staff_import.plan.plan_import`); nothing
here queries the database.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from accounts.managers import normalize_email_address
from accounts.roles import Role

HR_ROLES = {"medewerker": Role.MEDEWERKER, "leidinggevende": Role.LEIDINGGEVENDE}


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

    def has_left(self, today: date) -> bool:
        """The end date has passed: a leaver, switched off and never created."""
        return self.end_date is not None and self.end_date < today


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


Report = Callable[[str, str], None]  # (column, message): one error in the row being cleaned


def clean_row(
    raw: dict, departments: dict[str, int | None], errors: list[RowError]
) -> StaffRow | None:
    """The row cleaned, or None with its errors added to ``errors``. ``departments`` maps a
    lower-cased code or name to the department's id (None: it fits more than one)."""
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
    department_id = _department_id(_text(raw.get("department")), departments, error)
    start_date, end_date = _dates(raw, error)
    role = _role(raw, error)
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
        start_date=start_date,
        end_date=end_date,
        role=role,
    )


def _department_id(value: str, departments: dict[str, int | None], error: Report) -> int | None:
    department_id = departments.get(value.lower())
    if value.lower() in departments and department_id is None:
        error(
            "afdeling",
            _("'%(value)s' is the name or code of more than one department.") % {"value": value},
        )
    elif department_id is None:
        error(
            "afdeling", _("Department '%(value)s' does not exist in Weerbaar.") % {"value": value}
        )
    return department_id


def _dates(raw: dict, error: Report) -> tuple[date | None, date | None]:
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
    return dates["start_date"], dates["end_date"]


def _role(raw: dict, error: Report) -> Role:
    value = _text(raw.get("role")).lower() or "medewerker"
    if value not in HR_ROLES:
        error(
            "rol",
            _("Role '%(value)s' is not known. Use medewerker or leidinggevende.")
            % {"value": value},
        )
    return HR_ROLES.get(value, Role.MEDEWERKER)


def duplicates(rows: list[StaffRow], attribute: str, column: str, message) -> list[RowError]:
    """An error on every row whose ``attribute`` (personnel number, email) another row has too."""
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
