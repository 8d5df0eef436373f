"""The part of the route cache (``core.routing``) that page models mix in.

Kept apart from the middleware so page models can import it while the models load.
"""

from __future__ import annotations

# Set on a routed page (and pickled with it): its view restrictions, read once.
RESTRICTIONS_ATTR = "_route_cache_view_restrictions"


class RouteCachedPage:
    """Mixin for page types whose routes may be cached: they answer ``get_view_restrictions``
    from the cache, and may prepare more (read once per tree version) in
    ``prepare_for_route_cache``. Must come before ``Page`` in the bases."""

    def prepare_for_route_cache(self) -> None:
        """Compute, before the page is cached, what its ``serve`` would otherwise query on
        every request; store it on the instance (it is pickled with it)."""

    def get_view_restrictions(self):
        cached = self.__dict__.get(RESTRICTIONS_ATTR)
        if cached is not None:
            return cached
        return super().get_view_restrictions()
