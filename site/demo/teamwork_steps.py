"""The demo step for working together: contact persons and the council's sessions.

Kept out of :mod:`demo.loader` so the loader only calls :func:`load_teamwork`, once the
departments, the audiences, the overview pages and the council members exist. Everything is
built through the apps' services, like the rest of the demo; the content is in
:mod:`demo.content.teamwork`, the track and the session templates in the packs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from accounts.models import Department, User
from accounts.services import user_create
from demo.content.teamwork import CONTACT_PERSON_ROLES, PLANNED_SESSIONS, contact_person
from demo.session_days import session_day
from home.services import reporting_routes_update
from modules.awareness.models import SessionIndexPage, SessionPage, SessionTemplate
from modules.awareness.services import registration_create, session_create_from_template

# Contact persons have worked at the municipality for some years.
CONTACT_PERSON_STARTED_DAYS_AGO = 4 * 365


def load_teamwork(
    *,
    today: date,
    council_members: list[User],
    templates: dict[str, SessionTemplate],
    email: Callable[[str], str],
    password: str,
    log: list[str],
) -> None:
    """One example contact person per department (also the contact on "Signaal melden") and
    the sessions planned from the ``templates`` of the pack, with registrations of contact
    persons and council members. The contact persons' audience, their track and the templates
    came before (the audience with the others, the rest with the packs)."""
    contacts = _contact_persons(today=today, email=email, password=password)
    # The contact per department on "Signaal melden".
    reporting_routes_update(
        contacts=[(department, name, user.email) for department, name, user in contacts]
    )
    sessions = _planned_sessions(
        templates=templates,
        today=today,
        contact_persons=[user for _department, _name, user in contacts],
        council_members=council_members,
    )
    log.append(
        f"{len(contacts)} contact persons (one per department) and {len(sessions)} sessions "
        "planned from the templates "
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
        day = session_day(today=today, days=plan["days"])
        starts = datetime.combine(day, time(*plan["at"]), zone)
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
