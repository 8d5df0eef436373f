"""The staff import in the Wagtail admin: upload the HR export, see the dry run, apply it.

Wagtail has no import screen, so these are small views in Wagtail's admin layout. The
audit log is a Wagtail ``ReportView`` (:class:`AuditLogReport`). The
logic is :mod:`accounts.staff_import`; an upload waits as a :class:`~accounts.models.StaffImport`
between the dry run and applying it. Applying runs as a background job
(:mod:`accounts.staff_import.tasks`) with its own result page (:class:`AdminJobView`, which
the content-pack import uses too). Access needs ``accounts.import_staff`` (beheer).
"""

from __future__ import annotations

from datetime import timedelta

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.loader import render_to_string
from django.urls import get_resolver, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.jobs import admin_job_expire_stale, admin_job_progress, admin_job_waiting, jobs_of
from accounts.models import (
    AdminJobKind,
    AdminJobStatus,
    AuditAction,
    AuditEvent,
    Department,
    StaffImport,
)
from accounts.staff_import import ImportFileError, ImportPlan, plan_import, read_rows
from accounts.staff_import.review import deactivations, rows_with_errors
from accounts.staff_import.tasks import staff_import_job_start
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


# Rows per page in the dry run's long tables: HR checks every person, a page at a time.
PAGE_SIZE = 50


class TitledAdminScreen(WagtailAdminTemplateMixin):
    """A hand-written admin screen whose header says what it is.

    Wagtail's slim header shows the breadcrumbs (the sr-only ``h1`` holds the title); a view
    with only Wagtail's default crumb showed "Home" as its header. The crumbs here end in the
    screen's own title, after an optional parent screen (``parent_url_name``/``parent_label``).
    """

    parent_url_name = ""
    parent_label = ""

    def get_breadcrumbs_items(self):
        items = list(super().get_breadcrumbs_items())
        if self.parent_url_name:
            items.append({"url": reverse(self.parent_url_name), "label": self.parent_label})
        return [*items, {"url": "", "label": self.get_header_title()}]


def paged(request, items: list, *, param: str, anchor: str) -> dict:
    """One page of a long list, as the dry run's tables show it: the :class:`Page`, and the
    links to the previous and next page (the page number in ``param``, the other tables'
    pages kept, back at the table's heading ``anchor``)."""
    page: Page = Paginator(items, PAGE_SIZE).get_page(request.GET.get(param))

    def url(number: int) -> str:
        query = request.GET.copy()
        query[param] = str(number)
        return f"?{query.urlencode()}#{anchor}"

    return {
        "page": page,
        "previous_url": url(page.previous_page_number()) if page.has_previous() else "",
        "next_url": url(page.next_page_number()) if page.has_next() else "",
    }


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


class StaffImportView(_ImportPermissionMixin, TitledAdminScreen, FormView):
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


class StaffImportPreviewView(_ImportPermissionMixin, TitledAdminScreen, TemplateView):
    """The dry run of one upload (planned again on every visit) and the button to apply it."""

    template_name = "accounts/admin/staff_import_preview.html"
    page_title = gettext_lazy("Import staff: check the changes")
    header_icon = "upload"
    parent_url_name = "staff_import"
    parent_label = gettext_lazy("Import staff")

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
            request = self.request
            context["error_rows"] = paged(
                request,
                rows_with_errors(errors=plan.errors, rows=self.upload.rows),
                param="fouten",
                anchor="errors-title",
            )
            context["deactivation_rows"] = paged(
                request,
                deactivations(changes=plan.deactivations),
                param="uitzetten",
                anchor="deactivations-title",
            )
            context["create_rows"] = paged(
                request, plan.creates, param="nieuw", anchor="creates-title"
            )
            context["update_rows"] = paged(
                request, plan.updates, param="wijzigen", anchor="updates-title"
            )
            waiting = admin_job_waiting(kind=AdminJobKind.STAFF_IMPORT, import_id=self.upload.pk)
            mine = waiting is not None and waiting.started_by_id == request.user.pk
            context["running_job"] = waiting if mine else None
            names = dict(Department.objects.values_list("pk", "name"))
            context["manager_changes"] = [
                (names.get(department_id, "?"), sorted(add), sorted(remove))
                for department_id, (add, remove) in plan.manager_changes.items()
            ]
        return context

    def post(self, request, *args, **kwargs):
        """Queue the job that applies the upload (thousands of rows take longer than a
        request may) and show its result page. What the job refuses (the plan changed, an
        unconfirmed mass deactivation) it says there; nothing is applied then."""
        if self.upload.applied_at is not None:
            messages.error(request, _("This file has been applied already."))
            return HttpResponseRedirect(reverse("staff_import"))
        if timezone.now() - self.upload.uploaded_at > UPLOAD_VALID_FOR:
            messages.error(request, _("This check is older than a day: upload the file again."))
            return HttpResponseRedirect(reverse("staff_import"))
        job = staff_import_job_start(
            upload=self.upload,
            actor=request.user,
            fingerprint=request.POST.get("plan", ""),
            allow_mass_deactivation=request.POST.get("bevestig_uitzetten") == "ja",
            request=request,
        )
        if job.started_by_id != request.user.pk:
            # A colleague's job: its page is theirs alone (it would be a 404 here).
            messages.warning(
                request,
                _(
                    "A colleague is already applying this import. Wait until it is done, "
                    "then look at the recent imports below."
                ),
            )
            return HttpResponseRedirect(reverse("staff_import"))
        return HttpResponseRedirect(reverse("staff_import_job", args=[job.pk]))


