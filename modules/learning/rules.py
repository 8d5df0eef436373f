"""Pure date rules for assignments: due dates, expiry and the status a learner sees.

No database access here, so the rules are easy to test on their own and the selectors can apply
them to rows they have already loaded.
"""

from __future__ import annotations

import secrets
from datetime import date, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskStatus(models.TextChoices):
    """The status shown in "Mijn leeromgeving" and the reports."""

    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    COMPLETED = "completed", _("completed")
    EXPIRED = "expired", _("expired")
    OVERDUE = "overdue", _("overdue")


def due_date_for(
    *, start_date: date | None, due_days_after_start: int | None, fixed_due_date: date | None
) -> date | None:
    """Days after the start date when both are known, else the fixed date (or none)."""
    if due_days_after_start is not None and start_date is not None:
        return start_date + timedelta(days=due_days_after_start)
    return fixed_due_date


def task_status(
    *,
    stored_status: str | None,
    expires_on: date | None,
    due: date | None,
    mandatory: bool,
    today: date,
    outdated: bool = False,
) -> TaskStatus:
    """Combine the stored progress with the dates.

    A completion past its expiry date is "verlopen"; an unfinished mandatory task past its due
    date is "te laat". Optional modules are never late. ``outdated``: the completion is of an
    earlier version that the kernteam marked as requiring renewal, so it counts as expired.
    """
    if stored_status == TaskStatus.COMPLETED:
        if outdated or (expires_on is not None and today >= expires_on):
            return TaskStatus.EXPIRED
        return TaskStatus.COMPLETED
    if mandatory and due is not None and today > due:
        return TaskStatus.OVERDUE
    if stored_status == TaskStatus.IN_PROGRESS:
        return TaskStatus.IN_PROGRESS
    return TaskStatus.NOT_STARTED


# Crockford-like alphabet without look-alikes (0/O, 1/I/L), so a code read aloud or typed over
# from paper still works. 12 characters of 31 symbols: about 59 bits, not guessable.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def certificate_code() -> str:
    """A fresh verification code such as ``WB-7KQ2-M9XH-4RTA``."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return "WB-" + "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def normalise_certificate_code(value: str) -> str:
    """Accept lower case, spaces and missing dashes when someone types a code over."""
    raw = "".join(ch for ch in value.upper() if ch in CODE_ALPHABET)
    raw = raw[2:] if value.upper().replace(" ", "").startswith("WB") else raw
    return "WB-" + "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))
