"""Exporting content packs: what the files say (keys, references, media, checksums), that only
published content goes in, that a pack is self-contained, and that the same content gives the
same bytes."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from wagtail.rich_text import RichText

from modules.contentpacks.exporter import (
    ExportError,
    derive_key,
    pack_bytes_zip,
    pack_export,
    pack_write,
)
from modules.contentpacks.format import FORMAT, FORMAT_VERSION, lesson_key, question_key
from modules.contentpacks.models import PackImport, PackItem
from modules.council.services import reflection_page_create
from modules.learning.models import ModuleIndexPage
from tests.factories import a_trend
from tests.factories.pack_content import (
    DRAFT_TEXT,
    MODULE_SLUG,
    MP4,
    PDF,
    PNG,
    POOL_NAME,
    REFLECTION_SLUG,
    REFRESHER_POOL,
    TREND_SLUG,
    VTT,
    pack_content,
)

pytestmark = pytest.mark.django_db

MANIFEST = {
    "title": "Voorbeeldpakket",
    "version": "2026.12",
    "source": "Tests",
    "licence": "CC BY 4.0",
}


def export(content, **selection):
    selection.setdefault("modules", [MODULE_SLUG])
    selection.setdefault("trends", [TREND_SLUG])
    selection.setdefault("reflections", [REFLECTION_SLUG])
    selection.setdefault("session_templates", [content.session_template.pk])
    return pack_export(key="voorbeeld", **MANIFEST, **selection)


@pytest.fixture
def content():
    return pack_content()


def test_the_pack_has_one_file_per_item_and_a_manifest_with_every_checksum(content):
    pack = export(content)
    assert sorted(pack.items) == [
        "modules/opfrisser-opslagboxen-voorbeeld.json",  # the trend's refresher comes along
        "modules/signalen-voorbeeld.json",
        "pools/opfrisser-opslagboxen-voorbeeld.json",  # and its pool
        "pools/voorbeeldpool.json",  # the final quiz's pool
        "reflections/hoe-weerbaar-voorbeeld.json",
        "sessions/bewustwording-voor-de-balie-voorbeeld.json",
        "trends/opslagboxen-voorbeeld.json",
    ]
    manifest = pack.manifest
    assert {key: manifest[key] for key in ("format", "format_version", "key", "language")} == {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "key": "voorbeeld",
        "language": "nl",
    }
    assert manifest["title"] == "Voorbeeldpakket" and manifest["licence"] == "CC BY 4.0"
    assert "exported_at" not in manifest
    listed = {entry["path"]: entry["sha256"] for entry in manifest["files"]}
    assert sorted(listed) == sorted(pack.files)
    # Pack order: the pages in tree order (the module, the refresher made after it and the
    # reflection in the modules overview, then the trends overview), then pools, session
    # templates and media by path.
    assert [entry["path"] for entry in manifest["files"]] == [
        "modules/signalen-voorbeeld.json",
        "modules/opfrisser-opslagboxen-voorbeeld.json",
        "reflections/hoe-weerbaar-voorbeeld.json",
        "trends/opslagboxen-voorbeeld.json",
        "pools/opfrisser-opslagboxen-voorbeeld.json",
        "pools/voorbeeldpool.json",
        "sessions/bewustwording-voor-de-balie-voorbeeld.json",
        *sorted(path for path in listed if path.startswith("media/")),
    ]
    for path, data in pack.files.items():
        assert listed[path] == hashlib.sha256(data).hexdigest()
    for path, data in pack.items.items():
        # Two-space indentation, sorted keys, real UTF-8, as the spec says.
        text = pack.files[path].decode("utf-8")
        assert text == json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def test_a_module_carries_its_published_lessons_in_tree_order_with_keys_from_slugs(content):
    module = export(content).items["modules/signalen-voorbeeld.json"]
    assert module["key"] == "signalen-voorbeeld"
    assert module["title"] == "Signalen herkennen (voorbeeld)"  # not the draft title
    assert module["audience"] == "Alle medewerkers (voorbeeld)"
    assert module["learning_goals"] == "Je herkent signalen.\nJe weet waar je meldt."
    assert [lesson["key"] for lesson in module["lessons"]] == ["wat-je-ziet", "melden", "terugblik"]
    first = module["lessons"][0]
    assert [block["type"] for block in first["body"]] == [
        "text",
        "image",
        "signal",
        "dilemma",
        "video",
    ]
    # Block ids are kept: a learner's dilemma choice refers to them.
    assert [block["id"] for block in first["body"]] == [
        block.id for block in content.lessons[0].specific.live_revision.as_object().body
    ]
    assert [block["type"] for block in module["team_kit"]] == ["text", "dilemma", "questions"]
    assert module["final_quiz"] == {
        "title": "Eindtoets (voorbeeld)",
        "intro": "Vier vragen.",
        "pass_mark": 75,
        "max_attempts": 3,
        "retry_wait_minutes": 30,
        "feedback_timing": "after_quiz",
        "review_after_fail": "themes",
        "review_after_last": "full",
        "review_after_pass": "full",
        "draw": [
            {"pool": "voorbeeldpool", "theme": "melden", "count": 2},
            {"pool": "voorbeeldpool", "theme": "drugs", "count": 2},
        ],
    }


def test_drafts_and_unpublished_lessons_stay_out(content):
    pack = export(content)
    for data in pack.files.values():
        assert DRAFT_TEXT.encode() not in data
    lessons = pack.items["modules/signalen-voorbeeld.json"]["lessons"]
    assert "nog-niet-af" not in [lesson["key"] for lesson in lessons]
    assert "Kijk goed" in lessons[0]["body"][0]["value"]  # the published body, not the draft


def test_media_become_files_and_references_by_name(content):
    pack = export(content)
    assert {path: data for path, data in pack.files.items() if path.startswith("media/")} == {
        "media/loods-op-een-bedrijventerrein.png": PNG,
        "media/meldformulier-voorbeeld.pdf": PDF,
        "media/uitlegvideo.mp4": MP4,
        "media/ondertitels.vtt": VTT,
    }
    lessons = pack.items["modules/signalen-voorbeeld.json"]["lessons"]
    image = lessons[0]["body"][1]["value"]
    assert image == {
        "caption": "Een loods (voorbeeld)",
        "image": {
            "media": "loods-op-een-bedrijventerrein.png",
            "title": "Loods op een bedrijventerrein",
            "alt": "Een loods",
            "decorative": False,
        },
    }
    video = lessons[0]["body"][4]["value"]
    assert video["video"] == {"media": "uitlegvideo.mp4", "title": "Uitlegvideo"}
    assert video["captions"] == {"media": "ondertitels.vtt", "title": "Ondertitels"}
    assert lessons[1]["body"][1]["value"]["document"] == {
        "media": "meldformulier-voorbeeld.pdf",
        "title": "Meldformulier (voorbeeld)",
    }


def test_rich_text_links_point_into_the_pack_instead_of_at_database_ids(content):
    pack = export(content)
    text = pack.items["modules/signalen-voorbeeld.json"]["lessons"][2]["body"][0]["value"]
    assert '<a linktype="page" ref="lesson:signalen-voorbeeld/wat-je-ziet">Wat je ziet</a>' in text
    assert '<a linktype="document" media="meldformulier-voorbeeld.pdf">het formulier</a>' in text
    assert '<a href="https://www.example.test/">' in text  # an external link stays
    assert f'id="{content.lessons[0].pk}"' not in text
    description = pack.items["sessions/bewustwording-voor-de-balie-voorbeeld.json"]["description"]
    assert 'media="meldformulier-voorbeeld.pdf"' in description and "id=" not in description


def test_questions_name_their_lesson_or_trend_by_key_and_keep_their_options_in_order(content):
    pack = export(content)
    pool = pack.items["pools/voorbeeldpool.json"]
    assert pool["name"] == POOL_NAME
    assert [question["key"] for question in pool["questions"]] == [
        "wat-doe-je-als-je-een-signaal-ziet",
        "je-moet-eerst-bewijs-hebben-voordat-je-meldt",
        "welke-signalen-passen-bij-drugsopslag",
        "wat-doe-je",
        "wat-doe-je-als-je-een-signaal-ziet-2",  # the same text twice: unique in the pool
    ]
    first = pool["questions"][0]
    assert first["source"] == {"lesson": "signalen-voorbeeld/melden"}
    assert first["kind"] == "single" and first["theme"] == "melden" and first["is_active"]
    assert first["options"] == [
        {"text": "Ik meld het", "correct": True, "feedback": "Goed."},
        {"text": "Ik ga zelf kijken", "correct": False, "feedback": "Liever niet."},
        {"text": "Niets", "correct": False, "feedback": ""},
    ]
    assert pool["questions"][2]["source_note"] == "Sterke anijslucht"
    assert pool["questions"][3]["scenario"].startswith("Een huurder betaalt contant")
    refresher_pool = pack.items["pools/opfrisser-opslagboxen-voorbeeld.json"]
    assert refresher_pool["name"] == REFRESHER_POOL
    assert {q["source"]["trend"] for q in refresher_pool["questions"]} == {"opslagboxen-voorbeeld"}


def test_a_trend_names_its_refresher_by_key(content):
    trend = export(content).items["trends/opslagboxen-voorbeeld.json"]
    assert trend["refresher"] == "opfrisser-opslagboxen-voorbeeld"
    assert trend["signals"] == ["Contant vooruitbetalen", "Komt op rare tijden"]
    assert trend["sources"] == [
        {
            "title": "Onderzoek (voorbeeld)",
            "publisher": "Rekenkamer",
            "url": "https://example.test/",
        }
    ]
    assert trend["review_after_days"] == 90
    assert trend["theme"] == "drugs" and trend["audience"] == "Alle medewerkers (voorbeeld)"


def test_reflection_and_session_template(content):
    pack = export(content)
    reflection = pack.items["reflections/hoe-weerbaar-voorbeeld.json"]
    assert reflection["audience"] == "Raadsleden (voorbeeld)"
    assert [block["value"]["statement"] for block in reflection["statements"]] == [
        "Ik weet bij wie ik terechtkan.",
        "Ik herken een eerste stap.",
    ]
    template = pack.items["sessions/bewustwording-voor-de-balie-voorbeeld.json"]
    assert {k: template[k] for k in ("kind", "theme", "duration_minutes", "capacity")} == {
        "kind": "bewustwording",
        "theme": "melden",
        "duration_minutes": 120,
        "capacity": 20,
    }


def test_the_same_content_gives_the_same_bytes_twice(content, tmp_path):
    first, second = export(content), export(content)
    assert first.all_files() == second.all_files()
    assert pack_bytes_zip(first) == pack_bytes_zip(second)
    pack_write(first, tmp_path / "a.zip")
    pack_write(second, tmp_path / "b.zip")
    assert (tmp_path / "a.zip").read_bytes() == (tmp_path / "b.zip").read_bytes()


def test_a_zip_and_a_folder_hold_the_same_files(content, tmp_path):
    pack = export(content)
    pack_write(pack, tmp_path / "pakket.zip")
    pack_write(pack, tmp_path / "pakket")
    with zipfile.ZipFile(io.BytesIO((tmp_path / "pakket.zip").read_bytes())) as archive:
        names = archive.namelist()
        assert names[0] == "manifest.json"
        zipped = {name: archive.read(name) for name in names}
    folder = {
        str(path.relative_to(tmp_path / "pakket")): path.read_bytes()
        for path in (tmp_path / "pakket").rglob("*")
        if path.is_file()
    }
    assert zipped == folder == pack.all_files()


def test_writing_again_replaces_a_previous_pack_but_never_a_folder_with_other_files(
    content, tmp_path
):
    out = tmp_path / "pakket"
    pack_write(export(content), out)
    (out / "trends" / "oud.json").write_text("{}")  # a stale file of an earlier export
    pack_write(export(content, trends=[], modules=[MODULE_SLUG]), out)
    assert not (out / "trends").exists()  # the trend was not exported this time
    assert (out / "modules" / "signalen-voorbeeld.json").exists()

    other = tmp_path / "documenten"
    other.mkdir()
    (other / "brief.txt").write_text("niet weggooien")
    with pytest.raises(ExportError, match="is niet leeg"):
        pack_write(export(content), other)
    assert (other / "brief.txt").read_text() == "niet weggooien"


def test_a_question_taught_outside_the_pack_is_an_error(content):
    with pytest.raises(ExportError) as error:
        export(
            content, modules=[], trends=[], reflections=[], session_templates=[], pools=[POOL_NAME]
        )
    message = str(error.value)
    assert "pools/voorbeeldpool.json" in message
    assert "zit niet in dit pakket" in message
    assert "Wat je ziet" in message


def test_a_page_link_outside_the_pack_is_an_error(content):
    index = ModuleIndexPage.objects.get()
    reflection_page_create(
        index=index,
        title="Met een link",
        slug="met-een-link",
        intro=f'<p>Zie <a linktype="page" id="{content.lessons[1].pk}">de les</a>.</p>',
        statements=[{"statement": "Ik weet het.", "tip": "Goed."}],
    )
    with pytest.raises(ExportError, match="zit niet in dit pakket"):
        pack_export(key="los", **MANIFEST, reflections=["met-een-link"])


def test_an_unknown_name_or_an_empty_selection_is_a_dutch_error(content):
    with pytest.raises(ExportError, match="Er is geen module met de slug “bestaat-niet”"):
        pack_export(key="voorbeeld", **MANIFEST, modules=["bestaat-niet"])
    with pytest.raises(ExportError, match="Er is niets om te exporteren"):
        pack_export(key="leeg", **MANIFEST)
    with pytest.raises(ExportError, match="niet geldig"):
        pack_export(key="Geen Sleutel", **MANIFEST, modules=[MODULE_SLUG])


def test_an_unpublished_module_is_refused(content):
    content.refresher.unpublish()
    with pytest.raises(ExportError, match="niet gepubliceerd"):
        pack_export(key="voorbeeld", **MANIFEST, modules=[content.refresher.slug])


def _record(pack_key, kind, key, obj):
    PackItem.objects.create(
        pack_key=pack_key,
        kind=kind,
        key=key,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        checksum="0" * 64,
    )


def test_content_from_a_pack_keeps_its_keys_and_is_exported_without_naming_it(content):
    _record("onboarding", "module", "oude-module", content.module)
    _record("onboarding", "lesson", lesson_key("oude-module", "eerste-les"), content.lessons[0])
    _record("onboarding", "pool", "oude-pool", content.pool)
    _record("onboarding", "question", question_key("oude-pool", "vraag-een"), content.questions[0])
    _record("anders", "module", "van-een-ander-pakket", content.refresher)

    pack = pack_export(key="onboarding", **MANIFEST)
    assert sorted(pack.items) == ["modules/oude-module.json", "pools/oude-pool.json"]
    module = pack.items["modules/oude-module.json"]
    assert [lesson["key"] for lesson in module["lessons"]] == ["eerste-les", "melden", "terugblik"]
    assert module["final_quiz"]["draw"][0]["pool"] == "oude-pool"
    questions = pack.items["pools/oude-pool.json"]["questions"]
    assert questions[0]["key"] == "vraag-een"
    assert questions[2]["source"] == {"lesson": "oude-module/eerste-les"}
    text = module["lessons"][2]["body"][0]["value"]
    assert 'ref="lesson:oude-module/eerste-les"' in text

    # Naming more content adds it; what is not from this pack gets keys from its slug.
    pack = pack_export(key="onboarding", **MANIFEST, trends=[TREND_SLUG])
    assert "modules/opfrisser-opslagboxen-voorbeeld.json" in pack.items
    assert "modules/oude-module.json" in pack.items
    # Without the recorded items only the named content goes in.
    pack = pack_export(key="onboarding", **MANIFEST, trends=[TREND_SLUG], include_pack_items=False)
    assert "modules/oude-module.json" not in pack.items


def test_derived_keys_follow_the_key_rule():
    assert derive_key("Opfrisser: Drugs in opslagboxen (voorbeeld)") == (
        "opfrisser-drugs-in-opslagboxen-voorbeeld"
    )
    assert derive_key("Wat is ondermijning?") == "wat-is-ondermijning"
    assert derive_key("één_twee  drie") == "een-twee-drie"
    long = derive_key("woord " * 40)
    assert len(long) <= 80 and not long.endswith("-")
    assert derive_key("???") == "item"


def test_the_command_writes_a_pack_and_reuses_the_previous_manifest(content, tmp_path):
    out = tmp_path / "voorbeeld"
    stdout = io.StringIO()
    call_command(
        "export_content_pack",
        "--key=voorbeeld",
        f"--out={out}",
        "--title=Voorbeeldpakket",
        "--version=1",
        "--source=Tests",
        "--licence=CC BY 4.0",
        f"--module={MODULE_SLUG}",
        f"--trend={TREND_SLUG}",
        f"--reflection={REFLECTION_SLUG}",
        f"--session-template={content.session_template.title}",  # by title; export() by id
        stdout=stdout,
    )
    assert "Pakket “voorbeeld” geschreven" in stdout.getvalue()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["title"] == "Voorbeeldpakket" and manifest["version"] == "1"
    assert (out / "pools" / "voorbeeldpool.json").exists()
    assert (out / "media" / "loods-op-een-bedrijventerrein.png").read_bytes() == PNG
    first = (out / "modules" / "signalen-voorbeeld.json").read_bytes()

    # Again, only the module and a new version: the rest of the manifest is the previous one.
    call_command(
        "export_content_pack",
        "--key=voorbeeld",
        f"--out={out}",
        "--version=2",
        f"--module={MODULE_SLUG}",
        stdout=io.StringIO(),
    )
    manifest = json.loads((out / "manifest.json").read_text())
    assert (manifest["title"], manifest["version"], manifest["licence"]) == (
        "Voorbeeldpakket",
        "2",
        "CC BY 4.0",
    )
    assert (out / "modules" / "signalen-voorbeeld.json").read_bytes() == first


def test_the_command_refuses_unknown_content_and_a_missing_licence(content, tmp_path):
    with pytest.raises(CommandError, match="Er is geen vragenpool met de naam “Onbekend”"):
        call_command(
            "export_content_pack",
            "--key=voorbeeld",
            f"--out={tmp_path / 'x'}",
            *[f"--{name}={value}" for name, value in MANIFEST.items()],
            "--pool=Onbekend",
        )
    with pytest.raises(CommandError, match="Er is niets om te exporteren"):
        call_command(
            "export_content_pack",
            "--key=nergens",
            f"--out={tmp_path / 'y'}",
            *[f"--{name}={value}" for name, value in MANIFEST.items()],
        )
    with pytest.raises(CommandError, match="licence"):
        call_command(
            "export_content_pack",
            "--key=voorbeeld",
            f"--out={tmp_path / 'z'}",
            "--title=T",
            "--version=1",
            "--source=S",
            f"--module={MODULE_SLUG}",
        )
    assert not (tmp_path / "x").exists() and not (tmp_path / "z").exists()


def test_the_command_takes_title_and_version_from_the_last_import(content, tmp_path):
    _record("onboarding", "module", "oude-module", content.module)
    _record("onboarding", "pool", "oude-pool", content.pool)
    PackImport.objects.create(pack_key="onboarding", pack_version="2026.11", title="Onboarding")
    call_command(
        "export_content_pack",
        "--key=onboarding",
        f"--out={tmp_path / 'onboarding.zip'}",
        "--source=Tests",
        "--licence=CC BY 4.0",
        stdout=io.StringIO(),
    )
    with zipfile.ZipFile(tmp_path / "onboarding.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert "modules/oude-module.json" in archive.namelist()
    assert (manifest["title"], manifest["version"]) == ("Onboarding", "2026.11")


def test_a_lesson_edited_after_publishing_exports_its_published_body_and_ids(content):
    """A lesson edited after publishing exports its published body, also its ids."""
    lesson = content.lessons[1].specific
    published_ids = [block.id for block in lesson.live_revision.as_object().body]
    lesson.body = [("text", RichText("<p>Nieuw concept</p>"))]
    lesson.save_revision()
    body = export(content).items["modules/signalen-voorbeeld.json"]["lessons"][1]["body"]
    assert [block["id"] for block in body] == published_ids


def test_a_trends_review_interval_counts_from_its_publication_and_is_at_least_a_day(db):
    """The pack carries the interval (the importer sets the date from the import day), counted
    from when the trend was last published, not from the day of the export."""
    old = a_trend(title="Oud", published_days_ago=60, review_in_days=-5)
    overdue = a_trend(title="Over datum", published_days_ago=1, review_in_days=-5)
    pack = pack_export(key="trends", **MANIFEST, trends=[old.slug, overdue.slug])
    intervals = [item["review_after_days"] for item in pack.items.values()]
    assert intervals == [55, 1]
