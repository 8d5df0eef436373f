"""A pack with errors: every error is listed in Dutch with its file and field, and nothing
changes (not in the dry run, not when applying)."""

from __future__ import annotations

import zipfile

import pytest
from django.test import override_settings
from django.utils import translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from modules.awareness.models import CASUSTAFEL_NEEDS_AUDIENCE
from modules.contentpacks.importer import PackInvalid, pack_apply, pack_check, pack_read
from modules.contentpacks.models import PackImport, PackItem
from quizzes.models import Question, QuestionPool

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def _counts() -> tuple[int, ...]:
    return (
        Page.objects.count(),
        Revision.objects.count(),
        PackItem.objects.count(),
        PackImport.objects.count(),
        Question.objects.count(),
        QuestionPool.objects.count(),
        get_image_model().objects.count(),
    )


def _refused(source) -> list[str]:
    """The pack's errors, after checking that applying it changes nothing."""
    before = _counts()
    with pytest.raises(PackInvalid) as refused:
        pack_apply(pack_read(source), by=None, publish=True)
    assert _counts() == before
    lines = refused.value.plan.error_lines()
    assert lines == pack_check(pack_read(source)).error_lines()
    assert _counts() == before
    return lines


def test_a_wrong_checksum_names_the_file(pack_site, pack_builder):
    pack_builder.wrong_checksums["modules/signalen.json"] = "0" * 64
    assert _refused(pack_builder.write()) == [
        "modules/signalen.json: De controlesom in manifest.json klopt niet met dit bestand."
    ]


def test_a_file_missing_from_the_manifest_and_a_listed_file_missing(pack_site, pack_builder):
    pack_builder.unlisted.add("media/loods.png")
    folder = pack_builder.write()
    (folder / "sessions" / "casustafel.json").unlink()
    lines = _refused(folder)
    assert "media/loods.png: Dit bestand staat niet in manifest.json." in lines
    assert "sessions/casustafel.json: Dit bestand staat in manifest.json, maar ontbreekt." in lines


def test_an_unknown_kind_of_file(pack_site, pack_builder):
    pack_builder.raw["widgets/iets.json"] = b"{}"
    (line,) = _refused(pack_builder.write())
    assert line.startswith("widgets/iets.json: Dit bestand hoort niet in een pakket.")


def test_a_missing_field_and_an_unknown_field(pack_site, pack_builder):
    del pack_builder.module("signalen")["title"]
    pack_builder.module("signalen")["lessons"][0]["sumary"] = "typfout"
    lines = _refused(pack_builder.write())
    assert "modules/signalen.json, title: Dit veld ontbreekt." in lines
    assert (
        'modules/signalen.json, les "wat-is-het", sumary: Dit veld bestaat niet in '
        "formaatversie 1." in lines
    )


def test_bad_keys(pack_site, pack_builder):
    pack_builder.module("signalen")["lessons"][1]["key"] = "Melden Nu"
    pack_builder.items["pools"]["Signalen_Pool"] = pack_builder.items["pools"].pop("opfrisser")
    pack_builder.items["pools"]["Signalen_Pool"]["key"] = "Signalen_Pool"
    lines = _refused(pack_builder.write())
    message = (
        "Een sleutel heeft alleen kleine letters, cijfers en streepjes (hoogstens 80) en begint "
        "met een letter of cijfer."
    )
    assert f"modules/signalen.json, lessons[1].key: {message}" in lines
    assert f"pools/Signalen_Pool.json: {message}" in lines


def test_dangling_references(pack_site, pack_builder):
    pack_builder.module("signalen")["final_quiz"]["draw"][0]["pool"] = "bestaat-niet"
    pack_builder.question("signalen", "kernteam")["source"] = {"lesson": "signalen/weg"}
    pack_builder.items["trends"]["opslagboxen"]["refresher"] = "geen-module"
    pack_builder.module("signalen")["intro"] = (
        '<p>Zie <a linktype="page" ref="module:onbekend">deze module</a>.</p>'
    )
    lines = _refused(pack_builder.write())
    assert (
        'modules/signalen.json, final_quiz.draw[0].pool: Er is geen pool "bestaat-niet" in dit '
        "pakket." in lines
    )
    assert (
        'pools/signalen.json, vraag "kernteam", source: Er is geen les "signalen/weg" in dit '
        "pakket." in lines
    )
    assert (
        'trends/opslagboxen.json, refresher: Er is geen module "geen-module" in dit pakket.'
        in lines
    )
    assert any(
        line.startswith("modules/signalen.json, intro: Een link naar een pagina") for line in lines
    )


