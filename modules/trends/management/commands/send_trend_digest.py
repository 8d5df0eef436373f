"""Queue the weekly digest of new trends. Run once a week, e.g. on Monday at 07:00:

    python site/manage.py send_trend_digest

People who turned the digest off under "Mijn gegevens" get nothing; everybody else gets one
email per week at most, and only when there is a new trend for them.
"""

from django.utils import timezone

from core.scheduling import ScheduledCommand
from modules.trends.services import digest_send


class Command(ScheduledCommand):
    help = "Queue the weekly email listing the trends published in the last seven days."

    def handle(self, *args, **options):
        count = digest_send(today=timezone.localdate())
        self.stdout.write(f"{count} digest email(s) queued.")
