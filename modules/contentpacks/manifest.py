"""Refreshing a pack folder's manifest after its JSON was edited by hand.

The manifest lists every file with its SHA-256, so a pack that changed on the way is refused.
An author who edits a pack in a text editor (the demo's packs in ``site/demo/packs/``, or a
pack in review) needs the checksums brought up to date without a round trip through a site;
:func:`manifest_refresh` does that and nothing else: it keeps the manifest's fields and the
order of the files it lists (the pack order, see ``docs/content-packs.md``), drops files that
are gone and appends new ones sorted by path.
"""

from __future__ import annotations

import json
from pathlib import Path

from modules.contentpacks.format import MANIFEST, dump_json, sha256_of


def manifest_refresh(folder: Path) -> list[str]:
    """Rewrite ``folder``'s manifest with the current checksums; returns the changed paths."""
    manifest_path = folder / MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    present = sorted(
        str(path.relative_to(folder))
        for path in folder.rglob("*")
        if path.is_file() and path != manifest_path and not path.name.startswith(".")
    )
    listed = [entry["path"] for entry in manifest.get("files", []) if entry["path"] in present]
    order = listed + [path for path in present if path not in listed]
    old = {entry["path"]: entry.get("sha256") for entry in manifest.get("files", [])}
    manifest["files"] = [
        {"path": path, "sha256": sha256_of((folder / path).read_bytes())} for path in order
    ]
    changed = sorted(
        {entry["path"] for entry in manifest["files"] if old.get(entry["path"]) != entry["sha256"]}
        | (set(old) - set(present))
    )
    manifest_path.write_text(dump_json(manifest), encoding="utf-8")
    return changed