def test_an_unknown_audience(pack_site, pack_builder):
    pack_builder.items["trends"]["opslagboxen"]["audience"] = "Havenmeesters (voorbeeld)"
    assert _refused(pack_builder.write()) == [
        'trends/opslagboxen.json, audience: Er is geen doelgroep "Havenmeesters (voorbeeld)" op '
        "deze site. Maak die eerst, of pas het pakket aan."
    ]


def test_question_options_break_the_quiz_editors_rules(pack_site, pack_builder):
    pack_builder.question("signalen", "melden-routes")["options"][1]["correct"] = True
    pack_builder.question("signalen", "zelf-uitzoeken")["options"][0]["text"] = "Ja"
    lines = _refused(pack_builder.write())
    assert (
        'pools/signalen.json, vraag "melden-routes", options: Dit soort vraag heeft precies één '
        "goed antwoord nodig." in lines
    )
    assert any(
        line.startswith('pools/signalen.json, vraag "zelf-uitzoeken", options: ') for line in lines
    )


def test_an_active_question_without_source(pack_site, pack_builder):
    pack_builder.question("signalen", "kernteam")["source"] = None
    assert _refused(pack_builder.write()) == [
        'pools/signalen.json, vraag "kernteam", source: Een vraag in gebruik heeft een bron '
        "nodig: de les of trend die het uitlegt."
    ]


@override_settings(CONTENT_PACK_MAX_MEDIA_BYTES=100)
def test_a_media_file_over_the_limit(pack_site, pack_builder):
    pack_builder.media["groot.pdf"] = b"%PDF" + b"x" * 196
    assert _refused(pack_builder.write()) == [
        "media/groot.pdf: Dit bestand is 200 bytes; een mediabestand mag hoogstens 100 bytes zijn."
    ]


@override_settings(CONTENT_PACK_MAX_BYTES=1000)
def test_a_zip_over_the_pack_limit_is_refused_before_reading(pack_site, pack_builder, tmp_path):
    (line,) = _refused(pack_builder.zip(tmp_path / "groot.zip"))
    assert line.startswith("het pakket: Het pakket is ")


def test_a_zip_with_a_path_outside_the_pack(pack_site, pack_builder, tmp_path):
    archive = pack_builder.zip(tmp_path / "kwaad.zip", extra={"../buiten.txt": b"nee"})
    assert _refused(archive) == ["../buiten.txt: Een pad in het zipbestand gaat buiten het pakket."]
    assert not (tmp_path / "buiten.txt").exists()


def test_a_zip_with_an_absolute_path(pack_site, tmp_path):
    archive = tmp_path / "absoluut.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("/etc/weerbaar.txt", b"nee")
    assert _refused(archive) == [
        "/etc/weerbaar.txt: Een pad in het zipbestand gaat buiten het pakket."
    ]


def test_an_unknown_format_version(pack_site, pack_builder):
    pack_builder.manifest["format_version"] = 2
    assert _refused(pack_builder.write()) == [
        "manifest.json, format_version: Deze site leest formaatversie 1; het pakket heeft 2."
    ]


def test_block_errors_name_the_block(pack_site, pack_builder):
    image = pack_builder.module("signalen")["lessons"][0]["body"][1]["value"]["image"]
    image["alt"], image["decorative"] = "", False
    pack_builder.module("signalen")["lessons"][1]["body"][1]["value"]["document"] = 12
    lines = _refused(pack_builder.write())
    assert any(
        line.startswith('modules/signalen.json, les "wat-is-het", body[1]') for line in lines
    )
    assert (
        'modules/signalen.json, les "melden", body: Een afbeelding of document schrijf je als '
        '{"media": "<bestandsnaam>", …}.' in lines
    )


def test_several_errors_are_listed_together(pack_site, pack_builder):
    pack_builder.wrong_checksums["trends/opslagboxen.json"] = "f" * 64
    pack_builder.question("signalen", "melden-routes")["kind"] = "open"
    pack_builder.items["sessions"]["casustafel"]["capacity"] = 0
    lines = _refused(pack_builder.write())
    assert len(lines) >= 3
    assert any(line.startswith("trends/opslagboxen.json: De controlesom") for line in lines)
    assert any(
        line.startswith('pools/signalen.json, vraag "melden-routes", kind: ') for line in lines
    )
    assert "sessions/casustafel.json, capacity: Dit moet van 1 tot en met 32767 zijn." in lines


