"""The evidence pack ("bewijsdossier"): one zip for the Rekenkamer or an internal auditor, so
that a figure in a council letter can be traced to its source.

The pack holds, as ``;``-separated CSV with a byte order mark (the format of the report
downloads, :mod:`core.reports`, so Dutch Excel opens it as columns):

- ``definities.csv``: every version of every indicator's written definition;
- ``maandcijfers.csv``: every figure of every frozen month, with the moment it was frozen and
  the definition version it was computed with (hidden figures as hidden, without counts);
- ``doelen.csv``: the kernteam's targets with owner, rationale, who set them and when;
- the files other apps contribute through the :data:`EVIDENCE_FILES` hook (reporting adds
  the completions per module and department, with its own selectors, see
  :mod:`modules.reporting.evidence`: this app sits below reporting and may not import it);
- ``LEESMIJ.txt``: what each file holds, in plain Dutch;
- ``manifest.json``: the size and SHA-256 checksum of every other file, the moment of export
  and who exported it.

The files are Dutch data formats (column names and the README are fixed Dutch text, like the
"Mijn gegevens" export), so they read the same whatever the exporter's language. Rows are
sorted and the zip entries carry the export moment, so the same data exported at the same
moment gives the same bytes, and the data files' checksums depend on the data only (plus, for
the completions, the day: a task's status is that of the day of export). The figures are read
in a fixed number of queries, whatever the number of people or months; a pack of a large
organisation stays small (a few thousand rows), so it is built while the kernteam waits.

:func:`find_figure` finds a published figure back in a pack (the test hook for "a figure from
the PDF can be found in it"); :func:`verify_pack` checks the manifest as an auditor would.
The format is described in docs/goals.md, "Bewijsdossier".
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
from wagtail import hooks

from core.reports import CSV_DELIMITER, FORMULA_STARTS
from modules.goals.models import IndicatorSnapshot, SnapshotFigure, Target
from modules.goals.selectors import indicators_with_definitions

#: Hook through which other apps add a file: ``fn(*, today: date, now: datetime) ->
#: list[EvidenceTable]``, in a fixed number of queries, nothing that names a person and no
#: count of a group of one to four.
EVIDENCE_FILES = "weerbaar_goals_evidence_files"

#: 2: the completions file hides a group whole (``verborgen`` is ``ja`` or ``nee``; version 1
#: also had ``alleen afgerond``) and compares each pack with the earlier ones.
FORMAT_VERSION = 2
README = "LEESMIJ.txt"
MANIFEST = "manifest.json"
DEFINITIONS = "definities.csv"
SNAPSHOTS = "maandcijfers.csv"
TARGETS = "doelen.csv"

YES, NO = "ja", "nee"
ORGANISATION, DEPARTMENT = "organisatie", "afdeling"


@dataclass(frozen=True)
class EvidenceTable:
    """One CSV file of the pack: its name, a paragraph for the README (Dutch, plain words),
    the column names and the rows as text, already sorted and already without small groups."""

    name: str
    description: str
    header: Sequence[str]
    rows: Sequence[Sequence[str]] = field(default_factory=list)


# -- Writing ----------------------------------------------------------------------------------


def number(value: Decimal | int | None) -> str:
    """A count or ratio as Dutch Excel reads it: a decimal comma, no trailing zeros; empty
    for a hidden figure."""
    if value is None:
        return ""
    return format(Decimal(value).normalize(), "f").replace(".", ",")


def percent(value: Decimal | None) -> str:
    """A percentage with the one decimal it was published with ("87,5", "90,0")."""
    if value is None:
        return ""
    return f"{Decimal(value):.1f}".replace(".", ",")


def moment(value: datetime | None) -> str:
    """A moment in the site's time zone, to the second, with its offset (ISO 8601)."""
    if value is None:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


