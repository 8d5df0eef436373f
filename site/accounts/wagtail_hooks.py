"""Departments and audiences in the Wagtail admin, as snippets, the staff import, the audit
log (under Reports) and the user admin's bulk actions."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from accounts.admin_views import (
    IMPORT_PERMISSION,
    AuditLogReport,
    StaffImportPreviewView,
    StaffImportView,
)
from accounts.models import Audience, Department
from accounts.viewsets import BULK_ACTIONS
from core.reports import register_reports


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


@hooks.register("register_admin_urls")
def staff_import_urls():
    return [
        path("personeel-importeren/", StaffImportView.as_view(), name="staff_import"),
        path(
            "personeel-importeren/<int:import_id>/",
            StaffImportPreviewView.as_view(),
            name="staff_import_preview",
        ),
    ]


class _ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(IMPORT_PERMISSION)


@hooks.register("register_admin_menu_item")
def staff_import_menu_item():
    return _ImportMenuItem(
        _("Import staff"), reverse("staff_import"), icon_name="upload", order=310
    )


# The user admin's bulk actions under our separation of duties (accounts.viewsets): registered
# after wagtail.users' own (order=1), so they replace them in the bulk action registry.
for _action_class in BULK_ACTIONS:
    hooks.register("register_bulk_action", _action_class, order=1)

register_reports([("auditlog", AuditLogReport)], menu_order=90)
