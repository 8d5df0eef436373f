"""Awareness sessions' parts of the learner's own pages (see :mod:`core.registry`): the
registrations in "Mijn gegevens", the yearly session requirement and the person's places in
"Mijn leeromgeving", and the sessions index in the header."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from accounts.models import User
from core import registry
from core.stamped import DEFAULT_TIMEOUT, seconds_until, stamped_read
from modules.awareness.models import Registration, SessionIndexPage
from modules.awareness.selectors import requirement_task_for, upcoming_registrations

SESSIONS_ORDER = registry.TASKS_ORDER + 20  # below the tasks, after the self-reflection


@hooks.register(registry.MY_DATA_SECTIONS, order=30)
def my_data_sections(*, user: User) -> list[registry.DataSection]:
    """Every registration, cancelled ones and waitlist places included (one query)."""
    registrations = (
        Registration.objects.filter(user=user).select_related("session").order_by("created_at")
    )
    rows = [
        {
            # .title/.starts_at: also for a session whose page was deleted (its snapshot).
            "sessie": registration.title,
            "begint": registry.when(registration.starts_at),
            "status": str(registration.get_status_display()),
            "aangemeld": registry.when(registration.created_at),
            "afgemeld": registry.when(registration.cancelled_at),
            "aanwezig": registry.when(registration.attended_at),
        }
        for registration in registrations
    ]
    return [
        registry.DataSection(
            key="bewustwordingssessies", rows=rows, label=_("Session registrations")
        )
    ]


@hooks.register(registry.DASHBOARD, order=30)
def dashboard_part(dashboard: registry.Dashboard, *, user: User, today, now) -> None:
    """The person's places in upcoming sessions (a section below the tasks, shown when empty
    too) and, when it applies to them, the yearly session requirement as a mandatory task (at
    most five queries)."""
    registrations, task = stamped_read(
        "session-part",
        lambda: _places_and_task(user=user, today=today, now=now),
        user_id=user.pk,
        parts=(today,),
        # A place drops off the list when its session ends: keep the answer until then.
        timeout=lambda answer: min(
            (seconds_until(place.session.ends_at, now=now) for place in answer[0]),
            default=DEFAULT_TIMEOUT,
        ),
    )
    dashboard.sections.append(
        registry.DashboardSection(
            template="awareness/includes/dashboard_registrations.html",
            order=SESSIONS_ORDER,
            objects=registrations,
            context={"now": now},
        )
    )
    if task is not None:
        dashboard.mandatory.append(task)


def _places_and_task(*, user: User, today, now):
    registrations = upcoming_registrations(user=user, now=now)
    return registrations, requirement_task_for(
        user=user, today=today, now=now, upcoming=registrations
    )


@hooks.register(registry.HEADER_LINKS, order=30)
def header_links() -> list[registry.IndexLink]:
    return [registry.IndexLink(name="sessions_page", model=SessionIndexPage, label=_("Sessions"))]
