"""Table columns for our admin reports (Wagtail's ``wagtail.admin.ui.tables``)."""

from __future__ import annotations

from django.utils.formats import date_format
from wagtail.admin.ui.tables import Column, Table


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


class ScrollingTable(Table):
    """Wagtail's listing table inside a region that scrolls sideways.

    A report with many columns is wider than the admin's content area at 1280 px, and the
    listing cut its last column off. The region scrolls instead; it is focusable
    (``tabindex="0"``), so a keyboard user can scroll it with the arrow keys, and named after
    the report (``role="region"``, the table's caption), so a screen reader says what it holds
    (WCAG 2.1.1, 1.4.10)."""

    template_name = "core/tables/scrolling_table.html"
