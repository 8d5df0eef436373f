"""Template context for the site chrome (header navigation)."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest
from wagtail.models import Page

from home.selectors import reporting_page
from modules.awareness.models import SessionIndexPage
from modules.trends.models import TrendIndexPage


def navigation(request: HttpRequest) -> dict:
    """Links in the header.

    Pages are passed as callables, so the template runs their query only when it renders the
    header, and once per request.
    """
    user = getattr(request, "user", None)
    index_pages = _once(_index_pages)
    show_admin_link = bool(
        user and user.is_authenticated and user.has_perm("wagtailadmin.access_admin")
    )
    return {
        "show_admin_link": show_admin_link,
        "reporting_page": reporting_page,
        "sessions_page": lambda: index_pages().get("sessionindexpage"),
        "trends_page": lambda: index_pages().get("trendindexpage"),
    }


def _once(read):
    """A callable that runs ``read`` at most once per request, however often a template asks."""
    cache: list = []

    def cached():
        if not cache:
            cache.append(read())
        return cache[0]

    return cached


def _index_pages() -> dict:
    """The live sessions and trends index pages in one query (plain pages: the header only
    needs their titles and URLs), by model name. The content types are joined, not looked up,
    so the count does not depend on what Django's content-type cache holds."""
    models = (SessionIndexPage, TrendIndexPage)
    wanted = Q()
    for model in models:
        wanted |= Q(
            content_type__app_label=model._meta.app_label,
            content_type__model=model._meta.model_name,
        )
    pages: dict = {}
    for page in Page.objects.live().filter(wanted).select_related("content_type").order_by("path"):
        pages.setdefault(page.content_type.model, page)
    return pages
