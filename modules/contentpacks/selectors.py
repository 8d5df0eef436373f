"""Reads of what the site remembers about packs (the importer's and the admin's)."""

from __future__ import annotations

from django.db.models import QuerySet

from modules.contentpacks.models import PackImport, PackItem


def pack_items(*, pack_key: str) -> dict[tuple[str, str], PackItem]:
    """Every item the site remembers of ``pack_key``, by (kind, key); one query."""
    return {(item.kind, item.key): item for item in PackItem.objects.filter(pack_key=pack_key)}


def pack_item_object(*, pack_key: str, kind: str, key: str):
    """The object an item of ``pack_key`` became on this site (the specific page for a page),
    or None when it was never imported or has been deleted since. A lesson's key is
    ``"<module>/<lesson>"``, a question's ``"<pool>/<question>"``."""
    item = (
        PackItem.objects.filter(pack_key=pack_key, kind=kind, key=key)
        .select_related("content_type")
        .first()
    )
    if item is None:
        return None
    return item.content_type.model_class()._default_manager.filter(pk=item.object_id).first()


def recent_imports(*, limit: int = 10) -> QuerySet[PackImport]:
    return PackImport.objects.select_related("imported_by")[:limit]
