"""Template filters for published aggregates (see :mod:`core.privacy`)."""

from django import template

from core.privacy import count_label

register = template.Library()


@register.filter
def suppressed(value: int | None) -> str:
    """A count, or "minder dan 5" when the selector hid it (None)."""
    return count_label(value)


@register.filter
def suppressed_percent(value: int | None) -> str:
    """A percentage, or an en dash when it would give a hidden count away."""
    return "\u2013" if value is None else f"{value}%"
