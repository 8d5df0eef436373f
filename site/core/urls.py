"""Helpers for links that leave the site, such as the ones in emails."""

from __future__ import annotations

from django.conf import settings


def absolute_url(path: str) -> str:
    """``path`` on the public address of the site (``WAGTAILADMIN_BASE_URL``): emails are
    sent by the task worker, outside any request, so they cannot ask a request for the host."""
    return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}{path}"
