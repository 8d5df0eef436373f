"""What the dry run shows HR per person: the rows with errors and the people to deactivate,
each with personnel number, name and the reason in Dutch.

A :class:`~.cleaning.RowError` knows only its line and column (a row with errors is never
cleaned into a :class:`~.cleaning.StaffRow`), so the person's number and name are read back
from the raw rows of the upload. Nothing here queries the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from accounts.staff_import.cleaning import RowError
from accounts.staff_import.plan import PersonChange


@dataclass(frozen=True)
class RowWithErrors:
    """One line of the file and everything wrong with it."""

    row: int
    personnel_number: str
    name: str
    problems: list[tuple[str, str]] = field(default_factory=list)  # (column, message)


@dataclass(frozen=True)
class Deactivation:
    personnel_number: str
    name: str
    email: str
    reason: str


def _raw_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # as cleaning reads a personnel number typed as a number
    return "" if value is None else str(value).strip()


def _raw_name(raw: dict) -> str:
    if _raw_text(raw.get("name")):
        return _raw_text(raw["name"])
    return f"{_raw_text(raw.get('first_name'))} {_raw_text(raw.get('last_name'))}".strip()


def rows_with_errors(*, errors: list[RowError], rows: list[dict]) -> list[RowWithErrors]:
    """The plan's errors grouped by line of the file, in line order, each with the number
    and name the line gives (as typed, since the line did not clean)."""
    raw_by_line = {raw.get("_row"): raw for raw in rows}
    grouped: dict[int, RowWithErrors] = {}
    for error in errors:
        if error.row not in grouped:
            raw = raw_by_line.get(error.row, {})
            grouped[error.row] = RowWithErrors(
                row=error.row,
                personnel_number=_raw_text(raw.get("personnel_number")),
                name=_raw_name(raw),
            )
        grouped[error.row].problems.append((error.column, error.message))
    return [grouped[line] for line in sorted(grouped)]


def deactivations(*, changes: list[PersonChange]) -> list[Deactivation]:
    """The people the plan switches off, with why: the end date in the file has passed, or
    they are no longer in the file."""
    return [
        Deactivation(
            personnel_number=change.personnel_number,
            name=change.name,
            email=change.email,
            reason=_reason(change),
        )
        for change in changes
    ]


def _reason(change: PersonChange) -> str:
    if change.row is None:
        return _("No longer in the HR file")
    end: date | None = change.row.end_date
    if end is None:  # a plan only deactivates a row whose end date passed
        return _("End date has passed")
    return _("End date %(date)s has passed") % {"date": date_format(end, "j F Y")}
