"""The demo's werkoverleg kits: one for the onboarding module and one for the theme module
(content in :mod:`demo.content.team_kits`), and two team meetings the demo leidinggevende
recorded today, one per managed department, so the kit page, "Mijn leeromgeving" and the
department dashboard show both a discussed and a not yet discussed kit.

Built through :mod:`modules.learning.team_kit`, like the rest of the demo. The meetings are
dated today: the demo's modules are published today, and no meeting can be older than its
module.
"""

from __future__ import annotations

from django.utils import timezone

from accounts.models import Department, User
from demo.content.people import MANAGED_BY_THE_DEMO_MANAGER
from demo.content.team_kits import ONBOARDING_TEAM_KIT, THEME_TEAM_KIT
from modules.learning.models import ModulePage
from modules.learning.team_kit import module_set_team_kit, team_discussion_record


def load_team_kits(
    *,
    onboarding: ModulePage,
    theme_module: ModulePage,
    manager: User,
    departments: dict[str, Department],
    log: list[str],
) -> None:
    """Give both modules their kit (a new published revision each) and record the meetings."""
    module_set_team_kit(module=onboarding, team_kit=ONBOARDING_TEAM_KIT)
    module_set_team_kit(module=theme_module, team_kit=THEME_TEAM_KIT)
    front_office, permits = (departments[name] for name in MANAGED_BY_THE_DEMO_MANAGER)
    # The site's own today (not the demo's ``today``, which may be the machine's date
    # in another time zone): the modules were published a moment ago, in the site's time zone.
    meeting_day = timezone.localdate()
    for module, department in ((onboarding, front_office), (theme_module, permits)):
        team_discussion_record(
            user=manager,
            module=module,
            department=department,
            discussed_on=meeting_day,
            today=meeting_day,
        )
    log.append("2 werkoverleg kits, and 2 team meetings recorded by the leidinggevende")
