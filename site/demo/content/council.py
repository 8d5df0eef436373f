"""Demo content for the "Weerbaar raadslid" track: four modules, a self-reflection and a quiz.

The texts are written for council members (raadsleden) in plain Dutch (B1) from
``../shared/content-brief.md`` (section 7 in particular), which collects the facts from the
Rekenkamer Dordrecht audit of the city's approach to ondermijning (2025) and the ondermijning
chapter of the Integraal Veiligheidsplan Dordrecht 2023-2026. They take the facts, not the
sentences, and say where a figure comes from. No real persons are named and no phone numbers,
email addresses or web addresses appear: the "report_it" block shows the current routes from the
reporting-routes site setting.

This file holds:

* ``COUNCIL_MODULES``: four modules in the same format as ``demo.content.learning`` (a dict with
  title, slug, intro, learning goals, duration and lessons; each lesson ``body`` is a list of
  ``(block type, value)`` pairs for ``LessonStreamBlock``; text blocks hold HTML).
* ``REFLECTION_INTRO`` and ``REFLECTION_STATEMENTS``: the private self-reflection
  "Hoe weerbaar ben ik?", statements with a tip shown after answering.
* ``COUNCIL_QUIZ_QUESTIONS``: the pool "Raadsleden", questions in the format of
  ``demo.content.questions`` that each name the council lesson teaching them (``taught_in``),
  and ``COUNCIL_QUIZ``: the quiz drawn from it, the final quiz of module
  ``COUNCIL_QUIZ_MODULE``.
* ``REFLECTION_PAGE`` and ``COUNCIL_RECOMMENDATION_NOTE``: the reflection page's title and slug,
  and the griffie's note recommending the first module.

``demo.loader.load_demo`` loads this content.
"""

from __future__ import annotations

from demo.content.question_builders import question, true_false

# ---------------------------------------------------------------------------------------------
# Module 1: De raad en ondermijning
# ---------------------------------------------------------------------------------------------

# Module 1, les 1: de rol van de raad
_ROL_VAN_DE_RAAD: dict = {
    "title": "Wat de raad doet bij ondermijning",
    "slug": "wat-de-raad-doet-bij-ondermijning",
    "summary": (
        "Je leert wat ondermijning is, welke twee rollen de raad heeft en wat de raad in "
        "Dordrecht tot nu toe over ondermijning heeft vastgesteld."
    ),
    "estimated_minutes": 8,
    "body": [
        (
            "text",
            (
                "<h2>Ondermijning in het kort</h2>"
                "<p>Bij ondermijning gaat het om georganiseerde misdaad die draait om geld. "
                "Denk aan drugshandel, fraude, witwassen, fraude met vastgoed en mensenhandel. "
                "Criminelen hebben daarvoor de gewone wereld nodig: bedrijven, panden, "
                "adviseurs en ook de overheid. Zo raken de onderwereld en de bovenwereld met "
                "elkaar vermengd.</p>"
                "<p>Ondermijning blijft met opzet uit het zicht. Daardoor weet niemand precies "
                "hoe groot het probleem is. Het schaadt de veiligheid, eerlijke ondernemers en "
                "het vertrouwen in het bestuur. Dus ook het vertrouwen in de raad.</p>"
                "<h2>Twee rollen: kaders stellen en controleren</h2>"
                "<p>Als raadslid heb je bij ondermijning twee rollen.</p>"
                "<ul>"
                "<li><b>Kaders stellen.</b> De raad bepaalt de grote lijnen. Wat wil de stad "
                "bereiken, en welke regels gelden er? Dat doet de raad in beleid en in lokale "
                "regels, zoals de Algemene Plaatselijke Verordening (APV).</li>"
                "<li><b>Controleren.</b> De raad kijkt of het college het beleid goed "
                "uitvoert. Gaat het volgens plan? Gebeurt er iets bijzonders? Worden de doelen "
                "gehaald?</li>"
                "</ul>"
                "<p>De uitvoering zelf ligt bij de burgemeester, het college en de ambtelijke "
                "organisatie. Jij gaat dus niet zelf op zoek naar criminelen. Maar zonder "
                "kaders en controle van de raad mist de aanpak richting.</p>"
                "<h2>Wat de raad in Dordrecht heeft vastgesteld</h2>"
                "<p>Volgens de Rekenkamer Dordrecht (2025) heeft de raad op twee manieren "
                "kaders gesteld voor de aanpak van ondermijning:</p>"
                "<ul>"
                "<li>De raad stelde het <b>Integraal Veiligheidsplan 2023-2026</b> (IVP) vast. "
                "Dat is het plan voor de veiligheid in de hele stad. De aanpak van ondermijning "
                "is daar een onderdeel van.</li>"
                "<li>In de <b>APV</b> staat dat de gemeente een vergunning kan weigeren als de "
                "aanvrager van 'slecht levensgedrag' is. Met die term bedoelen de regels "
                "iemand die door zijn gedrag niet geschikt is om zo'n bedrijf te leiden. Denk "
                "aan eerdere strafbare feiten. Die regel geldt voor vergunningen "
                "voor bedrijven en voor seksbedrijven. Het gaat dan om de ondernemer die het "
                "bedrijf runt en om de leidinggevenden. Bij een seksbedrijf gaat het ook om de "
                "beheerder.</li>"
                "</ul>"
                "<p>Het uitvoeringsplan voor ondermijning heeft de raad niet zelf vastgesteld. "
                "Het college heeft de raad er wel over geïnformeerd met een "
                "raadsinformatiebrief.</p>"
            ),
        ),
        (
            "text",
            (
                "<h2>De raad vraagt er weinig naar</h2>"
                "<p>De Rekenkamer Dordrecht sprak voor haar onderzoek (2025) met een groep "
                "raads- en commissieleden. Zij zeiden dat ze weinig informatie krijgen over "
                "ondermijning. Maar ze stellen er zelf ook bijna geen vragen over. Naast het "
                "IVP heeft de raad geen eigen accenten of prioriteiten voor de aanpak "
                "gekozen.</p>"
                "<p>Raadsleden denken er verschillend over. Sommigen vinden dat de raad te "
                "weinig aandacht heeft voor ondermijning. Anderen vinden het vooral een taak "
                "voor de uitvoering, en minder voor de raad. Over één ding waren alle "
                "aanwezige raadsleden het eens: de raad heeft te weinig zicht op hoe groot "
                "ondermijning in Dordrecht is.</p>"
                "<p>De Rekenkamer is duidelijk: wie goed wil controleren, moet goed "
                "geïnformeerd zijn. Daarom is ondermijning ook jouw onderwerp, welke "
                "portefeuille je in je fractie ook hebt.</p>"
            ),
        ),
        (
            "dilemma",
            {
                "title": "Is dit wel iets voor de raad?",
                "situation": (
                    "Je bespreekt met je fractie de agenda van de commissie. Er ligt een "
                    "voortgangsbrief over het Integraal Veiligheidsplan. Een fractiegenoot "
                    "zegt: 'Ondermijning is iets voor de burgemeester en de politie. Daar "
                    "hoeven wij niks mee.'"
                ),
                "question": "Hoe reageer je?",
                "choices": [
                    {
                        "choice": (
                            "Ik ben het met hem eens. De uitvoering is niet onze taak, dus we "
                            "slaan dit punt over."
                        ),
                        "explanation": (
                            "Niet verstandig. De uitvoering is inderdaad niet jullie taak. "
                            "Maar de raad stelt wel de kaders en controleert of het beleid "
                            "werkt. Dat kan alleen als jullie er iets van weten."
                        ),
                    },
                    {
                        "choice": (
                            "Ik stel voor dat we een paar vragen voorbereiden: wat zijn de "
                            "doelen, en hoe weten we of ze gehaald worden?"
                        ),
                        "explanation": (
                            "Goed. Zo vul je de controlerende rol in, zonder op de stoel van "
                            "de uitvoering te gaan zitten. Vragen over doelen en resultaten "
                            "passen precies bij de raad."
                        ),
                    },
                    {
                        "choice": (
                            "Ik vraag de ambtenaren om mij alle lopende zaken van het kernteam "
                            "ondermijning te laten zien."
                        ),
                        "explanation": (
                            "Niet doen. Lopende zaken zijn vertrouwelijk en horen bij de "
                            "uitvoering. Als raad vraag je naar de aanpak en de resultaten, "
                            "niet naar de dossiers van personen of bedrijven."
                        ),
                    },
                ],
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Ondermijning is georganiseerde misdaad om geld, die de gewone wereld "
                        "en de overheid gebruikt."
                    ),
                    (
                        "De raad stelt kaders en controleert de uitvoering. De uitvoering zelf "
                        "ligt bij het college en de organisatie."
                    ),
                    (
                        "De raad stelde het IVP 2023-2026 vast. In de APV kan de gemeente een "
                        "vergunning weigeren bij 'slecht levensgedrag' van de aanvrager."
                    ),
                    (
                        "De raad vraagt weinig naar ondermijning. Wie goed wil controleren, "
                        "moet goed geïnformeerd zijn."
                    ),
                ],
            },
        ),
    ],
}


