"""The content-pack format, version 1 (``docs/content-packs.md``): names, limits and the two
translations both sides share.

The importer and the exporter must agree byte for byte on how a pack is written and on how a
database reference (an image or document id, a page id in rich text) becomes a reference a
pack can carry between sites (a media file name, ``<kind>:<key>``). Both live here so that the
two directions cannot drift apart.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from typing import Any

from django.conf import settings
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock, ImageChooserBlock

FORMAT = "weerbaar-content-pack"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"

# --- keys -------------------------------------------------------------------------------------

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")


def is_valid_key(value: object) -> bool:
    """Lower-case letters, digits and hyphens, 1-80 characters, starting with a letter or
    digit: safe as a file name and stable in a URL-like reference."""
    return isinstance(value, str) and KEY_RE.fullmatch(value) is not None


# --- kinds and folders ------------------------------------------------------------------------

KIND_MODULE = "module"
KIND_LESSON = "lesson"
KIND_POOL = "pool"
KIND_QUESTION = "question"
KIND_TREND = "trend"
KIND_SESSION_TEMPLATE = "session_template"
KIND_REFLECTION = "reflection"
KINDS = (
    KIND_MODULE,
    KIND_LESSON,
    KIND_POOL,
    KIND_QUESTION,
    KIND_TREND,
    KIND_SESSION_TEMPLATE,
    KIND_REFLECTION,
)

# The item files: folder in the pack -> the kind of its items. Lessons live inside their
# module's file and questions inside their pool's.
FOLDER_MODULES = "modules"
FOLDER_POOLS = "pools"
FOLDER_TRENDS = "trends"
FOLDER_SESSIONS = "sessions"
FOLDER_REFLECTIONS = "reflections"
FOLDER_MEDIA = "media"
FOLDER_KINDS = {
    FOLDER_MODULES: KIND_MODULE,
    FOLDER_POOLS: KIND_POOL,
    FOLDER_TRENDS: KIND_TREND,
    FOLDER_SESSIONS: KIND_SESSION_TEMPLATE,
    FOLDER_REFLECTIONS: KIND_REFLECTION,
}
KIND_FOLDERS = {kind: folder for folder, kind in FOLDER_KINDS.items()}


def lesson_key(module_key: str, lesson_key_: str) -> str:
    """A lesson's PackItem key and its reference in a question's source: ``module/lesson``."""
    return f"{module_key}/{lesson_key_}"


def question_key(pool_key: str, question_key_: str) -> str:
    """A question's PackItem key: ``pool/question`` (a question's key is unique in its pool)."""
    return f"{pool_key}/{question_key_}"


# --- writing and hashing ----------------------------------------------------------------------


def dump_json(data: Any) -> str:
    """How every file of a pack is written: two spaces, sorted keys, real UTF-8 characters and
    a closing newline, so a diff in review shows the sentence that changed."""
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_checksum(data: Any) -> str:
    """The checksum of one item's content as the importer stores it in ``PackItem``: equal
    content, equal checksum, whatever the key order in the file."""
    return sha256_of(json.dumps(data, sort_keys=True, ensure_ascii=False).encode())


# --- limits -----------------------------------------------------------------------------------

DEFAULT_MAX_MEDIA_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_BYTES = 100 * 1024 * 1024
MAX_FILES = 500


def max_media_bytes() -> int:
    return int(getattr(settings, "CONTENT_PACK_MAX_MEDIA_BYTES", DEFAULT_MAX_MEDIA_BYTES))


def max_pack_bytes() -> int:
    return int(getattr(settings, "CONTENT_PACK_MAX_BYTES", DEFAULT_MAX_BYTES))


def max_files() -> int:
    return MAX_FILES


def is_safe_media_name(name: object) -> bool:
    """A media file name: a plain name, no folder, no ``..``, no hidden file."""
    return (
        isinstance(name, str)
        and 0 < len(name) <= 200
        and "/" not in name
        and "\\" not in name
        and ".." not in name
        and not name.startswith(".")
        and name.strip() == name
    )


# --- references in StreamField values ---------------------------------------------------------
#
# In the database an image in a block is {"image": <id>, "alt_text": ..., "decorative": ...}
# (Wagtail's ImageBlock) and a document is its id. In a pack both become a media reference:
#   image:    {"media": "<file name>", "title": ..., "alt": ..., "decorative": false}
#   document: {"media": "<file name>", "title": ...}
# Rich text (in blocks and in HTML fields) keeps Wagtail's <a linktype=...> links with the
# database id swapped for a pack reference:
#   document: <a linktype="document" media="<file name>">  (database: id="<id>")
#   page:     <a linktype="page" ref="<kind>:<key>">       (database: id="<id>")


def is_media_ref(value: object) -> bool:
    return isinstance(value, dict) and isinstance(value.get("media"), str)


Transform = Callable[[Any], Any]


def transform_stream(
    block: blocks.Block,
    raw: Any,
    *,
    image: Transform,
    document: Transform,
    rich_text: Callable[[str], str],
    rich_text_features: Callable[[list[str] | None], None] | None = None,
) -> Any:
    """Walk a raw (JSON) StreamField value along its block definition and replace every image
    value, document value and rich-text string with what the callbacks return.

    The same walk serves both directions: the exporter passes callbacks that turn ids into
    media references, the importer the reverse. ``raw`` is the JSON Wagtail stores
    (``[{"type", "value", "id"}]`` for a stream); it is not modified.
    """
    if isinstance(block, ImageBlock):
        return image(raw)
    if isinstance(block, ImageChooserBlock):
        return image(raw)
    if isinstance(block, DocumentChooserBlock):
        return document(raw)
    if isinstance(block, blocks.RichTextBlock):
        if rich_text_features is not None:
            # Tell the caller which editor features this block allows before its text.
            rich_text_features(block.features)
        return rich_text(raw) if isinstance(raw, str) else raw
    kwargs = {
        "image": image,
        "document": document,
        "rich_text": rich_text,
        "rich_text_features": rich_text_features,
    }
    if isinstance(block, blocks.BaseStreamBlock):
        if not isinstance(raw, list):
            return raw
        result = []
        for child in raw:
            if not isinstance(child, dict) or child.get("type") not in block.child_blocks:
                result.append(child)
                continue
            child_block = block.child_blocks[child["type"]]
            result.append(
                {**child, "value": transform_stream(child_block, child.get("value"), **kwargs)}
            )
        return result
    if isinstance(block, blocks.ListBlock):
        if not isinstance(raw, list):
            return raw
        result = []
        for item in raw:
            # ListBlock stores [{"type": "item", "value": ..., "id": ...}] (or plain values in
            # the older format).
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                value = transform_stream(block.child_block, item["value"], **kwargs)
                result.append({**item, "value": value})
            else:
                result.append(transform_stream(block.child_block, item, **kwargs))
        return result
    if isinstance(block, blocks.BaseStructBlock):
        if not isinstance(raw, dict):
            return raw
        return {
            name: (
                transform_stream(block.child_blocks[name], value, **kwargs)
                if name in block.child_blocks
                else value
            )
            for name, value in raw.items()
        }
    return raw


# <a ...> opening tags of Wagtail's rich-text link handlers; attributes in any order.
_LINK_RE = re.compile(r"<a\b([^>]*)>", re.IGNORECASE)
_ATTR_RE = re.compile(r'([a-zA-Z_:-]+)="([^"]*)"')


def _attributes(text: str) -> dict[str, str]:
    return {name.lower(): value for name, value in _ATTR_RE.findall(text)}


def _tag(attributes: dict[str, str]) -> str:
    return "<a " + " ".join(f'{name}="{value}"' for name, value in attributes.items()) + ">"


def transform_rich_text_links(
    html: str,
    *,
    document: Callable[[dict[str, str]], dict[str, str]],
    page: Callable[[dict[str, str]], dict[str, str]],
) -> str:
    """Rewrite the attributes of every ``<a linktype="document">`` and ``<a linktype="page">``
    in ``html``; the callbacks get the tag's attributes and return the new ones (for example
    ``id`` swapped for ``media`` or ``ref``). Other links and the text stay as they are."""

    def replace(match: re.Match) -> str:
        attributes = _attributes(match.group(1))
        linktype = attributes.get("linktype")
        if linktype == "document":
            return _tag(document(attributes))
        if linktype == "page":
            return _tag(page(attributes))
        return match.group(0)

    return _LINK_RE.sub(replace, html)


def rich_text_links(html: str) -> list[dict[str, str]]:
    """The attributes of every document and page link in ``html`` (for checks)."""
    links = []
    for match in _LINK_RE.finditer(html):
        attributes = _attributes(match.group(1))
        if attributes.get("linktype") in ("document", "page"):
            links.append(attributes)
    return links


def page_ref(kind: str, key: str) -> str:
    return f"{kind}:{key}"


def split_page_ref(ref: str) -> tuple[str, str] | None:
    kind, sep, key = ref.partition(":")
    return (kind, key) if sep and kind in KINDS else None
