"""The delivery log of emails that could not be sent at once (written by :mod:`core.mail`).

Only failures get a row: a message that went out on the first try leaves no trace here (the
apps keep their own logs of what they sent, such as the reminders' ``ReminderLog``). A row holds
as little as beheer needs to act on it: who should have had the email (a user, not an address),
what kind of email it was, the class of the error (never its text, which can carry addresses),
how often it was tried and when. Beheer sees the rows in the admin (``core.wagtail_hooks``).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EmailFailureStatus(models.TextChoices):
    RETRYING = "retrying", _("will be retried")
    SENT = "sent", _("sent on a later attempt")
    GIVEN_UP = "given_up", _("given up")
    CANCELLED = "cancelled", _("no longer needed")


class EmailFailure(models.Model):
    """One email that failed at least once, and what became of it."""

    kind = models.CharField(_("kind of email"), max_length=64)
    # The person who should have received it; emptied when the account is deleted.
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    error_class = models.CharField(_("error"), max_length=255)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=1)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EmailFailureStatus.choices,
        default=EmailFailureStatus.RETRYING,
    )
    first_failed_at = models.DateTimeField(_("first failed"))
    last_failed_at = models.DateTimeField(_("last failed"))
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("failed email")
        verbose_name_plural = _("failed emails")
        ordering = ["-last_failed_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(attempts__gte=1), name="core_emailfailure_attempted"
            ),
            # Still retrying exactly when nothing resolved it.
            models.CheckConstraint(
                condition=models.Q(status="retrying", resolved_at__isnull=True)
                | (~models.Q(status="retrying") & models.Q(resolved_at__isnull=False)),
                name="core_emailfailure_resolved_unless_retrying",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} ({self.get_status_display()})"
