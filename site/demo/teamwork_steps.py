"""The demo step for working together (issue 15): contact persons and the council's sessions.

Kept out of :mod:`demo.loader` so the loader only calls :func:`load_teamwork`, once the
departments, the audiences, the overview pages and the council members exist. Everything is
built through the apps' services, like the rest of the demo; the content is in
:mod:`demo.content.teamwork`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from accounts.models import Audience, Department, User
from accounts.roles import Role
from accounts.services import audience_create, user_create
from demo.content.teamwork import (
    CONTACT_PERSON_AUDIENCE,
    CONTACT_PERSON_MODULE,
    CONTACT_PERSON_ROLES,
    PLANNED_SESSIONS,
    SESSION_TEMPLATES,
    contact_person,
)
from home.services import reporting_routes_update
from modules.awareness.models import SessionIndexPage, SessionPage, SessionTemplate
from modules.awareness.services import (
    registration_create,
    session_create_from_template,
    session_template_create,
)
from modules.learning.models import ModuleIndexPage
from modules.learning.services import module_create_with_lessons

# Contact persons have worked at the municipality for some years.
CONTACT_PERSON_STARTED_DAYS_AGO = 4 * 365


def load_teamwork(
    *,
    today: date,
    council_members: list[User],
    email: Callable[[str], str],
    password: str,
    log: list[str],
) -> None:
    """The contact-person audience, one example contact person per department (also the
    contact on "Signaal melden"), their track, the session templates and the sessions planned
    from them, with registrations of contact persons and council members."""
    audience = audience_create(**CONTACT_PERSON_AUDIENCE, roles=[Role.AANDACHTSFUNCTIONARIS])
    contacts = _contact_persons(today=today, email=email, password=password)
    # Replaces the example contacts of demo.content.pages: one per department now.
    reporting_routes_update(
        contacts=[(department, name, user.email) for department, name, user in contacts]
    )
    module_create_with_lessons(
        index=ModuleIndexPage.objects.get(), content=CONTACT_PERSON_MODULE, audience=audience
    )
    templates = _templates()
    sessions = _planned_sessions(
        templates=templates,
        today=today,
        contact_persons=[user for _department, _name, user in contacts],
        council_members=council_members,
    )
    log.append(
        f"{len(contacts)} contact persons (one per department), their track, "
        f"{len(templates)} session templates and {len(sessions)} sessions planned from them "
        "(a casustafel, and a werkbezoek and a gesprek for the council)"
    )


def _contact_persons(
    *, today: date, email: Callable[[str], str], password: str
) -> list[tuple[Department, str, User]]:
    """Per department: the department, the contact's name on "Signaal melden", the account."""
    made = []
    for number, department in enumerate(Department.objects.order_by("name")):
        person = contact_person(code=department.code, department=department.name)
        user = user_create(
            email=email(person["local_part"]),
            first_name=person["first_name"],
            last_name=person["last_name"],
            password=password,
            department=department,
            start_date=today - timedelta(days=CONTACT_PERSON_STARTED_DAYS_AGO),
            personnel_number=f"{700000 + number}",
            roles=CONTACT_PERSON_ROLES,
        )
        made.append((department, person["contact_name"], user))
    return made


def _templates() -> dict[str, SessionTemplate]:
    audiences = {audience.name: audience for audience in Audience.objects.all()}
    return {
        key: session_template_create(
            **{field: value for field, value in content.items() if field != "audience"},
            audience=audiences[content["audience"]] if content["audience"] else None,
        )
        for key, content in SESSION_TEMPLATES.items()
    }


def _planned_sessions(
    *,
    templates: dict[str, SessionTemplate],
    today: date,
    contact_persons: list[User],
    council_members: list[User],
) -> list[SessionPage]:
    index = SessionIndexPage.objects.get()
    zone = timezone.get_current_timezone()
    now = timezone.now()
    sessions = []
    for plan in PLANNED_SESSIONS:
        starts = datetime.combine(today + timedelta(days=plan["days"]), time(*plan["at"]), zone)
        session = session_create_from_template(
            template=templates[plan["template"]],
            index=index,
            starts_at=starts,
            location=plan["location"],
        )
        people = contact_persons[: plan.get("contact_persons_registered", 0)]
        people += council_members[: plan.get("council_registered", 0)]
        for person in people:
            registration_create(user=person, session=session, now=now)
        sessions.append(session)
    return sessions
