"""Importing a valid pack: what it makes, drafts or published, the second import that changes
nothing, and an update that makes a new revision and a new question version."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, WorkflowState

from accounts.models import AuditAction, AuditEvent
from accounts.roles import Role
from modules.awareness.models import SessionTemplate
from modules.contentpacks.importer import (
    ACTION_CHANGED,
    ACTION_NEW,
    ACTION_UNCHANGED,
    pack_apply,
    pack_check,
    pack_read,
)
from modules.contentpacks.models import PackImport, PackItem
from modules.contentpacks.selectors import pack_item_object
from modules.council.models import ReflectionPage
from modules.learning.models import LessonPage, ModulePage
from modules.learning.services import enrolment_get_or_start
from modules.trends.models import TrendPage
from quizzes.models import AttemptItem, Question, QuestionPool
from quizzes.services import attempt_start

pytestmark = pytest.mark.django_db


def _snapshot() -> dict[str, int]:
    """Counts of everything an import may write."""
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "pack_items": PackItem.objects.count(),
        "questions": Question.objects.count(),
        "question_versions": sum(Question.objects.values_list("version", flat=True)),
        "pools": QuestionPool.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "templates": SessionTemplate.objects.count(),
    }


def _object(kind: str, key: str):
    return PackItem.objects.get(pack_key="voorbeeld", kind=kind, key=key).content_object


def test_dry_run_plans_everything_new_and_writes_nothing(pack_site, pack_builder):
    before = _snapshot()
    plan = pack_check(pack_read(pack_builder.write()))

    assert plan.error_lines() == []
    assert plan.counts() == {
        "module": {ACTION_NEW: 2, ACTION_CHANGED: 0, ACTION_UNCHANGED: 0},
        "lesson": {ACTION_NEW: 2, ACTION_CHANGED: 0, ACTION_UNCHANGED: 0},
        "pool": {ACTION_NEW: 2, ACTION_CHANGED: 0, ACTION_UNCHANGED: 0},
        "question": {ACTION_NEW: 5, ACTION_CHANGED: 0, ACTION_UNCHANGED: 0},
        "trend": {ACTION_NEW: 1, ACTION_CHANGED: 0, ACTION_UNCHANGED: 0},
        "session_template": {ACTION_NEW: 1, ACTION_CHANGED: 0, ACTION_UNCHANGED: 0},
        "reflection": {ACTION_NEW: 1, ACTION_CHANGED: 0, ACTION_UNCHANGED: 0},
    }
    # The stand-in media of the block check are rolled back with everything else.
    assert _snapshot() == before


def test_apply_with_publish_builds_the_whole_pack(pack_site, pack_builder):
    today = timezone.localdate()
    result = pack_apply(pack_read(pack_builder.write()), by=None, publish=True)

    module = ModulePage.objects.get(slug="signalen-herkennen")
    assert module.live and not module.has_unpublished_changes
    assert module.audience == pack_site["audience"]
    assert module.get_parent().pk == pack_site["modules"].pk
    assert [block.block_type for block in module.team_kit] == ["questions"]
    lessons = list(LessonPage.objects.child_of(module).order_by("path"))
    assert [lesson.slug for lesson in lessons] == ["wat-is-ondermijning", "melden"]
    assert all(lesson.live for lesson in lessons)
    # Block ids travel with the pack (dilemma choices and reflections are stored by them).
    assert [block.id for block in lessons[0].body] == ["b-1", "b-2"]
    # The page link to the later lesson and the document link point at this site's objects.
    text = lessons[0].body[0].value.source
    assert f'<a linktype="page" id="{lessons[1].pk}">' in text
    image = lessons[0].body[1].value["image"]
    assert image.title == "Loods (voorbeeld)" and image.contextual_alt_text == "Een grijze loods"
    document = get_document_model().objects.get()
    assert lessons[1].body[1].value["document"].pk == document.pk
    assert f'id="{document.pk}"' in lessons[1].body[0].value.source

    quiz = module.final_quiz
    assert quiz.title == "Eindtoets signalen (voorbeeld)" and quiz.max_attempts == 3
    rule = quiz.draw_rules.get()
    assert rule.pool.name == "Signalen (voorbeeld)" and rule.count == 2
    question = _object("question", "signalen/melden-routes")
    assert question.source_page.specific == lessons[1]
    assert [option.is_correct for option in question.options.order_by("sort_order")] == [
        True,
        False,
    ]

    trend = TrendPage.objects.get(slug="drugs-in-opslagboxen")
    assert trend.live and trend.review_by == today + timedelta(days=180)
    assert trend.refresher.slug == "opfrisser-opslagboxen"
    assert [signal.value for signal in trend.signals] == ["Huur voor korte tijd, contant betaald"]
    refresher_question = _object("question", "opfrisser/box-1")
    assert refresher_question.source_page.pk == trend.pk

    template = SessionTemplate.objects.get()
    assert (template.kind, template.capacity) == ("casustafel", 12)
    assert template.audience.name == "Aandachtsfunctionarissen (voorbeeld)"
    reflection = ReflectionPage.objects.get()
    assert reflection.live and [block.id for block in reflection.statements] == ["s-1"]

    assert PackItem.objects.count() == 14
    assert result.pack_import.applied and result.pack_import.pack_version == "2026.12"
    assert result.counts["question"][ACTION_NEW] == 5
    event = AuditEvent.objects.get(action=AuditAction.CONTENT_PACK_IMPORTED)
    assert event.details["pack"] == "voorbeeld" and event.details["question_new"] == 5


def test_apply_without_publish_makes_drafts_and_submits_trends_for_review(
    pack_site, pack_builder, make_user
):
    kernteam = make_user(Role.MEDEWERKER, Role.KERNTEAM)
    pack_apply(pack_read(pack_builder.write()), by=kernteam, publish=False)

    module = ModulePage.objects.get(slug="signalen-herkennen")
    assert not module.live and module.has_unpublished_changes
    assert module.get_latest_revision().content["final_quiz"] == module.final_quiz_id
    assert module.final_quiz is not None
    assert not any(LessonPage.objects.child_of(module).values_list("live", flat=True))
    lesson = LessonPage.objects.get(slug="melden")
    assert lesson.revisions.count() == 1 and lesson.get_latest_revision().user == kernteam
    trend = TrendPage.objects.get()
    assert not trend.live
    state = WorkflowState.objects.get(object_id=str(trend.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == kernteam
    assert not ReflectionPage.objects.get().live
    assert PackImport.objects.get().imported_by == kernteam


def test_importing_the_same_pack_twice_changes_nothing(pack_site, pack_builder):
    folder = pack_builder.write()
    pack_apply(pack_read(folder), by=None, publish=True)
    after_first = _snapshot()
    checksums = dict(PackItem.objects.values_list("key", "checksum"))

    plan = pack_check(pack_read(folder))
    assert {kind: numbers[ACTION_UNCHANGED] for kind, numbers in plan.counts().items()} == {
        "module": 2,
        "lesson": 2,
        "pool": 2,
        "question": 5,
        "trend": 1,
        "session_template": 1,
        "reflection": 1,
    }
    assert all(entry.action == ACTION_UNCHANGED for entry in plan.entries)
    pack_apply(pack_read(folder), by=None, publish=True)

    assert _snapshot() == after_first
    assert dict(PackItem.objects.values_list("key", "checksum")) == checksums
    assert PackImport.objects.count() == 2


def test_the_same_pack_as_a_zip_of_its_folder_reads_the_same(pack_site, pack_builder, tmp_path):
    folder_plan = pack_check(pack_read(pack_builder.write()))
    archive = pack_builder.zip(tmp_path / "pakket.zip")
    zip_plan = pack_check(pack_read(archive))
    assert zip_plan.error_lines() == [] and zip_plan.entries == folder_plan.entries


def test_a_changed_item_gets_a_new_revision_and_a_new_question_version(
    pack_site, pack_builder, tmp_path, make_user
):
    pack_apply(pack_read(pack_builder.write()), by=None, publish=True)
    module = ModulePage.objects.get(slug="signalen-herkennen")
    # A learner answers the final quiz: its questions are now held by an attempt.
    learner = make_user(Role.MEDEWERKER)
    attempt = attempt_start(
        user=learner,
        quiz=module.final_quiz,
        enrolment=enrolment_get_or_start(user=learner, module=module),
        number=1,
    )
    asked = AttemptItem.objects.filter(attempt=attempt).select_related("question").first()
    key = PackItem.objects.get(kind="question", object_id=asked.question_id).key.split("/")[1]
    old_text = asked.text
    # The kernteam renamed the module's slug; the pack still finds it by its key.
    ModulePage.objects.filter(pk=module.pk).update(slug="signalen-hernoemd")

    changed = pack_builder.copy(tmp_path / "pack-2")
    changed.question("signalen", key)["text"] = "Wat doe je als je twijfelt? (nieuw)"
    changed.module("signalen")["lessons"][1]["title"] = "Melden bij het kernteam"
    lesson = LessonPage.objects.get(slug="melden")
    revisions = {
        "lesson": lesson.revisions.count(),
        "other_lesson": LessonPage.objects.get(slug="wat-is-ondermijning").revisions.count(),
        "module": module.revisions.count(),
    }

    plan = pack_check(pack_read(changed.write()))
    assert plan.counts()["lesson"] == {ACTION_NEW: 0, ACTION_CHANGED: 1, ACTION_UNCHANGED: 1}
    assert plan.counts()["question"] == {ACTION_NEW: 0, ACTION_CHANGED: 1, ACTION_UNCHANGED: 4}
    pack_apply(pack_read(changed.root), by=None, publish=False)

    lesson.refresh_from_db()
    assert lesson.revisions.count() == revisions["lesson"] + 1
    # Without publish the change is a draft: the live lesson keeps its title for now.
    assert lesson.title == "Melden" and lesson.has_unpublished_changes
    assert lesson.get_latest_revision_as_object().title == "Melden bij het kernteam"
    other = LessonPage.objects.get(slug="wat-is-ondermijning")
    assert other.revisions.count() == revisions["other_lesson"]
    assert module.revisions.count() == revisions["module"]
    assert ModulePage.objects.filter(slug__startswith="signalen").count() == 1

    question = Question.objects.get(pk=asked.question_id)
    assert question.text == "Wat doe je als je twijfelt? (nieuw)" and question.version == 2
    asked.refresh_from_db()
    assert asked.text == old_text and asked.question_version == 1


def test_identical_media_files_become_one_image(pack_site, pack_builder):
    lesson = pack_builder.module("signalen")["lessons"][1]
    lesson["body"].append(
        {
            "type": "image",
            "value": {
                "image": {"media": "kopie.png", "title": "Kopie", "alt": "Een grijze loods"},
                "caption": "",
            },
            "id": "b-5",
        }
    )
    pack_builder.media["kopie.png"] = pack_builder.media["loods.png"]
    pack_apply(pack_read(pack_builder.write()), by=None, publish=True)
    assert get_image_model().objects.count() == 1


def test_ids_in_rich_text_links_are_this_sites(pack_site, pack_builder):
    pack_apply(pack_read(pack_builder.write()), by=None, publish=True)
    source = LessonPage.objects.get(slug="wat-is-ondermijning").body[0].value.source
    assert "ref=" not in source and "media=" not in source
    linked = int(re.search(r'id="(\d+)"', source).group(1))
    assert Page.objects.get(pk=linked).slug == "melden"


def test_the_result_and_the_selector_give_each_items_object(pack_site, pack_builder):
    result = pack_apply(pack_read(pack_builder.write()), by=None, publish=True)
    module = result.objects[("module", "signalen")]
    assert isinstance(module, ModulePage) and module.slug == "signalen-herkennen"
    again = pack_apply(pack_read(pack_builder.root), by=None, publish=True)
    assert again.objects[("module", "signalen")].pk == module.pk
    lesson = pack_item_object(pack_key="voorbeeld", kind="lesson", key="signalen/melden")
    assert isinstance(lesson, LessonPage) and lesson.slug == "melden"
    assert pack_item_object(pack_key="voorbeeld", kind="lesson", key="signalen/geen") is None


def _extra_module(key: str) -> dict:
    return {
        "key": key,
        "title": f"Module {key} (voorbeeld)",
        "slug": f"{key}-voorbeeld",
        "intro": "<p>Een extra module (voorbeeld).</p>",
        "learning_goals": "Je kent de volgorde.",
        "estimated_minutes": 5,
        "audience": None,
        "team_kit": [],
        "final_quiz": None,
        "lessons": [
            {
                "key": f"les-{number}",
                "title": f"Les {number}",
                "slug": f"les-{number}",
                "summary": "",
                "estimated_minutes": 2,
                "body": [{"type": "text", "value": f"<p>Les {number}.</p>", "id": f"t-{number}"}],
            }
            for number in (3, 1, 2)
        ],
    }


def _overview(pack_site) -> list[str]:
    index = Page.objects.get(pk=pack_site["modules"].pk)
    return list(index.get_children().values_list("slug", flat=True))


def test_new_pages_follow_the_manifest_order_and_existing_pages_stay_put(
    pack_site, pack_builder, tmp_path
):
    for key in ("zorg", "bestuur", "melden"):
        pack_builder.items["modules"][key] = _extra_module(key)
    # Pack order, not path order: the importer makes new pages in the manifest's order.
    pack_builder.order = [
        "modules/zorg.json",
        "reflections/hoe-weerbaar.json",
        "modules/signalen.json",
        "modules/bestuur.json",
        "modules/opfrisser.json",
        "modules/melden.json",
    ]
    pack_apply(pack_read(pack_builder.write()), by=None, publish=True)
    expected = [
        "zorg-voorbeeld",
        "hoe-weerbaar-ben-ik",
        "signalen-herkennen",
        "bestuur-voorbeeld",
        "opfrisser-opslagboxen",
        "melden-voorbeeld",
    ]
    assert _overview(pack_site) == expected
    lessons = ModulePage.objects.get(slug="bestuur-voorbeeld").get_children()
    assert list(lessons.values_list("slug", flat=True)) == ["les-3", "les-1", "les-2"]

    # A later pack with another order and a new module: the pages already on the site are
    # not moved; the new one comes after them.
    later = pack_builder.copy(tmp_path / "later")
    later.items["modules"]["agenda"] = _extra_module("agenda")
    later.module("zorg")["title"] = "Zorg, nieuwe titel (voorbeeld)"
    later.order = ["modules/agenda.json", *reversed(pack_builder.order)]
    pack_apply(pack_read(later.write()), by=None, publish=True)
    assert _overview(pack_site) == [*expected, "agenda-voorbeeld"]
    assert ModulePage.objects.get(slug="zorg-voorbeeld").title == "Zorg, nieuwe titel (voorbeeld)"
