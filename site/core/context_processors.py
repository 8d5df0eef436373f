"""Template context for the site chrome (header navigation)."""

from __future__ import annotations

from django.http import HttpRequest

from home.selectors import reporting_page


def navigation(request: HttpRequest) -> dict:
    """Links in the header.

    ``reporting_page`` is passed as a callable, so the template runs its single query only when
    it renders the header.
    """
    user = getattr(request, "user", None)
    show_admin_link = bool(
        user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    )
    return {"show_admin_link": show_admin_link, "reporting_page": reporting_page}