def test_a_pool_name_the_site_has_already(pack_site, pack_builder):
    QuestionPool.objects.create(name="Signalen (voorbeeld)")
    assert _refused(pack_builder.write()) == [
        'pools/signalen.json, name: De site heeft al een pool "Signalen (voorbeeld)" die niet uit '
        "dit pakket komt."
    ]


def _video(captions: str) -> dict:
    return {
        "type": "video",
        "value": {
            "title": "Uitleg (voorbeeld)",
            "video": {"media": "uitleg.mp4", "title": "Uitleg"},
            "captions": {"media": captions, "title": "Ondertitels"},
            "transcript": "Wat je ziet en hoort (voorbeeld).",
        },
        "id": "v-1",
    }


def test_video_captions_must_be_webvtt(pack_site, pack_builder):
    pack_builder.module("signalen")["lessons"][1]["body"].append(_video("formulier.pdf"))
    pack_builder.media["uitleg.mp4"] = b"\x00\x00\x00\x18ftypmp42voorbeeld"
    assert _refused(pack_builder.write()) == [
        'modules/signalen.json, les "melden", body[2].captions: Kies een WebVTT-bestand (.vtt).'
    ]


def test_a_video_with_webvtt_captions_is_fine(pack_site, pack_builder):
    pack_builder.module("signalen")["lessons"][1]["body"].append(_video("uitleg.vtt"))
    pack_builder.media["uitleg.mp4"] = b"\x00\x00\x00\x18ftypmp42voorbeeld"
    pack_builder.media["uitleg.vtt"] = b"WEBVTT\n\n00:00.000 --> 00:02.000\nVoorbeeld.\n"
    assert pack_check(pack_read(pack_builder.write())).error_lines() == []


def test_null_where_a_value_is_needed(pack_site, pack_builder):
    module = pack_builder.module("signalen")
    module["title"], module["estimated_minutes"] = None, None
    pack_builder.question("signalen", "kernteam")["is_active"] = None
    pack_builder.items["trends"]["opslagboxen"]["signals"] = None
    lines = _refused(pack_builder.write())
    assert "modules/signalen.json, title: Dit moet tekst zijn." in lines
    assert "modules/signalen.json, estimated_minutes: Dit moet een heel getal zijn." in lines
    assert 'pools/signalen.json, vraag "kernteam", is_active: Dit moet true of false zijn.' in lines
    assert "trends/opslagboxen.json, signals: Dit moet een lijst zijn." in lines


def test_a_casustafel_needs_an_audience(pack_site, pack_builder):
    pack_builder.items["sessions"]["casustafel"]["audience"] = None
    # The model's own message (modules.awareness.models), in Dutch.
    assert _refused(pack_builder.write()) == [
        f"sessions/casustafel.json, audience: {CASUSTAFEL_NEEDS_AUDIENCE}"
    ]
    assert str(CASUSTAFEL_NEEDS_AUDIENCE).startswith("Een casustafel is alleen voor")


def test_documents_follow_the_sites_upload_rules_no_svg(pack_site, pack_builder):
    """An SVG can carry script: the pack may not bring in what an upload may not."""
    lesson = pack_builder.module("signalen")["lessons"][1]
    lesson["body"][1]["value"]["document"]["media"] = "logo.svg"
    lesson["body"][0]["value"] = '<p>Zie <a linktype="document" media="pagina.html">dit</a>.</p>'
    pack_builder.media["logo.svg"] = b'<svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'
    pack_builder.media["pagina.html"] = b"<script>alert(1)</script>"
    lines = _refused(pack_builder.write())
    assert any(
        line.startswith(
            'modules/signalen.json, les "melden", body: media/logo.svg mag op deze site geen '
            "document zijn; toegestaan zijn: "
        )
        for line in lines
    )
    assert any(
        line.startswith('modules/signalen.json, les "melden", body: media/pagina.html mag')
        for line in lines
    )
    assert get_document_model().objects.count() == 0


def test_a_year_in_a_trend_source_is_an_unknown_field(pack_site, pack_builder):
    """A source has the fields of the trend's source block (title, publisher, link): a year
    would be dropped without a word, so it is refused like every unknown field."""
    pack_builder.items["trends"]["opslagboxen"]["sources"][0]["year"] = 2025
    assert _refused(pack_builder.write()) == [
        "trends/opslagboxen.json, sources[0].year: Dit veld bestaat niet in formaatversie 1."
    ]
