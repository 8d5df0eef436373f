"""The xAPI outbox and the pseudonyms it sends instead of people.

:class:`OutboxStatement` is the transactional outbox: a statement is written in the same
transaction as the event it records (a lesson done, an attempt submitted), so it exists if and
only if the event does, and it is sent afterwards by the background task. Its statement UUID is
fixed when it is written, so however often a send is repeated (a timeout after the LRS stored
it, a worker killed mid-send) the LRS receives the same statement and keeps it once.

``event_key`` names the event (``lesson:<completion id>``, ``attempt:<public id>``): a unique
constraint keeps a receiver that runs twice for one event (a second save of the same row) from
writing a second statement.

:class:`Pseudonym` is the actor: a random UUID per person, stored here and nowhere else, so
the LRS never learns a name, an email address or a database id, and nobody holding only the
LRS's data (or a secret setting) can work back to the person.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Pseudonym(models.Model):
    """The opaque id a person has in the LRS (``actor.account.name``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xapi_pseudonym"
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("xAPI pseudonym")
        verbose_name_plural = _("xAPI pseudonyms")

    def __str__(self) -> str:
        return str(self.key)


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("waiting to be sent")
    SENT = "sent", _("sent")
    REJECTED = "rejected", _("refused by the LRS")
    WITHHELD = "withheld", _("withheld (never sent)")


class OutboxStatement(models.Model):
    """One xAPI statement, as it will be (or was) sent."""

    statement_id = models.UUIDField(unique=True, editable=False)
    event_key = models.CharField(max_length=120, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="xapi_statements"
    )
    verb = models.CharField(max_length=32)
    payload = models.JSONField()
    status = models.CharField(
        max_length=16, choices=OutboxStatus.choices, default=OutboxStatus.PENDING
    )
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # An attendance taken back (the kernteam's correction): withheld when it was still waiting,
    # otherwise a voiding statement follows it (``voided_by``).
    voided_by = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="voids"
    )

    class Meta:
        verbose_name = _("xAPI statement")
        verbose_name_plural = _("xAPI statements")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=OutboxStatus.PENDING) | Q(next_attempt_at__isnull=False),
                name="xapi_pending_has_a_next_attempt",
            ),
            models.CheckConstraint(
                condition=~Q(status=OutboxStatus.SENT) | Q(sent_at__isnull=False),
                name="xapi_sent_has_a_time",
            ),
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.verb} {self.statement_id} ({self.get_status_display()})"
