"""Importing a content pack in the background (django-tasks), for the admin screen.

A pack with many modules and media takes longer than a web request may, so "Importeren"
queues :func:`import_pack_job` (:func:`pack_import_job_start`) and the kernteam member
follows it on the job's result page. The zip travels in the job's row (``AdminJob.payload``,
removed when the job has run, or aborted when it made no progress for half an hour:
:mod:`accounts.jobs`), so a worker on another machine than the web server can read
it. The import is one transaction (:func:`~modules.contentpacks.importer.pack_apply`): a pack
with errors, or any failure, keeps nothing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.utils.translation import gettext as _
from django_tasks import task

from accounts.jobs import JobFailed, Progress, admin_job_create, admin_job_enqueue, admin_job_run
from accounts.models import AdminJob, AdminJobKind, User
from modules.contentpacks.importer import PackInvalid, pack_apply, pack_read


def pack_import_job_start(*, content: bytes, name: str, actor: User) -> AdminJob:
    """Queue the import of the zip ``content`` (called ``name``), as drafts."""
    job = admin_job_create(
        kind=AdminJobKind.CONTENT_PACK,
        started_by=actor,
        params={"name": name[:200]},
        payload=content,
    )
    return admin_job_enqueue(job=job, task=import_pack_job)


@task()
def import_pack_job(job_id: int) -> None:
    admin_job_run(job_id=job_id, work=_import)


def _import(job: AdminJob, progress: Progress) -> dict:
    if not job.payload:
        raise JobFailed(_("The uploaded pack is gone. Upload it again."))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "pack.zip"
        path.write_bytes(bytes(job.payload))
        pack = pack_read(path)
    try:
        result = pack_apply(pack, by=job.started_by, publish=False, progress=progress)
    except PackInvalid as invalid:
        errors = invalid.plan.error_lines()
        raise JobFailed(
            _("Nothing has been imported: the pack has errors. %(errors)s")
            % {"errors": " ".join(errors[:10])}
        ) from invalid
    return {
        "title": result.plan.title,
        "version": result.plan.version,
        "counts": result.counts,
    }
