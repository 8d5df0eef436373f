"""The task-status summary: one row per person and mandatory task, kept up to date by the
writes (see :mod:`modules.reporting.summary`), so the dashboards and reports are GROUP BY
queries instead of the rules applied to every person on every page view.

A row holds what the rules need that does not depend on the day: the due date, the stored
progress of the latest round, its completion and expiry dates, whether its version must be
renewed, and for the yearly session the last attendance and the end of the last session the
person holds a place in. What "today" makes of it (late, expired) is worked out in SQL when a
report reads the rows (:func:`modules.reporting.summary.with_status`).

Only staff in any report's reach have rows: active people without the raadslid role.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.models import Department
from modules.learning.models import ModulePage

SESSION_KEY = "bewustwordingssessie"  # the key of the yearly session task (awareness.rules)


class PersonTaskManager(models.Manager):
    """Every read of the summary first writes the rows of the people changed in this
    transaction and not yet refreshed (``before_read``, set by ``modules.reporting.receivers``):
    the writes only mark people, once, and the rows are computed once per transaction, at its
    commit or at the first read after the write, whichever comes first."""

    before_read = None

    def get_queryset(self):
        if self.before_read is not None:
            self.before_read()
        return super().get_queryset()


class PersonTask(models.Model):
    """One person's mandatory module, or their yearly session requirement."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    # The person's department when the row was written (rewritten when it changes).
    department = models.ForeignKey(
        Department,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("department"),
    )
    # "module-<pk>" or SESSION_KEY: the task's key in "Mijn leeromgeving".
    key = models.CharField(_("task"), max_length=32)
    module = models.ForeignKey(
        ModulePage,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("module"),
    )
    is_session = models.BooleanField(_("session requirement"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    # Modules: the due date. Session: the due date, empty when there is no date at all (the
    # rule then makes it due "today").
    due = models.DateField(_("due date"), null=True, blank=True)
    # The latest round's stored status ("" when never started) and progress.
    stored_status = models.CharField(_("stored status"), max_length=16, blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    # Modules: the day the latest round was completed. Session: the last attendance.
    completed_on = models.DateField(_("completed on"), null=True, blank=True)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    outdated = models.BooleanField(_("version requires renewal"), default=False)
    # Session: the end of the latest live, not cancelled session the person holds a place in.
    place_until = models.DateTimeField(_("place until"), null=True, blank=True)
    refreshed_at = models.DateTimeField(_("refreshed"), auto_now=True)

    objects = PersonTaskManager()

    class Meta:
        verbose_name = _("task status")
        verbose_name_plural = _("task statuses")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="reporting_one_row_per_task"),
        ]
        indexes = [
            models.Index(fields=["department", "module"], name="reporting_task_dept_module"),
            models.Index(fields=["module"], name="reporting_task_module"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.key}"


class PublishedCompletion(models.Model):
    """Who one shown figure of an evidence pack's completions file or of the council overview
    counted: per task (a module's id, or ``session``; the overview's attendance and themes
    have parts of their own) and department, or the organisation. The next pack or overview
    is compared with every earlier one person by person, so two made on different days do
    not give a few people's figure back (:mod:`modules.reporting.published`). Never shown,
    exported or read for a screen; a hidden figure is stored without people."""

    exported_at = models.DateTimeField(_("exported at"), db_index=True)
    task = models.CharField(_("task"), max_length=32)
    is_organisation = models.BooleanField(_("whole organisation"), default=False)
    # A plain id: a department removed later keeps what was published about it.
    department_id = models.BigIntegerField(_("department"), null=True, blank=True)
    members = models.JSONField(_("people counted"), default=list, blank=True)
    # How many of them met it (completed, attended) for a count of people: the next figure's
    # difference with this one is a figure too. Empty for points and for rows kept before.
    met = models.PositiveIntegerField(_("met it"), null=True, blank=True)
    # A hidden figure is kept too, without people: the sum of the shown ones is then not the
    # whole.
    suppressed = models.BooleanField(_("hidden (small group)"), default=False)

    class Meta:
        verbose_name = _("published completion figure")
        verbose_name_plural = _("published completion figures")

    def __str__(self) -> str:
        return f"{self.exported_at:%Y-%m-%d %H:%M} {self.task} {self.department_id or '-'}"
