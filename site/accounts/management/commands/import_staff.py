"""Synchronise accounts with the HR export; for the nightly scheduled sync:

    python site/manage.py import_staff /srv/hr/medewerkers.csv            # dry run
    python site/manage.py import_staff /srv/hr/medewerkers.csv --apply    # apply it

The same rules as the admin screen (see ``accounts.staff_import``). With errors nothing is
changed and the command exits with an error, so the scheduler reports it.
"""

from pathlib import Path

from django.core.management.base import CommandError
from django.utils import timezone

from accounts.staff_import import (
    ImportFileError,
    MassDeactivationRefused,
    apply_import,
    plan_import,
    read_rows,
)
from core.scheduling import ScheduledCommand


class Command(ScheduledCommand):
    help = "Import staff from the HR export (CSV or XLSX): a dry run unless --apply is given."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument("--apply", action="store_true", help="Apply the changes.")
        parser.add_argument(
            "--allow-mass-deactivation",
            action="store_true",
            help="Apply even when more than a tenth of the staff would be deactivated.",
        )

    def handle(self, *args, path: Path, apply: bool, allow_mass_deactivation: bool, **options):
        try:
            rows = read_rows(content=path.read_bytes(), filename=path.name)
        except (OSError, ImportFileError) as error:
            raise CommandError(str(error)) from error
        today = timezone.localdate()
        try:
            plan = (
                apply_import(
                    rows=rows, today=today, allow_mass_deactivation=allow_mass_deactivation
                )
                if apply
                else plan_import(rows=rows, today=today)
            )
        except MassDeactivationRefused as refusal:
            raise CommandError(
                f"{len(refusal.args[0].deactivations)} people would be deactivated: is this the "
                "complete export? Nothing changed; use --allow-mass-deactivation if it is."
            ) from refusal
        for error in plan.errors:
            self.stderr.write(f"row {error.row}, {error.column}: {error.message}")
        if not plan.is_valid:
            raise CommandError(f"{len(plan.errors)} error(s): nothing changed.")
        verb = "applied" if apply else "would apply (dry run)"
        self.stdout.write(
            f"{verb}: {len(plan.creates)} to create, {len(plan.updates)} to change, "
            f"{len(plan.deactivations)} to deactivate, {plan.unchanged} unchanged."
        )
