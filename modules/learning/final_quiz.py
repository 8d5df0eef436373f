"""The module's final quiz: may this learner start it now, and what a pass means.

The quiz engine (:mod:`quizzes`) scores attempts and knows nothing of modules; this is the
module's side. A round (``Enrolment``) is the engine's attempt context: the final quiz opens
once every lesson of the round is done, its attempts are counted per round, and a pass may
complete the round (:func:`modules.learning.services.module_complete_if_done`).

The attempt policy is enforced here, on the server, whatever the page shows:

* a maximum per round of ``quiz.max_attempts`` x (1 + ``enrolment.extra_attempt_rounds``):
  each request for a new round that the kernteam grants (:mod:`modules.learning.retakes`)
  gives the quiz's maximum again; ``None`` is no maximum;
* a waiting time of ``quiz.retry_wait_minutes`` after a failed attempt;
* after the last failed attempt the learner's leidinggevende(n) and the kernteam are told
  (:func:`modules.learning.tasks.send_last_attempt_failed`) and the learner may ask for a
  new round.

Raadsleden study privately (the council's self-study: their results are never shown
individually to anybody else). So for them there is no maximum (a maximum would need somebody
to grant a new round, and so to see that they failed), nobody is told about their attempts,
and they never make a request that would name them. The waiting time does apply to them.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.models import Page

from accounts.models import User
from accounts.roles import Role
from modules.learning.models import (
    Enrolment,
    LessonCompletion,
    LessonPage,
    ModulePage,
    RetakeRequest,
    RetakeRequestStatus,
)
from modules.learning.selectors import current_enrolment, pages_open_to
from modules.learning.services import enrolment_begin, module_complete_if_done
from modules.learning.tasks import send_last_attempt_failed
from quizzes.models import Attempt, AttemptItem, AttemptStatus, Quiz
from quizzes.presenters import ThemeResult, reread_page_ids, theme_results
from quizzes.services import QuizEmpty, SubmitResult, attempt_start, attempt_submit


def attempts_allowed(*, quiz: Quiz, enrolment: Enrolment | None, council: bool) -> int | None:
    """How many attempts the round allows: the quiz's maximum once, and once more for every
    new round granted. ``None``: no maximum (the quiz has none, or the learner is a raadslid)."""
    if quiz.max_attempts is None or council:
        return None
    extra = enrolment.extra_attempt_rounds if enrolment is not None else 0
    return quiz.max_attempts * (1 + extra)


def moment_text(*, moment: datetime, now: datetime) -> str:
    """ "14:30" today, "3 december 14:30" on another day (local time, Dutch month names)."""
    local, today = timezone.localtime(moment), timezone.localtime(now).date()
    if local.date() == today:
        return date_format(local, "H:i")
    return date_format(local, "j F H:i")


@dataclass(frozen=True)
class QuizAvailability:
    """What the final quiz's page parts need to know about one learner's round.

    ``max_attempts`` is the quiz's maximum per round (``None``: none, also for raadsleden);
    ``attempts_used`` counts the submitted attempts of the round. ``next_attempt_at`` is set
    while the waiting time after a failed attempt runs. ``theme_results`` and
    ``reread_pages`` describe the last attempt when it failed (the lessons are the ones the
    learner may open).
    """

    enrolment: Enrolment | None
    lessons_done: bool
    passed: bool
    attempts_used: int
    max_attempts: int | None
    open_attempt: Attempt | None
    last_attempt: Attempt | None
    extra_rounds: int = 0
    council: bool = False
    next_attempt_at: datetime | None = None
    now: datetime | None = None
    theme_results: tuple[ThemeResult, ...] = ()
    reread_pages: tuple[Page, ...] = ()
    retake_request: RetakeRequest | None = None

    @property
    def attempts_allowed(self) -> int | None:
        if self.max_attempts is None or self.council:
            return None
        return self.max_attempts * (1 + self.extra_rounds)

    @property
    def attempts_left(self) -> int | None:
        allowed = self.attempts_allowed
        if allowed is None:
            return None
        return max(0, allowed - self.attempts_used)

    @property
    def round_max(self) -> int | None:
        """The "3" of "poging 2 van 3": the quiz's maximum (each new round gives it again)."""
        return None if self.attempts_allowed is None else self.max_attempts

    @property
    def attempt_number(self) -> int:
        """The number of the next (or open) attempt within the current round of attempts: the
        "2" of "poging 2 van 3"."""
        if self.round_max is None:
            return self.attempts_used + 1
        return min(self.round_max, self.round_max - (self.attempts_left or 0) + 1)

    @property
    def last_failed(self) -> bool:
        return not self.passed and self.last_attempt is not None and not self.last_attempt.passed

    @property
    def waiting(self) -> bool:
        return self.next_attempt_at is not None

    @property
    def next_attempt_text(self) -> str:
        """When the next attempt may start, in words: a time (with the date when it is not
        today), or empty when it may start now."""
        if self.next_attempt_at is None:
            return ""
        return moment_text(moment=self.next_attempt_at, now=self.now or timezone.now())

    @property
    def all_attempts_used(self) -> bool:
        return not self.passed and self.attempts_left == 0 and self.open_attempt is None

    @property
    def retake_pending(self) -> bool:
        return (
            self.retake_request is not None
            and self.retake_request.status == RetakeRequestStatus.PENDING
        )

    @property
    def may_request_retake(self) -> bool:
        """Staff who used every attempt may ask the kernteam for a new round, once at a time."""
        return (
            self.all_attempts_used
            and not self.council
            and self.enrolment is not None
            and not self.retake_pending
        )

    @property
    def retry_summary(self) -> str:
        """After a failed attempt: "Niet gehaald, poging 2 van 3 vanaf 14:30" ("vanaf nu" when
        there is no wait), or that every attempt is used. Empty otherwise."""
        if not self.last_failed or self.open_attempt is not None:
            return ""
        if self.attempts_left == 0:
            return _("Not passed, all attempts used")
        values = {"number": self.attempt_number, "moment": self.next_attempt_text or _("now")}
        if self.round_max is None:
            return _("Not passed, attempt %(number)s from %(moment)s") % values
        return _("Not passed, attempt %(number)s of %(max)s from %(moment)s") % {
            **values,
            "max": self.round_max,
        }

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
            return _("You have used all your attempts.")
        if self.next_attempt_at is not None:
            return _("You can take the quiz again from %(moment)s.") % {
                "moment": self.next_attempt_text
            }
        return ""


