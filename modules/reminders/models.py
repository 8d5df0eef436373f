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


MANUAL_TASK_KEY = "manual"


class ReminderStep(models.TextChoices):
    BEFORE_DUE = "before_due", _("reminder before the due date")
    OVERDUE = "overdue", _("reminder: overdue")
    MANAGER = "manager", _("manager informed")
    BEHEER = "beheer", _("beheer/HR informed")
    MANUAL = "manual", _("reminder sent by a manager")


class ReminderLog(models.Model):
    """One message sent (or queued): who it was about, what, which step, to whom, when.

    A manual reminder (step ``manual``, sent from the per-person report) is one row per email:
    ``task_key`` is :data:`MANUAL_TASK_KEY`, ``task_title`` the late tasks it named and
    ``due_date`` the earliest of their due dates."""

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
    # Who sent a manual reminder from the per-person report (empty for the scheduled steps,
    # and once the sender's account is gone).
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reminders_sent",
    )

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "task_key", "due_date", "step", "recipient"],
                condition=~models.Q(step="manual"),
                name="reminders_each_step_once",
            ),
            # A manual reminder is one email about all of a person's late tasks, at most one a
            # day whoever sends it: two managers posting at the same moment cannot both send.
            models.UniqueConstraint(
                fields=["person", "sent_on"],
                condition=models.Q(step="manual"),
                name="reminders_manual_once_a_day",
            ),
        ]
        indexes = [models.Index(fields=["sent_at"])]

    def __str__(self) -> str:
        return f"{self.person_id} {self.task_key} {self.step} → {self.recipient_id}"


class ManagerEmailPreference(models.Model):
    """Whether a manager wants the monthly status email of their departments (they set it
    themselves on their admin account page). No row means yes: the email is on by default."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="manager_email_preference",
    )
    monthly_status = models.BooleanField(_("monthly status email of my departments"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("manager email preference")
        verbose_name_plural = _("manager email preferences")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.monthly_status}"


class MonthlyStatusEmail(models.Model):
    """A manager got (or is being sent) the status email of ``month`` (its first day): unique,
    so a second run of the monthly command, or two at once, sends nobody a second one."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent to"),
        on_delete=models.CASCADE,
        related_name="monthly_status_emails",
    )
    month = models.DateField(_("month"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)
    # The run that wrote it: overlapping runs each send only their own rows.
    run = models.UUIDField(default=uuid.uuid4, db_index=True)

    class Meta:
        verbose_name = _("monthly status email")
        verbose_name_plural = _("monthly status emails")
        ordering = ["-month", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "month"], name="reminders_one_status_email_a_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.recipient_id} {self.month:%Y-%m}"
