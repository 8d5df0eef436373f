"""The monthly status email to managers. Run once a month (cron or a scheduler), on the 1st,
e.g. 07:00:

    python site/manage.py send_manager_status_emails

Every manager (the leidinggevende role and at least one department) who did not turn it off
gets one email with their departments' figures and a link to the dashboard. Logged per manager
and month, so running it twice (or a second time later in the month) sends nobody a second
one. The emails go out through the ``db_worker`` task worker.
"""

from django.utils import timezone

from core.scheduling import ScheduledCommand
from modules.reminders.services import monthly_status_run


class Command(ScheduledCommand):
    help = "Queue this month's status email to every manager who wants it (once per month)."

    def handle(self, *args, **options):
        queued = monthly_status_run(today=timezone.localdate())
        self.stdout.write(f"{queued} monthly status email(s) queued.")
