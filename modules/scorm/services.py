"""Writes of the SCORM app: storing a checked package, removing one, recording a learner's run."""

from __future__ import annotations

import logging
import uuid
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from modules.learning.models import LessonPage, ModulePage
from modules.learning.services import lesson_complete, scorm_final_quiz_record
from modules.scorm.models import ScormAttempt, ScormLaunch, ScormPackage
from modules.scorm.package_files import InspectedPackage, read_member
from modules.scorm.selectors import attempt_for, module_round

logger = logging.getLogger(__name__)

STORAGE_ROOT = "scorm"
# SCORM 1.2 lesson_status values that end the lesson; SCORM 2004 reports completion_status.
_DONE_12 = frozenset({"completed", "passed"})


def package_create(
    *, upload: IO[bytes], inspected: InspectedPackage, title: str, uploaded_by: User | None
) -> ScormPackage:
    """Extract the checked zip ``upload`` to the default storage and record the package.

    All or nothing: a file that fails to extract, or a failing insert, removes every file
    written so far, so storage holds no orphaned half-package.
    """
    folder = f"{STORAGE_ROOT}/{uuid.uuid4().hex}"
    written: list[str] = []
    try:
        with zipfile.ZipFile(upload) as archive:
            for package_file in inspected.files:
                name = f"{folder}/{package_file.name}"
                data = b"".join(read_member(archive, package_file.name))
                stored = default_storage.save(name, ContentFile(data))
                written.append(stored)
                if stored != name:
                    raise ValidationError(
                        _("The file %(name)s could not be stored under its own name.")
                        % {"name": package_file.name}
                    )
        with transaction.atomic():
            return ScormPackage.objects.create(
                title=(title or inspected.title or _("SCORM package"))[:255],
                version=inspected.version,
                launch_href=inspected.launch_href[:500],
                storage_path=folder,
                uploaded_by=uploaded_by,
                size_bytes=inspected.total_size,
                file_count=len(inspected.files),
            )
    except OSError as e:
        _delete_files(written)
        logger.exception("Could not store SCORM package %s", folder)
        raise ValidationError(
            _("The package could not be stored. Nothing was saved; try again later.")
        ) from e
    except BaseException:
        _delete_files(written)
        raise


def package_delete(*, package: ScormPackage) -> None:
    """Delete the package's row (and its learners' attempts) and then its files."""
    names = _stored_names(package.storage_path)
    package.delete()
    transaction.on_commit(lambda: _delete_files(names))


def _stored_names(folder: str) -> list[str]:
    names: list[str] = []
    pending = [folder]
    while pending:
        current = pending.pop()
        try:
            directories, files = default_storage.listdir(current)
        except (FileNotFoundError, NotADirectoryError):
            continue
        names.extend(f"{current}/{f}" for f in files)
        pending.extend(f"{current}/{d}" for d in directories)
    return names


