"""The zip and manifest checks: good packages of both versions, and what is refused."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError

from modules.scorm.package_files import inspect_package, safe_member_name
from tests.scorm.packages import MANIFEST_12, scorm_zip, zip_with_symlink


def inspect(data: bytes):
    return inspect_package(io.BytesIO(data), size=len(data))


def refused(data: bytes) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        inspect(data)
    return caught.value


def test_a_scorm_12_package_is_read_from_its_manifest():
    package = inspect(scorm_zip("1.2"))
    assert package.version == "1.2"
    assert package.title == "Signalen herkennen (RIEC)"
    assert package.launch_href == "index.html"
    assert {f.name for f in package.files} == {
        "imsmanifest.xml",
        "index.html",
        "sco.js",
        "images/pixel.svg",
    }
    assert package.total_size == sum(f.size for f in package.files)


def test_a_scorm_2004_package_launches_its_first_nested_item_with_parameters():
    package = inspect(scorm_zip("2004", launch="content/index.html"))
    assert package.version == "2004"
    assert package.title == "Melden bij het RIEC (2004)"
    assert package.launch_href == "content/index.html?start=1"


def test_a_zip_without_a_manifest_is_refused():
    error = refused(scorm_zip(without=("imsmanifest.xml",)))
    assert error.code == "no_manifest"
    assert "imsmanifest.xml" in error.messages[0]


def test_a_manifest_in_a_subfolder_does_not_count():
    data = scorm_zip(without=("imsmanifest.xml",), extra={"pakket/imsmanifest.xml": b"<manifest/>"})
    assert refused(data).code == "no_manifest"


def test_a_file_that_is_not_a_zip_is_refused():
    assert refused(b"dit is geen zip").messages == ["Dit bestand is geen zip-bestand."]


@pytest.mark.parametrize(
    "name",
    [
        "../buiten.html",
        "a/../../buiten.html",
        "/etc/passwd",
        "map\\bestand.html",
        "C:/x.html",
        "a//b",
    ],
)
def test_traversal_and_odd_paths_are_refused(name):
    error = refused(scorm_zip(extra={name: b"x"}))
    assert error.code == "bad_path"


def test_a_symbolic_link_is_refused():
    assert refused(zip_with_symlink()).code == "symlink"


def test_too_many_files_are_refused(settings):
    settings.SCORM_MAX_FILES = 3
    error = refused(scorm_zip())
    assert error.code == "too_many_files"
    assert "4" in error.messages[0] and "3" in error.messages[0]


def test_a_package_too_large_to_upload_is_refused(settings):
    settings.SCORM_MAX_UPLOAD_MB = 1
    data = scorm_zip()
    with pytest.raises(ValidationError) as caught:
        inspect_package(io.BytesIO(data), size=2 * 1024 * 1024)
    assert caught.value.code == "too_large"


def test_a_zip_bomb_is_refused_by_its_ratio_and_by_its_unpacked_size(settings):
    bomb = scorm_zip(extra={"nullen.bin": b"\0" * (3 * 1024 * 1024)})
    assert refused(bomb).code == "ratio"
    settings.SCORM_MAX_COMPRESSION_RATIO = 100_000
    settings.SCORM_MAX_UNCOMPRESSED_MB = 2
    assert refused(bomb).code == "too_large_unpacked"


def test_a_manifest_with_entities_is_refused():
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;">]><manifest>&lol2;</manifest>'
    )
    assert refused(scorm_zip(manifest=laughs)).code == "bad_manifest"


def test_a_manifest_that_is_not_xml_is_refused():
    assert refused(scorm_zip(manifest="<manifest><oeps>")).code == "bad_manifest"


def test_a_launch_file_missing_from_the_zip_is_refused():
    data = scorm_zip(manifest=MANIFEST_12.format(launch="start.html"))
    error = refused(data)
    assert error.code == "no_launch_file"
    assert "start.html" in error.messages[0]


def test_a_launch_outside_the_package_is_refused():
    data = scorm_zip(manifest=MANIFEST_12.format(launch="https://example.org/les.html"))
    assert refused(data).code == "bad_launch"


def test_a_package_of_more_than_one_sco_is_refused_but_assets_do_not_count():
    second_sco = MANIFEST_12.replace(
        '<item identifier="item1" identifierref="res1"><title>Les</title></item>',
        '<item identifier="item1" identifierref="res1"><title>Les</title></item>'
        '<item identifier="item2" identifierref="res2"><title>Les 2</title></item>',
    ).replace(
        "  </resources>",
        '    <resource identifier="res2" type="webcontent" adlcp:scormtype="{kind}" '
        'href="index.html"/>\n  </resources>',
    )
    error = refused(
        scorm_zip(manifest=second_sco.replace("{kind}", "sco").format(launch="index.html"))
    )
    assert error.code == "multi_sco"
    assert "meer dan één onderdeel (SCO)" in error.messages[0]
    inspected = inspect(
        scorm_zip(manifest=second_sco.replace("{kind}", "asset").format(launch="index.html"))
    )
    assert inspected.launch_href == "index.html"


def test_two_items_that_start_the_same_sco_are_one_part():
    """A manifest may list one SCO under two items (a table of contents): still one part."""
    twice = MANIFEST_12.replace(
        '<item identifier="item1" identifierref="res1"><title>Les</title></item>',
        '<item identifier="item1" identifierref="res1"><title>Les</title></item>'
        '<item identifier="item2" identifierref="res1"><title>Les, opnieuw</title></item>',
    )
    assert twice != MANIFEST_12
    inspected = inspect(scorm_zip(manifest=twice.format(launch="index.html")))
    assert inspected.launch_href == "index.html"


def test_a_manifest_without_a_version_is_refused():
    manifest = MANIFEST_12.replace("<schemaversion>1.2</schemaversion>", "").replace(
        "adlcp_rootv1p2", "adlcp_onbekend"
    )
    assert refused(scorm_zip(manifest=manifest)).code == "no_version"


def test_a_duplicate_file_is_refused():
    buffer = io.BytesIO(scorm_zip())
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("Index.html", b"x")
    assert refused(buffer.getvalue()).code == "duplicate"


@pytest.mark.parametrize("name", ["index.html", "css/stijl.css", "map met spatie/a b.js"])
def test_ordinary_names_are_kept(name):
    assert safe_member_name(name) == name
