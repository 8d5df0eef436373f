"""Writes for learning progress: starting a module and completing lessons.

Every write runs in a transaction and locks the learner's enrolment row, so a double click or
two open tabs count a lesson once and the summary never disagrees with the completions.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Page
from wagtail.rich_text import RichText

from accounts.models import Audience, User
from core.dates import add_months
from modules.learning.models import (
    Assignment,
    Certificate,
    Enrolment,
    EnrolmentStatus,
    LessonCompletion,
    LessonPage,
    ModuleIndexPage,
    ModulePage,
    ProgressEvent,
)
from modules.learning.selectors import assignments_for_user, module_lessons
from quizzes.models import Quiz


class NotInModule(Exception):
    """The lesson is not a live lesson of this module."""


def enrolment_get_or_start(*, user: User, module: ModulePage) -> Enrolment:
    """The user's current cycle of the module; the first cycle is created on first use."""
    enrolment = Enrolment.objects.filter(user=user, module=module).order_by("-cycle").first()
    if enrolment is not None:
        return enrolment
    try:
        with transaction.atomic():
            return Enrolment.objects.create(user=user, module=module, cycle=1)
    except IntegrityError:  # a concurrent request created it first
        return Enrolment.objects.get(user=user, module=module, cycle=1)


@transaction.atomic
def enrolment_begin(*, user: User, module: ModulePage) -> Enrolment:
    """Start the user's round of a module that has no lessons to start it (a refresher of
    only a quiz): in progress, with its "started" event; a new round when the last one
    expired. Idempotent."""
    enrolment = enrolment_get_or_start(user=user, module=module)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if module.round_expired(enrolment, timezone.localdate()):
        enrolment = _start_next_cycle(enrolment=enrolment)
    if enrolment.started_at is None:
        enrolment.started_at = timezone.now()
        enrolment.status = EnrolmentStatus.IN_PROGRESS
        enrolment.save(update_fields=["started_at", "status"])
        ProgressEvent.objects.create(enrolment=enrolment, kind=ProgressEvent.Kind.STARTED)
    return enrolment


@dataclass(frozen=True)
class LessonCompleted:
    enrolment: Enrolment
    newly_completed: bool
    module_completed: bool


@transaction.atomic
def lesson_complete(*, user: User, lesson: LessonPage) -> LessonCompleted:
    """Mark ``lesson`` done for ``user`` in their current cycle; idempotent.

    The module completes when every live lesson is done and, where the module has a final
    quiz, that quiz is passed (see :func:`_update_progress`).
    """
    module = lesson.get_parent().specific
    if not isinstance(module, ModulePage) or not lesson.live:
        raise NotInModule(lesson)
    enrolment = enrolment_get_or_start(user=user, module=module)
    # Serialise concurrent requests of this learner on this module.
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    now = timezone.now()
    if module.round_expired(enrolment, timezone.localdate(now)):
        enrolment = _start_next_cycle(enrolment=enrolment)

    _, created = LessonCompletion.objects.get_or_create(enrolment=enrolment, lesson=lesson)
    if not created:
        return LessonCompleted(enrolment=enrolment, newly_completed=False, module_completed=False)

    events = []
    if enrolment.started_at is None:
        enrolment.started_at = now
        events.append(ProgressEvent(enrolment=enrolment, kind=ProgressEvent.Kind.STARTED))
    events.append(
        ProgressEvent(enrolment=enrolment, kind=ProgressEvent.Kind.LESSON_COMPLETED, lesson=lesson)
    )
    enrolment.last_lesson = lesson
    if enrolment.status == EnrolmentStatus.NOT_STARTED:
        enrolment.status = EnrolmentStatus.IN_PROGRESS
    enrolment.save()
    ProgressEvent.objects.bulk_create(events)
    module_completed = _update_progress(enrolment=enrolment, module=module, now=now)
    return LessonCompleted(
        enrolment=enrolment, newly_completed=True, module_completed=module_completed
    )


@dataclass(frozen=True)
class ScormQuizRecorded:
    enrolment: Enrolment
    # A new pass or fail was written (a report that only repeats the round's result is not).
    recorded: bool
    module_completed: bool


