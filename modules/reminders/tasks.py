"""Background tasks (django-tasks) for the reminder emails; queued by the daily run."""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

from core.urls import absolute_url
from modules.reminders.models import ReminderLog, ReminderStep

SUBJECTS = {
    ReminderStep.BEFORE_DUE: "Herinnering: rond {title} af vóór {due}",
    ReminderStep.OVERDUE: "Te laat: {title}",
    ReminderStep.MANAGER: "Medewerkers met een leertaak die te laat is",
    ReminderStep.BEHEER: "Leertaken die lang te laat zijn",
}


@task()
def send_learner_reminder(log_id: int) -> bool:
    log = ReminderLog.objects.select_related("recipient").filter(pk=log_id).first()
    if log is None or not log.recipient.is_active or not log.recipient.email:
        return False
    with translation.override("nl"):
        body = render_to_string(
            f"reminders/email/{log.step}.txt",
            {"log": log, "user": log.recipient, "url": absolute_url(reverse("my_learning"))},
        )
    subject = SUBJECTS[log.step].format(title=log.task_title, due=log.due_date.strftime("%d-%m-%Y"))
    EmailMessage(subject=subject, body=body, to=[log.recipient.email]).send()
    return True


@task()
def send_digest(recipient_id: int, step: str, log_ids: list[int]) -> bool:
    """A manager's (or beheer's) list of people whose learning task is late: names,
    departments, tasks and dates only, never scores."""
    logs = list(
        ReminderLog.objects.filter(pk__in=log_ids, recipient_id=recipient_id, step=step)
        .select_related("person__department", "recipient")
        .order_by("person__department__name", "person__last_name", "task_title")
    )
    if not logs or not logs[0].recipient.is_active or not logs[0].recipient.email:
        return False
    today = timezone.localdate()
    with translation.override("nl"):
        body = render_to_string(
            "reminders/email/digest.txt",
            {
                "recipient": logs[0].recipient,
                "step": step,
                "people": [(log, (today - log.due_date).days) for log in logs],
            },
        )
    EmailMessage(subject=SUBJECTS[step], body=body, to=[logs[0].recipient.email]).send()
    return True
