"""Demo content for the awareness sessions: two in the past (with participants and attendance)
and three upcoming (one nearly full).

``days`` is relative to the day the demo is loaded; every session starts at 09:30 local time and
lasts two and a half hours. ``demo.loader`` creates them through ``modules.awareness.services``.
The past sessions were big plenary ones: every participant the demo gives them has a place.
"""

from __future__ import annotations

# An obvious example: a real room name would send people to a place that may not exist.
SESSION_LOCATION = "Voorbeeldlocatie, zaal A"

DEMO_SESSIONS: list[dict] = [
    {
        "days": -200,
        "title": "Ondermijning herkennen aan de balie",
        "theme": "melden",
        "led_by": "RIEC en kernteam ondermijning",
        "capacity": 60,
        "description": "<p>Wat zie je aan de balie, en wat doe je ermee? We bespreken "
        "voorbeelden uit de praktijk.</p>",
    },
    {
        "days": -60,
        "title": "Drugs in het buitengebied",
        "theme": "drugs",
        "led_by": "Politie en kernteam ondermijning",
        "capacity": 80,
        "description": "<p>Hoe herken je drugsafval, opslag van drugs en plekken waar drugs "
        "worden gemaakt? En wat doe je als je iets ziet?</p>",
    },
    {
        "days": 12,
        "title": "Mensenhandel: signalen in je werk",
        "theme": "mensenhandel",
        "led_by": "RIEC",
        "capacity": 12,
        "description": "<p>Uitbuiting zie je niet meteen. We oefenen met situaties uit de praktijk "
        "en bespreken wat je doet bij een vermoeden.</p>",
        "nearly_full": True,
    },
    {
        "days": 30,
        "title": "Vergunningen, Bibob en integriteit",
        "theme": "bibob_integriteit",
        "led_by": "Kernteam ondermijning",
        "capacity": 25,
        "description": "<p>Waarom zijn vergunningen en subsidies interessant voor criminelen? En "
        "hoe helpt de Wet Bibob?</p>",
    },
    {
        "days": 75,
        "title": "Kwetsbare bedrijven en bedrijventerreinen",
        "theme": "kwetsbare_bedrijven",
        "led_by": "RIEC en kernteam ondermijning",
        "capacity": 20,
        "description": "<p>Over autohandel, opslagboxen en bedrijfsverzamelgebouwen: waar let je "
        "op?</p>",
    },
]
# How many demo colleagues registered for each past session, and how many of them came.
PAST_SESSION_REGISTERED = 10
PAST_SESSION_PRESENT = 8
# People register for a session some weeks before it starts.
REGISTERED_DAYS_BEFORE = 21

# The yearly session requirement.
ATTENDANCE_REQUIREMENT: dict = {
    "every_months": 12,
    "new_employees_within_months": 6,
    "first_due_in_days": 90,
}
