"""Wagtail's frontend cache invalidation, for the public pages only.

With ``FRONTEND_CACHE`` set (``config.env.frontend_cache``) the settings install
:class:`PublicPagesFrontendCacheConfig` instead of ``wagtail.contrib.frontend_cache``. Wagtail's
own app config purges every page type on publish and unpublish; here only public page types
are purged: those without the audience gate (learner pages have ``is_open_to``, see
``modules.pages.AudienceRestrictedPage``; their answers are ``private, no-store`` for a
logged-in person and a redirect to the login for anybody else, so a proxy never holds them),
and of those only pages without a Wagtail view restriction. A learner page published by the
kernteam therefore never costs a purge request to the CDN.

Core knows no page types (it is the lowest layer): the gate is recognised by its method.
"""

from __future__ import annotations

from django.apps import apps
from wagtail.contrib.frontend_cache.apps import WagtailFrontendCacheAppConfig
from wagtail.contrib.frontend_cache.utils import purge_page_from_cache
from wagtail.signals import page_published, page_unpublished

DISPATCH_UID = "core.frontend_cache.purge_public_page"


def is_public_page_type(model: type) -> bool:
    """A page type an anonymous visitor can be served: one without the audience gate."""
    page = apps.get_model("wagtailcore", "Page")  # this module loads with the app registry
    return issubclass(model, page) and not callable(getattr(model, "is_open_to", None))


def purge_public_page(sender, instance, **kwargs) -> None:
    """Purge a published or unpublished public page, unless a view restriction (its own or
    an ancestor's) keeps it from anonymous visitors."""
    if instance.get_view_restrictions().exists():
        return
    purge_page_from_cache(instance)


def connect_public_page_purges() -> list[type]:
    """Connect the purge to the public page types; returns them."""
    models = [model for model in apps.get_models() if is_public_page_type(model)]
    for model in models:
        uid = f"{DISPATCH_UID}:{model._meta.label}"
        page_published.connect(purge_public_page, sender=model, dispatch_uid=f"{uid}:published")
        page_unpublished.connect(purge_public_page, sender=model, dispatch_uid=f"{uid}:unpublished")
    return models


def disconnect_public_page_purges() -> None:
    for model in apps.get_models():
        uid = f"{DISPATCH_UID}:{model._meta.label}"
        page_published.disconnect(sender=model, dispatch_uid=f"{uid}:published")
        page_unpublished.disconnect(sender=model, dispatch_uid=f"{uid}:unpublished")


class PublicPagesFrontendCacheConfig(WagtailFrontendCacheAppConfig):
    """``wagtail.contrib.frontend_cache`` with the purges of :func:`connect_public_page_purges`
    instead of Wagtail's (every page type)."""

    def ready(self):
        connect_public_page_purges()
