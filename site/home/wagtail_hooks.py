"""Admin hooks for the page tree: the page chooser and the explorer show only what the editor
may see (see home.selectors.pages_visible_in_admin).

Wagtail's page chooser lists every page's title to anyone with admin access; its explorer and
admin page API already limit themselves to pages with permissions, and get the same rule here
so the three cannot drift apart.
"""

from __future__ import annotations

from django.http import Http404
from wagtail import hooks
from wagtail.models import Page

from home.selectors import pages_visible_in_admin


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser(pages, request):
    """Also the page being browsed: its title heads the chooser, so one the editor may not
    see answers 404 (as the explorer and the API do), not just an empty list."""
    match = request.resolver_match
    parent_id = match.kwargs.get("parent_page_id") if match else None
    if parent_id is not None:
        parent = Page.objects.filter(pk=parent_id)
        if not pages_visible_in_admin(user=request.user, pages=parent).exists():
            raise Http404
    return pages_visible_in_admin(user=request.user, pages=pages)


@hooks.register("construct_explorer_page_queryset")
def limit_explorer(parent_page, pages, request):
    return pages_visible_in_admin(user=request.user, pages=pages)