@transaction.atomic
def scorm_final_quiz_record(*, user: User, lesson: LessonPage, passed: bool) -> ScormQuizRecorded:
    """The result of the quiz in the partner's package that ``lesson`` plays, when the module
    names that lesson as its final quiz (``ModulePage.final_quiz_scorm_lesson``).

    Called by :func:`modules.scorm.services.attempt_record`, which decides ``passed`` from the
    reported score and the module's pass mark. Like a passed final quiz, a pass in this round
    may complete it (:func:`_update_progress`); the pass stays for the round, a later failed
    replay does not undo it. Written as a ``ProgressEvent``, once per change of result.
    """
    module = lesson.get_parent().specific
    if (
        not isinstance(module, ModulePage)
        or not lesson.live
        or module.final_quiz_scorm_lesson_id != lesson.pk
        or module.final_quiz_id is not None
    ):
        raise NotInModule(lesson)
    enrolment = enrolment_get_or_start(user=user, module=module)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    now = timezone.now()
    if module.round_expired(enrolment, timezone.localdate(now)):
        enrolment = _start_next_cycle(enrolment=enrolment)
    results = enrolment.events.filter(
        kind__in=[ProgressEvent.Kind.SCORM_QUIZ_PASSED, ProgressEvent.Kind.SCORM_QUIZ_FAILED]
    )
    kinds = set(results.values_list("kind", flat=True))
    last = results.order_by("-created_at", "-pk").values_list("kind", flat=True).first()
    kind = ProgressEvent.Kind.SCORM_QUIZ_PASSED if passed else ProgressEvent.Kind.SCORM_QUIZ_FAILED
    if ProgressEvent.Kind.SCORM_QUIZ_PASSED in kinds or last == kind:
        return ScormQuizRecorded(enrolment=enrolment, recorded=False, module_completed=False)
    if enrolment.started_at is None:
        enrolment.started_at = now
        enrolment.status = EnrolmentStatus.IN_PROGRESS
        enrolment.save(update_fields=["started_at", "status"])
        ProgressEvent.objects.create(enrolment=enrolment, kind=ProgressEvent.Kind.STARTED)
    # create, not bulk_create: post_save tells xAPI (a "passed"/"failed" statement).
    ProgressEvent.objects.create(enrolment=enrolment, kind=kind, lesson=lesson)
    # Saves the round (its progress, or its completion), so caches and reports follow.
    completed = _update_progress(enrolment=enrolment, module=module, now=now)
    return ScormQuizRecorded(enrolment=enrolment, recorded=True, module_completed=completed)


@transaction.atomic
def module_complete_if_done(*, enrolment: Enrolment) -> bool:
    """Re-check a round after its final quiz was passed; True when it completed just now."""
    enrolment = Enrolment.objects.select_for_update().select_related("module").get(pk=enrolment.pk)
    return _update_progress(enrolment=enrolment, module=enrolment.module, now=timezone.now())


def _update_progress(*, enrolment: Enrolment, module: ModulePage, now) -> bool:
    """Progress and completion of a locked round: every lesson done and, when the module has
    a final quiz (ours, or the one in a partner's SCORM package), that quiz passed. Returns
    True when the round completed just now.

    The quiz counts as one step of the progress bar, so finishing the lessons of a module with
    a quiz shows less than 100%.
    """
    if enrolment.status == EnrolmentStatus.COMPLETED:
        return False
    lesson_ids = [item.pk for item in module_lessons(module=module)]
    done = enrolment.lesson_completions.filter(lesson_id__in=lesson_ids).count()
    steps, steps_done = len(lesson_ids), done
    if module.final_quiz_id is not None:
        steps += 1
        steps_done += enrolment.quiz_attempts.filter(
            quiz_id=module.final_quiz_id, passed=True
        ).exists()
    elif module.final_quiz_scorm_lesson_id in lesson_ids:
        # Only while that lesson is published: an unpublished lesson is nobody's step, and its
        # quiz cannot be played (nor recorded) any more.
        steps += 1
        steps_done += enrolment.events.filter(kind=ProgressEvent.Kind.SCORM_QUIZ_PASSED).exists()
    enrolment.progress = min(100, round(100 * steps_done / steps)) if steps else 100
    if steps_done < steps:
        enrolment.progress = min(enrolment.progress, 99)
        enrolment.save(update_fields=["progress"])
        return False
    enrolment.status = EnrolmentStatus.COMPLETED
    enrolment.progress = 100
    enrolment.completed_at = now
    enrolment.completed_version = module.version
    renew_months = _renewal_months(user=enrolment.user, module=module)
    if renew_months:
        enrolment.expires_on = add_months(timezone.localdate(now), renew_months)
    enrolment.save()
    ProgressEvent.objects.create(enrolment=enrolment, kind=ProgressEvent.Kind.MODULE_COMPLETED)
    Certificate.objects.get_or_create(enrolment=enrolment)
    return True


