"""Wagtail hooks of the reminders: their part of "Mijn gegevens" (registered in
:mod:`modules.reminders.portal_parts`), the manual reminders' address in the admin (whose
login, MFA and access checks run first) and the manager's switch on the account page."""

from django.urls import path
from wagtail import hooks

from modules.reminders import portal_parts  # noqa: F401  (registers the hooks)
from modules.reminders.admin_views import ManualReminderView, MonthlyStatusPanel


@hooks.register("register_admin_urls")
def register_manual_reminder_url():
    return [
        path("herinneringen/versturen/", ManualReminderView.as_view(), name="reminders_send_manual")
    ]


@hooks.register("register_account_settings_panel")
def monthly_status_panel(request, user, profile):
    return MonthlyStatusPanel(request, user, profile)
