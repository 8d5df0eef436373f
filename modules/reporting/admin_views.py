"""Completion reports in the Wagtail admin (Reports menu), with CSV and XLSX export.

Wagtail's :class:`~wagtail.admin.views.reports.ReportView` renders the table, paginates and
exports; our rows come from :mod:`modules.reporting.reports`, limited to the viewer's report scope:
kernteam, beheer/HR and superusers see all staff, a leidinggevende only their departments.
Raadsleden never appear. Access needs the ``modules.view_completion_report`` permission (and,
like the whole admin, MFA: see :mod:`accounts.middleware`).
"""

from __future__ import annotations

from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.models import Department
from accounts.selectors import report_scope
from core.reports import RowsReportView
from core.tables import CalendarDateColumn
from modules.learning.rules import TaskStatus
from modules.reporting.dashboard import (
    department_overview,
    month_figures,
    team_discussion_overview,
)
from modules.reporting.filters import TaskFilterSet
from modules.reporting.reports import department_rows, person_task_lines, task_rows
from modules.reporting.yearly import PERIOD_MONTHS, QUARTER, YEAR, period_from, yearly_overview
from modules.reporting.yearly_job import recent_yearly_overview_jobs, yearly_overview_job_start
from modules.reporting.yearly_views import YEARLY_PERMISSION
from quizzes.analysis import min_group_size, theme_knowledge
from quizzes.choices import Theme

REPORT_PERMISSION = "modules.view_completion_report"


class CompletionReportView(RowsReportView):
    permission = REPORT_PERMISSION

    @cached_property
    def scope(self):
        return report_scope(user=self.request.user)


class FilteredCompletionReport(CompletionReportView):
    """A completion report with Wagtail's filters (:class:`~modules.reporting.filters.
    TaskFilterSet`): they narrow the viewer's summary rows in SQL, then :meth:`rows_from`
    groups or pages what is left. Filters that do not validate (a department outside the
    viewer's scope, a date that is no date) give no rows and the form's error, never the
    unfiltered report."""

    filterset_class = TaskFilterSet
    results_template_name = "reporting/admin/completion_results.html"
    statuses: tuple[TaskStatus, ...] | None = None

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "scope": self.scope, "statuses": self.statuses}

    @cached_property
    def filters_invalid(self) -> bool:
        return bool(self.filters) and not self.filters.is_valid()

    @cached_property
    def filtered_tasks(self):
        """The viewer's summary rows narrowed by the filters (none for invalid filters)."""
        tasks = task_rows(scope=self.scope, today=timezone.localdate())
        if self.filters_invalid:
            return tasks.none()
        if self.filters:
            return self.filters.filter_queryset(tasks)
        return tasks

    def get_queryset(self):
        return self.rows_from(self.filtered_tasks)

    def filter_queryset(self, queryset):
        """The filters ran on the summary rows in :meth:`get_queryset`."""
        return queryset

    def rows_from(self, tasks):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters_invalid"] = self.filters_invalid
        return context


class DepartmentCompletionReport(FilteredCompletionReport):
    page_title = _("Completion per department")
    header_icon = "tasks"
    filename_prefix = "voortgang-per-afdeling"
    index_url_name = "completion_report_departments"
    index_results_url_name = "completion_report_departments_results"
    columns = [
        Column("module", label=_("Module")),
        Column("department", label=_("Department")),
        NumberColumn("people", label=_("People")),
        NumberColumn("completed", label=_("Completed")),
        NumberColumn("percent_completed", label=_("Percentage completed")),
        NumberColumn("in_progress", label=_("In progress")),
        NumberColumn("not_started", label=_("Not started")),
        NumberColumn("overdue", label=_("Overdue")),
        NumberColumn("expired", label=_("Expired")),
    ]

    def rows_from(self, tasks):
        return department_rows(scope=self.scope, today=timezone.localdate(), tasks=tasks)


class RemindStatusColumn(Column):
    """The status, and on a late row a "send a reminder" button (an icon with a spoken name,
    so the cell's text stays the status, as in the exports). The form posts to the reminders
    app's ``reminders_send_manual``, which checks the scope again."""

    cell_template_name = "reporting/admin/remind_cell.html"

    def __init__(self, name, *, next_url: str, **kwargs):
        super().__init__(name, **kwargs)
        self.next_url = next_url

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["late"] = instance.status_value in LATE_STATUSES
        context["next_url"] = self.next_url
        return context

    def render_cell_html(self, instance, parent_context):
        """With the request, so the form gets the page's CSRF token (Wagtail renders cells
        from a plain dictionary)."""
        context = self.get_cell_context_data(instance, parent_context)
        return self.cell_template.render(context, request=parent_context.get("request"))


