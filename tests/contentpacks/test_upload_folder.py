"""The folder where an upload waits is this user's alone: made with mode 0700, and refused
when it exists with another owner or is writable by others (a shared /tmp)."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest
from django.test import override_settings
from django.urls import reverse

from modules.contentpacks.admin_views import UploadFolderUnsafe, upload_folder
from modules.contentpacks.models import PackImport

pytestmark = pytest.mark.django_db


def test_the_default_folder_is_per_user_and_private():
    with override_settings(CONTENT_PACK_UPLOAD_DIR=""):
        folder = upload_folder()
    assert folder == Path(tempfile.gettempdir()) / f"weerbaar-contentpacks-{os.getuid()}"
    assert stat.S_IMODE(folder.stat().st_mode) & 0o077 == 0


def test_the_setting_names_the_folder_and_it_is_made_private(tmp_path):
    target = tmp_path / "uploads"
    with override_settings(CONTENT_PACK_UPLOAD_DIR=str(target)):
        assert upload_folder() == target
    assert stat.S_IMODE(target.stat().st_mode) == 0o700


def test_a_folder_others_may_write_to_is_refused(tmp_path):
    target = tmp_path / "uploads"
    target.mkdir()
    target.chmod(0o777)
    with override_settings(CONTENT_PACK_UPLOAD_DIR=str(target)), pytest.raises(UploadFolderUnsafe):
        upload_folder()


def test_a_file_in_place_of_the_folder_is_refused(tmp_path):
    target = tmp_path / "uploads"
    target.write_text("niet een map")
    with override_settings(CONTENT_PACK_UPLOAD_DIR=str(target)), pytest.raises(UploadFolderUnsafe):
        upload_folder()


def test_the_admin_says_so_in_dutch_and_stores_nothing(
    pack_site, pack_builder, tmp_path, kernteam_user, mfa_client_for
):
    target = tmp_path / "uploads"
    target.mkdir()
    target.chmod(0o777)
    client = mfa_client_for(kernteam_user)
    archive = pack_builder.zip(tmp_path / "voorbeeld.zip")
    with override_settings(CONTENT_PACK_UPLOAD_DIR=str(target)), archive.open("rb") as handle:
        response = client.post(reverse("content_pack_import"), {"file": handle})
    assert response.status_code == 200
    assert "De upload kan niet veilig worden bewaard" in response.content.decode()
    assert list(target.iterdir()) == []
    assert not PackImport.objects.exists()
