"""What the sessions app's writes change for the caches (see ``core.changes``): a place is one
person's; the yearly requirement can change what anybody must do. Connected in
``AwarenessConfig.ready``."""

from __future__ import annotations

from core.changes import watch_everybody, watch_people
from modules.awareness.models import AttendanceRequirement, Registration, SessionTemplate


def connect() -> None:
    watch_people(Registration, reason="registration", users=lambda place: [place.user_id])
    watch_everybody(AttendanceRequirement, reason="requirement", settings_row=True)
    watch_everybody(SessionTemplate, reason="content")