LATE_STATUSES = (TaskStatus.OVERDUE.value, TaskStatus.EXPIRED.value)


class PeopleCompletionReport(FilteredCompletionReport):
    page_title = _("Completion per person")
    header_icon = "user"
    filename_prefix = "voortgang-per-persoon"
    index_url_name = "completion_report_people"
    index_results_url_name = "completion_report_people_results"
    columns = [
        Column("name", label=_("Name")),
        Column("department", label=_("Department")),
        Column("module", label=_("Module")),
        Column("status", label=_("Status")),
        CalendarDateColumn("due", label=_("Due date")),
        NumberColumn("progress", label=_("Progress (%)")),
        CalendarDateColumn("completed_on", label=_("Completed on")),
    ]
    extra_export = (("email", _("Email address")),)

    def rows_from(self, tasks):
        return person_task_lines(
            scope=self.scope, today=timezone.localdate(), statuses=self.statuses, tasks=tasks
        )

    @cached_property
    def filter_query(self) -> str:
        """The active filters as a query string (no page, no export): where a reminder
        button returns to, and what "remind all" reminds."""
        params = self.request.GET.copy()
        for name in ("p", "export", "_w_filter_fragment"):
            params.pop(name, None)
        return params.urlencode()

    @cached_property
    def return_url(self) -> str:
        return f"{self.index_url}?{self.filter_query}" if self.filter_query else self.index_url

    def get_table(self, object_list):
        """On screen the status cells carry the reminder buttons (the exports keep
        :attr:`columns`)."""
        columns = [
            RemindStatusColumn(column.name, label=column.label, next_url=self.return_url)
            if column.name == "status"
            else column
            for column in self.columns
        ]
        return self.table_class(columns, object_list, **self.get_table_kwargs())

    def get_context_data(self, **kwargs):
        """The "remind all" button: how many people in the filtered view are late (one
        query)."""
        context = super().get_context_data(**kwargs)
        tasks = self.filtered_tasks.filter(status__in=LATE_STATUSES)
        context["remind_all_count"] = tasks.values("user_id").distinct().count()
        context["remind_filter_query"] = self.filter_query
        context["remind_next_url"] = self.return_url
        return context


class OverdueReport(PeopleCompletionReport):
    """Who is late: mandatory modules past their due date, or completions that expired."""

    page_title = _("Overdue and expired")
    header_icon = "warning"
    filename_prefix = "te-laat-en-verlopen"
    index_url_name = "completion_report_overdue"
    index_results_url_name = "completion_report_overdue_results"
    statuses = (TaskStatus.OVERDUE, TaskStatus.EXPIRED)


class DepartmentOverviewReport(CompletionReportView):
    """The dashboard: a chart of completion and attendance per department, with the same
    figures as a table beside it and as CSV/XLSX (one row function for all three)."""

    page_title = _("Dashboard per department")
    header_icon = "view"
    filename_prefix = "dashboard-per-afdeling"
    index_url_name = "dashboard_departments"
    index_results_url_name = "dashboard_departments_results"
    results_template_name = "reporting/admin/department_overview_results.html"
    columns = [
        Column("department", label=_("Department")),
        NumberColumn("people", label=_("People")),
        NumberColumn("mandatory_tasks", label=_("Mandatory modules")),
        NumberColumn("completed", label=_("Completed")),
        NumberColumn("percent_completed", label=_("Percentage completed")),
        NumberColumn("overdue", label=_("Overdue or expired")),
        NumberColumn("attended", label=_("Attended a session (12 months)")),
        NumberColumn("percent_attended", label=_("Percentage attended")),
    ]

    def get_rows(self):
        return department_overview(scope=self.scope, today=timezone.localdate(), now=timezone.now())

    def get_context_data(self, **kwargs):
        """Beside the figures: per module and department, the last team meeting about the
        module's werkoverleg kit (not in the export, which keeps one row per department)."""
        context = super().get_context_data(**kwargs)
        context["team_discussions"] = team_discussion_overview(
            scope=self.scope, today=timezone.localdate()
        )
        return context


