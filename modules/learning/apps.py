from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Learning modules. The label stays "modules" (the package was ``modules`` before the
    feature apps moved beside it), so tables, migrations and permissions keep their names."""

    name = "modules.learning"
    label = "modules"
    verbose_name = _("Learning modules")

    def ready(self) -> None:
        # Inside ready(): the receivers import models, which are not loaded when apps.py is.
        from modules.learning.receivers import connect

        # Writes move the version stamps of the caches (core.changes).
        connect()
