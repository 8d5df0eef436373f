"""What the quiz engine's writes change for the caches (see ``core.changes``): an attempt is one
person's; a quiz's settings (attempts allowed, review levels) count for anybody taking it.
Connected in ``QuizzesConfig.ready``."""

from __future__ import annotations

from core.changes import watch_everybody, watch_people
from quizzes.models import Attempt, Quiz


def connect() -> None:
    watch_people(Attempt, reason="attempt", users=lambda attempt: [attempt.user_id])
    watch_everybody(Quiz, reason="content")
