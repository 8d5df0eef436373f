"""Long admin jobs as background tasks: create, run, report progress, read back.

Applying a staff import of thousands of rows or importing a content pack can take longer than
a web request may (a proxy or gunicorn times out, and the person does not know whether it was
applied). The admin view creates an :class:`~accounts.models.AdminJob` and queues a task
(django-tasks; run by ``db_worker``, at once in the tests' settings); the task calls
:func:`admin_job_run` with the work to do, and the admin's result page reads the job back.

The work runs in one transaction of its own, so progress written to the job's row would stay
invisible until the end: the task reports progress to the shared cache (Redis in production)
instead, and the row holds the final numbers. A failed job leaves nothing half-applied (its
transaction rolls back) and keeps a Dutch error for the result page.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.core.cache import cache
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AdminJob, AdminJobKind, AdminJobStatus, User

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (done, total)
PROGRESS_TIMEOUT_SECONDS = 24 * 60 * 60


class JobFailed(Exception):
    """The work refuses with a message for the person (Dutch, through gettext); raised inside
    the work's transaction, so nothing of it is kept."""


def _progress_key(job_id: int) -> str:
    return f"accounts:adminjob:{job_id}:progress"


def admin_job_create(
    *,
    kind: AdminJobKind,
    started_by: User,
    params: dict | None = None,
    payload: bytes | None = None,
) -> AdminJob:
    return AdminJob.objects.create(
        kind=kind, started_by=started_by, params=params or {}, payload=payload
    )


def admin_job_report_progress(*, job_id: int, done: int, total: int) -> None:
    cache.set(_progress_key(job_id), (done, total), timeout=PROGRESS_TIMEOUT_SECONDS)


def admin_job_progress(*, job: AdminJob) -> tuple[int, int]:
    """(done, total) as the result page shows it: the task's last report while it runs,
    else the numbers on the job."""
    if not job.is_finished:
        reported = cache.get(_progress_key(job.pk))
        if reported is not None:
            return tuple(reported)
    return job.done, job.total


def admin_job_run(*, job_id: int, work: Callable[[AdminJob, Progress], dict]) -> AdminJob | None:
    """Run ``work(job, progress)`` for a queued job, once: it returns the summary (JSON-safe)
    or raises :class:`JobFailed` with a message for the person. Any other exception is logged
    and shown as a general Dutch error. Returns the job, or None when it was not waiting
    (already run, or taken by another worker)."""
    now = timezone.now()
    claimed = AdminJob.objects.filter(pk=job_id, status=AdminJobStatus.QUEUED).update(
        status=AdminJobStatus.RUNNING, started_at=now
    )
    if not claimed:
        return None
    job = AdminJob.objects.select_related("started_by").get(pk=job_id)

    def progress(done: int, total: int) -> None:
        admin_job_report_progress(job_id=job_id, done=min(done, total), total=total)

    try:
        summary = work(job, progress)
    except JobFailed as failure:
        return _finish(job, status=AdminJobStatus.FAILED, error=str(failure))
    except Exception:
        logger.exception("Admin job %s (%s) failed", job_id, job.kind)
        return _finish(
            job,
            status=AdminJobStatus.FAILED,
            error=_(
                "Something went wrong, so nothing has been changed. Try again; if it fails "
                "again, ask the site's administrator."
            ),
        )
    return _finish(job, status=AdminJobStatus.DONE, summary=summary)


def _finish(
    job: AdminJob, *, status: AdminJobStatus, error: str = "", summary: dict | None = None
) -> AdminJob:
    done, total = admin_job_progress(job=job)
    if status == AdminJobStatus.DONE:
        done = total
    job.status = status
    job.error = error
    job.summary = summary or {}
    job.done, job.total = min(done, total), total
    job.finished_at = timezone.now()
    job.payload = None  # an uploaded file is not kept once the job has run
    # Parameters named with a leading underscore (an IP address for the audit log) are
    # personal data the job needed only while it ran.
    job.params = {key: value for key, value in job.params.items() if not key.startswith("_")}
    job.save(
        update_fields=[
            "status",
            "error",
            "summary",
            "done",
            "total",
            "finished_at",
            "payload",
            "params",
        ]
    )
    cache.delete(_progress_key(job.pk))
    return job


def jobs_of(*, user: User, kind: AdminJobKind) -> QuerySet[AdminJob]:
    """The jobs of this kind that ``user`` may see: the ones they started. A job's summary
    and error speak of the upload of the person who started it, so colleagues see their own
    (the uploads list shows who imported what)."""
    return AdminJob.objects.filter(kind=kind, started_by=user).defer("payload")
