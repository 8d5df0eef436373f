"""Which writes become statements, connected in ``XapiConfig.ready``.

Each receiver runs inside the transaction of the write it hears (Django sends ``post_save``
there, and ``core.changes`` sends its signal there), so the statement lands in the outbox with
the event or not at all:

* a lesson done: ``LessonCompletion`` created (``lesson_complete`` writes it once per round);
* a module done: the ``ProgressEvent`` "module completed" created (the one write every
  completion makes, whether the last lesson or the final quiz finished it);
* a quiz attempt submitted: ``Attempt`` saved as submitted (``attempt_submit``), passed or
  failed with its score; a regrade changes scores in bulk and tells ``core.changes`` with reason
  "attempt": each regraded attempt gets a statement with its new result and its earlier ones
  are voided;
* the final quiz in a partner's SCORM package judged: the ``ProgressEvent`` "passed"/"failed"
  (partner's e-learning), with the score the server judged, on the same activity id;
* a certificate issued: ``Certificate`` created;
* an attendance recorded or taken back: the sessions app changes places with ``save`` (check-in)
  and with ``bulk_update`` (the kernteam's list), and both tell ``core.changes`` with reason
  "registration"; the receiver compares the people's attendances with their statements, writes
  what is new and voids what was taken back.

Nothing here runs a query while ``XAPI_ENABLED`` is off.
"""

from __future__ import annotations

from django.db.models.signals import post_save
from django.utils import timezone

from accounts.models import User
from core.changes import people_changed_signal
from modules.awareness.models import Registration
from modules.learning.models import Certificate, LessonCompletion, ModulePage, ProgressEvent
from modules.scorm.models import ScormAttempt
from modules.xapi.config import xapi_enabled
from modules.xapi.models import OutboxStatement, OutboxStatus
from modules.xapi.services import statement_record, statement_void
from modules.xapi.statements import (
    ATTENDED,
    COMPLETED,
    EARNED,
    FAILED,
    PASSED,
    TYPE_ASSESSMENT,
    TYPE_CERTIFICATE,
    TYPE_LESSON,
    TYPE_MEETING,
    TYPE_MODULE,
    Activity,
    activity_iri,
    build_statement,
    reported_by_content,
    round_registration,
    score_result,
)
from quizzes.models import Attempt, AttemptStatus

# ---------------------------------------------------------------------------------------------
# Activities: ids from the pages' translation keys (see modules.xapi.statements)
# ---------------------------------------------------------------------------------------------


def module_activity(*, root: str, module: ModulePage) -> Activity:
    return Activity(
        activity_iri(root=root, kind="module", key=module.translation_key),
        TYPE_MODULE,
        module.title,
    )


def lesson_activity(*, root: str, lesson) -> Activity:
    return Activity(
        activity_iri(root=root, kind="lesson", key=lesson.translation_key),
        TYPE_LESSON,
        lesson.title,
    )


def final_quiz_activity(*, root: str, module: ModulePage, quiz) -> Activity:
    return Activity(
        f"{module_activity(root=root, module=module).id}/final-quiz", TYPE_ASSESSMENT, quiz.title
    )


def certificate_activity(*, root: str, module: ModulePage) -> Activity:
    return Activity(
        f"{module_activity(root=root, module=module).id}/certificate",
        TYPE_CERTIFICATE,
        module.title,
    )


def session_activity(*, root: str, session) -> Activity:
    return Activity(
        activity_iri(root=root, kind="session", key=session.translation_key),
        TYPE_MEETING,
        session.title,
    )


def _round(enrolment, actor_key) -> str:
    return round_registration(
        actor_key=actor_key, module_key=enrolment.module.translation_key, cycle=enrolment.cycle
    )


# ---------------------------------------------------------------------------------------------
# Receivers
# ---------------------------------------------------------------------------------------------


def _lesson_completed(sender, instance: LessonCompletion, created, raw=False, **kwargs):
    if not created or raw or not xapi_enabled():
        return
    enrolment = instance.enrolment
    lesson = instance.lesson

    def build(statement_id, root, actor_key):
        return build_statement(
            statement_id=statement_id,
            root=root,
            actor_key=actor_key,
            verb=COMPLETED,
            activity=lesson_activity(root=root, lesson=lesson),
            moment=instance.completed_at,
            result={"completion": True},
            parents=(module_activity(root=root, module=enrolment.module),),
            registration=_round(enrolment, actor_key),
        )

    statement_record(
        user=_user(enrolment.user_id),
        event_key=f"lesson:{instance.pk}",
        verb="completed",
        build=build,
    )


