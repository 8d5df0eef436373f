from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProvisioningConfig(AppConfig):
    default = True
    name = "provisioning"
    label = "provisioning"
    verbose_name = _("Provisioning (SCIM)")
