from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LearningConfig(AppConfig):
    """Learning modules. The label stays "modules" (the package was ``modules`` before the
    feature apps moved beside it), so tables, migrations and permissions keep their names."""

    name = "modules.learning"
    label = "modules"
    verbose_name = _("Learning modules")