# Module 1, les 2: het beleid van Dordrecht in het kort
_BELEID_IN_HET_KORT: dict = {
    "title": "Het beleid van Dordrecht in het kort",
    "slug": "beleid-van-dordrecht-in-het-kort",
    "summary": (
        "Je krijgt een overzicht van het Integraal Veiligheidsplan, de drie pijlers en de "
        "thema's van de aanpak. En je leest hoeveel geld de raad ervoor beschikbaar stelde."
    ),
    "estimated_minutes": 8,
    "body": [
        (
            "text",
            (
                "<h2>Het Integraal Veiligheidsplan</h2>"
                "<p>Het IVP 2023-2026 beschrijft hoe Dordrecht naar veiligheid kijkt. Het is "
                "dus breder dan ondermijning alleen. Voor ondermijning noemt het plan onder "
                "meer deze doelen:</p>"
                "<ul>"
                "<li>doorgaan met de gezamenlijke aanpak van drugshandel;</li>"
                "<li>een eerlijker klimaat voor ondernemers, vooral op bedrijventerreinen, in "
                "havengebieden, op het vakantiepark en in de binnenstad;</li>"
                "<li>inwoners en ondernemers bewuster en weerbaarder maken;</li>"
                "<li>minder mensenhandel, en mogelijke slachtoffers weerbaarder maken;</li>"
                "<li>een veiligere seksbranche.</li>"
                "</ul>"
                "<p>Het college werkte de aanpak verder uit in uitvoeringsplannen. Eerst in een "
                "plan voor 2023-2024, daarna in een plan tegen georganiseerde criminaliteit "
                "voor 2025-2026.</p>"
                "<h2>Drie pijlers</h2>"
                "<p>De aanpak rust op drie pijlers:</p>"
                "<ol>"
                "<li><b>Ondermijning aanpakken.</b> Bijvoorbeeld met controles, het sluiten "
                "van panden en het afpakken van crimineel geld.</li>"
                "<li><b>Een weerbare overheid.</b> De gemeente zorgt dat zij zelf niet wordt "
                "misbruikt, bijvoorbeeld bij vergunningen en subsidies. Het bestuur, en dus "
                "ook de raad, hoort daar ook bij.</li>"
                "<li><b>Een weerbare samenleving.</b> Inwoners en ondernemers herkennen "
                "signalen en melden ze.</li>"
                "</ol>"
                "<h2>De thema's voor 2025 en 2026</h2>"
                "<p>Het plan voor 2025-2026 kiest vijf thema's:</p>"
                "<ul>"
                "<li>drugs;</li>"
                "<li>mensenhandel;</li>"
                "<li>kwetsbare bedrijven en plekken, zoals bedrijventerreinen, plekken aan het "
                "water en de binnenstad;</li>"
                "<li>fraude;</li>"
                "<li>excessief geweld, zoals aanslagen met explosieven.</li>"
                "</ul>"
                "<p>Dordrecht ligt dicht bij Rotterdam, Noord-Brabant en België, en aan de "
                "A16. Die ligging kan een risico zijn. Eén medewerker vertelde de Rekenkamer "
                "Dordrecht (2025) over een 'waterbedeffect'. Die medewerker heeft het gevoel dat "
                "criminelen uit Rotterdam en Antwerpen naar Dordrecht komen. Die steden zijn heel "
                "actief tegen ondermijning.</p>"
                "<p>Andere medewerkers herkennen dat beeld. Maar het is een indruk van "
                "medewerkers. Niemand heeft gemeten of het echt zo is.</p>"
            ),
        ),
        (
            "text",
            (
                "<h2>Het geld</h2>"
                "<p>Volgens de Rekenkamer Dordrecht (2025) stelde de raad voor het hele IVP "
                "<b>1,5 miljoen euro</b> beschikbaar, voor vier jaar samen. Ook de aanpak van "
                "ondermijning moet daaruit worden betaald. Voor ondermijning was er "
                "<b>185.000 euro per jaar</b>. Dat bedrag geldt ook voor 2025 en 2026.</p>"
                "<p>Let op: dit geld is <b>incidenteel</b>. Het is er voor een vaste periode en "
                "stopt daarna, tenzij er een nieuw besluit komt. De salarissen van de vaste "
                "medewerkers, zoals het kernteam ondermijning, vallen er niet onder. Die "
                "betaalt de gemeente uit de gewone begroting.</p>"
                "<h2>Zorgen over 2026</h2>"
                "<p>Vanaf 2026 krijgen gemeenten minder geld van het Rijk, omdat het Rijk "
                "bezuinigt op het gemeentefonds. Dat jaar heet ook wel het 'ravijnjaar'. Veel "
                "gemeenten moeten dan bezuinigen.</p>"
                "<p>Binnen de gemeente is de zorg dat het geld voor de aanpak van ondermijning "
                "daarna wegvalt of veel kleiner wordt. Dan moeten goede projecten misschien te "
                "vroeg stoppen. De Rekenkamer raadt daarom aan om een structureel budget te "
                "overwegen. Daarover beslist de raad.</p>"
            ),
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Het IVP 2023-2026 is het brede veiligheidsplan van de stad. De aanpak "
                        "van ondermijning staat uitgewerkt in uitvoeringsplannen."
                    ),
                    (
                        "De aanpak heeft drie pijlers: ondermijning aanpakken, een weerbare "
                        "overheid en een weerbare samenleving."
                    ),
                    (
                        "De thema's voor 2025-2026 zijn drugs, mensenhandel, kwetsbare "
                        "bedrijven en plekken, fraude en excessief geweld."
                    ),
                    (
                        "Het geld is incidenteel, met 185.000 euro per jaar voor ondermijning "
                        "(Rekenkamer Dordrecht, 2025). Na 2026 is onzeker of het blijft."
                    ),
                ],
            },
        ),
    ],
}


_MODULE_DE_RAAD_EN_ONDERMIJNING: dict = {
    "title": "De raad en ondermijning",
    "slug": "de-raad-en-ondermijning",
    "intro": (
        "<p>Ondermijning lijkt soms iets voor politie en justitie. Maar de raad bepaalt mee hoe "
        "Dordrecht ermee omgaat: de raad stelt kaders en controleert het college. In deze "
        "module lees je wat jouw rol als raadslid is en wat het beleid van de stad in grote "
        "lijnen inhoudt.</p>"
    ),
    "learning_goals": (
        "Je weet wat ondermijning is en waarom het ook de raad aangaat.\n"
        "Je kent de twee rollen van de raad bij ondermijning: kaders stellen en controleren.\n"
        "Je kent de hoofdlijnen van het Integraal Veiligheidsplan 2023-2026 en de drie "
        "pijlers.\n"
        "Je weet hoeveel geld er voor de aanpak is en waarom er zorgen zijn over 2026."
    ),
    "estimated_minutes": 16,
    "lessons": [_ROL_VAN_DE_RAAD, _BELEID_IN_HET_KORT],
}


# ---------------------------------------------------------------------------------------------
# Module 2: Waarom raadsleden interessant zijn voor criminelen
# ---------------------------------------------------------------------------------------------

# Module 2, les 1: wat criminelen van een raadslid willen
_WAT_CRIMINELEN_WILLEN: dict = {
    "title": "Wat criminelen van een raadslid willen",
    "slug": "wat-criminelen-van-een-raadslid-willen",
    "summary": (
        "Je leert waarom criminelen belangstelling kunnen hebben voor een raadslid: vanwege "
        "besluiten, vertrouwelijke informatie en het idee dat een raadslid dingen kan regelen."
    ),
    "estimated_minutes": 8,
    "body": [
        (
            "text",
            (
                "<h2>Ook de raad is een doelwit</h2>"
                "<p>Criminelen hebben de gemeente nodig. Ze willen een vergunning, een pand, "
                "een stuk grond of een subsidie. Of ze willen juist dat de gemeente hen met "
                "rust laat. Wie invloed heeft op wat de gemeente doet, is dus interessant voor "
                "hen. Dat geldt ook voor jou als raadslid.</p>"
                "<p>In het onderzoek van de Rekenkamer Dordrecht (2025) waren raadsleden het "
                "hier niet over eens. Een deel denkt dat raadsleden interessant zijn voor "
                "criminelen. Een ander deel twijfelt daaraan. Juist die twijfel kan je "
                "kwetsbaar maken. Wie denkt dat het hem niet overkomt, let minder goed op.</p>"
                "<h2>Drie redenen</h2>"
                "<h3>1. Je beslist mee</h3>"
                "<p>De raad stelt regels en beleid vast. Denk aan de APV, het omgevingsplan "
                "(waarin staat wat waar mag), het horecabeleid en het beleid voor grond en "
                "vastgoed. Een kleine wijziging in een regel kan voor een crimineel veel geld "
                "waard zijn. Ook een motie of een vraag in de commissie kan een besluit een "
                "bepaalde kant op duwen.</p>"
                "<h3>2. Je weet dingen voordat anderen ze weten</h3>"
                "<p>Raadsleden krijgen soms stukken die (nog) geheim zijn. Bijvoorbeeld over "
                "plannen voor een gebied, de aankoop van een pand of de aanpak van een "
                "probleem. Zulke informatie is het meest waard zolang ze nog niet openbaar is. "
                "Wie vooraf weet waar de gemeente gaat bouwen of handhaven, kan daar zijn "
                "voordeel mee doen.</p>"
                "<h3>3. Criminelen denken dat je dingen kunt regelen</h3>"
                "<p>Een raadslid vertelde de Rekenkamer dat criminelen soms denken dat een "
                "raadslid makkelijk iets voor hen kan regelen. Dat klopt meestal niet: een "
                "raadslid geeft zelf geen vergunningen. Dat doen de burgemeester en het "
                "college. Maar het idee alleen is al genoeg om benaderd te worden. En een "
                "raadslid kent de weg in het stadhuis en de mensen die er werken.</p>"
            ),
        ),
        (
            "signal",
            {
                "title": "Iemand weet opvallend veel over een vertrouwelijk onderwerp",
                "what_you_see": (
                    "Iemand die je nauwelijks kent, begint over een onderwerp dat in een "
                    "besloten vergadering is besproken. Hij doet alsof hij het al weet en wil "
                    "dat jij het bevestigt."
                ),
                "why_it_matters": (
                    "Doen alsof je iets al weet, is een bekende manier om informatie los te "
                    "krijgen. Soms is een knikje al genoeg. Ook een reactie als 'Hoe weet jij "
                    "dat?' zegt al veel."
                ),
                "what_to_do": (
                    "Reageer altijd op dezelfde manier: over wat niet openbaar is, praat je "
                    "niet. Schrijf daarna op wie het was en wat hij zei, en bespreek het met de "
                    "griffier."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Een nieuwe kennis die steeds dichterbij komt",
                "what_you_see": (
                    "Een ondernemer die je op een bijeenkomst leerde kennen, zoekt je steeds "
                    "vaker op. Hij is vriendelijk, helpt je met kleine dingen en vraagt "
                    "langzaam steeds meer over je werk in de raad."
                ),
                "why_it_matters": (
                    "Zo begint beïnvloeding vaak: eerst een goede band, dan een kleine gunst "
                    "en later een vraag die je moeilijk kunt weigeren."
                ),
                "what_to_do": (
                    "Houd afstand bij alles wat met de raad te maken heeft. Ga na of hij "
                    "belang heeft bij een besluit. Bespreek je twijfel met je fractievoorzitter "
                    "of de griffier."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Hulp bij je campagne die geheim moet blijven",
                "what_you_see": (
                    "Iemand biedt jou of je partij geld, gratis drukwerk of een zaal aan voor "
                    "de verkiezingen. Hij wil niet dat bekend wordt dat de hulp van hem komt."
                ),
                "why_it_matters": (
                    "Hulp die geheim moet blijven, maakt je afhankelijk. Later kan de gever "
                    "iets terugvragen, en dan is het moeilijk om nee te zeggen."
                ),
                "what_to_do": (
                    "Neem niets aan buiten de regels van je partij om. Meld het aanbod bij het "
                    "partijbestuur en bespreek het met de griffier."
                ),
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Raadsleden zijn interessant voor criminelen, omdat ze meebeslissen "
                        "over regels, grond en beleid."
                    ),
                    "Vertrouwelijke informatie is vooral waardevol zolang ze niet openbaar is.",
                    (
                        "Ook als je niets kunt regelen, kan een crimineel denken dat je het wel "
                        "kunt. Dat alleen maakt je al een doelwit."
                    ),
                    "Wie denkt dat het hem niet overkomt, let minder goed op.",
                ],
            },
        ),
    ],
}


