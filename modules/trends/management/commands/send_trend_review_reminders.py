"""Remind the kernteam of trends past their review date. Run once a day, e.g. at 08:00:

    python site/manage.py send_trend_review_reminders

Each trend is reported once per review date, so running it twice does no harm.
"""

from django.utils import timezone

from core.scheduling import ScheduledCommand
from modules.trends.services import review_reminders_send


class Command(ScheduledCommand):
    help = "Email the core team about live trends whose review date has passed."

    def handle(self, *args, **options):
        count = review_reminders_send(today=timezone.localdate())
        self.stdout.write(f"{count} trend(s) in the reminder.")
