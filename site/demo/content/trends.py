"""Demo content for the trend pages: three current trends and a refresher quiz for one of them.

Trend pages are short, practical notes that the kernteam ondermijning publishes for staff: what is
happening, which signals to watch for in your work at the municipality, and what to do. The texts
are written in plain Dutch (B1) from ``../shared/content-brief.md``, which collects the facts from
the Rekenkamer Dordrecht audit of the approach to ondermijning (2025) and the ondermijning chapter
of the Integraal Veiligheidsplan Dordrecht 2023-2026. They take the facts, not the sentences, and
say where a figure comes from. No reporting addresses appear here: the "report_it" block shows
the current routes from the reporting-routes site setting.

``demo.loader.load_demo`` loads this module. ``DEMO_TRENDS`` holds one dict per trend page; its
``body`` is a list of ``(block type, value)`` pairs in the same format as the lesson bodies in
``demo.content.learning``, and ``published_days_ago`` / ``review_in_days`` are relative to the
day the demo is loaded (a negative ``review_in_days`` gives a page past its review date).
``REFRESHER_QUESTIONS`` maps a trend slug to the questions of that trend's refresher pool, in the
format of ``demo.content.questions.QUESTION_BANK`` (their source is the trend page itself).
"""

from __future__ import annotations

_REKENKAMER: dict = {
    "title": "Onderzoek naar de aanpak van ondermijnende criminaliteit in Dordrecht (2025)",
    "publisher": "Rekenkamer Dordrecht",
    "url": "",
}

_IVP: dict = {
    "title": "Integraal Veiligheidsplan Dordrecht 2023-2026, hoofdstuk Ondermijning",
    "publisher": "Gemeente Dordrecht",
    "url": "",
}


