"""Goals in the Wagtail admin: the kernteam's targets (a ``ModelViewSet`` behind
:class:`modules.goals.permissions.KernteamOnlyPolicy`). The indicators' definitions are data
from migrations and are not edited here; see docs/goals.md."""

from __future__ import annotations

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from modules.goals.admin_views import TargetCreateView, TargetEditView, TargetIndexView
from modules.goals.dashboard import GoalsDashboardViewSet
from modules.goals.evidence_views import EvidencePackViewSet
from modules.goals.forms import TargetForm
from modules.goals.models import Target
from modules.goals.permissions import KernteamOnlyPolicy

register_permission_policy(Target, KernteamOnlyPolicy(Target))


class TargetViewSet(ModelViewSet):
    model = Target
    icon = "crosshairs"
    menu_label = _("Goals")
    menu_order = 265
    add_to_admin_menu = True
    url_prefix = "doelen"
    index_view_class = TargetIndexView
    add_view_class = TargetCreateView
    edit_view_class = TargetEditView
    list_display = ["indicator", "period_label", "target_value", "owner", "set_by_label"]
    list_filter = ["indicator"]
    # Wagtail's copy view is a plain create view on the existing object: its POST would save
    # over the target in place, past target_save (no overlap check, no setter, no month
    # rounding). A new target starts from "add".
    copy_view_enabled = False
    inspect_view_enabled = True
    inspect_view_fields = [
        "indicator",
        "first_month",
        "last_month",
        "target_value",
        "owner",
        "rationale",
        "set_by_label",
        "created_at",
        "updated_at",
    ]

    def get_form_class(self, for_update=False):
        return TargetForm

    def get_permissions_to_register(self):
        # The policy decides by role: no model permission to hand out in the group editor.
        return Permission.objects.none()


@hooks.register("register_admin_viewset")
def register_targets():
    return TargetViewSet("goal_targets")


@hooks.register("register_admin_viewset")
def register_evidence_pack():
    return EvidencePackViewSet("goal_evidence")


@hooks.register("register_admin_viewset")
def register_goals_dashboard():
    """ "Doelen in cijfers" in the Reports menu (modules.goals.dashboard)."""
    return GoalsDashboardViewSet()
