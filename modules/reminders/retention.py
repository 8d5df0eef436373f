"""Data retention: remove what is kept longer than needed.

* Reminder logs older than ``WEERBAAR_RETENTION_REMINDER_DAYS`` about a due date that is that
  old too (a log of a task that is still open would otherwise be sent again).
* The rows (personal data) of HR uploads that were checked but not applied within a day.
* The answers of submitted quiz attempts older than ``WEERBAAR_RETENTION_QUIZ_ANSWERS_DAYS``:
  the chosen options (and their copies for item analysis) go; the attempt's score and whether
  it passed stay, since they prove a completion. The choices people made in the lessons'
  dilemmas follow the same period: they are answers too, kept only for item analysis.
* Audit log entries (role, password, MFA and activation changes) older than
  ``WEERBAAR_RETENTION_AUDIT_DAYS`` (five years by default).
* The log of failed emails (``core.models.EmailFailure``: who should have had which kind of
  email) once settled and older than the reminder logs' period, which it belongs with.
* The log of monthly status emails to managers, after the reminder logs' period (it only
  keeps a month from being sent twice).
* Admin background jobs (:func:`accounts.jobs.admin_jobs_retention`): a stale one is aborted,
  a finished one's payload cleared, and old ones deleted.

Run by ``manage.py apply_retention`` (nightly); the periods are settings (see .env.example).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from accounts.jobs import admin_jobs_retention
from accounts.models import AuditEvent, StaffImport
from core.models import EmailFailure, EmailFailureStatus
from modules.learning.models import DilemmaChoice
from modules.reminders.models import MonthlyStatusEmail, ReminderLog
from quizzes.models import AttemptChoice, AttemptItem, AttemptStatus


@dataclass(frozen=True)
class RetentionResult:
    reminder_logs: int
    quiz_answers: int
    staff_uploads: int = 0
    audit_events: int = 0
    dilemma_choices: int = 0
    email_failures: int = 0
    admin_jobs: int = 0
    status_emails: int = 0


@transaction.atomic
def retention_apply(*, now: datetime, dry_run: bool = False) -> RetentionResult:
    reminder_cutoff = now - timedelta(days=settings.WEERBAAR_RETENTION_REMINDER_DAYS)
    answers_cutoff = now - timedelta(days=settings.WEERBAAR_RETENTION_QUIZ_ANSWERS_DAYS)
    logs = ReminderLog.objects.filter(
        sent_at__lt=reminder_cutoff, due_date__lt=reminder_cutoff.date()
    )
    items = AttemptItem.objects.filter(
        attempt__status=AttemptStatus.SUBMITTED, attempt__submitted_at__lt=answers_cutoff
    ).exclude(selected__isnull=True)
    uploads = StaffImport.objects.filter(
        applied_at__isnull=True, uploaded_at__lt=now - timedelta(days=1)
    ).exclude(rows=[])
    dilemma_choices = DilemmaChoice.objects.filter(chosen_at__lt=answers_cutoff)
    audit_events = AuditEvent.objects.filter(
        created_at__lt=now - timedelta(days=settings.WEERBAAR_RETENTION_AUDIT_DAYS)
    )
    email_failures = EmailFailure.objects.filter(last_failed_at__lt=reminder_cutoff).exclude(
        status=EmailFailureStatus.RETRYING
    )
    status_emails = MonthlyStatusEmail.objects.filter(sent_at__lt=reminder_cutoff)
    result = RetentionResult(
        reminder_logs=logs.count(),
        quiz_answers=items.count(),
        staff_uploads=uploads.count(),
        audit_events=audit_events.count(),
        dilemma_choices=dilemma_choices.count(),
        email_failures=email_failures.count(),
        admin_jobs=admin_jobs_retention(now=now, dry_run=dry_run),
        status_emails=status_emails.count(),
    )
    if not dry_run:
        audit_events.delete()
        uploads.update(rows=[])
        logs.delete()
        AttemptChoice.objects.filter(item__in=items.values("pk")).delete()
        items.update(selected=None)
        dilemma_choices.delete()
        email_failures.delete()
        status_emails.delete()
    return result
