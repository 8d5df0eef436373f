"""The kernteam's import screen (Toetsen > Inhoudspakketten): upload, dry run, import as drafts;
every other role is refused, whichever step it tries."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from accounts.models import AdminJob, AdminJobStatus
from accounts.roles import Role
from modules.contentpacks.admin_views import SESSION_KEY, upload_folder
from modules.contentpacks.models import PackImport, PackItem
from modules.learning.models import ModulePage

pytestmark = pytest.mark.django_db


def _upload(client, archive):
    with archive.open("rb") as handle:
        return client.post(reverse("content_pack_import"), {"file": handle})


def test_kernteam_checks_then_imports_a_pack_as_drafts(
    pack_site, pack_builder, tmp_path, kernteam_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    response = client.get(reverse("content_pack_import"))
    assert response.status_code == 200
    assert "Upload een inhoudspakket als zipbestand" in response.content.decode()
    assert "Inhoudspakketten" in client.get(reverse("wagtailadmin_home")).content.decode()

    response = _upload(client, pack_builder.zip(tmp_path / "voorbeeld.zip"))
    assert response.status_code == 302 and response["Location"] == reverse("content_pack_preview")
    token = client.session[SESSION_KEY]["token"]
    assert (upload_folder() / f"{token}.zip").is_file()

    page = client.get(reverse("content_pack_preview")).content.decode()
    assert "Wat de import doet" in page and "Signalen herkennen (voorbeeld)" in page
    assert ">Importeren</button>" in page
    assert not ModulePage.objects.exists() and not PackItem.objects.exists()

    response = client.post(reverse("content_pack_preview"))
    job = AdminJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("content_pack_job", args=[job.pk])
    assert job.status == AdminJobStatus.DONE and job.payload is None  # the zip is not kept
    result = client.get(response["Location"]).content.decode()
    assert "is geïmporteerd" in result and 'http-equiv="refresh"' not in result
    module = ModulePage.objects.get(slug="signalen-herkennen")
    assert not module.live and module.has_unpublished_changes
    assert PackImport.objects.get().imported_by == kernteam_user
    assert not (upload_folder() / f"{token}.zip").exists()
    assert SESSION_KEY not in client.session
    # The upload is gone: a second click imports nothing.
    response = client.post(reverse("content_pack_preview"))
    assert response.status_code == 302 and PackImport.objects.count() == 1


def test_a_pack_with_errors_shows_them_and_cannot_be_imported(
    pack_site, pack_builder, tmp_path, kernteam_user, mfa_client_for
):
    pack_builder.question("signalen", "melden-routes")["options"][1]["correct"] = True
    client = mfa_client_for(kernteam_user)
    _upload(client, pack_builder.zip(tmp_path / "fout.zip"))

    page = client.get(reverse("content_pack_preview")).content.decode()
    assert "Het pakket heeft 1 fout." in page
    assert (
        "pools/signalen.json, vraag &quot;melden-routes&quot;, options: Dit soort vraag heeft "
        "precies één goed antwoord nodig." in page
    )
    assert ">Importeren</button>" not in page
    response = client.post(reverse("content_pack_preview"))
    assert response.status_code == 400
    assert not ModulePage.objects.exists() and not PackImport.objects.exists()


def test_the_upload_must_be_a_zip(pack_site, kernteam_user, mfa_client_for, tmp_path):
    client = mfa_client_for(kernteam_user)
    text = tmp_path / "pakket.txt"
    text.write_text("geen zip")
    response = _upload(client, text)
    assert response.status_code == 200
    assert "Kies een .zip-bestand." in response.content.decode()
    assert SESSION_KEY not in client.session


def test_without_an_upload_the_check_sends_back(pack_site, kernteam_user, mfa_client_for):
    client = mfa_client_for(kernteam_user)
    session = client.session
    session[SESSION_KEY] = {"token": "../../etc/passwd", "name": "x", "at": 9e12}
    session.save()
    response = client.get(reverse("content_pack_preview"))
    assert response.status_code == 302 and response["Location"] == reverse("content_pack_import")


@pytest.mark.parametrize("role", [Role.LEIDINGGEVENDE, Role.BEHEER, Role.GRIFFIE])
def test_other_admin_roles_are_refused(pack_site, make_user, mfa_client_for, role, tmp_path):
    client = mfa_client_for(make_user(Role.MEDEWERKER, role))
    assert client.get(reverse("content_pack_import")).status_code == 403
    assert client.get(reverse("content_pack_preview")).status_code == 403
    assert client.post(reverse("content_pack_preview")).status_code == 403
    assert "Inhoudspakketten" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_a_medewerker_and_anonymous_are_refused(pack_site, medewerker):
    anonymous = Client()
    for url in (reverse("content_pack_import"), reverse("content_pack_preview")):
        response = anonymous.get(url)
        assert response.status_code == 302 and "login" in response["Location"]
    staff = Client()
    staff.force_login(medewerker)
    for url in (reverse("content_pack_import"), reverse("content_pack_preview")):
        response = staff.get(url)
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or "login" in response["Location"]
        assert staff.post(url).status_code in (302, 403)
    assert not PackImport.objects.exists()


def test_a_superuser_may_import(pack_site, make_user, mfa_client_for):
    client = mfa_client_for(make_user(Role.MEDEWERKER, is_superuser=True))
    assert client.get(reverse("content_pack_import")).status_code == 200


@pytest.mark.parametrize("imports", [1, 10])
def test_the_upload_page_runs_a_constant_number_of_queries(
    pack_site, kernteam_user, mfa_client_for, django_assert_max_num_queries, imports
):
    client = mfa_client_for(kernteam_user)
    for number in range(imports):
        PackImport.objects.create(
            pack_key="voorbeeld",
            pack_version=f"2026.{number}",
            title="Voorbeeld",
            imported_by=kernteam_user,
            applied=True,
        )
    with django_assert_max_num_queries(20):
        response = client.get(reverse("content_pack_import"))
    assert response.content.decode().count("Voorbeeld (voorbeeld)") == imports