def _delete_files(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except OSError:
            logger.exception("Could not delete SCORM file %s", name)


@dataclass(frozen=True)
class CmiReport:
    """What the player posts after a commit, already checked by ``TrackForm``."""

    completion_status: str
    success_status: str
    score_raw: Decimal | None
    score_min: Decimal | None
    score_max: Decimal | None
    score_scaled: Decimal | None
    location: str
    suspend_data: str


@dataclass(frozen=True)
class AttemptRecorded:
    attempt: ScormAttempt
    lesson_newly_completed: bool
    # Set when the lesson is the module's final quiz and the report decided it.
    final_quiz_result: str = ""
    module_completed: bool = False


PASSED, FAILED = "passed", "failed"
_HUNDRED = Decimal(100)


@dataclass(frozen=True)
class QuizOutcome:
    result: str  # PASSED or FAILED
    percent: Decimal | None  # the score as a percentage; None when the package sent none


def score_percent(*, package: ScormPackage, report: CmiReport) -> Decimal | None:
    """The reported score as a percentage of the package's range, or None without a score.

    SCORM 2004: ``score.scaled`` (-1..1) x 100 when present. Otherwise (and always for 1.2,
    which has no scaled score): ``score.raw`` within ``score.min`` (default 0) and
    ``score.max``; without a maximum, ``raw`` is read as a percentage (the 1.2 convention of
    a 0-100 score). Clamped to 0..100.
    """
    if package.version == "2004" and report.score_scaled is not None:
        percent = report.score_scaled * _HUNDRED
    elif report.score_raw is not None:
        low = report.score_min if report.score_min is not None else Decimal(0)
        high = report.score_max
        if high is not None and high > low:
            percent = (report.score_raw - low) / (high - low) * _HUNDRED
        else:
            percent = report.score_raw
    else:
        return None
    return min(_HUNDRED, max(Decimal(0), percent)).quantize(Decimal("0.0001"))


def final_quiz_outcome(
    *, package: ScormPackage, report: CmiReport, mastery: int
) -> QuizOutcome | None:
    """The server's verdict on a report, for a package whose quiz is a module's final quiz.

    Undecided (None) until the package concludes the run: 1.2 ``lesson_status`` passed,
    failed or completed; 2004 ``success_status`` passed or failed, or ``completion_status``
    completed. Then, where a score was reported, it decides alone: passed when the score
    (:func:`score_percent`) is at least ``mastery`` percent, whatever "passed" or "failed"
    the package says. Without a score, the package's own passed/failed is all there is
    (1.2 ``lesson_status``, 2004 ``success_status``); "completed" without a score or a
    success status decides nothing.
    """
    if package.version == "1.2":
        concluded = report.completion_status in {"passed", "failed", "completed"}
        said = report.completion_status if report.completion_status in {PASSED, FAILED} else ""
    else:
        said = report.success_status if report.success_status in {PASSED, FAILED} else ""
        concluded = bool(said) or report.completion_status == "completed"
    if not concluded:
        return None
    percent = score_percent(package=package, report=report)
    if percent is not None:
        return QuizOutcome(PASSED if percent >= mastery else FAILED, percent)
    if said:
        return QuizOutcome(said, None)
    return None


def is_done(*, package: ScormPackage, report: CmiReport) -> bool:
    if package.version == "1.2":
        return report.completion_status in _DONE_12
    return report.completion_status == "completed"


class NotLaunched(Exception):
    """A report for a package the content origin did not serve to this learner this round."""


def launch_record(*, user: User, lesson: LessonPage, package: ScormPackage) -> ScormLaunch:
    """Note that the content origin served ``package``'s runtime to ``user`` for ``lesson`` in
    their current module round (once per round; later launches change nothing)."""
    current_round = module_round(user=user, lesson=lesson, today=timezone.localdate())
    launch, _created = ScormLaunch.objects.get_or_create(
        user=user, package=package, lesson=lesson, round=current_round
    )
    return launch


def _start_afresh(attempt: ScormAttempt) -> None:
    attempt.completion_status = attempt.success_status = ""
    attempt.score_raw = attempt.score_min = attempt.score_max = attempt.score_scaled = None
    attempt.location = attempt.suspend_data = ""
    attempt.completed_at = None
    attempt.final_quiz_result = ""
    attempt.final_quiz_percent = None


@transaction.atomic
def attempt_record(
    *, user: User, lesson: LessonPage, package: ScormPackage, report: CmiReport
) -> AttemptRecorded:
    """Keep ``report`` as the learner's state in ``package``; the first time it says done, the
    lesson is completed through the learning app, so module progress and reports follow.

    When the module names ``lesson`` as its final quiz, a concluded report is also judged
    here (:func:`final_quiz_outcome`, with the module's pass mark) and the verdict recorded
    for the learner's round (:func:`modules.learning.services.scorm_final_quiz_record`): a
    pass completes the module as a passed final quiz does. A replay may pass after a failure.

    Raises :class:`NotLaunched`, keeping nothing, when the package was not launched for the
    learner for this lesson in the current round of its module (:func:`launch_record`).
    """
    current_round = module_round(user=user, lesson=lesson, today=timezone.localdate())
    if not ScormLaunch.objects.filter(
        user=user, package=package, lesson=lesson, round=current_round
    ).exists():
        raise NotLaunched
    # Per lesson: a package in two modules keeps a state in each (their rounds and pass marks
    # differ).
    attempt = attempt_for(user=user, package=package, lesson=lesson, for_update=True)
    if attempt is None:
        created, _new = ScormAttempt.objects.get_or_create(
            user=user, package=package, lesson=lesson
        )
        attempt = ScormAttempt.objects.select_for_update().get(pk=created.pk)
    if attempt.round < current_round:
        # A report in a new round (a renewal) starts from nothing: last round's completion and
        # verdict do not carry over (the player was seeded afresh too: attempt_in_round).
        _start_afresh(attempt)
    attempt.round = current_round
    module = lesson.get_parent().specific
    outcome = None
    if (
        isinstance(module, ModulePage)
        and module.final_quiz_scorm_lesson_id == lesson.pk
        and module.final_quiz_id is None
    ):
        outcome = final_quiz_outcome(
            package=package, report=report, mastery=module.final_quiz_scorm_mastery
        )
        if outcome is not None:
            attempt.final_quiz_result = outcome.result
            attempt.final_quiz_percent = outcome.percent
    attempt.completion_status = report.completion_status
    attempt.success_status = report.success_status
    attempt.score_raw = report.score_raw
    attempt.score_min = report.score_min
    attempt.score_max = report.score_max
    attempt.score_scaled = report.score_scaled
    attempt.location = report.location
    attempt.suspend_data = report.suspend_data
    done = is_done(package=package, report=report)
    if done and attempt.completed_at is None:
        attempt.completed_at = timezone.now()
    attempt.save()
    newly = False
    module_completed = False
    if done or attempt.completed_at is not None:
        completed = lesson_complete(user=user, lesson=lesson)
        newly, module_completed = completed.newly_completed, completed.module_completed
    if outcome is not None:
        recorded = scorm_final_quiz_record(
            user=user, lesson=lesson, passed=outcome.result == PASSED
        )
        module_completed = module_completed or recorded.module_completed
    return AttemptRecorded(
        attempt=attempt,
        lesson_newly_completed=newly,
        final_quiz_result=outcome.result if outcome is not None else "",
        module_completed=module_completed,
    )
