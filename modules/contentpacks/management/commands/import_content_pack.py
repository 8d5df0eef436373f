"""``manage.py import_content_pack <path> [--apply] [--publish]``: the developers' and the
deployment's import. A dry run unless ``--apply``; exits with an error when the pack has one."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from modules.contentpacks.importer import (
    ACTION_CHANGED,
    ACTION_NEW,
    ACTION_UNCHANGED,
    PackInvalid,
    Plan,
    pack_apply,
    pack_check,
    pack_read,
)


def _immediate_explanation() -> str:
    return _(
        "Questions, quizzes, pools and session templates have no drafts. A change to them "
        "applies at once, as when you save them in the admin. Attempts already made keep the "
        "question as it was."
    )


class Command(BaseCommand):
    help = "Check a content pack (folder or .zip) and, with --apply, import it."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The pack's folder or .zip file.")
        parser.add_argument(
            "--apply", action="store_true", help="Import the pack (default: only check it)."
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish new and changed pages at once (default: drafts).",
        )

    def handle(self, *args, path: Path, apply: bool, publish: bool, **options):
        if publish and not apply:
            raise CommandError("--publish needs --apply.")
        with translation.override("nl"):
            pack = pack_read(path)
            if not apply:
                plan = pack_check(pack)
                self._report(plan)
                if not plan.ok:
                    raise CommandError(f"{len(plan.errors)} error(s); nothing was imported.")
                self.stdout.write("Dry run: nothing was changed. Use --apply to import.")
                return
            try:
                result = pack_apply(pack, by=None, publish=publish)
            except PackInvalid as invalid:
                self._report(invalid.plan)
                raise CommandError(
                    f"{len(invalid.plan.errors)} error(s); nothing was imported."
                ) from invalid
            self._report(result.plan)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Imported {result.plan.pack_key} {result.plan.version}"
                    + (" (published)." if publish else " (as drafts).")
                )
            )

    def _report(self, plan: Plan) -> None:
        if plan.manifest:
            self.stdout.write(f"Pack: {plan.pack_key} {plan.version}: {plan.title}")
        for kind, numbers in plan.counts().items():
            self.stdout.write(
                f"  {kind}: {numbers[ACTION_NEW]} new, {numbers[ACTION_CHANGED]} changed, "
                f"{numbers[ACTION_UNCHANGED]} unchanged"
            )
        for entry in plan.immediate:
            self.stdout.write(
                _("Applies at once: %(kind)s %(key)s: %(title)s")
                % {"kind": entry.kind, "key": entry.key, "title": entry.title}
            )
        if plan.immediate:
            self.stdout.write(_immediate_explanation())
        for line in plan.error_lines():
            self.stderr.write(line)
