"""Indicators, their written definitions, the kernteam's targets and the frozen month figures.

An :class:`Indicator` is a stable key with a Dutch name. What it counts is written down in an
:class:`IndicatorDefinition` (numerator, denominator, period, exclusions, valid from), which is
never edited: a change of definition is a new version, and every :class:`IndicatorSnapshot`
keeps pointing at the version it was computed with. The computation itself is code, found in
:mod:`modules.goals.indicators` by indicator key and version.

A :class:`Target` is what the kernteam wants an indicator to reach in a period, with an owner
and a rationale. An :class:`IndicatorSnapshot` is one indicator's figures for one month, frozen
by :func:`modules.goals.services.snapshot_month` and never changed afterwards, so a later
change of the data does not rewrite a published month.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _


class Indicator(models.Model):
    """What is measured, by a key that never changes (code and exports use it)."""

    key = models.SlugField(_("key"), max_length=64, unique=True)
    name = models.CharField(_("name"), max_length=200)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["sort_order", "key"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class IndicatorDefinition(models.Model):
    """One written version of what an indicator counts, valid from a date.

    Append-only: ``save`` refuses to change a stored version, because snapshots computed with
    it must keep meaning what they meant. ``parameters`` holds the numbers the computation
    reads (days, months, a theme, a threshold); the texts say the same in plain Dutch for the
    Rekenkamer and are what the screens, exports and the PDF show.
    """

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.PROTECT,
        related_name="definitions",
    )
    version = models.PositiveSmallIntegerField(_("version"), validators=[MinValueValidator(1)])
    numerator = models.TextField(_("numerator"))
    denominator = models.TextField(_("denominator"))
    period = models.TextField(_("period"))
    exclusions = models.TextField(_("exclusions"))
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    valid_from = models.DateField(_("valid from"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["indicator", "version"]
        verbose_name = _("indicator definition")
        verbose_name_plural = _("indicator definitions")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "version"], name="goals_one_definition_per_version"
            ),
            models.UniqueConstraint(
                fields=["indicator", "valid_from"], name="goals_one_definition_per_start"
            ),
            models.CheckConstraint(condition=Q(version__gte=1), name="goals_version_from_one"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} (v{self.version}, {self.valid_from:%d-%m-%Y})"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError("A definition is never changed: add a new version.")
        super().save(*args, **kwargs)


class Target(models.Model):
    """The value the kernteam wants an indicator to reach in a period of whole months.

    Written only through :mod:`modules.goals.services` (the admin's forms call them), which
    refuse a period that overlaps another target of the same indicator: a month has at most
    one target to be measured against.
    """

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="targets"
    )
    first_month = models.DateField(_("from month"))
    last_month = models.DateField(_("up to and including month"))
    target_value = models.DecimalField(
        _("target (%)"),
        max_digits=5,
        decimal_places=1,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The person who answers for this goal."),
    )
    rationale = models.TextField(_("rationale"))
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("set by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    set_by_label = models.CharField(_("set by"), max_length=300, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    class Meta:
        ordering = ["indicator", "-first_month"]
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_month__gte=F("first_month")),
                name="goals_target_period_not_reversed",
                violation_error_message=_("The last month comes before the first month."),
            ),
            models.CheckConstraint(
                condition=Q(target_value__gte=0, target_value__lte=100),
                name="goals_target_value_0_100",
                violation_error_message=_("A target is a percentage from 0 to 100."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.target_value}% ({self.period_label})"

    @property
    def period_label(self) -> str:
        return f"{self.first_month:%m-%Y} - {self.last_month:%m-%Y}"


class IndicatorSnapshot(models.Model):
    """One indicator's figures for one month, frozen once and never changed.

    ``definition`` is the version the figures were computed with; a later version leaves
    this row as it is. The figures are in :class:`SnapshotFigure`, with small groups already
    hidden.
    """

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="snapshots"
    )
    definition = models.ForeignKey(
        IndicatorDefinition,
        verbose_name=_("definition"),
        on_delete=models.PROTECT,
        related_name="snapshots",
    )
    month = models.DateField(_("month"))
    frozen_at = models.DateTimeField(_("frozen at"))

    class Meta:
        ordering = ["indicator", "-month"]
        verbose_name = _("monthly snapshot")
        verbose_name_plural = _("monthly snapshots")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "month"], name="goals_one_snapshot_per_month"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.month:%m-%Y}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError("A frozen month is never changed.")
        super().save(*args, **kwargs)


class SnapshotFigure(models.Model):
    """One figure of a snapshot: the organisation's or one department's, for the whole
    indicator or one part of it (``breakdown``: a theme for knowledge per theme).

    A hidden figure (a group of one to four people, or one that would give such a group back
    by subtraction) is stored hidden: its counts and value are empty, so no export or screen
    can show them. A shown figure keeps the ids of the people it counted (``members``), only
    to compare other months with it (docs/goals.md, "Months side by side").
    """

    snapshot = models.ForeignKey(
        IndicatorSnapshot, on_delete=models.CASCADE, related_name="figures"
    )
    is_organisation = models.BooleanField(_("whole organisation"), default=False)
    # The department as it was called when frozen; the link goes when it is deleted.
    department = models.ForeignKey(
        "accounts.Department",
        verbose_name=_("department"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    department_name = models.CharField(_("department"), max_length=150, blank=True)
    breakdown = models.CharField(_("part"), max_length=64, blank=True)
    group_size = models.PositiveIntegerField(_("people"), null=True, blank=True)
    numerator = models.DecimalField(
        _("numerator"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    denominator = models.DecimalField(
        _("denominator"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    value = models.DecimalField(_("value (%)"), max_digits=5, decimal_places=1, null=True)
    suppressed = models.BooleanField(_("hidden (small group)"), default=False)
    # Who a shown figure counted (user ids), so that a later or earlier month can be compared
    # with it person by person (modules.goals.selectors.published_months): never shown,
    # exported or read for a screen. Empty for a hidden figure.
    members = models.JSONField(_("people counted"), default=list, blank=True, editable=False)

    class Meta:
        ordering = ["snapshot", "-is_organisation", "department_name", "breakdown"]
        verbose_name = _("snapshot figure")
        verbose_name_plural = _("snapshot figures")
        constraints = [
            models.UniqueConstraint(
                fields=["snapshot", "is_organisation", "department_name", "breakdown"],
                name="goals_one_figure_per_group_and_part",
            ),
            models.CheckConstraint(
                condition=Q(suppressed=False)
                | Q(
                    group_size__isnull=True,
                    numerator__isnull=True,
                    denominator__isnull=True,
                    value__isnull=True,
                ),
                name="goals_hidden_figure_has_no_counts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.snapshot} {self.department_name or '-'} {self.breakdown}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError("A frozen month is never changed.")
        super().save(*args, **kwargs)