# Trend 1: drugsopslag in opslagboxen en bedrijfsverzamelgebouwen
_DRUGSOPSLAG: dict = {
    "title": "Drugs opgeslagen in opslagboxen en bedrijfsverzamelgebouwen",
    "slug": "drugsopslag-in-opslagboxen-en-bedrijfsverzamelgebouwen",
    "theme": "drugs",
    "summary": (
        "Criminelen bewaren drugs in opslagboxen, in kleine bedrijfsunits en in schuren in het "
        "buitengebied. Lees welke signalen je in je werk kunt zien en wat je dan doet."
    ),
    "body": [
        (
            "text",
            (
                "<h2>Wat speelt er?</h2>"
                "<p>Volgens de plannen van de gemeente gaat ondermijning in Dordrecht vooral over "
                "drugs en over fraude en witwassen. Hoe groot en hoe ernstig elke vorm is, weet "
                "niemand precies (Rekenkamer Dordrecht, 2025).</p>"
                "<p>Bij drugs gaat het niet alleen om kweken en handelen. Drugs moeten ook "
                "ergens liggen. Daarvoor huren criminelen graag een opslagbox of een unit in een "
                "bedrijfsverzamelgebouw. Dat is een groot pand met veel kleine ruimtes voor "
                "verschillende huurders.</p>"
                "<p>Voor criminelen is zo'n ruimte handig. Je huurt hem snel en er worden weinig "
                "vragen gesteld. Er lopen veel mensen in en uit, dus je valt niet op. En bijna "
                "niemand ziet wat er binnen ligt.</p>"
                "<h2>Waar gebeurt het?</h2>"
                "<p>Volgens de Rekenkamer Dordrecht (2025) zijn er in de gemeente 24 "
                "bedrijventerreinen en plekken aan het water, zoals havengebieden. De gemeente "
                "noemt opslagboxen en bedrijfsverzamelgebouwen daar risicovolle branches. Ook "
                "het vrij grote buitengebied is een risico. In schuren en loodsen buiten de stad "
                "kunnen drugs worden opgeslagen. Dordrecht ligt bovendien dicht bij Rotterdam, "
                "Brabant, België en de A16. Eén medewerker heeft het gevoel dat criminelen uit "
                "Rotterdam en Antwerpen naar Dordrecht komen. Andere collega's herkennen dat "
                "beeld (Rekenkamer Dordrecht, 2025). Het is een indruk; niemand heeft het "
                "gemeten.</p>"
                "<h2>Wat doet de gemeente?</h2>"
                "<p>De gemeente werkt samen met verhuurders van opslagboxen om de branche "
                "weerbaarder te maken (Integraal Veiligheidsplan 2023-2026). Samen met partners "
                "houdt de gemeente controles op bedrijventerreinen. Liggen er drugs in een pand? "
                "Dan kan de burgemeester het pand tijdelijk sluiten. Volgens de Rekenkamer "
                "gebeurde dat in 2024 13 keer.</p>"
                "<p>Handhavers en andere collega's komen vaak op bedrijventerreinen en in het "
                "buitengebied. Zie je iets wat niet klopt? Meld het. Je hoeft niet zeker te "
                "weten dat er drugs liggen.</p>"
            ),
        ),
        (
            "signal",
            {
                "title": "Een huurder die contant vooruitbetaalt en op rare tijden komt",
                "what_you_see": (
                    "Een huurder betaalt de box of unit maanden vooruit, met contant geld. Hij "
                    "komt alleen kort, vaak 's avonds of 's nachts, en steeds met een ander "
                    "busje. Soms staat de huur op naam van iemand anders dan wie er komt."
                ),
                "why_it_matters": (
                    "Contant geld laat weinig sporen na. Wie drugs opslaat, wil niet opvallen en "
                    "geen eigen naam achterlaten. Korte bezoeken op rare tijden passen bij het "
                    "brengen en ophalen van partijen."
                ),
                "what_to_do": (
                    "Spreek de huurder niet aan en ga niet zelf kijken. Vertelt een verhuurder "
                    "of beheerder je dit? Luister en schrijf op wat hij zegt. Noteer het adres, "
                    "de datum en de tijd, en meld het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Een wietlucht, anijslucht of chemicaliën bij een unit of schuur",
                "what_you_see": (
                    "Bij een unit, loods of schuur ruik je een sterke wietlucht of een zoete "
                    "lucht van anijs. Of je ziet lege jerrycans, vaten of verpakkingen van "
                    "chemicaliën op een plek waar je die niet verwacht. De ramen zijn soms "
                    "afgeplakt."
                ),
                "why_it_matters": (
                    "Dit kan wijzen op drugs die daar liggen, of op een plek waar drugs worden "
                    "gemaakt. De Rekenkamer noemt de Veiligheidsmonitor 2023. Daarin denken "
                    "inwoners dat een sterke anijslucht en verpakkingen van chemicaliën bijna "
                    "nooit voorkomen in hun buurt. Dat geldt ook voor signalen van illegale "
                    "prostitutie."
                ),
                "what_to_do": (
                    "Ga niet naar binnen en raak niets aan. Chemische stoffen kunnen gevaarlijk "
                    "zijn. Noteer wat je ziet en ruikt, met de plaats en de tijd, en meld het. "
                    "Is er direct gevaar? Bel dan het alarmnummer."
                ),
            },
        ),
        (
            "dilemma",
            {
                "title": "De beheerder van een opslagbedrijf twijfelt",
                "situation": (
                    "Je loopt als boa een ronde op een bedrijventerrein. De beheerder van een "
                    "opslagbedrijf houdt je aan. Een huurder betaalt steeds een half jaar "
                    "vooruit, contant. 's Avonds staan er vaak andere busjes bij zijn box. 'Moet "
                    "ik hier iets mee?' vraagt de beheerder. 'Ik wil geen gedoe met een klant.'"
                ),
                "question": "Wat doe je?",
                "choices": [
                    {
                        "choice": (
                            "Ik zeg dat contant betalen niet verboden is. Zolang de huur binnen "
                            "komt, is er niets aan de hand."
                        ),
                        "explanation": (
                            "Niet verstandig. Contant betalen mag, maar samen met de bezoeken "
                            "op rare tijden is het een signaal. En de beheerder leert zo dat "
                            "melden geen zin heeft."
                        ),
                    },
                    {
                        "choice": (
                            "Ik vraag de beheerder om de box open te maken, zodat ik zelf kan "
                            "kijken wat erin ligt."
                        ),
                        "explanation": (
                            "Niet doen. Je gaat niet zelf op onderzoek uit. Zo breng je jezelf "
                            "en de beheerder in gevaar. En je kunt het werk van de politie "
                            "verstoren."
                        ),
                    },
                    {
                        "choice": (
                            "Ik beloof dat ik de box in de gaten houd en 's avonds een paar "
                            "keer extra langskom."
                        ),
                        "explanation": (
                            "Goed bedoeld, maar dit is niet jouw taak. Posten en volgen is zelf "
                            "onderzoek doen. Dat kan gevaarlijk zijn. Meld het liever, dan "
                            "bepaalt het kernteam ondermijning wat er gebeurt."
                        ),
                    },
                    {
                        "choice": (
                            "Ik schrijf op wat de beheerder vertelt en meld het. Ik leg uit dat "
                            "hij het ook zelf bij de politie of anoniem kan melden."
                        ),
                        "explanation": (
                            "Goed. Het signaal komt bij het kernteam ondermijning, dat bepaalt "
                            "wat er gebeurt. En de beheerder weet nu hoe hij zelf kan melden, "
                            "bijvoorbeeld bij Meld Misdaad Anoniem."
                        ),
                    },
                ],
            },
        ),
        (
            "report_it",
            {
                "heading": "Meld het",
                "intro": (
                    "Zie je een van deze signalen op een bedrijventerrein of in het "
                    "buitengebied? Je hoeft het niet zeker te weten. Meld het via een van deze "
                    "routes."
                ),
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Criminelen bewaren drugs in opslagboxen, in units in "
                        "bedrijfsverzamelgebouwen en in schuren in het buitengebied."
                    ),
                    (
                        "Let op contant vooruitbetalen, korte bezoeken op rare tijden, een huur "
                        "op naam van een ander en een wiet- of anijslucht."
                    ),
                    "Ga niet zelf kijken en ga niet posten. Schrijf op wat je zag en meld het.",
                    (
                        "Je hoeft het niet zeker te weten. Het kernteam ondermijning bepaalt wat "
                        "er met je melding gebeurt."
                    ),
                ],
            },
        ),
    ],
    "signals": [
        "Huurder betaalt de opslagbox maandenlang contant vooruit",
        "Korte bezoeken aan een box of unit, vaak 's avonds of 's nachts, met andere busjes",
        "De box of unit staat op naam van iemand anders dan wie er komt",
        "Sterke wietlucht of zoete anijslucht bij een unit, loods of schuur",
        "Lege jerrycans of verpakkingen van chemicaliën waar je die niet verwacht",
    ],
    "sources": [_REKENKAMER, _IVP],
    "published_days_ago": 3,
    "review_in_days": 150,
}


