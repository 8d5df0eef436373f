"""Demo content for the werkoverleg kits of the two demo modules.

A kit is what a leidinggevende shows or prints in a team meeting to talk about ondermijning:
a short introduction, two dilemmas and open questions for the team. Written in plain Dutch
(B1) from ``../shared/content-brief.md``: the facts, not the sentences. The situations use no
names; the people in them are "een kennis", "een collega", "een bewoner".

``demo.loader.load_demo`` passes ``ONBOARDING_TEAM_KIT`` and ``THEME_TEAM_KIT`` to
``modules.learning.team_kit.module_set_team_kit``. Each kit is a list of ``(block type,
value)`` pairs for ``TeamKitBlock``; text blocks hold HTML.
"""

from __future__ import annotations

_HOW_TO_USE = (
    "<p>Neem voor deze kit twintig minuten in je werkoverleg. Lees een situatie hardop voor. "
    "Laat iedereen eerst zelf kiezen wat hij zou doen. Praat daarna over de antwoorden.</p>"
    "<p>Er zijn geen domme vragen. Het doel is dat iedereen weet wat hij doet als hij iets "
    "ziet wat niet klopt.</p>"
)

ONBOARDING_TEAM_KIT: list[tuple[str, object]] = [
    ("text", _HOW_TO_USE),
    (
        "dilemma",
        {
            "title": "Een vraag op een verjaardag",
            "situation": (
                "Op een verjaardag vraagt een kennis waar je werkt. Hij heeft een bedrijf en "
                "wil een pand huren. Hij vraagt of jij even kunt kijken wie de eigenaar is. "
                "'Jij kunt dat toch zo zien?'"
            ),
            "question": "Wat doe je?",
            "choices": [
                {
                    "choice": "Ik kijk maandag even. Het is maar een kleine vraag.",
                    "explanation": (
                        "Niet doen. Je mag gegevens alleen inzien als je werk daarom vraagt. "
                        "Juist die informatie is waardevol voor criminelen. Een kleine gunst "
                        "kan de eerste stap zijn."
                    ),
                },
                {
                    "choice": (
                        "Ik zeg vriendelijk dat ik dat niet mag. Op maandag vertel ik het aan "
                        "mijn leidinggevende."
                    ),
                    "explanation": (
                        "Goed. Zo houd je je grens duidelijk. Door het te vertellen, sta je er "
                        "niet alleen voor als de vraag terugkomt."
                    ),
                },
                {
                    "choice": "Ik zeg dat hij het zelf moet uitzoeken en laat het daarbij.",
                    "explanation": (
                        "Je zegt terecht nee. Maar vertel het ook aan je leidinggevende. Zo'n "
                        "vraag kan een signaal zijn, en vaak blijft het niet bij één keer."
                    ),
                },
            ],
        },
    ),
    (
        "dilemma",
        {
            "title": "Twijfel over een signaal",
            "situation": (
                "Een collega vertelt in de pauze over een zaak in de wijk. Er komen bijna nooit "
                "klanten, maar de zaak bestaat al jaren. Bij een aanvraag was niet duidelijk "
                "wie de echte eigenaar is. 'Ik weet het niet zeker,' zegt ze."
            ),
            "question": "Wat raad je je collega aan?",
            "choices": [
                {
                    "choice": "Wacht tot je het zeker weet. Anders beschuldig je iemand.",
                    "explanation": (
                        "Niet nodig. Een signaal is een aanwijzing, geen bewijs. Je hoeft "
                        "niets te bewijzen. Het kernteam kijkt wat er met de melding gebeurt."
                    ),
                },
                {
                    "choice": "Ga er eens langs en kijk wat er binnen gebeurt.",
                    "explanation": (
                        "Niet doen. Je doet zelf geen onderzoek. Dat kan gevaarlijk zijn, en "
                        "het kan het werk van de politie en het kernteam verstoren."
                    ),
                },
                {
                    "choice": (
                        "Meld het bij het kernteam ondermijning, via de mailbox of via 'Meld "
                        "een Vermoeden'."
                    ),
                    "explanation": (
                        "Goed. Het kernteam krijgt elk signaal en beslist wat er gebeurt. Vaak "
                        "past een melding in een puzzel die anderen al hebben."
                    ),
                },
            ],
        },
    ),
    (
        "questions",
        {
            "heading": "Vragen voor het team",
            "questions": [
                "Welke informatie uit ons werk kan interessant zijn voor criminelen?",
                "Bij welke taken werken wij met vier ogen? Waar kan dat beter?",
                "Weet iedereen hoe je intern een vermoeden meldt?",
                "Wie in ons team heeft ondermijning als aandachtspunt? Weet iedereen dat?",
                "Zag je weleens iets wat niet klopte, maar meldde je het niet? Wat hield je tegen?",
            ],
        },
    ),
]

