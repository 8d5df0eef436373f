"""The evidence pack (issue 19): a zip whose manifest lists and checksums every other file,
whose monthly figures are the frozen ones (with the moment of freezing and the definition
version, found back by :func:`modules.goals.evidence.find_figure`), with every definition
version and target, and without the counts of any group of one to four."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from modules.awareness.models import SessionKind
from modules.goals import evidence, indicators
from modules.goals.evidence import (
    DEFINITIONS,
    MANIFEST,
    README,
    SNAPSHOTS,
    TARGETS,
    build_pack,
    find_figure,
    read_manifest,
    read_pack,
    read_table,
    verify_pack,
)
from modules.goals.indicators import SESSION_ATTENDED, computation, session_attended
from modules.goals.models import Indicator, IndicatorDefinition
from modules.goals.services import definition_add_version, snapshot_month, target_save
from tests.factories import DepartmentFactory, a_session
from tests.goals.builders import MONTH, at, attend, person

pytestmark = pytest.mark.django_db

FROZEN_AT = timezone.make_aware(datetime(2026, 10, 1, 1, 0))
EXPORTED_AT = timezone.make_aware(datetime(2026, 10, 15, 9, 30))


def staff(department, count: int, attended: int, session) -> list:
    people = [person(department) for _ in range(count)]
    for user in people[:attended]:
        attend(user, session, date(2026, 3, 1))
    return people


@pytest.fixture
def version_two():
    computation(SESSION_ATTENDED, 2)(session_attended)
    yield
    indicators._REGISTRY.pop((SESSION_ATTENDED, 2))


@pytest.fixture
def world(kernteam_user, version_two):
    """Groot (12 people, 6 attended), Midden (10, 5) and Klein (2, 2): Klein is hidden, and
    Midden with it (the organisation minus Groot would give Klein back). September 2026 is
    frozen; the session indicator has a second definition from October 2026; one target."""
    session = a_session(kind=SessionKind.BEWUSTWORDING, starts_at=at(date(2026, 3, 1)))
    people = [
        *staff(DepartmentFactory(name="Groot"), 12, 6, session),
        *staff(DepartmentFactory(name="Midden"), 10, 5, session),
        *staff(DepartmentFactory(name="Klein"), 2, 2, session),
    ]
    snapshot_month(month=MONTH, now=FROZEN_AT)
    indicator = Indicator.objects.get(key=SESSION_ATTENDED)
    definition_add_version(
        indicator=indicator,
        numerator="Medewerkers die in de laatste 6 maanden een sessie bijwoonden.",
        denominator="Alle medewerkers.",
        period="De 6 kalendermaanden tot en met de gemeten maand.",
        exclusions="Zoals versie 1.",
        parameters={**indicator.definitions.get(version=1).parameters, "months": 6},
        valid_from=date(2026, 10, 1),
    )
    target = target_save(
        target=None,
        indicator=indicator,
        first_month=date(2026, 1, 1),
        last_month=date(2026, 12, 1),
        target_value=Decimal("80"),
        owner=people[0],
        rationale="=Afspraak uit het plan van aanpak 2026.",
        set_by=kernteam_user,
    )
    return {"people": people, "target": target}


def pack() -> bytes:
    return build_pack(exported_by="Karin Kern (kernteam)", now=EXPORTED_AT)


def rows(data: bytes, name: str) -> list[dict[str, str]]:
    return read_table(read_pack(data)[name])


def test_the_manifest_lists_and_checksums_every_other_file(world):
    data = pack()
    assert verify_pack(data) == []
    files = read_pack(data)
    manifest = read_manifest(data)
    listed = [entry["naam"] for entry in manifest["bestanden"]]
    assert sorted(listed) == sorted(set(files) - {MANIFEST})
    assert {README, DEFINITIONS, SNAPSHOTS, TARGETS, "afronding_per_module_en_afdeling.csv"} <= (
        set(listed)
    )
    assert manifest["geexporteerd_op"] == "2026-10-15T09:30:00+02:00"
    assert manifest["geexporteerd_door"] == "Karin Kern (kernteam)"
    # The README explains every file.
    readme = files[README].decode()
    for name in (*listed, MANIFEST):
        assert name in readme
    # CSV as the report downloads write it: BOM and semicolons.
    assert files[SNAPSHOTS].startswith(b"\xef\xbb\xbfindicator_sleutel;indicator;maand;")


def test_a_changed_or_unlisted_file_fails_the_check(world):
    files = read_pack(pack())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as tampered:
        for name, content in files.items():
            tampered.writestr(name, content.replace(b"54,2", b"56,7"))
        tampered.writestr("extra.csv", b"x")
    problems = verify_pack(out.getvalue())
    assert f"{SNAPSHOTS}: checksum differs" in problems
    assert "extra.csv: not in the manifest" in problems
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as incomplete:
        for name, content in files.items():
            if name != TARGETS:
                incomplete.writestr(name, content)
    assert verify_pack(out.getvalue()) == [f"{TARGETS}: in the manifest, not in the pack"]


def test_the_same_data_gives_the_same_bytes(world):
    assert pack() == pack()
    later = build_pack(exported_by="Karin Kern (kernteam)", now=EXPORTED_AT.replace(hour=11))
    entries = {e["naam"]: e["sha256"] for e in read_manifest(later)["bestanden"]}
    assert entries == {e["naam"]: e["sha256"] for e in read_manifest(pack())["bestanden"]}


def test_a_frozen_figure_is_found_with_its_frozen_time_and_definition_version(world):
    data = pack()
    row = find_figure(data, indicator_key=SESSION_ATTENDED, month=MONTH, value="54,2")
    assert row is not None
    assert (row["mensen"], row["teller"], row["noemer"]) == ("24", "13", "24")
    assert row["bevroren_op"] == "2026-10-01T01:00:00+02:00"
    assert row["definitie_versie"] == "1"
    assert find_figure(data, indicator_key=SESSION_ATTENDED, month=MONTH, value=Decimal("54.2"))
    groot = find_figure(
        data, indicator_key=SESSION_ATTENDED, month=MONTH, value=50, department="Groot"
    )
    assert groot is not None and groot["niveau"] == "afdeling"
    # A value the month did not publish, or another month, is not found.
    assert find_figure(data, indicator_key=SESSION_ATTENDED, month=MONTH, value="70,5") is None
    assert (
        find_figure(data, indicator_key=SESSION_ATTENDED, month=date(2026, 8, 1), value="54,2")
        is None
    )
    # Every indicator of the frozen month is in the file, the theme parts included.
    snapshot_rows = rows(data, SNAPSHOTS)
    assert {r["indicator_sleutel"] for r in snapshot_rows} == set(
        Indicator.objects.values_list("key", flat=True)
    )
    assert "melden" in {r["onderdeel"] for r in snapshot_rows}


def test_a_hidden_department_figure_has_no_counts(world):
    data = pack()
    session_rows = [r for r in rows(data, SNAPSHOTS) if r["indicator_sleutel"] == SESSION_ATTENDED]
    by_department = {r["afdeling"]: r for r in session_rows if r["niveau"] == "afdeling"}
    for name in ("Klein", "Midden"):
        hidden = by_department[name]
        assert hidden["verborgen"] == "ja"
        assert (hidden["mensen"], hidden["teller"], hidden["noemer"], hidden["waarde_procent"]) == (
            "",
            "",
            "",
            "",
        )
        for value in ("50", "100", "0"):
            assert (
                find_figure(
                    data, indicator_key=SESSION_ATTENDED, month=MONTH, value=value, department=name
                )
                is None
            )
    assert by_department["Groot"]["verborgen"] == "nee"


def test_every_definition_version_and_the_target_are_in_the_pack(world, kernteam_user):
    data = pack()
    definitions = rows(data, DEFINITIONS)
    assert len(definitions) == IndicatorDefinition.objects.count() == 5
    session = [r for r in definitions if r["indicator_sleutel"] == SESSION_ATTENDED]
    assert [(r["versie"], r["geldig_vanaf"]) for r in session] == [
        ("1", "2024-01-01"),
        ("2", "2026-10-01"),
    ]
    assert json.loads(session[1]["parameters"])["months"] == 6
    assert session[1]["periode"] == "De 6 kalendermaanden tot en met de gemeten maand."
    (target,) = rows(data, TARGETS)
    assert target["indicator_sleutel"] == SESSION_ATTENDED
    assert (target["van_maand"], target["tot_en_met_maand"]) == ("2026-01", "2026-12")
    assert target["doel_procent"] == "80,0"
    assert target["eigenaar"] == str(world["people"][0])
    assert target["vastgesteld_door"] == str(kernteam_user)
    # A text that starts like a formula is kept as text.
    assert target["onderbouwing"] == "'=Afspraak uit het plan van aanpak 2026."
    assert target["aangemaakt_op"] == evidence.moment(world["target"].created_at)


def test_no_figure_names_an_employee(world):
    files = read_pack(pack())
    text = b"".join(content for name, content in files.items() if name != TARGETS).decode(
        "utf-8-sig", errors="replace"
    )
    departments = {"Groot", "Midden", "Klein"}  # names a random surname may share
    for user in world["people"][1:]:
        if user.last_name not in departments:
            assert user.last_name not in text
        assert user.email not in text
