"""Reminders' part of "Mijn gegevens" (see :mod:`core.registry`): every reminder and escalation
sent about the person, in the file and as a table on the page."""

from __future__ import annotations

from wagtail import hooks

from accounts.models import User
from core import registry
from modules.reminders.selectors import reminder_history


@hooks.register(registry.MY_DATA_SECTIONS, order=50)
def my_data_sections(*, user: User) -> list[registry.DataSection]:
    """One query."""
    reminders = reminder_history(user=user)
    rows = [
        {
            "leertaak": reminder.task_title,
            "uiterste_datum": registry.when(reminder.due_date),
            "stap": str(reminder.get_step_display()).capitalize(),
            "verstuurd": registry.when(reminder.sent_at),
        }
        for reminder in reminders
    ]
    return [
        registry.DataSection(
            key="herinneringen",
            rows=rows,
            template="reminders/includes/my_data_reminders.html",
            objects=reminders,
        )
    ]
