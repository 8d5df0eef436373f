"""Applying a staff import in the background (django-tasks), for the admin screen.

A file of thousands of people takes longer than a web request may, so "Verwerk deze
wijzigingen" queues :func:`apply_staff_import_job` (:func:`staff_import_job_start`) and the
person follows it on the job's result page. The task applies the upload exactly as the dry
run showed it (the plan's fingerprint), in one transaction with the upload locked: a refusal
or an error keeps nothing. The nightly ``import_staff`` command applies directly.
"""

from __future__ import annotations

from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from accounts.audit import client_ip
from accounts.jobs import (
    JobFailed,
    Progress,
    admin_job_create,
    admin_job_enqueue,
    admin_job_run,
    admin_job_waiting,
)
from accounts.models import AdminJob, AdminJobKind, StaffImport, User
from accounts.staff_import.apply import MassDeactivationRefused, PlanChanged, apply_import


def staff_import_job_start(
    *,
    upload: StaffImport,
    actor: User,
    fingerprint: str,
    allow_mass_deactivation: bool,
    request: HttpRequest | None = None,
) -> AdminJob:
    """The job that applies ``upload``, queued; or the one already waiting or running for it
    (a second click does not queue a second job). That one may be a colleague's: the view
    checks ``started_by``. A job that went stale (its worker died) does not count."""
    waiting = admin_job_waiting(kind=AdminJobKind.STAFF_IMPORT, import_id=upload.pk)
    if waiting is not None:
        return waiting
    job = admin_job_create(
        kind=AdminJobKind.STAFF_IMPORT,
        started_by=actor,
        params={
            "import_id": upload.pk,
            "fingerprint": fingerprint,
            "allow_mass_deactivation": allow_mass_deactivation,
            "_ip_address": client_ip(request),  # removed once the job has run
        },
    )
    return admin_job_enqueue(job=job, task=apply_staff_import_job)


@task()
def apply_staff_import_job(job_id: int) -> None:
    admin_job_run(job_id=job_id, work=_apply)


def _apply(job: AdminJob, progress: Progress) -> dict:
    params = job.params
    with transaction.atomic():
        # Locked: two jobs (or the nightly command's file) cannot apply one upload twice.
        upload = StaffImport.objects.select_for_update().filter(pk=params["import_id"]).first()
        if upload is None or upload.applied_at is not None:
            raise JobFailed(_("This file has been applied already."))
        try:
            plan = apply_import(
                actor=job.started_by,
                request=_request_from(params.get("_ip_address")),
                rows=upload.rows,
                today=timezone.localdate(),
                allow_mass_deactivation=params["allow_mass_deactivation"],
                expected_fingerprint=params["fingerprint"],
                progress=progress,
            )
        except PlanChanged as changed:
            raise JobFailed(
                _(
                    "Nothing has been changed: Weerbaar changed since the check. Look at the "
                    "changes again."
                )
            ) from changed
        except MassDeactivationRefused as refusal:
            raise JobFailed(
                _("Nothing has been changed: confirm that so many people are to be deactivated.")
            ) from refusal
        if not plan.is_valid:
            raise JobFailed(_("Nothing has been changed: the file has errors."))
        summary = {
            "aangemaakt": len(plan.creates),
            "gewijzigd": len(plan.updates),
            "gedeactiveerd": len(plan.deactivations),
            "ongewijzigd": plan.unchanged,
        }
        upload.applied_at = timezone.now()
        upload.applied_by = job.started_by
        upload.summary = summary
        upload.rows = []  # personal data is not kept once applied
        upload.save()
    return summary


def _request_from(ip_address: str | None) -> HttpRequest | None:
    """A stand-in for the request that started the job, so the audit log records the
    address beheer applied the file from (:func:`accounts.audit.client_ip` reads it)."""
    if not ip_address:
        return None
    request = HttpRequest()
    request.META["REMOTE_ADDR"] = ip_address
    return request
