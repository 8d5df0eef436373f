"""When to remind and escalate (a site setting) and the log of every message sent.

:class:`ReminderLog` is append-only and unique per person, learning task, due date, step and
recipient: a step is never sent twice, also when the daily run runs twice or on two machines
at once (see :func:`modules.reminders.services.reminders_run`).
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="mail")
class ReminderSchedule(BaseGenericSetting):
    """The reminder and escalation schedule, in days (kernteam and beheer edit it)."""

    is_active = models.BooleanField(_("send reminders"), default=True)
    days_before_due = models.PositiveSmallIntegerField(
        _("remind the learner this many days before the due date"), default=7
    )
    manager_after_days = models.PositiveSmallIntegerField(
        _("tell the manager this many days after the overdue reminder"), default=7
    )
    beheer_after_days = models.PositiveSmallIntegerField(
        _("tell beheer/HR this many days after the overdue reminder"), default=21
    )

    panels = [
        FieldPanel("is_active"),
        MultiFieldPanel(
            [
                FieldPanel("days_before_due"),
                FieldPanel("manager_after_days"),
                FieldPanel("beheer_after_days"),
            ],
            heading=_("Schedule"),
        ),
    ]

    class Meta:
        verbose_name = _("reminder schedule")


class ReminderStep(models.TextChoices):
    BEFORE_DUE = "before_due", _("reminder before the due date")
    OVERDUE = "overdue", _("reminder: overdue")
    MANAGER = "manager", _("manager informed")
    BEHEER = "beheer", _("beheer/HR informed")


class ReminderLog(models.Model):
    """One message sent (or queued): who it was about, what, which step, to whom, when."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("about"),
        on_delete=models.CASCADE,
        related_name="reminders_about",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent to"),
        on_delete=models.CASCADE,
        related_name="reminders_received",
    )
    task_key = models.CharField(max_length=64)
    task_title = models.CharField(_("learning task"), max_length=255)
    due_date = models.DateField(_("due date"))
    step = models.CharField(_("step"), max_length=16, choices=ReminderStep.choices)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    # The day of the run that sent it: escalations count their waiting days from here.
    sent_on = models.DateField()
    # The daily run that wrote it: overlapping runs each send only their own rows.
    run = models.UUIDField(default=uuid.uuid4, db_index=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "task_key", "due_date", "step", "recipient"],
                name="reminders_each_step_once",
            )
        ]
        indexes = [models.Index(fields=["sent_at"])]

    def __str__(self) -> str:
        return f"{self.person_id} {self.task_key} {self.step} → {self.recipient_id}"
