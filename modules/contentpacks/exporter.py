"""Writing content packs (``docs/content-packs.md``, format version 1).

:func:`pack_export` gathers the selected content with everything it needs (a module's final
quiz and its pools, a pool's questions, a trend's refresher module) and turns it into the
pack's files in memory; :func:`pack_write` writes them to a folder or a ``.zip``.

Why it works the way it does:

* **Published content only.** A page is exported as its live revision, never a draft, so a
  pack never carries text nobody approved. Lessons that were never published are left out.
* **Keys are stable.** An object that came from pack ``key`` keeps the key its
  :class:`~modules.contentpacks.models.PackItem` remembers; anything else gets a key from its
  slug or name (a question from the first words of its text), made unique in order of the
  tree or of the primary key, so exporting the same content twice gives the same keys.
* **Self-contained.** A question's source, a page link in rich text and a trend's refresher
  must point inside the pack: anything outside it is an error (in Dutch), because the site
  that imports the pack cannot resolve our database ids.
* **Deterministic bytes.** Files are written by :func:`modules.contentpacks.format.dump_json`
  (sorted keys), lists keep tree or stored order, the manifest has no timestamp, and a zip
  has fixed dates: two exports of the same content are byte for byte the same.
* **Pack order.** The manifest lists the files in pack order: pages (modules, trends,
  reflections) in tree order, then pools and session templates by path, then media by name.
  The format has no other place for the order of pages among their siblings, and the
  importer makes new pages in this order.
"""

from __future__ import annotations

import copy
import io
import json
import os
import shutil
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from modules.awareness.models import SessionTemplate
from modules.contentpacks.format import (
    FOLDER_MEDIA,
    FOLDER_MODULES,
    FOLDER_POOLS,
    FOLDER_REFLECTIONS,
    FOLDER_SESSIONS,
    FOLDER_TRENDS,
    FORMAT,
    FORMAT_VERSION,
    KIND_LESSON,
    KIND_MODULE,
    KIND_POOL,
    KIND_QUESTION,
    KIND_REFLECTION,
    KIND_SESSION_TEMPLATE,
    KIND_TREND,
    MANIFEST,
    dump_json,
    is_safe_media_name,
    is_valid_key,
    lesson_key,
    max_files,
    max_media_bytes,
    max_pack_bytes,
    page_ref,
    sha256_of,
    transform_rich_text_links,
    transform_stream,
)
from modules.contentpacks.models import PackItem
from modules.council.models import ReflectionPage
from modules.learning.models import LessonPage, ModulePage
from modules.learning.selectors import module_lessons
from modules.trends.models import TrendPage
from quizzes.models import Question, QuestionPool, Quiz

__all__ = [
    "ExportError",
    "ExportedPack",
    "derive_key",
    "pack_export",
    "pack_write",
]

LANGUAGE = "nl"
# How many characters of a question's text its derived key keeps (whole words).
QUESTION_KEY_LENGTH = 60
# A trend's review interval when it has no publication date to count from (half a year).
DEFAULT_REVIEW_AFTER_DAYS = 183
# A zip's entries carry this date, so the same pack gives the same bytes on any day.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
# The folders a previous export may have left in the output folder (cleared before writing).
PACK_FOLDERS = (
    FOLDER_MODULES,
    FOLDER_POOLS,
    FOLDER_TRENDS,
    FOLDER_SESSIONS,
    FOLDER_REFLECTIONS,
    FOLDER_MEDIA,
)


class ExportError(Exception):
    """The selection cannot become a self-contained pack; ``errors`` holds every reason, in
    Dutch, each naming the item and the field."""

    def __init__(self, errors: Sequence[str]):
        self.errors = list(errors)
        super().__init__("\n".join(self.errors))


@dataclass
class ExportedPack:
    """A pack in memory: the manifest (with the checksums of every other file), the item
    files as data and every file as the bytes :func:`pack_write` writes."""

    key: str
    manifest: dict[str, Any]
    items: dict[str, dict[str, Any]]
    files: dict[str, bytes]
    notes: list[str] = field(default_factory=list)

    def manifest_bytes(self) -> bytes:
        return dump_json(self.manifest).encode()

    def all_files(self) -> dict[str, bytes]:
        """Every file of the pack by path, the manifest first, then in path order."""
        return {MANIFEST: self.manifest_bytes(), **dict(sorted(self.files.items()))}


