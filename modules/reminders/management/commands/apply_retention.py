"""Remove data past its retention period. Run nightly (cron or a scheduler):

    python site/manage.py apply_retention            # remove
    python site/manage.py apply_retention --dry-run  # only count

The periods are settings: WEERBAAR_RETENTION_REMINDER_DAYS,
WEERBAAR_RETENTION_QUIZ_ANSWERS_DAYS and WEERBAAR_RETENTION_AUDIT_DAYS (see .env.example and
modules/reminders/retention.py).
"""

from django.utils import timezone

from core.scheduling import ScheduledCommand
from modules.reminders.retention import retention_apply


class Command(ScheduledCommand):
    help = (
        "Remove reminder logs, quiz answers, dilemma choices, audit log entries and failed "
        "emails older than their retention period."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count, remove nothing.")

    def handle(self, *args, dry_run: bool, **options):
        result = retention_apply(now=timezone.now(), dry_run=dry_run)
        verb = "would remove" if dry_run else "removed"
        self.stdout.write(
            f"{verb}: {result.reminder_logs} reminder log(s), "
            f"answers of {result.quiz_answers} quiz question(s), "
            f"{result.dilemma_choices} dilemma choice(s), "
            f"rows of {result.staff_uploads} unapplied staff upload(s), "
            f"{result.audit_events} audit log entr(y/ies), "
            f"{result.email_failures} failed email(s), "
            f"{result.status_emails} monthly status email log(s)."
        )
