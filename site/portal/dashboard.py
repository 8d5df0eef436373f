""" "Mijn leeromgeving": everything one person has to do and may do, gathered from every app.

A fixed number of queries, whatever the number of modules, sessions or trends (see the tests).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from accounts.models import User
from accounts.roles import Role
from modules.awareness.selectors import requirement_task_for, upcoming_registrations
from modules.council.selectors import recommendations, reflections_open_to
from modules.learning.selectors import LearningTask, learning_tasks
from modules.trends.selectors import new_trends_for


@dataclass(frozen=True)
class Dashboard:
    """Everything "Mijn leeromgeving" lists for one person."""

    mandatory: list
    optional: list[LearningTask]
    session_registrations: list
    new_trends: list
    reflections: list


def _with_recommendations(tasks: list[LearningTask]) -> list[LearningTask]:
    """For council members: mark the modules the griffie recommends, and list them first."""
    recommended = recommendations()
    marked = [
        replace(task, recommended=True, recommendation_note=recommended[task.module.pk].note)
        if task.module.pk in recommended
        else task
        for task in tasks
    ]
    return sorted(marked, key=lambda task: not task.recommended)


def dashboard_for(*, user: User, today: date, now) -> Dashboard:
    """Modules plus the yearly session requirement (mandatory first, earliest due first), the
    optional modules (for council members the recommended ones first), new trends, the
    self-reflections, and the person's places in upcoming sessions. A fixed number of queries."""
    tasks = learning_tasks(user=user, today=today)
    registrations = upcoming_registrations(user=user, now=now)
    mandatory: list = [task for task in tasks if task.mandatory]
    session_task = requirement_task_for(user=user, today=today, now=now, upcoming=registrations)
    if session_task is not None:
        mandatory.append(session_task)
        mandatory.sort(key=lambda task: (task.due or date.max, task.title))
    optional = [task for task in tasks if not task.mandatory]
    if user.has_role(Role.RAADSLID):
        optional = _with_recommendations(optional)
    return Dashboard(
        mandatory=mandatory,
        optional=optional,
        session_registrations=registrations,
        new_trends=new_trends_for(user=user, today=today),
        reflections=list(reflections_open_to(user=user)),
    )
