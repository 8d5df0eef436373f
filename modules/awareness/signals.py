"""React to the kernteam publishing a session: a cancellation informs everybody registered, a
new time sends an updated appointment, and extra places move people up from the waitlist.
Connected in ``AwarenessConfig.ready``."""

from __future__ import annotations

from django.utils import timezone
from wagtail.signals import page_published

from modules.awareness.models import SessionPage
from modules.awareness.services import session_cancel
from modules.awareness.services import session_published as published


def session_published(sender, instance, **kwargs) -> None:
    now = timezone.now()
    if instance.is_cancelled:
        session_cancel(session=instance, now=now)
    else:
        published(session=instance, now=now)


def connect() -> None:
    page_published.connect(session_published, sender=SessionPage, dispatch_uid="awareness-publish")
