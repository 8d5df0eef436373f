"""Importing a content pack: read it, check it (the dry run), apply it.

* :func:`pack_read` reads a folder or a ``.zip`` into memory, refusing unsafe paths and a pack
  over the limits before anything is extracted.
* :func:`pack_check` is the dry run: every file and field is checked, every reference resolved
  and the plan made (per item: new, changed or unchanged). Errors are collected, in Dutch, with
  the file and the field, so the kernteam can fix a pack in one go.
* :func:`pack_apply` checks again and writes the plan in one transaction through the apps'
  models and services: pages as drafts (or published with ``publish``), questions through the
  quiz engine's version history (:func:`quizzes.services.question_record_edit`), media as
  Wagtail images and documents (one per file content). ``PackItem`` remembers each item's
  object and content checksum, so an unchanged item is not touched: importing a pack twice
  changes nothing the second time.

Order: files are read in pack order (the manifest's ``files`` list), so new modules,
reflections and trends are added to their overview in that order, after the pages already
there, and new lessons in the order of their module file.

What an import leaves alone: a lesson or question that is no longer in the pack stays on the
site (the kernteam unpublishes or deactivates it), a new lesson of an existing module is added
as its last lesson, and an existing page keeps its slug and place in the tree (it is not
moved to match the pack order). A changed final
quiz is changed in place (its settings and draw rules), as the quiz editor does.

The format is ``docs/content-packs.md``; its names and the reference translations shared with
the exporter are in :mod:`modules.contentpacks.format`.
"""

from __future__ import annotations

import copy
import io
import json
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path, PurePosixPath
from typing import Any

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.validators import URLValidator, validate_unicode_slug
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.admin.rich_text.converters.editor_html import DbWhitelister, EditorHTMLConverter
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import features as feature_registry
from wagtail.utils.file import hash_filelike

from accounts.audit import audit_record
from accounts.models import Audience, AuditAction, User
from modules.awareness.models import SessionKind, SessionTemplate
from modules.contentpacks import format as fmt
from modules.contentpacks.models import PackImport, PackItem
from modules.contentpacks.selectors import pack_items
from modules.council.models import ReflectionPage
from modules.learning.models import LessonPage, ModuleIndexPage, ModulePage
from modules.trends.forms import MAX_REFRESHER_QUESTIONS, MIN_REFRESHER_QUESTIONS
from modules.trends.models import TrendIndexPage, TrendPage
from modules.trends.workflow import four_eyes_workflow
from quizzes.choices import FeedbackTiming, QuestionKind, ReviewLevel, Theme
from quizzes.forms import question_rule_errors
from quizzes.models import DrawRule, Option, Question, QuestionPool, Quiz
from quizzes.services import Draw, question_create, question_record_edit, quiz_create

__all__ = [
    "ACTION_CHANGED",
    "ACTION_NEW",
    "ACTION_UNCHANGED",
    "Pack",
    "PackError",
    "PackInvalid",
    "Plan",
    "PlanEntry",
    "Result",
    "pack_apply",
    "pack_check",
    "pack_read",
]

ACTION_NEW = "new"
ACTION_CHANGED = "changed"
ACTION_UNCHANGED = "unchanged"

IMAGE_EXTENSIONS = {"gif", "jpg", "jpeg", "png", "webp"}
# The video block's files; served as attachments like every document.
VIDEO_EXTENSIONS = {"mp4", "webm"}


def _image_extensions() -> set[str]:
    """What an image upload accepts on this site (no SVG: it can carry script)."""
    allowed = getattr(settings, "WAGTAILIMAGES_EXTENSIONS", None)
    return {extension.lower() for extension in allowed} if allowed else IMAGE_EXTENSIONS


def _document_extensions() -> set[str] | None:
    """What a document upload accepts on this site, plus the video block's files; None when
    the site sets no list."""
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    if not allowed:
        return None
    return {extension.lower() for extension in allowed} | VIDEO_EXTENSIONS


