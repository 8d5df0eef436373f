"""Reads of what the site remembers about packs (the importer's and the admin's)."""

from __future__ import annotations

from django.db.models import QuerySet

from modules.contentpacks.models import PackImport, PackItem


def pack_items(*, pack_key: str) -> dict[tuple[str, str], PackItem]:
    """Every item the site remembers of ``pack_key``, by (kind, key); one query."""
    return {(item.kind, item.key): item for item in PackItem.objects.filter(pack_key=pack_key)}


def recent_imports(*, limit: int = 10) -> QuerySet[PackImport]:
    return PackImport.objects.select_related("imported_by")[:limit]
