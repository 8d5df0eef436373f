"""The module's final quiz: may this learner start it now, and what a pass means.

The quiz engine (:mod:`quizzes`) scores attempts and knows nothing of modules; this is the
module's side. A round (``Enrolment``) is the engine's attempt context: the final quiz opens
once every lesson of the round is done, its attempts are counted per round, and a pass may
complete the round (:func:`modules.learning.services.module_complete_if_done`).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from modules.learning.models import Enrolment, ModulePage
from modules.learning.selectors import current_enrolment, module_lessons
from modules.learning.services import enrolment_begin, module_complete_if_done
from quizzes.models import Attempt, AttemptStatus
from quizzes.services import QuizEmpty, SubmitResult, attempt_start, attempt_submit


@dataclass(frozen=True)
class QuizAvailability:
    enrolment: Enrolment | None
    lessons_done: bool
    passed: bool
    attempts_used: int
    max_attempts: int | None
    open_attempt: Attempt | None
    last_attempt: Attempt | None

    @property
    def attempts_left(self) -> int | None:
        if self.max_attempts is None:
            return None
        return max(0, self.max_attempts - self.attempts_used)

    @property
    def can_start(self) -> bool:
        return self.reason == ""

    @property
    def reason(self) -> str:
        """Why the learner cannot start a new attempt (empty when they can)."""
        if self.open_attempt is not None:
            return ""
        if not self.lessons_done:
            return _("Finish all lessons first; then you can take the final quiz.")
        if self.passed:
            return _("You passed this quiz.")
        if self.attempts_left == 0:
            return _(
                "You have used all your attempts. Contact the kernteam ondermijning to try again."
            )
        return ""


def quiz_availability(*, user: User, module: ModulePage) -> QuizAvailability:
    """Four queries: the round, its lessons done, and its attempts at the module's quiz."""
    quiz = module.final_quiz
    enrolment = current_enrolment(user=user, module=module)
    lesson_ids = {lesson.pk for lesson in module_lessons(module=module)}
    if (
        not lesson_ids
        and enrolment is not None
        and module.round_expired(enrolment, timezone.localdate())
    ):
        enrolment = None  # a quiz-only module due again: the quiz starts a new round
    # A module of only a quiz (a trend's refresher) may be started before any round exists.
    lessons_done = not lesson_ids
    attempts: list[Attempt] = []
    if enrolment is not None:
        done = set(
            enrolment.lesson_completions.filter(lesson_id__in=lesson_ids).values_list(
                "lesson_id", flat=True
            )
        )
        lessons_done = done == lesson_ids
        attempts = list(enrolment.quiz_attempts.filter(quiz=quiz).order_by("number"))
    submitted = [attempt for attempt in attempts if attempt.status == AttemptStatus.SUBMITTED]
    return QuizAvailability(
        enrolment=enrolment,
        lessons_done=lessons_done,
        passed=any(attempt.passed for attempt in submitted),
        attempts_used=len(submitted),
        max_attempts=quiz.max_attempts,
        open_attempt=next((a for a in attempts if a.status == AttemptStatus.OPEN), None),
        last_attempt=submitted[-1] if submitted else None,
    )


class QuizNotAvailable(Exception):
    """The learner may not start an attempt now; ``reason`` says why, in Dutch."""

    def __init__(self, availability: QuizAvailability, reason: str | None = None):
        self.availability = availability
        self.reason = reason or availability.reason
        super().__init__(self.reason)


def final_quiz_start(
    *, user: User, module: ModulePage, rng: random.Random | None = None
) -> Attempt:
    """The learner's open attempt at the module's final quiz, or a new one when none is open.

    Raises :class:`QuizNotAvailable` when the lessons are not done, the quiz is already passed
    in this round, no attempts are left, or the quiz has no questions (no attempt is used up).
    """
    availability = quiz_availability(user=user, module=module)
    if availability.open_attempt is not None:
        return availability.open_attempt
    if not availability.can_start:
        raise QuizNotAvailable(availability)
    try:
        # One transaction: an empty quiz leaves no round behind that the quiz would have begun.
        with transaction.atomic():
            enrolment = availability.enrolment
            if enrolment is None:  # a module of only a quiz: the quiz starts the round
                enrolment = enrolment_begin(user=user, module=module)
            return attempt_start(
                user=user,
                quiz=module.final_quiz,
                enrolment=enrolment,
                number=availability.attempts_used + 1,
                rng=rng,
            )
    except QuizEmpty:
        raise QuizNotAvailable(
            availability,
            _("This quiz has no questions yet. Please let the kernteam ondermijning know."),
        ) from None


def final_quiz_submit(*, user: User, attempt: Attempt, data: Mapping) -> SubmitResult:
    """Score the attempt (:func:`quizzes.services.attempt_submit`); a pass may complete the
    module's round."""
    result = attempt_submit(user=user, attempt=attempt, data=data)
    if result.newly_submitted and result.attempt.passed:
        module_complete_if_done(enrolment=result.attempt.enrolment)
    return result


def own_attempt(*, user: User, public_id) -> Attempt:
    """The user's own attempt with its module; anyone else's is answered with 404, as if it
    did not exist."""
    attempt = (
        Attempt.objects.select_related("quiz", "enrolment__module__final_quiz")
        .filter(public_id=public_id, user=user)
        .first()
    )
    if attempt is None:
        raise Http404
    return attempt
