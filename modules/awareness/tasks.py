"""Background tasks (django-tasks): the emails about sessions, each with a calendar file.

Queued by :mod:`modules.awareness.services` once a transaction commits, and run by the
``db_worker`` command (see README); in tests they run at once. Sent through
:func:`core.mail.send_email`, which retries a refused send with backoff and lists failures for
beheer. Subjects and bodies are English
msgids translated to Dutch in ``site/locale`` (rendered in Dutch, the site's one language).
"""

from __future__ import annotations

from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from core.mail import Retry, cancel_retry, send_email
from core.urls import absolute_url
from modules.awareness.calendar import DeletedSession, session_ics
from modules.awareness.models import Registration, RegistrationStatus

SUBJECTS = {
    "confirmation": _("You are registered: %(title)s"),
    "waitlist": _("You are on the waitlist: %(title)s"),
    "promoted": _("There is a place for you: %(title)s"),
    "offer": _("A place is free for you: confirm by %(deadline)s: %(title)s"),
    "offer_expired": _("Your offered place has gone to the next person: %(title)s"),
    "reminder": _("Tomorrow: %(title)s"),
    "moved": _("Changed: %(title)s"),
    "session_cancelled": _("Cancelled: %(title)s"),
    "registration_cancelled": _("You have cancelled: %(title)s"),
}
# Which emails carry the appointment (and which remove it from the calendar).
WITH_INVITATION = {"confirmation", "promoted", "reminder", "moved"}
WITH_CANCELLATION = {"session_cancelled", "registration_cancelled"}
# The status a registration must still have when the task runs; otherwise the email is stale
# (the place was cancelled, the offer answered) and is not sent.
EXPECTED_STATUS = {
    "confirmation": RegistrationStatus.REGISTERED,
    "promoted": RegistrationStatus.REGISTERED,
    "reminder": RegistrationStatus.REGISTERED,
    "moved": RegistrationStatus.REGISTERED,
    "waitlist": RegistrationStatus.WAITLISTED,
    "offer": RegistrationStatus.OFFERED,
    "offer_expired": RegistrationStatus.CANCELLED,
    "registration_cancelled": RegistrationStatus.CANCELLED,
}


def _attaches_calendar(kind: str, registration: Registration) -> bool:
    if kind in WITH_INVITATION or kind == "session_cancelled":
        return True
    # A cancellation of one's own place removes the appointment they were sent; somebody who
    # left the waitlist never had one.
    return kind == "registration_cancelled" and registration.invited_for is not None


@task()
def send_session_email(registration_id: int, kind: str, failure_id: int | None = None) -> bool:
    """Send one email; returns False when there is nothing (any more) to send, e.g. the place
    was cancelled before the task ran (or before a retry), or the session page was deleted
    (then only its cancellation is still sent).
    ``failure_id``: set on a retry by :mod:`core.mail`."""
    registration = (
        Registration.objects.select_related("session", "user").filter(pk=registration_id).first()
    )
    expected = EXPECTED_STATUS.get(kind)
    session = None
    if registration is not None:
        # A deleted session's cancellation (queued on unpublish or on the delete itself, see
        # signals.keep_session_snapshot) is still sent, from the snapshot: nothing else is.
        session = registration.session or (
            DeletedSession.of(registration) if kind == "session_cancelled" else None
        )
    if (
        session is None
        or kind not in SUBJECTS
        or (expected is not None and registration.status != expected)
    ):
        cancel_retry(failure_id)
        return False
    url = absolute_url(session.url or "/")
    with_calendar = _attaches_calendar(kind, registration)
    if with_calendar:
        # Counted before the file is made: this message outranks every earlier one.
        Registration.objects.filter(pk=registration.pk).update(
            calendar_sequence=F("calendar_sequence") + 1
        )
        registration.refresh_from_db(fields=["calendar_sequence"])
    with translation.override("nl"):
        context = {
            "registration": registration,
            "session": session,
            "user": registration.user,
            "url": url,
        }
        body = render_to_string(f"awareness/email/{kind}.txt", context)
        deadline = registration.offer_expires_at
        subject = str(SUBJECTS[kind]) % {
            "title": session.title,
            "deadline": date_format(timezone.localtime(deadline), "j F H:i") if deadline else "",
        }
    attachments = []
    if with_calendar:
        ics = session_ics(
            session=session,
            url=url,
            cancelled=kind in WITH_CANCELLATION,
            registration=registration,
        )
        attachments.append(("bewustwordingssessie.ics", ics, "text/calendar"))
    return send_email(
        kind=f"awareness.{kind}",
        recipient_id=registration.user_id,
        to=registration.user.email,
        subject=subject,
        body=body,
        retry=Retry(send_session_email, (), {"registration_id": registration.pk, "kind": kind}),
        failure_id=failure_id,
        attachments=attachments,
    )
