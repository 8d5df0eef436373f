"""Bad files in the staff import: a clear Dutch error and nothing saved, never a 500 or a worker
kept busy.

The compressed XLSX is built in the test: openpyxl (write_only) writes a real workbook with the
header row, and its worksheet is then replaced by one whose rows are streamed straight into the
zip, because writing 400,000 rows through openpyxl takes minutes on a shared CI machine. The
bounds (seconds, megabytes) are assertions on one real run of the reader, not benchmarks.
"""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from accounts.models import StaffImport, User
from accounts.roles import Role
from accounts.staff_import import MAX_ROWS, ImportFileError, read_rows
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

HEADER = ["personeelsnummer", "naam", "e-mail", "afdeling"]
# Bytes that Windows-1252 leaves undefined, in a file that is not UTF-8 either.
UNDECODABLE = b"personeelsnummer;naam;e-mail;afdeling\n1001;Jan \x81\x8d\x90;j@dordrecht.nl;PZ\n"


def compressed_xlsx(
    path: Path, *, rows: int, cells: bytes = b"<c><v>1</v></c>" * 4, dimension: bool = False
) -> Path:
    """A valid workbook of ``rows`` identical data rows that compresses to very little."""
    workbook = Workbook(write_only=True)
    workbook.create_sheet().append(HEADER)
    skeleton = io.BytesIO()
    workbook.save(skeleton)
    source = zipfile.ZipFile(skeleton)
    header = b"".join(b"<c t='inlineStr'><is><t>%s</t></is></c>" % h.encode() for h in HEADER)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if not info.filename.startswith("xl/worksheets/sheet"):
                target.writestr(info, source.read(info.filename))
                continue
            with target.open(info.filename, "w") as sheet:
                sheet.write(
                    b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
                    b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                )
                if dimension:  # what Excel writes; openpyxl then skips its own scan
                    sheet.write(b'<dimension ref="A1:D1"/>')
                sheet.write(b"<sheetData><row>" + header + b"</row>")
                block = b"<row>" + cells + b"</row>"
                for _ in range(rows // 1000):
                    sheet.write(block * 1000)
                sheet.write(block * (rows % 1000) + b"</sheetData></worksheet>")
    return path


def read_with_bounds(content: bytes, filename: str) -> tuple[str, float, float]:
    """Read the file once; the Dutch error, seconds taken and peak traced memory in MB."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        with pytest.raises(ImportFileError) as error:
            read_rows(content=content, filename=filename)
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1] / 1_000_000
    finally:
        tracemalloc.stop()
    return str(error.value), elapsed, peak


@pytest.fixture
def beheer_client(make_user, mfa_client_for):
    DepartmentFactory(name="Publiekszaken", code="PZ")
    return mfa_client_for(make_user(Role.MEDEWERKER, Role.BEHEER))


def upload(client, content: bytes, name: str):
    return client.post(
        reverse("staff_import"), {"file": SimpleUploadedFile(name, content, "text/csv")}
    )


# -- CSV that no encoding we accept can decode ----------------------------------------------------


def test_an_undecodable_csv_gives_a_dutch_error_in_the_admin_and_saves_nothing(beheer_client):
    users_before = User.objects.count()
    response = upload(beheer_client, UNDECODABLE, "hr.csv")
    assert response.status_code == 200  # the form again, with the error; not a 500
    page = response.content.decode()
    assert "tekens in het bestand kunnen niet worden gelezen" in page
    assert not StaffImport.objects.exists()
    assert User.objects.count() == users_before


def test_an_undecodable_csv_stops_the_command_with_a_dutch_error(tmp_path):
    path = tmp_path / "hr.csv"
    path.write_bytes(UNDECODABLE)
    users_before = User.objects.count()
    with pytest.raises(CommandError, match="tekens in het bestand kunnen niet worden gelezen"):
        call_command("import_staff", str(path), "--apply")
    assert User.objects.count() == users_before


def test_a_csv_the_csv_module_refuses_gives_a_dutch_error():
    """A NUL byte or a field over the csv module's size limit used to escape as csv.Error."""
    for content in (b"personeelsnummer;naam\n1\x00;x\n", b'a;"' + b"x" * 200_000 + b'"\n'):
        with pytest.raises(ImportFileError):
            read_rows(content=content, filename="hr.csv")


# -- A small, highly compressed XLSX --------------------------------------------------------------


def test_the_compressed_400000_row_xlsx_is_refused_quickly_and_in_little_memory(tmp_path):
    path = compressed_xlsx(tmp_path / "bom.xlsx", rows=400_000)
    content = path.read_bytes()
    assert len(content) < 200_000  # small on the wire

    message, elapsed, peak = read_with_bounds(content, "hr.xlsx")
    assert "te groot" in message
    assert elapsed < 5
    assert peak < 100


def test_the_row_limit_applies_while_reading_not_after(tmp_path):
    """Under the size limit, with a dimension as Excel writes it: streamed and cut off at the
    row limit, not loaded in full first."""
    path = compressed_xlsx(
        tmp_path / "veel.xlsx", rows=MAX_ROWS * 3, cells=b"<c><v>1</v></c>", dimension=True
    )
    message, elapsed, peak = read_with_bounds(path.read_bytes(), "hr.xlsx")
    assert "te veel rijen" in message
    assert elapsed < 30
    assert peak < 100


def test_the_compressed_xlsx_through_the_admin_saves_nothing(beheer_client, tmp_path):
    content = compressed_xlsx(tmp_path / "bom.xlsx", rows=400_000).read_bytes()
    started = time.monotonic()
    response = upload(beheer_client, content, "hr.xlsx")
    assert time.monotonic() - started < 10
    assert response.status_code == 200
    assert "te groot" in response.content.decode()
    assert not StaffImport.objects.exists()


def test_the_compressed_xlsx_stops_the_command(tmp_path):
    path = compressed_xlsx(tmp_path / "bom.xlsx", rows=400_000)
    with pytest.raises(CommandError, match="te groot"):
        call_command("import_staff", str(path))


def test_an_overlong_cell_is_refused():
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER)
    sheet.append(["1001", "x" * 5000, "a@dordrecht.nl", "PZ"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    with pytest.raises(ImportFileError, match="cel die te lang"):
        read_rows(content=buffer.getvalue(), filename="hr.xlsx")


def test_a_read_over_its_time_budget_gives_a_dutch_error():
    content = b"personeelsnummer;naam;e-mail;afdeling\n1001;Jan;j@dordrecht.nl;PZ\n"
    with pytest.raises(ImportFileError, match="duurde te lang"):
        read_rows(content=content, filename="hr.csv", time_budget=0)