# Module 2, les 2: een lek, screening en bewustzijn
_LEK_EN_SCREENING: dict = {
    "title": "Een lek, screening en bewustzijn",
    "slug": "een-lek-screening-en-bewustzijn",
    "summary": (
        "Je leest wat er in 2023 in Dordrecht gebeurde, waarom geheimhouding ertoe doet en hoe "
        "partijen hun kandidaten kunnen screenen."
    ),
    "estimated_minutes": 8,
    "body": [
        (
            "text",
            (
                "<h2>Een lek in 2023</h2>"
                "<p>Volgens de Rekenkamer Dordrecht (2025) zijn in 2023 vertrouwelijke "
                "documenten van de raad gelekt. Het raadslid om wie het ging, is daarna gestopt "
                "als raadslid. Meer zegt de Rekenkamer er niet over. Er staat dus niet in dat "
                "criminelen erbij betrokken waren.</p>"
                "<p>Het lek laat wel zien hoe snel vertrouwelijke informatie buiten de raad kan "
                "belanden. En dat het grote gevolgen heeft: voor het raadslid, voor de partij en "
                "voor het vertrouwen in de raad.</p>"
                "<h2>Waarom geheimhouding ertoe doet</h2>"
                "<p>Soms krijgt een stuk geheimhouding. Dat gebeurt bijvoorbeeld bij "
                "onderhandelingen over grond, bij de veiligheid van personen of bij "
                "handhaving die nog loopt. De geheimhouding blijft gelden tot ze wordt "
                "opgeheven. Een geheim stuk doorgeven is strafbaar.</p>"
                "<p>Voor een crimineel kan een geheim stuk veel waard zijn. Hij kan zijn "
                "spullen op tijd weghalen, een pand kopen voordat de prijs stijgt, of te weten "
                "komen wie hem in de gaten houdt. Bewaar geheime stukken dus goed, ook thuis "
                "en op je telefoon. Praat er niet over met mensen die ze niet mogen zien. Dus "
                "niet met je partner en niet met vrienden. En ook niet met partijgenoten die het "
                "stuk niet hebben gekregen.</p>"
                "<h2>Screening is een taak van de partij</h2>"
                "<p>Burgemeesters en wethouders worden benoemd. Raadsleden worden gekozen door "
                "de kiezers. Daarom ligt het screenen van raadsleden bij de politieke partijen "
                "zelf. Volgens de Rekenkamer Dordrecht (2025) kan een partij bijvoorbeeld:</p>"
                "<ul>"
                "<li>kandidaten vragen om een Verklaring Omtrent het Gedrag (VOG);</li>"
                "<li>met kandidaten een gesprek voeren over integriteit, en dat later nog eens "
                "herhalen;</li>"
                "<li>een gespecialiseerd bureau een integriteitsscreening laten doen.</li>"
                "</ul>"
                "<p>De Rekenkamer sprak niet met de partijbesturen. Hoe vaak partijen in "
                "Dordrecht hun kandidaten screenen, is dus niet bekend.</p>"
                "<h2>Bewustzijn begint bij jezelf</h2>"
                "<p>Aan het begin van deze raadsperiode sprak de raad over integriteit en "
                "weerbaarheid, en in 2024 nog eens in een raadssessie. Toch ziet de Rekenkamer "
                "dat raadsleden nog weinig beseffen dat zij zelf het doelwit van beïnvloeding "
                "kunnen zijn. Een deel van de raadsleden zegt dat informatie of training zou "
                "helpen. Deze leerroute is daarvoor bedoeld.</p>"
            ),
        ),
        (
            "dilemma",
            {
                "title": "De kandidatenlijst",
                "situation": (
                    "Je partij stelt de lijst op voor de volgende verkiezingen. Een nieuwe "
                    "kandidaat is populair in zijn wijk en heeft een eigen bedrijf. In het "
                    "bestuur zegt iemand: 'We kennen hem toch? Screenen is gedoe en kost "
                    "tijd.'"
                ),
                "question": "Wat stel je voor?",
                "choices": [
                    {
                        "choice": (
                            "Ik ga akkoord. Hij heeft een goede naam in de wijk, dat zegt genoeg."
                        ),
                        "explanation": (
                            "Niet verstandig. Een goede naam zegt weinig over risico's. Als er "
                            "later iets naar boven komt, raakt dat de kandidaat, de partij en "
                            "de raad."
                        ),
                    },
                    {
                        "choice": (
                            "Ik stel voor om elke kandidaat op dezelfde manier te screenen, "
                            "bijvoorbeeld met een VOG en een gesprek over integriteit."
                        ),
                        "explanation": (
                            "Goed. Als iedereen dezelfde screening krijgt, voelt niemand zich "
                            "verdacht. Een gesprek helpt kandidaten ook om zelf hun risico's te "
                            "zien, zoals zakelijke belangen."
                        ),
                    },
                    {
                        "choice": (
                            "Ik stel voor om alleen deze kandidaat te screenen, omdat hij een "
                            "eigen bedrijf heeft."
                        ),
                        "explanation": (
                            "Liever niet. Zo behandel je één persoon als verdachte. Een vaste "
                            "screening voor alle kandidaten is eerlijker en werkt beter."
                        ),
                    },
                ],
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "In 2023 lekten vertrouwelijke documenten en stopte het betrokken "
                        "raadslid. Geheime stukken kunnen dus echt naar buiten komen."
                    ),
                    (
                        "Een geheim stuk doorgeven is strafbaar. Bespreek het met niemand die "
                        "het niet mag zien, ook niet thuis."
                    ),
                    (
                        "Screening van kandidaten is een taak van de partij, bijvoorbeeld met "
                        "een VOG, een gesprek over integriteit of een screeningsbureau."
                    ),
                    "Weerbaarheid begint met bewustzijn: ook jij kunt een doelwit zijn.",
                ],
            },
        ),
    ],
}


_MODULE_WAAROM_RAADSLEDEN: dict = {
    "title": "Waarom raadsleden interessant zijn voor criminelen",
    "slug": "waarom-raadsleden-interessant-zijn-voor-criminelen",
    "intro": (
        "<p>Criminelen zoeken mensen die iets voor hen kunnen betekenen. Als raadslid beslis je "
        "mee en weet je soms dingen voordat ze openbaar zijn. In deze module lees je waarom "
        "dat je interessant maakt, wat er in 2023 in Dordrecht gebeurde en hoe partijen hun "
        "kandidaten kunnen screenen.</p>"
    ),
    "learning_goals": (
        "Je weet waarom criminelen belangstelling kunnen hebben voor een raadslid.\n"
        "Je herkent signalen dat iemand informatie of invloed bij jou zoekt.\n"
        "Je weet waarom geheimhouding belangrijk is en wat een lek kan betekenen.\n"
        "Je weet dat het screenen van kandidaten een taak van de partijen is en hoe dat kan."
    ),
    "estimated_minutes": 16,
    "lessons": [_WAT_CRIMINELEN_WILLEN, _LEK_EN_SCREENING],
}


# ---------------------------------------------------------------------------------------------
# Module 3: Hoe beïnvloeding begint en wat je doet
# ---------------------------------------------------------------------------------------------