# --- keys -------------------------------------------------------------------------------------


def derive_key(text: str, *, max_length: int = 80, fallback: str = "item") -> str:
    """A pack key from a slug, name or text: lower-case ASCII letters, digits and hyphens,
    cut at a word boundary within ``max_length``."""
    slug = slugify(text).replace("_", "-")
    while "--" in slug:
        slug = slug.replace("--", "-")
    slug = slug.strip("-")
    if len(slug) > max_length:
        cut = slug[:max_length]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
        slug = slug.strip("-")
    return slug if is_valid_key(slug) else fallback


def _unique(key: str, used: set[str]) -> str:
    """``key``, or ``key-2``, ``key-3`` … when taken (still at most 80 characters)."""
    candidate, number = key, 1
    while candidate in used:
        number += 1
        suffix = f"-{number}"
        candidate = key[: 80 - len(suffix)].rstrip("-") + suffix
    used.add(candidate)
    return candidate


class _Keys:
    """Item keys: the PackItem's for objects that came from this pack, derived otherwise."""

    def __init__(self, pack_key: str):
        self.recorded: dict[tuple[str, int], str] = {
            (kind, object_id): key
            for kind, object_id, key in PackItem.objects.filter(pack_key=pack_key)
            .order_by("pk")
            .values_list("kind", "object_id", "key")
        }

    def recorded_key(self, kind: str, object_id: int, *, prefix: str = "") -> str | None:
        """The recorded key, without the ``module/`` or ``pool/`` part for lessons and
        questions (only when it was recorded under the same parent key)."""
        key = self.recorded.get((kind, object_id))
        if key is None:
            return None
        if prefix:
            parent, sep, own = key.rpartition("/")
            return own if sep and parent == prefix and is_valid_key(own) else None
        return key if is_valid_key(key) else None

    def assign(self, kind: str, objects: Sequence, derive, *, prefix: str = "") -> dict[int, str]:
        """Keys for ``objects`` (in their export order): recorded keys first, so a derived
        key never takes one that was shared before."""
        used: set[str] = set()
        keys: dict[int, str] = {}
        for obj in objects:
            key = self.recorded_key(kind, obj.pk, prefix=prefix)
            if key is not None and key not in used:
                used.add(key)
                keys[obj.pk] = key
        for obj in objects:
            if obj.pk not in keys:
                keys[obj.pk] = _unique(derive(obj), used)
        return keys


def _question_text_key(question: Question) -> str:
    return derive_key(question.text, max_length=QUESTION_KEY_LENGTH, fallback="vraag")


# --- published content ------------------------------------------------------------------------


def _published(page: Page):
    """The page as it was last published (its live revision), or None for a page that is
    not live. A page without revisions (made directly in the database) is its own row."""
    page = page.specific
    if not page.live:
        return None
    revision = page.live_revision
    if revision is None:
        return page
    return revision.as_object()


def _raw_stream(value) -> list:
    """The JSON Wagtail stores for a StreamField value (block ids included), as a copy."""
    if value is None:
        return []
    raw = list(value.raw_data) if hasattr(value, "raw_data") else list(value)
    return json.loads(json.dumps(raw, cls=DjangoJSONEncoder))


def _stream_block(model, name: str):
    return model._meta.get_field(name).stream_block


def _audience(obj) -> str | None:
    return obj.audience.name if obj.audience_id is not None else None


# --- the export -------------------------------------------------------------------------------


@dataclass
class _Selection:
    modules: list[ModulePage] = field(default_factory=list)
    pools: list[QuestionPool] = field(default_factory=list)
    trends: list[TrendPage] = field(default_factory=list)
    session_templates: list[SessionTemplate] = field(default_factory=list)
    reflections: list[ReflectionPage] = field(default_factory=list)

    def add(self, bucket: str, obj) -> None:
        items = getattr(self, bucket)
        if all(existing.pk != obj.pk for existing in items):
            items.append(obj)


