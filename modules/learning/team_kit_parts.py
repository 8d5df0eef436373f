"""The werkoverleg kits in "Mijn leeromgeving", for the people kits are for (see
:mod:`modules.learning.team_kit`): a section below the tasks with a link to every kit they may
open and, for a leidinggevende, when each of their departments last discussed it. Part of the
learning app's dashboard hook (:func:`modules.learning.portal_parts.dashboard_part`)."""

from __future__ import annotations

from accounts.models import User
from core import registry
from core.stamped import stamped_read
from modules.learning.team_kit import (
    DiscussionSummary,
    discussion_summaries,
    kits_open_to,
    sees_every_department,
    team_kit_departments,
)

TEAM_KITS_ORDER = 120


def add_team_kits(dashboard: registry.Dashboard, *, user: User, today) -> None:
    """Nothing for staff and raadsleden. A fixed number of queries: the kits open to the user,
    their departments and one aggregate of the discussions. The kernteam sees every
    department, so its rows are in the department dashboard, not here."""
    # Which kits a person may open follows from their roles and the pages: cached (core.stamped).
    kits = stamped_read(
        "team-kits", lambda: list(kits_open_to(user=user)), user_id=user.pk, identity=True
    )
    if not kits:
        return
    departments = [] if sees_every_department(user) else list(team_kit_departments(user=user))
    summaries = (
        discussion_summaries(
            today=today,
            department_ids=[d.pk for d in departments],
            module_ids=[kit.pk for kit in kits],
        )
        if departments
        else {}
    )
    rows = [
        {
            "module": kit,
            "departments": [
                (department, summaries.get((kit.pk, department.pk), DiscussionSummary()))
                for department in departments
            ],
        }
        for kit in kits
    ]
    dashboard.sections.append(
        registry.DashboardSection(
            template="modules/includes/dashboard_team_kits.html",
            order=TEAM_KITS_ORDER,
            objects=rows,
        )
    )