THEME_TEAM_KIT: list[tuple[str, object]] = [
    ("text", _HOW_TO_USE),
    (
        "dilemma",
        {
            "title": "Iemand die niet zelf praat",
            "situation": (
                "Aan de balie komt een jonge vrouw een adres inschrijven. Een man is bij haar. "
                "Hij beantwoordt alle vragen en houdt haar paspoort vast. Zij kijkt steeds naar "
                "de grond."
            ),
            "question": "Wat doe je?",
            "choices": [
                {
                    "choice": "Ik help ze snel. Het is niet mijn zaak wie er praat.",
                    "explanation": (
                        "Het kan onschuldig zijn. Maar een ander die het woord doet en de "
                        "papieren vasthoudt, kan een signaal van uitbuiting zijn. Schrijf op "
                        "wat je zag en meld het."
                    ),
                },
                {
                    "choice": "Ik vraag de man streng waarom hij haar paspoort heeft.",
                    "explanation": (
                        "Liever niet. Zo kun je de vrouw in gevaar brengen. Je doet zelf geen "
                        "onderzoek. Help haar zoals altijd en meld daarna wat je zag."
                    ),
                },
                {
                    "choice": (
                        "Ik help haar zoals altijd. Daarna meld ik wat ik zag bij het kernteam "
                        "ondermijning."
                    ),
                    "explanation": (
                        "Goed. Slachtoffers vragen zelden zelf om hulp. Jouw melding kan een "
                        "stukje van de puzzel zijn. Het kernteam beslist wat er gebeurt."
                    ),
                },
            ],
        },
    ),
    (
        "dilemma",
        {
            "title": "Steeds nieuwe namen op één adres",
            "situation": (
                "Bij je werk zie je dat op één woning steeds nieuwe mensen staan ingeschreven. "
                "Ze blijven kort en vertrekken weer. Een bewoner vertelt dat de werkers elke "
                "ochtend vroeg met een busje worden opgehaald."
            ),
            "question": "Wat doe je?",
            "choices": [
                {
                    "choice": "Niets. Veel mensen wonen tijdelijk ergens voor hun werk.",
                    "explanation": (
                        "Dat klopt vaak. Maar korte bewoning, veel mensen op één adres en "
                        "vervoer naar het werk samen kunnen wijzen op uitbuiting. Meld het, "
                        "dan kijkt het kernteam verder."
                    ),
                },
                {
                    "choice": "Ik meld wat ik zag bij het kernteam ondermijning.",
                    "explanation": (
                        "Goed. Je hoeft niet te weten of het uitbuiting is. Het kernteam legt "
                        "jouw signaal naast wat anderen zien."
                    ),
                },
            ],
        },
    ),
    (
        "questions",
        {
            "heading": "Vragen voor het team",
            "questions": [
                "Waar kunnen wij in ons werk slachtoffers van uitbuiting tegenkomen?",
                "Welke signalen uit deze module herken je uit je eigen werk?",
                "Waarom vragen slachtoffers zelden zelf om hulp, denk je?",
                "Wat doe je als je twijfelt? Bij wie kun je terecht?",
            ],
        },
    ),
]
