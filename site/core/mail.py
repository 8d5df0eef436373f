"""Sending one email from a background task, with retries when the mail server fails.

django-tasks (0.12) retries nothing: a task that raises is marked failed and stays so. A mail
server that is down for a minute would cost every reminder sent in that minute. So the email
tasks send through :func:`send_email`, which catches the failure, records it in
:class:`~core.models.EmailFailure` (what beheer sees in the admin) and queues the same task
again after a delay (``WEERBAAR_EMAIL_RETRY_MINUTES``: 1, 5 and 30 minutes by default). After
the last delay the email is given up and stays listed for beheer.

How a task takes part: it accepts a keyword argument ``failure_id`` (``None`` on its first
run), renders its message as usual and passes a :class:`Retry` that says how to queue itself
again (the task and its arguments, without ``failure_id``; :func:`send_email` adds it). A task
that finds on a retry that the email is no longer needed (the person left, the request was
withdrawn) calls :func:`cancel_retry`. A task that sends to several people sends one message
each, and a retry carries the one recipient it is for, so nobody gets an email twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks.base import Task

from core.models import EmailFailure, EmailFailureStatus

logger = logging.getLogger(__name__)

DEFAULT_RETRY_MINUTES = (1, 5, 30)


@dataclass(frozen=True)
class Retry:
    """How to send an email again: ``task.enqueue(*args, **kwargs, failure_id=...)``."""

    task: Task
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


def retry_delays() -> list[timedelta]:
    """The waits before the second, third, ... attempt; their number is the number of
    retries."""
    minutes = getattr(settings, "WEERBAAR_EMAIL_RETRY_MINUTES", DEFAULT_RETRY_MINUTES)
    return [timedelta(minutes=int(value)) for value in minutes]


def error_class_name(error: BaseException) -> str:
    return f"{type(error).__module__}.{type(error).__qualname__}"


def send_email(
    *,
    kind: str,
    recipient_id: int | None,
    to: str,
    subject: str,
    body: str,
    retry: Retry | None,
    failure_id: int | None = None,
    attachments: list[tuple[str, bytes | str, str]] | None = None,
) -> bool:
    """Send one message to ``to``; ``True`` when the mail server took it.

    ``kind`` names the email for beheer ("reminders.overdue"), ``recipient_id`` is the user it
    is for (kept instead of the address). On a failure of the connection or the server
    (``OSError``, which includes every ``smtplib.SMTPException``) the failure is recorded and,
    while retries are left and ``retry`` is given, the task is queued again; other errors are
    bugs and propagate. ``failure_id`` is the row of an earlier failure of this same email.
    """
    message = EmailMessage(subject=subject, body=body, to=[to])
    for attachment in attachments or []:
        message.attach(*attachment)
    try:
        message.send()
    except OSError as error:
        _record_failure(
            kind=kind,
            recipient_id=recipient_id,
            error=error,
            retry=retry,
            failure_id=failure_id,
        )
        return False
    if failure_id is not None:
        EmailFailure.objects.filter(pk=failure_id, status=EmailFailureStatus.RETRYING).update(
            status=EmailFailureStatus.SENT, next_attempt_at=None, resolved_at=timezone.now()
        )
    return True


def cancel_retry(failure_id: int | None) -> None:
    """A retry found that its email is no longer needed: the failure is closed, not sent."""
    if failure_id is None:
        return
    EmailFailure.objects.filter(pk=failure_id, status=EmailFailureStatus.RETRYING).update(
        status=EmailFailureStatus.CANCELLED, next_attempt_at=None, resolved_at=timezone.now()
    )


def _record_failure(
    *,
    kind: str,
    recipient_id: int | None,
    error: OSError,
    retry: Retry | None,
    failure_id: int | None,
) -> EmailFailure:
    now = timezone.now()
    failure = EmailFailure.objects.filter(pk=failure_id).first() if failure_id else None
    if failure is None:
        failure = EmailFailure(
            kind=kind, recipient_id=recipient_id, attempts=0, first_failed_at=now
        )
    failure.attempts += 1
    failure.error_class = error_class_name(error)
    failure.last_failed_at = now
    delays = retry_delays()
    retries_done = failure.attempts - 1
    if retry is not None and retries_done < len(delays):
        failure.status = EmailFailureStatus.RETRYING
        failure.next_attempt_at = now + delays[retries_done]
        failure.resolved_at = None
    else:
        failure.status = EmailFailureStatus.GIVEN_UP
        failure.next_attempt_at = None
        failure.resolved_at = now
    failure.save()
    logger.warning(
        "Email %s for user %s failed (attempt %d, %s): %s",
        kind,
        recipient_id,
        failure.attempts,
        failure.error_class,
        failure.get_status_display(),
    )
    if failure.status == EmailFailureStatus.RETRYING:
        _queue_retry(retry, run_after=failure.next_attempt_at, failure_id=failure.pk)
    return failure


def _queue_retry(retry: Retry, *, run_after, failure_id: int) -> None:
    """Queue the task again once this transaction commits (the failure row must be there when
    the worker picks it up). A backend that cannot defer a task (the tests' immediate one)
    runs it again at once."""
    task = retry.task
    if task.get_backend().supports_defer:
        task = task.using(run_after=run_after)
    transaction.on_commit(
        lambda: task.enqueue(*retry.args, **retry.kwargs, failure_id=failure_id), robust=True
    )


T = TypeVar("T")


def send_each(
    *,
    kind: str,
    subject: str,
    messages: Iterable[tuple[Any, str]],
    retry_task: Task,
    retry_args: tuple,
    failure_id: int | None,
) -> int:
    """One message per recipient (``(user, body)``: anything with ``pk`` and ``email``), so
    nobody sees who else was told; a failed one is retried for that recipient alone (the task
    gets ``recipient_id``), so nobody gets it twice. Returns how many the mail server took."""
    return sum(
        send_email(
            kind=kind,
            recipient_id=recipient.pk,
            to=recipient.email,
            subject=subject,
            body=body,
            retry=Retry(retry_task, retry_args, {"recipient_id": recipient.pk}),
            failure_id=failure_id,
        )
        for recipient, body in messages
    )


def only_recipient(
    recipients: list[T],
    *,
    recipient_id: int | None,
    failure_id: int | None,
    user_of: Callable[[T], Any] = lambda item: item,
) -> list[T]:
    """On a retry of :func:`send_each` (``recipient_id``), the one recipient it is for, if they
    still are one (otherwise the retry is closed)."""
    if recipient_id is None:
        return recipients
    kept = [item for item in recipients if user_of(item).pk == recipient_id]
    if not kept:
        cancel_retry(failure_id)
    return kept
