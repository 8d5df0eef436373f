"""What the demo does with the content of its packs (``site/demo/packs/``): which pack holds
what, which module is assigned to whom and when, and the dates that give the trends a history.

Keys are the packs' item keys (``docs/content-packs.md``); ``demo.loader`` finds the objects an
import made by them. Days are relative to the day the demo is loaded.
"""

from __future__ import annotations

# The packs, in the order they are imported (the order of the modules in the overview).
ONBOARDING_PACK = "onboarding"
THEME_PACK = "mensenhandel"
COUNCIL_PACK = "raadsleden"
CONTACT_PERSON_PACK = "aandachtsfunctionaris"
TRENDS_PACK = "trends"
SESSIONS_PACK = "bijeenkomsten"
DEMO_PACKS: tuple[str, ...] = (
    ONBOARDING_PACK,
    THEME_PACK,
    COUNCIL_PACK,
    CONTACT_PERSON_PACK,
    TRENDS_PACK,
    SESSIONS_PACK,
)

# The onboarding module is mandatory for everybody who started since it was introduced
# (demo.content.history.ONBOARDING_SINCE_MONTHS months ago), within 30 days of their start date.
ONBOARDING_MODULE = "ondermijning-herkennen-en-melden"
ONBOARDING_ASSIGNMENT: dict = {"due_days_after_start": 30}
# "Mensenhandel herkennen" is mandatory for VTH and was due this many days ago.
THEME_MODULE = "mensenhandel-herkennen"
THEME_MODULE_VTH_DUE_DAYS_AGO = 10

# The council track in its order; the griffie recommends the first module.
COUNCIL_MODULES: tuple[str, ...] = (
    "de-raad-en-ondermijning",
    "waarom-raadsleden-interessant-zijn-voor-criminelen",
    "hoe-beinvloeding-begint-en-wat-je-doet",
    "wat-de-gemeente-doet-en-wat-de-raad-kan-vragen",
)
COUNCIL_RECOMMENDATION_NOTE = "Goed om te lezen voor de begrotingsbehandeling."

# Per trend: published this many days ago, to be reviewed in this many days (negative: the
# review date has passed, so the kernteam's dashboard shows it).
TREND_DATES: dict[str, tuple[int, int]] = {
    "drugsopslag-in-opslagboxen-en-bedrijfsverzamelgebouwen": (3, 150),
    "kinderen-online-geronseld-voor-criminele-klusjes": (12, 90),
    "witwassen-via-de-autohandel": (60, -5),
}
# A trend's refresher is mandatory for all staff within this many days.
REFRESHER_DUE_IN_DAYS = 30
