"""``manage.py load_demo``: fill an empty database with the demo site and accounts."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from core.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_is_loaded, load_demo


class Command(BaseCommand):
    help = "Load the Weerbaar demo content (departments, demo accounts, pages). Runs once."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2026, help="Random seed (default 2026).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Also run when DEBUG is off. Never use this on a production database.",
        )

    def handle(self, *args, seed: int, force: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo creates accounts with a known password and refuses to run when "
                "DEBUG is off. Use --force if this really is a test environment."
            )
        if demo_is_loaded():
            self.stdout.write("Demo content is already loaded; nothing changed.")
            return
        for line in load_demo(seed=seed, today=timezone.localdate()):
            self.stdout.write(f"  {line}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded. Password for every demo account: {DEMO_PASSWORD}; "
                f"TOTP secret for kernteam@, beheer@ and leidinggevende@: {DEMO_TOTP_SECRET}"
            )
        )