# Trend 2: kinderen online geronseld voor criminele klusjes (jonge aanwas)
_JONGE_AANWAS: dict = {
    "title": "Kinderen online geronseld voor criminele klusjes",
    "slug": "kinderen-online-geronseld-voor-criminele-klusjes",
    "theme": "mensenhandel",
    "summary": (
        "Kinderen vanaf ongeveer tien jaar raken betrokken bij criminaliteit. Ze worden steeds "
        "vaker online benaderd voor diefstal of drugsklusjes. Zo herken je de signalen als je "
        "met kinderen en jongeren werkt."
    ),
    "body": [
        (
            "text",
            (
                "<h2>Wat speelt er?</h2>"
                "<p>Jongerenwerkers, buurtwerkers en inwoners maken zich zorgen. Kinderen raken "
                "steeds jonger betrokken bij ondermijning. In het onderzoek van de Rekenkamer "
                "Dordrecht (2025) noemen betrokkenen leeftijden vanaf tien jaar. Kinderen worden "
                "steeds vaker online benaderd.</p>"
                "<h2>Hoe gaat dat?</h2>"
                "<p>Een kind krijgt via sociale media of een chat-app een bericht. Iemand belooft "
                "snel geld voor een 'klusje': iets stelen, een pakketje wegbrengen of op de "
                "uitkijk staan. Het lijkt makkelijk en spannend. Maar wie eenmaal meedoet, komt "
                "er moeilijk weer uit. Vaak volgen druk, een zogenaamde schuld of "
                "bedreigingen.</p>"
                "<p>Een kind dat zo wordt ingezet, is in de eerste plaats slachtoffer. Laat "
                "iemand een kind misdaad plegen voor zijn eigen voordeel? Dan heet dat criminele "
                "uitbuiting. Dat is een vorm van mensenhandel.</p>"
                "<h2>Waarom in Dordrecht?</h2>"
                "<p>In het landelijke overzicht Zicht op Ondermijning scoort Dordrecht hoog op "
                "'jonge aanwas'. Dat zijn jongeren die nog niet in de drugshandel zitten. Maar er "
                "zijn wel minstens twee aanwijzingen dat ze erin kunnen raken, zoals een "
                "kwetsbare thuissituatie (Rekenkamer Dordrecht, 2025).</p>"
                "<p>In het uitvoeringsplan voor 2023-2024 was jonge aanwas een thema met "
                "voorrang. In het plan voor 2025-2026 is dat thema vervangen door een nieuw "
                "thema: excessief geweld, zoals aanslagen met explosieven. Mensenhandel is in "
                "beide plannen een thema met voorrang.</p>"
                "<h2>Wie ziet het?</h2>"
                "<p>Jongerenwerkers, medewerkers van scholen, wijkmanagers, baliemedewerkers en "
                "handhavers zien kinderen in hun werk. Zo kunnen zij signalen opvangen. Op "
                "initiatief van de gemeente is een werkgroep gestart. Daarin werken scholen uit "
                "heel Dordrecht samen met de gemeente en de politie aan de veiligheid in en rond "
                "de school. Jouw signaal kan een kind op tijd helpen.</p>"
            ),
        ),
        (
            "signal",
            {
                "title": "Een kind met opeens geld of dure spullen",
                "what_you_see": (
                    "Een kind van een jaar of tien tot vijftien heeft opeens dure kleding, een "
                    "nieuwe telefoon of veel contant geld. Het heeft nieuwe, oudere vrienden, "
                    "spijbelt of is 's avonds laat nog op straat. Soms heeft het twee telefoons "
                    "en moet het meteen weg als er een bericht komt."
                ),
                "why_it_matters": (
                    "Dit kan betekenen dat het kind klusjes doet voor criminelen. Ouders weten "
                    "het vaak niet. En het kind zegt zelf meestal dat alles goed gaat, uit angst "
                    "of schaamte."
                ),
                "what_to_do": (
                    "Blijf rustig en oordeel niet. Vraag open hoe het gaat en luister. Beloof "
                    "niet dat je alles geheimhoudt. Schrijf op wat je zag en hoorde, en meld "
                    "het. Werk je op een school of in het jongerenwerk? Volg dan ook de "
                    "meldcode van je eigen organisatie."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Een online aanbod om 'snel geld' te verdienen",
                "what_you_see": (
                    "Een kind laat een bericht zien of vertelt erover: iemand die het niet kent, "
                    "biedt geld voor een klusje. Of je hoort kinderen praten over accounts die "
                    "werk aanbieden met 'snel cash'."
                ),
                "why_it_matters": (
                    "Zo ronselen criminelen kinderen. Het eerste klusje lijkt klein, maar "
                    "daarna wordt het kind onder druk gezet om door te gaan."
                ),
                "what_to_do": (
                    "Ga niet zelf contact zoeken met de afzender en doe je niet voor als het "
                    "kind. Noteer de naam van het account, de datum en wat er stond, als het "
                    "kind dat wil laten zien. Meld het. Is een kind direct in gevaar? Bel dan "
                    "het alarmnummer."
                ),
            },
        ),
        (
            "dilemma",
            {
                "title": "Een bericht op de telefoon van Sem",
                "situation": (
                    "Je bent jongerenwerker. Sem is twaalf en komt vaak in het buurthuis. Hij "
                    "laat je trots een bericht zien. Iemand die hij niet kent, biedt hem "
                    "honderd euro als hij een tasje naar een adres brengt. 'Makkelijk geld, "
                    "toch?' zegt hij."
                ),
                "question": "Wat doe je?",
                "choices": [
                    {
                        "choice": "Ik lach erom en zeg dat hij zulke berichten moet negeren.",
                        "explanation": (
                            "Dat is te weinig. Sem kan toch ingaan op het aanbod. En niemand "
                            "anders weet dat dit account kinderen benadert."
                        ),
                    },
                    {
                        "choice": (
                            "Ik pak zijn telefoon en stuur de afzender een bericht dat ik hem "
                            "aangeef bij de politie."
                        ),
                        "explanation": (
                            "Niet doen. Zo waarschuw je de afzender, en Sem kan daar last van "
                            "krijgen. Zelf contact zoeken is ook onderzoek doen. Dat is niet "
                            "jouw taak."
                        ),
                    },
                    {
                        "choice": (
                            "Ik praat rustig met Sem over wat zo'n klusje echt betekent. Ik "
                            "schrijf op wat ik zag en meld het, en ik overleg wie zijn ouders "
                            "inlicht."
                        ),
                        "explanation": (
                            "Goed. Sem hoort wat de risico's zijn, zonder dat hij straf voelt. "
                            "Het signaal komt bij de mensen die er iets mee kunnen. Overleg "
                            "over de ouders volgens de afspraken van je organisatie."
                        ),
                    },
                    {
                        "choice": (
                            "Ik beloof Sem dat ik het aan niemand vertel, zodat hij mij blijft "
                            "vertrouwen."
                        ),
                        "explanation": (
                            "Liever niet. Die belofte kun je niet houden als Sem in gevaar is. "
                            "Zeg eerlijk dat je dit moet bespreken om hem te beschermen."
                        ),
                    },
                ],
            },
        ),
        (
            "report_it",
            {
                "heading": "Meld het",
                "intro": (
                    "Maak je je zorgen over een kind? Je hoeft het niet zeker te weten. Meld het "
                    "via een van deze routes. Heeft je team een collega met ondermijning als "
                    "aandachtspunt? Dan kun je ook eerst met die collega overleggen."
                ),
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Criminelen benaderen kinderen vanaf ongeveer tien jaar, steeds vaker "
                        "online, voor diefstal of drugsklusjes."
                    ),
                    "Een kind dat zo wordt ingezet, is in de eerste plaats slachtoffer.",
                    (
                        "Let op plotseling geld of dure spullen, nieuwe oudere vrienden, "
                        "spijbelen en een tweede telefoon."
                    ),
                    (
                        "Luister, beloof geen geheimhouding en zoek geen contact met de "
                        "afzender. Schrijf op wat je weet en meld het."
                    ),
                ],
            },
        ),
    ],
    "signals": [
        "Kind heeft opeens dure kleding, een nieuwe telefoon of veel contant geld",
        "Kind krijgt online berichten van onbekenden die geld bieden voor een klusje",
        "Kind spijbelt, is 's avonds laat op straat of heeft nieuwe, oudere vrienden",
        "Kind heeft twee telefoons en moet meteen weg als er een bericht komt",
        "Kind is bang of zegt dat het iemand geld schuldig is",
    ],
    "sources": [_REKENKAMER, _IVP],
    "published_days_ago": 12,
    "review_in_days": 90,
}


