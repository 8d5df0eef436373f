"""Queue the day-before reminders. Run once a day (cron or a scheduler), e.g. at 09:00:

    python site/manage.py send_session_reminders

Each place is reminded once, so running it twice does no harm. The emails themselves go out
through the ``db_worker`` task worker.
"""

from django.utils import timezone

from core.scheduling import ScheduledCommand
from modules.awareness.services import reminders_send


class Command(ScheduledCommand):
    help = "Queue reminder emails for everybody with a place in a session that starts tomorrow."

    def handle(self, *args, **options):
        count = reminders_send(now=timezone.now())
        self.stdout.write(f"{count} reminder(s) queued.")
