"""What the SCORM app's writes change for the caches (see ``core.changes``): an attempt is one
learner's; a package's title shows on every lesson that plays it. Connected in
``ScormConfig.ready``."""

from __future__ import annotations

from core.changes import watch_everybody, watch_people
from modules.scorm.models import ScormAttempt, ScormPackage


def connect() -> None:
    watch_people(ScormAttempt, reason="scorm", users=lambda attempt: [attempt.user_id])
    watch_everybody(ScormPackage, reason="content")
