"""What the learning app's writes change for the caches (see ``core.changes``).

Connected in ``LearningConfig.ready``. Progress, rounds, certificates, retake requests and
dilemma choices are one person's; an assignment can change what anybody must do.
"""

from __future__ import annotations

from core.changes import watch_everybody, watch_people
from modules.learning.models import (
    Assignment,
    Certificate,
    DilemmaChoice,
    Enrolment,
    LessonCompletion,
    RetakeRequest,
)


def _round_owner(row) -> list[int]:
    """The person of a row that hangs off a round (without a query when the round is loaded)."""
    enrolment = row._state.fields_cache.get("enrolment")
    if enrolment is not None:
        return [enrolment.user_id]
    return list(Enrolment.objects.filter(pk=row.enrolment_id).values_list("user_id", flat=True))


def connect() -> None:
    watch_people(Enrolment, reason="progress", users=lambda enrolment: [enrolment.user_id])
    watch_people(LessonCompletion, reason="progress", users=_round_owner)
    watch_people(Certificate, reason="progress", users=_round_owner)
    watch_people(RetakeRequest, reason="progress", users=_round_owner)
    watch_people(DilemmaChoice, reason="progress", users=lambda choice: [choice.user_id])
    watch_everybody(Assignment, reason="assignment")
