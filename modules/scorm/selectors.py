"""Reads of the SCORM app: a learner's state in a package, and which packages a lesson plays."""

from __future__ import annotations

from accounts.models import User
from modules.learning.models import LessonPage
from modules.scorm.models import ScormAttempt, ScormPackage

BLOCK_TYPE = "scorm"


def attempt_for(*, user: User, package: ScormPackage) -> ScormAttempt | None:
    return ScormAttempt.objects.filter(user=user, package=package).first()


def lesson_plays_package(*, lesson: LessonPage, package_id: int) -> bool:
    """True when ``lesson``'s published body holds a SCORM block with this package.

    Read from the stored JSON, so no snippet is loaded for the check.
    """
    for item in lesson.body.raw_data:
        if (
            item.get("type") == BLOCK_TYPE
            and (item.get("value") or {}).get("package") == package_id
        ):
            return True
    return False


def resume_state(*, user: User, package: ScormPackage, attempt: ScormAttempt | None) -> dict:
    """What the player seeds the runtime with before the content starts (no name: see the
    threat model in :mod:`modules.scorm`)."""
    learner_id = f"weerbaar-{user.pk}"
    if attempt is None:
        return {"learner_id": learner_id, "entry": "ab-initio"}

    def number(value):
        return None if value is None else str(value)

    return {
        "learner_id": learner_id,
        "entry": "resume" if attempt.suspend_data or attempt.location else "",
        "completion_status": attempt.completion_status,
        "success_status": attempt.success_status,
        "score_raw": number(attempt.score_raw),
        "score_min": number(attempt.score_min),
        "score_max": number(attempt.score_max),
        "score_scaled": number(attempt.score_scaled),
        "location": attempt.location,
        "suspend_data": attempt.suspend_data,
    }
