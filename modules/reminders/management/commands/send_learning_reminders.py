"""The daily reminder and escalation run. Run once a day (cron or a scheduler), e.g. 07:30:

    python site/manage.py send_learning_reminders

Each step is sent once per person, learning task and due date, so running it twice does no
harm. The emails go out through the ``db_worker`` task worker.
"""

from django.utils import timezone

from core.scheduling import ScheduledCommand
from modules.reminders.services import reminders_run


class Command(ScheduledCommand):
    help = "Queue today's reminders to learners and digests to managers and beheer/HR."

    def handle(self, *args, **options):
        result = reminders_run(today=timezone.localdate())
        self.stdout.write(
            f"{result.learner_emails} reminder(s), {result.manager_digests} manager digest(s), "
            f"{result.beheer_digests} beheer digest(s) queued."
        )