# --- errors -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PackError:
    """One problem, said in Dutch: the file, the item inside it (a lesson, a question), the
    field and what is wrong. ``str()`` gives the line the admin and the command show."""

    path: str
    field: str
    message: str
    item: str = ""

    def __str__(self) -> str:
        where = ", ".join(part for part in (self.path or _("the pack"), self.item) if part)
        return (
            f"{where}, {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class PackInvalid(Exception):
    """:func:`pack_apply` refused: the pack has errors (see ``plan.errors``); nothing changed."""

    def __init__(self, plan: Plan):
        super().__init__("; ".join(str(error) for error in plan.errors[:5]))
        self.plan = plan


class _PackWhitelister(DbWhitelister):
    """The editor's whitelist for a field's features, reading the pack's own link form.

    Pack links are ``<a linktype="page" ref="…">`` and ``<a linktype="document" media="…">``
    (docs/content-packs.md); they are kept when the field has that link feature and carry
    only those attributes. Everything else goes through Wagtail's own rules.
    """

    PACK_LINKS = {
        "page": ("link", {"linktype", "ref", "id"}),
        "document": ("document-link", {"linktype", "media", "id"}),
    }

    def __init__(self, converter_rules, features: list[str]):
        super().__init__(converter_rules)
        self.features = set(features)

    def clean_tag_node(self, doc, tag):
        link = self.PACK_LINKS.get(tag.attrs.get("linktype")) if tag.name == "a" else None
        if link and link[0] in self.features and set(tag.attrs) <= link[1]:
            for child in list(tag.contents):
                self.clean_node(doc, child)
            return
        super().clean_tag_node(doc, tag)


def html_refused(html: str, features: list[str] | None) -> str:
    """The first piece of ``html`` the editor's whitelist for ``features`` would drop or
    change, or "" if it keeps everything (harmless re-serialisation aside)."""
    if features is None:
        features = feature_registry.get_default_features()
    converter = EditorHTMLConverter(features=features)
    whitelister = _PackWhitelister(converter.converter_rules, features)
    # Compare both through the same parser, so quoting and entity spelling (the whitelist
    # writes ' as &#x27;) do not count as changes.
    if _normalised(whitelister.clean(html)) == _normalised(html):
        return ""
    for tag in BeautifulSoup(html, "html.parser").find_all(True):
        bare = copy.copy(tag)
        bare.clear()
        if _normalised(whitelister.clean(str(bare))) != _normalised(str(bare)):
            return _opening_tag(tag)
    return html[:80]


def _normalised(html: str) -> str:
    return str(BeautifulSoup(html, "html.parser"))


def _opening_tag(tag) -> str:
    attributes = "".join(f' {name}="{value}"' for name, value in tag.attrs.items())
    return f"<{tag.name}{attributes}>"[:120]


def _item_label(kind: str, key: str) -> str:
    labels = {
        fmt.KIND_LESSON: _('lesson "%(key)s"'),
        fmt.KIND_QUESTION: _('question "%(key)s"'),
    }
    return labels[kind] % {"key": key} if kind in labels else ""


# --- reading ----------------------------------------------------------------------------------


@dataclass
class Pack:
    """A pack's files in memory, by their path inside the pack (``modules/x.json``), and what
    went wrong reading it (checked again, with everything else, by :func:`pack_check`)."""

    name: str
    files: dict[str, bytes]
    errors: list[PackError] = field(default_factory=list)


def _ignored(path: PurePosixPath) -> bool:
    """Files a folder or zip tool adds by itself (``.DS_Store``, ``__MACOSX/``)."""
    return any(part.startswith(".") or part == "__MACOSX" for part in path.parts)


def _unsafe(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return (
        name.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", name) is not None
        or ".." in path.parts
        or "\\" in name
    )


def _limit_errors(sizes: dict[str, int]) -> list[PackError]:
    """The pack's limits, checked on the sizes alone (before reading or extracting)."""
    errors = []
    if len(sizes) > fmt.max_files() + 1:
        errors.append(
            PackError(
                "",
                "",
                _("The pack has %(count)d files; at most %(max)d are allowed.")
                % {"count": len(sizes), "max": fmt.max_files()},
            )
        )
    total = sum(sizes.values())
    if total > fmt.max_pack_bytes():
        errors.append(
            PackError(
                "",
                "",
                _("The pack is %(size)s; at most %(max)s is allowed.")
                % {"size": _megabytes(total), "max": _megabytes(fmt.max_pack_bytes())},
            )
        )
    for name, size in sizes.items():
        limit = fmt.max_media_bytes() if name.startswith(f"{fmt.FOLDER_MEDIA}/") else None
        if limit is not None and size > limit:
            errors.append(
                PackError(
                    name,
                    "",
                    _("This file is %(size)s; a media file may be at most %(max)s.")
                    % {"size": _megabytes(size), "max": _megabytes(limit)},
                )
            )
    return errors


def _megabytes(size: int) -> str:
    return str(filesizeformat(size)).replace("\xa0", " ")


def pack_read(source: Path) -> Pack:
    """Read the pack at ``source`` (a folder, or a ``.zip`` of one) into memory.

    A zip is checked from its table of contents first: no absolute path or ``..``, at most the
    allowed number of files and bytes (in total and per media file). Only then is anything
    read, and never more than each entry claimed to be. A zip of the pack's folder (everything
    under one top folder that holds ``manifest.json``) is read as the folder.
    """
    source = Path(source)
    if source.is_dir():
        return _read_folder(source)
    if source.is_file() and zipfile.is_zipfile(source):
        return _read_zip(source)
    return Pack(
        name=source.name,
        files={},
        errors=[PackError("", "", _("This is not a folder or a zip file of a content pack."))],
    )


def _read_folder(source: Path) -> Pack:
    sizes: dict[str, int] = {}
    errors: list[PackError] = []
    for path in sorted(source.rglob("*")):
        relative = PurePosixPath(path.relative_to(source).as_posix())
        if _ignored(relative) or path.is_dir():
            continue
        if path.is_symlink():
            errors.append(PackError(str(relative), "", _("A pack may not contain links.")))
            continue
        sizes[str(relative)] = path.stat().st_size
    errors += _limit_errors(sizes)
    if errors:
        return Pack(name=source.name, files={}, errors=errors)
    files = {name: (source / name).read_bytes() for name in sizes}
    return Pack(name=source.name, files=files)


def _read_zip(source: Path) -> Pack:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError):
        return Pack(source.name, {}, [PackError("", "", _("The zip file cannot be read."))])
    with archive:
        entries = [info for info in archive.infolist() if not info.is_dir()]
        errors = [
            PackError(info.filename, "", _("A path in the zip file leaves the pack."))
            for info in entries
            if _unsafe(info.filename)
        ]
        if errors:
            return Pack(source.name, {}, errors)
        entries = [info for info in entries if not _ignored(PurePosixPath(info.filename))]
        prefix = _common_folder([info.filename for info in entries])
        named = {info.filename[len(prefix) :]: info for info in entries}
        if len(named) != len(entries):
            return Pack(source.name, {}, [PackError("", "", _("The zip file has a name twice."))])
        errors = _limit_errors({name: info.file_size for name, info in named.items()})
        if errors:
            return Pack(source.name, {}, errors)
        files: dict[str, bytes] = {}
        for name, info in named.items():
            try:
                with archive.open(info) as handle:
                    data = handle.read(info.file_size + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError):
                errors.append(PackError(name, "", _("This file in the zip cannot be read.")))
                continue
            if len(data) > info.file_size:
                errors.append(PackError(name, "", _("This file is larger than the zip says.")))
                continue
            files[name] = data
    return Pack(source.name, files if not errors else {}, errors)


def _common_folder(names: list[str]) -> str:
    """``"pack/"`` when every entry is inside ``pack/`` and ``pack/manifest.json`` exists."""
    if not names or fmt.MANIFEST in names:
        return ""
    first = names[0].split("/", 1)[0] + "/"
    if all(name.startswith(first) for name in names) and first + fmt.MANIFEST in names:
        return first
    return ""


# --- the plan ---------------------------------------------------------------------------------


@dataclass
class PlanEntry:
    kind: str
    key: str
    title: str
    action: str
    # True when the change takes effect at once on import: questions, pools, session
    # templates and a module's existing final quiz are not pages and have no drafts.
    immediate: bool = False


@dataclass
class _Item:
    kind: str
    key: str
    path: str
    data: dict
    checksum: str = ""
    action: str = ACTION_NEW
    existing: PackItem | None = None
    obj: Any = None
    parent_key: str = ""
    # The place of the item's file in the pack order (the manifest's files list).
    position: int = 0

    @property
    def label(self) -> str:
        return _item_label(self.kind, self.key.rsplit("/", 1)[-1])


@dataclass
class Plan:
    """The dry run's outcome: the manifest, per item what would happen, and every error."""

    manifest: dict
    entries: list[PlanEntry]
    errors: list[PackError]
    items: dict[str, dict[str, _Item]] = field(default_factory=dict, repr=False)
    module_index: Page | None = None
    trend_index: Page | None = None

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def pack_key(self) -> str:
        return str(self.manifest.get("key", ""))

    @property
    def title(self) -> str:
        return str(self.manifest.get("title", ""))

    @property
    def version(self) -> str:
        return str(self.manifest.get("version", ""))

    def counts(self) -> dict[str, dict[str, int]]:
        """Per kind (in the format's order) how many items are new, changed, unchanged."""
        counts = {
            kind: {ACTION_NEW: 0, ACTION_CHANGED: 0, ACTION_UNCHANGED: 0} for kind in fmt.KINDS
        }
        for entry in self.entries:
            counts[entry.kind][entry.action] += 1
        return {kind: numbers for kind, numbers in counts.items() if any(numbers.values())}

    def error_lines(self) -> list[str]:
        return [str(error) for error in self.errors]

    @property
    def immediate(self) -> list[PlanEntry]:
        """The changes that take effect at once, not as a draft (docs/content-packs.md)."""
        return [entry for entry in self.entries if entry.immediate]


# Kinds that are snippets, not pages: a change to them is live as soon as it is saved.
IMMEDIATE_KINDS = (fmt.KIND_POOL, fmt.KIND_QUESTION, fmt.KIND_SESSION_TEMPLATE)


def _immediate(item: _Item) -> bool:
    if item.action != ACTION_CHANGED:
        return False
    if item.kind in IMMEDIATE_KINDS:
        return True
    # A changed module rewrites its existing final quiz in place (the page itself is a draft).
    return (
        item.kind == fmt.KIND_MODULE
        and isinstance(item.obj, ModulePage)
        and item.obj.final_quiz_id is not None
        and item.data.get("final_quiz") is not None
    )


@dataclass
class Result:
    """What :func:`pack_apply` did: the plan it followed, the import's log entry, and every
    item's object on this site by (kind, key), unchanged ones included (for the demo loader,
    which assigns and fills the modules it imported)."""

    plan: Plan
    pack_import: PackImport
    counts: dict[str, dict[str, int]]
    objects: dict[tuple[str, str], Any] = field(default_factory=dict)


# --- checking ---------------------------------------------------------------------------------

MODULE_FIELDS = {
    "key",
    "title",
    "slug",
    "intro",
    "learning_goals",
    "estimated_minutes",
    "audience",
    "team_kit",
    "final_quiz",
    "lessons",
}
LESSON_FIELDS = {"key", "title", "slug", "summary", "estimated_minutes", "body"}
QUIZ_FIELDS = {
    "title",
    "intro",
    "pass_mark",
    "max_attempts",
    "retry_wait_minutes",
    "feedback_timing",
    "review_after_fail",
    "review_after_last",
    "review_after_pass",
    "draw",
}
POOL_FIELDS = {"key", "name", "description", "questions"}
QUESTION_FIELDS = {
    "key",
    "kind",
    "theme",
    "scenario",
    "text",
    "explanation",
    "is_active",
    "source",
    "source_note",
    "options",
}
TREND_FIELDS = {
    "key",
    "title",
    "slug",
    "theme",
    "summary",
    "body",
    "signals",
    "sources",
    "audience",
    "refresher",
    "review_after_days",
}
# A trend's source: exactly the fields of modules.trends.models.SourceBlock.
SOURCE_FIELDS = {"title", "publisher", "url"}
SESSION_FIELDS = {
    "key",
    "title",
    "kind",
    "theme",
    "description",
    "duration_minutes",
    "capacity",
    "led_by",
    "audience",
}
REFLECTION_FIELDS = {"key", "title", "slug", "intro", "statements", "audience"}
MANIFEST_FIELDS = {
    "format",
    "format_version",
    "key",
    "title",
    "version",
    "language",
    "source",
    "licence",
    "description",
    "files",
}

_MISSING = object()


class _Fields:
    """Typed reads of one JSON object's fields, reporting every problem against the file, the
    item and the field (``prefix`` names the place inside the item, like ``options[2].``)."""

    def __init__(
        self,
        checker: _Checker,
        *,
        path: str,
        data: Any,
        allowed: set[str],
        item: str = "",
        prefix: str = "",
    ):
        self.checker, self.path, self.item, self.prefix = checker, path, item, prefix
        self.data = data if isinstance(data, dict) else {}
        if not isinstance(data, dict):
            self.error("", _("This must be a JSON object."))
        for name in sorted(set(self.data) - allowed):
            self.error(name, _("This field is unknown in format version 1."))

    def error(self, name: str, message: str) -> None:
        name = f"{self.prefix}{name}" if name else self.prefix.rstrip(".")
        self.checker.error(self.path, name, message, item=self.item)

    def _get(self, name: str, default: Any) -> Any:
        value = self.data.get(name, _MISSING)
        if value is _MISSING:
            if default is _MISSING:
                self.error(name, _("This field is missing."))
            return default
        return value

    def text(
        self, name: str, *, max_length: int | None = None, blank: bool = False, default=_MISSING
    ) -> str:
        value = self._get(name, default)
        if value is _MISSING or (value is None and default is not _MISSING):
            return ""
        if not isinstance(value, str):
            self.error(name, _("This must be text."))
            return ""
        if not blank and not value.strip():
            self.error(name, _("This may not be empty."))
        if max_length is not None and len(value) > max_length:
            self.error(
                name,
                _("This is %(length)d characters long; at most %(max)d are allowed.")
                % {"length": len(value), "max": max_length},
            )
        return value

    def integer(
        self, name: str, *, minimum: int = 0, maximum: int | None = None, nullable=False
    ) -> int | None:
        value = self._get(name, _MISSING)
        if value is _MISSING or (value is None and nullable):
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(name, _("This must be a whole number."))
            return None
        if value < minimum or (maximum is not None and value > maximum):
            if maximum is None:
                message = _("This must be at least %(min)d.") % {"min": minimum}
            else:
                message = _("This must be from %(min)d to %(max)d.") % {
                    "min": minimum,
                    "max": maximum,
                }
            self.error(name, message)
            return None
        return value

    def boolean(self, name: str) -> bool:
        value = self._get(name, _MISSING)
        if not isinstance(value, bool):
            if value is not _MISSING:
                self.error(name, _("This must be true or false."))
            return False
        return value

    def choice(self, name: str, choices: Iterable[str], *, blank: bool = False) -> str:
        value = self._get(name, _MISSING)
        allowed = list(choices)
        if value == "" and blank:
            return ""
        if value not in allowed:
            if value is not _MISSING:
                self.error(
                    name,
                    _("%(value)s is not allowed here; choose from: %(choices)s.")
                    % {
                        "value": json.dumps(value, ensure_ascii=False),
                        "choices": ", ".join(allowed),
                    },
                )
            return ""
        return value

    def array(self, name: str) -> list:
        value = self._get(name, _MISSING)
        if not isinstance(value, list):
            if value is not _MISSING:
                self.error(name, _("This must be a list."))
            return []
        return value

    def slug(self, name: str) -> str:
        value = self.text(name, max_length=255)
        if value:
            try:
                validate_unicode_slug(value)
            except ValidationError:
                self.error(
                    name,
                    _("A slug has only letters, digits, hyphens and underscores."),
                )
        return value


class _Rollback(Exception):
    """Leaves the dry run's savepoint (the stand-in media used to check blocks)."""


class _Checker:
    def __init__(self, pack: Pack, *, module_index: Page | None, trend_index: Page | None):
        self.pack = pack
        self.errors: list[PackError] = list(pack.errors)
        self.module_index = module_index
        self.trend_index = trend_index
        self.manifest: dict = {}
        # The files in pack order: as manifest.json lists them (docs/content-packs.md).
        self.listed: list[str] = []
        self.items: dict[str, dict[str, _Item]] = {kind: {} for kind in fmt.KINDS}
        self.media: dict[str, bytes] = {}
        self.audience_names: set[str] = set()
        self.audiences: dict[str, Audience] = {}
        # (path, item label, field, block, raw value) of every StreamField value, checked last.
        self.streams: list[tuple[str, str, str, Any, Any]] = []
        # (path, item label, field, html, editor features) of every rich-text value.
        self.html: list[tuple[str, str, str, str, list[str] | None]] = []

    def error(self, path: str, field_name: str, message: str, *, item: str = "") -> None:
        self.errors.append(PackError(path, field_name, message, item))

    # The whole check. Stand-in media (rolled back) let Wagtail's own block validation run.
    def run(self) -> Plan:
        if self.pack.files or not self.pack.errors:
            self._check()
        entries = [
            PlanEntry(kind, item.key, _title(item), item.action, _immediate(item))
            for kind in fmt.KINDS
            for item in self.items[kind].values()
        ]
        return Plan(
            manifest=self.manifest,
            entries=entries,
            errors=self.errors,
            items=self.items,
            module_index=self.module_index,
            trend_index=self.trend_index,
        )

    def _check(self) -> None:
        if not self._check_manifest():
            return
        # In pack order, so items (and the new pages made from them) keep the manifest's
        # order; files it does not list (already an error) after them.
        unlisted = sorted(set(self.pack.files) - set(self.listed) - {fmt.MANIFEST})
        for position, path in enumerate([*self.listed, *unlisted]):
            if path not in self.pack.files:
                continue
            folder, _sep, name = path.partition("/")
            if folder == fmt.FOLDER_MEDIA:
                if not fmt.is_safe_media_name(name):
                    self.error(path, "", _("A media file is a plain file name in media/."))
                else:
                    self.media[name] = self.pack.files[path]
                continue
            if folder not in fmt.FOLDER_KINDS or "/" in name or not name.endswith(".json"):
                self.error(
                    path,
                    "",
                    _(
                        "This file does not belong in a pack. Items are in modules/, pools/, "
                        "trends/, sessions/ or reflections/, one JSON file each."
                    ),
                )
                continue
            try:
                data = json.loads(self.pack.files[path].decode("utf-8"))
            # RecursionError: nested too deeply (a crafted file); ValueError covers the rest.
            except (UnicodeDecodeError, ValueError, RecursionError) as problem:
                self.error(
                    path,
                    "",
                    _("This is not valid UTF-8 JSON (%(problem)s).") % {"problem": problem},
                )
                continue
            self._item_file(folder, path, name.removesuffix(".json"), data, position)
        self._check_references()
        self._check_audiences()
        self._check_parents()
        self._resolve_existing()
        self._check_slugs()
        self._check_pool_names()
        self._check_media()
        self._check_streams()
        self._check_model_rules()
        self._check_draw_fill()

    # --- manifest and files

    def _check_manifest(self) -> bool:
        raw = self.pack.files.get(fmt.MANIFEST)
        if raw is None:
            self.error(fmt.MANIFEST, "", _("The pack has no manifest.json."))
            return False
        try:
            manifest = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as problem:
            self.error(
                fmt.MANIFEST,
                "",
                _("This is not valid UTF-8 JSON (%(problem)s).") % {"problem": problem},
            )
            return False
        fields = _Fields(self, path=fmt.MANIFEST, data=manifest, allowed=MANIFEST_FIELDS)
        if fields.data.get("format") != fmt.FORMAT:
            fields.error("format", _('This must be "%(format)s".') % {"format": fmt.FORMAT})
        if fields.data.get("format_version") != fmt.FORMAT_VERSION:
            fields.error(
                "format_version",
                _("This site reads format version %(version)d; the pack has %(found)s.")
                % {
                    "version": fmt.FORMAT_VERSION,
                    "found": json.dumps(fields.data.get("format_version")),
                },
            )
            return False
        key = fields.text("key", max_length=80)
        if key and not fmt.is_valid_key(key):
            fields.error("key", _key_message())
        fields.text("title", max_length=255)
        fields.text("version", max_length=80)
        if fields.data.get("language") != "nl":
            fields.error("language", _('This must be "nl".'))
        fields.text("source", blank=True)
        fields.text("licence", max_length=255)
        fields.text("description", blank=True, default="")
        self.manifest = fields.data
        listed: dict[str, str] = {}
        for position, entry in enumerate(fields.array("files")):
            entry_fields = _Fields(
                self,
                path=fmt.MANIFEST,
                data=entry,
                allowed={"path", "sha256"},
                prefix=f"files[{position}].",
            )
            path, checksum = entry_fields.text("path"), entry_fields.text("sha256")
            if not path:
                continue
            if path in listed:
                entry_fields.error("path", _("%(path)s is listed twice.") % {"path": path})
            listed[path] = checksum
        for path, checksum in listed.items():
            if path not in self.pack.files:
                self.error(path, "", _("This file is listed in manifest.json but missing."))
            elif fmt.sha256_of(self.pack.files[path]) != checksum:
                self.error(path, "", _("The checksum in manifest.json does not match this file."))
        for path in sorted(set(self.pack.files) - set(listed) - {fmt.MANIFEST}):
            self.error(path, "", _("This file is not listed in manifest.json."))
        self.listed = [path for path in listed if path != fmt.MANIFEST]
        return bool(key) and fmt.is_valid_key(key)

    # --- items

    def _item_file(self, folder: str, path: str, stem: str, data: Any, position: int) -> None:
        kind = fmt.FOLDER_KINDS[folder]
        key = data.get("key") if isinstance(data, dict) else None
        if not fmt.is_valid_key(stem):
            self.error(path, "", _key_message())
            return
        if key != stem:
            self.error(
                path,
                "key",
                _('The key must be the file name without .json: "%(stem)s".') % {"stem": stem},
            )
            return
        item = _Item(
            kind=kind,
            key=key,
            path=path,
            data=data if isinstance(data, dict) else {},
            position=position,
        )
        check = {
            fmt.KIND_MODULE: self._module,
            fmt.KIND_POOL: self._pool,
            fmt.KIND_TREND: self._trend,
            fmt.KIND_SESSION_TEMPLATE: self._session,
            fmt.KIND_REFLECTION: self._reflection,
        }[kind]
        check(item, data)

    def _add(self, item: _Item, checksum_data: dict) -> None:
        item.checksum = fmt.content_checksum(
            {"item": checksum_data, "media": self._media_checksums(checksum_data)}
        )
        self.items[item.kind][item.key] = item

    def _media_checksums(self, data: Any) -> dict[str, str]:
        names = set(_media_names(data))
        return {
            name: fmt.sha256_of(self.pack.files[f"{fmt.FOLDER_MEDIA}/{name}"])
            for name in sorted(names)
            if f"{fmt.FOLDER_MEDIA}/{name}" in self.pack.files
        }

    def _audience(self, fields: _Fields) -> None:
        value = fields._get("audience", _MISSING)
        if value is None or value is _MISSING:
            return
        if not isinstance(value, str) or not value.strip():
            fields.error("audience", _("This is the name of an audience, or null."))
            return
        self.audience_names.add(value)

    def _module(self, item: _Item, data: Any) -> None:
        fields = _Fields(self, path=item.path, data=data, allowed=MODULE_FIELDS)
        fields.text("title", max_length=255)
        fields.slug("slug")
        self._html(item.path, "", "intro", fields.text("intro"), ModulePage, "intro")
        fields.text("learning_goals")
        fields.integer("estimated_minutes", minimum=1, maximum=32767)
        self._audience(fields)
        self._stream(item.path, "", "team_kit", ModulePage, "team_kit", fields.array("team_kit"))
        quiz = fields._get("final_quiz", _MISSING)
        if quiz is not None and quiz is not _MISSING:
            self._quiz(item.path, quiz)
        self._add(item, {name: value for name, value in fields.data.items() if name != "lessons"})
        slugs: set[str] = set()
        for position, lesson in enumerate(fields.array("lessons")):
            lesson_key = lesson.get("key") if isinstance(lesson, dict) else None
            if not fmt.is_valid_key(lesson_key):
                self.error(item.path, f"lessons[{position}].key", _key_message())
                continue
            full_key = fmt.lesson_key(item.key, lesson_key)
            label = _item_label(fmt.KIND_LESSON, lesson_key)
            if full_key in self.items[fmt.KIND_LESSON]:
                self.error(item.path, "key", _("This key is used twice."), item=label)
                continue
            lesson_fields = _Fields(
                self, path=item.path, data=lesson, allowed=LESSON_FIELDS, item=label
            )
            lesson_fields.text("title", max_length=255)
            slug = lesson_fields.slug("slug")
            if slug in slugs:
                lesson_fields.error("slug", _("Two lessons of this module have this slug."))
            slugs.add(slug)
            lesson_fields.text("summary", max_length=250, blank=True)
            lesson_fields.integer("estimated_minutes", minimum=1, maximum=32767)
            self._stream(item.path, label, "body", LessonPage, "body", lesson_fields.array("body"))
            lesson_item = _Item(
                kind=fmt.KIND_LESSON,
                key=full_key,
                path=item.path,
                data=lesson_fields.data,
                parent_key=item.key,
            )
            self._add(lesson_item, lesson_fields.data)

    def _quiz(self, path: str, quiz: Any) -> None:
        fields = _Fields(self, path=path, data=quiz, allowed=QUIZ_FIELDS, prefix="final_quiz.")
        fields.text("title", max_length=150)
        fields.text("intro", blank=True)
        fields.integer("pass_mark", minimum=1, maximum=100)
        fields.integer("max_attempts", minimum=1, maximum=32767, nullable=True)
        fields.integer("retry_wait_minutes", minimum=0)
        timing = fields.choice("feedback_timing", FeedbackTiming.values)
        after_fail = fields.choice("review_after_fail", ReviewLevel.values)
        fields.choice("review_after_last", ReviewLevel.values)
        fields.choice("review_after_pass", ReviewLevel.values)
        if timing == FeedbackTiming.AFTER_EACH_QUESTION and after_fail and after_fail != "full":
            fields.error(
                "feedback_timing",
                _(
                    "Feedback after each question shows the right answers during the attempt. "
                    "Choose it only when a failed attempt may show the right answers too."
                ),
            )
        seen: set[tuple[str, str]] = set()
        for position, rule in enumerate(fields.array("draw")):
            rule_fields = _Fields(
                self,
                path=path,
                data=rule,
                allowed={"pool", "theme", "count"},
                prefix=f"final_quiz.draw[{position}].",
            )
            pool = rule_fields.text("pool")
            theme = rule_fields.choice("theme", Theme.values, blank=True)
            rule_fields.integer("count", minimum=1, maximum=32767)
            if (pool, theme) in seen:
                rule_fields.error("pool", _("Two draw rules take the same pool and theme."))
            seen.add((pool, theme))

    def _pool(self, item: _Item, data: Any) -> None:
        fields = _Fields(self, path=item.path, data=data, allowed=POOL_FIELDS)
        fields.text("name", max_length=100)
        fields.text("description", blank=True)
        self._add(item, {name: value for name, value in fields.data.items() if name != "questions"})
        for position, question in enumerate(fields.array("questions")):
            question_key = question.get("key") if isinstance(question, dict) else None
            if not fmt.is_valid_key(question_key):
                self.error(item.path, f"questions[{position}].key", _key_message())
                continue
            full_key = fmt.question_key(item.key, question_key)
            label = _item_label(fmt.KIND_QUESTION, question_key)
            if full_key in self.items[fmt.KIND_QUESTION]:
                self.error(item.path, "key", _("This key is used twice."), item=label)
                continue
            self._question(item, full_key, label, question)

    def _question(self, pool: _Item, full_key: str, label: str, data: dict) -> None:
        fields = _Fields(self, path=pool.path, data=data, allowed=QUESTION_FIELDS, item=label)
        kind = fields.choice("kind", QuestionKind.values)
        fields.choice("theme", Theme.values)
        scenario = fields.text("scenario", blank=True)
        fields.text("text", max_length=300)
        fields.text("explanation", blank=True)
        active = fields.boolean("is_active")
        fields.text("source_note", max_length=250, blank=True)
        source = fields._get("source", _MISSING)
        if source is _MISSING:
            pass
        elif source is None:
            if active:
                fields.error(
                    "source",
                    _("A question in use needs a source: the lesson or trend that teaches it."),
                )
        elif not (
            isinstance(source, dict)
            and len(source) == 1
            and isinstance(next(iter(source.values())), str)
            and next(iter(source)) in ("lesson", "trend")
        ):
            fields.error(
                "source",
                _('This is {"lesson": "<module>/<lesson>"}, {"trend": "<key>"} or null.'),
            )
        options = []
        for position, option in enumerate(fields.array("options")):
            option_fields = _Fields(
                self,
                path=pool.path,
                data=option,
                allowed={"text", "correct", "feedback"},
                item=label,
                prefix=f"options[{position}].",
            )
            options.append(
                {
                    "text": option_fields.text("text", max_length=250),
                    "correct": option_fields.boolean("correct"),
                    "feedback": option_fields.text("feedback", blank=True, default=""),
                }
            )
        if kind:
            for message in question_rule_errors(kind=kind, scenario=scenario, options=options):
                fields.error("options", str(message))
        question = _Item(
            kind=fmt.KIND_QUESTION,
            key=full_key,
            path=pool.path,
            data=fields.data,
            parent_key=pool.key,
        )
        self._add(question, fields.data)

    def _trend(self, item: _Item, data: Any) -> None:
        fields = _Fields(self, path=item.path, data=data, allowed=TREND_FIELDS)
        fields.text("title", max_length=255)
        fields.slug("slug")
        fields.choice("theme", Theme.values)
        fields.text("summary", max_length=250)
        self._stream(item.path, "", "body", TrendPage, "body", fields.array("body"))
        for position, signal in enumerate(fields.array("signals")):
            if not isinstance(signal, str) or not signal.strip() or len(signal) > 150:
                self.error(
                    item.path,
                    f"signals[{position}]",
                    _("A signal is a short text of at most 150 characters."),
                )
        for position, source in enumerate(fields.array("sources")):
            source_fields = _Fields(
                self,
                path=item.path,
                data=source,
                allowed=SOURCE_FIELDS,
                prefix=f"sources[{position}].",
            )
            source_fields.text("title", max_length=250)
            source_fields.text("publisher", max_length=150, blank=True, default="")
            url = source_fields.text("url", blank=True, default="")
            if url:
                try:
                    URLValidator()(url)
                except ValidationError:
                    source_fields.error("url", _("This is not a valid web address."))
        self._audience(fields)
        refresher = fields._get("refresher", _MISSING)
        if refresher not in (None, _MISSING) and not isinstance(refresher, str):
            fields.error("refresher", _("This is the key of a module in this pack, or null."))
        fields.integer("review_after_days", minimum=1, maximum=3650)
        self._add(item, fields.data)

    def _session(self, item: _Item, data: Any) -> None:
        fields = _Fields(self, path=item.path, data=data, allowed=SESSION_FIELDS)
        fields.text("title", max_length=255)
        fields.choice("kind", SessionKind.values)
        fields.choice("theme", Theme.values)
        self._html(
            item.path, "", "description", fields.text("description"), SessionTemplate, "description"
        )
        fields.integer("duration_minutes", minimum=15, maximum=32767)
        fields.integer("capacity", minimum=1, maximum=32767)
        fields.text("led_by", max_length=150, blank=True)
        self._audience(fields)
        self._add(item, fields.data)

    def _reflection(self, item: _Item, data: Any) -> None:
        fields = _Fields(self, path=item.path, data=data, allowed=REFLECTION_FIELDS)
        fields.text("title", max_length=255)
        fields.slug("slug")
        self._html(item.path, "", "intro", fields.text("intro"), ReflectionPage, "intro")
        self._stream(
            item.path, "", "statements", ReflectionPage, "statements", fields.array("statements")
        )
        self._audience(fields)
        self._add(item, fields.data)

    def _html(self, path: str, label: str, name: str, html: str, model, field_name: str) -> None:
        if html:
            features = model._meta.get_field(field_name).features
            self.html.append((path, label, name, html, features))

    def _stream(self, path: str, label: str, name: str, model, field_name: str, raw: list) -> None:
        block = model._meta.get_field(field_name).stream_block
        self.streams.append((path, label, name, block, raw))

    # --- references

    def _check_references(self) -> None:
        pools, lessons = self.items[fmt.KIND_POOL], self.items[fmt.KIND_LESSON]
        modules, trends = self.items[fmt.KIND_MODULE], self.items[fmt.KIND_TREND]
        for module in modules.values():
            quiz = module.data.get("final_quiz")
            if not isinstance(quiz, dict):
                continue
            for position, rule in enumerate(quiz.get("draw") or []):
                pool_key = rule.get("pool") if isinstance(rule, dict) else None
                if isinstance(pool_key, str) and pool_key and pool_key not in pools:
                    self.error(
                        module.path,
                        f"final_quiz.draw[{position}].pool",
                        _('There is no pool "%(key)s" in this pack.') % {"key": pool_key},
                    )
        for question in self.items[fmt.KIND_QUESTION].values():
            source = question.data.get("source")
            if not isinstance(source, dict) or len(source) != 1:
                continue
            ((kind, key),) = source.items()
            if kind == "lesson" and key not in lessons:
                self.error(
                    question.path,
                    "source",
                    _('There is no lesson "%(key)s" in this pack.') % {"key": key},
                    item=question.label,
                )
            if kind == "trend" and key not in trends:
                self.error(
                    question.path,
                    "source",
                    _('There is no trend "%(key)s" in this pack.') % {"key": key},
                    item=question.label,
                )
        for trend in trends.values():
            refresher = trend.data.get("refresher")
            if not isinstance(refresher, str):
                continue
            module = modules.get(refresher)
            if module is None:
                self.error(
                    trend.path,
                    "refresher",
                    _('There is no module "%(key)s" in this pack.') % {"key": refresher},
                )
                continue
            message = self._refresher_error(module)
            if message:
                self.error(trend.path, "refresher", message)
        for path, label, name, html, features in self.html:
            self._check_links(path, label, name, html)
            self._check_whitelist(path, label, name, html, features)

    def _refresher_error(self, module: _Item) -> str | None:
        """The trend editor's rule (:func:`modules.trends.forms.refresher_error`) on the pack's
        data: no lessons, a final quiz with two to five questions."""
        quiz = module.data.get("final_quiz")
        rules = quiz.get("draw") if isinstance(quiz, dict) else None
        count = sum(
            rule.get("count")
            for rule in rules or []
            if isinstance(rule, dict) and isinstance(rule.get("count"), int)
        )
        if not MIN_REFRESHER_QUESTIONS <= count <= MAX_REFRESHER_QUESTIONS:
            return _(
                "A refresher needs a final quiz with two to five questions; this one has %(count)d."
            ) % {"count": count}
        if module.data.get("lessons"):
            return _("A refresher is only a quiz: choose a module without lessons.")
        return None

    def _check_whitelist(
        self, path: str, label: str, name: str, html: str, features: list[str] | None
    ) -> None:
        """Refuse rich text the editor would not keep (scripts, event attributes, javascript:
        links, iframes, forms): the text reaches learners as it is, and cleaning it silently
        would break the byte-identical round trip."""
        refused = html_refused(html, features)
        if refused:
            self.error(
                path,
                name,
                _("This field has HTML the editor does not allow: %(html)s") % {"html": refused},
                item=label,
            )

    def _check_links(self, path: str, label: str, name: str, html: str) -> None:
        for link in fmt.rich_text_links(html):
            if link["linktype"] == "document":
                media = link.get("media")
                if media is None:
                    self.error(
                        path, name, _('A document link names its file with media="…".'), item=label
                    )
                elif media not in self.media:
                    self.error(
                        path,
                        name,
                        _("The file media/%(name)s is not in this pack.") % {"name": media},
                        item=label,
                    )
                elif not _document_allowed(media):
                    self.error(path, name, _document_refused(media), item=label)
            else:
                ref = fmt.split_page_ref(link.get("ref", ""))
                if ref is None or ref[1] not in self.items[ref[0]]:
                    self.error(
                        path,
                        name,
                        _(
                            'A page link names a page of this pack with ref="<kind>:<key>"; '
                            '"%(ref)s" is not one.'
                        )
                        % {"ref": link.get("ref", link.get("id", ""))},
                        item=label,
                    )

    def _check_audiences(self) -> None:
        self.audiences = {
            audience.name: audience
            for audience in Audience.objects.filter(name__in=self.audience_names)
        }
        known = set(self.audiences)
        for kind in (
            fmt.KIND_MODULE,
            fmt.KIND_TREND,
            fmt.KIND_SESSION_TEMPLATE,
            fmt.KIND_REFLECTION,
        ):
            for item in self.items[kind].values():
                name = item.data.get("audience")
                if isinstance(name, str) and name.strip() and name not in known:
                    self.error(
                        item.path,
                        "audience",
                        _(
                            'There is no audience "%(name)s" on this site. Make it first, or '
                            "edit the pack."
                        )
                        % {"name": name},
                    )

    def _check_parents(self) -> None:
        if self.items[fmt.KIND_MODULE] or self.items[fmt.KIND_REFLECTION]:
            self.module_index = self.module_index or _only(ModuleIndexPage)
            if self.module_index is None:
                self.error(
                    "",
                    "",
                    _(
                        "This site needs exactly one modules overview page for the modules of the "
                        "pack."
                    ),
                )
        if self.items[fmt.KIND_TREND]:
            self.trend_index = self.trend_index or _only(TrendIndexPage)
            if self.trend_index is None:
                self.error(
                    "",
                    "",
                    _(
                        "This site needs exactly one trends overview page for the trends of the "
                        "pack."
                    ),
                )

    # --- what exists already

    def _resolve_existing(self) -> None:
        remembered = pack_items(pack_key=self.manifest["key"])
        objects: dict[str, dict[int, Any]] = {}
        for kind, model in _MODELS.items():
            ids = [
                item.object_id
                for (item_kind, _key), item in remembered.items()
                if item_kind == kind
            ]
            objects[kind] = model.objects.in_bulk(ids) if ids else {}
        for kind, items in self.items.items():
            for item in items.values():
                existing = remembered.get((kind, item.key))
                obj = objects[kind].get(existing.object_id) if existing else None
                item.existing, item.obj = existing, obj
                if obj is None:
                    item.action = ACTION_NEW
                elif existing.checksum == item.checksum:
                    item.action = ACTION_UNCHANGED
                else:
                    item.action = ACTION_CHANGED

    def _check_slugs(self) -> None:
        """A new page's slug must be free among its future siblings (a changed page keeps its
        slug, as the kernteam may have renamed it)."""
        self._check_sibling_slugs(
            self.module_index,
            [
                item
                for kind in (fmt.KIND_MODULE, fmt.KIND_REFLECTION)
                for item in self.items[kind].values()
            ],
        )
        self._check_sibling_slugs(self.trend_index, list(self.items[fmt.KIND_TREND].values()))
        lessons_by_module: dict[str, list[_Item]] = {}
        for lesson in self.items[fmt.KIND_LESSON].values():
            lessons_by_module.setdefault(lesson.parent_key, []).append(lesson)
        for module_key, lessons in lessons_by_module.items():
            module = self.items[fmt.KIND_MODULE].get(module_key)
            self._check_sibling_slugs(module.obj if module else None, lessons)

    def _check_sibling_slugs(self, parent: Page | None, items: list[_Item]) -> None:
        new = [
            item
            for item in items
            if item.action == ACTION_NEW and isinstance(item.data.get("slug"), str)
        ]
        if not new:
            return
        taken = set(parent.get_children().values_list("slug", flat=True)) if parent else set()
        kept = {item.data.get("slug") for item in items if item.action != ACTION_NEW}
        seen: set[str] = set()
        for item in new:
            slug = item.data["slug"]
            if slug in taken or slug in seen or slug in kept:
                self.error(
                    item.path,
                    "slug",
                    _('The slug "%(slug)s" is already used by another page here.') % {"slug": slug},
                    item=item.label,
                )
            seen.add(slug)

    def _check_pool_names(self) -> None:
        names: dict[str, _Item] = {}
        for pool in self.items[fmt.KIND_POOL].values():
            name = pool.data.get("name")
            if not isinstance(name, str):
                continue
            if name in names:
                self.error(pool.path, "name", _("Two pools of this pack have this name."))
            names[name] = pool
        own = {pool.obj.pk for pool in names.values() if pool.obj is not None}
        for existing in QuestionPool.objects.filter(name__in=names).exclude(pk__in=own):
            pool = names[existing.name]
            self.error(
                pool.path,
                "name",
                _('The site already has a pool "%(name)s" that did not come from this pack.')
                % {"name": existing.name},
            )

    def _check_model_rules(self) -> None:
        """The model's own rules (``clean``) for a session template, for instance that a
        casustafel is for an audience, on an unsaved copy of what the import would write."""
        for item in self.items[fmt.KIND_SESSION_TEMPLATE].values():
            data = item.data
            name = data.get("audience")
            template = SessionTemplate(
                kind=data.get("kind") or "",
                audience=self.audiences.get(name) if isinstance(name, str) else None,
            )
            try:
                template.clean()
            except ValidationError as error:
                for problem in _validation_errors(error):
                    self.error(item.path, problem.field, problem.message)

    def _check_draw_fill(self) -> None:
        """The question bank's ``unfillable_rule`` (:mod:`quizzes.bank_check`) on the pools as
        they would be after the import: a draw rule may not ask for more active questions of
        its pool and theme than the pool holds. Questions the pool has outside this pack
        count too (the import never removes a question from a pool)."""
        pools, questions = self.items[fmt.KIND_POOL], self.items[fmt.KIND_QUESTION]
        in_pack: dict[str, list[dict]] = {key: [] for key in pools}
        for question in questions.values():
            if question.parent_key in in_pack and question.data.get("is_active", True) is True:
                in_pack[question.parent_key].append(question.data)
        pack_question_ids = {q.obj.pk for q in questions.values() if q.obj is not None}
        pool_ids = {pool.obj.pk: key for key, pool in pools.items() if pool.obj is not None}
        others: dict[tuple[str, str], int] = {}
        if pool_ids:
            rows = (
                Question.pools.through.objects.filter(
                    questionpool_id__in=pool_ids, question__is_active=True
                )
                .exclude(question_id__in=pack_question_ids)
                .values_list("questionpool_id", "question__theme")
            )
            for pool_id, theme in rows:
                key = pool_ids[pool_id]
                others[(key, theme)] = others.get((key, theme), 0) + 1
                others[(key, "")] = others.get((key, ""), 0) + 1
        for module in self.items[fmt.KIND_MODULE].values():
            quiz = module.data.get("final_quiz")
            if not isinstance(quiz, dict) or not isinstance(quiz.get("draw"), list):
                continue
            for position, rule in enumerate(quiz["draw"]):
                if not isinstance(rule, dict):
                    continue
                pool, theme, count = rule.get("pool"), rule.get("theme") or "", rule.get("count")
                if pool not in in_pack or not isinstance(count, int) or not isinstance(theme, str):
                    continue
                available = others.get((pool, theme), 0) + sum(
                    1 for data in in_pack[pool] if not theme or data.get("theme") == theme
                )
                if count > available:
                    self.error(
                        module.path,
                        f"final_quiz.draw[{position}].count",
                        _(
                            'This rule asks for %(count)d questions from pool "%(pool)s", but '
                            "after the import it holds only %(available)d active ones."
                        )
                        % {"count": count, "pool": pool, "available": available},
                    )

    # --- media and blocks

    def _check_media(self) -> None:
        for name, data in self.media.items():
            if _extension(name) in _image_extensions():
                # Pillow must recognise the file (its header); Wagtail reads it later.
                try:
                    with PILImage.open(io.BytesIO(data)) as image:
                        image.size  # noqa: B018 (reading the header is the check)
                except Exception:  # Pillow raises many kinds of error for a bad file
                    self.error(f"{fmt.FOLDER_MEDIA}/{name}", "", _("This image cannot be read."))

    def _check_streams(self) -> None:
        if not self.streams:
            return
        try:
            with transaction.atomic():
                stand_ins = _StandIns()
                for path, label, name, block, raw in self.streams:
                    self._check_stream(path, label, name, block, raw, stand_ins)
                raise _Rollback
        except _Rollback:
            pass

    def _check_stream(self, path, label, name, block, raw, stand_ins: _StandIns) -> None:
        problems: list[str] = []

        def image(value):
            media = self._media_ref(value, problems, image=True)
            if media is None:
                return None
            return {
                "image": stand_ins.image().pk,
                "alt_text": value.get("alt") or "",
                "decorative": bool(value.get("decorative", False)),
            }

        def document(value):
            media = self._media_ref(value, problems, image=False)
            return stand_ins.document(_extension(media)).pk if media is not None else None

        features: list[list[str] | None] = [None]

        def rich_text_features(block_features: list[str] | None) -> None:
            features[0] = block_features

        def rich_text(html: str) -> str:
            self._check_links(path, label, name, html)
            self._check_whitelist(path, label, name, html, features[0])
            return html

        if not isinstance(raw, list):
            return
        converted = fmt.transform_stream(
            block,
            raw,
            image=image,
            document=document,
            rich_text=rich_text,
            rich_text_features=rich_text_features,
        )
        for problem in problems:
            self.error(path, name, problem, item=label)
        try:
            value = block.to_python(converted)
            block.clean(value)
        except ValidationError as error:
            for place, message in _block_errors(error, name):
                self.error(path, place, message, item=label)
        except (TypeError, KeyError, AttributeError, ValueError):
            self.error(
                path, name, _("This is not a StreamField value of the right blocks."), item=label
            )

    def _media_ref(self, value, problems: list[str], *, image: bool) -> str | None:
        if not fmt.is_media_ref(value):
            problems.append(_('A picture or document is written as {"media": "<file name>", …}.'))
            return None
        name = value["media"]
        if name not in self.media:
            problems.append(_("The file media/%(name)s is not in this pack.") % {"name": name})
            return None
        if image and _extension(name) not in _image_extensions():
            problems.append(_("media/%(name)s is not an image.") % {"name": name})
            return None
        if not image and not _document_allowed(name):
            problems.append(_document_refused(name))
            return None
        return name


class _StandIns:
    """Images and documents with no file behind them, only inside the dry run's savepoint, so
    Wagtail's own block validation can run on values that name media not yet on the site. A
    document stand-in has the media file's extension (a video's captions must be .vtt)."""

    def __init__(self):
        self._image = None
        self._documents: dict[str, Any] = {}

    def image(self):
        if self._image is None:
            self._image = get_image_model().objects.create(
                title="check", file="contentpacks-check.png", width=1, height=1
            )
        return self._image

    def document(self, extension: str):
        if extension not in self._documents:
            name = f"contentpacks-check.{extension}" if extension else "contentpacks-check"
            self._documents[extension] = get_document_model().objects.create(
                title="check", file=name
            )
        return self._documents[extension]


def _block_errors(error: ValidationError, place: str) -> list[tuple[str, str]]:
    """Wagtail's nested block errors as (``body[2].image``, message) pairs."""
    found: list[tuple[str, str]] = []
    block_errors = getattr(error, "block_errors", None)
    non_block = getattr(error, "non_block_errors", None)
    if non_block:
        found += [(place, str(message)) for message in non_block]
    if block_errors:
        items = block_errors.items() if isinstance(block_errors, dict) else enumerate(block_errors)
        for key, child in items:
            if child is None:
                continue
            sub = f"{place}[{key}]" if isinstance(key, int) else f"{place}.{key}"
            if isinstance(child, ValidationError):
                found += _block_errors(child, sub)
            elif isinstance(child, list):
                for entry in child:
                    found += (
                        _block_errors(entry, sub)
                        if isinstance(entry, ValidationError)
                        else [(sub, str(entry))]
                    )
            else:
                found.append((sub, str(child)))
        return found
    if not non_block:
        found += [(place, str(message)) for message in error.messages]
    return found


def _media_names(data: Any) -> Iterable[str]:
    if isinstance(data, dict):
        if isinstance(data.get("media"), str):
            yield data["media"]
        for value in data.values():
            yield from _media_names(value)
    elif isinstance(data, list):
        for value in data:
            yield from _media_names(value)
    elif isinstance(data, str) and "media=" in data:
        for link in fmt.rich_text_links(data):
            if "media" in link:
                yield link["media"]


def _document_allowed(name: str) -> bool:
    allowed = _document_extensions()
    return allowed is None or _extension(name) in allowed


def _document_refused(name: str) -> str:
    return _("media/%(name)s may not be a document on this site; allowed are: %(allowed)s.") % {
        "name": name,
        "allowed": ", ".join(sorted(_document_extensions() or ())),
    }


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _key_message() -> str:
    return _(
        "A key has only lower-case letters, digits and hyphens (at most 80) and starts with a "
        "letter or digit."
    )


def _title(item: _Item) -> str:
    value = item.data.get("title") or item.data.get("name") or item.data.get("text") or item.key
    return str(value)


def _only(model) -> Page | None:
    pages = list(model.objects.all()[:2])
    return pages[0] if len(pages) == 1 else None


_MODELS: dict[str, type[models.Model]] = {
    fmt.KIND_MODULE: ModulePage,
    fmt.KIND_LESSON: LessonPage,
    fmt.KIND_POOL: QuestionPool,
    fmt.KIND_QUESTION: Question,
    fmt.KIND_TREND: TrendPage,
    fmt.KIND_SESSION_TEMPLATE: SessionTemplate,
    fmt.KIND_REFLECTION: ReflectionPage,
}


def pack_check(
    pack: Pack, *, module_index: Page | None = None, trend_index: Page | None = None
) -> Plan:
    """The dry run: check ``pack`` against this site and plan the import. Changes nothing.

    ``module_index`` and ``trend_index`` are where new modules (and reflections) and trends go;
    by default the site's only modules overview and trends overview.
    """
    return _Checker(pack, module_index=module_index, trend_index=trend_index).run()


# --- applying ---------------------------------------------------------------------------------


class _Writer:
    def __init__(
        self,
        plan: Plan,
        *,
        by: User | None,
        publish: bool,
        today: date,
        progress: Callable[[int, int], None] | None = None,
    ):
        self.plan, self.by, self.publish, self.today = plan, by, publish, today
        self.progress = progress
        self.items = plan.items
        self.objects: dict[tuple[str, str], Any] = {}
        self.images: dict[str, int] = {}
        self.documents: dict[str, int] = {}
        self.pending_links: list[_Item] = []
        self.media_files: dict[str, bytes] = {}
        self.audiences: dict[str, Audience] = {}

    def run(self, pack: Pack) -> None:
        self.media_files = {
            path.split("/", 1)[1]: data
            for path, data in pack.files.items()
            if path.startswith(f"{fmt.FOLDER_MEDIA}/")
        }
        names = {
            item.data.get("audience")
            for items in self.items.values()
            for item in items.values()
            if isinstance(item.data.get("audience"), str)
        }
        self.audiences = {
            audience.name: audience for audience in Audience.objects.filter(name__in=names)
        }
        for kind, items in self.items.items():
            for item in items.values():
                if item.obj is not None:
                    self.objects[(kind, item.key)] = item.obj
        # Modules and reflections share the modules overview: new ones are added in pack
        # order, whichever kind they are.
        pages = sorted(
            [*self.items[fmt.KIND_MODULE].values(), *self.items[fmt.KIND_REFLECTION].values()],
            key=lambda item: item.position,
        )
        steps = (
            self._pools,
            self._final_quizzes,
            self._trends,
            self._question_trend_sources,
            self._sessions,
            self._fix_pending_links,
            self._remember,
        )
        # Progress in steps: each module or reflection, then each step after them.
        total, done = len(pages) + len(steps), 0
        self._report(done, total)
        for item in pages:
            if item.kind == fmt.KIND_MODULE:
                self._module(item)
            elif item.action != ACTION_UNCHANGED:
                self._reflection(item)
            done += 1
            self._report(done, total)
        for step in steps:
            step()
            done += 1
            self._report(done, total)

    def _report(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)

    # --- helpers

    def _changed(self, kind: str) -> list[_Item]:
        return [item for item in self.items[kind].values() if item.action != ACTION_UNCHANGED]

    def _audience(self, item: _Item) -> Audience | None:
        name = item.data.get("audience")
        return self.audiences.get(name) if name else None

    def _media(self, name: str, *, image: bool, title: str) -> int:
        cache = self.images if image else self.documents
        if name in cache:
            return cache[name]
        data = self.media_files[name]
        model = get_image_model() if image else get_document_model()
        file_hash = hash_filelike(io.BytesIO(data))
        existing = model.objects.filter(file_hash=file_hash).order_by("pk").first()
        if existing is None:
            wrapper = (
                ImageFile(io.BytesIO(data), name=name) if image else ContentFile(data, name=name)
            )
            existing = model(
                title=title or name, file=wrapper, file_size=len(data), file_hash=file_hash
            )
            existing.save()
        cache[name] = existing.pk
        return existing.pk

    def _stream(self, block, raw: list, item: _Item):
        def image(value):
            return {
                "image": self._media(value["media"], image=True, title=value.get("title") or ""),
                "alt_text": value.get("alt") or "",
                "decorative": bool(value.get("decorative", False)),
            }

        def document(value):
            return self._media(value["media"], image=False, title=value.get("title") or "")

        converted = fmt.transform_stream(
            block,
            raw,
            image=image,
            document=document,
            rich_text=lambda html: self._html(html, item),
        )
        return block.to_python(converted)

    def _html(self, html: str, item: _Item) -> str:
        def document(attributes: dict[str, str]) -> dict[str, str]:
            name = attributes.pop("media")
            return {**attributes, "id": str(self._media(name, image=False, title=""))}

        def page(attributes: dict[str, str]) -> dict[str, str]:
            kind, key = fmt.split_page_ref(attributes["ref"])
            target = self.objects.get((kind, key))
            attributes = {name: value for name, value in attributes.items() if name != "ref"}
            if target is None:
                # Made later in this import: linked by _fix_pending_links.
                if item not in self.pending_links:
                    self.pending_links.append(item)
                return {**attributes, "id": "0"}
            return {**attributes, "id": str(target.pk)}

        return fmt.transform_rich_text_links(html, document=document, page=page)

    def _save_page(self, page: Page, *, trend: bool = False) -> None:
        revision = page.save_revision(user=self.by, log_action=True)
        if self.publish:
            revision.publish(user=self.by, skip_permission_checks=True)
        elif trend and self.by is not None:
            workflow = four_eyes_workflow()
            if workflow is not None and not page.workflow_in_progress:
                workflow.start(page, self.by)

    def _page_for(self, item: _Item, model) -> tuple[Page, bool]:
        """The page to write: the latest revision of the existing page, or a new one (a draft
        until it is saved with ``publish``)."""
        if item.obj is not None:
            return item.obj.get_latest_revision_as_object(), False
        page = model(title=item.data["title"], slug=item.data["slug"], live=False)
        return page, True

    def _add(self, parent: Page, page: Page) -> Page:
        parent.add_child(instance=page)
        return page

    # --- modules and lessons

    def _module(self, module: _Item) -> None:
        """A module and its lessons; a new page is added as the overview's last child, a new
        lesson as its module's last (existing pages stay where they are)."""
        index = self.plan.module_index
        data = module.data
        if module.action != ACTION_UNCHANGED:
            page, new = self._page_for(module, ModulePage)
            page.title = data["title"]
            page.intro = self._html(data["intro"], module)
            page.learning_goals = data["learning_goals"]
            page.estimated_minutes = data["estimated_minutes"]
            page.audience = self._audience(module)
            page.team_kit = self._stream(
                ModulePage._meta.get_field("team_kit").stream_block, data["team_kit"], module
            )
            if new:
                page.final_quiz = None
                self._add(index, page)
            # The revision is saved with the final quiz (_final_quizzes).
            self.objects[(fmt.KIND_MODULE, module.key)] = page
            module.obj = page
        parent = self.objects[(fmt.KIND_MODULE, module.key)]
        for lesson_data in data.get("lessons", []):
            lesson = self.items[fmt.KIND_LESSON][fmt.lesson_key(module.key, lesson_data["key"])]
            if lesson.action == ACTION_UNCHANGED:
                continue
            page, new = self._page_for(lesson, LessonPage)
            page.title = lesson.data["title"]
            page.summary = lesson.data["summary"]
            page.estimated_minutes = lesson.data["estimated_minutes"]
            page.body = self._stream(
                LessonPage._meta.get_field("body").stream_block, lesson.data["body"], lesson
            )
            if new:
                row = Page.objects.get(pk=parent.pk)
                self._add(row, page)
                # The module is saved again with its final quiz (a full save when published):
                # it must not write back a child count from before its new lessons, or the
                # admin's page explorer would show it without lessons.
                parent.numchild = row.numchild
            self._save_page(page)
            lesson.obj = page
            self.objects[(fmt.KIND_LESSON, lesson.key)] = page

    # --- pools and questions

    def _pools(self) -> None:
        for pool in self.items[fmt.KIND_POOL].values():
            if pool.action == ACTION_NEW:
                pool.obj = QuestionPool.objects.create(
                    name=pool.data["name"], description=pool.data["description"]
                )
            elif pool.action == ACTION_CHANGED:
                pool.obj.name = pool.data["name"]
                pool.obj.description = pool.data["description"]
                pool.obj.save(update_fields=["name", "description"])
            self.objects[(fmt.KIND_POOL, pool.key)] = pool.obj
        for question in self.items[fmt.KIND_QUESTION].values():
            if question.action == ACTION_UNCHANGED:
                continue
            pool = self.objects[(fmt.KIND_POOL, question.parent_key)]
            data = question.data
            source_page, source_note = self._lesson_source(data)
            options = [
                {
                    "text": option["text"],
                    "correct": option["correct"],
                    "feedback": (option.get("feedback") or ""),
                }
                for option in data["options"]
            ]
            if question.action == ACTION_NEW:
                made = question_create(
                    theme=data["theme"],
                    kind=data["kind"],
                    text=data["text"],
                    explanation=data["explanation"],
                    options=options,
                    pools=[pool],
                    scenario=data["scenario"],
                    source_page=source_page,
                    source_note=source_note,
                )
                if not data["is_active"]:
                    Question.objects.filter(pk=made.pk).update(is_active=False)
                    made.is_active = False
                question.obj = made
            else:
                question.obj = self._question_update(
                    question.obj, data, options, pool, source_page, source_note
                )
            self.objects[(fmt.KIND_QUESTION, question.key)] = question.obj

    def _lesson_source(self, data: dict) -> tuple[Page | None, str]:
        source = data.get("source") or {}
        note = data.get("source_note") or ""
        if "lesson" in source:
            module_key, lesson_key = source["lesson"].split("/", 1)
            return self.objects[(fmt.KIND_LESSON, fmt.lesson_key(module_key, lesson_key))], note
        return None, note

    def _question_update(
        self, question: Question, data, options, pool, source_page, source_note
    ) -> Question:
        """Change the question in place and let the quiz engine decide whether it is a new
        version (attempts that asked the old text keep it)."""
        question.theme = data["theme"]
        question.kind = data["kind"]
        question.text = data["text"]
        question.explanation = data["explanation"]
        question.scenario = data["scenario"]
        question.is_active = data["is_active"]
        if source_page is not None or not (data.get("source") or {}).get("trend"):
            question.source_page = source_page
        question.source_note = source_note
        question.save()
        existing = list(question.options.order_by("sort_order", "pk"))
        for order, option in enumerate(options):
            if order < len(existing):
                current = existing[order]
                current.text, current.is_correct = option["text"], option["correct"]
                current.feedback, current.sort_order = option["feedback"], order
                current.save()
            else:
                Option.objects.create(
                    question=question,
                    text=option["text"],
                    is_correct=option["correct"],
                    feedback=option["feedback"],
                    sort_order=order,
                )
        for surplus in existing[len(options) :]:
            surplus.delete()
        if not question.pools.filter(pk=pool.pk).exists():
            Question.pools.through.objects.create(question_id=question.pk, questionpool_id=pool.pk)
        question = question_record_edit(question=question)
        question.save_revision(user=self.by)
        return question

    # --- final quizzes

    def _final_quizzes(self) -> None:
        for module in self._changed(fmt.KIND_MODULE):
            page = module.obj
            settings = module.data.get("final_quiz")
            if settings is None:
                page.final_quiz = None
            else:
                draw = [
                    Draw(
                        pool=self.objects[(fmt.KIND_POOL, rule["pool"])],
                        theme=rule["theme"],
                        count=rule["count"],
                    )
                    for rule in settings["draw"]
                ]
                quiz_fields = {name: value for name, value in settings.items() if name != "draw"}
                current = (
                    Quiz.objects.filter(pk=page.final_quiz_id).first()
                    if page.final_quiz_id
                    else None
                )
                if current is None:
                    page.final_quiz = quiz_create(**quiz_fields, draw=draw)
                else:
                    page.final_quiz = self._quiz_update(current, quiz_fields, draw)
            if module.action == ACTION_NEW:
                # A new page's row holds its first content, as when it is made in the editor.
                ModulePage.objects.filter(pk=page.pk).update(final_quiz=page.final_quiz)
            self._save_page(page)

    def _quiz_update(self, quiz: Quiz, quiz_fields: dict, draw: list[Draw]) -> Quiz:
        for name, value in quiz_fields.items():
            setattr(quiz, name, value)
        quiz.save()
        DrawRule.objects.filter(quiz=quiz).delete()
        DrawRule.objects.bulk_create(
            DrawRule(
                quiz=quiz, pool=rule.pool, theme=rule.theme, count=rule.count, sort_order=order
            )
            for order, rule in enumerate(draw)
        )
        quiz.save_revision(user=self.by)
        return quiz

    # --- trends

    def _trends(self) -> None:
        index = self.plan.trend_index
        for trend in self._changed(fmt.KIND_TREND):
            data = trend.data
            page, new = self._page_for(trend, TrendPage)
            page.title = data["title"]
            page.theme = data["theme"]
            page.summary = data["summary"]
            page.audience = self._audience(trend)
            page.review_by = self.today + timedelta(days=data["review_after_days"])
            page.refresher = (
                self.objects[(fmt.KIND_MODULE, data["refresher"])]
                if data.get("refresher")
                else None
            )
            page.body = self._stream(
                TrendPage._meta.get_field("body").stream_block, data["body"], trend
            )
            page.signals = [("signal", signal) for signal in data["signals"]]
            page.sources = [
                (
                    "source",
                    {
                        "title": source["title"],
                        "publisher": source.get("publisher") or "",
                        "url": source.get("url") or "",
                    },
                )
                for source in data["sources"]
            ]
            if new:
                self._add(index, page)
            self._save_page(page, trend=True)
            trend.obj = page
            self.objects[(fmt.KIND_TREND, trend.key)] = page

    def _question_trend_sources(self) -> None:
        for question in self._changed(fmt.KIND_QUESTION):
            trend_key = (question.data.get("source") or {}).get("trend")
            if trend_key:
                trend = self.objects[(fmt.KIND_TREND, trend_key)]
                Question.objects.filter(pk=question.obj.pk).update(
                    source_page=trend, source_note=question.data.get("source_note") or ""
                )

    # --- reflections and session templates

    def _reflection(self, reflection: _Item) -> None:
        index = self.plan.module_index
        data = reflection.data
        page, new = self._page_for(reflection, ReflectionPage)
        page.title = data["title"]
        page.intro = self._html(data["intro"], reflection)
        page.audience = self._audience(reflection)
        page.statements = self._stream(
            ReflectionPage._meta.get_field("statements").stream_block,
            data["statements"],
            reflection,
        )
        if new:
            self._add(index, page)
        self._save_page(page)
        reflection.obj = page
        self.objects[(fmt.KIND_REFLECTION, reflection.key)] = page

    def _sessions(self) -> None:
        for session in self._changed(fmt.KIND_SESSION_TEMPLATE):
            data = session.data
            template = session.obj or SessionTemplate()
            template.title = data["title"]
            template.kind = data["kind"]
            template.theme = data["theme"]
            template.description = self._html(data["description"], session)
            template.duration_minutes = data["duration_minutes"]
            template.capacity = data["capacity"]
            template.led_by = data["led_by"]
            template.audience = self._audience(session)
            template.full_clean()
            template.save()
            session.obj = template
            self.objects[(fmt.KIND_SESSION_TEMPLATE, session.key)] = template

    def _fix_pending_links(self) -> None:
        """Page links to a page made later in this import: the first write linked them to
        nothing (``id="0"``); now that every page exists, the linking item's field is written
        again into the revision this import made (and the live page when publishing), so the
        item still gets one revision per import."""
        pending, self.pending_links = self.pending_links, []
        for item in pending:
            if item.kind == fmt.KIND_SESSION_TEMPLATE:
                item.obj.description = self._html(item.data["description"], item)
                item.obj.save(update_fields=["description"])
                continue
            values = self._page_fields(item)
            page = item.obj.get_latest_revision_as_object()
            for name, value in values.items():
                setattr(page, name, value)
            revision = page.latest_revision
            revision.content = page.serializable_data()
            revision.save(update_fields=["content"])
            if self.publish:
                live = type(page).objects.get(pk=page.pk)
                for name, value in values.items():
                    setattr(live, name, value)
                live.save(update_fields=list(values), clean=False)

    def _page_fields(self, item: _Item) -> dict[str, Any]:
        data = item.data
        if item.kind == fmt.KIND_LESSON:
            return {"body": self._stream(_block(LessonPage, "body"), data["body"], item)}
        if item.kind == fmt.KIND_MODULE:
            return {
                "intro": self._html(data["intro"], item),
                "team_kit": self._stream(_block(ModulePage, "team_kit"), data["team_kit"], item),
            }
        if item.kind == fmt.KIND_TREND:
            return {"body": self._stream(_block(TrendPage, "body"), data["body"], item)}
        return {
            "intro": self._html(data["intro"], item),
            "statements": self._stream(
                _block(ReflectionPage, "statements"), data["statements"], item
            ),
        }

    # --- memory

    def _remember(self) -> None:
        pack_key = self.plan.pack_key
        for kind, items in self.items.items():
            for item in items.values():
                if item.action == ACTION_UNCHANGED:
                    continue
                obj = self.objects[(kind, item.key)]
                content_type = ContentType.objects.get_for_model(_MODELS[kind])
                PackItem.objects.update_or_create(
                    pack_key=pack_key,
                    kind=kind,
                    key=item.key,
                    defaults={
                        "content_type": content_type,
                        "object_id": obj.pk,
                        "checksum": item.checksum,
                    },
                )


def _block(model, field_name: str):
    return model._meta.get_field(field_name).stream_block


def _validation_errors(error: ValidationError) -> list[PackError]:
    if hasattr(error, "error_dict"):
        return [
            PackError("", "" if name == "__all__" else name, str(message))
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return [PackError("", "", str(message)) for message in error.messages]


def pack_apply(
    pack: Pack,
    *,
    by: User | None,
    publish: bool = False,
    module_index: Page | None = None,
    trend_index: Page | None = None,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Result:
    """Check ``pack`` and, when it has no errors, import it in one transaction.

    New pages are drafts and changed pages get a new draft revision (a trend is submitted to the
    four-eyes review when ``by`` is a person), unless ``publish``: then they are published at once
    (the demo, a test environment). Questions, quizzes, pools and session templates have no drafts:
    their changes apply at once (``Plan.immediate`` lists them). Unchanged items are not touched.
    Raises :class:`PackInvalid` (with the plan and its errors) and changes nothing when the pack has
    an error. The import is logged (``PackImport``) and in the audit log. ``progress(done,
    total)`` hears each step of the import as it is done (the admin's background job shows it).
    """
    today = today or timezone.localdate()
    with transaction.atomic():
        plan = pack_check(pack, module_index=module_index, trend_index=trend_index)
        if not plan.ok:
            raise PackInvalid(plan)
        writer = _Writer(plan, by=by, publish=publish, today=today, progress=progress)
        try:
            writer.run(pack)
        except ValidationError as error:
            # A rule the dry run does not know yet (a model's own check): refuse the whole
            # import rather than keep half of it.
            plan.errors.extend(_validation_errors(error))
            transaction.set_rollback(True)
            raise PackInvalid(plan) from error
        counts = plan.counts()
        pack_import = PackImport.objects.create(
            pack_key=plan.pack_key,
            pack_version=plan.version,
            title=plan.title,
            imported_by=by,
            applied=True,
            published=publish,
            counts=counts,
        )
        audit_record(
            action=AuditAction.CONTENT_PACK_IMPORTED,
            actor=by,
            target=None,
            details={
                "pack": plan.pack_key,
                "version": plan.version,
                "published": publish,
                **{
                    f"{kind}_{action}": number
                    for kind, numbers in counts.items()
                    for action, number in numbers.items()
                    if number and action != ACTION_UNCHANGED
                },
            },
        )
    return Result(plan=plan, pack_import=pack_import, counts=counts, objects=writer.objects)
