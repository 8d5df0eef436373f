"""The learning domain in the Wagtail admin: assignments (the kernteam makes modules mandatory
for an audience) and the completion reports under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.reports import register_reports
from modules.admin_views import (
    DepartmentCompletionReport,
    DepartmentOverviewReport,
    MonthOverviewReport,
    OverdueReport,
    PeopleCompletionReport,
    ThemeKnowledgeReport,
    YearlyOverviewView,
)
from modules.models import Assignment


class AssignmentViewSet(SnippetViewSet):
    model = Assignment
    icon = "date"
    menu_label = _("Assignments")
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "module",
        "audience",
        "starters_from",
        "due_days_after_start",
        "due_date",
        "renew_every_months",
        "is_active",
    ]
    list_filter = ["is_active"]


register_snippet(AssignmentViewSet)


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