# Module 3, les 1: stap voor stap, uitnodigingen en cadeaus
_UITNODIGINGEN_EN_CADEAUS: dict = {
    "title": "Stap voor stap: uitnodigingen en cadeaus",
    "slug": "stap-voor-stap-uitnodigingen-en-cadeaus",
    "summary": (
        "Je leert hoe beïnvloeding meestal langzaam begint, waarom iedereen er gevoelig voor is "
        "en hoe je omgaat met een uitnodiging of een cadeau."
    ),
    "estimated_minutes": 9,
    "body": [
        (
            "text",
            (
                "<h2>Het begint klein</h2>"
                "<p>Beïnvloeding begint bijna nooit met een bedreiging of een envelop met geld. "
                "Het begint met aandacht. Iemand is vriendelijk, heeft belangstelling voor je "
                "werk en biedt hulp aan. Pas later komt de vraag waar het hem om ging.</p>"
                "<p>Vaak gaat het zo:</p>"
                "<ol>"
                "<li><b>Contact.</b> Een praatje op een bijeenkomst, een berichtje op sociale "
                "media, een compliment over je inzet.</li>"
                "<li><b>Een band.</b> Een etentje, kaarten voor een wedstrijd, hulp bij een "
                "klus of bij je campagne.</li>"
                "<li><b>Een kleine vraag.</b> 'Weet jij wanneer dat punt op de agenda komt?' "
                "Of: 'Kun je eens vragen hoe het met mijn aanvraag staat?'</li>"
                "<li><b>Een grotere vraag.</b> Informatie uit een besloten vergadering. Of een "
                "stem, een motie of een vraag in de commissie.</li>"
                "<li><b>Druk.</b> 'Ik heb toch ook veel voor jou gedaan?' Of een dreiging, "
                "tegen jou of tegen je familie.</li>"
                "</ol>"
                "<p>Elke stap lijkt klein. Daardoor merk je soms pas laat dat je over een grens "
                "bent gegaan. En hoe verder je bent, hoe moeilijker het wordt om nee te "
                "zeggen.</p>"
                "<h2>Iedereen is gevoelig</h2>"
                "<p>Een raadslid zei tegen de Rekenkamer Dordrecht (2025) ongeveer dit. Je kunt "
                "denken dat je weerbaar bent. Maar als iemand je heel geleidelijk bewerkt, kan "
                "het iedereen overkomen. Dat is geen zwakte. Als volksvertegenwoordiger wil je "
                "toegankelijk zijn en mensen helpen. Juist die openheid kan iemand "
                "misbruiken.</p>"
                "<p>Deze vragen helpen je om scherp te blijven:</p>"
                "<ul>"
                "<li>Heeft deze persoon belang bij een besluit van de raad of het college?</li>"
                "<li>Krijg ik dit omdat ik raadslid ben?</li>"
                "<li>Zou ik dit ook aannemen als het morgen in de krant stond?</li>"
                "<li>Voel ik me na afloop verplicht om iets terug te doen?</li>"
                "</ul>"
                "<p>Kijk ook wat de gedragscode van de raad zegt over geschenken en "
                "uitnodigingen. Twijfel je? Vraag het de griffier, voordat je iets "
                "aanneemt.</p>"
            ),
        ),
        (
            "dilemma",
            {
                "title": "Een diner met een ondernemer",
                "situation": (
                    "Een ondernemer nodigt je uit voor een diner in zijn nieuwe restaurant, "
                    "samen met een paar andere gasten. Hij wil 'gewoon kennismaken'. Je weet "
                    "dat hij bij de gemeente een vergunning heeft aangevraagd voor een terras "
                    "en langere openingstijden. Binnenkort praat de commissie over het "
                    "horecabeleid."
                ),
                "question": "Wat doe je met de uitnodiging?",
                "choices": [
                    {
                        "choice": "Ik ga. Ik beslis toch niet zelf over zijn vergunning.",
                        "explanation": (
                            "Niet verstandig. Je beslist inderdaad niet over de vergunning, "
                            "maar je praat wel mee over het horecabeleid. Voor anderen lijkt "
                            "het alsof je een band hebt met iemand die iets van de gemeente "
                            "wil. En zo'n diner kan de eerste stap zijn naar een gunst."
                        ),
                    },
                    {
                        "choice": ("Ik ga, maar ik betaal mijn eigen rekening."),
                        "explanation": (
                            "Beter dan gratis eten, maar het blijft een risico. De ondernemer "
                            "krijgt toch de persoonlijke band die hij zocht, en anderen zien "
                            "jou aan zijn tafel. Twijfel je? Bespreek het dan vooraf met de "
                            "griffier."
                        ),
                    },
                    {
                        "choice": (
                            "Ik bedank vriendelijk. Ik zeg dat ik hem graag spreek op een "
                            "open moment, zoals een werkbezoek of het spreekrecht in de "
                            "commissie."
                        ),
                        "explanation": (
                            "Goed. Je blijft bereikbaar voor ondernemers, maar op een open "
                            "manier. Zo kan niemand later zeggen dat je hem iets verschuldigd "
                            "bent."
                        ),
                    },
                    {
                        "choice": (
                            "Ik bedank vriendelijk, schrijf op wie mij uitnodigde, wanneer en "
                            "waarom, en vertel het aan de griffier."
                        ),
                        "explanation": (
                            "Heel goed. Je zegt nee en je legt het vast. Blijft de ondernemer "
                            "aandringen, dan kun je laten zien wat er is gebeurd. En de "
                            "griffier kan meedenken als er meer komt."
                        ),
                    },
                ],
            },
        ),
        (
            "dilemma",
            {
                "title": "Een cadeau na de stemming",
                "situation": (
                    "De raad heeft gestemd over de herinrichting van een bedrijventerrein. Een "
                    "paar dagen later staat er bij jou thuis een mand met dure wijn en een "
                    "cadeaubon voor de deur. Op het kaartje staat de naam van een "
                    "vastgoedbedrijf met panden op dat terrein: 'Dank voor uw steun.'"
                ),
                "question": "Wat doe je met het cadeau?",
                "choices": [
                    {
                        "choice": (
                            "Ik houd het. De stemming is al geweest, dus het kan mijn besluit "
                            "niet meer beïnvloeden."
                        ),
                        "explanation": (
                            "Niet verstandig. Het cadeau kan bedoeld zijn voor een volgend "
                            "besluit. En wie iets aanneemt, voelt zich vaak toch verplicht om "
                            "later iets terug te doen."
                        ),
                    },
                    {
                        "choice": (
                            "Ik meld het bij de griffier en vraag wat de gedragscode zegt. "
                            "Daarna stuur ik het terug met een korte, vriendelijke brief."
                        ),
                        "explanation": (
                            "Goed. Zo is voor iedereen duidelijk dat je je niet laat bedanken "
                            "voor een besluit. Omdat je het meldt, staat het vast. Dat "
                            "beschermt jou als er later vragen komen. Let ook op: het bedrijf "
                            "weet waar je woont. Ook dat is goed om te bespreken."
                        ),
                    },
                    {
                        "choice": "Ik deel de wijn uit op de volgende fractievergadering.",
                        "explanation": (
                            "Niet goed. Zo maak je de hele fractie deel van het cadeau. En het "
                            "bedrijf denkt nog steeds dat je het hebt aangenomen."
                        ),
                    },
                    {
                        "choice": "Ik houd de wijn, maar ik stuur de cadeaubon terug.",
                        "explanation": (
                            "Niet genoeg. Een deel van een cadeau houden is ook een cadeau "
                            "aannemen. De gever ziet dat je niet helemaal nee zegt."
                        ),
                    },
                ],
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Beïnvloeding begint meestal klein: aandacht, een etentje, een kleine "
                        "gunst. Pas later komt de echte vraag."
                    ),
                    (
                        "Iedereen is er gevoelig voor. Dat is geen zwakte, maar een reden om "
                        "alert te blijven."
                    ),
                    (
                        "Vraag je af of de gever belang heeft bij een besluit, en of je het ook "
                        "zou aannemen als het in de krant stond."
                    ),
                    (
                        "Wijs uitnodigingen en cadeaus van mensen met een belang af, schrijf "
                        "het op en bespreek het met de griffier."
                    ),
                ],
            },
        ),
    ],
}


# Module 3, les 2: vragen om informatie, druk en dreiging
_INFORMATIE_DRUK_EN_DREIGING: dict = {
    "title": "Vragen om informatie, druk en dreiging",
    "slug": "vragen-om-informatie-druk-en-dreiging",
    "summary": (
        "Je oefent met twee lastige situaties: iemand vraagt naar een vertrouwelijk stuk en "
        "iemand bedreigt je. Je leert wat je dan wel en niet doet."
    ),
    "estimated_minutes": 8,
    "body": [
        (
            "text",
            (
                "<h2>Als iemand informatie wil</h2>"
                "<p>Een vraag naar informatie klinkt vaak onschuldig. 'Komt dat punt nog voor "
                "de zomer op de agenda?' 'Hoe denkt jouw fractie erover?' Over openbare zaken "
                "mag je natuurlijk praten. Dat hoort bij je werk als volksvertegenwoordiger.</p>"
                "<p>Het verschil zit in informatie die niet openbaar is. Denk aan geheime "
                "stukken, wat er in een besloten vergadering is gezegd en plannen die nog niet "
                "bekend zijn. "
                "Daarvoor geldt een simpele regel: wat niet openbaar is, deel je met niemand. "
                "Ook niet een klein beetje, en ook niet als iemand zegt dat hij het al "
                "weet.</p>"
                "<h2>Als iemand druk zet</h2>"
                "<p>Druk kan zacht beginnen, bijvoorbeeld met: 'Ik heb toch ook veel voor jou "
                "gedaan?' Maar druk kan ook hard zijn. Denk aan een dreigend bericht, iemand die "
                "bij je huis staat of een opmerking over je kinderen. Dan geldt:</p>"
                "<ul>"
                "<li><b>Je staat er niet alleen voor.</b> Vertel het meteen aan de burgemeester "
                "of de griffier, en aan je fractievoorzitter.</li>"
                "<li><b>Een bedreiging meld je bij de politie.</b> Doe aangifte. Is er direct "
                "gevaar? Bel dan het alarmnummer.</li>"
                "<li><b>Ga niet in op de eis.</b> Wie één keer toegeeft, krijgt vaak een nieuwe "
                "eis.</li>"
                "<li><b>Bewaar alles.</b> Berichten, brieven, namen en tijden. Verwijder "
                "niets.</li>"
                "</ul>"
            ),
        ),
        (
            "dilemma",
            {
                "title": "Een vraag over een besloten stuk",
                "situation": (
                    "Een kennis van je is makelaar. Op een verjaardag neemt hij je even apart. "
                    "Hij vraagt of het klopt dat de gemeente een pand aan de haven wil kopen. "
                    "'Dat is toch al bekend,' zegt hij. Jij weet dat dit vorige week in een "
                    "besloten vergadering is besproken. Het stuk is geheim."
                ),
                "question": "Hoe reageer je?",
                "choices": [
                    {
                        "choice": (
                            "Ik zeg: 'Als je het toch al weet, dan kan ik het wel bevestigen.'"
                        ),
                        "explanation": (
                            "Niet doen. Ook een bevestiging is informatie. Dat iemand zegt dat "
                            "het al bekend is, betekent niet dat het openbaar is. Zo lek je "
                            "alsnog."
                        ),
                    },
                    {
                        "choice": (
                            "Ik zeg dat het niet klopt, zodat hij er niet verder naar vraagt."
                        ),
                        "explanation": (
                            "Niet verstandig. Je hoeft niet te liegen, en ook een ontkenning "
                            "is een antwoord dat hij kan gebruiken. Zeg gewoon dat je over "
                            "niet-openbare zaken niet praat."
                        ),
                    },
                    {
                        "choice": (
                            "Ik zeg rustig dat ik nooit praat over wat niet openbaar is en begin "
                            "over iets anders. Later schrijf ik zijn vraag op en bespreek ik "
                            "die met de griffier."
                        ),
                        "explanation": (
                            "Goed. Je geeft niets weg en je reageert zoals je altijd zou doen. "
                            "Vastleggen en bespreken is verstandig: als hij het echt al van "
                            "iemand weet, is er misschien ergens een lek."
                        ),
                    },
                    {
                        "choice": (
                            "Ik zeg dat ik er niets over kan zeggen, maar ik knipoog erbij."
                        ),
                        "explanation": (
                            "Niet doen. Met een knipoog of een veelzeggende blik geef je het "
                            "antwoord toch. Dan heb je wel informatie gedeeld."
                        ),
                    },
                ],
            },
        ),
        (
            "dilemma",
            {
                "title": "Een bericht na het debat",
                "situation": (
                    "De raad heeft gesproken over strengere regels voor opslagboxen en "
                    "bedrijfsverzamelgebouwen. Jij hebt daar in het debat hard voor gepleit. "
                    "Twee dagen later krijg je via sociale media een bericht van een onbekend "
                    "account: 'Mooi huis heb je. Zonde als daar iets mee gebeurt. Denk na "
                    "voordat je weer je mond opendoet.'"
                ),
                "question": "Wat doe je?",
                "choices": [
                    {
                        "choice": (
                            "Ik reageer niet en verwijder het bericht. Het is vast iemand die "
                            "boos is en het niet meent."
                        ),
                        "explanation": (
                            "Niet verstandig. Je weet niet of het serieus is. En als je het "
                            "bericht verwijdert, ben je het bewijs kwijt. Een bedreiging neem "
                            "je altijd serieus."
                        ),
                    },
                    {
                        "choice": (
                            "Ik stuur een fel bericht terug dat ik me niet bang laat maken."
                        ),
                        "explanation": (
                            "Niet doen. Zo ga je de strijd aan met iemand die je niet kent. "
                            "Dat kan de situatie erger maken. Laat het contact over aan de "
                            "politie."
                        ),
                    },
                    {
                        "choice": (
                            "Ik maak schermafbeeldingen, doe aangifte bij de politie en vertel "
                            "het meteen aan de burgemeester en de griffier."
                        ),
                        "explanation": (
                            "Goed. Een bedreiging is strafbaar, en de politie kan beoordelen "
                            "hoe ernstig het is. De burgemeester gaat over de openbare orde en "
                            "moet de integriteit van het bestuur bevorderen. Samen kijken zij "
                            "wat nodig is voor jouw veiligheid."
                        ),
                    },
                    {
                        "choice": (
                            "Ik zeg voortaan niets meer over dit onderwerp in de commissie."
                        ),
                        "explanation": (
                            "Begrijpelijk, maar dan werkt de dreiging precies zoals de "
                            "afzender wil. Zoek steun, zodat je je werk veilig kunt blijven "
                            "doen."
                        ),
                    },
                ],
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Wat niet openbaar is, deel je met niemand. Ook niet met een "
                        "bevestiging, een knipoog of een ontkenning."
                    ),
                    (
                        "Zegt iemand dat hij het al weet? Dat is een reden om extra voorzichtig "
                        "te zijn, niet om het te bevestigen."
                    ),
                    "Geef nooit toe aan druk. Wie één keer toegeeft, krijgt vaak een nieuwe eis.",
                    (
                        "Een bedreiging meld je bij de politie. Vertel het ook meteen aan de "
                        "burgemeester en de griffier."
                    ),
                ],
            },
        ),
    ],
}


