"""``manage.py load_demo``: fill an empty database with the demo site and accounts."""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from demo.loader import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_is_loaded, load_demo


class Command(BaseCommand):
    help = "Load the Weerbaar demo content (departments, demo accounts, pages). Runs once."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also run when DEBUG is off. Never use this on a production database.",
        )
        parser.add_argument(
            "--without-history",
            action="store_true",
            help="Leave out the goals' 21 months of history (faster; for tests).",
        )

    def handle(self, *args, seed: int, force: bool, without_history: bool = False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo creates accounts with a known password and refuses to run when "
                "DEBUG is off. Use --force if this really is a test environment."
            )
        if demo_is_loaded():
            self.stdout.write("Demo content is already loaded; nothing changed.")
            return
        for line in load_demo(seed=seed, today=timezone.localdate(), history=not without_history):
            self.stdout.write(f"  {line}")
        # Search indexing normally runs in the task worker; build the index now, so search
        # works with `make run` alone.
        call_command("update_index", verbosity=0)
        self.stdout.write("  the search index")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded. Password for every demo account: {DEMO_PASSWORD}; "
                "TOTP secret for kernteam@, beheer@, leidinggevende@ and griffie@: "
                f"{DEMO_TOTP_SECRET}"
            )
        )