def _start_next_cycle(*, enrolment: Enrolment) -> Enrolment:
    """A renewal: a fresh cycle; the expired one stays in the history untouched."""
    # get_or_create: a concurrent request holding the same lock may have started it already.
    following, created = Enrolment.objects.get_or_create(
        user_id=enrolment.user_id,
        module_id=enrolment.module_id,
        cycle=enrolment.cycle + 1,
        defaults={"due_date": enrolment.expires_on},
    )
    if created:
        ProgressEvent.objects.create(enrolment=following, kind=ProgressEvent.Kind.RENEWED)
    return Enrolment.objects.select_for_update().get(pk=following.pk)


def _renewal_months(*, user: User, module: ModulePage) -> int | None:
    """The shortest renewal period among the user's assignments of this module."""
    months = [
        assignment.renew_every_months
        for assignment in assignments_for_user(user=user)
        if assignment.module_id == module.pk and assignment.renew_every_months
    ]
    return min(months) if months else None


def module_index_create(*, parent: Page, title: str, slug: str, intro: str = "") -> Page:
    """The one "Leermodules" overview page, published."""

    index = ModuleIndexPage(title=title, slug=slug, intro=intro)
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


@transaction.atomic
def module_create_with_lessons(
    *, index: Page, content: dict, audience: Audience | None = None, final_quiz=None
) -> ModulePage:
    """Create and publish a module and its lessons from a content dict.

    The dict holds the module fields plus ``lessons``, each
    with a ``body`` of ``(block type, value)`` pairs; text blocks hold HTML.
    """
    module = ModulePage(
        title=content["title"],
        slug=content["slug"],
        intro=content["intro"],
        learning_goals=content["learning_goals"],
        estimated_minutes=content["estimated_minutes"],
        audience=audience,
        final_quiz=final_quiz,
    )
    index.add_child(instance=module)
    module.save_revision().publish()
    for lesson_content in content["lessons"]:
        body = [
            (kind, RichText(value) if kind == "text" else value)
            for kind, value in lesson_content["body"]
        ]
        lesson = LessonPage(
            title=lesson_content["title"],
            slug=lesson_content["slug"],
            summary=lesson_content["summary"],
            estimated_minutes=lesson_content["estimated_minutes"],
            body=body,
        )
        module.add_child(instance=lesson)
        lesson.save_revision().publish()
    return module


@transaction.atomic
def module_set_final_quiz(*, module: ModulePage, quiz: Quiz | None) -> ModulePage:
    """Attach ``quiz`` as the module's final quiz and publish that as a new revision.

    For content built in teaching order: the lessons first, then the questions that name them
    as their source, then the quiz drawn from those questions.
    """
    module.final_quiz = quiz
    module.save_revision().publish()
    return module


def assignment_create(
    *,
    module: ModulePage,
    audience: Audience | None = None,
    starters_from: date | None = None,
    due_days_after_start: int | None = None,
    due_date: date | None = None,
    renew_every_months: int | None = None,
) -> Assignment:
    return Assignment.objects.create(
        module=module,
        audience=audience,
        starters_from=starters_from,
        due_days_after_start=due_days_after_start,
        due_date=due_date,
        renew_every_months=renew_every_months,
    )