def quiz_availability(
    *, user: User, module: ModulePage, now: datetime | None = None
) -> QuizAvailability:
    """A fixed number of queries: the round, its lessons with those done (one query), its
    attempts at the module's quiz and the learner's roles; after a failed attempt also its
    items and the lessons to reread (:func:`~modules.learning.selectors.pages_open_to`); when
    every attempt is used, the round's latest request for a new round."""
    now = now or timezone.now()
    quiz = module.final_quiz
    enrolment = current_enrolment(user=user, module=module)
    lessons = _lessons_done(module=module, enrolment=enrolment)
    if (
        not lessons
        and enrolment is not None
        and module.round_expired(enrolment, timezone.localdate())
    ):
        enrolment = None  # a quiz-only module due again: the quiz starts a new round
    # A module of only a quiz (a trend's refresher) may be started before any round exists.
    lessons_done = (enrolment is not None and all(lessons.values())) or not lessons
    attempts: list[Attempt] = []
    if enrolment is not None:
        attempts = list(enrolment.quiz_attempts.filter(quiz=quiz).order_by("number"))
    # Whether the learner is a raadslid matters only for a maximum (one query saved otherwise).
    council = quiz.max_attempts is not None and user.has_role(Role.RAADSLID)
    submitted = [attempt for attempt in attempts if attempt.status == AttemptStatus.SUBMITTED]
    last = max(submitted, key=lambda a: a.submitted_at) if submitted else None
    passed = any(attempt.passed for attempt in submitted)
    next_at = None
    themes: tuple[ThemeResult, ...] = ()
    reread: tuple[Page, ...] = ()
    if last is not None and not passed:
        if quiz.retry_wait_minutes:
            at = last.submitted_at + timedelta(minutes=quiz.retry_wait_minutes)
            next_at = at if at > now else None
        items = list(AttemptItem.objects.filter(attempt=last).order_by("position"))
        themes = tuple(theme_results(items=items))
        reread = tuple(pages_open_to(user=user, page_ids=reread_page_ids(items=items)))
    availability = QuizAvailability(
        enrolment=enrolment,
        lessons_done=lessons_done,
        passed=passed,
        attempts_used=len(submitted),
        max_attempts=quiz.max_attempts,
        open_attempt=next((a for a in attempts if a.status == AttemptStatus.OPEN), None),
        last_attempt=last,
        extra_rounds=enrolment.extra_attempt_rounds if enrolment is not None else 0,
        council=council,
        next_attempt_at=next_at,
        now=now,
        theme_results=themes,
        reread_pages=reread,
    )
    if availability.all_attempts_used and not council and enrolment is not None:
        request = enrolment.retake_requests.order_by("-requested_at", "-pk").first()
        availability = replace(availability, retake_request=request)
    return availability


