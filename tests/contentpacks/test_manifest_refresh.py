"""Editing a pack by hand: refresh_pack_manifest brings the checksums up to date, keeps the
pack order, drops a removed file and appends a new one."""

from __future__ import annotations

import json
import shutil

import pytest
from django.core.management import call_command
from django.utils import translation

from demo.loader import PACKS_DIR
from modules.contentpacks.format import MANIFEST
from modules.contentpacks.importer import pack_check, pack_read

pytestmark = pytest.mark.django_db


def _checksum_errors(folder) -> list[str]:
    """The files whose checksum the dry run refuses (other errors, such as a site without the
    pack's audiences, do not matter here)."""
    with translation.override("en"):
        plan = pack_check(pack_read(folder))
    return [error.path for error in plan.errors if "checksum" in error.message]


def _paths(folder) -> list[str]:
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    return [entry["path"] for entry in manifest["files"]]


def test_a_hand_edit_breaks_the_checksum_and_the_refresh_mends_it(tmp_path):
    folder = tmp_path / "raadsleden"
    shutil.copytree(PACKS_DIR / "raadsleden", folder)
    order = _paths(folder)
    edited = folder / "modules" / "de-raad-en-ondermijning.json"
    data = json.loads(edited.read_text(encoding="utf-8"))
    data["estimated_minutes"] += 1
    edited.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")
    assert _checksum_errors(folder) == ["modules/de-raad-en-ondermijning.json"]

    call_command("refresh_pack_manifest", str(folder))

    assert _checksum_errors(folder) == []
    assert _paths(folder) == order  # the pack order is kept


def test_a_removed_file_leaves_the_manifest_and_a_new_one_is_appended(tmp_path):
    folder = tmp_path / "raadsleden"
    shutil.copytree(PACKS_DIR / "raadsleden", folder)
    order = _paths(folder)
    (folder / "reflections" / "hoe-weerbaar-ben-ik.json").unlink()
    (folder / "media").mkdir()
    (folder / "media" / "voorbeeld.txt").write_text("voorbeeld\n")

    call_command("refresh_pack_manifest", str(folder))

    expected = [path for path in order if path != "reflections/hoe-weerbaar-ben-ik.json"]
    assert _paths(folder) == [*expected, "media/voorbeeld.txt"]
