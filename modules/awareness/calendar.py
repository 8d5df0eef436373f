"""iCalendar (RFC 5545) invitations for sessions, made with the ``icalendar`` library.

One event per session with a stable UID, so a calendar program updates (or, with
``METHOD:CANCEL``, removes) the same appointment. Times carry the Europe/Amsterdam time zone
and its VTIMEZONE definition, which Outlook needs.
"""

from __future__ import annotations

import html
from email.utils import parseaddr
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event, vCalAddress

from modules.awareness.models import SessionPage

PRODID = "-//Gemeente Dordrecht//Weerbaar//NL"


def session_uid(session: SessionPage) -> str:
    return f"bewustwordingssessie-{session.pk}@weerbaar.dordrecht.nl"


def session_ics(*, session: SessionPage, url: str, cancelled: bool = False) -> bytes:
    """The session as a calendar file; ``cancelled`` makes it a cancellation."""
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if cancelled else "PUBLISH")
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
    # Each publication outranks the one before (a moved session updates the appointment), and
    # a cancellation outranks the invitation it replaces.
    published = session.last_published_at or session.first_published_at
    sequence = int(published.timestamp()) // 60 if published else 0
    event.add("sequence", sequence + (1 if cancelled else 0))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
