"""Uploading a package in the admin: the kernteam only; a bad zip leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import default_storage
from django.urls import reverse

from accounts.roles import Role
from modules.scorm.models import ScormPackage
from tests.scorm.packages import scorm_zip, upload, zip_with_symlink

ADD = "wagtailsnippets_scorm_scormpackage:add"
LIST = "wagtailsnippets_scorm_scormpackage:list"


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "scorm"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


@pytest.fixture
def kernteam_client(kernteam_user, mfa_client_for):
    return mfa_client_for(kernteam_user)


def test_the_kernteam_uploads_a_scorm_12_package(kernteam_client, kernteam_user):
    before = len(stored_files())
    response = kernteam_client.post(
        reverse(ADD), {"title": "", "package_file": upload(scorm_zip("1.2"))}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    package = ScormPackage.objects.get()
    assert package.title == "Signalen herkennen (RIEC)"
    assert package.version == "1.2"
    assert package.launch_href == "index.html"
    assert package.file_count == 4
    assert package.uploaded_by == kernteam_user
    assert len(stored_files()) == before + 4
    stored = Path(settings.MEDIA_ROOT) / package.storage_path / "images" / "pixel.svg"
    assert stored.read_bytes().startswith(b"<svg")
    listing = kernteam_client.get(reverse(LIST))
    assert "Signalen herkennen (RIEC)" in listing.content.decode()


def test_a_scorm_2004_package_keeps_the_title_given(kernteam_client):
    response = kernteam_client.post(
        reverse(ADD),
        {"title": "Melden", "package_file": upload(scorm_zip("2004", launch="les/index.html"))},
    )
    assert response.status_code == 302
    package = ScormPackage.objects.get()
    assert (package.title, package.version) == ("Melden", "2004")
    assert package.launch_href == "les/index.html?start=1"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (scorm_zip(without=("imsmanifest.xml",)), "geen imsmanifest.xml"),
        (scorm_zip(extra={"../../buiten.html": b"x"}), "pad dat niet mag"),
        (zip_with_symlink(), "koppeling"),
        (b"geen zip", "geen zip-bestand"),
    ],
)
def test_a_bad_package_is_refused_in_dutch_with_nothing_saved(kernteam_client, data, message):
    before = stored_files()
    response = kernteam_client.post(reverse(ADD), {"title": "X", "package_file": upload(data)})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ScormPackage.objects.exists()
    assert stored_files() == before


def test_a_package_too_large_is_refused_with_nothing_saved(kernteam_client, settings):
    settings.SCORM_MAX_UNCOMPRESSED_MB = 0
    before = stored_files()
    response = kernteam_client.post(
        reverse(ADD), {"title": "X", "package_file": upload(scorm_zip())}
    )
    assert response.status_code == 200
    assert "groter dan 0 MB" in response.content.decode()
    assert not ScormPackage.objects.exists()
    assert stored_files() == before


def test_a_storage_failure_halfway_leaves_no_files(kernteam_client, monkeypatch):
    """The extraction writes file by file; when one fails, those written are removed."""
    real_save = default_storage.save
    calls = []

    def save_then_fail(name, content, **kwargs):
        calls.append(name)
        if len(calls) == 3:
            raise OSError("schijf vol")
        return real_save(name, content, **kwargs)

    monkeypatch.setattr(default_storage, "save", save_then_fail)
    before = stored_files()
    response = kernteam_client.post(
        reverse(ADD), {"title": "X", "package_file": upload(scorm_zip())}
    )
    assert response.status_code == 200
    assert "kon niet worden opgeslagen" in response.content.decode()
    assert not ScormPackage.objects.exists()
    assert stored_files() == before


@pytest.mark.parametrize("role", [Role.MEDEWERKER, Role.BEHEER, Role.LEIDINGGEVENDE, Role.GRIFFIE])
def test_other_roles_cannot_upload(make_user, mfa_client_for, role):
    user = make_user(role) if role == Role.MEDEWERKER else make_user(Role.MEDEWERKER, role)
    client = mfa_client_for(user)
    response = client.post(reverse(ADD), {"title": "X", "package_file": upload(scorm_zip())})
    assert response.status_code in (302, 403)
    assert not ScormPackage.objects.exists()


def test_the_file_of_a_package_cannot_be_replaced(kernteam_client, package_12):
    edit = reverse("wagtailsnippets_scorm_scormpackage:edit", args=[package_12.pk])
    response = kernteam_client.post(
        edit, {"title": "Nieuw", "package_file": upload(scorm_zip("2004"))}
    )
    assert response.status_code == 200
    assert "nieuw pakket" in response.content.decode()
    package_12.refresh_from_db()
    assert package_12.version == "1.2"
    assert kernteam_client.post(edit, {"title": "Nieuwe titel"}).status_code == 302
    package_12.refresh_from_db()
    assert package_12.title == "Nieuwe titel"


def test_deleting_a_package_removes_its_files(
    kernteam_client, package_12, django_capture_on_commit_callbacks
):
    folder = Path(settings.MEDIA_ROOT) / package_12.storage_path
    assert any(folder.rglob("*"))
    delete = reverse("wagtailsnippets_scorm_scormpackage:delete", args=[package_12.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert kernteam_client.post(delete).status_code == 302
    assert not ScormPackage.objects.exists()
    assert not [p for p in folder.rglob("*") if p.is_file()]
