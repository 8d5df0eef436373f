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
* ``CONTACT_PERSON_MODULE``: their own short track (two lessons, the same dict shape as
  :mod:`demo.content.learning`);
* ``SESSION_TEMPLATES``: four kinds of session without a date;
* ``PLANNED_SESSIONS``: sessions planned from them (``days`` from the day the demo is loaded,
  ``at`` the local start time).
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


# Contact persons' track, les 1: your role, and laying the puzzle together.
_JOUW_ROL: dict = {
    "title": "Jouw rol als aandachtsfunctionaris",
    "slug": "jouw-rol-als-aandachtsfunctionaris",
    "summary": (
        "Je leert wat een aandachtsfunctionaris ondermijning doet, en hoe je samen met andere "
        "teams de puzzel legt."
    ),
    "estimated_minutes": 6,
    "body": [
        (
            "text",
            (
                "<h2>Wat doe je als aandachtsfunctionaris?</h2>"
                "<p>In de meeste teams van de gemeente heeft één collega ondermijning als "
                "aandachtsveld. Dat ben jij. Je bent het aanspreekpunt in je team. Collega's "
                "komen bij je met een twijfel of een vraag.</p>"
                "<p>Je bent geen rechercheur. Je hoeft niets te bewijzen en je gaat niet zelf "
                "op onderzoek uit. Je helpt collega's om een signaal te melden.</p>"
                "<h2>Zorg dat je team je kent</h2>"
                "<p>Collega's weten vaak niet wie in hun team de aandachtsfunctionaris is. Dat "
                "zag de Rekenkamer Dordrecht in 2025. Vertel het daarom in het werkoverleg. "
                "Zeg ook hoe ze je bereiken.</p>"
                "<h2>De puzzel samen leggen</h2>"
                "<p>Eén signaal zegt vaak weinig. Een vreemde aanvraag bij Vergunningen lijkt "
                "klein. Maar misschien zag een collega van Wijkmanagement iets bij hetzelfde "
                "pand. Samen ontstaat een beeld.</p>"
                "<p>Aandachtsfunctionarissen zeggen het zelf zo: je kunt de puzzel vaak alleen "
                "samen leggen. Daarom praat je ook met collega's van andere teams. Zo leer je "
                "van elkaar wat werkt.</p>"
            ),
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    "Je bent het aanspreekpunt voor ondermijning in je team.",
                    "Je gaat niet zelf op onderzoek uit. Je helpt collega's melden.",
                    "Zorg dat iedereen in je team weet wie je bent.",
                    "Eén signaal is een puzzelstukje. Samen met andere teams zie je meer.",
                ],
            },
        ),
    ],
}

# Contact persons' track, les 2: the casustafel, and what you do with a signal.
_CASUSTAFEL_EN_SIGNAAL: dict = {
    "title": "De casustafel en wat je doet met een signaal",
    "slug": "casustafel-en-signaal",
    "summary": (
        "Je leert hoe een casustafel werkt, wat je daar wel en niet vertelt, en wat je doet "
        "als een collega met een signaal komt."
    ),
    "estimated_minutes": 7,
    "body": [
        (
            "text",
            (
                "<h2>Wat is een casustafel?</h2>"
                "<p>Een casustafel is een overleg van aandachtsfunctionarissen uit verschillende "
                "teams. Het kernteam ondermijning leidt het gesprek. Jullie bespreken "
                "situaties uit je werk en wat je ervan leert.</p>"
                "<p>Een casustafel is intervisie. Dat betekent: je leert van elkaars ervaring. "
                "Het is geen meldroute en geen casusoverleg.</p>"
                "<h2>Zo bespreek je een casus veilig</h2>"
                "<ul>"
                "<li>Noem geen namen, adressen of kentekens.</li>"
                "<li>Laat details weg die naar een persoon of bedrijf wijzen.</li>"
                "<li>Wat aan tafel gezegd wordt, blijft aan tafel.</li>"
                "<li>Er komt geen verslag met persoonsgegevens. Alleen wat jullie samen "
                "leerden, schrijf je op.</li>"
                "</ul>"
                "<h2>Een collega komt met een signaal</h2>"
                "<p>Een signaal is een aanwijzing dat iets met ondermijning te maken kan "
                "hebben. Het hoeft geen bewijs te zijn. Zo help je je collega:</p>"
                "<ol>"
                "<li>Luister en vraag door naar de feiten: wat, waar en wanneer.</li>"
                "<li>Laat je collega het melden, of meld het samen. Dat kan bij de mailbox "
                "van het kernteam of via Meld een Vermoeden.</li>"
                "<li>Ga niet zelf op onderzoek uit. Zoek ook niets extra op in systemen.</li>"
                "</ol>"
                "<p>Het kernteam ontvangt elk signaal en beslist wat ermee gebeurt. Soms gaat "
                "een zaak naar het casusoverleg. Daar zitten de gemeente, de politie, het RIEC "
                "en andere partners aan tafel.</p>"
            ),
        ),
        (
            "report_it",
            {
                "heading": "Meld het",
                "intro": "Meld een signaal altijd eerst via deze routes. Daarna kun je het "
                "zonder namen bespreken aan de casustafel.",
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    "Aan de casustafel bespreek je casussen zonder namen of herkenbare details.",
                    "De casustafel is geen meldroute. Meld een signaal eerst bij het kernteam.",
                    "Een signaal hoeft geen bewijs te zijn.",
                ],
            },
        ),
    ],
}

