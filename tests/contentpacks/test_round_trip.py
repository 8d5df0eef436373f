"""Export, then import into an empty site: the same modules, lessons, quizzes, pools,
questions, trends, reflection and session template come back (compared as a normalized dump,
block ids included); importing the same pack again changes nothing; and exporting the
imported content gives the same pack, byte for byte."""

from __future__ import annotations

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Revision

from modules.awareness.models import SessionTemplate
from modules.contentpacks.exporter import pack_export, pack_write
from modules.contentpacks.importer import pack_apply, pack_check, pack_read
from modules.contentpacks.models import PackItem
from modules.council.models import ReflectionPage
from modules.learning.models import LessonPage, ModulePage
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
