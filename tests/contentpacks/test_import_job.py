"""Importing a content pack runs as a background job with a result page: progress, the
kernteam member's own jobs only, and a failure that imports nothing, in Dutch."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.jobs import admin_job_report_progress
from accounts.models import AdminJob, AdminJobKind, AdminJobStatus
from accounts.roles import Role
from accounts.services import user_activate_totp
from modules.contentpacks.importer import pack_apply, pack_read
from modules.contentpacks.models import PackImport
from modules.contentpacks.tasks import pack_import_job_start
from modules.learning.models import ModulePage
from tests.conftest import TEST_TOTP_SECRET, mfa_login

pytestmark = pytest.mark.django_db


def other_client(user) -> Client:
    user_activate_totp(user=user, secret=TEST_TOTP_SECRET)
    client = Client()
    mfa_login(client, user.email, TEST_TOTP_SECRET)
    return client


def h1_and_last_crumb(html: str) -> tuple[str, str]:
    h1 = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()
    crumbs = re.search(r'<nav[^>]*aria-label="Kruimelpad".*?</nav>', html, re.S).group(0)
    items = re.findall(r"<li[^>]*>(.*?)</li>", crumbs, re.S)
    return h1, re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", items[-1])).strip()


def _upload_and_import(client, archive):
    with archive.open("rb") as handle:
        client.post(reverse("content_pack_import"), {"file": handle})
    return client.post(reverse("content_pack_preview"))


def test_the_import_runs_as_a_job_and_its_page_shows_the_result(
    pack_site, pack_builder, tmp_path, kernteam_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    response = _upload_and_import(client, pack_builder.zip(tmp_path / "voorbeeld.zip"))
    job = AdminJob.objects.get()
    assert response["Location"] == reverse("content_pack_job", args=[job.pk])
    assert job.kind == AdminJobKind.CONTENT_PACK and job.status == AdminJobStatus.DONE
    assert job.started_by == kernteam_user and job.done == job.total > 0
    assert job.summary["version"] and job.payload is None
    page = client.get(response["Location"]).content.decode()
    assert "is geïmporteerd" in page and "Nieuwe en gewijzigde pagina's zijn concepten." in page
    h1, crumb = h1_and_last_crumb(page)
    assert h1 == crumb == "Inhoudspakket importeren: importeren"
    assert ModulePage.objects.filter(slug="signalen-herkennen").exists()


def test_the_screens_have_their_own_titles(
    pack_site, pack_builder, tmp_path, kernteam_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    h1, crumb = h1_and_last_crumb(client.get(reverse("content_pack_import")).content.decode())
    assert h1 == crumb == "Inhoudspakket importeren"
    with pack_builder.zip(tmp_path / "voorbeeld.zip").open("rb") as handle:
        client.post(reverse("content_pack_import"), {"file": handle})
    h1, crumb = h1_and_last_crumb(client.get(reverse("content_pack_preview")).content.decode())
    assert h1 == crumb == "Inhoudspakket importeren: controle: voorbeeld.zip"


def test_a_running_import_shows_progress_without_reloading(
    pack_site, kernteam_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    job = AdminJob.objects.create(
        kind=AdminJobKind.CONTENT_PACK, started_by=kernteam_user, status=AdminJobStatus.QUEUED
    )
    page = client.get(reverse("content_pack_job", args=[job.pk])).content.decode()
    assert 'http-equiv="refresh"' not in page and "De taak wacht op de start." in page
    assert ">Vernieuwen</a>" in page
    AdminJob.objects.filter(pk=job.pk).update(status=AdminJobStatus.RUNNING)
    admin_job_report_progress(job_id=job.pk, done=3, total=9)
    page = client.get(reverse("content_pack_job", args=[job.pk])).content.decode()
    assert "3 van 9 klaar (33%)." in page and 'aria-live="polite"' in page


def test_a_pack_that_fails_in_the_job_imports_nothing(
    pack_site, pack_builder, tmp_path, kernteam_user, mfa_client_for
):
    """The check in the request passed, but by the time the job runs the pack no longer
    fits the site (here: its audience was removed): the job refuses and keeps nothing."""
    client = mfa_client_for(kernteam_user)
    content = pack_builder.zip(tmp_path / "voorbeeld.zip").read_bytes()
    pack_site["audience"].delete()
    job = pack_import_job_start(content=content, name="voorbeeld.zip", actor=kernteam_user)
    job.refresh_from_db()
    assert job.status == AdminJobStatus.FAILED and job.payload is None
    assert not ModulePage.objects.exists() and not PackImport.objects.exists()
    page = client.get(reverse("content_pack_job", args=[job.pk])).content.decode()
    assert "Er is niets geïmporteerd: het pakket bevat fouten." in page
    assert 'role="alert"' in page


def test_apply_reports_progress(pack_site, pack_builder, tmp_path):
    heard = []
    pack_apply(
        pack_read(pack_builder.zip(tmp_path / "voorbeeld.zip")),
        by=None,
        progress=lambda *step: heard.append(step),
    )
    total = heard[0][1]
    assert heard[0] == (0, total) and heard[-1] == (total, total)
    assert [done for done, _ in heard] == list(range(total + 1))


@pytest.mark.parametrize("role", [Role.LEIDINGGEVENDE, Role.BEHEER])
def test_only_the_kernteam_member_who_started_it_sees_a_job(
    pack_site, make_user, kernteam_user, role
):
    job = AdminJob.objects.create(kind=AdminJobKind.CONTENT_PACK, started_by=kernteam_user)
    url = reverse("content_pack_job", args=[job.pk])
    json_url = f"{url}?format=json"  # the state the page's script polls: the same checks
    forbidden = other_client(make_user(Role.MEDEWERKER, role))
    assert forbidden.get(url).status_code == forbidden.get(json_url).status_code == 403
    colleague = other_client(make_user(Role.MEDEWERKER, Role.KERNTEAM))
    assert colleague.get(url).status_code == colleague.get(json_url).status_code == 404
    owner = other_client(kernteam_user)
    assert owner.get(url).status_code == 200
    assert owner.get(json_url).json()["status"] == AdminJobStatus.QUEUED
    # A staff import job is not a content pack job, whoever started it.
    staff_job = AdminJob.objects.create(kind=AdminJobKind.STAFF_IMPORT, started_by=kernteam_user)
    assert owner.get(reverse("content_pack_job", args=[staff_job.pk])).status_code == 404


def test_a_pack_import_whose_worker_died_is_aborted_and_its_zip_removed(
    pack_site, kernteam_user, mfa_client_for
):
    client = mfa_client_for(kernteam_user)
    job = AdminJob.objects.create(
        kind=AdminJobKind.CONTENT_PACK,
        started_by=kernteam_user,
        status=AdminJobStatus.RUNNING,
        params={"name": "voorbeeld.zip"},
        payload=b"PK...",
    )
    AdminJob.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - timedelta(hours=1),
        started_at=timezone.now() - timedelta(minutes=45),
    )
    page = client.get(reverse("content_pack_job", args=[job.pk])).content.decode()
    assert "De taak is afgebroken" in page and "Probeer het opnieuw." in page
    job.refresh_from_db()
    assert job.status == AdminJobStatus.FAILED and job.payload is None
    assert job.finished_at is not None
