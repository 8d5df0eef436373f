"""Reads for reminders."""

from __future__ import annotations

from accounts.models import User
from modules.reminders.models import ReminderLog


def reminder_history(*, user: User) -> list[ReminderLog]:
    """Every reminder and escalation about the user, newest first, once per step (a digest
    to two managers is one step for the person it is about). One query."""
    seen: set[tuple] = set()
    history = []
    for log in ReminderLog.objects.filter(person=user).order_by("-sent_at", "pk"):
        key = (log.task_key, log.due_date, log.step)
        if key not in seen:
            seen.add(key)
            history.append(log)
    return history
