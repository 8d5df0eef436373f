"""The seven roles of Weerbaar, in one place.

A role is a Django ``Group``; the group's name is the Dutch role name shown in the Wagtail admin.
Which permissions each role carries is declared in :mod:`accounts.permissions`.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    MEDEWERKER = "medewerker", _("Employee")
    RAADSLID = "raadslid", _("Council member")
    KERNTEAM = "kernteam", _("Core team on subversive crime")
    LEIDINGGEVENDE = "leidinggevende", _("Manager")
    BEHEER = "beheer", _("Administration/HR")
    GRIFFIE = "griffie", _("Council registry")
    AANDACHTSFUNCTIONARIS = "aandachtsfunctionaris", _("Contact person for subversive crime")

    @property
    def group_name(self) -> str:
        return ROLE_GROUP_NAMES[self]

    @classmethod
    def from_group_name(cls, name: str) -> Role | None:
        return _GROUP_NAME_TO_ROLE.get(name)


# Stored in the database as Group.name, so these stay fixed (and Dutch) whatever the language.
ROLE_GROUP_NAMES: dict[Role, str] = {
    Role.MEDEWERKER: "Medewerker",
    Role.RAADSLID: "Raadslid",
    Role.KERNTEAM: "Kernteam ondermijning",
    Role.LEIDINGGEVENDE: "Leidinggevende",
    Role.BEHEER: "Beheer/HR",
    Role.GRIFFIE: "Griffie",
    Role.AANDACHTSFUNCTIONARIS: "Aandachtsfunctionaris ondermijning",
}
_GROUP_NAME_TO_ROLE = {name: role for role, name in ROLE_GROUP_NAMES.items()}

# Roles whose members must set up and use MFA before they reach the admin or any report
# (leidinggevenden see their departments' completion reports in the admin, the griffie the
# council's participation figures).
MFA_REQUIRED_ROLES = frozenset({Role.KERNTEAM, Role.BEHEER, Role.LEIDINGGEVENDE, Role.GRIFFIE})
