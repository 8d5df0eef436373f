"""Reads for quizzes: may this learner start the quiz now, and their own attempts."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404
from django.utils.translation import gettext as _

from accounts.models import User
from modules.models import Enrolment, ModulePage
from modules.selectors import current_enrolment, module_lessons
from quizzes.models import Attempt, AttemptItem, AttemptStatus, Quiz


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


def quiz_availability(*, user: User, quiz: Quiz, module: ModulePage) -> QuizAvailability:
    """Four queries: the round, its lessons done, and its attempts at this quiz."""
    enrolment = current_enrolment(user=user, module=module)
    lesson_ids = {lesson.pk for lesson in module_lessons(module=module)}
    if not lesson_ids and enrolment is not None:
        from django.utils import timezone

        if module.round_expired(enrolment, timezone.localdate()):
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


def own_attempt(*, user: User, public_id) -> Attempt:
    """The user's own attempt; anyone else's is answered with 404, as if it did not exist."""
    attempt = (
        Attempt.objects.select_related("quiz", "enrolment__module")
        .filter(public_id=public_id, user=user)
        .first()
    )
    if attempt is None:
        raise Http404
    return attempt


def attempt_items(*, attempt: Attempt) -> list[AttemptItem]:
    return list(attempt.items.order_by("position"))


def passed_final_quiz(*, enrolment: Enrolment, quiz_id: int) -> bool:
    return enrolment.quiz_attempts.filter(quiz_id=quiz_id, passed=True).exists()


def quiz_question_count(*, quiz: Quiz) -> int:
    """How many questions every attempt gets: the fixed ones plus those drawn (two queries)."""
    drawn = sum(quiz.draw_rules.values_list("count", flat=True))
    return quiz.fixed_questions.count() + drawn
