"""Wagtail's page routing without walking the tree on every request.

Wagtail finds the page for a URL by loading the site, its root page and then each page on the
path in turn (seven queries at depth five), and checks the page's privacy with two more. The
answer depends only on the page tree, so :class:`PageRouteCacheMiddleware` keeps it under the
site stamp (``core.changes``: every page save, publish, unpublish, move or delete, and every
site or privacy edit moves it): the page found, its view restrictions and whatever the page
type prepares for itself (``prepare_for_route_cache``: a lesson's module, whether a page above
is unpublished). Wagtail's ``serve`` view then uses the cached route as if it had found it:
``Page.route_for_request`` keeps its answer on the request, and that is what we fill in.

Only plain routes are cached: a page found for the whole path, with no extra arguments (a
routable page's sub-route is routed by Wagtail as before). The page comes out of the cache as
a fresh copy for every request, so nothing one request does to it reaches another.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Page, Site
from wagtail.url_routing import RouteResult
from wagtail.views import serve as wagtail_serve

from core.pages import RESTRICTIONS_ATTR, RouteCachedPage
from core.stamped import DEFAULT_TIMEOUT, stamped_key


class PageRouteCacheMiddleware:
    """Fills in Wagtail's route for ``serve`` from the cache, or routes and keeps the answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        if view_func is not wagtail_serve:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        hostname = split_domain_port(request._get_raw_host())[0]
        key = stamped_key("route", parts=(hostname, request.get_port(), path))
        cached = cache.get(key)  # the cache unpickles a fresh copy every time
        if cached is not None:
            site, page = cached
            request._wagtail_site = site
            request._wagtail_route_for_request = RouteResult(page)
            return None
        route = Page.route_for_request(request, path)
        if route is None or route.args or route.kwargs:
            return None
        page = route.page
        if not isinstance(page, RouteCachedPage):
            return None  # a page type that does not take part
        page.__dict__[RESTRICTIONS_ATTR] = list(Page.get_view_restrictions(page))
        page.prepare_for_route_cache()
        site = Site.find_for_request(request)
        cache.set(key, (site, page), DEFAULT_TIMEOUT)
        return None