# -- Background jobs' result pages --------------------------------------------------------------

# While a job runs, the page's script (static/js/admin_job.js) asks for its state this often.
JOB_POLL_SECONDS = 3


class AdminJobView(TitledAdminScreen, TemplateView):
    """The result page of one background job (:mod:`accounts.jobs`): its progress while it
    waits or runs, then the summary or the Dutch error.

    The page never reloads itself (WCAG 2.2.1: a screen reader would lose its place): it has
    a "Vernieuwen" link, and with JavaScript a small script asks ``?format=json`` of this
    same view (same checks) for the state and updates the progress bar and live region.
    A job whose worker died is shown as aborted (:func:`accounts.jobs.admin_job_expire_stale`).

    Needs ``permission`` (the one that may start the job) and shows only the viewer's own jobs
    (:func:`accounts.jobs.jobs_of`): another person's job is a 404. A subclass sets the kind,
    the permission, the screen it belongs to and ``summary_template``."""

    template_name = "accounts/admin/job.html"
    kind: AdminJobKind
    permission = ""
    summary_template = ""
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return forbidden(request)
        self.job = jobs_of(user=request.user, kind=self.kind).filter(pk=kwargs["job_id"]).first()
        if self.job is None:
            raise Http404
        self.job = admin_job_expire_stale(job=self.job)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "json":
            return self.status_json()
        return super().get(request, *args, **kwargs)

    def _state(self) -> dict:
        done, total = admin_job_progress(job=self.job)
        return {
            "job": self.job,
            "done": done,
            "total": total,
            "percent": round(100 * done / total) if total else 0,
            "running": not self.job.is_finished,
        }

    def status_json(self) -> JsonResponse:
        """The state the page's script shows: numbers for the progress bar and the sentence
        for the live region, in Dutch, rendered here so the script needs no translations."""
        state = self._state()
        text = render_to_string("accounts/admin/_job_status.html", state, request=self.request)
        response = JsonResponse(
            {
                "status": self.job.status,
                "finished": not state["running"],
                "done": state["done"],
                "total": state["total"],
                "percent": state["percent"],
                "text": " ".join(text.split()),
            }
        )
        response["Cache-Control"] = "no-store"
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            **self._state(),
            poll_seconds=JOB_POLL_SECONDS,
            summary_template=self.summary_template,
            back_url=reverse(self.parent_url_name),
            back_label=self.parent_label,
        )
        return context


class StaffImportJobView(AdminJobView):
    kind = AdminJobKind.STAFF_IMPORT
    permission = IMPORT_PERMISSION
    page_title = gettext_lazy("Import staff: applying")
    parent_url_name = "staff_import"
    parent_label = gettext_lazy("Import staff")
    summary_template = "accounts/admin/staff_import_job_summary.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        import_id = self.job.params.get("import_id")
        upload = StaffImport.objects.filter(pk=import_id, applied_at__isnull=True).first()
        if self.job.status == AdminJobStatus.FAILED and upload is not None:
            # The upload is still there: back to its dry run, to look again or confirm.
            context["retry_url"] = reverse("staff_import_preview", args=[upload.pk])
        return context


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
