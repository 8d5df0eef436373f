"""A normalized dump of the site's learning content, to prove that two sites hold the same
content: one built by the demo loader from Python and one imported from packs, or one that
was exported and imported again.

:func:`content_dump` reads the *published* content (live revisions) of every module, lesson,
trend and reflection, every question pool with its questions and options, the quizzes and the
session templates, and writes it without anything a database makes up: no primary keys, no
timestamps, no paths. References are by what stays the same: a page by its slug path from the
site root, a pool by name, an audience by name, an image or document by the checksum of its
file and its title. Lists keep their order (modules, trends, reflections and lessons in tree
order, questions by primary key, options and draw rules in their stored order), so a different
order is a difference.

Usage::

    before = content_dump()
    ...  # export, empty the site, import
    assert_same_content(before, content_dump())

``block_ids=False`` leaves out StreamField block ids (two runs of the Python loader make new
ones); ``ignore`` names fields to leave out as ``"<kind>.<field>"``, for example
``{"trend.review_after_days"}``; the kinds are ``module``, ``lesson``, ``quiz``, ``pool``,
``question``, ``option``, ``trend``, ``reflection``, ``session_template`` and ``media``.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from collections.abc import Iterable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from modules.awareness.models import SessionTemplate
from modules.contentpacks.format import transform_rich_text_links, transform_stream
from modules.council.models import ReflectionPage
from modules.learning.models import LessonPage, ModulePage
from modules.trends.models import TrendPage
from quizzes.models import Question, QuestionPool, Quiz


def _published(page: Page):
    page = page.specific
    if not page.live:
        return None
    return page.live_revision.as_object() if page.live_revision_id else page


def _file_sha(obj) -> str:
    with obj.file.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


class _Dumper:
    def __init__(self, *, block_ids: bool, ignore: Iterable[str]):
        self.block_ids = block_ids
        self.ignore = set(ignore)
        self.media: dict[tuple[str, str], set[str]] = {}
        self.page_paths: dict[int, str] = {}

    def page_path(self, page_id) -> str:
        """A page by the slugs from the site root down (the same on every site)."""
        try:
            page_id = int(page_id)
        except (TypeError, ValueError):
            return f"?{page_id}"
        if page_id not in self.page_paths:
            page = Page.objects.filter(pk=page_id).first()
            if page is None:
                return f"?{page_id}"
            ancestors = page.get_ancestors(inclusive=True).filter(depth__gt=2)
            self.page_paths[page_id] = "/".join(ancestor.slug for ancestor in ancestors)
        return self.page_paths[page_id]

    def _image(self, image_id) -> dict | None:
        image = get_image_model().objects.filter(pk=image_id).first() if image_id else None
        if image is None:
            return None if image_id is None else {"missing": image_id}
        sha = _file_sha(image)
        self.media.setdefault(("image", sha), set()).add(image.title)
        return {"image_sha256": sha}

    def _document(self, document_id) -> dict | None:
        document = (
            get_document_model().objects.filter(pk=document_id).first() if document_id else None
        )
        if document is None:
            return None if document_id is None else {"missing": document_id}
        sha = _file_sha(document)
        self.media.setdefault(("document", sha), set()).add(document.title)
        return {"document_sha256": sha}

    def html(self, html: str) -> str:
        def document(attributes):
            found = self._document(attributes.get("id"))
            rest = {k: v for k, v in attributes.items() if k != "id"}
            return {**rest, "document": json.dumps(found, sort_keys=True)}

        def page(attributes):
            rest = {k: v for k, v in attributes.items() if k != "id"}
            return {**rest, "page": self.page_path(attributes.get("id"))}

        return transform_rich_text_links(html or "", document=document, page=page)

    def stream(self, model, name: str, value) -> list:
        raw = list(value.raw_data) if hasattr(value, "raw_data") else list(value or [])
        raw = json.loads(json.dumps(raw, cls=DjangoJSONEncoder))

        def image(raw_value):
            if isinstance(raw_value, dict):
                return {**raw_value, "image": self._image(raw_value.get("image"))}
            return self._image(raw_value)

        converted = transform_stream(
            model._meta.get_field(name).stream_block,
            raw,
            image=image,
            document=self._document,
            rich_text=self.html,
        )
        return converted if self.block_ids else _without_ids(converted)

    def drop(self, kind: str, data: dict) -> dict:
        return {key: value for key, value in data.items() if f"{kind}.{key}" not in self.ignore}

    # kinds

    def module(self, module) -> dict:
        lessons = [
            _published(lesson)
            for lesson in LessonPage.objects.child_of(module).live().order_by("path")
        ]
        return self.drop(
            "module",
            {
                "path": self.page_path(module.pk),
                "title": module.title,
                "slug": module.slug,
                "intro": self.html(module.intro),
                "learning_goals": module.learning_goals,
                "estimated_minutes": module.estimated_minutes,
                "audience": _audience(module),
                "team_kit": self.stream(ModulePage, "team_kit", module.team_kit),
                "final_quiz": self.quiz(module.final_quiz) if module.final_quiz_id else None,
                "lessons": [self.lesson(lesson) for lesson in lessons if lesson is not None],
            },
        )

    def lesson(self, lesson) -> dict:
        return self.drop(
            "lesson",
            {
                "title": lesson.title,
                "slug": lesson.slug,
                "summary": lesson.summary,
                "estimated_minutes": lesson.estimated_minutes,
                "body": self.stream(LessonPage, "body", lesson.body),
            },
        )

    def quiz(self, quiz: Quiz) -> dict:
        return self.drop(
            "quiz",
            {
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
                    {"pool": rule.pool.name, "theme": rule.theme, "count": rule.count}
                    for rule in quiz.draw_rules.select_related("pool").order_by("sort_order", "pk")
                ],
                "fixed_questions": [
                    fixed.question.text
                    for fixed in quiz.fixed_questions.select_related("question").order_by(
                        "sort_order", "pk"
                    )
                ],
            },
        )

    def pool(self, pool: QuestionPool) -> dict:
        questions = Question.objects.filter(pools=pool).order_by("pk")
        return self.drop(
            "pool",
            {
                "name": pool.name,
                "description": pool.description,
                "questions": [self.question(question) for question in questions],
            },
        )

    def question(self, question: Question) -> dict:
        options = question.options.order_by("sort_order", "pk")
        return self.drop(
            "question",
            {
                "kind": question.kind,
                "theme": question.theme,
                "scenario": question.scenario,
                "text": question.text,
                "explanation": question.explanation,
                "is_active": question.is_active,
                "source": self.page_path(question.source_page_id)
                if question.source_page_id
                else None,
                "source_note": question.source_note,
                "pools": sorted(question.pools.values_list("name", flat=True)),
                "options": [
                    self.drop(
                        "option",
                        {
                            "text": option.text,
                            "correct": option.is_correct,
                            "feedback": option.feedback,
                        },
                    )
                    for option in options
                ],
            },
        )

    def trend(self, trend) -> dict:
        published_on = (
            timezone.localdate(trend.last_published_at) if trend.last_published_at else None
        )
        return self.drop(
            "trend",
            {
                "path": self.page_path(trend.pk),
                "title": trend.title,
                "slug": trend.slug,
                "theme": trend.theme,
                "summary": trend.summary,
                "body": self.stream(TrendPage, "body", trend.body),
                "signals": [block.value for block in trend.signals],
                "sources": [
                    {name: block.value.get(name) for name in sorted(block.value.keys())}
                    for block in trend.sources
                ],
                "audience": _audience(trend),
                "refresher": self.page_path(trend.refresher_id) if trend.refresher_id else None,
                "review_after_days": (trend.review_by - published_on).days
                if published_on
                else None,
            },
        )

    def reflection(self, reflection) -> dict:
        return self.drop(
            "reflection",
            {
                "path": self.page_path(reflection.pk),
                "title": reflection.title,
                "slug": reflection.slug,
                "intro": self.html(reflection.intro),
                "statements": self.stream(ReflectionPage, "statements", reflection.statements),
                "audience": _audience(reflection),
            },
        )

    def session_template(self, template: SessionTemplate) -> dict:
        return self.drop(
            "session_template",
            {
                "title": template.title,
                "kind": template.kind,
                "theme": template.theme,
                "description": self.html(template.description),
                "duration_minutes": template.duration_minutes,
                "capacity": template.capacity,
                "led_by": template.led_by,
                "audience": _audience(template),
            },
        )


def _audience(obj) -> str | None:
    return obj.audience.name if obj.audience_id else None


def _without_ids(value: Any) -> Any:
    """A StreamField value without block and list-item ids."""
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, dict):
        is_block = "type" in value and "value" in value
        return {
            key: _without_ids(item) for key, item in value.items() if not (is_block and key == "id")
        }
    return value


def _pages(model) -> list:
    published = [_published(page) for page in model.objects.order_by("path")]
    return [page for page in published if page is not None]


def content_dump(
    *, block_ids: bool = True, ignore: Iterable[str] = (), sibling_order: bool = True
) -> dict[str, Any]:
    """The site's published learning content, normalized (see the module docstring).

    Modules, trends and reflections are listed in tree order, so the order of siblings is
    compared: a pack carries it (the manifest lists page files in tree order and the importer
    makes new pages in that order). ``sibling_order=False`` lists them by slug path instead,
    for a comparison with a site whose pages were made in another order."""
    dumper = _Dumper(block_ids=block_ids, ignore=ignore)
    modules = _pages(ModulePage)
    quiz_ids = {module.final_quiz_id for module in modules if module.final_quiz_id}
    dump = {
        "modules": [dumper.module(module) for module in modules],
        "trends": [dumper.trend(trend) for trend in _pages(TrendPage)],
        "reflections": [dumper.reflection(page) for page in _pages(ReflectionPage)],
        "pools": [dumper.pool(pool) for pool in QuestionPool.objects.order_by("name")],
        "questions_without_pool": [
            dumper.question(question)
            for question in Question.objects.filter(pools__isnull=True).order_by("pk")
        ],
        "other_quizzes": [
            dumper.quiz(quiz) for quiz in Quiz.objects.exclude(pk__in=quiz_ids).order_by("title")
        ],
        "session_templates": [
            dumper.session_template(template)
            for template in SessionTemplate.objects.order_by("title", "pk")
        ],
    }
    if not sibling_order:
        for kind in ("modules", "trends", "reflections"):
            dump[kind] = sorted(dump[kind], key=lambda item: str(item.get("path", "")))
    # Every image and document the content uses, by file checksum, with its titles.
    dump["media"] = [
        dumper.drop("media", {"kind": kind, "sha256": sha, "titles": sorted(titles)})
        for (kind, sha), titles in sorted(dumper.media.items())
    ]
    return json.loads(json.dumps(dump, cls=DjangoJSONEncoder))


def content_diff(expected: dict, actual: dict) -> str:
    """A unified diff of two dumps ("" when they are equal), for a readable failure."""
    left = json.dumps(expected, indent=2, sort_keys=True, ensure_ascii=False).splitlines()
    right = json.dumps(actual, indent=2, sort_keys=True, ensure_ascii=False).splitlines()
    return "\n".join(difflib.unified_diff(left, right, "expected", "actual", lineterm=""))


def assert_same_content(expected: dict, actual: dict) -> None:
    diff = content_diff(expected, actual)
    assert not diff, "The content differs:\n" + diff[:20000]
