"""Lesson blocks: the image block is Wagtail's ImageBlock plus a caption (alternative text or
decorative, rendered accessibly; the migration that moved stored lessons to that shape), and
the block picker previews exactly the blocks whose docstring says they have one."""

from __future__ import annotations

import importlib
import json

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse
from wagtail.blocks import StructBlockValidationError
from wagtail_factories import ImageFactory

from modules.blocks import LessonStreamBlock
from modules.learning.models import LessonPage
from tests.factories import LessonPageFactory, module_with_lessons

pytestmark = pytest.mark.django_db

MIGRATION = importlib.import_module(
    "modules.learning.migrations.0007_lesson_image_block_is_wagtails_image_block"
)
WrapInImageBlock, UnwrapImageBlock = MIGRATION.WrapInImageBlock, MIGRATION.UnwrapImageBlock


def image_block(image, *, alt_text="", decorative=False, caption=""):
    return (
        "image",
        {
            "image": {"image": image, "alt_text": alt_text, "decorative": decorative},
            "caption": caption,
        },
    )


def lesson_with(*blocks):
    module = module_with_lessons(lessons=0)
    return LessonPageFactory(parent=module, body=list(blocks))


def test_an_image_renders_with_its_alternative_text_and_a_decorative_one_with_empty_alt(
    client, medewerker
):
    photo, ornament = ImageFactory(title="foto.jpg"), ImageFactory(title="krul.png")
    lesson = lesson_with(
        image_block(photo, alt_text="Een loods op een bedrijventerrein", caption="Buiten"),
        image_block(ornament, decorative=True),
    )
    client.force_login(medewerker)
    html = client.get(lesson.url).content.decode()
    assert 'alt="Een loods op een bedrijventerrein"' in html
    assert "<figcaption>Buiten</figcaption>" in html
    assert html.count("<figcaption>") == 1  # no empty caption for the decorative one
    assert 'alt=""' in html
    assert "krul.png" not in html  # the image's title is not read out instead


def test_an_image_needs_alternative_text_or_the_decorative_mark():
    block = LessonStreamBlock().child_blocks["image"]
    image = ImageFactory()
    value = block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}})
    with pytest.raises(StructBlockValidationError):
        block.clean(value)
    for inner in ({"alt_text": "Een loods"}, {"alt_text": "", "decorative": True}):
        value = block.to_python({"image": {"image": image.pk, **inner}, "caption": ""})
        assert block.clean(value)["image"].pk == image.pk


def store_raw(lesson: LessonPage, body: list) -> None:
    """Write ``body`` into the page and its latest revision as stored JSON, past the blocks."""
    lesson.save_revision()
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {LessonPage._meta.db_table} SET body = %s WHERE page_ptr_id = %s",  # noqa: S608
            [json.dumps(body), lesson.pk],
        )
    revision = lesson.latest_revision
    revision.content["body"] = json.dumps(body)
    revision.save(update_fields=["content"])


def test_the_migration_moves_stored_images_into_the_new_shape_and_back():
    image = ImageFactory()
    lesson = lesson_with()
    old = [
        {
            "type": "image",
            "id": "a1",
            "value": {"image": image.pk, "alt_text": "Een loods", "caption": "Buiten"},
        }
    ]
    store_raw(lesson, old)

    MIGRATION.lessonpage_image_blocks(WrapInImageBlock())(apps, None)
    MIGRATION.lessonpage_image_blocks(WrapInImageBlock())(apps, None)  # twice changes nothing

    for page in (
        LessonPage.objects.get(pk=lesson.pk),
        lesson.latest_revision.__class__.objects.get(pk=lesson.latest_revision.pk).as_object(),
    ):
        value = page.body[0].value
        assert value["image"].pk == image.pk
        assert value["image"].contextual_alt_text == "Een loods"
        assert value["image"].decorative is False
        assert value["caption"] == "Buiten"
        assert page.body.raw_data[0]["value"] == {
            "image": {"image": image.pk, "alt_text": "Een loods", "decorative": False},
            "caption": "Buiten",
        }

    MIGRATION.lessonpage_image_blocks(UnwrapImageBlock())(apps, None)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT body FROM {LessonPage._meta.db_table} WHERE page_ptr_id = %s",  # noqa: S608
            [lesson.pk],
        )
        stored = cursor.fetchone()[0]
    assert json.loads(stored) == old


def test_the_block_picker_previews_every_text_block_with_the_sites_stylesheet(
    mfa_client_for, kernteam_user
):
    children = LessonPage._meta.get_field("body").stream_block.child_blocks
    previewable = {name for name, block in children.items() if block.is_previewable}
    assert previewable == {"text", "signal", "dilemma", "report_it", "takeaways"}
    client = mfa_client_for(kernteam_user)
    for name in sorted(previewable):
        block = children[name]
        response = client.get(
            reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
        )
        assert response.status_code == 200, name
        html = response.content.decode()
        assert "css/weerbaar.css" in html, name
        assert f'class="w-block-{name} block-{name}"' in html, name
    report_it = client.get(
        reverse("wagtailadmin_block_preview"), {"id": children["report_it"].definition_prefix}
    ).content.decode()
    assert "Twijfel je? Meld het toch." in report_it
