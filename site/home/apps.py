from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    label = "home"
    verbose_name = _("Home and reporting")

    def ready(self) -> None:
        # Inside ready(): the receivers import models, which are not loaded when apps.py is.
        from home.receivers import connect

        # Writes move the version stamps of the caches (core.changes).
        connect()
