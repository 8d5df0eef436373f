from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    label = "core"
    verbose_name = _("Site")

    def ready(self) -> None:
        # Wagtail's chooser widgets write an inline script with no hook to add the CSP nonce.
        # Imported here: the widgets import models, which are not loaded when apps.py is.
        from wagtail.admin.widgets.chooser import BaseChooser

        from core import checks  # noqa: F401  (registers the system checks)
        from core.csp import nonced_chooser_render
        from core.receivers import connect

        BaseChooser.render = nonced_chooser_render
        # Wagtail's page, site and privacy writes move the version stamps (core.changes).
        connect()
