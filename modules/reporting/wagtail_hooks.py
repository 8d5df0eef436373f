"""Reports in the Wagtail admin: completion, dashboards, sessions and the yearly overview."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.reports import register_reports
from core.viewsets import PermissionViewSet
from modules.reporting import evidence  # noqa: F401 (its part of the goals' evidence pack)
from modules.reporting.admin_views import (
    DepartmentCompletionReport,
    DepartmentOverviewReport,
    MonthOverviewReport,
    OverdueReport,
    PeopleCompletionReport,
    ThemeKnowledgeReport,
    YearlyOverviewView,
)
from modules.reporting.dilemma_report import DilemmaChoicesReport
from modules.reporting.session_reports import (
    DepartmentAttendanceReport,
    SessionsPerYearReport,
    SessionsReport,
)
from modules.reporting.yearly_views import YearlyOverviewJobView, YearlyOverviewPdfView

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


class YearlyOverviewViewSet(PermissionViewSet):
    """ "Weerbaarheid in cijfers" in the Reports menu, for users who may export it."""

    name = "weerbaarheid-in-cijfers"
    permission = YearlyOverviewView.permission
    menu_hook = "register_reports_menu_item"
    menu_label = _("Resilience in figures")
    icon = "doc-full"
    menu_order = 6

    def get_urlpatterns(self):
        return [
            path("", YearlyOverviewView.as_view(), name="yearly_overview"),
            path("pdf/<int:job_id>/", YearlyOverviewJobView.as_view(), name="yearly_overview_job"),
            path(
                "pdf/<int:job_id>/download/",
                YearlyOverviewPdfView.as_view(),
                name="yearly_overview_pdf",
            ),
        ]


@hooks.register("register_admin_viewset")
def yearly_overview_viewset():
    return YearlyOverviewViewSet()


register_reports([("keuzes-in-dilemmas", DilemmaChoicesReport)], menu_order=24)

register_reports(
    [
        ("sessies-per-jaar", SessionsPerYearReport),
        ("sessies", SessionsReport),
        ("sessies-per-afdeling", DepartmentAttendanceReport),
    ],
    menu_order=31,
)
