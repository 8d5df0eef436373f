"""The yearly overview PDF ("Weerbaarheid in cijfers") is made as a background job: its result
page (progress, Refresh link, JSON state, aborted when stale), the PDF in the private default
storage, downloadable only by whoever made it while they hold the right, and deleted with its
job (retention)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from accounts.jobs import admin_job_create, admin_jobs_retention
from accounts.models import AdminJob, AdminJobKind, AdminJobStatus
from accounts.roles import Role
from accounts.services import user_activate_totp, user_set_roles
from modules.reporting import yearly_job
from modules.reporting.yearly_job import PDF_FOLDER
from tests.conftest import TEST_TOTP_SECRET, mfa_login
from tests.factories import a_trend

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    user_activate_totp(user=user, secret=TEST_TOTP_SECRET)
    client = Client()
    mfa_login(client, user.email, TEST_TOTP_SECRET)
    return client


def make_pdf(client: Client) -> AdminJob:
    response = client.post(reverse("yearly_overview"))
    job = AdminJob.objects.filter(kind=AdminJobKind.YEARLY_OVERVIEW).latest("pk")
    assert response.status_code == 302
    assert response["Location"] == reverse("yearly_overview_job", args=[job.pk])
    return job


def pdf_text(response) -> str:
    content = b"".join(response.streaming_content)
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_is_made_in_the_background_and_downloaded_from_its_page(kernteam_user):
    a_trend(title="Drugs in opslagboxen")
    client = client_for(kernteam_user)
    job = make_pdf(client)
    assert job.status == AdminJobStatus.DONE and job.started_by == kernteam_user
    assert job.done == job.total == yearly_job.STEPS
    name = job.summary["file"]
    assert name.startswith(f"{PDF_FOLDER}/") and default_storage.exists(name)

    page = client.get(reverse("yearly_overview_job", args=[job.pk])).content.decode()
    year = timezone.localdate().year
    assert f"De PDF \u2018Weerbaarheid in cijfers {year}\u2019 is klaar." in page
    download = reverse("yearly_overview_pdf", args=[job.pk])
    assert f'href="{download}"' in page

    response = client.get(download)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="weerbaarheid-in-cijfers-{year}.pdf"'
    )
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response)
    assert "Weerbaarheid in cijfers" in text and "Drugs in opslagboxen" in text

    # The overview screen lists it, with its download.
    overview = client.get(reverse("yearly_overview")).content.decode()
    assert "Je laatste PDF's" in overview and f'href="{download}"' in overview


def test_the_stored_pdf_is_not_served_as_a_media_file(kernteam_user, settings):
    client = client_for(kernteam_user)
    job = make_pdf(client)
    assert client.get(f"{settings.MEDIA_URL}{job.summary['file']}").status_code == 404


def test_another_persons_job_is_not_found(kernteam_user, make_user):
    job = make_pdf(client_for(kernteam_user))
    colleague = make_user(Role.MEDEWERKER, Role.KERNTEAM)
    superuser = make_user(Role.MEDEWERKER, is_superuser=True)
    for other in (colleague, superuser):
        client = client_for(other)
        assert client.get(reverse("yearly_overview_job", args=[job.pk])).status_code == 404
        assert client.get(reverse("yearly_overview_pdf", args=[job.pk])).status_code == 404


def test_another_kind_of_job_is_no_pdf(kernteam_user):
    """A content pack job of the same person, asked for under the PDF's address."""
    other = admin_job_create(kind=AdminJobKind.CONTENT_PACK, started_by=kernteam_user)
    client = client_for(kernteam_user)
    assert client.get(reverse("yearly_overview_job", args=[other.pk])).status_code == 404
    assert client.get(reverse("yearly_overview_pdf", args=[other.pk])).status_code == 404


