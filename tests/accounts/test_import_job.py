"""Admin background jobs (accounts.jobs) that never finish: a job whose worker died or whose
queue write failed counts as aborted once it shows no sign of life for half an hour (where it
is read and in the nightly retention), loses its payload and private parameters and no longer
blocks applying the upload; the result page follows a job without reloading itself; and a
colleague's running job gets a message instead of a 404."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.jobs import (
    admin_job_create,
    admin_job_enqueue,
    admin_job_report_progress,
    admin_jobs_retention,
)
from accounts.models import AdminJob, AdminJobKind, AdminJobStatus, StaffImport, User
from accounts.roles import Role
from accounts.services import user_activate_totp
from modules.reminders.retention import retention_apply
from tests.conftest import TEST_TOTP_SECRET, mfa_login
from tests.factories import DepartmentFactory

pytestmark = pytest.mark.django_db

ABORTED = "De taak is afgebroken"


@pytest.fixture(autouse=True)
def department():
    return DepartmentFactory(name="Publiekszaken", code="PZ")


@pytest.fixture
def person(make_user):
    return make_user(Role.MEDEWERKER, Role.BEHEER)


def logged_in(user) -> Client:
    user_activate_totp(user=user, secret=TEST_TOTP_SECRET)
    client = Client()
    mfa_login(client, user.email, TEST_TOTP_SECRET)
    return client


def an_upload() -> StaffImport:
    rows = [
        {
            "_row": 2,
            "personnel_number": "5000",
            "name": "Persoon 5000",
            "email": "p5000@dordrecht.nl",
            "department": "PZ",
        }
    ]
    return StaffImport.objects.create(filename="hr.csv", rows=rows, uploaded_at=timezone.now())


def job_for(upload: StaffImport, user: User, *, status=AdminJobStatus.RUNNING, minutes_ago=45):
    job = AdminJob.objects.create(
        kind=AdminJobKind.STAFF_IMPORT,
        started_by=user,
        status=status,
        params={"import_id": upload.pk, "fingerprint": "x", "_ip_address": "10.0.0.1"},
        payload=b"file",
    )
    moment = timezone.now() - timedelta(minutes=minutes_ago)
    AdminJob.objects.filter(pk=job.pk).update(
        created_at=moment, started_at=moment if status == AdminJobStatus.RUNNING else None
    )
    job.refresh_from_db()
    return job


def apply(client, upload: StaffImport):
    url = reverse("staff_import_preview", args=[upload.pk])
    plan = re.search(r'name="plan" value="([0-9a-f]+)"', client.get(url).content.decode())
    return client.post(url, {"plan": plan.group(1)})


# -- A job that never finishes ---------------------------------------------------------------


@pytest.mark.parametrize("status", [AdminJobStatus.QUEUED, AdminJobStatus.RUNNING])
def test_a_stale_job_is_shown_as_aborted_and_forgets_its_payload(person, status):
    job = job_for(an_upload(), person, status=status)
    page = logged_in(person).get(reverse("staff_import_job", args=[job.pk])).content.decode()
    assert ABORTED in page and "Probeer het opnieuw." in page and 'role="alert"' in page
    job.refresh_from_db()
    assert job.status == AdminJobStatus.FAILED and job.finished_at is not None
    assert job.payload is None and "_ip_address" not in job.params
    assert job.params["import_id"]  # what it was about stays, for the retry link


def test_a_job_that_reported_progress_recently_is_still_busy(person):
    job = job_for(an_upload(), person, minutes_ago=120)
    admin_job_report_progress(job_id=job.pk, done=10, total=100)
    page = logged_in(person).get(reverse("staff_import_job", args=[job.pk])).content.decode()
    assert ABORTED not in page and "De taak is bezig." in page
    job.refresh_from_db()
    assert job.status == AdminJobStatus.RUNNING and job.payload == b"file"


def test_a_young_job_without_progress_is_still_waiting(person):
    job = job_for(an_upload(), person, status=AdminJobStatus.QUEUED, minutes_ago=5)
    logged_in(person).get(reverse("staff_import_job", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == AdminJobStatus.QUEUED


def test_the_limit_is_a_setting(person, settings):
    settings.ADMIN_JOB_STALE_MINUTES = 60
    job = job_for(an_upload(), person, minutes_ago=45)
    logged_in(person).get(reverse("staff_import_job", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == AdminJobStatus.RUNNING


def test_a_dead_job_does_not_block_applying_the_upload(person):
    upload = an_upload()
    dead = job_for(upload, person)
    response = apply(logged_in(person), upload)
    new = AdminJob.objects.exclude(pk=dead.pk).get()
    assert response["Location"] == reverse("staff_import_job", args=[new.pk])
    assert new.status == AdminJobStatus.DONE
    upload.refresh_from_db()
    assert upload.applied_at is not None
    dead.refresh_from_db()
    assert dead.status == AdminJobStatus.FAILED


class BrokenQueue:
    """A task whose queue cannot be written (the database of the queue is away)."""

    def enqueue(self, *args):
        raise ConnectionError("queue is down")


def test_a_job_that_cannot_be_queued_fails_at_once(person):
    job = admin_job_create(kind=AdminJobKind.CONTENT_PACK, started_by=person, payload=b"zip")
    job = admin_job_enqueue(job=job, task=BrokenQueue())
    job.refresh_from_db()
    assert job.status == AdminJobStatus.FAILED and job.payload is None
    assert job.error.startswith("De taak kon niet starten, dus er is niets gewijzigd.")


# -- Retention --------------------------------------------------------------------------------


def test_retention_aborts_stale_jobs_clears_payloads_and_deletes_old_jobs(person):
    upload = an_upload()
    stale = job_for(upload, person)
    busy = job_for(upload, person, minutes_ago=1)
    finished = job_for(upload, person, status=AdminJobStatus.DONE, minutes_ago=10)
    old = job_for(upload, person, status=AdminJobStatus.DONE, minutes_ago=91 * 24 * 60)
    AdminJob.objects.filter(pk=old.pk).update(finished_at=old.created_at)

    dry = retention_apply(now=timezone.now(), dry_run=True)
    assert dry.admin_jobs == 3 and AdminJob.objects.filter(payload__isnull=False).count() == 4

    assert retention_apply(now=timezone.now()).admin_jobs == 3
    assert not AdminJob.objects.filter(pk=old.pk).exists()
    stale.refresh_from_db()
    busy.refresh_from_db()
    finished.refresh_from_db()
    assert stale.status == AdminJobStatus.FAILED and stale.payload is None
    assert busy.status == AdminJobStatus.RUNNING and busy.payload == b"file"
    assert finished.payload is None and "_ip_address" not in finished.params
    assert admin_jobs_retention(now=timezone.now()) == 0  # nothing left to do


# -- The result page follows the job without reloading ----------------------------------------


def test_the_page_offers_refresh_and_a_local_script_not_a_meta_refresh(person):
    job = job_for(an_upload(), person, minutes_ago=1)
    url = reverse("staff_import_job", args=[job.pk])
    page = logged_in(person).get(url).content.decode()
    assert 'http-equiv="refresh"' not in page
    assert f'href="{url}">Vernieuwen</a>' in page  # works without JavaScript
    assert f'data-status-url="{url}?format=json"' in page
    assert 'src="/static/js/admin_job.js"' in page  # same origin: allowed by script-src 'self'
    script = Path(settings.BASE_DIR, "site/static/js/admin_job.js").read_text()
    assert "[data-admin-job]" in script and "clearInterval" in script


def test_the_json_state_follows_the_job_and_says_when_it_is_done(person):
    job = job_for(an_upload(), person, minutes_ago=1)
    client = logged_in(person)
    url = reverse("staff_import_job", args=[job.pk]) + "?format=json"
    admin_job_report_progress(job_id=job.pk, done=1500, total=6000)
    state = client.get(url).json()
    assert state == {
        "status": "running",
        "finished": False,
        "done": 1500,
        "total": 6000,
        "percent": 25,
        "text": "De taak is bezig. 1500 van 6000 klaar (25%).",
    }
    AdminJob.objects.filter(pk=job.pk).update(
        status=AdminJobStatus.DONE, done=6000, total=6000, finished_at=timezone.now()
    )
    state = client.get(url).json()
    assert state["finished"] and state["percent"] == 100
    page = client.get(reverse("staff_import_job", args=[job.pk])).content.decode()
    assert "admin_job.js" not in page  # finished: nothing to poll


def test_the_json_state_has_the_pages_permission_checks(person, make_user):
    job = job_for(an_upload(), person, minutes_ago=1)
    url = reverse("staff_import_job", args=[job.pk]) + "?format=json"
    assert logged_in(make_user(Role.MEDEWERKER, Role.BEHEER)).get(url).status_code == 404
    assert logged_in(make_user(Role.MEDEWERKER, Role.KERNTEAM)).get(url).status_code == 403
    anonymous = Client().get(url)
    assert anonymous.status_code == 302 and "login" in anonymous["Location"]


# -- A colleague's job ------------------------------------------------------------------------


def test_a_colleague_applying_the_same_upload_gets_a_message_not_a_404(person, make_user):
    upload = an_upload()
    running = job_for(upload, person, minutes_ago=1)
    colleague = logged_in(make_user(Role.MEDEWERKER, Role.BEHEER))
    preview = colleague.get(reverse("staff_import_preview", args=[upload.pk])).content.decode()
    assert "Volg de voortgang" not in preview  # the job's page is not theirs
    response = apply(colleague, upload)
    assert response.status_code == 302 and response["Location"] == reverse("staff_import")
    page = colleague.get(response["Location"]).content.decode()
    assert "Een collega verwerkt deze import al." in page
    assert AdminJob.objects.get() == running  # no second job