# Module 3, les 3: wat je doet als iemand je probeert te beïnvloeden
_WAT_JE_DOET: dict = {
    "title": "Wat je doet als iemand je probeert te beïnvloeden",
    "slug": "wat-je-doet-als-iemand-je-probeert-te-beinvloeden",
    "summary": (
        "Je leest bij wie je terechtkunt en waarom je aantekeningen maakt. Ook lees je hoe je "
        "jezelf en je gezin beschermt en hoe je signalen in de stad doorgeeft."
    ),
    "estimated_minutes": 7,
    "body": [
        (
            "text",
            (
                "<h2>Praat erover, en op tijd</h2>"
                "<p>Het belangrijkste advies is simpel: blijf er niet alleen mee zitten. Hoe "
                "eerder je erover praat, hoe makkelijker je een grens trekt. Je hoeft niet "
                "zeker te weten dat er iets mis is.</p>"
                "<ul>"
                "<li><b>De burgemeester.</b> Volgens de Gemeentewet moet de burgemeester de "
                "bestuurlijke integriteit van de gemeente bevorderen. Dat geldt ook voor de "
                "raad. De burgemeester gaat ook over de openbare orde en werkt samen met de "
                "politie.</li>"
                "<li><b>De griffier.</b> De griffier ondersteunt de raad, kent de gedragscode "
                "en kan met je meedenken.</li>"
                "<li><b>Je fractievoorzitter of partijbestuur.</b> Zij kunnen je steunen. En ze "
                "kunnen opletten of anderen in de fractie ook worden benaderd.</li>"
                "<li><b>De politie.</b> Bij een bedreiging, afpersing of een poging tot "
                "omkoping doe je aangifte.</li>"
                "</ul>"
                "<h2>Schrijf het op</h2>"
                "<p>Maak aantekeningen zodra iets je vreemd voorkomt. Noteer de datum en de "
                "tijd, wie het was, wat er werd gevraagd of aangeboden en wat jij antwoordde. "
                "Bewaar berichten en brieven. Zulke aantekeningen helpen de burgemeester, de "
                "griffier of de politie. En ze beschermen jou: je kunt laten zien dat je open "
                "en eerlijk hebt gehandeld.</p>"
                "<h2>Bescherm jezelf en je gezin</h2>"
                "<ul>"
                "<li>Kijk kritisch naar je sociale media. Zijn je adres, de school van je "
                "kinderen of je vaste sporttijden te vinden? Scherm privéaccounts af en deel "
                "je locatie niet live.</li>"
                "<li>Praat met je gezin. Spreek af dat zij niets over je raadswerk zeggen "
                "tegen onbekenden. En dat ze het jou meteen vertellen als iemand vreemd "
                "contact zoekt.</li>"
                "<li>Vraag de griffier welke mogelijkheden er zijn om je adres af te "
                "schermen.</li>"
                "</ul>"
                "<h2>Signalen in de stad</h2>"
                "<p>Als raadslid kom je veel in de stad. Je spreekt inwoners en ondernemers en "
                "je bezoekt wijken en bedrijven. Zo kun je signalen van ondermijning opvangen. "
                "Bijvoorbeeld een bedrijf dat bijna nooit klanten heeft maar toch blijft "
                "bestaan. Of inwoners die vertellen over een sterke anijslucht. Ga niet zelf "
                "op onderzoek uit en beloof niemand iets. Geef het signaal door, zodat de "
                "mensen die er verstand van hebben ernaar kunnen kijken.</p>"
            ),
        ),
        (
            "report_it",
            {
                "heading": "Meld het",
                "intro": (
                    "Zie je een signaal van ondermijning in de stad? Meld het via een van "
                    "deze routes. Probeert iemand jou te beïnvloeden? Praat dan ook met de "
                    "burgemeester of de griffier. Word je bedreigd? Doe aangifte bij de "
                    "politie, en bel bij direct gevaar het alarmnummer."
                ),
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Blijf er niet alleen mee zitten. Praat met de burgemeester, de "
                        "griffier of je fractievoorzitter."
                    ),
                    (
                        "De burgemeester moet de integriteit van het bestuur bevorderen, ook "
                        "die van de raad."
                    ),
                    (
                        "Schrijf op wat er gebeurde: wanneer, wie, wat er werd gevraagd en wat "
                        "jij zei. Bewaar berichten."
                    ),
                    (
                        "Scherm je privégegevens online af en spreek met je gezin af wat ze "
                        "doen bij vreemd contact."
                    ),
                    "Signalen in de stad geef je door. Je gaat niet zelf op onderzoek uit.",
                ],
            },
        ),
    ],
}


_MODULE_HOE_BEINVLOEDING_BEGINT: dict = {
    "title": "Hoe beïnvloeding begint en wat je doet",
    "slug": "hoe-beinvloeding-begint-en-wat-je-doet",
    "intro": (
        "<p>Niemand wordt van de ene op de andere dag omgekocht. Beïnvloeding begint meestal "
        "met aandacht en kleine gunsten. In deze module oefen je met vier lastige situaties: "
        "een uitnodiging, een cadeau, een vraag naar vertrouwelijke informatie en een "
        "bedreiging. Je leest ook bij wie je terechtkunt en wat je vastlegt.</p>"
    ),
    "learning_goals": (
        "Je weet hoe beïnvloeding stap voor stap verloopt en dat iedereen er gevoelig voor is.\n"
        "Je weet hoe je omgaat met uitnodigingen en cadeaus van mensen met een belang.\n"
        "Je weet hoe je reageert als iemand naar vertrouwelijke informatie vraagt.\n"
        "Je weet wat je doet bij druk of een bedreiging.\n"
        "Je weet bij wie je terechtkunt en wat je vastlegt."
    ),
    "estimated_minutes": 24,
    "lessons": [_UITNODIGINGEN_EN_CADEAUS, _INFORMATIE_DRUK_EN_DREIGING, _WAT_JE_DOET],
}


# ---------------------------------------------------------------------------------------------
# Module 4: Wat de gemeente doet en wat de raad kan vragen
# ---------------------------------------------------------------------------------------------

# Module 4, les 1: zo pakt Dordrecht ondermijning aan
_ZO_PAKT_DORDRECHT_HET_AAN: dict = {
    "title": "Zo pakt Dordrecht ondermijning aan",
    "slug": "zo-pakt-dordrecht-ondermijning-aan",
    "summary": (
        "Je leert wat het kernteam ondermijning doet en hoe de gemeente met partners "
        "samenwerkt. Ook lees je welke middelen zij inzet, zoals de Wet Bibob en het sluiten "
        "van drugspanden."
    ),
    "estimated_minutes": 8,
    "body": [
        (
            "text",
            (
                "<h2>Het kernteam ondermijning</h2>"
                "<p>In het team Veiligheid van de gemeente werkt een kernteam ondermijning. "
                "Volgens de Rekenkamer Dordrecht (2025) bestaat het uit vijf beleidsadviseurs. Een "
                "van hen is projectleider. Elk signaal van ondermijning dat bij de gemeente "
                "binnenkomt, gaat naar het kernteam. Het kernteam beslist wat ermee gebeurt.</p>"
                "<p>Signalen kunnen van veel kanten komen: van baliemedewerkers, wijkmanagers, "
                "handhavers, woningcorporaties, jongerenwerkers en inwoners. Toch geven "
                "professionals in de wijken nog weinig signalen door (Rekenkamer Dordrecht, 2025). "
                "Inwoners kunnen ook anoniem melden bij Meld Misdaad Anoniem. Volgens de "
                "Rekenkamer kwamen daar 84 meldingen over ondermijning in Dordrecht binnen in "
                "2022, 88 in 2023 en 104 in 2024. De meeste gingen over drugs.</p>"
                "<h2>Samen met partners</h2>"
                "<p>Elke maand is er een casusoverleg. Daar bespreekt de gemeente zaken met de "
                "politie, het RIEC (het regionale informatie- en expertisecentrum), de "
                "Omgevingsdienst Zuid-Holland Zuid en de Sociale Dienst Drechtsteden. Volgens de "
                "Rekenkamer kwamen daar in 2024 25 nieuwe zaken bij, naast 7 zaken die al liepen. "
                "In 2023 waren dat 18 nieuwe en 8 lopende zaken. In 2024 werden 5 zaken bij het "
                "RIEC ingebracht. Een geïnterviewde vertelde de Rekenkamer dat ongeveer de helft "
                "van de signalen voor het casusoverleg van de politie komt.</p>"
                "<p>Ook controleert de gemeente bedrijven samen met partners. Ze kijken dan in één "
                "keer naar de regels van alle partners. Zo'n gezamenlijke controle was er 6 keer "
                "in 2022, 8 keer in 2023 en 7 keer in 2024. Elke keer ging het om ongeveer zes "
                "bedrijven (Rekenkamer Dordrecht, 2025).</p>"
                "<h2>Wat de gemeente kan doen</h2>"
                "<ul>"
                "<li><b>De Wet Bibob.</b> Voordat de gemeente een vergunning, subsidie of opdracht "
                "geeft, kan zij onderzoeken of die voor misdaad gebruikt kan worden. Dat onderzoek "
                "kan ook gaan over de zakelijke relaties van de aanvrager. In Dordrecht past elke "
                "afdeling de wet zelf toe. Bij vergunningen uit de APV gebruikte de gemeente de "
                "wet 22 keer in 2021, 21 keer in 2022 en 32 keer in 2023. Het gaat dan om "
                "vergunningen voor horeca en seksbedrijven. Van die 32 keer ging het 27 keer om "
                "een horecavergunning. Bij bouw en milieu ging het om 23 tot 38 keer per jaar. Die "
                "cijfers komen van de Rekenkamer. Zij vindt dat de wet nog te weinig bekend is en "
                "te weinig wordt gebruikt.</li>"
                "<li><b>Drugspanden sluiten.</b> Zijn er in een woning of ander pand drugs, dan "
                "kan de burgemeester het pand tijdelijk sluiten. Dat staat in artikel 13b van de "
                "Opiumwet. Volgens de Rekenkamer gebeurde dat 14 keer in 2022, 17 keer in 2023 en "
                "13 keer in 2024.</li>"
                "<li><b>Een last onder dwangsom voor dealers.</b> Een drugsdealer die is opgepakt, "
                "krijgt een last onder dwangsom van 5.000 euro. Dat is geen boete. Het is een "
                "maatregel die ervoor moet zorgen dat hij stopt. Alleen als hij opnieuw dealt, "
                "moet hij het bedrag betalen. Volgens de Rekenkamer legde de burgemeester zo'n "
                "last 23 keer op in 2022, 21 keer in 2023 en 11 keer in 2024. Dat is hoe vaak de "
                "last is opgelegd. Hoe vaak iemand echt moest betalen, staat niet in het "
                "onderzoek.</li>"
                "<li><b>Bewustwording.</b> Samen met het RIEC gaf het kernteam in 2023 en 2024 "
                "zeven bewustwordingssessies voor 140 collega's (Rekenkamer Dordrecht, 2025). "
                "Medewerkers vroegen om zo'n sessie verplicht te maken, in elk geval voor nieuwe "
                "collega's.</li>"
                "</ul>"
            ),
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Het kernteam ondermijning krijgt alle signalen binnen en beslist wat "
                        "ermee gebeurt."
                    ),
                    (
                        "Elke maand bespreekt de gemeente zaken met de politie, het RIEC, de "
                        "Omgevingsdienst en de Sociale Dienst Drechtsteden."
                    ),
                    (
                        "Met de Wet Bibob kan de gemeente aanvragers vooraf onderzoeken. "
                        "Volgens de Rekenkamer gebeurt dat nog te weinig."
                    ),
                    (
                        "De burgemeester kan panden met drugs tijdelijk sluiten op grond van "
                        "artikel 13b van de Opiumwet."
                    ),
                ],
            },
        ),
    ],
}


