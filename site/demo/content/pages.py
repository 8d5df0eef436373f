"""Demo content for the site's own pages: the home page, "Signaal melden" with the reporting
routes, and the intros of the overview pages of modules, sessions and trends.

``demo.loader`` creates them through ``home.services`` and the apps' ``*_index_create``
services. Email addresses are local parts; the loader adds the demo domain.
"""

from __future__ import annotations

HOME_TITLE = "Samen weerbaar tegen ondermijning"
HOME_INTRO = (
    "<p>Criminelen gebruiken gewone bedrijven, diensten en soms ook de gemeente om hun geld "
    "te verdienen of wit te wassen. Dat heet ondermijning. Op Weerbaar leer je hoe je signalen "
    "herkent en waar je ze meldt.</p>"
)
HOME_BODY = (
    "<h2>Wat kun je hier doen?</h2>"
    "<ul>"
    "<li>Nieuwe medewerkers volgen de verplichte module over signalen van ondermijning.</li>"
    "<li>Iedereen kan zich aanmelden voor een bewustwordingssessie. Er is er minstens één per "
    "jaar.</li>"
    "<li>Raadsleden leren in hun eigen tempo hoe ze weerbaar blijven. Wat zij invullen, "
    "ziet niemand anders.</li>"
    "</ul>"
    "<h2>Waarom is dit belangrijk?</h2>"
    "<p>De gemeente geeft vergunningen, subsidies en paspoorten. Ze koopt in en verhuurt "
    "panden. En medewerkers weten dingen die voor criminelen waardevol zijn. Daarom kan "
    "iedere collega een signaal opvangen. Je hoeft niets zeker te weten: twijfel je, meld "
    "het dan.</p>"
)

REPORTING_PAGE: dict = {
    "title": "Signaal melden",
    "slug": "signaal-melden",
    "intro": (
        "<p>Zie je iets wat niet klopt? Bijvoorbeeld een aanvraag die vreemd aanvoelt, een "
        "bedrijf zonder klanten dat toch blijft bestaan, of iemand die druk op je zet? Dan is dat "
        "misschien een signaal van ondermijning. Je hoeft het niet te bewijzen. Meld wat je ziet, "
        "en ga zelf niet op onderzoek uit.</p>"
    ),
    "after_reporting": (
        "<p>Het kernteam ondermijning bekijkt elke melding. Soms is meer informatie nodig; dan "
        "nemen ze contact met je op. Bespreekt het kernteam je melding met partners zoals de "
        "politie of het RIEC (het regionale informatie- en expertisecentrum), dan gebeurt dat "
        "zorgvuldig en vertrouwelijk.</p>"
        "<p>Je hoort niet altijd wat er met je melding gebeurt. Dat betekent niet dat er niets mee "
        "gedaan wordt: een melding is vaak één stukje van een grotere puzzel.</p>"
    ),
}
REPORTING_KERNTEAM_EMAIL = "kernteam-ondermijning"
# No phone number in the demo: a real-looking number could belong to someone. The
# "Signaal melden" page then shows the mailbox only; the kernteam fills in its number in the
# reporting-routes setting.
REPORTING_KERNTEAM_PHONE = ""
REPORTING_MELD_EEN_VERMOEDEN = (
    "Dit is een voorbeeld. Het kernteam ondermijning vult de echte stappen in bij de instelling "
    "'meldroutes'.\n"
    "Bijvoorbeeld: open het zaaksysteem, zoek 'Meld een Vermoeden' en beschrijf wat je zag, waar "
    "en wanneer."
)
# (department, contact person, email local part). Example names only: the kernteam enters the
# real contact person of each department in the reporting-routes setting.
REPORTING_CONTACTS: list[tuple[str, str, str]] = [
    ("Publiekszaken", "Voorbeeld: contactpersoon Publiekszaken", "contactpersoon-publiekszaken"),
    (
        "Vergunningen, Toezicht en Handhaving",
        "Voorbeeld: contactpersoon VTH",
        "contactpersoon-vth",
    ),
    ("Wijkmanagement", "Voorbeeld: contactpersoon Wijkmanagement", "contactpersoon-wijkmanagement"),
]

MODULE_INDEX: dict = {
    "title": "Leermodules",
    "slug": "leermodules",
    "intro": "<p>Alle modules van Weerbaar. Je eigen modules en je voortgang vind je in "
    "Mijn leeromgeving.</p>",
}
SESSION_INDEX: dict = {
    "title": "Bewustwordingssessies",
    "slug": "bewustwordingssessies",
    "intro": "<p>Het kernteam ondermijning geeft sessies over signalen in je werk. Dat doet het "
    "samen met partners, zoals het RIEC (het regionale informatie- en expertisecentrum). Meld je "
    "aan. Is een sessie vol, dan kom je op de wachtlijst.</p>",
}
TREND_INDEX: dict = {
    "title": "Trends en signalen",
    "slug": "trends",
    "intro": "<p>Wat het kernteam ondermijning nu ziet in Dordrecht en de regio, en waar jij "
    "op let.</p><p>Zo werkt het: een medewerker van het kernteam schrijft een trend. Een tweede "
    "medewerker van het kernteam keurt hem goed. Pas daarna staat hij op deze site.</p>",
}