_SCORM_QUIZ_RESULTS = (ProgressEvent.Kind.SCORM_QUIZ_PASSED, ProgressEvent.Kind.SCORM_QUIZ_FAILED)


def _scorm_quiz_result(instance: ProgressEvent) -> None:
    """The final quiz in a partner's SCORM package (``ModulePage.final_quiz_scorm_lesson``):
    "passed" or "failed" like a final-quiz attempt, with the score the server judged (the
    learner's browser reported it: docs/scorm.md)."""
    enrolment = instance.enrolment
    lesson = instance.lesson
    passed = instance.kind == ProgressEvent.Kind.SCORM_QUIZ_PASSED
    percent = None
    if lesson is not None and lesson.scorm_package_ids():
        percent = (
            ScormAttempt.objects.filter(
                user_id=enrolment.user_id,
                package_id=lesson.scorm_package_ids()[0],
                lesson=lesson,
            )
            .values_list("final_quiz_percent", flat=True)
            .first()
        )

    def build(statement_id, root, actor_key):
        module = enrolment.module
        title = lesson.title if lesson is not None else module.title
        return build_statement(
            statement_id=statement_id,
            root=root,
            actor_key=actor_key,
            verb=PASSED if passed else FAILED,
            activity=Activity(
                f"{module_activity(root=root, module=module).id}/final-quiz",
                TYPE_ASSESSMENT,
                title,
            ),
            moment=instance.created_at,
            result=reported_by_content(
                root=root,
                result=(
                    score_result(percent=percent, passed=passed)
                    if percent is not None
                    else {"success": passed, "completion": True}
                ),
            ),
            parents=(module_activity(root=root, module=module),),
            registration=_round(enrolment, actor_key),
        )

    statement_record(
        user=_user(enrolment.user_id),
        event_key=f"scorm-quiz:{instance.pk}",
        verb="passed" if passed else "failed",
        build=build,
    )


def _progress_event(sender, instance: ProgressEvent, created, raw=False, **kwargs):
    if not created or raw or not xapi_enabled():
        return
    if instance.kind in _SCORM_QUIZ_RESULTS:
        _scorm_quiz_result(instance)
        return
    if instance.kind != ProgressEvent.Kind.MODULE_COMPLETED:
        return
    enrolment = instance.enrolment
    moment = enrolment.completed_at or instance.created_at

    def build(statement_id, root, actor_key):
        return build_statement(
            statement_id=statement_id,
            root=root,
            actor_key=actor_key,
            verb=COMPLETED,
            activity=module_activity(root=root, module=enrolment.module),
            moment=moment,
            result={"completion": True},
            registration=_round(enrolment, actor_key),
        )

    statement_record(
        user=_user(enrolment.user_id),
        event_key=f"module:{enrolment.pk}",
        verb="completed",
        build=build,
    )


def _attempt_saved(sender, instance: Attempt, created, raw=False, update_fields=None, **kwargs):
    if raw or instance.status != AttemptStatus.SUBMITTED or not xapi_enabled():
        return
    if update_fields is not None and "status" not in update_fields:
        return  # a later save of a submitted attempt (a regrade's timestamp, say)
    _record_attempt(instance, event_key=f"attempt:{instance.public_id}")


def _record_attempt(attempt: Attempt, *, event_key: str) -> None:
    """The attempt's score and pass as they stand now, as one statement."""
    enrolment = attempt.enrolment
    quiz = attempt.quiz

    def build(statement_id, root, actor_key):
        module = enrolment.module
        return build_statement(
            statement_id=statement_id,
            root=root,
            actor_key=actor_key,
            verb=PASSED if attempt.passed else FAILED,
            activity=final_quiz_activity(root=root, module=module, quiz=quiz),
            moment=attempt.submitted_at,
            result=score_result(
                percent=attempt.score,
                passed=attempt.passed,
                span=attempt.submitted_at - attempt.started_at,
            ),
            parents=(module_activity(root=root, module=module),),
            registration=_round(enrolment, actor_key),
        )

    statement_record(
        user=_user(attempt.user_id),
        event_key=event_key,
        verb="passed" if attempt.passed else "failed",
        build=build,
        # Copied when the attempt started; the person's roles now are checked as well.
        council_member=True if attempt.is_council_member else None,
    )


def regrade_event_key(attempt: Attempt) -> str:
    """One statement per regrade of an attempt: a second regrade is a new correction."""
    return f"attempt:{attempt.public_id}:regraded:{attempt.regraded_at.timestamp():.6f}"


