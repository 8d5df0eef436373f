"""Requests for a new round of final-quiz attempts: the learner asks, the kernteam decides.

After the last failed attempt (:mod:`modules.learning.final_quiz`) a learner from staff may ask
for a new round (:func:`retake_request_create`, the "Nieuwe ronde aanvragen" button). One
request per round waits at a time (a database constraint), so a second click changes nothing.
The kernteam sees the waiting requests in the admin (:mod:`modules.learning.admin_views`) and
grants or declines them (:func:`retake_request_decide`): a grant gives the quiz's maximum number
of attempts again (``Enrolment.extra_attempt_rounds`` + 1) and writes an audit entry; the
learner hears the decision by email. Deciding needs :data:`RETAKE_PERMISSION`, which only the
kernteam has (:mod:`accounts.permissions`); raadsleden never have a request (their self-study is
private, see :mod:`modules.learning.final_quiz`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import audit_record
from accounts.models import AuditAction, User
from modules.learning.final_quiz import quiz_availability
from modules.learning.models import (
    Enrolment,
    ModulePage,
    RetakeRequest,
    RetakeRequestStatus,
)
from modules.learning.tasks import send_retake_decided, send_retake_requested

RETAKE_PERMISSION = "modules.change_retakerequest"


class RetakeRefused(Exception):
    """The request or decision is not possible; the message says why, in Dutch."""


@dataclass(frozen=True)
class RetakeRequested:
    request: RetakeRequest
    created: bool


def retake_request_create(*, user: User, module: ModulePage) -> RetakeRequested:
    """Ask for a new round of attempts at ``module``'s final quiz, for the learner's current
    round. Only after every attempt is used without a pass, never for a raadslid. Asking again
    while a request waits returns that request (``created`` false) and changes nothing."""
    if module.final_quiz_id is None:
        raise RetakeRefused(_("This module has no final quiz."))
    availability = quiz_availability(user=user, module=module)
    if availability.council:
        raise RetakeRefused(_("There is no maximum number of attempts for you."))
    if not availability.all_attempts_used or availability.enrolment is None:
        raise RetakeRefused(_("You can ask for a new round once you have used all attempts."))
    with transaction.atomic():
        enrolment = Enrolment.objects.select_for_update().get(pk=availability.enrolment.pk)
        pending = enrolment.retake_requests.filter(status=RetakeRequestStatus.PENDING).first()
        if pending is not None:
            return RetakeRequested(request=pending, created=False)
        try:
            with transaction.atomic():
                request = RetakeRequest.objects.create(enrolment=enrolment)
        except IntegrityError:  # a second tab got there first
            pending = enrolment.retake_requests.get(status=RetakeRequestStatus.PENDING)
            return RetakeRequested(request=pending, created=False)
        request_id = request.pk
        transaction.on_commit(lambda: send_retake_requested.enqueue(request_id), robust=True)
    return RetakeRequested(request=request, created=True)


def pending_retake_requests() -> QuerySet[RetakeRequest]:
    """The requests waiting for the kernteam, oldest first, with what the list shows (one
    query). Raadsleden never have one (:func:`retake_request_create` refuses them)."""
    return (
        RetakeRequest.objects.filter(status=RetakeRequestStatus.PENDING)
        .select_related("enrolment__user__department", "enrolment__module")
        .order_by("requested_at", "pk")
    )


def decided_retake_requests(*, limit: int = 20) -> list[RetakeRequest]:
    """The latest decisions, for the kernteam's overview (one query)."""
    return list(
        RetakeRequest.objects.exclude(status=RetakeRequestStatus.PENDING)
        .select_related("enrolment__user", "enrolment__module", "decided_by")
        .order_by("-decided_at", "-pk")[:limit]
    )


@transaction.atomic
def retake_request_decide(
    *,
    request_id: int,
    decider: User,
    grant: bool,
    http_request: HttpRequest | None = None,
) -> RetakeRequest:
    """Grant or decline a waiting request. Needs :data:`RETAKE_PERMISSION`; a request decided
    already (by a colleague in another tab) is refused and left as it is.

    A grant raises the round's ``extra_attempt_rounds`` by one (the quiz's maximum again) and
    writes an audit entry (who granted whom a new round of which module). The learner is told
    either way once the transaction commits."""
    if not decider.has_perm(RETAKE_PERMISSION):
        raise PermissionDenied
    request = (
        RetakeRequest.objects.select_for_update()
        .select_related("enrolment__user", "enrolment__module")
        .filter(pk=request_id)
        .first()
    )
    if request is None:
        raise RetakeRefused(_("This request does not exist."))
    if request.status != RetakeRequestStatus.PENDING:
        raise RetakeRefused(_("This request has already been decided."))
    request.status = RetakeRequestStatus.GRANTED if grant else RetakeRequestStatus.DECLINED
    request.decided_at = timezone.now()
    request.decided_by = decider
    request.save(update_fields=["status", "decided_at", "decided_by"])
    enrolment = request.enrolment
    if grant:
        Enrolment.objects.filter(pk=enrolment.pk).update(
            extra_attempt_rounds=F("extra_attempt_rounds") + 1
        )
        enrolment.refresh_from_db(fields=["extra_attempt_rounds"])
        audit_record(
            action=AuditAction.RETAKE_GRANTED,
            actor=decider,
            target=enrolment.user,
            details={
                "module": enrolment.module.title,
                "round": enrolment.cycle,
                "extra_attempt_rounds": enrolment.extra_attempt_rounds,
            },
            request=http_request,
        )
    request_pk = request.pk
    transaction.on_commit(lambda: send_retake_decided.enqueue(request_pk), robust=True)
    return request
