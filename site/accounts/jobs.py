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

A worker that dies (or a queue write that fails) would leave a job "queued" or "running" for
ever, keeping its payload and the address it was started from, and blocking the upload it
belongs to. So a job that shows no sign of life (created, started, progress reported) for
``ADMIN_JOB_STALE_MINUTES`` (30 by default) counts as aborted: :func:`admin_job_expire_stale`
marks it failed where it is read (no scheduler needed), and :func:`admin_jobs_retention`
(called by ``apply_retention``) does the same for jobs nobody looks at, clears any payload
left on a finished job and deletes jobs older than ``ADMIN_JOB_RETENTION_DAYS`` (90).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import AdminJob, AdminJobKind, AdminJobStatus, User

logger = logging.getLogger(__name__)

Progress = Callable[[int, int], None]  # (done, total)
PROGRESS_TIMEOUT_SECONDS = 24 * 60 * 60
UNFINISHED = (AdminJobStatus.QUEUED, AdminJobStatus.RUNNING)


def stale_after() -> timedelta:
    """How long a job may show no sign of life before it counts as aborted."""
    return timedelta(minutes=getattr(settings, "ADMIN_JOB_STALE_MINUTES", 30))


def retention_period() -> timedelta:
    """How long a job (its summary: who applied what, when) is kept."""
    return timedelta(days=getattr(settings, "ADMIN_JOB_RETENTION_DAYS", 90))


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
    """Keep (done, total) and when it was reported: the report is also the job's sign of
    life (:func:`admin_job_expire_stale`)."""
    cache.set(_progress_key(job_id), (done, total, time.time()), timeout=PROGRESS_TIMEOUT_SECONDS)


def _reported(job_id: int) -> tuple[int, int, float | None] | None:
    reported = cache.get(_progress_key(job_id))
    if reported is None:
        return None
    done, total, *rest = reported
    return done, total, (rest[0] if rest else None)


def admin_job_progress(*, job: AdminJob) -> tuple[int, int]:
    """(done, total) as the result page shows it: the task's last report while it runs,
    else the numbers on the job."""
    if not job.is_finished:
        reported = _reported(job.pk)
        if reported is not None:
            return reported[0], reported[1]
    return job.done, job.total


def _last_sign_of_life(job: AdminJob) -> datetime:
    moments = [job.created_at, job.started_at]
    reported = _reported(job.pk)
    if reported is not None and reported[2] is not None:
        moments.append(datetime.fromtimestamp(reported[2], tz=timezone.get_current_timezone()))
    return max(moment for moment in moments if moment is not None)


def admin_job_expire_stale(*, job: AdminJob, now: datetime | None = None) -> AdminJob:
    """Mark ``job`` failed (aborted) when it waits or runs without a sign of life for longer
    than :func:`stale_after`: its worker died or it never reached the queue. Its payload and
    private parameters go, and it no longer blocks a new attempt. Returns the job as it is
    now (changed in place)."""
    now = now or timezone.now()
    if job.is_finished or now - _last_sign_of_life(job) <= stale_after():
        return job
    job.status = AdminJobStatus.FAILED
    job.error = _(
        "This job has been aborted: it made no progress for %(minutes)s minutes (the task "
        "worker may have stopped). Nothing has been changed. Try again."
    ) % {"minutes": int(stale_after().total_seconds() // 60)}
    job.finished_at = now
    job.payload = None
    job.params = _public(job.params)
    # Only if it is still unfinished: a worker that finished meanwhile keeps its result.
    AdminJob.objects.filter(pk=job.pk, status__in=UNFINISHED).update(
        status=job.status,
        error=job.error,
        finished_at=job.finished_at,
        payload=None,
        params=job.params,
    )
    cache.delete(_progress_key(job.pk))
    job.refresh_from_db()
    return job


def admin_job_enqueue(*, job: AdminJob, task) -> AdminJob:
    """Queue ``task`` for ``job``; if the queue cannot be written, the job fails at once
    (with a Dutch message) instead of waiting for ever."""
    try:
        task.enqueue(job.pk)
    except Exception:
        logger.exception("Admin job %s (%s) could not be queued", job.pk, job.kind)
        job.refresh_from_db()
        if not job.is_finished:
            return _finish(
                job,
                status=AdminJobStatus.FAILED,
                error=_(
                    "The job could not be started, so nothing has been changed. Try again; "
                    "if it fails again, ask the site's administrator."
                ),
            )
    return job


def admin_jobs_retention(*, now: datetime, dry_run: bool = False) -> int:
    """For ``apply_retention``: abort stale jobs, clear what a finished job no longer needs
    (payload, private parameters) and delete jobs older than :func:`retention_period`.
    Returns how many jobs were (or would be) changed or deleted."""
    old = AdminJob.objects.annotate(
        last=Coalesce("finished_at", "started_at", "created_at")
    ).filter(last__lt=now - retention_period())
    unfinished = (
        AdminJob.objects.filter(status__in=UNFINISHED)
        .annotate(alive=Coalesce("started_at", "created_at"))
        .filter(alive__lt=now - stale_after())
        .exclude(pk__in=old.values("pk"))
    )
    leftovers = (
        AdminJob.objects.exclude(status__in=UNFINISHED)
        .filter(Q(payload__isnull=False) | Q(params__has_key="_ip_address"))
        .exclude(pk__in=old.values("pk"))
    )
    count = old.count()
    if dry_run:
        stale = [job for job in unfinished.defer("payload") if _is_stale(job, now)]
        return count + len(stale) + leftovers.count()
    old.delete()
    for job in unfinished.defer("payload"):
        if _is_stale(job, now):
            admin_job_expire_stale(job=job, now=now)
            count += 1
    for job in leftovers.defer("payload"):
        AdminJob.objects.filter(pk=job.pk).update(payload=None, params=_public(job.params))
        count += 1
    return count


def _is_stale(job: AdminJob, now: datetime) -> bool:
    return now - _last_sign_of_life(job) > stale_after()


def _public(params: dict) -> dict:
    """Parameters named with a leading underscore (an IP address for the audit log) are
    personal data the job needed only while it ran."""
    return {key: value for key, value in params.items() if not key.startswith("_")}


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
    job.params = _public(job.params)
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


def admin_job_waiting(*, kind: AdminJobKind, **params) -> AdminJob | None:
    """The job of ``kind`` for these parameters that still waits or runs (anybody's), after
    aborting any that went stale, so a dead job never blocks a new attempt."""
    filters = {f"params__{key}": value for key, value in params.items()}
    for job in AdminJob.objects.filter(kind=kind, status__in=UNFINISHED, **filters).defer(
        "payload"
    ):
        if not admin_job_expire_stale(job=job).is_finished:
            return job
    return None
