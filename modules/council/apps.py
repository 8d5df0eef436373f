from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "modules.council"
    label = "council"
    verbose_name = _("Council members' self-study")

    def ready(self) -> None:
        # Inside ready(): the receivers import models, which are not loaded when apps.py is.
        from modules.council.receivers import connect

        # Writes move the version stamps of the caches (core.changes).
        connect()
