"""The demo's awareness sessions: two in the past (with participants and attendance) and three
upcoming (one nearly full), each planned from a session template of the pack
``bijeenkomsten`` (``site/demo/packs/``), which holds what a session is about.

``days`` is relative to the day the demo is loaded; every session starts at 09:30 local time and
lasts as long as its template says. ``demo.loader`` plans them through
``modules.awareness.services.session_create_from_template``. The past sessions were big plenary
ones: every participant the demo gives them has a place.
"""

from __future__ import annotations

# An obvious example: a real room name would send people to a place that may not exist.
SESSION_LOCATION = "Voorbeeldlocatie, zaal A"

DEMO_SESSIONS: list[dict] = [
    {"template": "ondermijning-herkennen-aan-de-balie", "days": -200},
    {"template": "drugs-in-het-buitengebied", "days": -60},
    {"template": "mensenhandel-signalen-in-je-werk", "days": 12, "nearly_full": True},
    {"template": "vergunningen-bibob-en-integriteit", "days": 30},
    {"template": "kwetsbare-bedrijven-en-bedrijventerreinen", "days": 75},
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
