"""``manage.py refresh_pack_manifest <folder>``: bring a pack folder's checksums up to date after
its files were edited by hand (then check it with ``import_content_pack <folder>``)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from modules.contentpacks.format import MANIFEST
from modules.contentpacks.manifest import manifest_refresh


class Command(BaseCommand):
    help = "Rewrite a pack folder's manifest with the current checksum of every file."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="The pack's folder (not a zip).")

    def handle(self, *args, folder: Path, **options):
        if not (folder / MANIFEST).is_file():
            raise CommandError(f"{folder} has no {MANIFEST}.")
        changed = manifest_refresh(folder)
        for path in changed:
            self.stdout.write(f"  {path}")
        self.stdout.write(f"{len(changed)} file(s) changed in the manifest of {folder}.")