# Trend 3: witwassen via de autohandel
_AUTOHANDEL: dict = {
    "title": "Witwassen via de autohandel",
    "slug": "witwassen-via-de-autohandel",
    "theme": "fraude",
    "summary": (
        "Criminelen wassen geld wit via auto's: contante betalingen, auto's op naam van "
        "stromannen en bedrijven zonder klanten die toch blijven bestaan. Zo herken je de "
        "signalen."
    ),
    "body": [
        (
            "text",
            (
                "<h2>Wat speelt er?</h2>"
                "<p>Volgens de plannen van de gemeente gaat ondermijning in Dordrecht vooral over "
                "drugs en over fraude en witwassen. Hoe groot en hoe ernstig elke vorm is, weet "
                "niemand precies (Rekenkamer Dordrecht, 2025). Witwassen betekent: "
                "crimineel geld zo gebruiken dat het lijkt op eerlijk verdiend geld. De "
                "autohandel is daarvoor handig. Auto's zijn veel geld waard en je kunt ze snel "
                "kopen en weer verkopen.</p>"
                "<h2>Hoe werkt het?</h2>"
                "<ul>"
                "<li>Iemand koopt een dure auto met contant geld en verkoopt hem later weer. Het "
                "geld lijkt dan te komen van een gewone verkoop.</li>"
                "<li>De auto staat op naam van een stroman. Dat is iemand die op papier de "
                "eigenaar is, maar er niet in rijdt. Zo blijft de echte eigenaar buiten "
                "beeld.</li>"
                "<li>Een autobedrijf heeft bijna geen klanten, maar blijft toch jaren bestaan. "
                "Via de boeken van zo'n bedrijf kan crimineel geld lopen.</li>"
                "</ul>"
                "<h2>En in Dordrecht?</h2>"
                "<p>De gemeente noemt de autobranche een risicovolle branche op de "
                "bedrijventerreinen. Daarom werkt de gemeente samen met de autobranche om "
                "bedrijven weerbaarder te maken. Met partners pakt de gemeente ook crimineel "
                "vermogen af, zoals geld en auto's (Integraal Veiligheidsplan 2023-2026).</p>"
                "<p>Cijfers laten niet alles zien. In het landelijke overzicht Zicht op "
                "Ondermijning scoort Dordrecht laag op risicovolle branches. Daarbij is vooral "
                "gekeken naar de omzet van de autobranche. Maar op verdachte geldtransacties "
                "scoort Dordrecht hoog (Rekenkamer Dordrecht, 2025). Wat collega's zien in hun "
                "werk, blijft dus belangrijk. Denk aan handhavers op bedrijventerreinen, of "
                "collega's bij vergunningen, parkeren en de balie.</p>"
            ),
        ),
        (
            "signal",
            {
                "title": "Een autobedrijf zonder klanten dat toch blijft bestaan",
                "what_you_see": (
                    "Op een bedrijventerrein zit een autobedrijf waar je bijna nooit klanten "
                    "ziet. Toch wisselen de dure auto's op het terrein vaak, en het bedrijf "
                    "bestaat al jaren. Soms kun je er alleen contant betalen."
                ),
                "why_it_matters": (
                    "Een bedrijf zonder klanten verdient weinig. Blijft het toch bestaan? Dan "
                    "kan het geld ergens anders vandaan komen. Het bedrijf kan een dekmantel "
                    "zijn om crimineel geld wit te wassen."
                ),
                "what_to_do": (
                    "Vraag de ondernemer er niet naar. Noteer de naam en het adres van het "
                    "bedrijf en wat je opviel, en meld het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Dure auto's op naam van iemand anders",
                "what_you_see": (
                    "Je ziet in je werk dat iemand steeds in een andere dure auto rijdt. Uit een "
                    "aanvraag blijkt dat de auto op naam staat van een ander. Of iemand met "
                    "weinig inkomen heeft meerdere dure auto's op zijn naam."
                ),
                "why_it_matters": (
                    "Een auto op naam van een stroman verbergt wie de echte eigenaar is en waar "
                    "het geld vandaan komt. De stroman krijgt er soms een klein bedrag voor, en "
                    "loopt zelf het risico."
                ),
                "what_to_do": (
                    "Kijk alleen in gegevens die je voor je werk nodig hebt. Zoek niet verder "
                    "uit nieuwsgierigheid. Noteer wat je in je eigen werk zag en meld het. Het "
                    "kernteam ondermijning bepaalt of er meer onderzoek komt."
                ),
            },
        ),
        (
            "dilemma",
            {
                "title": "Een mooi aanbod van de autohandelaar",
                "situation": (
                    "Je werkt bij handhaving en komt geregeld op een bedrijventerrein. Bij een "
                    "klein autobedrijf zie je nooit klanten, maar wel steeds andere dure auto's. "
                    "De eigenaar is altijd vriendelijk. Vandaag biedt hij je een auto aan voor "
                    "de helft van de prijs. 'Contant, en een bonnetje is niet nodig.'"
                ),
                "question": "Wat doe je?",
                "choices": [
                    {
                        "choice": (
                            "Ik neem het aanbod aan. Ik heb toch een auto nodig en het is een "
                            "privé-aankoop."
                        ),
                        "explanation": (
                            "Niet doen. Je hebt in je werk met dit bedrijf te maken. Een "
                            "voordeeltje maakt je afhankelijk, en zo kan een crimineel je stap "
                            "voor stap binden."
                        ),
                    },
                    {
                        "choice": "Ik zeg vriendelijk nee en laat het daarbij.",
                        "explanation": (
                            "Nee zeggen is goed, maar je laat twee dingen liggen: het aanbod "
                            "zelf, en wat je al zag bij dit bedrijf. Dat zijn samen signalen "
                            "die het kernteam wil weten."
                        ),
                    },
                    {
                        "choice": (
                            "Ik zeg nee, vertel het aanbod aan mijn leidinggevende en meld wat "
                            "me bij dit bedrijf opviel."
                        ),
                        "explanation": (
                            "Goed. Je blijft onafhankelijk, je leidinggevende weet ervan en "
                            "het signaal komt bij het kernteam ondermijning."
                        ),
                    },
                    {
                        "choice": (
                            "Ik zeg nee en zoek daarna zelf uit op wiens naam de auto's op het "
                            "terrein staan."
                        ),
                        "explanation": (
                            "Niet doen. Je kijkt alleen in gegevens die je voor je werk nodig "
                            "hebt, en je doet geen eigen onderzoek. Meld wat je zag; het "
                            "kernteam bepaalt de volgende stap."
                        ),
                    },
                ],
            },
        ),
        (
            "report_it",
            {
                "heading": "Meld het",
                "intro": (
                    "Zie je signalen van witwassen via auto's? Eén signaal is geen bewijs, maar "
                    "meld het toch. Twijfel je? Overleg dan met de collega die in je team "
                    "ondermijning als aandachtspunt heeft, als je team zo iemand heeft."
                ),
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Witwassen via auto's gaat vaak met contant geld, stromannen en "
                        "bedrijven die bijna geen klanten hebben."
                    ),
                    (
                        "Een signaal is geen bewijs. Zie je er meer tegelijk? Dan is dat extra "
                        "reden om te melden."
                    ),
                    (
                        "Neem geen voordeeltjes aan van ondernemers met wie je in je werk te "
                        "maken hebt."
                    ),
                    (
                        "Zoek niet zelf verder in systemen of registers. Meld wat je zag; het "
                        "kernteam bepaalt de volgende stap."
                    ),
                ],
            },
        ),
    ],
    "signals": [
        "Autobedrijf heeft bijna nooit klanten, maar blijft toch jarenlang bestaan",
        "Dure auto's worden contant betaald, of je kunt er alleen contant betalen",
        "Auto staat op naam van iemand anders dan degene die erin rijdt",
        "Iemand met weinig inkomen rijdt in steeds andere dure auto's",
        "Dure auto's op een klein terrein wisselen snel, terwijl je geen klanten ziet",
    ],
    "sources": [_REKENKAMER, _IVP],
    "published_days_ago": 60,
    "review_in_days": -5,
}