# Module 4, les 2: wat jij als raadslid kunt vragen
_WAT_JE_KUNT_VRAGEN: dict = {
    "title": "Wat jij als raadslid kunt vragen",
    "slug": "wat-jij-als-raadslid-kunt-vragen",
    "summary": (
        "Je leest wat de Rekenkamer de raad aanraadt en wat raadsleden zelf vroegen. En je "
        "leest welke vragen je aan het college kunt stellen over de aanpak van ondermijning."
    ),
    "estimated_minutes": 8,
    "body": [
        (
            "text",
            (
                "<h2>Wat de Rekenkamer aanraadt</h2>"
                "<p>De Rekenkamer Dordrecht (2025) ziet dat veel goed gaat in de aanpak van "
                "ondermijning. Ze doet vier aanbevelingen. De eerste drie gaan over de "
                "raad:</p>"
                "<ol>"
                "<li><b>Praat met de burgemeester over wat de raad wil weten.</b> Welke "
                "informatie heeft de raad nodig om zijn rol goed te spelen? Op basis daarvan "
                "kan de raad kaders stellen en kiezen welke accenten het beleid krijgt.</li>"
                "<li><b>Overweeg een structureel budget.</b> Dan hoeft de aanpak niet te "
                "stoppen als het tijdelijke geld op is, bijvoorbeeld door bezuinigingen in het "
                "ravijnjaar.</li>"
                "<li><b>Stel concrete en meetbare doelen.</b> Dan kan de raad zien of de "
                "aanpak werkt en of het geld goed wordt besteed.</li>"
                "</ol>"
                "<p>De vierde aanbeveling gaat over medewerkers: een verplicht onderdeel over "
                "ondermijning bij het inwerken van nieuwe collega's.</p>"
                "<h2>Wat raadsleden zelf vroegen</h2>"
                "<p>In het gesprek met de Rekenkamer noemden raadsleden zelf wat ze "
                "misten:</p>"
                "<ul>"
                "<li>meer informatie over ondermijning, bijvoorbeeld in een algemene "
                "informatiebrief;</li>"
                "<li>één overzicht van wat het beleid tegen ondermijning precies inhoudt, los "
                "van het brede IVP;</li>"
                "<li>een ronde door de stad met het kernteam ondermijning, om te zien wat er "
                "speelt en waar je als raadslid op kunt letten;</li>"
                "<li>vaker open en laagdrempelig praten over ondermijning en weerbaarheid, "
                "ook met andere fracties.</li>"
                "</ul>"
                "<h2>Vragen die je kunt stellen</h2>"
                "<p>Je kunt deze wensen zelf op de agenda zetten, bijvoorbeeld in de commissie "
                "of met vragen aan het college. Een paar voorbeelden:</p>"
                "<ul>"
                "<li>Welke meetbare doelen heeft de aanpak van ondermijning, en hoe horen wij "
                "of ze worden gehaald?</li>"
                "<li>Hoeveel signalen komen er binnen, en wat gebeurt ermee?</li>"
                "<li>Hoe vaak gebruiken de afdelingen de Wet Bibob, en wat is nodig om dat "
                "vaker te doen?</li>"
                "<li>Wat gebeurt er met de aanpak als het tijdelijke geld na 2026 stopt?</li>"
                "<li>Kan de raad een werkbezoek brengen aan het kernteam ondermijning?</li>"
                "</ul>"
                "<p>Houd er rekening mee dat het college niet alles openbaar kan maken. Over "
                "lopende zaken, personen en bedrijven kan het vaak niets zeggen, vanwege "
                "privacy, veiligheid en onderzoek. Vraag dan naar cijfers en patronen, of om "
                "een besloten toelichting.</p>"
            ),
        ),
        (
            "dilemma",
            {
                "title": "Een gerucht over een bedrijf",
                "situation": (
                    "Inwoners vertellen je dat er bij een autobedrijf in hun wijk steeds "
                    "nieuwe dure auto's staan, maar dat er bijna nooit klanten komen. Ze vragen "
                    "of jij er iets mee kunt. Volgende week vergadert de commissie over "
                    "veiligheid."
                ),
                "question": "Wat doe je met dit signaal?",
                "choices": [
                    {
                        "choice": (
                            "Ik noem het bedrijf in de commissie en vraag de burgemeester wat "
                            "hij eraan doet."
                        ),
                        "explanation": (
                            "Niet doen. Zo beschuldig je in het openbaar een bedrijf zonder "
                            "bewijs. Dat is oneerlijk als het niet klopt. En als het wel klopt, "
                            "waarschuw je misschien de criminelen en verstoor je een "
                            "onderzoek."
                        ),
                    },
                    {
                        "choice": (
                            "Ik ga er zelf een keer langs om rond te kijken en een praatje te "
                            "maken."
                        ),
                        "explanation": (
                            "Niet doen. Je gaat niet zelf op onderzoek uit. Dat kan gevaarlijk "
                            "zijn, en het kan het werk van de politie en de gemeente "
                            "verstoren."
                        ),
                    },
                    {
                        "choice": (
                            "Ik geef het signaal door via een meldroute en vertel de inwoners "
                            "dat ze ook zelf kunnen melden. In de commissie vraag ik in het "
                            "algemeen naar de aanpak in de autohandel."
                        ),
                        "explanation": (
                            "Goed. Het signaal komt zo bij mensen die er iets mee kunnen. En "
                            "in de commissie doe je wat bij de raad past: je vraagt naar de "
                            "aanpak, niet naar één bedrijf. De autohandel is een branche waar "
                            "Dordrecht extra op let."
                        ),
                    },
                    {
                        "choice": "Ik doe niets. Het is maar een gerucht.",
                        "explanation": (
                            "Niet verstandig. Een signaal hoeft geen bewijs te zijn. Een "
                            "bedrijf dat bijna geen klanten heeft en toch blijft bestaan, is "
                            "een bekend signaal. Geef het door; anderen beoordelen het."
                        ),
                    },
                ],
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "De Rekenkamer raadt de raad aan: bespreek je informatiebehoefte met de "
                        "burgemeester, overweeg structureel geld en stel meetbare doelen."
                    ),
                    (
                        "Raadsleden vroegen om een overzicht van het beleid, een ronde met het "
                        "kernteam en open gesprekken met andere fracties."
                    ),
                    (
                        "Vraag naar doelen, cijfers en resultaten. Over lopende zaken en "
                        "personen kan het college vaak niets zeggen."
                    ),
                    (
                        "Noem een bedrijf of persoon nooit in het openbaar als verdachte. Geef "
                        "een signaal door via een meldroute."
                    ),
                ],
            },
        ),
    ],
}


_MODULE_GEMEENTE_EN_RAAD: dict = {
    "title": "Wat de gemeente doet en wat de raad kan vragen",
    "slug": "wat-de-gemeente-doet-en-wat-de-raad-kan-vragen",
    "intro": (
        "<p>De gemeente doet al veel tegen ondermijning, vaak samen met partners. Maar de raad "
        "hoort er weinig over en vraagt er ook weinig naar. In deze module lees je wat de "
        "gemeente doet en welke vragen jij als raadslid kunt stellen om je rol goed te "
        "spelen.</p>"
    ),
    "learning_goals": (
        "Je weet wat het kernteam ondermijning doet en met welke partners de gemeente "
        "samenwerkt.\n"
        "Je kent de belangrijkste middelen van de gemeente, zoals Bibob en het sluiten van "
        "drugspanden.\n"
        "Je kent de aanbevelingen van de Rekenkamer voor de raad.\n"
        "Je weet welke vragen je aan het college kunt stellen over de aanpak van ondermijning."
    ),
    "estimated_minutes": 16,
    "lessons": [_ZO_PAKT_DORDRECHT_HET_AAN, _WAT_JE_KUNT_VRAGEN],
}


COUNCIL_MODULES: list[dict] = [
    _MODULE_DE_RAAD_EN_ONDERMIJNING,
    _MODULE_WAAROM_RAADSLEDEN,
    _MODULE_HOE_BEINVLOEDING_BEGINT,
    _MODULE_GEMEENTE_EN_RAAD,
]


# ---------------------------------------------------------------------------------------------
# Zelfreflectie: Hoe weerbaar ben ik?
# ---------------------------------------------------------------------------------------------

REFLECTION_INTRO: str = (
    "<p>Hoe weerbaar ben jij als raadslid? Met deze korte zelfreflectie sta je stil bij je "
    "eigen gewoonten. Bij elke uitspraak geef je aan hoe goed die bij jou past. Daarna krijg "
    "je een tip.</p>"
    "<p><b>Dit is geen toets.</b> Er zijn geen goede of foute antwoorden en je krijgt geen "
    "score. <b>Alleen jij ziet je antwoorden.</b> Je kunt ze op elk moment zelf "
    "verwijderen.</p>"
)

