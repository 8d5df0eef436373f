"""Background tasks (django-tasks) for the reminder emails; queued by the daily run.

They send through :func:`core.mail.send_email`, which retries a failed send with backoff (each
task queues itself again with ``failure_id``) and lists what was given up for beheer. Subjects
and templates are English msgids rendered in Dutch (``site/locale``), the site's one language.
"""

from __future__ import annotations

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from core.mail import Retry, cancel_retry, send_email
from core.urls import absolute_url
from modules.reminders.models import ReminderLog, ReminderStep

EMAIL_LANGUAGE = "nl"

SUBJECTS = {
    ReminderStep.BEFORE_DUE: _("Reminder: finish %(title)s before %(due)s"),
    ReminderStep.OVERDUE: _("Overdue: %(title)s"),
    ReminderStep.MANAGER: _("Employees with an overdue learning task"),
    ReminderStep.BEHEER: _("Learning tasks that are long overdue"),
}


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