class _Exporter:
    def __init__(self, *, key: str):
        self.key = key
        self.errors: list[str] = []
        self.notes: list[str] = []
        self.keys = _Keys(key)
        self.page_refs: dict[int, str] = {}
        self.media: dict[str, bytes] = {}
        self.media_names: dict[tuple[str, int], str] = {}

    # selection

    def _lookup(self, model, values: Iterable, field_name: str, missing: str) -> list:
        """The objects named by ``values`` (objects pass through); ``missing`` is the error
        for a name that matches nothing."""
        found = []
        for value in values:
            if isinstance(value, model):
                found.append(value)
                continue
            name = field_name
            if model is SessionTemplate and not str(value).isdigit():
                name = "title"  # a session template by id, or by its title
            matches = list(model.objects.filter(**{name: value}).order_by("pk"))
            if not matches:
                self.errors.append(missing % {"value": value})
            elif len(matches) > 1:
                self.errors.append(
                    _(
                        "“%(value)s” names more than one item on this site; make it unique "
                        "before you export it."
                    )
                    % {"value": value}
                )
            else:
                found.append(matches[0])
        return found

    def select(
        self, *, modules, pools, trends, session_templates, reflections, include_pack_items
    ) -> _Selection:
        selection = _Selection()
        named = (
            (
                "modules",
                ModulePage,
                modules,
                "slug",
                _("There is no module with the slug “%(value)s”."),
            ),
            (
                "pools",
                QuestionPool,
                pools,
                "name",
                _("There is no question pool named “%(value)s”."),
            ),
            (
                "trends",
                TrendPage,
                trends,
                "slug",
                _("There is no trend with the slug “%(value)s”."),
            ),
            (
                "session_templates",
                SessionTemplate,
                session_templates,
                "pk",
                _("There is no session template with the id or title “%(value)s”."),
            ),
            (
                "reflections",
                ReflectionPage,
                reflections,
                "slug",
                _("There is no self-reflection with the slug “%(value)s”."),
            ),
        )
        for bucket, model, values, field_name, missing in named:
            for obj in self._lookup(model, values, field_name, missing):
                selection.add(bucket, obj)
        if include_pack_items:
            self._select_recorded(selection)
        self._complete(selection)
        return selection

    def _select_recorded(self, selection: _Selection) -> None:
        """Everything pack ``key`` brought to this site (and that still exists)."""
        kinds = {
            KIND_MODULE: (ModulePage, "modules"),
            KIND_POOL: (QuestionPool, "pools"),
            KIND_TREND: (TrendPage, "trends"),
            KIND_SESSION_TEMPLATE: (SessionTemplate, "session_templates"),
            KIND_REFLECTION: (ReflectionPage, "reflections"),
        }
        for kind, (model, bucket) in kinds.items():
            ids = [
                object_id
                for (item_kind, object_id) in sorted(self.keys.recorded, key=lambda k: k[1])
                if item_kind == kind
            ]
            objects = {obj.pk: obj for obj in model.objects.filter(pk__in=ids)}
            for object_id in ids:
                if object_id in objects:
                    selection.add(bucket, objects[object_id])
                else:
                    self.notes.append(
                        _("Left out: %(kind)s %(key)s of this pack no longer exists on this site.")
                        % {"kind": kind, "key": self.keys.recorded[(kind, object_id)]}
                    )

    def _complete(self, selection: _Selection) -> None:
        """Add what the selection needs: a trend's refresher module, a module's quiz pools."""
        for trend in selection.trends:
            published = _published(trend)
            if published is not None and published.refresher_id is not None:
                refresher = ModulePage.objects.filter(pk=published.refresher_id).first()
                if refresher is not None:
                    selection.add("modules", refresher)
        for module in selection.modules:
            published = _published(module)
            quiz = published.final_quiz if published is not None else None
            if quiz is not None:
                for rule in quiz.draw_rules.select_related("pool").order_by("sort_order", "pk"):
                    selection.add("pools", rule.pool)

    # the files

    def build(self, selection: _Selection) -> dict[str, dict]:
        published_modules = self._published_pages(
            selection.modules, _("The module “%(slug)s” is not published.")
        )
        published_trends = self._published_pages(
            selection.trends, _("The trend “%(slug)s” is not published.")
        )
        published_reflections = self._published_pages(
            selection.reflections, _("The self-reflection “%(slug)s” is not published.")
        )

        module_keys = self.keys.assign(
            KIND_MODULE, published_modules, lambda m: derive_key(m.slug, fallback="module")
        )
        trend_keys = self.keys.assign(
            KIND_TREND, published_trends, lambda t: derive_key(t.slug, fallback="trend")
        )
        reflection_keys = self.keys.assign(
            KIND_REFLECTION,
            published_reflections,
            lambda r: derive_key(r.slug, fallback="reflectie"),
        )
        pools = sorted(selection.pools, key=lambda pool: pool.pk)
        pool_keys = self.keys.assign(
            KIND_POOL, pools, lambda p: derive_key(p.name, fallback="pool")
        )
        templates = sorted(selection.session_templates, key=lambda template: template.pk)
        template_keys = self.keys.assign(
            KIND_SESSION_TEMPLATE, templates, lambda t: derive_key(t.title, fallback="bijeenkomst")
        )

        lessons: dict[int, list] = {}
        lesson_keys: dict[int, dict[int, str]] = {}
        for module in published_modules:
            module_key = module_keys[module.pk]
            self.page_refs[module.pk] = page_ref(KIND_MODULE, module_key)
            lessons[module.pk] = [
                lesson for lesson in map(_published, module_lessons(module=module)) if lesson
            ]
            lesson_keys[module.pk] = self.keys.assign(
                KIND_LESSON,
                lessons[module.pk],
                lambda lesson: derive_key(lesson.slug, fallback="les"),
                prefix=module_key,
            )
            for lesson in lessons[module.pk]:
                self.page_refs[lesson.pk] = page_ref(
                    KIND_LESSON, lesson_key(module_key, lesson_keys[module.pk][lesson.pk])
                )
        for trend in published_trends:
            self.page_refs[trend.pk] = page_ref(KIND_TREND, trend_keys[trend.pk])
        for reflection in published_reflections:
            self.page_refs[reflection.pk] = page_ref(
                KIND_REFLECTION, reflection_keys[reflection.pk]
            )
        # What a question's source may name: a lesson or a trend of this pack.
        self.sources: dict[int, dict[str, str]] = {}
        for module in published_modules:
            for lesson in lessons[module.pk]:
                self.sources[lesson.pk] = {
                    "lesson": lesson_key(module_keys[module.pk], lesson_keys[module.pk][lesson.pk])
                }
        for trend in published_trends:
            self.sources[trend.pk] = {"trend": trend_keys[trend.pk]}

        items: dict[str, dict] = {}
        # The tree path of every page file, for the pack order (see _pack_order).
        tree_paths: dict[str, str] = {}
        for module in published_modules:
            path = f"{FOLDER_MODULES}/{module_keys[module.pk]}.json"
            tree_paths[path] = module.path
            items[path] = self._module(
                module,
                key=module_keys[module.pk],
                lessons=lessons[module.pk],
                lesson_keys=lesson_keys[module.pk],
                pool_keys=pool_keys,
                where=path,
            )
        question_pool: dict[int, str] = {}
        for pool in pools:
            path = f"{FOLDER_POOLS}/{pool_keys[pool.pk]}.json"
            items[path] = self._pool(
                pool, key=pool_keys[pool.pk], where=path, question_pool=question_pool
            )
        for trend in published_trends:
            path = f"{FOLDER_TRENDS}/{trend_keys[trend.pk]}.json"
            tree_paths[path] = trend.path
            items[path] = self._trend(
                trend, key=trend_keys[trend.pk], module_keys=module_keys, where=path
            )
        for template in templates:
            path = f"{FOLDER_SESSIONS}/{template_keys[template.pk]}.json"
            items[path] = self._session_template(
                template, key=template_keys[template.pk], where=path
            )
        for reflection in published_reflections:
            path = f"{FOLDER_REFLECTIONS}/{reflection_keys[reflection.pk]}.json"
            tree_paths[path] = reflection.path
            items[path] = self._reflection(
                reflection, key=reflection_keys[reflection.pk], where=path
            )
        return _pack_order(items, tree_paths)

    def _published_pages(self, pages: Sequence[Page], unpublished: str) -> list:
        """The live content of ``pages`` in tree order; a page never published is an error
        (only published content goes into a pack)."""
        published = []
        for page in sorted(pages, key=lambda page: page.path):
            live = _published(page)
            if live is None:
                self.errors.append(unpublished % {"slug": page.slug})
            else:
                published.append(live)
        return published

    # items

    def _module(self, module, *, key, lessons, lesson_keys, pool_keys, where) -> dict:
        return {
            "key": key,
            "title": module.title,
            "slug": module.slug,
            "intro": self._rich_text(module.intro, where=f"{where}, intro"),
            "learning_goals": module.learning_goals,
            "estimated_minutes": module.estimated_minutes,
            "audience": _audience(module),
            "team_kit": self._stream(
                ModulePage, "team_kit", module.team_kit, where=f"{where}, team_kit"
            ),
            "final_quiz": self._final_quiz(module.final_quiz, pool_keys=pool_keys, where=where),
            "lessons": [
                {
                    "key": lesson_keys[lesson.pk],
                    "title": lesson.title,
                    "slug": lesson.slug,
                    "summary": lesson.summary,
                    "estimated_minutes": lesson.estimated_minutes,
                    "body": self._stream(
                        LessonPage,
                        "body",
                        lesson.body,
                        where=f"{where}, {_('lesson')} “{lesson_keys[lesson.pk]}”, body",
                    ),
                }
                for lesson in lessons
            ],
        }

    def _final_quiz(self, quiz: Quiz | None, *, pool_keys, where) -> dict | None:
        if quiz is None:
            return None
        if quiz.fixed_questions.exists():
            self.errors.append(
                _(
                    "%(where)s, final_quiz: the quiz “%(title)s” has fixed questions; a pack "
                    "only carries questions drawn from pools."
                )
                % {"where": where, "title": quiz.title}
            )
        return {
            "title": quiz.title,
            "intro": quiz.intro,
            "pass_mark": quiz.pass_mark,
            "max_attempts": quiz.max_attempts,
            "retry_wait_minutes": quiz.retry_wait_minutes,
            "feedback_timing": quiz.feedback_timing,
            "review_after_fail": quiz.review_after_fail,
            "review_after_last": quiz.review_after_last,
            "review_after_pass": quiz.review_after_pass,
            "draw": [
                {"pool": pool_keys[rule.pool_id], "theme": rule.theme, "count": rule.count}
                for rule in quiz.draw_rules.order_by("sort_order", "pk")
            ],
        }

    def _pool(self, pool: QuestionPool, *, key, where, question_pool: dict[int, str]) -> dict:
        questions = list(
            Question.objects.filter(pools=pool)
            .select_related("source_page")
            .prefetch_related("options")
            .order_by("pk")
        )
        for question in questions:
            if question.pk in question_pool:
                self.errors.append(
                    _(
                        "%(where)s, question “%(text)s”: it is also in the pool "
                        "“%(other)s” of this pack; a pack holds a question in one pool only."
                    )
                    % {"where": where, "text": question.text, "other": question_pool[question.pk]}
                )
            question_pool[question.pk] = pool.name
        keys = self.keys.assign(KIND_QUESTION, questions, _question_text_key, prefix=key)
        return {
            "key": key,
            "name": pool.name,
            "description": pool.description,
            "questions": [
                self._question(question, key=keys[question.pk], where=where)
                for question in questions
            ],
        }

    def _question(self, question: Question, *, key, where) -> dict:
        source = None
        if question.source_page_id is not None:
            source = self.sources.get(question.source_page_id)
            if source is None:
                self.errors.append(
                    _(
                        "%(where)s, question “%(key)s”, source: the page “%(page)s” is not in "
                        "this pack. Add its module or trend: a pack is self-contained."
                    )
                    % {"where": where, "key": key, "page": question.source_page.title}
                )
        elif question.is_active:
            self.errors.append(
                _(
                    "%(where)s, question “%(key)s”, source: a question in use needs the lesson "
                    "or trend that teaches it."
                )
                % {"where": where, "key": key}
            )
        options = sorted(
            question.options.all(), key=lambda option: (option.sort_order or 0, option.pk)
        )
        return {
            "key": key,
            "kind": question.kind,
            "theme": question.theme,
            "scenario": question.scenario,
            "text": question.text,
            "explanation": question.explanation,
            "is_active": question.is_active,
            "source": source,
            "source_note": question.source_note,
            "options": [
                {"text": option.text, "correct": option.is_correct, "feedback": option.feedback}
                for option in options
            ],
        }

    def _trend(self, trend: TrendPage, *, key, module_keys, where) -> dict:
        refresher = None
        if trend.refresher_id is not None:
            refresher = module_keys.get(trend.refresher_id)
            if refresher is None:
                self.errors.append(
                    _("%(where)s, refresher: the refresher module is not published.")
                    % {"where": where}
                )
        # When it was last published, from the page itself: the live revision holds the
        # timestamps of the moment before it was published.
        last, first = TrendPage.objects.values_list("last_published_at", "first_published_at").get(
            pk=trend.pk
        )
        published = last or first
        review_after_days = (
            (trend.review_by - timezone.localdate(published)).days
            if published is not None
            else DEFAULT_REVIEW_AFTER_DAYS
        )
        return {
            "key": key,
            "title": trend.title,
            "slug": trend.slug,
            "theme": trend.theme,
            "summary": trend.summary,
            "body": self._stream(TrendPage, "body", trend.body, where=f"{where}, body"),
            "signals": [
                block["value"]
                for block in _raw_stream(trend.signals)
                if block.get("type") == "signal"
            ],
            "sources": [
                {
                    "title": value.get("title", ""),
                    "publisher": value.get("publisher", ""),
                    "url": value.get("url", ""),
                }
                for block in _raw_stream(trend.sources)
                if block.get("type") == "source"
                for value in [block.get("value") or {}]
            ],
            "audience": _audience(trend),
            "refresher": refresher,
            # The review interval from publication; at least a day and at most ten years,
            # the importer's range (a trend past its review date is due again at once).
            "review_after_days": min(max(review_after_days, 1), 3650),
        }

    def _session_template(self, template: SessionTemplate, *, key, where) -> dict:
        return {
            "key": key,
            "title": template.title,
            "kind": template.kind,
            "theme": template.theme,
            "description": self._rich_text(template.description, where=f"{where}, description"),
            "duration_minutes": template.duration_minutes,
            "capacity": template.capacity,
            "led_by": template.led_by,
            "audience": _audience(template),
        }

    def _reflection(self, reflection: ReflectionPage, *, key, where) -> dict:
        return {
            "key": key,
            "title": reflection.title,
            "slug": reflection.slug,
            "intro": self._rich_text(reflection.intro, where=f"{where}, intro"),
            "statements": self._stream(
                ReflectionPage, "statements", reflection.statements, where=f"{where}, statements"
            ),
            "audience": _audience(reflection),
        }

    # references

    def _stream(self, model, name: str, value, *, where: str) -> list:
        return transform_stream(
            _stream_block(model, name),
            _raw_stream(value),
            image=lambda raw: self._image(raw, where=where),
            document=lambda raw: self._document(raw, where=where),
            rich_text=lambda html: self._rich_text(html, where=where),
        )

    def _rich_text(self, html: str, *, where: str) -> str:
        def document(attributes: dict[str, str]) -> dict[str, str]:
            name = self._media_name("document", attributes.get("id"), where=where)
            rest = {k: v for k, v in attributes.items() if k != "id"}
            return {**rest, "media": name or ""}

        def page(attributes: dict[str, str]) -> dict[str, str]:
            ref = self._page_ref(attributes.get("id"), where=where)
            rest = {k: v for k, v in attributes.items() if k != "id"}
            return {**rest, "ref": ref or ""}

        return transform_rich_text_links(html or "", document=document, page=page)

    def _page_ref(self, page_id, *, where: str) -> str | None:
        try:
            ref = self.page_refs.get(int(page_id))
        except (TypeError, ValueError):
            ref = None
        if ref is None:
            page = Page.objects.filter(pk=page_id).first() if str(page_id).isdigit() else None
            self.errors.append(
                _(
                    "%(where)s: a link to the page “%(page)s”, which is not in this pack. Add "
                    "it, or remove the link: a pack is self-contained."
                )
                % {"where": where, "page": page.title if page else page_id}
            )
        return ref

    def _image(self, raw, *, where: str):
        if isinstance(raw, dict):  # ImageBlock: {"image": id, "alt_text", "decorative"}
            image_id, alt, decorative = (
                raw.get("image"),
                raw.get("alt_text") or "",
                raw.get("decorative"),
            )
        else:  # ImageChooserBlock: the id
            image_id, alt, decorative = raw, None, False
        if image_id is None:
            return None
        image = get_image_model().objects.filter(pk=image_id).first()
        name = self._media_name("image", image_id, where=where, obj=image)
        if image is None or name is None:
            return None
        return {
            "media": name,
            "title": image.title,
            "alt": alt if alt is not None else (image.description or ""),
            "decorative": bool(decorative),
        }

    def _document(self, raw, *, where: str):
        if raw is None:
            return None
        document = get_document_model().objects.filter(pk=raw).first()
        name = self._media_name("document", raw, where=where, obj=document)
        if document is None or name is None:
            return None
        return {"media": name, "title": document.title}

    def _media_name(self, kind: str, object_id, *, where: str, obj=None) -> str | None:
        """The file name in ``media/`` for an image or document (its file is added once)."""
        try:
            object_id = int(object_id)
        except (TypeError, ValueError):
            object_id = None
        if object_id is not None and (kind, object_id) in self.media_names:
            return self.media_names[(kind, object_id)]
        if obj is None and object_id is not None:
            model = get_image_model() if kind == "image" else get_document_model()
            obj = model.objects.filter(pk=object_id).first()
        if obj is None:
            missing = (
                _("%(where)s: the image with id %(id)s no longer exists.")
                if kind == "image"
                else _("%(where)s: the document with id %(id)s no longer exists.")
            )
            self.errors.append(missing % {"where": where, "id": object_id})
            return None
        try:
            with obj.file.open("rb") as handle:
                data = handle.read()
        except OSError:
            self.errors.append(
                _("%(where)s: the file of “%(title)s” cannot be read.")
                % {"where": where, "title": obj.title}
            )
            return None
        if len(data) > max_media_bytes():
            self.errors.append(
                _("%(where)s: the file of “%(title)s” is larger than %(limit)d MB.")
                % {"where": where, "title": obj.title, "limit": max_media_bytes() // (1024 * 1024)}
            )
            return None
        name = _media_file_name(obj, data, self.media)
        self.media[name] = data
        self.media_names[(kind, object_id)] = name
        return name


def _pack_order(items: dict[str, dict], tree_paths: dict[str, str]) -> dict[str, dict]:
    """The item files in pack order, the order of the manifest's ``files`` list: the module,
    trend and reflection files in the order of their pages in the tree (so a module index's
    children keep their order, and a reflection its place among the modules), then the pools
    and the session templates, by path (they have no order of their own). The importer makes
    new pages in this order."""
    pages = sorted(tree_paths, key=lambda path: tree_paths[path])
    rest = sorted(
        (path for path in items if path not in tree_paths),
        key=lambda path: (not path.startswith(f"{FOLDER_POOLS}/"), path),
    )
    return {path: items[path] for path in [*pages, *rest]}


def _media_file_name(obj, data: bytes, taken: dict[str, bytes]) -> str:
    """The file name in ``media/`` for an image or document: its title as a key plus the
    file's extension. Not the stored file name: storage adds a random suffix when a name is
    taken, so that name would change with every import and export. A different file under the
    same name gets the first characters of its checksum added."""
    stem, ext = os.path.splitext(os.path.basename(obj.file.name))
    ext = ext.lower() if ext[1:].isalnum() else ""
    title = (obj.title or "").strip()
    if ext and title.lower().endswith(ext):  # a title that is a file name ("loods.png")
        title = title[: -len(ext)]
    name = f"{derive_key(title or stem, max_length=120, fallback='bestand')}{ext}"
    if not is_safe_media_name(name):
        name = f"bestand{ext}"
    if name in taken and taken[name] != data:
        stem, ext = os.path.splitext(name)
        name = f"{stem}-{sha256_of(data)[:12]}{ext}"
    return name


def pack_export(
    *,
    key: str,
    title: str,
    version: str,
    source: str,
    licence: str,
    description: str = "",
    modules: Sequence = (),
    pools: Sequence = (),
    trends: Sequence = (),
    session_templates: Sequence = (),
    reflections: Sequence = (),
    include_pack_items: bool = True,
) -> ExportedPack:
    """The pack ``key`` with the selected content and everything it needs, in memory.

    Selections are objects or what names them: module, trend and reflection slugs, pool names,
    session-template ids. With ``include_pack_items`` everything that came from pack ``key``
    (its PackItem rows) is exported too, so an empty selection re-exports the pack. Raises
    :class:`ExportError` (all reasons at once, in Dutch) when the result would not be a valid,
    self-contained pack; nothing is written then.
    """
    errors = []
    if not is_valid_key(key):
        errors.append(
            _(
                "The pack key “%(key)s” is not valid: use lower-case letters, digits and "
                "hyphens (at most 80), starting with a letter or digit."
            )
            % {"key": key}
        )
    for name, value in (
        ("title", title),
        ("version", version),
        ("source", source),
        ("licence", licence),
    ):
        if not (value or "").strip():
            errors.append(_("The manifest needs a %(field)s.") % {"field": name})
    if errors:
        raise ExportError(errors)

    exporter = _Exporter(key=key)
    selection = exporter.select(
        modules=modules,
        pools=pools,
        trends=trends,
        session_templates=session_templates,
        reflections=reflections,
        include_pack_items=include_pack_items,
    )
    items = exporter.build(selection) if not exporter.errors else {}
    if not exporter.errors and not items:
        exporter.errors.append(
            _(
                "Nothing to export: no content was named and nothing on this site came from "
                "the pack “%(key)s”."
            )
            % {"key": key}
        )
    # In pack order (the manifest's order): the item files as build() ordered them, then the
    # media by name.
    files = {path: dump_json(data).encode() for path, data in items.items()}
    files.update(
        {f"{FOLDER_MEDIA}/{name}": exporter.media[name] for name in sorted(exporter.media)}
    )
    if len(files) > max_files():
        exporter.errors.append(
            _("The pack would have %(count)d files; at most %(limit)d are allowed.")
            % {"count": len(files), "limit": max_files()}
        )
    if sum(len(data) for data in files.values()) > max_pack_bytes():
        exporter.errors.append(
            _("The pack would be larger than %(limit)d MB.")
            % {"limit": max_pack_bytes() // (1024 * 1024)}
        )
    if exporter.errors:
        raise ExportError(exporter.errors)

    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "key": key,
        "title": title.strip(),
        "version": version.strip(),
        "language": LANGUAGE,
        "source": source.strip(),
        "licence": licence.strip(),
        "description": description.strip(),
        "files": [{"path": path, "sha256": sha256_of(data)} for path, data in files.items()],
    }
    return ExportedPack(
        key=key,
        manifest=manifest,
        items=copy.deepcopy(items),
        files=dict(sorted(files.items())),
        notes=exporter.notes,
    )


# --- writing ----------------------------------------------------------------------------------


def pack_bytes_zip(exported: ExportedPack) -> bytes:
    """The pack as a zip with fixed dates and permissions: same pack, same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path, data in exported.all_files().items():
            info = zipfile.ZipInfo(path, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def pack_write(exported: ExportedPack, out: Path) -> Path:
    """Write the pack to ``out``: a ``.zip`` when the name ends in ``.zip``, else a folder.

    An existing folder is replaced only when it holds a previous pack (a ``manifest.json`` of
    this format and nothing but pack files), so a mistyped path never loses other files; the
    old pack files go first, so no stale file is left that the manifest does not list.
    """
    out = Path(out)
    if out.suffix.lower() == ".zip":
        out.parent.mkdir(parents=True, exist_ok=True)
        temporary = out.with_name(out.name + ".tmp")
        temporary.write_bytes(pack_bytes_zip(exported))
        temporary.replace(out)
        return out
    if out.exists():
        _clear_previous_pack(out)
    out.mkdir(parents=True, exist_ok=True)
    for path, data in exported.all_files().items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return out


def _clear_previous_pack(out: Path) -> None:
    if not out.is_dir():
        raise ExportError([_("%(path)s exists and is not a folder.") % {"path": out}])
    entries = sorted(entry.name for entry in out.iterdir())
    if not entries:
        return
    manifest = out / MANIFEST
    try:
        is_pack = json.loads(manifest.read_text(encoding="utf-8")).get("format") == FORMAT
    except (OSError, ValueError, AttributeError):
        is_pack = False
    others = [name for name in entries if name != MANIFEST and name not in PACK_FOLDERS]
    if not is_pack or others:
        raise ExportError(
            [
                _(
                    "The folder %(path)s is not empty and does not hold only a content pack; "
                    "choose an empty or new folder."
                )
                % {"path": out}
            ]
        )
    manifest.unlink()
    for name in PACK_FOLDERS:
        if (out / name).is_dir():
            shutil.rmtree(out / name)