REFLECTION_STATEMENTS: list[dict] = [
    {
        "statement": "Ik weet bij wie ik terechtkan als iemand mij onder druk zet.",
        "tip": (
            "Praat met de burgemeester of de griffier. De burgemeester moet volgens de "
            "Gemeentewet de integriteit van het bestuur bevorderen, ook die van de raad. Vertel "
            "het ook aan je fractievoorzitter. Word je bedreigd? Doe dan aangifte bij de politie."
        ),
    },
    {
        "statement": "Ik weet wat de gedragscode van de raad zegt over cadeaus en uitnodigingen.",
        "tip": (
            "Lees de gedragscode van de raad nog eens door, vooral het deel over geschenken en "
            "uitnodigingen. Twijfel je over een cadeau of uitnodiging? Vraag het de griffier "
            "voordat je iets aanneemt."
        ),
    },
    {
        "statement": (
            "Bij een uitnodiging of cadeau vraag ik me af of de gever belang heeft bij een "
            "besluit van de gemeente."
        ),
        "tip": (
            "Stel jezelf drie vragen. Heeft de gever belang bij een besluit? Krijg ik dit omdat "
            "ik raadslid ben? Zou ik het ook aannemen als het in de krant stond? Twijfel je, "
            "wijs het dan vriendelijk af en schrijf op wat er gebeurde."
        ),
    },
    {
        "statement": (
            "Ik praat met niemand over vertrouwelijke stukken, ook niet thuis of met "
            "partijgenoten die ze niet mogen zien."
        ),
        "tip": (
            "Wat niet openbaar is, deel je met niemand die het niet mag zien. Ook geen "
            "bevestiging of hint. Bewaar geheime stukken veilig, ook op je telefoon en laptop, "
            "en laat ze thuis niet open liggen."
        ),
    },
    {
        "statement": "Ik weet wat mijn sociale media laten zien over mij en mijn gezin.",
        "tip": (
            "Zoek jezelf eens op internet op, zoals een vreemde dat zou doen. Zijn je adres, de "
            "school van je kinderen of je vaste sporttijden te vinden? Scherm je privéaccounts "
            "af en deel je locatie niet live."
        ),
    },
    {
        "statement": (
            "Ik merk het op als iemand steeds een stapje verder gaat in wat hij van me vraagt."
        ),
        "tip": (
            "Beïnvloeding gaat meestal langzaam: eerst aandacht, dan een kleine gunst, later "
            "een grotere vraag. Kijk eens terug: wie zoekt de laatste tijd vaak contact met je, "
            "en waarom? Bespreek een onprettig gevoel op tijd met de griffier."
        ),
    },
    {
        "statement": "Ik schrijf op wanneer iemand mij iets vreemds vraagt of aanbiedt.",
        "tip": (
            "Noteer de datum, de tijd, wie het was, wat er werd gevraagd of aangeboden en wat "
            "jij zei. Bewaar berichten. Zulke aantekeningen helpen de burgemeester, de griffier "
            "of de politie. En ze beschermen jou."
        ),
    },
    {
        "statement": (
            "Mijn gezin weet wat het moet doen als iemand vreemd contact zoekt of dreigt."
        ),
        "tip": (
            "Praat thuis over je raadswerk en de risico's, zonder iemand bang te maken. Spreek "
            "af dat gezinsleden niets over je werk zeggen tegen onbekenden en het jou meteen "
            "vertellen als iemand vreemd contact zoekt. Bij direct gevaar bellen ze het "
            "alarmnummer."
        ),
    },
    {
        "statement": (
            "In mijn fractie praten we open over integriteit en pogingen tot beïnvloeding."
        ),
        "tip": (
            "Zet het onderwerp eens op de agenda van je fractie en deel voorbeelden. Raadsleden "
            "vertelden de Rekenkamer Dordrecht (2025) dat ze er graag vaker over praten, ook met "
            "andere fracties. Misschien kun jij daar het initiatief voor nemen."
        ),
    },
    {
        "statement": (
            "Als ik informatie over de aanpak van ondermijning mis, vraag ik het college erom."
        ),
        "tip": (
            "De raad controleert het college, en daarvoor heb je informatie nodig. Vraag "
            "bijvoorbeeld naar meetbare doelen, naar cijfers over signalen en Bibob, of om een "
            "werkbezoek bij het kernteam ondermijning. Over lopende zaken kan het college vaak "
            "niets zeggen; vraag dan naar patronen."
        ),
    },
]


# ---------------------------------------------------------------------------------------------
# Toetsvragen voor raadsleden: de pool "Raadsleden" (zelfde vorm als
# demo.content.questions.QUESTION_BANK). Elke vraag toetst wat een les van module 3 ("Hoe
# beïnvloeding begint en wat je doet") leert; ``taught_in`` is de slug van die les.
# ---------------------------------------------------------------------------------------------

_STAP_VOOR_STAP = "stap-voor-stap-uitnodigingen-en-cadeaus"
_DRUK_EN_DREIGING = "vragen-om-informatie-druk-en-dreiging"
_WAT_JE_DOET_SLUG = "wat-je-doet-als-iemand-je-probeert-te-beinvloeden"