DEMO_TRENDS: list[dict] = [_DRUGSOPSLAG, _JONGE_AANWAS, _AUTOHANDEL]


# The refresher questions per trend slug: the trend's own pool, of which each attempt draws
# ``REFRESHER_DRAW``. Every question tests what the trend page teaches (the loader makes the
# trend their source; ``source_note`` names the block).
REFRESHER_QUESTIONS: dict[str, list[dict]] = {
    "drugsopslag-in-opslagboxen-en-bedrijfsverzamelgebouwen": [
        {
            "theme": "drugs",
            "kind": "scenario",
            "scenario": (
                "Je loopt als boa een ronde op een bedrijventerrein. Uit een unit in een "
                "bedrijfsverzamelgebouw komt een sterke wietlucht. De ramen zijn van binnen "
                "afgeplakt. Er is niemand te zien."
            ),
            "text": "Wat is de beste volgende stap?",
            "explanation": (
                "Een sterke wietlucht en afgeplakte ramen kunnen wijzen op drugs in de unit. Je "
                "legt vast wat je ziet en ruikt en meldt het. Je hoeft het niet zeker te weten "
                "en je doet geen eigen onderzoek."
            ),
            "options": [
                {
                    "text": (
                        "Je zoekt uit wie de huurder is en vraagt hem wat hij in de unit bewaart"
                    ),
                    "correct": False,
                    "feedback": (
                        "Zo waarschuw je mogelijk een crimineel en breng je jezelf in gevaar."
                    ),
                },
                {
                    "text": (
                        "Je vraagt de beheerder van het gebouw om de unit voor je open te maken"
                    ),
                    "correct": False,
                    "feedback": (
                        "Niet doen: je onderzoekt niet zelf. Dat kan gevaarlijk zijn en het werk "
                        "van de politie verstoren."
                    ),
                },
                {
                    "text": "Je noteert de unit, de tijd en wat je ruikt en ziet, en je meldt het",
                    "correct": True,
                    "feedback": (
                        "Goed: jij geeft het signaal door, het kernteam ondermijning bepaalt de "
                        "volgende stap."
                    ),
                },
                {
                    "text": (
                        "Je wacht tot je de lucht nog vaker ruikt, en meldt het pas als je het "
                        "zeker weet"
                    ),
                    "correct": False,
                    "feedback": (
                        "Een signaal hoeft geen bewijs te zijn. Meld het nu, dan gaat er geen "
                        "tijd verloren."
                    ),
                },
            ],
            "source_note": "Een wietlucht, anijslucht of chemicaliën bij een unit of schuur",
        },
        {
            "theme": "drugs",
            "kind": "multiple",
            "scenario": "",
            "text": (
                "Welke signalen kunnen wijzen op drugsopslag in een opslagbox? Kies alle goede "
                "antwoorden."
            ),
            "explanation": (
                "Contant vooruitbetalen, korte bezoeken op rare tijden, een huur op naam van een "
                "ander en een sterke wietlucht zijn signalen. Spullen die iemand een seizoen "
                "wegzet en een huur per automatische incasso zijn gewoon gebruik van een box."
            ),
            "options": [
                {
                    "text": (
                        "De huurder zet in het najaar zijn tuinmeubelen in de box en haalt ze in "
                        "het voorjaar weer op."
                    ),
                    "correct": False,
                    "feedback": "Dit is gewoon gebruik van een opslagbox.",
                },
                {
                    "text": (
                        "De huurder betaalt maanden vooruit met contant geld en komt alleen "
                        "kort, laat op de avond."
                    ),
                    "correct": True,
                    "feedback": "Contant geld en korte bezoeken op rare tijden zijn een signaal.",
                },
                {
                    "text": (
                        "De box staat op naam van iemand anders dan degene die er steeds komt."
                    ),
                    "correct": True,
                    "feedback": "Zo blijft de echte gebruiker buiten beeld.",
                },
                {
                    "text": "Bij de box hangt een sterke wietlucht.",
                    "correct": True,
                    "feedback": "Een sterke wietlucht kan wijzen op drugs in de box.",
                },
                {
                    "text": "De huurder betaalt de huur elke maand via een automatische incasso.",
                    "correct": False,
                    "feedback": "Een gewone betaling via de bank is geen signaal.",
                },
            ],
            "source_note": "Een huurder die contant vooruitbetaalt en op rare tijden komt",
        },
        {
            "theme": "drugs",
            "kind": "true_false",
            "scenario": "",
            "text": (
                "Waar of niet waar: Je meldt een signaal pas als je zeker weet dat er drugs in de "
                "opslagbox of unit liggen."
            ),
            "explanation": (
                "Een signaal is een aanwijzing, geen bewijs. Jij meldt wat je zag. Het kernteam "
                "ondermijning en de partners zoeken uit wat er aan de hand is."
            ),
            "options": [
                {"text": "Waar", "correct": False, "feedback": ""},
                {"text": "Niet waar", "correct": True, "feedback": ""},
            ],
            "source_note": "Wat doet de gemeente?",
        },
        {
            "theme": "drugs",
            "kind": "scenario",
            "scenario": (
                "De beheerder van een opslagbedrijf houdt je aan. Een huurder betaalt steeds een "
                "half jaar vooruit, contant. 's Avonds staan er vaak andere busjes bij zijn box. "
                "'Moet ik hier iets mee?' vraagt de beheerder."
            ),
            "text": "Wat doe je?",
            "explanation": (
                "Contant betalen mag, maar samen met de bezoeken op rare tijden is het een "
                "signaal. Je schrijft op wat de beheerder vertelt en meldt het. De beheerder kan "
                "het ook zelf melden, bij de politie of anoniem bij Meld Misdaad Anoniem."
            ),
            "options": [
                {
                    "text": (
                        "Je schrijft op wat hij vertelt en meldt het, en zegt dat hij ook zelf "
                        "anoniem kan melden"
                    ),
                    "correct": True,
                    "feedback": (
                        "Goed: het signaal komt bij het kernteam en de beheerder weet hoe hij "
                        "zelf kan melden."
                    ),
                },
                {
                    "text": (
                        "Je zegt dat contant betalen niet verboden is, dus zolang de huur binnen "
                        "komt is er niets aan de hand"
                    ),
                    "correct": False,
                    "feedback": (
                        "Contant betalen mag, maar samen met de rest is het een signaal. En de "
                        "beheerder leert zo dat melden geen zin heeft."
                    ),
                },
                {
                    "text": (
                        "Je vraagt hem om de box open te maken, zodat jullie samen kunnen kijken "
                        "wat erin ligt"
                    ),
                    "correct": False,
                    "feedback": (
                        "Niet doen: je gaat niet zelf op onderzoek uit. Dat is gevaarlijk voor "
                        "jou en de beheerder."
                    ),
                },
                {
                    "text": (
                        "Je belooft 's avonds een paar keer extra langs te komen, en meldt het pas "
                        "als je zelf iets ziet"
                    ),
                    "correct": False,
                    "feedback": (
                        "Posten en volgen is zelf onderzoek doen. Meld het nu, dan bepaalt het "
                        "kernteam wat er gebeurt."
                    ),
                },
            ],
            "source_note": "De beheerder van een opslagbedrijf twijfelt",
        },
        {
            "theme": "drugs",
            "kind": "true_false",
            "scenario": "",
            "text": (
                "Waar of niet waar: De gemeente werkt samen met verhuurders van opslagboxen om de "
                "branche weerbaarder te maken."
            ),
            "explanation": (
                "Volgens het Integraal Veiligheidsplan 2023-2026 werkt de gemeente samen met "
                "verhuurders van opslagboxen, zodat zij misbruik beter herkennen."
            ),
            "options": [
                {"text": "Waar", "correct": True, "feedback": ""},
                {"text": "Niet waar", "correct": False, "feedback": ""},
            ],
            "source_note": "Wat doet de gemeente?",
        },
        {
            "theme": "drugs",
            "kind": "single",
            "scenario": "",
            "text": "Waarom huren criminelen graag een opslagbox of unit om drugs te bewaren?",
            "explanation": (
                "Zo'n ruimte huur je snel en er worden weinig vragen gesteld. Er lopen veel "
                "mensen in en uit, dus je valt niet op. En bijna niemand ziet wat er binnen ligt."
            ),
            "options": [
                {
                    "text": (
                        "Omdat de politie een opslagbox volgens de wet nooit mag laten openmaken"
                    ),
                    "correct": False,
                    "feedback": "Dat klopt niet. Het gaat erom dat je er weinig opvalt.",
                },
                {
                    "text": "Omdat de huur van een opslagbox altijd contant moet worden betaald",
                    "correct": False,
                    "feedback": "Dat klopt niet. Contant vooruitbetalen is juist een signaal.",
                },
                {
                    "text": (
                        "Omdat opslagbedrijven alleen in het buitengebied liggen, waar niemand komt"
                    ),
                    "correct": False,
                    "feedback": "Ze liggen vaak op bedrijventerreinen, tussen veel huurders.",
                },
                {
                    "text": "Je huurt hem snel, er komen veel mensen en niemand ziet wat erin ligt",
                    "correct": True,
                    "feedback": "Goed.",
                },
            ],
            "source_note": "Wat speelt er?",
        },
    ],
}

