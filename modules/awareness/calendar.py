"""iCalendar (RFC 5545) invitations for sessions, made with the ``icalendar`` library.

One event per session with a stable UID, so a calendar program updates (or, with
``METHOD:CANCEL``, removes) the same appointment. Times carry the Europe/Amsterdam time zone
and its VTIMEZONE definition, which Outlook needs.

Emailed files are iTIP messages (RFC 5546): ``METHOD:REQUEST`` to put the appointment in the
person's calendar (or update it), ``METHOD:CANCEL`` to take it out, each naming the person as
ATTENDEE. A calendar program applies a message only when its SEQUENCE is higher than the last
one it saw for the UID, so the sequence is the publication's (a moved session outranks the
old time) plus the person's own count of calendar emails (``Registration.calendar_sequence``):
cancelling, registering again and cancelling again each outrank the message before. The file
on the session page is a plain ``METHOD:PUBLISH`` copy.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vCalAddress

from modules.awareness.models import Registration, SessionPage

PRODID = "-//Gemeente Dordrecht//Weerbaar//NL"


@dataclass(frozen=True)
class DeletedSession:
    """A deleted session as far as its emails and calendar files need it, from the snapshot
    its registrations keep (see ``Registration``): the cancellation queued just before the
    delete is sent after the page is gone, for the same UID as the person's invitation."""

    pk: int
    title: str
    starts_at: datetime
    ends_at: datetime
    last_published_at: datetime | None
    first_published_at: datetime | None = None
    description: str = ""
    location: str = ""
    online_url: str = ""
    led_by: str = ""
    url: str = ""

    @classmethod
    def of(cls, registration: Registration) -> DeletedSession | None:
        if (
            registration.session_page_id is None
            or registration.session_starts_at is None
            or registration.session_ends_at is None
        ):
            return None
        return cls(
            pk=registration.session_page_id,
            title=registration.session_title,
            starts_at=registration.session_starts_at,
            ends_at=registration.session_ends_at,
            last_published_at=registration.session_published_at,
        )


def session_uid(session: SessionPage | DeletedSession) -> str:
    return f"bewustwordingssessie-{session.pk}@weerbaar.dordrecht.nl"


def publication_sequence(session: SessionPage | DeletedSession) -> int:
    """Minutes since the epoch of the last publication: each publication outranks the one
    before (a moved session updates the appointment)."""
    published = session.last_published_at or session.first_published_at
    return int(published.timestamp()) // 60 if published else 0


def session_ics(
    *,
    session: SessionPage | DeletedSession,
    url: str,
    cancelled: bool = False,
    registration: Registration | None = None,
    downloaded_by: Registration | None = None,
) -> bytes:
    """The session as a calendar file; ``cancelled`` makes it a cancellation. With a
    ``registration`` it is that person's iTIP message (REQUEST or CANCEL, the person as
    ATTENDEE, their sequence); without one a PUBLISH copy, at the sequence of the last
    message ``downloaded_by`` (the downloader's registration) was emailed, so a calendar does
    not take the download for an older version."""
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # An emailed file asks the person's calendar to add or cancel; a download only publishes.
    emailed = "REQUEST" if registration is not None else "PUBLISH"
    calendar.add("method", "CANCEL" if cancelled else emailed)
    event = Event()
    event.add("uid", session_uid(session))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", session.starts_at.astimezone(zone))
    event.add("dtend", session.ends_at.astimezone(zone))
    event.add("summary", session.title)
    text = html.unescape(strip_tags(session.description)).strip()
    event.add("description", f"{text}\n\n{url}".strip())
    event.add("location", session.location or session.online_url or "")
    event.add("url", url)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    organizer = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    organizer.params["cn"] = "Kernteam ondermijning"
    event.add("organizer", organizer)
    if registration is not None:
        attendee = vCalAddress(f"mailto:{registration.user.email}")
        attendee.params["cn"] = registration.user.get_full_name() or registration.user.email
        attendee.params["role"] = "REQ-PARTICIPANT"
        attendee.params["partstat"] = "DECLINED" if cancelled else "ACCEPTED"
        attendee.params["rsvp"] = "FALSE"
        event.add("attendee", attendee)
        sequence = publication_sequence(session) + registration.calendar_sequence
    else:
        # A download: as the last emailed message, a cancelled session one higher.
        emailed = downloaded_by.calendar_sequence if downloaded_by is not None else 0
        sequence = publication_sequence(session) + emailed + (1 if cancelled else 0)
    event.add("sequence", sequence)
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