COUNCIL_QUIZ_QUESTIONS: list[dict] = [
    question(
        "bibob_integriteit",
        "scenario",
        "Wat doe je met de uitnodiging?",
        scenario=(
            "Een ondernemer nodigt je uit voor een gratis diner in zijn nieuwe restaurant, 'om "
            "kennis te maken'. Hij heeft bij de gemeente langere openingstijden aangevraagd. "
            "Binnenkort praat de commissie over het horecabeleid."
        ),
        explanation=(
            "Je beslist niet zelf over zijn aanvraag, maar je praat wel mee over het "
            "horecabeleid. Een diner schept een band. Bedank, schrijf op wat er gebeurde en "
            "vertel het de griffier. Wil je hem spreken, kies dan een open moment."
        ),
        options=[
            (
                "Je gaat: als raadslid beslis je niet zelf over zijn aanvraag, dus er speelt geen "
                "belang",
                False,
                "Je praat wel mee over het horecabeleid. Voor anderen lijkt het alsof je een "
                "band met hem hebt.",
            ),
            (
                "Je gaat en betaalt je eigen rekening, zodat niemand kan zeggen dat je iets hebt "
                "aangenomen",
                False,
                "Beter dan gratis eten, maar hij krijgt toch de persoonlijke band die hij zocht.",
            ),
            (
                "Je bedankt, noteert wie je uitnodigde en waarom, en vertelt het de griffier",
                True,
                "Goed: je blijft onafhankelijk en het staat vast.",
            ),
            (
                "Je gaat alleen als er een fractiegenoot meegaat, dan is het geen persoonlijke "
                "band",
                False,
                "Met z'n tweeën neem je nog steeds iets aan van iemand met een belang.",
            ),
        ],
        taught_in=_STAP_VOOR_STAP,
        source_note="Een diner met een ondernemer",
    ),
    question(
        "bibob_integriteit",
        "scenario",
        "Wat doe je met het cadeau?",
        scenario=(
            "De raad heeft gestemd over een bedrijventerrein. Een paar dagen later staat er bij "
            "jou thuis een mand met dure wijn en een cadeaubon. Het kaartje is van een "
            "vastgoedbedrijf met panden op dat terrein: 'Dank voor uw steun.'"
        ),
        explanation=(
            "Wie iets aanneemt, voelt zich vaak later verplicht. Meld het bij de griffier, vraag "
            "wat de gedragscode zegt en stuur het terug. Bespreek ook dat het bedrijf weet waar "
            "je woont."
        ),
        options=[
            (
                "Je meldt het bij de griffier, vraagt wat de gedragscode zegt en stuurt het terug",
                True,
                "Goed: het staat vast en de gever weet dat je je niet laat bedanken.",
            ),
            (
                "Je houdt het: de stemming is al geweest, dus het kan je besluit niet meer "
                "beïnvloeden",
                False,
                "Het cadeau kan bedoeld zijn voor een volgend besluit.",
            ),
            (
                "Je houdt de wijn, stuurt de cadeaubon terug en meldt alleen de cadeaubon bij de "
                "griffier",
                False,
                "Een deel houden is ook een cadeau aannemen. En je meldt maar de helft.",
            ),
            (
                "Je deelt de wijn uit op de fractievergadering, zodat je er zelf geen voordeel "
                "van hebt",
                False,
                "Zo maak je de hele fractie deel van het cadeau.",
            ),
        ],
        taught_in=_STAP_VOOR_STAP,
        source_note="Een cadeau na de stemming",
    ),
    question(
        "bibob_integriteit",
        "scenario",
        "Hoe reageer je?",
        scenario=(
            "Een kennis die makelaar is, vraagt op een verjaardag of de gemeente een pand aan de "
            "haven wil kopen. 'Dat is toch al bekend,' zegt hij. Jij weet dat het in een besloten "
            "vergadering is besproken en dat het stuk geheim is."
        ),
        explanation=(
            "Wat niet openbaar is, deel je met niemand. Ook een bevestiging, een ontkenning of "
            "een knipoog is informatie. Schrijf zijn vraag op en bespreek die met de griffier: "
            "als hij het echt weet, is er misschien een lek."
        ),
        options=[
            (
                "Je bevestigt het, omdat hij het toch al weet en je dan niets nieuws vertelt",
                False,
                "Ook een bevestiging is informatie. Dat iemand iets zegt te weten, maakt het "
                "niet openbaar.",
            ),
            (
                "Je zegt dat het niet klopt, zodat hij er niet verder naar vraagt",
                False,
                "Je hoeft niet te liegen. Ook een ontkenning is een antwoord.",
            ),
            (
                "Je zegt dat je er niets over mag zeggen, maar je glimlacht er veelbetekenend bij",
                False,
                "Met een glimlach of knipoog geef je het antwoord toch.",
            ),
            (
                "Je zegt dat je nooit praat over wat niet openbaar is, en bespreekt zijn vraag "
                "later met de griffier",
                True,
                "Goed: je geeft niets weg en je legt het vast.",
            ),
        ],
        taught_in=_DRUK_EN_DREIGING,
        source_note="Een vraag over een besloten stuk",
    ),
    question(
        "melden",
        "scenario",
        "Wat doe je?",
        scenario=(
            "Na een debat over strengere regels voor opslagboxen krijg je via sociale media een "
            "bericht van een onbekend account: 'Mooi huis heb je. Zonde als daar iets mee "
            "gebeurt.'"
        ),
        explanation=(
            "Een bedreiging neem je altijd serieus. Bewaar het bericht, doe aangifte bij de "
            "politie en vertel het meteen aan de burgemeester en de griffier. Ga niet in gesprek "
            "met de afzender."
        ),
        options=[
            (
                "Je verwijdert het bericht en zegt er niets over, om geen onrust te maken in de "
                "fractie",
                False,
                "Dan ben je het bewijs kwijt en sta je er alleen voor.",
            ),
            (
                "Je maakt schermafbeeldingen, doet aangifte en vertelt het de burgemeester en de "
                "griffier",
                True,
                "Goed: de politie beoordeelt de dreiging en je krijgt steun.",
            ),
            (
                "Je stuurt een fel bericht terug dat je je niet bang laat maken door een anoniem "
                "account",
                False,
                "Zo ga je de strijd aan met iemand die je niet kent.",
            ),
            (
                "Je zegt voortaan niets meer over opslagboxen in de commissie, dan houdt het "
                "vanzelf op",
                False,
                "Dan werkt de dreiging zoals de afzender wil. Zoek steun.",
            ),
        ],
        taught_in=_DRUK_EN_DREIGING,
        source_note="Een bericht na het debat",
    ),
    question(
        "bibob_integriteit",
        "single",
        "Iemand zegt dat hij iets uit een besloten vergadering 'toch al weet'. Wat betekent dat "
        "voor jou?",
        explanation=(
            "Dat iemand zegt iets te weten, maakt het niet openbaar. Het is een reden om extra "
            "voorzichtig te zijn, niet om het te bevestigen."
        ),
        options=[
            (
                "Dat het stuk nu openbaar is, zodat je er vrij over mag praten",
                False,
                "Het stuk blijft geheim, wat hij ook zegt.",
            ),
            (
                "Dat je het mag bevestigen, zolang je er geen details over geeft",
                False,
                "Ook een bevestiging is informatie.",
            ),
            (
                "Een reden om extra voorzichtig te zijn, niet om het te bevestigen",
                True,
                "Goed.",
            ),
            (
                "Dat je het moet ontkennen, zodat het lek niet nog groter wordt",
                False,
                "Je hoeft niet te liegen. Ook een ontkenning is een antwoord.",
            ),
        ],
        taught_in=_DRUK_EN_DREIGING,
        source_note="Als iemand informatie wil",
    ),
    true_false(
        "bibob_integriteit",
        "Als je ontkent wat er in een besloten vergadering is besproken, kan ook dat informatie "
        "zijn die iemand gebruikt.",
        true=True,
        explanation=(
            "Een bevestiging, een ontkenning en een knipoog zijn allemaal antwoorden. Zeg gewoon "
            "dat je niet praat over wat niet openbaar is."
        ),
        taught_in=_DRUK_EN_DREIGING,
        source_note="Een vraag over een besloten stuk",
    ),
    question(
        "melden",
        "multiple",
        "Iemand probeert je te beïnvloeden. Wat schrijf je op? Kies alle goede antwoorden.",
        explanation=(
            "Noteer de datum en de tijd, wie het was, wat er werd gevraagd of aangeboden en wat "
            "jij antwoordde. Bewaar berichten. Dat helpt anderen en beschermt jou."
        ),
        options=[
            (
                "De datum, de tijd en wie het was",
                True,
                "Klopt.",
            ),
            (
                "Alleen wat de ander zei; wat je zelf antwoordde laat je weg, want dat kan tegen "
                "je worden gebruikt",
                False,
                "Schrijf ook op wat jij zei. Zo laat je zien dat je open hebt gehandeld.",
            ),
            (
                "Wat er werd gevraagd of aangeboden",
                True,
                "Klopt.",
            ),
            (
                "Wat jij antwoordde, ook als je twijfelde of het goed was wat je zei",
                True,
                "Klopt: dat beschermt jou.",
            ),
            (
                "Niets: je onthoudt het liever, want aantekeningen kunnen uitlekken",
                False,
                "Aantekeningen helpen de burgemeester, de griffier of de politie.",
            ),
        ],
        taught_in=_WAT_JE_DOET_SLUG,
        source_note="Schrijf het op",
    ),
    question(
        "melden",
        "single",
        "Iemand probeert je stap voor stap over te halen. Met wie bespreek je dat?",
        explanation=(
            "Blijf er niet alleen mee zitten. De burgemeester moet de integriteit van het "
            "bestuur bevorderen, ook die van de raad. De griffier en je fractievoorzitter kunnen "
            "meedenken. Bij een bedreiging doe je aangifte."
        ),
        options=[
            (
                "Met niemand, zolang er niets strafbaars is gebeurd en je nog nergens op bent "
                "ingegaan",
                False,
                "Wacht niet. Hoe eerder je erover praat, hoe makkelijker je een grens trekt.",
            ),
            (
                "Met de burgemeester of de griffier, en eventueel je fractievoorzitter",
                True,
                "Goed: zij kunnen je helpen.",
            ),
            (
                "Alleen met de persoon zelf, om het rustig met hem uit te praten",
                False,
                "Dan sta je er alleen voor, en hij kan blijven aandringen.",
            ),
            (
                "Met je volgers op sociale media, zodat iedereen weet wat er speelt",
                False,
                "Zo maak je het openbaar zonder dat iemand je kan helpen.",
            ),
        ],
        taught_in=_WAT_JE_DOET_SLUG,
        source_note="Praat erover, en op tijd",
    ),
    true_false(
        "melden",
        "Volgens de Gemeentewet moet de burgemeester de bestuurlijke integriteit bevorderen, ook "
        "die van de raad.",
        true=True,
        explanation=(
            "Daarom is de burgemeester een van de mensen bij wie je terechtkunt als iemand je "
            "probeert te beïnvloeden."
        ),
        taught_in=_WAT_JE_DOET_SLUG,
        source_note="Praat erover, en op tijd",
    ),
    true_false(
        "bibob_integriteit",
        "Geef je één keer een beetje toe aan druk, dan houdt het daarna meestal op.",
        true=False,
        explanation=(
            "Wie één keer toegeeft, krijgt vaak een nieuwe eis. Ga niet in op de eis en zoek steun."
        ),
        taught_in=_DRUK_EN_DREIGING,
        source_note="Als iemand druk zet",
    ),
    question(
        "bibob_integriteit",
        "multiple",
        "Hoe bescherm je jezelf en je gezin? Kies alle goede antwoorden.",
        explanation=(
            "Scherm je privégegevens online af en deel je locatie niet live. Spreek met je gezin "
            "af wat ze doen bij vreemd contact. Vraag de griffier naar het afschermen van je "
            "adres."
        ),
        options=[
            (
                "Je zet je adres en de school van je kinderen op je website, zodat inwoners je "
                "makkelijk vinden",
                False,
                "Zulke gegevens scherm je juist af.",
            ),
            (
                "Je schermt privéaccounts af en deelt je locatie niet live",
                True,
                "Klopt.",
            ),
            (
                "Je spreekt met je gezin af dat ze niets over je raadswerk zeggen tegen onbekenden "
                "en het je vertellen als iemand vreemd contact zoekt",
                True,
                "Klopt.",
            ),
            (
                "Je vraagt de griffier hoe je je adres kunt laten afschermen",
                True,
                "Klopt.",
            ),
            (
                "Je vertelt je gezin niets over een bedreiging, zodat ze niet ongerust worden",
                False,
                "Praat er juist over, zodat ze weten wat ze moeten doen.",
            ),
        ],
        taught_in=_WAT_JE_DOET_SLUG,
        source_note="Bescherm jezelf en je gezin",
    ),
    question(
        "melden",
        "scenario",
        "Wat doe je?",
        scenario=(
            "Tijdens een werkbezoek vertelt een ondernemer op een bedrijventerrein dat het bij "
            "een unit naast hem 's nachts sterk naar anijs ruikt. Hij vraagt of jij 'er iets aan "
            "kunt doen'."
        ),
        explanation=(
            "Als raadslid kun je signalen opvangen. Je gaat niet zelf op onderzoek uit en "
            "belooft niemand iets. Je geeft het signaal door via de meldroutes, zodat de mensen "
            "die er verstand van hebben ernaar kijken."
        ),
        options=[
            (
                "Je gaat die avond zelf even langs de unit, zodat je weet waar je het over hebt",
                False,
                "Niet doen: je gaat niet zelf op onderzoek uit.",
            ),
            (
                "Je belooft hem dat je ervoor zorgt dat de politie de unit deze week controleert",
                False,
                "Beloof niets wat je niet kunt waarmaken. Daar ga jij niet over.",
            ),
            (
                "Je belooft niets, en je meldt het signaal via de meldroutes",
                True,
                "Goed: het signaal komt bij de mensen die er iets mee kunnen.",
            ),
            (
                "Je zegt dat hij het zelf moet melden, want als raadslid ga je niet over signalen",
                False,
                "Hij kan ook zelf melden, maar jij hebt het gehoord. Geef het door.",
            ),
        ],
        taught_in=_WAT_JE_DOET_SLUG,
        source_note="Signalen in de stad",
    ),
    question(
        "bibob_integriteit",
        "single",
        "Waarom is beïnvloeding vaak moeilijk te herkennen?",
        explanation=(
            "Beïnvloeding begint bijna altijd klein: aandacht, een etentje, een gunst. Elke stap "
            "lijkt klein, dus je merkt soms pas laat dat je over een grens bent gegaan. Iedereen "
            "is er gevoelig voor."
        ),
        options=[
            (
                "Omdat criminelen bijna altijd via een tussenpersoon een envelop met geld sturen",
                False,
                "Het begint bijna nooit met geld, maar met aandacht.",
            ),
            (
                "Omdat alleen raadsleden zonder ervaring worden benaderd, en die weten het niet",
                False,
                "Iedereen is er gevoelig voor.",
            ),
            (
                "Omdat het bijna altijd met een bedreiging begint, en dan ben je te bang om te "
                "praten",
                False,
                "Druk komt meestal pas aan het eind.",
            ),
            (
                "Het begint klein en elke stap lijkt onschuldig, dus je merkt het pas laat",
                True,
                "Goed.",
            ),
        ],
        taught_in=_STAP_VOOR_STAP,
        source_note="Het begint klein",
    ),
]

# The council quiz: the final quiz of module ``COUNCIL_QUIZ_MODULE``, ``COUNCIL_QUIZ_DRAW``
# questions drawn from the pool "Raadsleden" for every attempt. The council track is
# self-study: nobody has to do it, nobody else sees the result and no report or certificate
# relies on it as proof. So there is no maximum and no waiting time, and the learner sees the
# right answers and explanations after every attempt, also a failed one (review FULL): for a
# raadslid the quiz is a way to learn, and harvesting answers gains nothing. Each attempt is
# still a fresh draw of six from the whole pool.
COUNCIL_QUIZ: dict = {
    "title": "Toets: beïnvloeding herkennen",
    "intro": "Zes vragen over beïnvloeding en wat je dan doet. Alleen jij ziet je antwoorden.",
    "pass_mark": 70,
    "max_attempts": None,
    "retry_wait_minutes": 0,
    "review_after_fail": "full",
    "review_after_last": "full",
    "review_after_pass": "full",
    "pool_description": (
        "Vragen voor de toets van de module 'Hoe beïnvloeding begint en wat je doet' voor "
        "raadsleden. Niet voor medewerkers."
    ),
}
COUNCIL_QUIZ_DRAW = 6
COUNCIL_QUIZ_MODULE = 2  # index in COUNCIL_MODULES
REFLECTION_PAGE: dict = {"title": "Hoe weerbaar ben ik?", "slug": "hoe-weerbaar-ben-ik"}
# The griffie recommends the first module.
COUNCIL_RECOMMENDATION_NOTE = "Goed om te lezen voor de begrotingsbehandeling."
