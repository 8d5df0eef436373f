"""Let offered places whose deadline passed go to the next person on the waitlist. Run it
often (cron or a scheduler), e.g. every 15 minutes:

    python site/manage.py expire_session_offers

An offer lapses once, so running it twice does no harm. The emails go out through the
``db_worker`` task worker.
"""

from django.utils import timezone

from core.scheduling import ScheduledCommand
from modules.awareness.services import offers_expire


class Command(ScheduledCommand):
    help = "Let lapsed offers of a session place go to the next person on the waitlist."

    def handle(self, *args, **options):
        count = offers_expire(now=timezone.now())
        self.stdout.write(f"{count} lapsed offer(s) passed on.")
