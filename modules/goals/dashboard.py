"""The goals dashboard "Doelen in cijfers" in the admin's Reports menu: every indicator's
frozen months against its target, for the whole organisation and one chosen department.

Who sees what follows the other reports (``modules.view_completion_report`` and
:func:`accounts.selectors.report_scope`): the kernteam, HR (beheer) and superusers may choose
any active department, a manager only their own (their first is shown by default); everybody
who may open it sees the organisation's figures, which are the same for all. Raadsleden,
plain staff and the griffie have no such permission and are refused. A department id in the
address that lies outside the viewer's scope is ignored: the page then shows the organisation
only, never that department.

The figures are the frozen snapshots (small groups were hidden when they were frozen), read in
four queries by :func:`modules.goals.history.goal_history`, whatever the number of months or
departments; the charts are :mod:`modules.goals.charts`.
"""

from __future__ import annotations

from functools import cached_property

from django.core.exceptions import PermissionDenied
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from accounts.models import Department
from accounts.selectors import ReportScope, report_scope
from core.privacy import min_group_size
from core.viewsets import PermissionViewSet
from modules.goals.charts import chart_months, goal_charts
from modules.goals.history import goal_history, last_ended_month
from modules.goals.selectors import departments_to_choose

#: The permission of the completion reports: kernteam, beheer/HR and managers have it.
GOALS_DASHBOARD_PERMISSION = "modules.view_completion_report"
DEPARTMENT_PARAMETER = "afdeling"


class GoalsDashboardView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "goals/admin/dashboard.html"
    page_title = _("Goals in figures")
    header_icon = "crosshairs"
    permission = GOALS_DASHBOARD_PERMISSION

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def scope(self) -> ReportScope:
        return report_scope(user=self.request.user)

    @cached_property
    def departments(self) -> list[Department]:
        return departments_to_choose(scope=self.scope)

    @cached_property
    def asked_for(self) -> str | None:
        return self.request.GET.get(DEPARTMENT_PARAMETER)

    @cached_property
    def department(self) -> Department | None:
        """The chosen department, only when it lies in the viewer's scope. Without a choice
        a manager sees their first department, the others the organisation only."""
        if self.asked_for is None:
            return None if self.scope.everybody or not self.departments else self.departments[0]
        return next((d for d in self.departments if str(d.pk) == self.asked_for), None)

    def get_context_data(self, **kwargs):
        until = last_ended_month(timezone.localdate())
        department = self.department
        history = goal_history(until=until, department_ids=[department.pk] if department else [])
        months = chart_months(until=until, first_frozen=history.first_frozen)
        return {
            **super().get_context_data(**kwargs),
            "departments": self.departments,
            "department": department,
            "department_parameter": DEPARTMENT_PARAMETER,
            "not_in_scope": bool(self.asked_for) and department is None,
            "organisation_charts": goal_charts(
                history=history, months=months, group_name=str(_("whole organisation"))
            ),
            "department_charts": goal_charts(
                history=history,
                months=months,
                department_id=department.pk,
                group_name=department.name,
            )
            if department
            else [],
            "first_month": months[0],
            "last_month": months[-1],
            "minimum": min_group_size(),
        }


class GoalsDashboardViewSet(PermissionViewSet):
    """ "Doelen in cijfers" in the Reports menu, for users who may see the reports."""

    name = "doelen-in-cijfers"
    url_prefix = "rapportages/doelen-in-cijfers"
    permission = GOALS_DASHBOARD_PERMISSION
    menu_hook = "register_reports_menu_item"
    menu_label = _("Goals in figures")
    icon = "crosshairs"
    menu_order = 5

    def get_urlpatterns(self):
        return [path("", GoalsDashboardView.as_view(), name="goals_dashboard")]
