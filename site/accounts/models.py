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
from core.stamped import stamped_read


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
        """The user's roles, from their groups: one query, cached on the instance and under
        the person's version stamp (``core.stamped``; a change of their groups moves it)."""

        def read() -> frozenset[Role]:
            names = self.groups.values_list("name", flat=True)
            return frozenset(role for name in names if (role := Role.from_group_name(name)))

        if self.pk is None:
            return frozenset()
        return stamped_read("roles", read, user_id=self.pk, identity=True)

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


class AdminJobKind(models.TextChoices):
    STAFF_IMPORT = "staff_import", _("Staff import")
    CONTENT_PACK = "content_pack", _("Content pack import")
    YEARLY_OVERVIEW = "yearly_overview", _("Yearly overview PDF")


class AdminJobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Busy")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class AdminJob(models.Model):
    """A long admin job (applying a staff import, importing a content pack, rendering the
    yearly overview PDF) that runs as a background task instead of in the request, which could
    time out. The admin's result page reads it (status, progress, summary or a Dutch error);
    see :mod:`accounts.jobs`."""

    kind = models.CharField(_("kind"), max_length=20, choices=AdminJobKind.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=AdminJobStatus.choices, default=AdminJobStatus.QUEUED
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # What the job works on (an upload's id, a choice the person made); keys with a leading
    # underscore are removed when it has run (accounts.jobs).
    params = models.JSONField(default=dict, blank=True)
    # An uploaded file the job reads (a content pack), removed once the job has finished, so
    # a worker on another machine than the web server can read it.
    payload = models.BinaryField(null=True, blank=True, editable=False)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    summary = models.JSONField(default=dict, blank=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("admin job")
        verbose_name_plural = _("admin jobs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(done__lte=models.F("total")), name="adminjob_done_within_total"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.pk} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in (AdminJobStatus.DONE, AdminJobStatus.FAILED)


class AuditAction(models.TextChoices):
    """What the audit log records: changes to who may do what, and to how someone logs in."""

    ROLES_CHANGED = "roles_changed", _("Roles changed")
    PASSWORD_SET_BY_ADMIN = "password_set_by_admin", _("Password set by an administrator")
    PASSWORD_RESET = "password_reset", _("Password reset by the person")
    PASSWORD_CHANGED = "password_changed", _("Password changed by the person")
    MFA_ADDED = "mfa_added", _("Two-step verification added")
    MFA_REMOVED = "mfa_removed", _("Two-step verification removed")
    MFA_RESET = "mfa_reset", _("Two-step verification reset by an administrator")
    ACTIVATED = "activated", _("Account activated")
    DEACTIVATED = "deactivated", _("Account deactivated")
    EMAIL_CHANGED = "email_changed", _("Email address changed by an administrator")
    ACCOUNT_DELETED = "account_deleted", _("Account deleted")
    RETAKE_GRANTED = "retake_granted", _("New round of final-quiz attempts granted")
    ATTEMPTS_REGRADED = "attempts_regraded", _("Final-quiz attempts regraded after a key fix")
    TEAM_DISCUSSION_RECORDED = "team_discussion", _("Module discussed in a team meeting")
    CONTENT_PACK_IMPORTED = "content_pack_imported", _("Content pack imported")
    PROFILE_CHANGED = "profile_changed", _("Name, personnel number, department or manager changed")
    MANAGED_DEPARTMENTS_CHANGED = "managed_departments", _("Departments managed changed")
    EVIDENCE_PACK_EXPORTED = "evidence_pack_exported", _("Evidence pack of the goals exported")


class AuditEvent(models.Model):
    """One change to someone's access: who did what to whom, when and from where.

    Append-only and written only through :func:`accounts.audit.audit_record` (or its bulk
    form :func:`accounts.audit.audit_record_many`, for the staff import). The actor and
    target keep a text copy, so an entry still says who it was about after an account is
    deleted. It never holds learning data (progress, answers, reflections): only role,
    password, two-step verification, activation and email changes, and a new round of final-quiz
    attempts granted by the kernteam (the module and round, never a score), and a module's kit
    discussed in a department's team meeting (module, department, date), and a content pack
    imported (the pack, its version and counts), and what SCIM provisioning changes in an
    account's name, personnel number, department or manager and in the departments someone
    manages (Entra ID's changes must all be traceable, see docs/provisioning.md), and an export of
    the goals' evidence pack (the file's name and checksum, so a pack handed to an auditor can be
    matched to who made it). Readable in the admin by kernteam and beheer (``view_auditevent``);
    nobody can change or delete an entry there, and ``apply_retention`` removes entries older
    than ``WEERBAAR_RETENTION_AUDIT_DAYS``.
    """

    created_at = models.DateTimeField(
        _("when"), default=timezone.now, db_index=True, editable=False
    )
    action = models.CharField(_("action"), max_length=32, choices=AuditAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(_("by"), max_length=300, blank=True)
    target = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("whom"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_label = models.CharField(_("whom"), max_length=300, blank=True)
    details = models.JSONField(_("details"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        # Only "view": no role can be given the right to add, change or delete entries.
        default_permissions = ("view",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=AuditAction.values),
                name="accounts_auditevent_action_known",
            )
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action} {self.target_label}"

    def save(self, *args, **kwargs) -> None:
        """Entries are never changed once written."""
        if not self._state.adding:
            raise ValueError("Audit events are append-only.")
        super().save(*args, **kwargs)

    @property
    def action_label(self) -> str:
        return str(self.get_action_display())

    @property
    def details_text(self) -> str:
        """The details in words, for the admin table and the exports."""
        details = self.details or {}
        parts = []
        if details.get("added"):
            parts.append(_("added: %(roles)s") % {"roles": ", ".join(details["added"])})
        if details.get("removed"):
            parts.append(_("removed: %(roles)s") % {"roles": ", ".join(details["removed"])})
        if "superuser" in details:
            parts.append(
                _("superuser status granted")
                if details["superuser"]
                else _("superuser status revoked")
            )
        if details.get("old_email") or details.get("new_email"):
            parts.append(
                _("from %(old)s to %(new)s")
                % {"old": details.get("old_email", ""), "new": details.get("new_email", "")}
            )
        methods = details.get("methods") or ([details["method"]] if details.get("method") else [])
        if methods:
            parts.append(", ".join(str(_METHOD_LABELS.get(m, m)) for m in methods))
        if details.get("source"):
            source = _SOURCE_LABELS.get(details["source"], details["source"])
            parts.append(_("via %(source)s") % {"source": source})
        return "; ".join(str(part) for part in parts)


_SOURCE_LABELS = {
    "user_admin": _("the user admin"),
    "bulk_action": _("a bulk action"),
    "staff_import": _("the staff import"),
    "account": _("the person's own account pages"),
}
_METHOD_LABELS = {
    "totp": _("authenticator app"),
    "recovery_codes": _("recovery codes"),
    "webauthn": _("security key"),
}
