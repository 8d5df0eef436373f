from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AccountsConfig(AppConfig):
    default = True
    name = "accounts"
    label = "accounts"
    verbose_name = _("People and roles")

    def ready(self) -> None:
        # Inside ready(): these modules import models, which are not loaded when apps.py is.
        from accounts.audit import connect_signals
        from accounts.permissions import sync_roles_after_migrate
        from accounts.receivers import connect as connect_change_notices

        # Role groups and their permissions are declared in accounts.permissions and brought
        # in line after every migrate, so the database never drifts from the code.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
        # The person's own password and MFA changes reach the audit log through allauth.
        connect_signals()
        # Writes move the version stamps of the caches (core.changes).
        connect_change_notices()


class WeerbaarUsersConfig(WagtailUsersAppConfig):
    """wagtail.users, with user forms that know our department and start date fields."""

    default = False
    user_viewset = "accounts.viewsets.UserViewSet"
