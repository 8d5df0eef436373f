"""Freeze the goals' figures of the month that has just ended. Run on the 1st of each month
(cron; running it daily is harmless, a frozen month is left as it is):

    python site/manage.py freeze_goal_month
    python site/manage.py freeze_goal_month --month 2026-03   # an earlier month, once

A month frozen on the 1st reflects the data as it stood at the month's end most closely;
afterwards it never changes (see modules.goals.services.snapshot_month).
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from django.utils import timezone

from core.dates import add_months
from core.scheduling import ScheduledCommand
from modules.goals.indicators import month_start
from modules.goals.services import snapshot_month


class Command(ScheduledCommand):
    help = "Freeze the figures of every goal indicator for the previous month."

    def add_arguments(self, parser):
        parser.add_argument("--month", help="A month that has ended, as yyyy-mm.")

    def handle(self, *args, **options):
        if options["month"]:
            try:
                month = datetime.strptime(options["month"], "%Y-%m").date()
            except ValueError as error:
                raise CommandError("--month takes yyyy-mm, for example 2026-03.") from error
        else:
            month = add_months(month_start(timezone.localdate()), -1)
        try:
            snapshots = snapshot_month(month=month)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(
            f"{month:%Y-%m}: "
            + ", ".join(
                f"{snapshot.indicator.key} v{snapshot.definition.version} "
                f"(frozen {timezone.localtime(snapshot.frozen_at):%Y-%m-%d %H:%M})"
                for snapshot in snapshots
            )
        )
