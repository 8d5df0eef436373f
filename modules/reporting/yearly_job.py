"""The yearly overview PDF ("Weerbaarheid in cijfers") rendered in the background.

Reading a year of figures and laying out the PDF takes longer than a web request should (a
proxy or gunicorn may time out and the kernteam member does not know whether it worked), so
"PDF maken" queues :func:`render_yearly_overview_job` (:func:`yearly_overview_job_start`) as an
:class:`~accounts.models.AdminJob` (:mod:`accounts.jobs`: progress, a result page, aborted after
half an hour without a sign of life, deleted after the retention period).

The PDF is written through Django's default storage (``STORAGES["default"]``: MEDIA_ROOT or the
private bucket), so a worker on another machine than the web server can hand it over. It lies
under :data:`PDF_FOLDER`, a folder no web server serves (only ``images/`` and
``original_images/`` are, see the README), under a random name; the only way to it is the
download view, which checks the permission and that the job is the viewer's own. The
quarterly version is the same kind of job with ``params={"period": "kwartaal"}`` (a job
without a period, made before there was a choice, is a yearly one), behind the same
permission. The file goes
when its job is deleted (:func:`remove_pdf_of_deleted_job`, connected in
:mod:`modules.reporting.receivers`), so retention of jobs is retention of their PDFs.
"""

from __future__ import annotations

import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from accounts.jobs import (
    UNFINISHED,
    Progress,
    admin_job_create,
    admin_job_enqueue,
    admin_job_expire_stale,
    admin_job_run,
    jobs_of,
)
from accounts.models import AdminJob, AdminJobKind, AdminJobStatus, User
from modules.reporting.yearly import YEAR, period_from, yearly_overview, yearly_overview_pdf

KIND = AdminJobKind.YEARLY_OVERVIEW
PDF_FOLDER = "private/yearly-overview"
#: Steps the result page counts: read the figures, lay out the PDF, store it.
STEPS = 3


def job_period(job: AdminJob) -> str:
    return period_from((job.params or {}).get("period", YEAR))


def yearly_overview_job_start(*, actor: User, period: str = YEAR) -> AdminJob:
    """Queue the PDF of ``period`` for ``actor``; or, when one of theirs of that period still
    waits or runs, that one (a second click makes no second PDF). A job that went stale does
    not count."""
    period = period_from(period)
    for job in jobs_of(user=actor, kind=KIND).filter(status__in=UNFINISHED):
        if job_period(job) == period and not admin_job_expire_stale(job=job).is_finished:
            return job
    job = admin_job_create(kind=KIND, started_by=actor, params={"period": period})
    return admin_job_enqueue(job=job, task=render_yearly_overview_job)


def recent_yearly_overview_jobs(*, user: User, limit: int = 5) -> list[AdminJob]:
    """The person's last PDFs (newest first) for the overview screen: one query."""
    return list(jobs_of(user=user, kind=KIND)[:limit])


def finished_pdf_job(*, user: User, job_id: int) -> AdminJob | None:
    """The job whose PDF ``user`` may download: their own, finished, with a file."""
    job = jobs_of(user=user, kind=KIND).filter(pk=job_id, status=AdminJobStatus.DONE).first()
    if job is None or not job.summary.get("file"):
        return None
    return job


def pdf_filename(job: AdminJob) -> str:
    """The name the browser saves the file under."""
    if job.summary.get("period", YEAR) != YEAR:
        return f"weerbaarheid-in-cijfers-kwartaal-{job.summary.get('until', '')}.pdf"
    return f"weerbaarheid-in-cijfers-{job.summary.get('year', '')}.pdf"


@task()
def render_yearly_overview_job(job_id: int) -> None:
    admin_job_run(job_id=job_id, work=_render)


def _render(job: AdminJob, progress: Progress) -> dict:
    progress(0, STEPS)
    overview = yearly_overview(
        today=timezone.localdate(), now=timezone.now(), period=job_period(job)
    )
    progress(1, STEPS)
    content = yearly_overview_pdf(overview=overview)
    progress(2, STEPS)
    # A random part in the name: the name alone never leads to the file, and no two jobs share
    # one (the storage may otherwise pick a name of its own, which is kept as it says).
    name = default_storage.save(
        f"{PDF_FOLDER}/{job.pk}-{secrets.token_urlsafe(16)}.pdf", ContentFile(content)
    )
    return {
        "year": overview.year,
        "period": overview.period,
        "title": overview.title,
        "since": overview.since.isoformat(),
        "until": overview.until.isoformat(),
        "file": name,
        "bytes": len(content),
    }


def remove_pdf_of_deleted_job(sender, instance: AdminJob, **kwargs) -> None:
    """``post_delete`` of an AdminJob: its PDF goes too, once the deletion is committed (a
    deletion rolled back keeps the file its job still points at)."""
    name = (instance.summary or {}).get("file") if instance.kind == KIND else None
    if name and name.startswith(f"{PDF_FOLDER}/"):
        transaction.on_commit(lambda: default_storage.delete(name))
