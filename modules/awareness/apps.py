from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwarenessConfig(AppConfig):
    name = "modules.awareness"
    label = "awareness"
    verbose_name = _("Awareness sessions")

    def ready(self):
        # Inside ready(): the signals import models, which are not loaded when apps.py is.
        from modules.awareness.receivers import connect as connect_change_notices
        from modules.awareness.signals import connect

        connect()
        # Writes move the version stamps of the caches (core.changes).
        connect_change_notices()