# A trend's refresher: a module with only a short quiz, mandatory for all staff within
# ``REFRESHER_DUE_IN_DAYS``. Each attempt draws ``REFRESHER_DRAW`` questions from the trend's
# pool (twice as many in it, so a retake sees other questions); it is mandatory, so the same
# review rule as the onboarding quiz: after a failed attempt the learner sees what to reread
# (the trend), the right answers only after passing or the last attempt.
REFRESHER_DUE_IN_DAYS = 30
REFRESHER_PASS_MARK = 60
REFRESHER_DRAW = 3


def refresher_quiz(trend: dict) -> dict:
    """The refresher quiz's fields for a trend dict; ``draw`` is how many questions each
    attempt draws from the trend's pool (:func:`refresher_pool`)."""
    return {
        "title": f"Opfrisser: {trend['title']}",
        "intro": "Drie vragen over deze trend.",
        "pass_mark": REFRESHER_PASS_MARK,
        "max_attempts": 3,
        "retry_wait_minutes": 30,
        "review_after_fail": "themes",
        "review_after_last": "full",
        "review_after_pass": "full",
        "draw": REFRESHER_DRAW,
    }


def refresher_pool(trend: dict) -> dict:
    """The name and description of the question pool of a trend's refresher."""
    return {
        "name": f"Opfrisser: {trend['title']}"[:100],
        "description": f"Vragen voor de opfrisser van de trend '{trend['title']}'.",
    }


def refresher_module(trend: dict) -> dict:
    """The refresher module's content (no lessons) for a trend dict."""
    return {
        "title": f"Opfrisser: {trend['title']}",
        "slug": f"opfrisser-{trend['slug']}"[:80],
        "intro": f"<p>{trend['summary']} Test in een paar minuten wat je weet.</p>",
        "learning_goals": "Je herkent de signalen van deze trend.\nJe weet wat je doet.",
        "estimated_minutes": 5,
        "lessons": [],
    }
