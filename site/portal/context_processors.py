"""Template context for the site chrome (header navigation).

The apps name their index pages through the hook ``core.registry.HEADER_LINKS``
(``fn() -> list[IndexLink]``); the header links them in hook order.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page

from core.registry import HEADER_LINKS, IndexLink
from core.stamped import stamped_read
from home.selectors import reporting_page


def header_index_links() -> list[IndexLink]:
    """Every app's header links, in hook order."""
    return [link for contribute in hooks.get_hooks(HEADER_LINKS) for link in contribute()]


def navigation(request: HttpRequest) -> dict:
    """Links in the header: ``header_links`` (label and page, live pages only) and each index
    page by its link's name (``sessions_page``, ``trends_page``, ...).

    Pages are passed as callables, so the template runs their query only when it renders the
    header, and once per request.
    """
    user = getattr(request, "user", None)
    links = header_index_links()
    # The pages and the admin link are the same for everybody (for this person) until a page
    # or a role changes: cached under the version stamps (core.stamped).
    pages = _once(lambda: stamped_read("header-pages", lambda: _index_pages(links)))
    show_admin_link = bool(user and user.is_authenticated and _may_open_admin(user))
    context = {
        "show_admin_link": show_admin_link,
        "reporting_page": _once(lambda: stamped_read("reporting-page", reporting_page)),
        "header_links": lambda: [
            {"label": link.label, "page": pages()[link.name]}
            for link in links
            if link.name in pages()
        ],
    }
    for link in links:
        context[link.name] = _page_named(pages, link.name)
    return context


def _may_open_admin(user) -> bool:
    return stamped_read(
        "admin-link",
        lambda: user.has_perm("wagtailadmin.access_admin"),
        user_id=user.pk,
        identity=True,
    )


def _page_named(pages, name: str):
    return lambda: pages().get(name)


def _once(read):
    """A callable that runs ``read`` at most once per request, however often a template asks."""
    cache: list = []

    def cached():
        if not cache:
            cache.append(read())
        return cache[0]

    return cached


def _index_pages(links: list[IndexLink]) -> dict:
    """The first live page of each link's model in one query (plain pages: the header only
    needs their titles and URLs), by link name. The content types are joined, not looked up,
    so the count does not depend on what Django's content-type cache holds."""
    if not links:
        return {}
    names = {(link.model._meta.app_label, link.model._meta.model_name): link.name for link in links}
    wanted = Q()
    for app_label, model_name in names:
        wanted |= Q(content_type__app_label=app_label, content_type__model=model_name)
    pages: dict = {}
    for page in Page.objects.live().filter(wanted).select_related("content_type").order_by("path"):
        name = names[(page.content_type.app_label, page.content_type.model)]
        pages.setdefault(name, page)
    return pages
