"""Demo content for working together: the aandachtsfunctionarissen (contact persons) and the
council's meetings with the kernteam.

From the content brief (sections 5 and 6, 7): most teams have one colleague with ondermijning
as a task focus, and colleagues often do not know who that is. These colleagues want to discuss
signals across teams ("je kunt de puzzel vaak alleen samen leggen"). Council members asked for
a tour with the kernteam and low-threshold conversations across party lines.

``demo.teamwork_steps.load_teamwork`` builds it through the apps' services:

* ``CONTACT_PERSON_AUDIENCE``: the audience of everybody with the aandachtsfunctionaris role;
* ``contact_person(code, department)``: one example contact person per department (the names
  are recognisably examples);
* ``PLANNED_SESSIONS``: sessions planned from the session templates of the pack
  ``bijeenkomsten`` (``days`` from the day the demo is loaded, ``at`` the local start time).

Their own short track is the pack ``aandachtsfunctionaris`` in ``site/demo/packs/``.
"""

from __future__ import annotations

from accounts.roles import Role

CONTACT_PERSON_AUDIENCE: dict = {
    "name": "Aandachtsfunctionarissen ondermijning",
    "description": "Collega's met ondermijning als aandachtsveld in hun team.",
}
CONTACT_PERSON_ROLES: tuple[Role, ...] = (Role.MEDEWERKER, Role.AANDACHTSFUNCTIONARIS)
CONTACT_PERSON_FIRST_NAME = "Voorbeeld"


def contact_person(*, code: str, department: str) -> dict:
    """The example contact person of one department: a login, and the name on "Signaal
    melden" (starting with "Voorbeeld: ", like every example contact there)."""
    return {
        "local_part": f"contactpersoon.{code.lower()}",
        "first_name": CONTACT_PERSON_FIRST_NAME,
        "last_name": f"Contactpersoon {department}",
        "contact_name": f"Voorbeeld: contactpersoon {department}",
    }


# Sessions planned from the templates; the council's gesprek gets fewer than five council
# registrations, so its figures read "minder dan 5".
PLANNED_SESSIONS: list[dict] = [
    {
        "template": "casustafel-aandachtsfunctionarissen",
        "days": 20,
        "at": (9, 30),
        "location": "Voorbeeldlocatie, zaal C",
        "contact_persons_registered": 4,
    },
    {
        "template": "werkbezoek-met-het-kernteam-ondermijning",
        "days": 35,
        "at": (14, 0),
        "location": "Voorbeeldlocatie, ruimte van het kernteam",
        "council_registered": 7,
    },
    {
        "template": "gesprek-over-ondermijning-over-partijgrenzen-heen",
        "days": 50,
        "at": (19, 30),
        "location": "Voorbeeldlocatie, zaal B",
        "council_registered": 3,
    },
]
