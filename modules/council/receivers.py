"""What the council app's writes change for the caches (see ``core.changes``): a reflection is
one member's; a recommendation shows to every member. Connected in ``CouncilConfig.ready``."""

from __future__ import annotations

from core.changes import watch_everybody, watch_people
from modules.council.models import CouncilRecommendation, Reflection


def connect() -> None:
    watch_people(Reflection, reason="progress", users=lambda reflection: [reflection.user_id])
    watch_everybody(CouncilRecommendation, reason="content")