class MonthOverviewReport(CompletionReportView):
    """Completions and attendance per month, for the last twelve months."""

    page_title = _("Dashboard per month")
    header_icon = "date"
    filename_prefix = "dashboard-per-maand"
    index_url_name = "dashboard_months"
    index_results_url_name = "dashboard_months_results"
    results_template_name = "reporting/admin/month_overview_results.html"
    paginate_by = None
    columns = [
        Column("label", label=_("Month")),
        NumberColumn("completed", label=_("Module rounds completed")),
        NumberColumn("percent_completed", label=_("Mandatory modules completed (%)")),
        NumberColumn("attended", label=_("Session attendances")),
        NumberColumn("percent_attended", label=_("Attended in the past 12 months (%)")),
    ]

    @cached_property
    def departments(self) -> list[Department]:
        """The departments the viewer may choose from (their scope)."""
        departments = Department.objects.filter(is_active=True).order_by("name")
        if not self.scope.everybody:
            departments = departments.filter(pk__in=self.scope.department_ids)
        return list(departments)

    @cached_property
    def department(self) -> Department | None:
        """``?afdeling=<id>``, only when it lies in the viewer's scope (anything else: all)."""
        value = self.request.GET.get("afdeling", "")
        return next((d for d in self.departments if str(d.pk) == value), None)

    def get_filename(self):
        name = super().get_filename()
        return f"{name}-{self.department.pk}" if self.department else name

    def get_rows(self):
        return month_figures(
            scope=self.scope,
            today=timezone.localdate(),
            department_id=self.department.pk if self.department else None,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = context.get("object_list") or []
        context["chart_max"] = max([1, *(max(r.completed, r.attended) for r in rows)])
        context["departments"] = self.departments
        context["department"] = self.department
        return context


class ThemeKnowledgeReport(CompletionReportView):
    """Knowledge per theme from the quizzes: the average score, only for themes enough people
    answered, limited to the viewer's departments.

    A manager's departments are counted together (one figure for their whole scope): a
    manager of two teams of three sees a theme six people answered, where each team alone
    would show nothing. The scope is never split up on this page, so no pair of its figures
    can be subtracted to find a small group. The themes left out are named under the chart,
    with the reason in words."""

    page_title = _("Dashboard: knowledge per theme")
    header_icon = "help"
    filename_prefix = "dashboard-kennis-per-thema"
    index_url_name = "dashboard_themes"
    index_results_url_name = "dashboard_themes_results"
    results_template_name = "reporting/admin/theme_knowledge_results.html"
    columns = [
        Column("theme", label=_("Theme")),
        NumberColumn("people", label=_("People")),
        NumberColumn("answers", label=_("Answers")),
        NumberColumn("average_percent", label=_("Average score (%)")),
    ]

    def get_rows(self):
        scope = self.scope
        if scope.is_empty:
            return []
        return theme_knowledge(department_ids=None if scope.everybody else scope.department_ids)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = {row.theme for row in context.get("object_list") or []}
        context["hidden_themes"] = [
            str(label) for _value, label in Theme.choices if str(label) not in shown
        ]
        context["minimum"] = min_group_size()
        scope = self.scope
        context["combined_departments"] = (
            []
            if scope.everybody or len(scope.department_ids) < 2
            else list(
                Department.objects.filter(pk__in=scope.department_ids)
                .order_by("name")
                .values_list("name", flat=True)
            )
        )
        return context


class YearlyOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """ "Weerbaarheid in cijfers": the yearly overview for the council, on screen; the PDF is
    made in the background (a POST queues it, :mod:`modules.reporting.yearly_job`), and the
    screen lists the viewer's recent PDFs. ``?periode=kwartaal`` shows (and its form makes)
    the quarterly version for the griffie, behind the same permission."""

    template_name = "reporting/admin/yearly_overview.html"
    header_icon = "doc-full"
    permission = YEARLY_PERMISSION
    period_parameter = "periode"

    @cached_property
    def period(self) -> str:
        source = self.request.POST if self.request.method == "POST" else self.request.GET
        return period_from(source.get(self.period_parameter))

    def get_page_title(self):
        if self.period == QUARTER:
            return _("Resilience in figures: quarterly overview")
        return _("Resilience in figures %(year)s") % {"year": timezone.localdate().year}

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        job = yearly_overview_job_start(actor=request.user, period=self.period)
        return HttpResponseRedirect(reverse("yearly_overview_job", args=[job.pk]))

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "overview": yearly_overview(
                today=timezone.localdate(), now=timezone.now(), period=self.period
            ),
            "period": self.period,
            "periods": [(YEAR, _("Year (12 months)")), (QUARTER, _("Quarter (3 months)"))],
            "period_parameter": self.period_parameter,
            "period_months": PERIOD_MONTHS[self.period],
            "recent_jobs": recent_yearly_overview_jobs(user=self.request.user),
        }
