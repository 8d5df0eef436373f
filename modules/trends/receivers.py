"""What the trends app's writes change for the caches (see ``core.changes``): a trend read is
one person's. Connected in ``TrendsConfig.ready``."""

from __future__ import annotations

from core.changes import watch_people
from modules.trends.models import TrendView


def connect() -> None:
    watch_people(TrendView, reason="progress", users=lambda view: [view.user_id])
