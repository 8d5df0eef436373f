"""Rich text the editor would not keep (scripts, event attributes, javascript: links, iframes,
refresh tags, forms) is refused in every rich-text field of a pack, and nothing is written.
A JSON file nested too deeply is "not valid JSON", not a crash."""

from __future__ import annotations

import pytest
from django.utils import translation

from modules.contentpacks import format as fmt
from modules.contentpacks.importer import pack_check, pack_read
from tests.contentpacks.test_import_errors import _refused

pytestmark = pytest.mark.django_db

PAYLOADS = {
    "script": ("<p>Hallo</p><script>alert(1)</script>", "<script>"),
    "javascript": ('<p><a href="javascript:alert(1)">klik</a></p>', "<a href="),
    "onclick": ('<p onclick="alert(1)">Hallo</p>', 'onclick="alert(1)"'),
    "iframe": ('<p>Hallo</p><iframe src="https://voorbeeld.test"></iframe>', "<iframe"),
    "meta": ('<meta http-equiv="refresh" content="0;url=https://voorbeeld.test">', "<meta"),
    "form": ('<form action="https://voorbeeld.test"><p>Hallo</p></form>', "<form"),
}

MESSAGE = "bevat HTML die de editor niet toestaat:"


@pytest.fixture(autouse=True)
def _dutch():
    with translation.override("nl"):
        yield


def _set_module_intro(builder, html):
    builder.module("signalen")["intro"] = html
    return "modules/signalen.json", "intro"


def _set_lesson_text(builder, html):
    builder.module("signalen")["lessons"][0]["body"][0]["value"] = html
    return "modules/signalen.json", "body"


def _set_trend_body(builder, html):
    builder.items[fmt.FOLDER_TRENDS]["opslagboxen"]["body"][0]["value"] = html
    return "trends/opslagboxen.json", "body"


def _set_session_description(builder, html):
    builder.items[fmt.FOLDER_SESSIONS]["casustafel"]["description"] = html
    return "sessions/casustafel.json", "description"


def _set_reflection_intro(builder, html):
    builder.items[fmt.FOLDER_REFLECTIONS]["hoe-weerbaar"]["intro"] = html
    return "reflections/hoe-weerbaar.json", "intro"


FIELDS = [
    _set_module_intro,
    _set_lesson_text,
    _set_trend_body,
    _set_session_description,
    _set_reflection_intro,
]


@pytest.mark.parametrize("payload", PAYLOADS, ids=list(PAYLOADS))
@pytest.mark.parametrize("setter", FIELDS, ids=[f.__name__[5:] for f in FIELDS])
def test_html_the_editor_refuses_is_an_error(pack_site, pack_builder, setter, payload):
    html, shown = PAYLOADS[payload]
    path, field_name = setter(pack_builder, html)
    lines = _refused(pack_builder.write())
    mine = [line for line in lines if MESSAGE in line]
    assert len(mine) == 1, lines
    assert mine[0].startswith(f"{path}") and f", {field_name}: " in mine[0]
    assert shown in mine[0]


def test_harmless_html_passes(pack_site, pack_builder):
    """Quoting and entity spelling are not changes: the editor keeps this text as it is."""
    pack_builder.module("signalen")["intro"] = (
        "<p>Eén &amp; twee <b>vet</b> en <i>schuin</i><br/>regel</p><ul><li>punt</li></ul>"
    )
    assert pack_check(pack_read(pack_builder.write())).error_lines() == []


def test_a_deeply_nested_json_file_is_not_valid_json(pack_site, pack_builder):
    pack_builder.raw["modules/diep.json"] = b"[" * 100000 + b"]" * 100000
    lines = _refused(pack_builder.write())
    assert any(
        line.startswith("modules/diep.json: Dit is geen geldige UTF-8 JSON") for line in lines
    ), lines
