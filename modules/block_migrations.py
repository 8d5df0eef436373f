"""Data operations for migrations that change the stored shape of our lesson blocks.

Shared by the learning and trends migrations (lessons and trends use the same
``LessonStreamBlock``), so the two conversions cannot drift apart. Values are plain dicts:
these operations do not use the block classes, whose definitions may change later.
"""

from __future__ import annotations

from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.blocks.migrations.operations import BaseBlockOperation


class WrapInImageBlock(BaseBlockOperation):
    """{"image": id, "alt_text": ..., "caption": ...} -> Wagtail's ImageBlock value inside ours:
    {"image": {"image": id, "alt_text": ..., "decorative": False}, "caption": ...}.
    Values already in the new shape are left alone, so running it twice changes nothing."""

    def apply(self, block_value):
        if isinstance(block_value.get("image"), dict):
            return block_value
        return {
            "image": {
                "image": block_value.get("image"),
                "alt_text": block_value.get("alt_text", ""),
                "decorative": False,
            },
            "caption": block_value.get("caption", ""),
        }

    @property
    def operation_name_fragment(self):
        return "wrap_in_image_block"


class UnwrapImageBlock(BaseBlockOperation):
    """The way back: the old flat shape (a decorative image gets empty alternative text)."""

    def apply(self, block_value):
        inner = block_value.get("image")
        if not isinstance(inner, dict):
            return block_value
        return {
            "image": inner.get("image"),
            "alt_text": "" if inner.get("decorative") else inner.get("alt_text") or "",
            "caption": block_value.get("caption", ""),
        }

    @property
    def operation_name_fragment(self):
        return "unwrap_image_block"


def image_blocks(operation: BaseBlockOperation, *, app_name: str, model_name: str):
    """A RunPython function applying ``operation`` to every image block of ``model_name.body``,
    its revisions included."""
    return MigrateStreamData(
        app_name=app_name,
        model_name=model_name,
        field_name="body",
        operations_and_block_paths=[(operation, "image")],
    ).migrate_stream_data_forward
