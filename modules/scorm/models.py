"""A partner's SCORM package (a snippet the lesson block chooses) and a learner's run of it.

The package's files live in the default storage under ``storage_path``; the row keeps what the
player needs without opening the zip again. Rows are written by ``modules.scorm.services``
only: an upload through the admin form, never a half-extracted package.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from modules.scorm.package_files import VERSION_12, VERSION_2004


class ScormVersion(models.TextChoices):
    SCORM_12 = VERSION_12, "SCORM 1.2"
    SCORM_2004 = VERSION_2004, "SCORM 2004"


class ScormPackage(models.Model):
    title = models.CharField(_("title"), max_length=255)
    version = models.CharField(_("SCORM version"), max_length=8, choices=ScormVersion.choices)
    launch_href = models.CharField(
        _("start file"), max_length=500, help_text=_("From the manifest, inside the package.")
    )
    storage_path = models.CharField(_("storage folder"), max_length=255, unique=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    size_bytes = models.PositiveBigIntegerField(_("size unpacked (bytes)"))
    file_count = models.PositiveIntegerField(_("number of files"))

    class Meta:
        verbose_name = _("SCORM package")
        verbose_name_plural = _("SCORM packages")
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_version_display()})"

    def file_path(self, name: str) -> str:
        """The storage name of the package's file ``name`` (already checked as safe)."""
        return f"{self.storage_path}/{name}"


class ScormAttempt(models.Model):
    """One learner's state in one package in one lesson: what the content reported last, and
    since when done.

    Per lesson, because a package can be a lesson in two modules, whose rounds and pass marks
    differ: a pass in one must not carry into the other's final quiz. ``completed_at`` is set
    once and stays: a package that reports "incomplete" again on a later visit does not undo
    the lesson. (States kept before the lesson was recorded were removed by migration
    ``scorm/0007``: which lesson they belonged to could not be told safely.)
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scorm_attempts"
    )
    package = models.ForeignKey(ScormPackage, on_delete=models.CASCADE, related_name="attempts")
    lesson = models.ForeignKey(
        "modules.LessonPage",
        on_delete=models.CASCADE,
        related_name="scorm_attempts",
    )
    # SCORM 1.2 cmi.core.lesson_status, or SCORM 2004 cmi.completion_status.
    completion_status = models.CharField(max_length=16, blank=True)
    # SCORM 2004 cmi.success_status (1.2: "passed"/"failed" from lesson_status).
    success_status = models.CharField(max_length=16, blank=True)
    score_raw = models.DecimalField(max_digits=10, decimal_places=4, null=True, blank=True)
    score_min = models.DecimalField(max_digits=10, decimal_places=4, null=True, blank=True)
    score_max = models.DecimalField(max_digits=10, decimal_places=4, null=True, blank=True)
    score_scaled = models.DecimalField(max_digits=5, decimal_places=4, null=True, blank=True)
    location = models.CharField(max_length=1000, blank=True)
    suspend_data = models.TextField(blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    # When the lesson is the module's final quiz (ModulePage.final_quiz_scorm_lesson): the
    # server's verdict on the last concluded report, "passed" or "failed" (see
    # modules.scorm.services.final_quiz_outcome); empty while undecided or not a final quiz.
    final_quiz_result = models.CharField(max_length=8, blank=True)
    final_quiz_percent = models.DecimalField(max_digits=7, decimal_places=4, null=True, blank=True)
    # The round (``Enrolment.cycle``) of the lesson's module this state was reported in. A
    # state of an earlier round is never seeded or kept: a renewal starts the package afresh,
    # or the runtime would hand last round's "passed" and score back (modules.scorm.selectors).
    round = models.PositiveSmallIntegerField(default=1)

    class Meta:
        verbose_name = _("SCORM attempt")
        verbose_name_plural = _("SCORM attempts")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "package", "lesson"], name="scorm_attempt_once_per_lesson"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.package_id} · {self.completion_status}"


class ScormLaunch(models.Model):
    """The content origin served a package's runtime to a learner for a lesson in a module
    round.

    The tracking endpoint keeps a report only after a launch for that lesson in the learner's
    current round of its module: a report for a package that was never opened there (a
    hand-made POST, or a package opened only in another module) is refused. It cannot prove
    what happened inside the content (SCORM trusts the browser; see :mod:`modules.scorm`), but
    a pass now needs the package to have been played at least this far.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="scorm_launches"
    )
    package = models.ForeignKey(ScormPackage, on_delete=models.CASCADE, related_name="launches")
    lesson = models.ForeignKey(
        "modules.LessonPage", on_delete=models.CASCADE, related_name="scorm_launches"
    )
    round = models.PositiveSmallIntegerField()
    first_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("SCORM launch")
        verbose_name_plural = _("SCORM launches")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "package", "lesson", "round"],
                name="scorm_launch_once_per_lesson_round",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.package_id} · {self.round}"
