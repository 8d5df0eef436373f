"""Table columns for our admin reports (Wagtail's ``wagtail.admin.ui.tables``)."""

from __future__ import annotations

from django.utils.formats import date_format
from wagtail.admin.ui.tables import Column


class CalendarDateColumn(Column):
    """A date as a calendar date ("25 november 2026", or "november 2026" per month).

    Wagtail's ``DateColumn`` shows how long ago something happened, which reads wrongly for a
    due date in the future. Exports are unaffected: they take the raw date.
    """

    def __init__(self, name, *, date_format_string: str = "j F Y", **kwargs):
        super().__init__(name, **kwargs)
        self.date_format_string = date_format_string

    def get_value(self, instance):
        value = super().get_value(instance)
        return date_format(value, self.date_format_string) if value else ""
