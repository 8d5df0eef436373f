from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwarenessConfig(AppConfig):
    name = "modules.awareness"
    label = "awareness"
    verbose_name = _("Awareness sessions")

    def ready(self):
        from modules.awareness.signals import connect

        connect()
