"""The SCIM clients screen in the admin's main menu, for whoever may import staff."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.viewsets import PermissionViewSet
from provisioning.admin_views import PERMISSION, ScimClientListView, ScimClientRevokeView


class ScimClientViewSet(PermissionViewSet):
    name = "provisioning"
    permission = PERMISSION
    add_to_admin_menu = True
    menu_label = _("Provisioning (SCIM)")
    icon = "key"
    menu_order = 311

    def get_urlpatterns(self):
        return [
            path("", ScimClientListView.as_view(), name="scim_clients"),
            path("<int:client_id>/intrekken/", ScimClientRevokeView.as_view(), name="scim_revoke"),
        ]


@hooks.register("register_admin_viewset")
def scim_client_viewset():
    return ScimClientViewSet()
