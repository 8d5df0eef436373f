"""The demo's team meetings: the werkoverleg kits of the onboarding and theme modules came with
their packs; the demo leidinggevende recorded one meeting today per managed department, so the
kit page, "Mijn leeromgeving" and the department dashboard show both a discussed and a not yet
discussed kit.

Built through :mod:`modules.learning.team_kit`, like the rest of the demo. The meetings are
dated today: the demo's modules are published today, and no meeting can be older than its
module.
"""

from __future__ import annotations

from django.utils import timezone

from accounts.models import Department, User
from demo.content.people import MANAGED_BY_THE_DEMO_MANAGER
from modules.learning.models import ModulePage
from modules.learning.team_kit import team_discussion_record


def record_team_meetings(
    *,
    onboarding: ModulePage,
    theme_module: ModulePage,
    manager: User,
    departments: dict[str, Department],
    log: list[str],
) -> None:
    """The leidinggevende discussed the onboarding kit with one team and the theme kit with
    the other."""
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
    log.append("2 team meetings on the werkoverleg kits, recorded by the leidinggevende")
