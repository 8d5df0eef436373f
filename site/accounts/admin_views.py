"""The staff import in the Wagtail admin: upload the HR export, see the dry run, apply it.

Wagtail has no import screen, so these are two small views in Wagtail's admin layout. The
logic is :mod:`accounts.staff_import`; an upload waits as a :class:`~accounts.models.StaffImport`
between the dry run and applying it. Access needs ``accounts.import_staff`` (beheer).
"""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.models import Department, StaffImport
from accounts.staff_import import (
    ImportFileError,
    ImportPlan,
    MassDeactivationRefused,
    PlanChanged,
    apply_import,
    plan_import,
    read_rows,
)

IMPORT_PERMISSION = "accounts.import_staff"
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
