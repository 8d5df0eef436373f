"""The core app in the Wagtail admin: the list of emails that could not be sent
(:class:`core.models.EmailFailure`, written by :mod:`core.mail`), for beheer.

It is a log, so nobody adds, changes or deletes a row here, a superuser neither: the
permission policy allows viewing only, and beheer has ``core.view_emailfailure``
(``accounts.permissions``).
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from core.models import EmailFailure


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, but only ever to view."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission({"view"} & set(actions))


class EmailFailureIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("recipient")


class EmailFailureViewSet(ModelViewSet):
    model = EmailFailure
    icon = "mail"
    menu_label = _("Failed emails")
    menu_order = 320
    add_to_admin_menu = True
    url_prefix = "mislukte-e-mails"
    index_view_class = EmailFailureIndexView
    inspect_view_enabled = True
    list_display = [
        "kind",
        "recipient",
        "status",
        "attempts",
        "error_class",
        "first_failed_at",
        "last_failed_at",
        "next_attempt_at",
    ]
    list_filter = ["status", "kind"]
    inspect_view_fields = [*list_display, "resolved_at"]
    # Wagtail builds the add and edit forms even though the policy refuses both views.
    form_fields = ["kind"]


register_permission_policy(EmailFailure, ViewOnlyPermissionPolicy(EmailFailure))


@hooks.register("register_admin_viewset")
def register_email_failures():
    return EmailFailureViewSet("email_failures")
