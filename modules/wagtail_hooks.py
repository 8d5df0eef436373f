"""The learning domain in the Wagtail admin: assignments (the kernteam makes modules mandatory
for an audience) and the completion reports under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from modules.admin_views import (
    REPORT_PERMISSION,
    DepartmentCompletionReport,
    OverdueReport,
    PeopleCompletionReport,
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


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for slug, view_class in REPORTS:
        name = view_class.index_url_name
        urls += [
            path(f"rapportages/{slug}/", view_class.as_view(), name=name),
            path(
                f"rapportages/{slug}/resultaten/",
                view_class.as_view(results_only=True),
                name=view_class.index_results_url_name,
            ),
        ]
    return urls


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


def _report_menu_item(view_class, order):
    def register():
        return ReportMenuItem(
            view_class.page_title,
            reverse(view_class.index_url_name),
            icon_name=view_class.header_icon,
            order=order,
        )

    return register


REPORTS = [
    ("per-afdeling", DepartmentCompletionReport),
    ("per-persoon", PeopleCompletionReport),
    ("te-laat", OverdueReport),
]
for _order, (_slug, _view) in enumerate(REPORTS, start=1):
    hooks.register("register_reports_menu_item", _report_menu_item(_view, 10 + _order))