def _attempts_regraded(sender, user_ids, reason, **kwargs) -> None:
    """A regrade changes attempts' scores in bulk (no ``post_save``) and announces it through
    ``core.changes``: each regraded attempt without a statement of its latest regrade gets one
    with the new score and pass, and the attempt's earlier statements are voided (or withheld
    when not sent yet), so the LRS keeps one live result per attempt. Two reads, whatever the
    number of people; the writes are one per regraded attempt."""
    if reason != "attempt" or not user_ids or not xapi_enabled():
        return
    attempts = list(
        Attempt.objects.filter(
            user_id__in=user_ids, status=AttemptStatus.SUBMITTED, regraded_at__isnull=False
        ).select_related("quiz", "enrolment__module")
    )
    if not attempts:
        return
    statements = list(
        OutboxStatement.objects.filter(user_id__in=user_ids, event_key__startswith="attempt:")
    )
    written = {row.event_key for row in statements}
    for attempt in attempts:
        key = regrade_event_key(attempt)
        if key in written:
            continue
        prefix = f"attempt:{attempt.public_id}"
        for row in statements:
            live = row.voided_by_id is None and row.status != OutboxStatus.WITHHELD
            if live and (row.event_key == prefix or row.event_key.startswith(f"{prefix}:")):
                statement_void(row=row, moment=timezone.now())
        _record_attempt(attempt, event_key=key)


def _certificate_issued(sender, instance: Certificate, created, raw=False, **kwargs):
    if not created or raw or not xapi_enabled():
        return
    enrolment = instance.enrolment

    def build(statement_id, root, actor_key):
        module = enrolment.module
        return build_statement(
            statement_id=statement_id,
            root=root,
            actor_key=actor_key,
            verb=EARNED,
            activity=certificate_activity(root=root, module=module),
            moment=instance.issued_at,
            parents=(module_activity(root=root, module=module),),
            registration=_round(enrolment, actor_key),
        )

    statement_record(
        user=_user(enrolment.user_id),
        event_key=f"certificate:{instance.pk}",
        verb="earned",
        build=build,
    )


def attendance_event_key(registration: Registration) -> str:
    """One statement per attendance: taken back and recorded again is a new attendance."""
    return f"attended:{registration.pk}:{registration.attended_at.timestamp():.6f}"


def _places_changed(sender, user_ids, reason, **kwargs) -> None:
    """Attendances of these people without a statement get one; statements of attendances
    that were taken back are voided (or withheld when not yet sent)."""
    if reason != "registration" or not user_ids or not xapi_enabled():
        return
    attended = {
        attendance_event_key(registration): registration
        for registration in Registration.objects.filter(
            user_id__in=user_ids, attended_at__isnull=False, session__isnull=False
        ).select_related("session", "user")
    }
    recorded = {
        row.event_key: row
        for row in OutboxStatement.objects.filter(
            user_id__in=user_ids, event_key__startswith="attended:", voided_by__isnull=True
        ).exclude(status=OutboxStatus.WITHHELD)
    }
    for key, registration in attended.items():
        if key not in recorded:
            _record_attendance(key, registration)
    for key, row in recorded.items():
        if key not in attended and not _session_gone(key):
            statement_void(row=row, moment=timezone.now())


def _record_attendance(key: str, registration: Registration) -> None:
    session = registration.session

    def build(statement_id, root, actor_key):
        return build_statement(
            statement_id=statement_id,
            root=root,
            actor_key=actor_key,
            verb=ATTENDED,
            activity=session_activity(root=root, session=session),
            moment=registration.attended_at,
        )

    statement_record(user=registration.user, event_key=key, verb="attended", build=build)


def _session_gone(key: str) -> bool:
    """An attendance whose session page was deleted still happened: not taken back."""
    registration_id = int(key.split(":")[1])
    return Registration.objects.filter(
        pk=registration_id, attended_at__isnull=False, session__isnull=True
    ).exists()


def _user(user_id: int) -> User:
    return User.objects.get(pk=user_id)


def connect() -> None:
    receivers = (
        (_lesson_completed, LessonCompletion),
        (_progress_event, ProgressEvent),
        (_attempt_saved, Attempt),
        (_certificate_issued, Certificate),
    )
    for receiver, model in receivers:
        post_save.connect(
            receiver,
            sender=model,
            weak=False,
            dispatch_uid=f"xapi.receivers:{model._meta.label}",
        )
    people_changed_signal.connect(
        _places_changed, weak=False, dispatch_uid="xapi.receivers:registrations"
    )
    people_changed_signal.connect(
        _attempts_regraded, weak=False, dispatch_uid="xapi.receivers:regrades"
    )