CONTACT_PERSON_MODULE: dict = {
    "title": "Aandachtsfunctionaris ondermijning",
    "slug": "aandachtsfunctionaris-ondermijning",
    "intro": (
        "<p>Je hebt ondermijning als aandachtsveld in je team. In deze korte module lees je "
        "wat je rol is, hoe een casustafel werkt en wat je doet met een signaal.</p>"
    ),
    "learning_goals": (
        "Je weet wat je rol als aandachtsfunctionaris is.\n"
        "Je weet waarom je samen met andere teams de puzzel legt.\n"
        "Je weet hoe je een casus bespreekt zonder namen of herkenbare details.\n"
        "Je weet wat je doet als een collega met een signaal komt."
    ),
    "estimated_minutes": 13,
    "lessons": [_JOUW_ROL, _CASUSTAFEL_EN_SIGNAAL],
}

# Session templates (SessionTemplate fields); ``audience`` is an audience name, or None for
# everybody logged in.
SESSION_TEMPLATES: dict[str, dict] = {
    "bewustwording": {
        "title": "Bewustwordingssessie: signalen in je werk",
        "kind": "bewustwording",
        "theme": "melden",
        "description": "<p>Wat zie je in je werk, en wat doe je ermee? We bespreken "
        "voorbeelden en oefenen met melden.</p>",
        "duration_minutes": 150,
        "capacity": 25,
        "led_by": "RIEC en kernteam ondermijning",
        "audience": "Alle medewerkers",
    },
    "casustafel": {
        "title": "Casustafel aandachtsfunctionarissen",
        "kind": "casustafel",
        "theme": "melden",
        "description": "<p>Aandachtsfunctionarissen uit verschillende teams bespreken "
        "situaties uit hun werk. Zo leggen we samen de puzzel en leren we van elkaar.</p>",
        "duration_minutes": 90,
        "capacity": 14,
        "led_by": "Kernteam ondermijning",
        "audience": CONTACT_PERSON_AUDIENCE["name"],
    },
    "werkbezoek": {
        "title": "Werkbezoek met het kernteam ondermijning",
        "kind": "werkbezoek",
        "theme": "kwetsbare_bedrijven",
        "description": "<p>Een rondleiding met het kernteam. Je ziet hoe de gemeente "
        "signalen ontvangt en wat er daarna gebeurt. Er is ruimte voor al je vragen.</p>",
        "duration_minutes": 180,
        "capacity": 15,
        "led_by": "Kernteam ondermijning",
        "audience": "Raadsleden",
    },
    "gesprek": {
        "title": "Gesprek over ondermijning, over partijgrenzen heen",
        "kind": "gesprek",
        "theme": "bibob_integriteit",
        "description": "<p>Een open gesprek voor raadsleden van alle partijen. Wat betekent "
        "ondermijning voor je rol in de raad? En hoe bescherm je jezelf?</p>",
        "duration_minutes": 90,
        "capacity": 20,
        "led_by": "Kernteam ondermijning en griffie",
        "audience": "Raadsleden",
    },
}

# Sessions planned from the templates; the council's gesprek gets fewer than five council
# registrations, so its figures read "minder dan 5".
PLANNED_SESSIONS: list[dict] = [
    {
        "template": "casustafel",
        "days": 20,
        "at": (9, 30),
        "location": "Voorbeeldlocatie, zaal C",
        "contact_persons_registered": 4,
    },
    {
        "template": "werkbezoek",
        "days": 35,
        "at": (14, 0),
        "location": "Voorbeeldlocatie, ruimte van het kernteam",
        "council_registered": 7,
    },
    {
        "template": "gesprek",
        "days": 50,
        "at": (19, 30),
        "location": "Voorbeeldlocatie, zaal B",
        "council_registered": 3,
    },
]
