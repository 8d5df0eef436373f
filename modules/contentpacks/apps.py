from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentPacksConfig(AppConfig):
    name = "modules.contentpacks"
    label = "contentpacks"
    verbose_name = _("Content packs")
