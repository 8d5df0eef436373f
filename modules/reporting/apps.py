from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "modules.reporting"
    label = "reporting"
    verbose_name = _("Reports")

    def ready(self) -> None:
        # Inside ready(): the receivers import models, which are not loaded when apps.py is.
        # The summary follows the writes of every app (see modules.reporting.receivers).
        from modules.reporting import receivers

        receivers.connect()
