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
from modules.learning.models import LessonPage
from modules.learning.services import lesson_complete
from modules.scorm.models import ScormAttempt, ScormPackage
from modules.scorm.package_files import InspectedPackage, read_member

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


def is_done(*, package: ScormPackage, report: CmiReport) -> bool:
    if package.version == "1.2":
        return report.completion_status in _DONE_12
    return report.completion_status == "completed"


@transaction.atomic
def attempt_record(
    *, user: User, lesson: LessonPage, package: ScormPackage, report: CmiReport
) -> AttemptRecorded:
    """Keep ``report`` as the learner's state in ``package``; the first time it says done, the
    lesson is completed through the learning app, so module progress and reports follow."""
    attempt, _created = ScormAttempt.objects.select_for_update().get_or_create(
        user=user, package=package
    )
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
    if done or attempt.completed_at is not None:
        newly = lesson_complete(user=user, lesson=lesson).newly_completed
    return AttemptRecorded(attempt=attempt, lesson_newly_completed=newly)
