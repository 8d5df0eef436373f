"""Retention: what is older than its period goes, what is newer stays, and the proof of a
completion (an attempt's score and pass) always stays."""

from __future__ import annotations

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.audit import audit_record
from accounts.models import AuditAction, AuditEvent
from accounts.roles import Role
from core.models import EmailFailure, EmailFailureStatus
from modules.learning.models import DilemmaChoice
from modules.reminders.models import ReminderLog
from modules.reminders.retention import retention_apply
from quizzes.models import Attempt, AttemptChoice, AttemptItem
from tests.factories import QuestionFactory, QuizFactory, module_with_lessons
from tests.factories.quizzes import pass_final_quiz

pytestmark = pytest.mark.django_db


def submitted_attempt(user) -> Attempt:
    quiz = QuizFactory(questions=[QuestionFactory(), QuestionFactory()])
    module = module_with_lessons(lessons=1, final_quiz=quiz)
    return pass_final_quiz(user, module)


def log(user, *, days_ago: int) -> ReminderLog:
    entry = ReminderLog.objects.create(
        person=user,
        recipient=user,
        task_key=f"module-{days_ago}",
        task_title="Module",
        due_date=(timezone.now() - timedelta(days=days_ago)).date(),
        step="overdue",
        sent_on=(timezone.now() - timedelta(days=days_ago)).date(),
    )
    ReminderLog.objects.filter(pk=entry.pk).update(
        sent_at=timezone.now() - timedelta(days=days_ago)
    )
    return entry


def test_old_reminder_logs_and_quiz_answers_go_and_the_rest_stays(make_user, settings):
    settings.WEERBAAR_RETENTION_REMINDER_DAYS = 365
    settings.WEERBAAR_RETENTION_QUIZ_ANSWERS_DAYS = 730
    person = make_user(Role.MEDEWERKER)
    old_log, new_log = log(person, days_ago=400), log(person, days_ago=300)
    old, new = submitted_attempt(person), submitted_attempt(person)
    Attempt.objects.filter(pk=old.pk).update(submitted_at=timezone.now() - timedelta(days=800))

    dry = retention_apply(now=timezone.now(), dry_run=True)
    assert (dry.reminder_logs, dry.quiz_answers) == (1, 2)
    assert ReminderLog.objects.count() == 2  # a dry run removes nothing

    retention_apply(now=timezone.now())
    assert list(ReminderLog.objects.values_list("pk", flat=True)) == [new_log.pk]
    assert not ReminderLog.objects.filter(pk=old_log.pk).exists()
    assert all(item.selected is None for item in AttemptItem.objects.filter(attempt=old))
    assert not AttemptChoice.objects.filter(item__attempt=old).exists()
    assert all(item.selected for item in AttemptItem.objects.filter(attempt=new))
    old.refresh_from_db()
    assert old.passed and old.score == 100  # the proof of completion stays


def test_the_command_reports_what_it_removed(make_user):
    log(make_user(Role.MEDEWERKER), days_ago=5000)
    out = StringIO()
    call_command("apply_retention", "--dry-run", stdout=out)
    assert "would remove: 1 reminder log(s)" in out.getvalue()
    call_command("apply_retention", stdout=StringIO())
    assert not ReminderLog.objects.exists()


def test_rows_of_unapplied_staff_uploads_are_removed_after_a_day():
    from accounts.models import StaffImport

    old = StaffImport.objects.create(filename="oud.csv", rows=[{"_row": 2, "email": "a@b.nl"}])
    new = StaffImport.objects.create(filename="nieuw.csv", rows=[{"_row": 2, "email": "c@d.nl"}])
    StaffImport.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - timedelta(days=2))
    assert retention_apply(now=timezone.now()).staff_uploads == 1
    old.refresh_from_db()
    new.refresh_from_db()
    assert old.rows == [] and new.rows != []


def test_audit_log_entries_are_kept_for_their_period_then_removed(make_user, settings):
    settings.WEERBAAR_RETENTION_AUDIT_DAYS = 1825
    person = make_user(Role.MEDEWERKER)
    old = audit_record(action=AuditAction.DEACTIVATED, actor=None, target=person)
    kept = audit_record(action=AuditAction.ACTIVATED, actor=None, target=person)
    AuditEvent.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=1826))
    AuditEvent.objects.filter(pk=kept.pk).update(created_at=timezone.now() - timedelta(days=1800))

    assert retention_apply(now=timezone.now(), dry_run=True).audit_events == 1
    assert AuditEvent.objects.count() == 2
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert "1 audit log entr(y/ies)" in out.getvalue()
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [kept.pk]

    settings.WEERBAAR_RETENTION_AUDIT_DAYS = 30  # a shorter period takes effect at once
    assert retention_apply(now=timezone.now()).audit_events == 1
    assert not AuditEvent.objects.exists()


def test_dilemma_choices_go_after_the_quiz_answers_period_and_newer_ones_stay(make_user, settings):
    settings.WEERBAAR_RETENTION_QUIZ_ANSWERS_DAYS = 30
    module = module_with_lessons(lessons=1)
    old, new = make_user(Role.MEDEWERKER), make_user(Role.MEDEWERKER)
    choices = [
        DilemmaChoice.objects.create(
            user=user,
            page=module,
            block_id="blok",
            choice_id="keuze",
            dilemma_title="Een vraag op de sportclub",
            choice_text="Ik zeg vriendelijk nee.",
        )
        for user in (old, new)
    ]
    DilemmaChoice.objects.filter(pk=choices[0].pk).update(
        chosen_at=timezone.now() - timedelta(days=31)
    )
    assert retention_apply(now=timezone.now(), dry_run=True).dilemma_choices == 1
    assert DilemmaChoice.objects.count() == 2  # a dry run removes nothing
    assert retention_apply(now=timezone.now()).dilemma_choices == 1
    assert list(DilemmaChoice.objects.values_list("user", flat=True)) == [new.pk]


def test_settled_failed_emails_go_with_the_reminder_logs(make_user, settings):
    settings.WEERBAAR_RETENTION_REMINDER_DAYS = 30
    user = make_user(Role.MEDEWERKER)
    now = timezone.now()

    def failure(*, days_ago: int, status: str) -> EmailFailure:
        at = now - timedelta(days=days_ago)
        return EmailFailure.objects.create(
            kind="reminders.overdue",
            recipient=user,
            error_class="smtplib.SMTPServerDisconnected",
            status=status,
            first_failed_at=at,
            last_failed_at=at,
            resolved_at=None if status == EmailFailureStatus.RETRYING else at,
        )

    old = failure(days_ago=31, status=EmailFailureStatus.GIVEN_UP)
    recent = failure(days_ago=29, status=EmailFailureStatus.GIVEN_UP)
    waiting = failure(days_ago=31, status=EmailFailureStatus.RETRYING)  # not settled yet
    assert retention_apply(now=now, dry_run=True).email_failures == 1
    assert retention_apply(now=now).email_failures == 1
    assert set(EmailFailure.objects.values_list("pk", flat=True)) == {recent.pk, waiting.pk}
    assert not EmailFailure.objects.filter(pk=old.pk).exists()
