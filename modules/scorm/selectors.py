"""Reads of the SCORM app: a learner's state in a package, and which packages a lesson plays."""

from __future__ import annotations

from datetime import date

from accounts.models import User
from modules.learning.models import Enrolment, LessonPage, ModulePage
from modules.scorm.models import ScormAttempt, ScormPackage

BLOCK_TYPE = "scorm"


def attempt_for(
    *, user: User, package: ScormPackage, lesson: LessonPage, for_update: bool = False
) -> ScormAttempt | None:
    """The learner's state in ``package`` in ``lesson`` (never another lesson's: a package
    can be a lesson in two modules, whose rounds and pass marks differ). ``for_update`` locks
    it for the report that writes it."""
    attempts = ScormAttempt.objects.filter(user=user, package=package, lesson=lesson)
    if for_update:
        attempts = attempts.select_for_update()
    return attempts.first()


def module_round(*, user: User, lesson: LessonPage, today: date) -> int:
    """The learner's current round (``Enrolment.cycle``) in the module of ``lesson``: the latest
    one, or the next when that one is completed and no longer counts (expired, or of a version
    that asks for renewal; the next activity starts it). 1 before any round."""
    module = lesson.get_parent().specific
    if not isinstance(module, ModulePage):
        return 1
    latest = Enrolment.objects.filter(user=user, module=module).order_by("-cycle").first()
    if latest is None:
        return 1
    return latest.cycle + 1 if module.round_expired(latest, today) else latest.cycle


def attempt_in_round(
    *, user: User, package: ScormPackage, lesson: LessonPage, today: date
) -> ScormAttempt | None:
    """The learner's state in ``package`` if it belongs to their current round in the lesson's
    module; None (start afresh) when it was reported in an earlier round."""
    attempt = attempt_for(user=user, package=package, lesson=lesson)
    if attempt is None or attempt.round >= module_round(user=user, lesson=lesson, today=today):
        return attempt
    return None


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
