"""``manage.py export_content_pack --key K --out PATH``: write a content pack.

Without a selection it re-exports everything that came from pack ``K`` (its PackItem rows);
``--module``, ``--pool``, ``--trend``, ``--session-template`` and ``--reflection`` add content
made on this site. The manifest's title, version, source and licence default to the previous
pack at ``--out`` (or the last import of ``K``), so a re-export only needs the key and the path.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from modules.contentpacks.exporter import ExportError, pack_export, pack_write
from modules.contentpacks.format import MANIFEST
from modules.contentpacks.models import PackImport

MANIFEST_FIELDS = ("title", "version", "source", "licence", "description")


def previous_manifest(out: Path, key: str) -> dict:
    """The manifest of the pack ``key`` already at ``out`` (a folder or a zip), or {}."""
    try:
        if out.suffix.lower() == ".zip":
            if not out.is_file():
                return {}
            with zipfile.ZipFile(out) as archive:
                manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
        else:
            path = out / MANIFEST
            if not path.is_file():
                return {}
            manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return {}
    return manifest if isinstance(manifest, dict) and manifest.get("key") == key else {}


class Command(BaseCommand):
    help = "Write a content pack (a folder, or a .zip) with published content of this site."

    def create_parser(self, prog_name, subcommand, **kwargs):
        # Our --version is the pack's version, not Django's "show the version and exit".
        kwargs.setdefault("conflict_handler", "resolve")
        return super().create_parser(prog_name, subcommand, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("--key", required=True, help="The pack's key, e.g. onboarding.")
        parser.add_argument("--out", required=True, help="A folder, or a file ending in .zip.")
        parser.add_argument("--title")
        parser.add_argument("--version", "--pack-version", dest="pack_version")
        parser.add_argument("--source")
        parser.add_argument("--licence")
        parser.add_argument("--description")
        parser.add_argument("--module", action="append", default=[], metavar="SLUG")
        parser.add_argument("--pool", action="append", default=[], metavar="NAME")
        parser.add_argument("--trend", action="append", default=[], metavar="SLUG")
        parser.add_argument(
            "--session-template", action="append", default=[], metavar="ID or TITLE"
        )
        parser.add_argument("--reflection", action="append", default=[], metavar="SLUG")
        parser.add_argument(
            "--only-selected",
            action="store_true",
            help="Leave out what came from the pack before and was not named.",
        )

    def handle(self, *args, **options):
        key, out = options["key"], Path(options["out"])
        manifest = self._manifest_fields(options, key=key, out=out)
        try:
            exported = pack_export(
                key=key,
                **manifest,
                modules=options["module"],
                pools=options["pool"],
                trends=options["trend"],
                session_templates=options["session_template"],
                reflections=options["reflection"],
                include_pack_items=not options["only_selected"],
            )
            pack_write(exported, out)
        except ExportError as error:
            raise CommandError("\n".join(error.errors)) from error
        for note in exported.notes:
            self.stdout.write(note)
        counts = {}
        for path in exported.items:
            folder = path.split("/", 1)[0]
            counts[folder] = counts.get(folder, 0) + 1
        summary = ", ".join(f"{folder}: {count}" for folder, count in sorted(counts.items()))
        self.stdout.write(
            _("Pack “%(key)s” written to %(out)s (%(summary)s; %(media)d media files).")
            % {
                "key": key,
                "out": out,
                "summary": summary,
                "media": len(exported.files) - len(exported.items),
            }
        )

    @staticmethod
    def _manifest_fields(options, *, key: str, out: Path) -> dict:
        """What was given, else the previous pack at ``out``, else the last import of ``key``."""
        previous = previous_manifest(out, key)
        last_import = PackImport.objects.filter(pack_key=key).order_by("-imported_at").first()
        if last_import is not None:
            previous = {
                "title": last_import.title,
                "version": last_import.pack_version,
                **{name: value for name, value in previous.items() if value},
            }
        given = {
            "title": options["title"],
            "version": options["pack_version"],
            "source": options["source"],
            "licence": options["licence"],
            "description": options["description"],
        }
        return {
            name: given[name] if given[name] is not None else str(previous.get(name) or "")
            for name in MANIFEST_FIELDS
        }