def _lessons_done(*, module: ModulePage, enrolment: Enrolment | None) -> dict[int, bool]:
    """The module's live lessons (the rule of :func:`~modules.learning.selectors.module_lessons`)
    and whether each is done in ``enrolment``: one query of ids, not the lessons' bodies."""
    lessons = LessonPage.objects.child_of(module).live()
    if enrolment is None:
        return dict.fromkeys(lessons.values_list("pk", flat=True), False)
    done = LessonCompletion.objects.filter(enrolment=enrolment, lesson_id=OuterRef("pk"))
    return dict(lessons.annotate(done=Exists(done)).values_list("pk", "done"))


def failed_quiz_states(
    *, user: User, rounds: Sequence[tuple[ModulePage, Enrolment]], now: datetime | None = None
) -> dict[int, QuizAvailability]:
    """For "Mijn leeromgeving": per round (enrolment pk) whose last final-quiz attempt failed,
    what :func:`quiz_availability` would say about retrying, for many modules at once in a
    fixed number of queries (the attempts, the failed attempts' items, the lessons to reread
    and the waiting requests). ``rounds`` pairs each module with the learner's current round.
    Lessons count as done (a failed attempt needed them done)."""
    now = now or timezone.now()
    quiz_of = {
        enrolment.pk: (module, enrolment)
        for module, enrolment in rounds
        if module.final_quiz_id is not None
    }
    if not quiz_of:
        return {}
    by_round: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in (
        Attempt.objects.filter(enrolment_id__in=quiz_of).select_related("quiz").order_by("number")
    ):
        if attempt.quiz_id == quiz_of[attempt.enrolment_id][0].final_quiz_id:
            by_round[attempt.enrolment_id].append(attempt)
    failed: dict[int, Attempt] = {}
    for enrolment_id, attempts in by_round.items():
        submitted = [a for a in attempts if a.status == AttemptStatus.SUBMITTED]
        if submitted and not any(a.passed for a in submitted):
            failed[enrolment_id] = max(submitted, key=lambda a: a.submitted_at)
    if not failed:
        return {}
    items_of: dict[int, list[AttemptItem]] = defaultdict(list)
    for item in AttemptItem.objects.filter(attempt__in=list(failed.values())).order_by(
        "attempt_id", "position"
    ):
        items_of[item.attempt_id].append(item)
    wanted = [pk for last in failed.values() for pk in reread_page_ids(items=items_of[last.pk])]
    open_pages = {page.pk: page for page in pages_open_to(user=user, page_ids=wanted)}
    council = any(a.quiz.max_attempts is not None for a in failed.values()) and user.has_role(
        Role.RAADSLID
    )
    states = {}
    for enrolment_id, last in failed.items():
        _module, enrolment = quiz_of[enrolment_id]
        quiz = last.quiz
        attempts = by_round[enrolment_id]
        items = items_of[last.pk]
        next_at = None
        if quiz.retry_wait_minutes:
            at = last.submitted_at + timedelta(minutes=quiz.retry_wait_minutes)
            next_at = at if at > now else None
        states[enrolment_id] = QuizAvailability(
            enrolment=enrolment,
            lessons_done=True,
            passed=False,
            attempts_used=sum(1 for a in attempts if a.status == AttemptStatus.SUBMITTED),
            max_attempts=quiz.max_attempts,
            open_attempt=next((a for a in attempts if a.status == AttemptStatus.OPEN), None),
            last_attempt=last,
            extra_rounds=enrolment.extra_attempt_rounds,
            council=council,
            next_attempt_at=next_at,
            now=now,
            theme_results=tuple(theme_results(items=items)),
            reread_pages=tuple(
                open_pages[pk] for pk in reread_page_ids(items=items) if pk in open_pages
            ),
        )
    used_up = [pk for pk, state in states.items() if state.all_attempts_used and not council]
    if used_up:
        latest: dict[int, RetakeRequest] = {}
        for request in RetakeRequest.objects.filter(enrolment_id__in=used_up).order_by(
            "requested_at", "pk"
        ):
            latest[request.enrolment_id] = request
        for pk in used_up:
            states[pk] = replace(states[pk], retake_request=latest.get(pk))
    return states


