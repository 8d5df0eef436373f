"""The staff import in the Wagtail admin: upload the HR export, see the dry run, apply it.

Wagtail has no import screen, so these are two small views in Wagtail's admin layout. The
audit log is a Wagtail ``ReportView`` (:class:`AuditLogReport`). The
logic is :mod:`accounts.staff_import`; an upload waits as a :class:`~accounts.models.StaffImport`
between the dry run and applying it. Access needs ``accounts.import_staff`` (beheer).
"""

from __future__ import annotations

from datetime import timedelta

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.urls import get_resolver, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.models import AuditAction, AuditEvent, Department, StaffImport
from accounts.staff_import import (
    ImportFileError,
    ImportPlan,
    MassDeactivationRefused,
    PlanChanged,
    apply_import,
    plan_import,
    read_rows,
)
from core.reports import RowsReportView

IMPORT_PERMISSION = "accounts.import_staff"


def forbidden(request) -> HttpResponse:
    """A real 403 page (the site's ``handler403``).

    Wagtail answers ``PermissionDenied`` in an admin view with a redirect to the dashboard;
    the doors of separation of duties and the audit log refuse plainly instead, so a tampered
    request gets a 403 that logs and tests can tell apart from success.
    """
    handler = get_resolver().resolve_error_handler(403)
    return handler(request, PermissionDenied())


MAX_UPLOAD_BYTES = 10 * 1024 * 1024
# A dry run is applied the same day or not at all (retention also removes older uploads' rows).
UPLOAD_VALID_FOR = timedelta(days=1)


class StaffImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("HR export (CSV or XLSX)"),
        help_text=gettext_lazy(
            "Columns: personeelsnummer, naam (or voornaam and achternaam), e-mail, afdeling, "
            "and optionally leidinggevende, startdatum, einddatum and rol."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        try:
            self.rows = read_rows(content=upload.read(), filename=upload.name)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
        return upload


class _ImportPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IMPORT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class StaffImportView(_ImportPermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "accounts/admin/staff_import.html"
    form_class = StaffImportForm
    page_title = gettext_lazy("Import staff")
    header_icon = "upload"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["recent"] = StaffImport.objects.select_related("uploaded_by", "applied_by")[:10]
        return context

    def form_valid(self, form):
        upload = StaffImport.objects.create(
            uploaded_by=self.request.user, filename=form.cleaned_data["file"].name, rows=form.rows
        )
        return HttpResponseRedirect(reverse("staff_import_preview", args=[upload.pk]))


class StaffImportPreviewView(_ImportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """The dry run of one upload (planned again on every visit) and the button to apply it."""

    template_name = "accounts/admin/staff_import_preview.html"
    page_title = gettext_lazy("Import staff: check the changes")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.upload = StaffImport.objects.filter(pk=kwargs["import_id"]).first()
        if self.upload is None:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.upload.filename

    def get_context_data(self, plan: ImportPlan | None = None, **kwargs):
        context = super().get_context_data(**kwargs)
        context["upload"] = self.upload
        if self.upload.applied_at is None:
            plan = plan or plan_import(rows=self.upload.rows, today=timezone.localdate())
            context["plan"] = plan
            names = dict(Department.objects.values_list("pk", "name"))
            context["manager_changes"] = [
                (names.get(department_id, "?"), sorted(add), sorted(remove))
                for department_id, (add, remove) in plan.manager_changes.items()
            ]
        return context

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            # Locked: two clicks (or two people) cannot apply one upload twice.
            self.upload = StaffImport.objects.select_for_update().get(pk=self.upload.pk)
            return self._apply(request)

    def _apply(self, request):
        if self.upload.applied_at is not None:
            messages.error(request, _("This file has been applied already."))
            return HttpResponseRedirect(reverse("staff_import"))
        if timezone.now() - self.upload.uploaded_at > UPLOAD_VALID_FOR:
            messages.error(request, _("This check is older than a day: upload the file again."))
            return HttpResponseRedirect(reverse("staff_import"))
        try:
            plan = apply_import(
                actor=request.user,
                request=request,
                rows=self.upload.rows,
                today=timezone.localdate(),
                allow_mass_deactivation=request.POST.get("bevestig_uitzetten") == "ja",
                expected_fingerprint=request.POST.get("plan", ""),
            )
        except PlanChanged as changed:
            messages.error(
                request,
                _(
                    "Nothing has been changed: Weerbaar changed since the check. Look at the "
                    "changes again."
                ),
            )
            return self.render_to_response(self.get_context_data(plan=changed.args[0]), status=409)
        except MassDeactivationRefused as refusal:
            messages.error(
                request,
                _("Nothing has been changed: confirm that so many people are to be deactivated."),
            )
            return self.render_to_response(self.get_context_data(plan=refusal.args[0]), status=400)
        if not plan.is_valid:
            messages.error(request, _("Nothing has been changed: the file has errors."))
            return self.render_to_response(self.get_context_data(plan=plan), status=400)
        self.upload.applied_at = timezone.now()
        self.upload.applied_by = request.user
        self.upload.summary = {
            "aangemaakt": len(plan.creates),
            "gewijzigd": len(plan.updates),
            "gedeactiveerd": len(plan.deactivations),
            "ongewijzigd": plan.unchanged,
        }
        self.upload.rows = []  # personal data is not kept once applied
        self.upload.save()
        messages.success(
            request,
            _(
                "The import has been applied: %(created)d created, %(updated)d changed, "
                "%(deactivated)d deactivated."
            )
            % {
                "created": len(plan.creates),
                "updated": len(plan.updates),
                "deactivated": len(plan.deactivations),
            },
        )
        return HttpResponseRedirect(reverse("staff_import"))


# -- The audit log ------------------------------------------------------------------------------

AUDIT_PERMISSION = "accounts.view_auditevent"


class LocalDateTimeColumn(Column):
    """A moment as a local date and time ("1 december 2026 21:30"); exports take the raw
    value. Wagtail's ``DateColumn`` says "3 hours ago", too vague for an audit trail."""

    def get_value(self, instance):
        value = super().get_value(instance)
        return date_format(timezone.localtime(value), "j F Y H:i") if value else ""


class AuditEventFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(label=gettext_lazy("Action"), choices=AuditAction.choices)
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Date"), widget=DateRangePickerWidget
    )
    actor = django_filters.CharFilter(label=gettext_lazy("By"), method="filter_actor")
    target = django_filters.CharFilter(label=gettext_lazy("Whom"), method="filter_target")

    class Meta:
        model = AuditEvent
        fields = []

    def filter_actor(self, queryset, name, value):
        return queryset.filter(actor_label__icontains=value.strip())

    def filter_target(self, queryset, name, value):
        return queryset.filter(target_label__icontains=value.strip())


class AuditLogReport(RowsReportView):
    """The audit log under Reports, for kernteam and beheer: read-only, filtered, exported."""

    permission = AUDIT_PERMISSION
    page_title = gettext_lazy("Audit log")
    header_icon = "history"
    filename_prefix = "auditlog"
    index_url_name = "audit_log"
    index_results_url_name = "audit_log_results"
    filterset_class = AuditEventFilterSet
    columns = [
        LocalDateTimeColumn("created_at", label=gettext_lazy("When")),
        Column("action_label", label=gettext_lazy("Action")),
        Column("actor_label", label=gettext_lazy("By")),
        Column("target_label", label=gettext_lazy("Whom")),
        Column("details_text", label=gettext_lazy("Details")),
        Column("ip_address", label=gettext_lazy("IP address")),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return AuditEvent.objects.all()