def _cell(value: str) -> str:
    """A text that starts like a formula is quoted, so a spreadsheet shows it as text (as the
    report downloads do)."""
    return "'" + value if value[:1] in FORMULA_STARTS else value


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """The report downloads' CSV: a UTF-8 byte order mark, ``;`` between fields."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_cell(str(value)) for value in row])
    return codecs.BOM_UTF8 + out.getvalue().encode("utf-8")


# -- The goals' own files ---------------------------------------------------------------------


def definitions_table(indicators) -> EvidenceTable:
    rows = [
        [
            indicator.key,
            indicator.name,
            str(definition.version),
            definition.valid_from.isoformat(),
            definition.numerator,
            definition.denominator,
            definition.period,
            definition.exclusions,
            json.dumps(definition.parameters, sort_keys=True, ensure_ascii=False),
        ]
        for indicator in indicators
        for definition in indicator.definitions.all()
    ]
    return EvidenceTable(
        name=DEFINITIONS,
        description=(render_to_string("goals/evidence/definities.txt").strip()),
        header=[
            "indicator_sleutel",
            "indicator",
            "versie",
            "geldig_vanaf",
            "teller",
            "noemer",
            "periode",
            "uitzonderingen",
            "parameters",
        ],
        rows=rows,
    )


def snapshots_table(snapshots: Iterable[IndicatorSnapshot]) -> EvidenceTable:
    rows = []
    for snapshot in snapshots:
        for figure in snapshot.figures.all():
            rows.append(
                [
                    snapshot.indicator.key,
                    snapshot.indicator.name,
                    f"{snapshot.month:%Y-%m}",
                    moment(snapshot.frozen_at),
                    str(snapshot.definition.version),
                    ORGANISATION if figure.is_organisation else DEPARTMENT,
                    "" if figure.is_organisation else figure.department_name,
                    figure.breakdown,
                    YES if figure.suppressed else NO,
                    number(figure.group_size),
                    number(figure.numerator),
                    number(figure.denominator),
                    percent(figure.value),
                ]
            )
    sort_order = {key: position for position, key in enumerate(_indicator_order(snapshots))}
    rows.sort(key=lambda row: (sort_order[row[0]], row[2], row[5] != ORGANISATION, row[6], row[7]))
    return EvidenceTable(
        name=SNAPSHOTS,
        description=(render_to_string("goals/evidence/maandcijfers.txt").strip()),
        header=[
            "indicator_sleutel",
            "indicator",
            "maand",
            "bevroren_op",
            "definitie_versie",
            "niveau",
            "afdeling",
            "onderdeel",
            "verborgen",
            "mensen",
            "teller",
            "noemer",
            "waarde_procent",
        ],
        rows=rows,
    )


def _indicator_order(snapshots) -> list[str]:
    order = {}
    for snapshot in snapshots:
        order[snapshot.indicator.key] = (snapshot.indicator.sort_order, snapshot.indicator.key)
    return sorted(order, key=order.__getitem__)


def targets_table(targets: Iterable[Target]) -> EvidenceTable:
    rows = [
        [
            target.indicator.key,
            target.indicator.name,
            f"{target.first_month:%Y-%m}",
            f"{target.last_month:%Y-%m}",
            percent(target.target_value),
            str(target.owner),
            target.rationale,
            target.set_by_label,
            moment(target.created_at),
            moment(target.updated_at),
        ]
        for target in sorted(
            targets,
            key=lambda t: (t.indicator.sort_order, t.indicator.key, t.first_month, t.pk),
        )
    ]
    return EvidenceTable(
        name=TARGETS,
        description=(render_to_string("goals/evidence/doelen.txt").strip()),
        header=[
            "indicator_sleutel",
            "indicator",
            "van_maand",
            "tot_en_met_maand",
            "doel_procent",
            "eigenaar",
            "onderbouwing",
            "vastgesteld_door",
            "aangemaakt_op",
            "laatst_gewijzigd_op",
        ],
        rows=rows,
    )


# -- The pack ---------------------------------------------------------------------------------


def contributed_tables(*, today: date, now: datetime) -> list[EvidenceTable]:
    return [
        table
        for contribute in hooks.get_hooks(EVIDENCE_FILES)
        for table in contribute(today=today, now=now)
    ]


def evidence_tables(*, now: datetime) -> list[EvidenceTable]:
    """Every data file of the pack, in the order the README lists them. A fixed number of
    queries (two for the definitions, three for the frozen months, one for the targets, and
    the contributions' own)."""
    indicators = indicators_with_definitions()
    snapshots = list(
        IndicatorSnapshot.objects.select_related("indicator", "definition").prefetch_related(
            # The stored people are for comparing months only, never for the pack.
            Prefetch("figures", queryset=SnapshotFigure.objects.defer("members"))
        )
    )
    targets = list(Target.objects.select_related("indicator", "owner"))
    return [
        definitions_table(indicators),
        snapshots_table(snapshots),
        targets_table(targets),
        *contributed_tables(today=timezone.localdate(now), now=now),
    ]


def readme_text(tables: Sequence[EvidenceTable]) -> str:
    """The pack's README, in plain Dutch (template ``goals/evidence/LEESMIJ.txt``): how to
    find a figure, what each file holds and its columns, how the files are written."""
    return render_to_string(
        "goals/evidence/LEESMIJ.txt",
        {
            "tables": [
                {
                    "name": table.name,
                    "rule": "-" * len(table.name),
                    "description": table.description,
                    "columns": ", ".join(table.header),
                }
                for table in tables
            ],
            "readme": README,
            "readme_rule": "-" * len(README),
            "manifest": MANIFEST,
            "manifest_rule": "-" * len(MANIFEST),
        },
    )


def _zip_entry(name: str, when: datetime) -> zipfile.ZipInfo:
    local = timezone.localtime(when)
    info = zipfile.ZipInfo(name, date_time=local.timetuple()[:6])
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def build_pack(*, exported_by: str, now: datetime | None = None) -> bytes:
    """The evidence pack as zip bytes. ``exported_by`` is who exported it as the manifest
    names them (a kernteam member's name and role: the pack goes to auditors, who may ask)."""
    now = now or timezone.now()
    with translation.override("nl"):  # names the apps translate (a session, no department)
        tables = evidence_tables(now=now)
    files: list[tuple[str, bytes]] = [(README, readme_text(tables).encode("utf-8"))]
    files += [(table.name, csv_bytes(table.header, table.rows)) for table in tables]
    manifest = {
        "dossier": "Bewijsdossier meetbare doelen Weerbaar",
        "formaat_versie": FORMAT_VERSION,
        "geexporteerd_op": moment(now),
        "geexporteerd_door": exported_by,
        "controlesom": "SHA-256",
        "bestanden": [
            {"naam": name, "bytes": len(content), "sha256": hashlib.sha256(content).hexdigest()}
            for name, content in files
        ],
    }
    files.append(
        (MANIFEST, (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as pack:
        for name, content in files:
            pack.writestr(_zip_entry(name, now), content)
    return out.getvalue()


# -- Reading (auditors' checks and tests) -----------------------------------------------------


def read_pack(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as pack:
        return {name: pack.read(name) for name in pack.namelist()}


def read_manifest(data: bytes) -> dict:
    return json.loads(read_pack(data)[MANIFEST])


def read_table(content: bytes) -> list[dict[str, str]]:
    """The rows of one of the pack's CSV files, by column name."""
    text = content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=CSV_DELIMITER))


def verify_pack(data: bytes) -> list[str]:
    """What is wrong with a pack, as an auditor would check it: a file missing from the
    manifest or from the zip, a size or checksum that does not match. Empty when it is
    intact."""
    files = read_pack(data)
    if MANIFEST not in files:
        return [f"{MANIFEST}: missing"]
    manifest = json.loads(files.pop(MANIFEST))
    listed = {entry["naam"]: entry for entry in manifest["bestanden"]}
    problems = [f"{name}: not in the manifest" for name in sorted(set(files) - set(listed))]
    for name, entry in sorted(listed.items()):
        if name not in files:
            problems.append(f"{name}: in the manifest, not in the pack")
            continue
        if len(files[name]) != entry["bytes"]:
            problems.append(f"{name}: size differs")
        if hashlib.sha256(files[name]).hexdigest() != entry["sha256"]:
            problems.append(f"{name}: checksum differs")
    return problems


def _as_percent(value) -> Decimal:
    return Decimal(str(value).replace(",", ".").rstrip("%").strip()).quantize(Decimal("0.1"))


def find_figure(
    data: bytes,
    *,
    indicator_key: str,
    month: date,
    value,
    department: str | None = None,
    breakdown: str = "",
) -> dict[str, str] | None:
    """The row of ``maandcijfers.csv`` that publishes ``value`` (a percentage as a number or
    text, "87,5", "87.5" or "87,5%") for the indicator, month, department (None: the whole
    organisation) and part (a theme key for knowledge per theme); None when the pack does not
    hold that figure. The row says when the month was frozen and with which definition
    version; a hidden figure is never found, as it has no value."""
    wanted = _as_percent(value)
    for row in read_table(read_pack(data)[SNAPSHOTS]):
        if (
            row["indicator_sleutel"] == indicator_key
            and row["maand"] == f"{month:%Y-%m}"
            and row["niveau"] == (ORGANISATION if department is None else DEPARTMENT)
            and (department is None or row["afdeling"] == department)
            and row["onderdeel"] == breakdown
            and row["verborgen"] == NO
            and row["waarde_procent"]
            and _as_percent(row["waarde_procent"]) == wanted
        ):
            return row
    return None
