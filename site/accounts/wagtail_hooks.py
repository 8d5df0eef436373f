"""Departments and audiences in the Wagtail admin, as snippets, the staff import, the audit
log (under Reports) and the user admin's bulk actions."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.admin_views import (
    IMPORT_PERMISSION,
    AuditLogReport,
    StaffImportJobView,
    StaffImportPreviewView,
    StaffImportView,
)
from accounts.models import Audience, Department
from accounts.viewsets import BULK_ACTIONS
from core.reports import register_reports
from core.viewsets import PermissionViewSet


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = _("Departments")
    list_display = ["name", "code", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "code"]
    ordering = ["name"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "user"
    menu_label = _("Audiences")
    list_display = ["name", "description"]
    search_fields = ["name"]
    ordering = ["name"]


class PeopleViewSetGroup(SnippetViewSetGroup):
    items = (DepartmentViewSet, AudienceViewSet)
    menu_icon = "group"
    menu_label = _("Organisation")
    menu_name = "organisation"
    menu_order = 300


register_snippet(PeopleViewSetGroup)


class StaffImportViewSet(PermissionViewSet):
    """The staff import (upload, then the plan to confirm) in the main menu, for users who may
    import staff."""

    name = "personeel-importeren"
    permission = IMPORT_PERMISSION
    add_to_admin_menu = True
    menu_label = _("Import staff")
    icon = "upload"
    menu_order = 310

    def get_urlpatterns(self):
        return [
            path("", StaffImportView.as_view(), name="staff_import"),
            path("<int:import_id>/", StaffImportPreviewView.as_view(), name="staff_import_preview"),
            path("taak/<int:job_id>/", StaffImportJobView.as_view(), name="staff_import_job"),
        ]


@hooks.register("register_admin_viewset")
def staff_import_viewset():
    return StaffImportViewSet()


# The user admin's bulk actions under our separation of duties (accounts.viewsets): registered
# after wagtail.users' own (order=1), so they replace them in the bulk action registry.
for _action_class in BULK_ACTIONS:
    hooks.register("register_bulk_action", _action_class, order=1)

register_reports([("auditlog", AuditLogReport)], menu_order=90)
