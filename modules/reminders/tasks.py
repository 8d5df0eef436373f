"""Background tasks (django-tasks) for the reminder emails; queued by the daily run.

They send through :func:`core.mail.send_email`, which retries a failed send with backoff (each
task queues itself again with ``failure_id``) and lists what was given up for beheer. Subjects
and templates are English msgids rendered in Dutch (``site/locale``), the site's one language.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from accounts.selectors import ReportScope
from core.mail import Retry, cancel_retry, send_email
from core.urls import absolute_url
from modules.reminders.models import MonthlyStatusEmail, ReminderLog, ReminderStep
from modules.reminders.selectors import (
    department_status,
    late_people,
    managers_for_monthly_status,
)

EMAIL_LANGUAGE = "nl"

SUBJECTS = {
    ReminderStep.BEFORE_DUE: _("Reminder: finish %(title)s before %(due)s"),
    ReminderStep.OVERDUE: _("Overdue: %(title)s"),
    ReminderStep.MANAGER: _("Employees with an overdue learning task"),
    ReminderStep.BEHEER: _("Learning tasks that are long overdue"),
    ReminderStep.MANUAL: _("Reminder: your mandatory learning is overdue"),
}
MONTHLY_SUBJECT = _("Learning in your departments: %(month)s")


@task()
def send_learner_reminder(log_id: int, failure_id: int | None = None) -> bool:
    log = ReminderLog.objects.select_related("recipient").filter(pk=log_id).first()
    if log is None or not log.recipient.is_active or not log.recipient.email:
        cancel_retry(failure_id)
        return False
    with translation.override(EMAIL_LANGUAGE):
        body = render_to_string(
            f"reminders/email/{log.step}.txt",
            {"log": log, "user": log.recipient, "url": absolute_url(reverse("my_learning"))},
        )
        subject = str(SUBJECTS[log.step]) % {
            "title": log.task_title,
            "due": log.due_date.strftime("%d-%m-%Y"),
        }
    return send_email(
        kind=f"reminders.{log.step}",
        recipient_id=log.recipient_id,
        to=log.recipient.email,
        subject=subject,
        body=body,
        retry=Retry(send_learner_reminder, (log_id,)),
        failure_id=failure_id,
    )


@task()
def send_digest(
    recipient_id: int, step: str, log_ids: list[int], failure_id: int | None = None
) -> bool:
    """A manager's (or beheer's) list of people whose learning task is late: names,
    departments, tasks and dates only, never scores."""
    logs = list(
        ReminderLog.objects.filter(pk__in=log_ids, recipient_id=recipient_id, step=step)
        .select_related("person__department", "recipient")
        .order_by("person__department__name", "person__last_name", "task_title")
    )
    if not logs or not logs[0].recipient.is_active or not logs[0].recipient.email:
        cancel_retry(failure_id)
        return False
    recipient = logs[0].recipient
    today = timezone.localdate()
    with translation.override(EMAIL_LANGUAGE):
        body = render_to_string(
            "reminders/email/digest.txt",
            {
                "recipient": recipient,
                "step": step,
                "people": [(log, (today - log.due_date).days) for log in logs],
            },
        )
        subject = str(SUBJECTS[step])
    return send_email(
        kind=f"reminders.{step}",
        recipient_id=recipient.pk,
        to=recipient.email,
        subject=subject,
        body=body,
        retry=Retry(send_digest, (recipient_id, step, log_ids)),
        failure_id=failure_id,
    )


@task()
def send_manual_reminders(log_ids: list[int]) -> int:
    """The reminders one manager sent from the per-person report, queued as one task (so the
    request that sent them writes one row to the queue, however many people); each email is
    retried on its own (:func:`send_manual_reminder`). Returns how many were sent."""
    return sum(_send_manual(log_id, failure_id=None) for log_id in log_ids)


@task()
def send_manual_reminder(log_id: int, failure_id: int | None = None) -> bool:
    """A retry of one manual reminder."""
    return _send_manual(log_id, failure_id=failure_id)


def _send_manual(log_id: int, *, failure_id: int | None) -> bool:
    """The person's late tasks as they are now (a task finished since the click is left out;
    nothing left: no email)."""
    log = (
        ReminderLog.objects.select_related("recipient", "sender")
        .filter(pk=log_id, step=ReminderStep.MANUAL)
        .first()
    )
    if log is None or not log.recipient.is_active or not log.recipient.email:
        cancel_retry(failure_id)
        return False
    today = timezone.localdate()
    people = late_people(
        scope=ReportScope(everybody=True, department_ids=frozenset()),
        today=today,
        user_ids=[log.person_id],
    )
    if not people:
        cancel_retry(failure_id)
        return False
    person = people[0]
    with translation.override(EMAIL_LANGUAGE):
        body = render_to_string(
            "reminders/email/manual.txt",
            {
                "user": log.recipient,
                "sender": log.sender,
                "tasks": person.tasks,
                "url": absolute_url(reverse("my_learning")),
            },
        )
        subject = str(SUBJECTS[ReminderStep.MANUAL])
    return send_email(
        kind="reminders.manual",
        recipient_id=log.recipient_id,
        to=log.recipient.email,
        subject=subject,
        body=body,
        retry=Retry(send_manual_reminder, (log_id,)),
        failure_id=failure_id,
    )


@task()
def send_monthly_status(email_id: int, failure_id: int | None = None) -> bool:
    """A manager's monthly status of their departments: counts only, never names or scores.
    Read when it is sent, so a retry tells the same month's latest figures; a manager who
    switched it off, stopped managing or lost the leidinggevende role in between gets
    nothing."""
    email = MonthlyStatusEmail.objects.select_related("recipient").filter(pk=email_id).first()
    recipient = email.recipient if email else None
    if (
        recipient is None
        or not recipient.email
        # The run's rule again at the send (a retry may come days later): still active, still
        # a leidinggevende of an active department, and the switch still on.
        or not managers_for_monthly_status().filter(pk=recipient.pk).exists()
    ):
        cancel_retry(failure_id)
        return False
    departments = department_status(
        manager=recipient, today=timezone.localdate(), now=timezone.now()
    )
    if not departments:
        cancel_retry(failure_id)
        return False
    with translation.override(EMAIL_LANGUAGE):
        body = render_to_string(
            "reminders/email/monthly_status.txt",
            {
                "recipient": recipient,
                "departments": departments,
                "month": email.month,
                "url": absolute_url(reverse("dashboard_departments")),
                "settings_url": absolute_url(reverse("wagtailadmin_account")),
            },
        )
        subject = str(MONTHLY_SUBJECT) % {"month": date_format(email.month, "F Y")}
    return send_email(
        kind="reminders.monthly_status",
        recipient_id=recipient.pk,
        to=recipient.email,
        subject=subject,
        body=body,
        retry=Retry(send_monthly_status, (email_id,)),
        failure_id=failure_id,
    )
