from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScormConfig(AppConfig):
    name = "modules.scorm"
    label = "scorm"
    verbose_name = _("SCORM packages")

    def ready(self):
        # Inside ready(): the receivers import models, which are not loaded when apps.py is.
        from modules.scorm.receivers import connect

        connect()
