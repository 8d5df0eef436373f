"""Export, then import into an empty site: the same modules, lessons, quizzes, pools,
questions, trends, reflection and session template come back (compared as a normalized dump,
block ids included); importing the same pack again changes nothing; and exporting the
imported content gives the same pack, byte for byte."""

from __future__ import annotations

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from modules.awareness.models import SessionTemplate
from modules.contentpacks.exporter import pack_export, pack_write
from modules.contentpacks.importer import pack_apply, pack_check, pack_read
from modules.contentpacks.models import PackItem
from modules.council.models import ReflectionPage
from modules.learning.models import LessonPage, ModuleIndexPage, ModulePage
from modules.learning.services import module_create_with_lessons
from modules.trends.models import TrendPage
from quizzes.models import Option, Question, QuestionPool, Quiz
from tests.contentpacks.compare import assert_same_content, content_dump
from tests.factories.pack_content import (
    MODULE_SLUG,
    REFLECTION_SLUG,
    TREND_SLUG,
    pack_content,
)

pytestmark = pytest.mark.django_db


MANIFEST = {
    "title": "Voorbeeldpakket",
    "version": "2026.12",
    "source": "Tests (voorbeeld)",
    "licence": "Alleen voor intern gebruik",
}


def empty_the_site() -> None:
    """Remove every piece of content a pack carries (the overview pages and the audiences
    stay: a pack is imported under the site's overviews, for audiences it names)."""
    for model in (TrendPage, ReflectionPage, ModulePage):
        for page in model.objects.all():
            page.delete()
    Quiz.objects.all().delete()
    Question.objects.all().delete()
    QuestionPool.objects.all().delete()
    SessionTemplate.objects.all().delete()
    get_image_model().objects.all().delete()
    get_document_model().objects.all().delete()
    for model in (
        ModulePage,
        LessonPage,
        TrendPage,
        ReflectionPage,
        Quiz,
        Question,
        Option,
        QuestionPool,
        SessionTemplate,
        PackItem,
    ):
        assert not model.objects.exists(), model


def state() -> dict:
    """What a second import must not touch: the rows, their revisions, question versions."""
    return {
        "revisions": sorted(Revision.objects.values_list("pk", flat=True)),
        "pages": sorted(
            (page.pk, page.latest_revision_id, page.live_revision_id)
            for model in (ModulePage, LessonPage, TrendPage, ReflectionPage)
            for page in model.objects.all()
        ),
        "questions": sorted(Question.objects.values_list("pk", "version", "fingerprint")),
        "options": sorted(Option.objects.values_list("pk", "text", "is_correct")),
        "quizzes": sorted(Quiz.objects.values_list("pk", "title")),
        "pack_items": sorted(PackItem.objects.values_list("kind", "key", "object_id")),
    }


def export(session_template):
    return pack_export(
        key="voorbeeld",
        **MANIFEST,
        modules=[MODULE_SLUG],
        trends=[TREND_SLUG],
        reflections=[REFLECTION_SLUG],
        session_templates=[session_template],
    )


def test_export_then_import_into_an_empty_site_gives_the_same_content(tmp_path):
    content = pack_content()
    before = content_dump()
    exported = export(content.session_template)
    folder = pack_write(exported, tmp_path / "voorbeeld")

    empty_the_site()
    plan = pack_check(pack_read(folder))
    assert plan.error_lines() == []
    result = pack_apply(pack_read(folder), by=None, publish=True)
    assert result.counts["module"]["new"] == 2
    assert result.counts["question"]["new"] == 8
    assert_same_content(before, content_dump())

    # Importing the same pack again changes nothing.
    imported = state()
    again = pack_apply(pack_read(folder), by=None, publish=True)
    assert all(numbers["new"] == numbers["changed"] == 0 for numbers in again.counts.values()), (
        again.counts
    )
    assert state() == imported
    assert_same_content(before, content_dump())

    # The imported content exports to the same pack: the keys are the pack's own now.
    session_template = SessionTemplate.objects.get()
    assert export(session_template).all_files() == exported.all_files()
    assert pack_export(key="voorbeeld", **MANIFEST).all_files() == exported.all_files()


def test_a_zip_round_trips_like_a_folder(tmp_path):
    content = pack_content()
    before = content_dump(block_ids=False)
    archive = pack_write(export(content.session_template), tmp_path / "voorbeeld.zip")
    empty_the_site()
    pack_apply(pack_read(archive), by=None, publish=True)
    assert_same_content(before, content_dump(block_ids=False))


