"""Wagtail's writes that change what anybody sees (see ``core.changes``): a page saved (a
publish, an unpublish, a draft of a live page), moved or deleted; a site or a page's privacy
edited; an image or a document changed. Connected in ``CoreConfig.ready``; the apps connect
their own models."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, Site, get_page_models
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.changes import everybody_changed, watch_everybody


def _page_written(sender, **kwargs) -> None:
    everybody_changed(reason="content")


def _migrated(sender, **kwargs) -> None:
    """A release (it runs migrate) may change templates, blocks or page classes: nothing
    cached before it is read again (and no pickle of a class that changed is unpickled)."""
    everybody_changed(reason="release")


def _page_signal(sender, **kwargs) -> None:
    everybody_changed(reason="content")


def connect() -> None:
    # One receiver per concrete page model: a receiver for every sender would keep Django
    # from deleting any model's rows in bulk (fast delete needs no delete receivers).
    for model in get_page_models():
        uid = f"core.receivers:page:{model._meta.label}"
        post_save.connect(_page_written, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(_page_written, sender=model, weak=False, dispatch_uid=uid)
    post_migrate.connect(_migrated, weak=False, dispatch_uid="core.receivers:migrated")
    for signal_name, signal in (
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("moved", post_page_move),
    ):
        signal.connect(_page_signal, weak=False, dispatch_uid=f"core.receivers:{signal_name}")
    watch_everybody(Site, reason="content")
    watch_everybody(PageViewRestriction, reason="content")
    # Lessons show images and link documents; their blocks are cached as rendered HTML.
    watch_everybody(get_image_model(), reason="content")
    watch_everybody(get_document_model(), reason="content")
