"""Template context for the site chrome (header navigation)."""

from __future__ import annotations

from django.http import HttpRequest

from home.selectors import reporting_page


def navigation(request: HttpRequest) -> dict:
    """Links in the header.

    Pages are passed as callables, so the template runs their query only when it renders the
    header, and once per request.
    """
    user = getattr(request, "user", None)
    show_admin_link = bool(
        user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    )
    return {
        "show_admin_link": show_admin_link,
        "reporting_page": reporting_page,
        "sessions_page": _once(_sessions_page),
    }


def _once(read):
    """A callable that runs ``read`` at most once per request, however often a template asks."""
    cache: list = []

    def cached():
        if not cache:
            cache.append(read())
        return cache[0]

    return cached


def _sessions_page():
    from modules.awareness.models import SessionIndexPage

    return SessionIndexPage.objects.live().first()
