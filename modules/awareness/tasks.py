"""Background tasks (django-tasks): the emails about sessions, each with a calendar file.

Queued by :mod:`modules.awareness.services` once a transaction commits, and run by the
``db_worker`` command (see README); in tests they run at once.
"""

from __future__ import annotations

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from core.urls import absolute_url
from modules.awareness.calendar import session_ics
from modules.awareness.models import Registration, RegistrationStatus

SUBJECTS = {
    "confirmation": "Je bent aangemeld: {title}",
    "waitlist": "Je staat op de wachtlijst: {title}",
    "promoted": "Er is een plek voor je: {title}",
    "reminder": "Morgen: {title}",
    "moved": "Gewijzigd: {title}",
    "session_cancelled": "Gaat niet door: {title}",
}
# Which emails carry the appointment (and which remove it from the calendar).
WITH_INVITATION = {"confirmation", "promoted", "reminder", "moved"}
WITH_CANCELLATION = {"session_cancelled"}


@task()
def send_session_email(registration_id: int, kind: str) -> bool:
    """Send one email; returns False when there is nothing (any more) to send, e.g. the place
    was cancelled before the task ran."""
    registration = (
        Registration.objects.select_related("session", "user").filter(pk=registration_id).first()
    )
    if registration is None or kind not in SUBJECTS:
        return False
    expected = {
        "confirmation": RegistrationStatus.REGISTERED,
        "promoted": RegistrationStatus.REGISTERED,
        "reminder": RegistrationStatus.REGISTERED,
        "moved": RegistrationStatus.REGISTERED,
        "waitlist": RegistrationStatus.WAITLISTED,
    }.get(kind)
    if expected is not None and registration.status != expected:
        return False
    session = registration.session
    url = absolute_url(session.url or "/")
    with translation.override("nl"):
        body = render_to_string(
            f"awareness/email/{kind}.txt",
            {
                "registration": registration,
                "session": session,
                "user": registration.user,
                "url": url,
            },
        )
    message = EmailMessage(
        subject=SUBJECTS[kind].format(title=session.title),
        body=body,
        to=[registration.user.email],
    )
    if kind in WITH_INVITATION | WITH_CANCELLATION:
        message.attach(
            "bewustwordingssessie.ics",
            session_ics(session=session, url=url, cancelled=kind in WITH_CANCELLATION),
            "text/calendar",
        )
    message.send()
    return True
