""" "Mijn leeromgeving": everything one person has to do and may do, gathered from every app.

Each app adds its part through the hook ``core.registry.DASHBOARD``
(``fn(dashboard: Dashboard, *, user, today, now) -> None``, in ``order``: the learning tasks
first, so a later app may adjust them, as the council does with its recommendations). Every
part takes a fixed number of queries, so the page does, whatever the number of modules,
sessions or trends (see the tests).
"""

from __future__ import annotations

from datetime import date

from wagtail import hooks

from accounts.models import User
from core.registry import DASHBOARD, Dashboard


def dashboard_for(*, user: User, today: date, now) -> Dashboard:
    """Every app's part: the mandatory tasks (earliest due first, then by title), the optional
    tasks and the apps' own sections."""
    dashboard = Dashboard()
    for contribute in hooks.get_hooks(DASHBOARD):
        contribute(dashboard, user=user, today=today, now=now)
    dashboard.mandatory.sort(key=lambda task: (task.due or date.max, task.title))
    return dashboard
