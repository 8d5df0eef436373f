"""The council's parts of the learner's own pages (see :mod:`core.registry`): the
self-reflections in "Mijn gegevens" (deleted with the self-study), and in "Mijn leeromgeving"
the reflection pages and the griffie's recommendations."""

from __future__ import annotations

from dataclasses import replace

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts.models import User
from accounts.roles import Role
from core import registry
from core.stamped import stamped_read
from modules.council.models import Reflection, ReflectionAnswer
from modules.council.selectors import recommendations, reflections_open_to
from modules.learning.selectors import LearningTask

REFLECTIONS_ORDER = registry.TASKS_ORDER + 10  # below the tasks


def _reflection_answers(reflection: Reflection) -> list[dict[str, str]]:
    labels = dict(ReflectionAnswer.choices)
    return [
        {
            "stelling": block.value["statement"],
            "antwoord": str(labels.get(reflection.answers.get(block.id, ""), "")),
        }
        for block in reflection.page.statements
    ]


@hooks.register(registry.MY_DATA_SECTIONS, order=20)
def my_data_sections(*, user: User) -> list[registry.DataSection]:
    """The member's own reflections, answers and notes (one query)."""
    reflections = Reflection.objects.filter(user=user).select_related("page")
    rows = [
        {
            "reflectie": reflection.page.title,
            "bijgewerkt": registry.when(reflection.updated_at),
            "antwoorden": _reflection_answers(reflection),
            "notities": reflection.notes,
        }
        for reflection in reflections
    ]
    return [registry.DataSection(key="zelfreflecties", rows=rows, label=_("Self-reflections"))]


@hooks.register(registry.SELF_STUDY_DELETE, order=20)
def self_study_delete(*, user: User) -> dict[str, int]:
    reflections, _by_model = Reflection.objects.filter(user=user).delete()
    return {"reflections": reflections}


def _not_recommended(task) -> bool:
    return not getattr(task, "recommended", False)


@hooks.register(registry.DASHBOARD, order=20)
def dashboard_part(dashboard: registry.Dashboard, *, user: User, today, now) -> None:
    """For council members the optional modules the griffie recommends are marked and listed
    first (one query); everybody sees the reflection pages for their audiences, in a section
    below the tasks when there are any (one query). Runs after the learning tasks (order 10)."""
    if user.has_role(Role.RAADSLID):
        recommended = stamped_read("recommendations", recommendations)
        marked = [
            replace(task, recommended=True, recommendation_note=recommended[task.module.pk].note)
            if isinstance(task, LearningTask) and task.module.pk in recommended
            else task
            for task in dashboard.optional
        ]
        # Recommended first; a stable sort keeps the order within each group.
        dashboard.optional = sorted(marked, key=_not_recommended)
    reflections = stamped_read(
        "reflections", lambda: list(reflections_open_to(user=user)), user_id=user.pk, identity=True
    )
    if reflections:
        dashboard.sections.append(
            registry.DashboardSection(
                template="council/includes/dashboard_reflections.html",
                order=REFLECTIONS_ORDER,
                objects=reflections,
            )
        )
