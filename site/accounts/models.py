"""People and how they are grouped: users, departments and audiences.

Roles are Django groups (see :mod:`accounts.roles`). "Nieuwe medewerker" is not stored: it
follows from the start date, so it can never go stale.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cached_property

from django import forms
from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from accounts.managers import UserManager, normalize_email_address
from accounts.roles import MFA_REQUIRED_ROLES, ROLE_GROUP_NAMES, Role


class Department(index.Indexed, models.Model):
    """A team or afdeling of the municipality; managers see completion of its members."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    code = models.CharField(
        _("code"),
        max_length=32,
        blank=True,
        help_text=_("The code HR uses for this department, for the staff import."),
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("managers"),
        related_name="managed_departments",
        blank=True,
        help_text=_("Managers see the progress of the members of this department."),
    )
    is_active = models.BooleanField(_("active"), default=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("managers"),
        FieldPanel("is_active"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("is_active"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=~models.Q(code=""),
                name="accounts_department_code_unique_when_set",
            )
        ]

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A person who logs in with their work email address."""

    username = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    personnel_number = models.CharField(
        _("personnel number"),
        max_length=32,
        blank=True,
        help_text=_("From the HR system; links this account to the staff import."),
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="members",
        null=True,
        blank=True,
    )
    start_date = models.DateField(
        _("start date"),
        null=True,
        blank=True,
        help_text=_("First working day. New employees get the onboarding module from this date."),
    )
    end_date = models.DateField(
        _("end date"),
        null=True,
        blank=True,
        help_text=_("Last working day, from HR. After it the account is deactivated."),
    )
    # Switched off by the staff import (a leaver), not by hand: a later import may switch the
    # account on again when the person is back in HR's file.
    deactivated_by_import = models.BooleanField(default=False, editable=False)
    wants_trend_digest = models.BooleanField(
        _("weekly email with new trends"),
        default=True,
        help_text=_("People turn this off themselves under 'My data'."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        ordering = ["last_name", "first_name", "email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
            models.UniqueConstraint(
                fields=["personnel_number"],
                condition=~models.Q(personnel_number=""),
                name="accounts_user_personnel_number_unique_when_set",
            ),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def save(self, *args, **kwargs) -> None:
        self.email = normalize_email_address(self.email)
        super().save(*args, **kwargs)

    @cached_property
    def roles(self) -> frozenset[Role]:
        """The user's roles, from their groups (one query, cached on the instance)."""
        names = self.groups.values_list("name", flat=True)
        return frozenset(role for name in names if (role := Role.from_group_name(name)))

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    @property
    def requires_mfa(self) -> bool:
        """Kernteam, beheer and superusers must use MFA for the admin and reports."""
        return self.is_superuser or bool(self.roles & MFA_REQUIRED_ROLES)

    def is_new_employee(self, today: date | None = None) -> bool:
        if self.start_date is None:
            return False
        today = today or timezone.localdate()
        period = timedelta(days=settings.WEERBAAR_NEW_EMPLOYEE_PERIOD_DAYS)
        return today - period < self.start_date <= today


class Audience(index.Indexed, models.Model):
    """A group of people that content can be restricted or assigned to.

    Membership: the person has one of the roles (or no roles are chosen) and is in one of the
    departments (or no departments are chosen). An audience with neither means everybody.
    """

    name = models.CharField(_("name"), max_length=150, unique=True)
    description = models.TextField(_("description"), blank=True)
    roles = models.ManyToManyField(
        Group,
        verbose_name=_("roles"),
        related_name="audiences",
        blank=True,
        limit_choices_to={"name__in": list(ROLE_GROUP_NAMES.values())},
        help_text=_("Leave empty for every role."),
    )
    departments = models.ManyToManyField(
        Department,
        verbose_name=_("departments"),
        related_name="audiences",
        blank=True,
        help_text=_("Leave empty for every department."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("roles", widget=forms.CheckboxSelectMultiple),
        FieldPanel("departments", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self) -> str:
        return self.name


def audience_field(*, help_text, verbose_name=None) -> models.ForeignKey:
    """The optional "who is this for" link that modules, sessions, trends, reflections and
    assignments share: empty means everybody (each model's help text says who exactly)."""
    return models.ForeignKey(
        Audience,
        verbose_name=verbose_name or _("audience"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=help_text,
    )


class StaffImport(models.Model):
    """One upload of the HR export: kept between the dry run and applying it, and afterwards
    as a record of who imported what (the rows themselves are removed once applied)."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    filename = models.CharField(_("file"), max_length=255)
    rows = models.JSONField(default=list, blank=True)
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-uploaded_at"]
        verbose_name = _("staff import")
        verbose_name_plural = _("staff imports")
        permissions = [("import_staff", _("Can import staff from the HR export"))]

    def __str__(self) -> str:
        return f"{self.filename} ({self.uploaded_at:%Y-%m-%d %H:%M})"
