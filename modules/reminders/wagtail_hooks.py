"""Wagtail hooks of the reminders: their part of "Mijn gegevens" (registered in
:mod:`modules.reminders.portal_parts`)."""

from modules.reminders import portal_parts  # noqa: F401  (registers the hooks)
