from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class XapiConfig(AppConfig):
    name = "modules.xapi"
    label = "xapi"
    verbose_name = _("xAPI learning records")

    def ready(self) -> None:
        # Inside ready(): the receivers import models, which are not loaded when apps.py is.
        from modules.xapi import checks, receivers  # noqa: F401 (checks registers itself)

        receivers.connect()
