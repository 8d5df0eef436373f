"""The demo's content comes from the packs in ``site/demo/packs/``, and they travel both ways:
each pack passes the dry run, the demo built from them exports to the same files byte for byte,
importing them again changes nothing, and importing them into an empty site reproduces the
demo's modules, lessons, pools, questions, trends, reflection and session templates.

The tests read the package's shared demo (``conftest.py``), loaded on today, not a fixed day:
a trend's review interval is exported from its publication (moved back from the demo's day) to
its review date (counted from it). Each test runs in its own savepoint on top of it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from wagtail.models import Revision

from demo.content.plan import DEMO_PACKS
from demo.loader import PACKS_DIR
from modules.contentpacks.exporter import pack_export, pack_write
from modules.contentpacks.importer import ACTION_UNCHANGED, pack_apply, pack_check, pack_read
from modules.contentpacks.models import PackItem
from quizzes.models import Question

pytestmark = pytest.mark.django_db


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def test_the_demo_packs_are_all_in_the_repository():
    assert sorted(path.name for path in PACKS_DIR.iterdir() if path.is_dir()) == sorted(DEMO_PACKS)
    for key in DEMO_PACKS:
        manifest = json.loads((PACKS_DIR / key / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["key"] == key
        assert manifest["language"] == "nl"
        assert manifest["licence"] and manifest["source"]


@pytest.mark.parametrize("key", DEMO_PACKS)
def test_each_demo_pack_passes_the_dry_run(key):
    """On the demo site each pack is valid, and every item in it is already there unchanged."""
    plan = pack_check(pack_read(PACKS_DIR / key))
    assert plan.ok, plan.error_lines()
    assert plan.entries
    assert {entry.action for entry in plan.entries} == {ACTION_UNCHANGED}


@pytest.mark.parametrize("key", DEMO_PACKS)
def test_the_demo_exports_to_the_same_pack_byte_for_byte(key, tmp_path):
    """Import (by load_demo) then export gives back the files in the repository."""
    out = tmp_path / key
    pack_write(pack_export(**_manifest_fields(key)), out)
    assert _files(out) == _files(PACKS_DIR / key)


def _manifest_fields(key: str) -> dict:
    manifest = json.loads((PACKS_DIR / key / "manifest.json").read_text(encoding="utf-8"))
    return {
        field: manifest[field]
        for field in ("key", "title", "version", "source", "licence", "description")
    }


def test_importing_the_demo_packs_again_changes_nothing():
    revisions, items, questions = (
        Revision.objects.count(),
        PackItem.objects.count(),
        Question.objects.count(),
    )
    for key in DEMO_PACKS:
        result = pack_apply(pack_read(PACKS_DIR / key), by=None, publish=True)
        assert {entry.action for entry in result.plan.entries} == {ACTION_UNCHANGED}
    assert Revision.objects.count() == revisions
    assert PackItem.objects.count() == items
    assert Question.objects.count() == questions
