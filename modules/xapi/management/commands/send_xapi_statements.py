"""Send the xAPI statements that are due and tidy the outbox. Run it every 10 minutes (cron or
a scheduler), next to the ``db_worker`` that sends new statements at once:

    python site/manage.py send_xapi_statements

The safety net for retries: a worker that died, or a deferred run that was lost, leaves
statements waiting; this run sends whatever is due (their backoff still applies) and removes
sent statements older than ``XAPI_KEEP_SENT_DAYS``. Safe to run twice: a statement is claimed
by one run, and the LRS keeps one statement per id.
"""

from django.utils import timezone

from core.scheduling import ScheduledCommand
from modules.xapi.sender import outbox_purge, outbox_send


class Command(ScheduledCommand):
    help = "Send the xAPI statements that are due to the LRS and remove old sent ones."

    def handle(self, *args, **options):
        now = timezone.now()
        report = outbox_send(now=now)
        purged = outbox_purge(now=now)
        self.stdout.write(
            f"xAPI: {report.sent} sent, {report.retrying} to retry, {report.rejected} refused, "
            f"{report.withheld} withheld, {purged} old statement(s) removed."
        )