class QuizNotAvailable(Exception):
    """The learner may not start an attempt now; ``reason`` says why, in Dutch."""

    def __init__(self, availability: QuizAvailability, reason: str | None = None):
        self.availability = availability
        self.reason = reason or availability.reason
        super().__init__(self.reason)


def final_quiz_start(
    *,
    user: User,
    module: ModulePage,
    rng: random.Random | None = None,
    now: datetime | None = None,
) -> Attempt:
    """The learner's open attempt at the module's final quiz, or a new one when none is open.

    Raises :class:`QuizNotAvailable` (and writes nothing: no attempt, no round) when the
    lessons are not done, the quiz is already passed in this round, no attempts are left, the
    waiting time after a failed attempt still runs, or the quiz has no questions.
    """
    availability = quiz_availability(user=user, module=module, now=now)
    if availability.open_attempt is not None:
        return availability.open_attempt
    if not availability.can_start:
        raise QuizNotAvailable(availability)
    number = availability.attempts_used + 1
    try:
        if availability.enrolment is not None:
            # The engine's own transaction is enough (and saves a savepoint at the peak).
            return attempt_start(
                user=user,
                quiz=module.final_quiz,
                enrolment=availability.enrolment,
                number=number,
                rng=rng,
            )
        # One transaction: an empty quiz leaves no round behind that the quiz would have begun.
        with transaction.atomic():
            enrolment = enrolment_begin(user=user, module=module)  # a module of only a quiz
            return attempt_start(
                user=user, quiz=module.final_quiz, enrolment=enrolment, number=number, rng=rng
            )
    except QuizEmpty:
        raise QuizNotAvailable(
            availability,
            _("This quiz has no questions yet. Please let the kernteam ondermijning know."),
        ) from None


def final_quiz_submit(*, user: User, attempt: Attempt, data: Mapping) -> SubmitResult:
    """Score the attempt (:func:`quizzes.services.attempt_submit`); a pass may complete the
    module's round. A failed last attempt of staff tells their leidinggevende(n) and the
    kernteam (once the submission is committed)."""
    result = attempt_submit(user=user, attempt=attempt, data=data)
    if not result.newly_submitted:
        return result
    # The caller's attempt carries its round already (the locked copy would load it again).
    enrolment = attempt.enrolment
    if result.attempt.passed:
        module_complete_if_done(enrolment=enrolment)
    elif _was_last_attempt(user=user, attempt=result.attempt):
        enrolment_id = enrolment.pk
        transaction.on_commit(lambda: send_last_attempt_failed.enqueue(enrolment_id), robust=True)
    return result


def _was_last_attempt(*, user: User, attempt: Attempt) -> bool:
    if attempt.quiz.max_attempts is None:
        return False
    enrolment = Enrolment.objects.get(pk=attempt.enrolment_id)  # the current extra rounds
    allowed = attempts_allowed(
        quiz=attempt.quiz, enrolment=enrolment, council=user.has_role(Role.RAADSLID)
    )
    if allowed is None:
        return False
    used = Attempt.objects.filter(
        enrolment=enrolment, quiz=attempt.quiz, status=AttemptStatus.SUBMITTED
    ).count()
    return used >= allowed


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
