"""Reading an HR export: a CSV or XLSX file becomes a list of raw rows (column name → value).

Nothing here touches the database. Every way a file can be unreadable ends in
:class:`ImportFileError` with a Dutch message; the limits below are checked while the file is
read, so a small upload cannot keep a worker busy. The rows are JSON-safe, so an upload can
wait in the database (:class:`~accounts.models.StaffImport`) between the dry run and applying.
"""

from __future__ import annotations

import csv
import io
import time
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime

from django.utils.translation import gettext as _
from openpyxl import load_workbook

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
# Limits on what the reader takes in, checked while reading so that a small upload cannot keep a
# worker busy (a zip-compressed XLSX of a few KB can unpack to millions of rows). Dordrecht has
# about 2,000 employees: the limits leave ten times that room.
MAX_ROWS = 20_000
MAX_COLUMNS = 50  # columns read per row; anything to the right of these is ignored
MAX_CELL_CHARS = 1_000
MAX_XLSX_UNPACKED_BYTES = 16 * 1024 * 1024  # all zip members together, before opening
READ_TIME_BUDGET_SECONDS = 20.0
CSV_ENCODINGS = ("utf-8-sig", "cp1252")  # cp1252: Excel's "CSV" on Dutch Windows


class ImportFileError(Exception):
    """The file as a whole cannot be read (wrong type, no header, a required column missing)."""


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
