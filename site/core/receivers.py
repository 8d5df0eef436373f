"""Wagtail's writes that change what anybody sees (see ``core.changes``): a page saved (a
publish, an unpublish, a draft of a live page), moved or deleted; a site or a page's privacy
edited; an image or a document changed. Connected in ``CoreConfig.ready``; the apps connect
their own models."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.changes import everybody_changed, watch_everybody


def _page_written(sender, instance=None, **kwargs) -> None:
    # post_save and post_delete are sent with the concrete page class as sender, so this
    # listens to every model and keeps the pages.
    if isinstance(instance, Page):
        everybody_changed(reason="content")


def _page_signal(sender, **kwargs) -> None:
    everybody_changed(reason="content")


def connect() -> None:
    post_save.connect(_page_written, weak=False, dispatch_uid="core.receivers:page-save")
    post_delete.connect(_page_written, weak=False, dispatch_uid="core.receivers:page-delete")
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
