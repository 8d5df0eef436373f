"""Reports in the Wagtail admin: completion, dashboards, sessions and the yearly overview."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from core.reports import register_reports
from modules.reporting.admin_views import (
    DepartmentCompletionReport,
    DepartmentOverviewReport,
    MonthOverviewReport,
    OverdueReport,
    PeopleCompletionReport,
    ThemeKnowledgeReport,
    YearlyOverviewView,
)
from modules.reporting.session_reports import (
    DepartmentAttendanceReport,
    SessionsPerYearReport,
    SessionsReport,
)

register_reports(
    [
        ("dashboard", DepartmentOverviewReport),
        ("dashboard-per-maand", MonthOverviewReport),
        ("dashboard-kennis", ThemeKnowledgeReport),
        ("per-afdeling", DepartmentCompletionReport),
        ("per-persoon", PeopleCompletionReport),
        ("te-laat", OverdueReport),
    ],
    menu_order=7,
)


@hooks.register("register_admin_urls")
def yearly_overview_url():
    return [path("weerbaarheid-in-cijfers/", YearlyOverviewView.as_view(), name="yearly_overview")]


class _YearlyOverviewMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(YearlyOverviewView.permission)


@hooks.register("register_reports_menu_item")
def yearly_overview_menu_item():
    return _YearlyOverviewMenuItem(
        _("Resilience in figures"), reverse("yearly_overview"), icon_name="doc-full", order=6
    )


register_reports(
    [
        ("sessies-per-jaar", SessionsPerYearReport),
        ("sessies", SessionsReport),
        ("sessies-per-afdeling", DepartmentAttendanceReport),
    ],
    menu_order=31,
)