def test_the_comparison_notices_a_changed_word(tmp_path):
    """The dump is sharp enough to fail: one changed option text is a difference."""
    content = pack_content()
    before = content_dump()
    option = content.questions[0].options.order_by("sort_order").first()
    Option.objects.filter(pk=option.pk).update(text="Een ander antwoord")
    with pytest.raises(AssertionError, match="Een ander antwoord"):
        assert_same_content(before, content_dump())


# The council track: four modules and the self-reflection in an order that is neither
# alphabetical nor the order they were made in.
COUNCIL_SLUGS = ("a-raad-rollen", "b-raad-bibob", "c-raad-integriteit", "d-raad-weerbaarheid")


def _council_module(slug: str, council) -> ModulePage:
    return module_create_with_lessons(
        index=ModuleIndexPage.objects.get(),
        audience=council,
        content={
            "title": f"Raadsmodule {slug} (voorbeeld)",
            "slug": slug,
            "intro": "<p>Een module voor raadsleden (voorbeeld).</p>",
            "learning_goals": "Je kent je rol.",
            "estimated_minutes": 10,
            "lessons": [
                {
                    "title": f"Les {number} (voorbeeld)",
                    "slug": f"les-{number}",
                    "summary": "Een korte les.",
                    "estimated_minutes": 5,
                    "body": [("text", f"<p>Tekst van les {number} (voorbeeld).</p>")],
                }
                for number in (2, 1, 3)
            ],
        },
    )


def test_the_order_of_pages_among_their_siblings_comes_back(tmp_path):
    content = pack_content()
    index = ModuleIndexPage.objects.get()
    council = {slug: _council_module(slug, content.council) for slug in COUNCIL_SLUGS}
    order = [
        council["c-raad-integriteit"],
        council["a-raad-rollen"],
        content.reflection,
        council["d-raad-weerbaarheid"],
        content.module,
        council["b-raad-bibob"],
        content.refresher,
    ]
    assert {page.pk for page in order} == set(index.get_children().values_list("pk", flat=True))
    for page in order:
        Page.objects.get(pk=page.pk).move(Page.objects.get(pk=index.pk), pos="last-child")
    expected = [page.slug for page in order]
    assert list(index.get_children().values_list("slug", flat=True)) == expected
    before = content_dump()
    assert [module["slug"] for module in before["modules"]][:2] == expected[:2]

    exported = pack_export(
        key="voorbeeld",
        **MANIFEST,
        modules=[MODULE_SLUG, *COUNCIL_SLUGS],
        trends=[TREND_SLUG],
        reflections=[REFLECTION_SLUG],
        session_templates=[content.session_template],
    )
    # The manifest lists the page files in tree order (modules and the reflection share the
    # modules overview, which comes before the trends overview), then pools, session
    # templates and media by path.
    listed = [entry["path"] for entry in exported.manifest["files"]]
    pages = listed[: len(expected)]
    assert [exported.items[path]["slug"] for path in pages] == expected
    rest = listed[len(expected) :]
    assert rest[0] == "trends/opslagboxen-voorbeeld.json"
    by_folder = [path.split("/")[0] for path in rest[1:]]
    assert by_folder == sorted(by_folder, key=["pools", "sessions", "media"].index)
    assert rest[1:] == sorted(
        rest[1:], key=lambda path: (by_folder.index(path.split("/")[0]), path)
    )
    folder = pack_write(exported, tmp_path / "voorbeeld")

    empty_the_site()
    pack_apply(pack_read(folder), by=None, publish=True)
    assert list(index.get_children().values_list("slug", flat=True)) == expected
    for slug in COUNCIL_SLUGS:
        lessons = ModulePage.objects.get(slug=slug).get_children().values_list("slug", flat=True)
        assert list(lessons) == ["les-2", "les-1", "les-3"]
    assert_same_content(before, content_dump())
    # The comparison sees the order: swap two siblings and the dump differs, while by slug
    # path (sibling_order=False) it is still the same.
    by_path = content_dump(sibling_order=False)
    Page.objects.get(slug="b-raad-bibob").move(
        Page.objects.get(slug="c-raad-integriteit"), pos="left"
    )
    with pytest.raises(AssertionError, match="b-raad-bibob"):
        assert_same_content(before, content_dump())
    assert_same_content(by_path, content_dump(sibling_order=False))
