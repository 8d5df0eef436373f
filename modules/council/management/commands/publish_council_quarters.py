"""Freeze the griffie's figures of every quarter that has just ended. Run daily (cron):

    python site/manage.py publish_council_quarters

The report also takes a missing quarter when it is opened, but a quarter frozen on its first
day reflects the council as it stood at the quarter's end most closely: a member who deletes
their self-study data later cannot change it (see modules.council.services).
"""

from django.utils import timezone

from core.scheduling import ScheduledCommand
from modules.council.services import council_participation_snapshots_take


class Command(ScheduledCommand):
    help = "Store the council's participation figures of the quarters that have ended."

    def handle(self, *args, **options):
        snapshots = council_participation_snapshots_take(today=timezone.localdate())
        self.stdout.write(
            "quarters published: "
            + ", ".join(f"{snapshot.quarter_start:%Y-%m-%d}" for snapshot in snapshots)
        )