@pytest.mark.parametrize("role", [Role.LEIDINGGEVENDE, Role.BEHEER])
def test_without_the_right_nothing_is_made_or_shown(kernteam_user, make_user, role):
    job = make_pdf(client_for(kernteam_user))
    client = client_for(make_user(Role.MEDEWERKER, role))
    response = client.post(reverse("yearly_overview"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert AdminJob.objects.count() == 1
    assert client.get(reverse("yearly_overview_job", args=[job.pk])).status_code == 403
    assert client.get(reverse("yearly_overview_pdf", args=[job.pk])).status_code == 403


def test_a_manager_cannot_download_their_own_pdf_once_the_right_is_gone(make_user):
    """The right is checked at every download: a PDF made while in the kernteam is not
    downloadable after moving to a manager's role."""
    person = make_user(Role.MEDEWERKER, Role.KERNTEAM)
    client = client_for(person)
    job = make_pdf(client)
    user_set_roles(user=person, roles=[Role.MEDEWERKER, Role.LEIDINGGEVENDE])
    assert client.get(reverse("yearly_overview_pdf", args=[job.pk])).status_code == 403
    assert client.get(reverse("yearly_overview_job", args=[job.pk])).status_code == 403


def test_anonymous_visitors_go_to_the_login(kernteam_user, client):
    job = make_pdf(client_for(kernteam_user))
    response = client.get(reverse("yearly_overview_pdf", args=[job.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_waiting_job_shows_progress_and_a_second_click_makes_no_second_pdf(kernteam_user):
    waiting = admin_job_create(kind=AdminJobKind.YEARLY_OVERVIEW, started_by=kernteam_user)
    client = client_for(kernteam_user)
    assert client.post(reverse("yearly_overview"))["Location"] == reverse(
        "yearly_overview_job", args=[waiting.pk]
    )
    assert AdminJob.objects.count() == 1
    page = client.get(reverse("yearly_overview_job", args=[waiting.pk])).content.decode()
    assert "Vernieuwen" in page and 'http-equiv="refresh"' not in page
    assert "Je mag deze pagina verlaten: de PDF wordt toch gemaakt." in page
    assert "Download de PDF" not in page
    assert client.get(reverse("yearly_overview_pdf", args=[waiting.pk])).status_code == 404
    state = client.get(reverse("yearly_overview_job", args=[waiting.pk]), {"format": "json"})
    assert state.json()["finished"] is False and state.json()["status"] == "queued"


def test_a_stale_job_is_aborted_and_a_new_pdf_can_be_made(kernteam_user):
    stale = admin_job_create(kind=AdminJobKind.YEARLY_OVERVIEW, started_by=kernteam_user)
    AdminJob.objects.filter(pk=stale.pk).update(created_at=timezone.now() - timedelta(minutes=31))
    client = client_for(kernteam_user)
    page = client.get(reverse("yearly_overview_job", args=[stale.pk])).content.decode()
    assert "afgebroken" in page
    fresh = make_pdf(client)
    assert fresh.pk != stale.pk and fresh.status == AdminJobStatus.DONE


def stored_pdfs() -> set[str]:
    if not default_storage.exists(PDF_FOLDER):
        return set()
    return set(default_storage.listdir(PDF_FOLDER)[1])


def test_a_failure_says_so_in_dutch_and_stores_nothing(kernteam_user, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("the PDF library fell over")

    monkeypatch.setattr(yearly_job, "yearly_overview_pdf", broken)
    before = stored_pdfs()
    client = client_for(kernteam_user)
    job = make_pdf(client)
    assert job.status == AdminJobStatus.FAILED and "file" not in job.summary
    page = client.get(reverse("yearly_overview_job", args=[job.pk])).content.decode()
    assert "Er ging iets mis" in page
    assert client.get(reverse("yearly_overview_pdf", args=[job.pk])).status_code == 404
    assert stored_pdfs() == before


def test_retention_deletes_the_pdf_with_its_job(kernteam_user, django_capture_on_commit_callbacks):
    job = make_pdf(client_for(kernteam_user))
    name = job.summary["file"]
    AdminJob.objects.filter(pk=job.pk).update(finished_at=timezone.now() - timedelta(days=91))
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_jobs_retention(now=timezone.now()) == 1
    assert not AdminJob.objects.filter(pk=job.pk).exists()
    assert not default_storage.exists(name)


@pytest.mark.parametrize("jobs", [1, 5])
def test_the_overview_and_the_result_page_read_in_a_fixed_number_of_queries(
    kernteam_user, jobs, django_assert_max_num_queries
):
    """26, 10 and 5 queries (SQLite) at one and at five PDFs: the list of recent PDFs is one
    query, whatever its length (the goal charts read four; the published figures read the
    earlier publications, in a savepoint, and on PostgreSQL take the advisory lock too)."""
    client = client_for(kernteam_user)
    for _n in range(jobs):
        job = make_pdf(client)
    client.get(reverse("yearly_overview"))  # warm-up: what the process caches once
    with django_assert_max_num_queries(26 if connection.vendor == "sqlite" else 27):
        assert client.get(reverse("yearly_overview")).status_code == 200
    with django_assert_max_num_queries(11):
        assert client.get(reverse("yearly_overview_job", args=[job.pk])).status_code == 200
    with django_assert_max_num_queries(6):
        assert client.get(reverse("yearly_overview_pdf", args=[job.pk])).status_code == 200
