"""The question pool "Onboarding": the questions of the onboarding module's final quiz.

Written in plain Dutch (B1) from ../shared/content-brief.md, and every question tests only what a
lesson of the onboarding module (``demo.content.learning.ONBOARDING_MODULE``) teaches: its
``taught_in`` key is that lesson's slug and ``source_note`` the block or heading, so the result
page can send a learner back to the right place and the bank check can see the source.

Each entry has a theme key, a kind ("single", "multiple", "true_false" or "scenario"), an
optional workplace situation, the question, an explanation shown after answering and the
options with feedback. The wrong options are mistakes people really make (reporting to the
wrong place, looking into it yourself, confronting someone, waiting for proof, telling
colleagues, leaving it to the police), written as long and as specific as the right ones; in
several scenarios every option reports, and the difference is what you write down, leave out
or do not do. The engine shuffles the options for each attempt; the stored order spreads the
right answer over the positions. Addresses and names are examples.
"""

from __future__ import annotations

from demo.content.question_builders import question, true_false

GOED, FOUT = True, False

QUESTION_POOL_DESCRIPTION = (
    "Vragen voor de eindtoets van de onboardingmodule 'Ondermijning herkennen en melden'. "
    "Elke vraag toetst wat een les van die module leert."
)

# The lessons of the onboarding module, by slug.
_WAT_IS = "wat-is-ondermijning"
_WAAROM = "waarom-de-gemeente-en-jij"
_DORDRECHT = "ondermijning-in-dordrecht"
_SIGNALEN = "signalen-herkennen"
_WAARBORGEN = "waarborgen"
_MELDEN = "melden"


_MELDEN_QUESTIONS: list[dict] = [
    question(
        "melden",
        "single",
        "Via welke routes meld je als medewerker binnen de gemeente een vermoeden?",
        explanation=(
            "Binnen de gemeente meld je via de mailbox van het kernteam ondermijning of via Meld "
            "een Vermoeden in het zaaksysteem. Meld Misdaad Anoniem is een route voor inwoners."
        ),
        options=[
            (
                "Via de mailbox van het kernteam ondermijning of via Meld een Vermoeden in het "
                "zaaksysteem",
                GOED,
                "Goed: dit zijn de twee interne routes.",
            ),
            (
                "Via Meld Misdaad Anoniem, want als medewerker meld je nooit binnen de gemeente "
                "zelf",
                FOUT,
                "Meld Misdaad Anoniem is er voor inwoners. Jij meldt binnen de gemeente.",
            ),
            (
                "Via een bericht in de groepsapp van je team, zodat je collega's ook meteen "
                "kunnen opletten",
                FOUT,
                "Zo vertel je het aan mensen die er niets mee te maken hebben.",
            ),
            (
                "Via het klachtenformulier op de website van de gemeente, net als een inwoner",
                FOUT,
                "Een klacht is iets anders dan een vermoeden van ondermijning.",
            ),
        ],
        taught_in=_MELDEN,
        source_note="Hoe meld je binnen de gemeente?",
    ),
    true_false(
        "melden",
        "Je meldt een vermoeden pas als je zeker weet dat er iets strafbaars gebeurt.",
        true=False,
        explanation=(
            "Een signaal is een aanwijzing, geen bewijs. Je hoeft niets zeker te weten en niets "
            "uit te zoeken. Het kernteam ondermijning beoordeelt je melding."
        ),
        taught_in=_SIGNALEN,
        source_note="Wat is een signaal?",
    ),
    question(
        "melden",
        "multiple",
        "Wat hoort in je melding? Kies alle goede antwoorden.",
        explanation=(
            "Je schrijft feiten op: wat je zag, hoorde of rook, waar en wanneer, wie erbij was "
            "als je dat gewoon kon zien, en waarom het je opviel. Een conclusie trek je niet, en "
            "je zoekt niets op wat je niet voor je werk nodig hebt."
        ),
        options=[
            (
                "Wat je zelf vond over de persoon toen je hem opzocht in een systeem dat je voor "
                "je werk niet nodig hebt",
                FOUT,
                "Zoek niet in systemen die je voor je werk niet nodig hebt.",
            ),
            (
                "Wat je zag, hoorde of rook, en waarom het je opviel",
                GOED,
                "Goed: dat is de kern van je melding.",
            ),
            (
                "Het adres of de plek, en de datum en de tijd",
                GOED,
                "Goed: zo kan het kernteam je signaal naast andere leggen.",
            ),
            (
                "Een kenteken, een naam of een bedrijfsnaam die je gewoon kon zien, zonder dat je "
                "iets hebt opgezocht in een systeem",
                GOED,
                "Goed: wat je zonder moeite zag, mag erin.",
            ),
            (
                "Jouw conclusie over wie de dader is en wat hij doet, zodat het kernteam minder "
                "hoeft uit te zoeken",
                FOUT,
                "Houd het bij feiten. Een conclusie trekken is niet jouw taak.",
            ),
        ],
        taught_in=_MELDEN,
        source_note="Wat zet je in je melding?",
    ),
    question(
        "melden",
        "single",
        "Wie beoordeelt jouw melding en beslist wat ermee gebeurt?",
        explanation=(
            "Het kernteam ondermijning ontvangt alle signalen en beslist wat ermee gebeurt. Het "
            "zijn vijf beleidsadviseurs van team Veiligheid."
        ),
        options=[
            (
                "Je eigen leidinggevende, die daarna zelf het onderzoek leidt",
                FOUT,
                "Je leidinggevende kan meedenken, maar het kernteam beslist.",
            ),
            (
                "Het kernteam ondermijning: vijf beleidsadviseurs van team Veiligheid",
                GOED,
                "Goed: het kernteam ontvangt alle signalen en beslist.",
            ),
            (
                "De collega die de melding deed, samen met de contactpersoon in zijn team",
                FOUT,
                "Jij meldt en de contactpersoon denkt mee. Beslissen doet het kernteam.",
            ),
            (
                "De politie, want de gemeente stuurt elke melding meteen door zonder er zelf naar "
                "te kijken",
                FOUT,
                "De gemeente kijkt er zelf naar. Het kernteam beoordeelt eerst.",
            ),
        ],
        taught_in=_MELDEN,
        source_note="Wat gebeurt er met je melding?",
    ),
    question(
        "melden",
        "single",
        "Wat is het casusoverleg?",
        explanation=(
            "In het casusoverleg bespreken de gemeente, de politie, het RIEC, de Omgevingsdienst "
            "Zuid-Holland Zuid en de Sociale Dienst Drechtsteden elke maand samen zaken. Ze "
            "spreken af wie wat doet."
        ),
        options=[
            (
                "Een jaarlijkse bijeenkomst waar het kernteam alle medewerkers vertelt wat er met "
                "hun meldingen is gebeurd",
                FOUT,
                "Zo'n bijeenkomst is het niet. Over zaken hoor je juist weinig terug.",
            ),
            (
                "Een gesprek tussen jou en je leidinggevende over een melding die je wilt doen",
                FOUT,
                "Dat gesprek kan nuttig zijn, maar het is niet het casusoverleg.",
            ),
            (
                "Een vergadering elke maand waarin de gemeente en partners zoals de politie samen "
                "zaken bespreken",
                GOED,
                "Goed: daar spreken de partners af wie wat doet.",
            ),
            (
                "Een zitting waarin een rechter beslist of een pand van een verdachte dicht mag",
                FOUT,
                "Het casusoverleg is een overleg tussen partners, geen rechtszaak.",
            ),
        ],
        taught_in=_MELDEN,
        source_note="Wat gebeurt er met je melding?",
    ),
    true_false(
        "melden",
        "Het casusoverleg van de gemeente en haar partners komt één keer per jaar bij elkaar.",
        true=False,
        explanation=(
            "Het casusoverleg is er elke maand. Daar bespreken de gemeente, de politie, het RIEC, "
            "de Omgevingsdienst Zuid-Holland Zuid en de Sociale Dienst Drechtsteden zaken."
        ),
        taught_in=_MELDEN,
        source_note="Wat gebeurt er met je melding?",
    ),
    question(
        "melden",
        "scenario",
        "Wat doe je met wat je nu ziet?",
        scenario=(
            "Een maand geleden meldde je dat er bij een bedrijfspand steeds 's nachts licht "
            "brandt. Je hebt er niets meer over gehoord. Vandaag zie je bij hetzelfde pand om "
            "06.00 uur twee mannen dozen in een busje laden."
        ),
        explanation=(
            "Na een melding hoor je meestal weinig terug. Dat betekent niet dat er niets gebeurt. "
            "Een nieuw feit meld je ook: het kan het stukje zijn dat nog ontbrak."
        ),
        options=[
            (
                "Je meldt het niet: je eerste melding is blijkbaar niet opgepakt, dus dit heeft "
                "ook geen zin",
                FOUT,
                "Weinig terughoren betekent niet dat er niets met je melding gebeurt.",
            ),
            (
                "Je belt eerst het kernteam om te vragen wat er met je eerste melding is gedaan, "
                "en meldt pas daarna",
                FOUT,
                "Over lopende zaken hoor je weinig. Wacht daar niet op.",
            ),
            (
                "Je gaat morgen weer om 06.00 uur kijken, zodat je meer weet voordat je iets meldt",
                FOUT,
                "Niet doen: je gaat dan zelf op onderzoek uit.",
            ),
            (
                (
                    "Je meldt ook dit nieuwe feit, met de datum, de tijd en wat je zag, en noemt "
                    "je eerdere melding"
                ),
                GOED,
                "Goed: elk nieuw feit kan helpen, ook als je nog niets hoorde.",
            ),
        ],
        taught_in=_MELDEN,
        source_note="Jouw melding is een puzzelstukje",
    ),
    question(
        "melden",
        "scenario",
        "Welke zin past het best in je melding?",
        scenario=(
            "Je rijdt op dinsdagavond langs een loods aan de Voorbeeldweg. Om 21.30 uur laden "
            "vier mannen dozen in een wit busje. De ramen van de loods zijn afgeplakt. Je wilt "
            "het melden."
        ),
        explanation=(
            "Een goede melding bevat feiten: wat, waar en wanneer. Je trekt geen conclusie, je "
            "zoekt niemand op en je vraagt niet rond bij buren."
        ),
        options=[
            (
                "Bij de loods aan de Voorbeeldweg zitten drugsdealers, dat zie je zo. Ze moeten "
                "snel worden opgepakt.",
                FOUT,
                "Dat is een conclusie, geen feit. Houd het bij wat je zag.",
            ),
            (
                "Dinsdag 21.30 uur, loods aan de Voorbeeldweg: vier mannen laden dozen in een wit "
                "busje. De ramen zijn afgeplakt.",
                GOED,
                "Goed: feiten, met plek en tijd.",
            ),
            (
                "Ik heb op sociale media uitgezocht wie de huurder van de loods is en wie zijn "
                "vrienden zijn.",
                FOUT,
                "Niet doen: je gaat dan zelf op onderzoek uit.",
            ),
            (
                "Een buurvrouw die ik ernaar vroeg, zegt dat er bij die loods al jaren rare dingen "
                "gebeuren.",
                FOUT,
                "Vraag niet rond bij buren. Zo kan het uitlekken.",
            ),
        ],
        taught_in=_MELDEN,
        source_note="Wat zet je in je melding?",
    ),
    question(
        "melden",
        "single",
        "Je twijfelt of iets een melding waard is. Wat kun je dan eerst doen?",
        explanation=(
            "Bij twijfel praat je eerst met de contactpersoon ondermijning in je team. In de "
            "meeste teams is er zo iemand. Weet je niet wie het is? Vraag het je leidinggevende."
        ),
        options=[
            (
                "Het rondvertellen bij collega's op de afdeling, om te horen of zij ook iets "
                "gezien hebben",
                FOUT,
                "Zo vertel je het aan mensen die er niets mee te maken hebben.",
            ),
            (
                "Het melden bij Meld Misdaad Anoniem, zodat niemand op je werk weet dat jij het "
                "was",
                FOUT,
                "Dat is de route voor inwoners. Jij meldt binnen de gemeente.",
            ),
            (
                "Het eerst bespreken met de contactpersoon ondermijning of je leidinggevende",
                GOED,
                "Goed: die collega weet er meer van en kan meedenken.",
            ),
            (
                "Het laten rusten tot je zelf meer signalen hebt verzameld, bijvoorbeeld met "
                "foto's",
                FOUT,
                "Zelf bewijs verzamelen is niet jouw taak.",
            ),
        ],
        taught_in=_MELDEN,
        source_note="Hoe meld je binnen de gemeente?",
    ),
    true_false(
        "melden",
        "Weet je niet wie in jouw team ondermijning als aandachtsveld heeft? Dan kun je dat aan "
        "je leidinggevende vragen.",
        true=True,
        explanation=(
            "In de meeste teams, niet in alle, heeft iemand ondermijning als aandachtsveld. Veel "
            "collega's weten niet wie dat is. Je leidinggevende kan het je vertellen."
        ),
        taught_in=_MELDEN,
        source_note="Hoe meld je binnen de gemeente?",
    ),
    question(
        "melden",
        "scenario",
        "Wat doe je?",
        scenario=(
            "Een inwoner vertelt je aan de balie dat er in haar straat steeds 's nachts auto's "
            "komen en gaan bij één woning. Ze is bang dat iemand weet dat zij het vertelt."
        ),
        explanation=(
            "Een inwoner kan melden bij de politie, of anoniem bij Meld Misdaad Anoniem. Hoor jij "
            "het in je werk? Dan meld je het ook zelf binnen de gemeente."
        ),
        options=[
            (
                "Je zegt dat ze het bij jou kwijt kan en verder niets hoeft te doen, omdat jij "
                "het zelf gaat uitzoeken",
                FOUT,
                "Uitzoeken is niet jouw taak. Meld het, het kernteam beoordeelt.",
            ),
            (
                "Je zegt dat ze eerst foto's en kentekens moet verzamelen, want zonder bewijs kan "
                "niemand iets",
                FOUT,
                "Een signaal hoeft geen bewijs te zijn. Zelf bewijs verzamelen is niet veilig.",
            ),
            (
                "Je zegt dat zij niet hoeft te melden: jij belt de politie, en de gemeente doet "
                "er verder niets mee",
                FOUT,
                "Wat je in je werk hoort, meld je ook binnen de gemeente.",
            ),
            (
                "Je vertelt dat ze anoniem kan melden bij Meld Misdaad Anoniem, en je meldt het "
                "zelf ook intern",
                GOED,
                "Goed: zij weet hoe ze veilig kan melden, en jouw signaal komt bij het kernteam.",
            ),
        ],
        taught_in=_MELDEN,
        source_note="Als een inwoner iets vertelt",
    ),
    question(
        "melden",
        "single",
        "Waarom is ook een klein signaal de moeite van het melden waard?",
        explanation=(
            "Het kernteam krijgt signalen uit de hele gemeente en van partners. Samen met andere "
            "meldingen ontstaat een beeld. Je kunt de puzzel vaak alleen samen leggen."
        ),
        options=[
            (
                "Omdat elke melding vanzelf leidt tot een controle door de politie bij het adres",
                FOUT,
                "Het kernteam beoordeelt eerst en beslist wat er gebeurt.",
            ),
            (
                "Omdat het kernteam meldingen naast elkaar legt: jouw signaal kan het stukje zijn "
                "dat ontbrak",
                GOED,
                "Goed: samen met andere meldingen ontstaat een beeld.",
            ),
            (
                "Omdat jij na je melding van het kernteam precies hoort wat er met de zaak is "
                "gebeurd",
                FOUT,
                "Na een melding hoor je meestal weinig terug.",
            ),
            (
                "Omdat het kernteam alleen iets doet als er van één adres minstens tien meldingen "
                "zijn",
                FOUT,
                "Zo'n grens is er niet. Elk signaal wordt bekeken.",
            ),
        ],
        taught_in=_MELDEN,
        source_note="Jouw melding is een puzzelstukje",
    ),
    question(
        "melden",
        "multiple",
        "Je ziet een signaal. Wat doe je beter niet? Kies alle goede antwoorden.",
        explanation=(
            "Je gaat niet zelf kijken of foto's maken, je spreekt niemand aan op je vermoeden en "
            "je vraagt niet rond. Zo blijf je veilig en verstoor je geen onderzoek. Opschrijven "
            "en melden doe je wel."
        ),
        options=[
            (
                "Opschrijven wat je zag, met de plek, de datum en de tijd",
                FOUT,
                "Dit doe je juist wel.",
            ),
            (
                "Zelf een paar keer gaan kijken en foto's maken",
                GOED,
                "Klopt: dat is zelf onderzoek doen.",
            ),
            (
                "De persoon op je vermoeden aanspreken",
                GOED,
                "Klopt: zo waarschuw je hem, en dat kan gevaarlijk zijn.",
            ),
            (
                "Rondvragen bij buren of bij collega's die er niets mee te maken hebben, om te "
                "horen of zij misschien ook iets hebben gezien",
                GOED,
                "Klopt: zo kan je vermoeden uitlekken.",
            ),
            (
                "Het zo snel mogelijk via de interne route bij het kernteam ondermijning melden, "
                "ook als je het niet zeker weet",
                FOUT,
                "Dit doe je juist wel.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Opmerken en melden, niet zelf onderzoeken",
    ),
    true_false(
        "melden",
        "In de Veiligheidsmonitor 2023 zei 81 procent van de inwoners dat ze zulke situaties "
        "nooit hadden gemeld.",
        true=True,
        explanation=(
            "58 procent van de inwoners wist van zulke situaties in de buurt of had een "
            "vermoeden. 81 procent had er nooit iets van gemeld. Jouw melding telt dus."
        ),
        taught_in=_SIGNALEN,
        source_note="Inwoners zien veel, maar melden weinig",
    ),
]


_DRUGS_QUESTIONS: list[dict] = [
    question(
        "drugs",
        "scenario",
        "Wat doe je?",
        scenario=(
            "Je werkt bij de buitendienst. Bij een schuur in het buitengebied ruik je een "
            "sterke, zoete lucht van anijs. Er is niemand te zien en de deur zit dicht."
        ),
        explanation=(
            "Een anijslucht kan wijzen op het maken van synthetische drugs. Zo'n drugslab is "
            "gevaarlijk: er kan brand of een explosie ontstaan. Je gaat niet kijken, noteert de "
            "plek, de datum en de tijd en meldt het. Bij direct gevaar bel je het alarmnummer."
        ),
        options=[
            (
                "Je loopt door, noteert de plek, de datum en de tijd en meldt het",
                GOED,
                "Goed: je blijft veilig en het signaal komt bij het kernteam.",
            ),
            (
                "Je kijkt even door een raam of er echt een drugslab staat, zodat je melding klopt",
                FOUT,
                "Niet doen: dat is gevaarlijk en je hoeft geen bewijs te leveren.",
            ),
            (
                "Je vraagt bij de boerderij ernaast wie de schuur huurt en wat daar gebeurt",
                FOUT,
                "Zo ga je zelf op onderzoek uit, en het kan uitlekken.",
            ),
            (
                "Je doet niets, want de politie houdt het buitengebied zelf al goed in de gaten",
                FOUT,
                "Juist jouw signaal kan het stukje zijn dat de partners nog missen.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Een sterke lucht van anijs",
    ),
    question(
        "drugs",
        "single",
        "Bij een loods ruik je een sterke, zoete anijslucht. Waar kan dat op wijzen?",
        explanation=(
            "Een anijslucht, soms met een scherpe chemische lucht, kan ontstaan bij het maken "
            "van synthetische drugs zoals xtc of amfetamine."
        ),
        options=[
            (
                "Op een hennepkwekerij, want hennep geeft altijd een zoete lucht van anijs",
                FOUT,
                "De lessen koppelen de anijslucht aan synthetische drugs, niet aan hennep.",
            ),
            (
                "Op de opslag van cocaïne, die in grote partijen naar anijs ruikt",
                FOUT,
                "De anijslucht hoort bij het maken van synthetische drugs.",
            ),
            (
                "Op het maken van synthetische drugs, zoals xtc of amfetamine",
                GOED,
                "Goed.",
            ),
            (
                "Op een bedrijf dat zonder vergunning oud hout en afval verbrandt",
                FOUT,
                "Dat ruikt naar rook, niet naar anijs.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Een sterke lucht van anijs",
    ),
    question(
        "drugs",
        "multiple",
        "In een berm liggen jerrycans en vaten met chemicaliën. Wat doe je? Kies alle goede "
        "antwoorden.",
        explanation=(
            "Bij het maken van synthetische drugs blijft giftig afval over, dat criminelen in de "
            "natuur dumpen. Je raakt niets aan, blijft op afstand en meldt het meteen, met de "
            "precieze plek."
        ),
        options=[
            (
                "Je zet de vaten alvast aan de kant, zodat ze later makkelijk op te halen zijn",
                FOUT,
                "Raak niets aan: het afval is giftig.",
            ),
            (
                "Je blijft op afstand en raakt niets aan",
                GOED,
                "Goed: het afval is gevaarlijk.",
            ),
            (
                "Je maakt een van de vaten open om te ruiken wat erin zit, zodat je melding "
                "preciezer wordt",
                FOUT,
                "Niet doen: de stoffen kunnen giftig zijn.",
            ),
            (
                "Je meldt het meteen en geeft de precieze plek door",
                GOED,
                "Goed: dan kan het afval veilig worden opgeruimd.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Chemisch afval op een vreemde plek",
    ),
    true_false(
        "drugs",
        "Criminelen dumpen afval van drugslabs soms in de natuur. Dat afval is gevaarlijk voor "
        "mensen, dieren en de bodem.",
        true=True,
        explanation=(
            "Bij het maken van synthetische drugs blijft veel giftig afval over. Zie je het? Raak "
            "niets aan, blijf op afstand en meld het."
        ),
        taught_in=_SIGNALEN,
        source_note="Chemisch afval op een vreemde plek",
    ),
    question(
        "drugs",
        "scenario",
        "Wat doe je?",
        scenario=(
            "Je laat als medewerker Vastgoed een pand van de gemeente zien. Bij het pand ernaast "
            "zijn de ramen afgeplakt, je hoort gezoem en het ruikt vreemd. Een collega zegt: "
            "'Laat maar, straks beschuldig je iemand voor niets.'"
        ),
        explanation=(
            "Afgeplakte ramen, gezoem en een vreemde lucht kunnen samen wijzen op een "
            "hennepkwekerij. Je meldt de feiten en schrijft erbij dat je het niet zeker weet. Zo "
            "beschuldig je niemand."
        ),
        options=[
            (
                "Je wacht af en meldt het pas als je de lucht nog een paar keer hebt geroken, "
                "zodat je zeker bent",
                FOUT,
                "Je hoeft het niet zeker te weten. Wachten kost tijd.",
            ),
            (
                "Je komt 's avonds terug om door een kier te kijken wat er binnen staat",
                FOUT,
                "Niet doen: zelf onderzoek doen is gevaarlijk.",
            ),
            (
                "Je vraagt de mogelijke huurder of hij weet wat er in het pand ernaast gebeurt",
                FOUT,
                "Zo vraag je rond bij iemand die er niets mee te maken heeft.",
            ),
            (
                "Je meldt wat je zag, hoorde en rook, en schrijft erbij dat je het niet zeker weet",
                GOED,
                "Goed: je meldt feiten, geen beschuldiging.",
            ),
        ],
        taught_in=_MELDEN,
        source_note="Is dit genoeg om te melden?",
    ),
    question(
        "drugs",
        "single",
        "Waarom is Dordrecht aantrekkelijk voor criminelen die met drugs werken?",
        explanation=(
            "Dordrecht ligt dicht bij Rotterdam, Noord-Brabant en België, en direct aan de A16. "
            "Dat is handig voor bedrijven, maar ook voor criminelen. Het buitengebied is een "
            "risico voor de opslag van drugs."
        ),
        options=[
            (
                "De gemeente doet zelf niets tegen drugs, omdat dat alleen een taak van de "
                "politie is",
                FOUT,
                "De gemeente heeft een eigen taak in de aanpak van ondermijning.",
            ),
            (
                "De stad ligt dicht bij Rotterdam, Noord-Brabant en België, en aan de A16",
                GOED,
                "Goed: die ligging brengt risico's mee.",
            ),
            (
                "In Dordrecht zijn de straffen voor drugshandel lager dan in de rest van Nederland",
                FOUT,
                "Dat klopt niet. Het gaat om de ligging van de stad.",
            ),
            (
                "Dordrecht heeft geen bedrijventerreinen, waardoor niemand op opslag in loodsen "
                "let",
                FOUT,
                "Dordrecht heeft juist 24 bedrijventerreinen.",
            ),
        ],
        taught_in=_DORDRECHT,
        source_note="Een stad op een kruispunt",
    ),
    true_false(
        "drugs",
        "Een sterke anijslucht bij een woning is vooral een signaal van een hennepkwekerij.",
        true=False,
        explanation=(
            "Een anijslucht kan wijzen op het maken van synthetische drugs, zoals xtc of "
            "amfetamine. Afgeplakte ramen, gezoem en een vreemde lucht kunnen samen wijzen op "
            "een hennepkwekerij."
        ),
        taught_in=_SIGNALEN,
        source_note="Een sterke lucht van anijs",
    ),
    question(
        "drugs",
        "single",
        "Waarom is een drugslab in een schuur of woning ook gevaarlijk voor de buurt?",
        explanation=(
            "Bij het maken van synthetische drugs worden gevaarlijke stoffen gebruikt. Er kan "
            "brand of een explosie ontstaan."
        ),
        options=[
            (
                "Omdat de politie bij een inval altijd de hele straat voor een week afsluit",
                FOUT,
                "Het gevaar zit in het lab zelf: de stoffen en de kans op brand.",
            ),
            (
                "Omdat de buren dan automatisch worden verdacht van medeplichtigheid",
                FOUT,
                "Dat klopt niet. Het gevaar zit in de stoffen.",
            ),
            (
                "Omdat er bij het maken van drugs brand of zelfs een explosie kan ontstaan",
                GOED,
                "Goed.",
            ),
            (
                "Omdat de gemeente dan de huizen in de buurt niet meer mag verhuren",
                FOUT,
                "Zo'n regel is er niet. Het gevaar zit in brand en explosies.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Een sterke lucht van anijs",
    ),
    question(
        "drugs",
        "single",
        "Om welke vormen van drugscriminaliteit gaat het in Dordrecht vooral?",
        explanation=(
            "Volgens het onderzoek van de Rekenkamer Dordrecht (2025) gaat het om "
            "hennepkwekerijen, handel in cocaïne en de opslag van harddrugs en softdrugs."
        ),
        options=[
            (
                "Hennepkwekerijen, handel in cocaïne en de opslag van harddrugs en softdrugs",
                GOED,
                "Goed.",
            ),
            (
                "Vooral drugsgebruik op straat door bezoekers van het uitgaansgebied in de "
                "binnenstad",
                FOUT,
                "De lessen noemen kweken, handelen en opslaan.",
            ),
            (
                "Alleen de verkoop van softdrugs door coffeeshops die geen vergunning hebben",
                FOUT,
                "Het gaat om meer: hennep, cocaïne en opslag.",
            ),
            (
                "Vooral het maken van nepmedicijnen in kleine laboratoria in woonwijken",
                FOUT,
                "Dat noemen de lessen niet.",
            ),
        ],
        taught_in=_DORDRECHT,
        source_note="Wat speelt er in Dordrecht?",
    ),
    true_false(
        "drugs",
        "Inwoners denken dat verpakkingen van chemicaliën bijna niet voorkomen. Dat betekent dat "
        "ze ook bijna nooit voorkomen.",
        true=False,
        explanation=(
            "De Veiligheidsmonitor 2023 zegt alleen hoe vaak inwoners denken dat ze zoiets zien. "
            "Dat zegt niet hoe vaak het echt gebeurt. Juist daarom is het goed dat jij het "
            "signaal kent."
        ),
        taught_in=_SIGNALEN,
        source_note="Inwoners zien veel, maar melden weinig",
    ),
    true_false(
        "drugs",
        "Het waterbedeffect vanuit Rotterdam en Antwerpen is een gevoel van medewerkers, geen "
        "gemeten feit.",
        true=True,
        explanation=(
            "Eén medewerker vertelde de Rekenkamer over het gevoel van zo'n waterbedeffect. "
            "Andere medewerkers herkennen dat beeld. Het is een gevoel, geen gemeten feit."
        ),
        taught_in=_DORDRECHT,
        source_note="Een stad op een kruispunt",
    ),
]


_MENSENHANDEL_QUESTIONS: list[dict] = [
    question(
        "mensenhandel",
        "multiple",
        "Welke vormen van mensenhandel komen in Dordrecht voor? Kies alle goede antwoorden.",
        explanation=(
            "Mensenhandel komt in drie vormen voor: seksuele uitbuiting, criminele uitbuiting "
            "(iemand wordt gedwongen om misdaad te plegen) en arbeidsuitbuiting (iemand werkt "
            "onder slechte omstandigheden voor weinig of geen loon)."
        ),
        options=[
            (
                "Witwassen via een winkel die bijna nooit klanten heeft en toch jarenlang blijft "
                "bestaan",
                FOUT,
                "Dat is een signaal van witwassen, geen vorm van mensenhandel.",
            ),
            ("Seksuele uitbuiting", GOED, "Klopt."),
            (
                "Criminele uitbuiting: iemand wordt gedwongen om voor een ander misdaad te plegen, "
                "bijvoorbeeld drugs wegbrengen",
                GOED,
                "Klopt.",
            ),
            (
                "Arbeidsuitbuiting: iemand werkt onder slechte omstandigheden voor weinig loon",
                GOED,
                "Klopt.",
            ),
            (
                "Fraude met subsidies door een stichting die het geld aan iets anders uitgeeft",
                FOUT,
                "Dat is fraude, geen vorm van mensenhandel.",
            ),
        ],
        taught_in=_DORDRECHT,
        source_note="Wat speelt er in Dordrecht?",
    ),
    question(
        "mensenhandel",
        "scenario",
        "Wat doe je?",
        scenario=(
            "Je bent handhaver. Elke ochtend om zes uur haalt een busje een groep werknemers op "
            "bij een woning. 's Avonds laat komen ze terug. Ze zien er moe uit, en een man praat "
            "steeds voor hen."
        ),
        explanation=(
            "Dit kunnen signalen zijn van arbeidsuitbuiting, een vorm van mensenhandel. Je spreekt "
            "de werkgever niet aan: dat kan gevaarlijk zijn voor de werknemers. Je noteert wat je "
            "zag en meldt het."
        ),
        options=[
            (
                "Je spreekt de man die voor hen praat aan en vraagt of de werknemers wel genoeg "
                "loon krijgen",
                FOUT,
                "Niet doen: dat kan gevaarlijk zijn voor de werknemers.",
            ),
            (
                "Je noteert het adres, de tijden en wat je zag, en je meldt het bij het kernteam",
                GOED,
                "Goed: het signaal komt bij de mensen die er iets mee kunnen.",
            ),
            (
                "Je vraagt een van de werknemers of je even mag zien hoe ze in de woning wonen",
                FOUT,
                "Zo ga je zelf op onderzoek uit en breng je hem misschien in gevaar.",
            ),
            (
                "Je meldt het niet, want als de werknemers een probleem hebben, vragen ze zelf "
                "wel om hulp",
                FOUT,
                "Slachtoffers durven vaak zelf geen hulp te vragen.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Werknemers die worden uitgebuit",
    ),
    true_false(
        "mensenhandel",
        "Slachtoffers van arbeidsuitbuiting vragen meestal zelf om hulp als het echt slecht gaat.",
        true=False,
        explanation=(
            "Slachtoffers durven vaak zelf geen hulp te vragen. Daarom is het belangrijk dat "
            "anderen de signalen zien en melden."
        ),
        taught_in=_SIGNALEN,
        source_note="Werknemers die worden uitgebuit",
    ),
    question(
        "mensenhandel",
        "single",
        "Wat is criminele uitbuiting?",
        explanation=(
            "Bij criminele uitbuiting wordt iemand gedwongen om misdaad te plegen voor een ander. "
            "Bij arbeidsuitbuiting werkt iemand onder slechte omstandigheden voor weinig of geen "
            "loon."
        ),
        options=[
            (
                "Iemand werkt heel lange dagen onder slechte omstandigheden voor weinig of geen "
                "loon",
                FOUT,
                "Dat is arbeidsuitbuiting.",
            ),
            (
                "Een bedrijf betaalt zijn personeel zwart, zodat het geen belasting afdraagt",
                FOUT,
                "Dat is fraude, geen uitbuiting.",
            ),
            (
                "Criminelen kopen panden om hun geld te beleggen en wit te wassen",
                FOUT,
                "Dat is witwassen via vastgoed.",
            ),
            (
                "Iemand wordt door een ander gedwongen om misdaad te plegen, zoals drugs "
                "wegbrengen",
                GOED,
                "Goed.",
            ),
        ],
        taught_in=_DORDRECHT,
        source_note="Wat speelt er in Dordrecht?",
    ),
    question(
        "melden",
        "scenario",
        "Wat raad je de vader aan, en wat doe je zelf?",
        scenario=(
            "Je bent jongerenwerker. Een vader laat je een bericht zien op de telefoon van zijn "
            "dochter van elf. Een onbekende biedt haar 40 euro als ze een pakketje naar een adres "
            "brengt. De vader wil het bericht wissen en het account blokkeren."
        ),
        explanation=(
            "Criminelen benaderen kinderen vanaf ongeveer tien jaar, steeds vaker online. Het "
            "bericht is belangrijke informatie: dezelfde persoon benadert misschien ook andere "
            "kinderen. De vader bewaart het en schakelt de politie in; jij meldt het intern."
        ),
        options=[
            (
                "Blokkeer het account en wis de berichten, dan is het probleem opgelost",
                FOUT,
                "Blokkeren mag, maar bewaar de berichten. Anders verdwijnt het signaal.",
            ),
            (
                "Geef mij het nummer, dan stuur ik zelf een bericht om te zien wie erachter zit",
                FOUT,
                "Niet doen: dat kan gevaarlijk zijn en een onderzoek verstoren.",
            ),
            (
                "Bewaar de berichten en meld het bij de politie. Ik meld het ook intern",
                GOED,
                "Goed: zo kunnen de partners zien of er meer kinderen worden benaderd.",
            ),
            (
                "Meld het alleen bij de school, want zo jonge kinderen vragen criminelen nog niet",
                FOUT,
                "Criminelen benaderen al kinderen vanaf ongeveer tien jaar.",
            ),
        ],
        taught_in=_DORDRECHT,
        source_note="Vijftig euro voor een tas",
    ),
    true_false(
        "mensenhandel",
        "Een kind dat online wordt geronseld voor criminele klusjes, kan slachtoffer zijn van "
        "criminele uitbuiting.",
        true=True,
        explanation=(
            "Criminelen benaderen kinderen vanaf ongeveer tien jaar, steeds vaker online. Ze "
            "krijgen geld of cadeaus voor een 'klusje', zoals iets stelen of drugs wegbrengen. "
            "Iemand zo inzetten voor misdaad is criminele uitbuiting, een vorm van mensenhandel."
        ),
        taught_in=_DORDRECHT,
        source_note="Kinderen en jongeren als doelwit",
    ),
    question(
        "mensenhandel",
        "scenario",
        "Wat doe je?",
        scenario=(
            "Je werkt bij Burgerzaken. Iemand schrijft zich in op een adres waar al elf mensen "
            "staan ingeschreven. Je ziet dat de bewoners van dat adres elke paar maanden wisselen."
        ),
        explanation=(
            "Steeds andere bewoners die kort blijven, kunnen wijzen op uitbuiting van werknemers, "
            "een huisjesmelker, illegale prostitutie of een adres voor fraude. Je noteert wat niet "
            "klopt en meldt het, of bespreekt het eerst met de contactpersoon ondermijning."
        ),
        options=[
            (
                "Je weigert de inschrijving tot de verhuurder heeft uitgelegd wie er allemaal "
                "wonen",
                FOUT,
                "Je behandelt de inschrijving volgens de regels. Weigeren is hier niet aan jou.",
            ),
            (
                "Je belt de verhuurder en vraagt hoeveel huur de bewoners betalen en voor wie ze "
                "werken",
                FOUT,
                "Zo ga je zelf op onderzoek uit en waarschuw je misschien een dader.",
            ),
            (
                "Je meldt het niet, want veel mensen op één adres is bij seizoenswerk heel gewoon",
                FOUT,
                "Het kan een gewone reden hebben, maar het is een signaal. Meld het.",
            ),
            (
                "Je noteert wat niet klopt en meldt het, of bespreekt het eerst met de "
                "contactpersoon",
                GOED,
                "Goed: je legt het vast en het komt bij de juiste mensen.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Steeds andere bewoners die kort blijven",
    ),
    question(
        "mensenhandel",
        "single",
        "Waarom spreek je een werkgever niet aan als je denkt dat hij zijn werknemers uitbuit?",
        explanation=(
            "Een werkgever aanspreken kan gevaarlijk zijn voor de werknemers. Zo blijf jij ook "
            "veilig, en je verstoort geen onderzoek dat misschien al loopt."
        ),
        options=[
            (
                "Omdat een werkgever volgens de wet het recht heeft om niet te weten wie hem "
                "verdenkt",
                FOUT,
                "Daar gaat het niet om. Het gaat om de veiligheid van de werknemers.",
            ),
            (
                "Omdat het gevaarlijk kan zijn voor de werknemers die hij in dienst heeft",
                GOED,
                "Goed.",
            ),
            (
                "Omdat alleen de politie met werkgevers over hun personeel mag praten",
                FOUT,
                "Het gaat om de veiligheid van de werknemers, en van jou.",
            ),
            (
                "Omdat je dan zijn privacy schendt en daar zelf een boete voor kunt krijgen",
                FOUT,
                "Het gaat om de veiligheid van de werknemers, niet om een boete.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Werknemers die worden uitgebuit",
    ),
]


_KWETSBARE_BEDRIJVEN_QUESTIONS: list[dict] = [
    question(
        "kwetsbare_bedrijven",
        "single",
        "Welke branches lopen in Dordrecht volgens de lessen meer risico op ondermijning?",
        explanation=(
            "Vooral de autohandel, verhuurders van opslagboxen (self-storage) en "
            "bedrijfsverzamelgebouwen lopen meer risico. Daar komen veel mensen en spullen in en "
            "uit, en vaak is niet goed te zien wie wat doet."
        ),
        options=[
            (
                "Bouwbedrijven, schoonmaakbedrijven en uitzendbureaus in de regio",
                FOUT,
                "Die noemen de lessen niet als de kwetsbare branches van Dordrecht.",
            ),
            (
                "Supermarkten, bakkerijen en slagerijen in de winkelcentra van de wijken",
                FOUT,
                "Die noemen de lessen niet.",
            ),
            (
                "De autohandel, verhuur van opslagboxen en bedrijfsverzamelgebouwen",
                GOED,
                "Goed.",
            ),
            (
                "Kinderopvang, basisscholen en sportclubs met veel vrijwilligers",
                FOUT,
                "Die noemen de lessen niet.",
            ),
        ],
        taught_in=_DORDRECHT,
        source_note="Kwetsbare branches",
    ),
    question(
        "kwetsbare_bedrijven",
        "single",
        "Welke plekken in Dordrecht noemen de lessen als kwetsbaar voor ondermijning?",
        explanation=(
            "Het gaat vooral om de 24 bedrijventerreinen, plekken aan het water zoals de "
            "havengebieden, het buitengebied en de binnenstad. Ook een vakantiepark was tot 2024 "
            "een aandachtspunt."
        ),
        options=[
            (
                "Bedrijventerreinen, plekken aan het water, het buitengebied en de binnenstad",
                GOED,
                "Goed.",
            ),
            (
                "Vooral de ziekenhuizen, zorgcentra en verpleeghuizen in de stad",
                FOUT,
                "Die noemen de lessen niet.",
            ),
            (
                "Alleen plekken in Rotterdam, omdat Dordrecht zelf te klein is voor criminelen",
                FOUT,
                "Ondermijning speelt ook in Dordrecht zelf.",
            ),
            (
                "Vooral de scholen en sportparken, omdat daar veel jongeren komen",
                FOUT,
                "Die noemen de lessen niet als kwetsbare plekken.",
            ),
        ],
        taught_in=_DORDRECHT,
        source_note="Kwetsbare plekken",
    ),
    true_false(
        "kwetsbare_bedrijven",
        "Bedrijventerreinen en plekken aan het water lopen in Dordrecht weinig risico op "
        "ondermijning.",
        true=False,
        explanation=(
            "Juist de 24 bedrijventerreinen en plekken aan het water, zoals de havengebieden, "
            "zijn kwetsbare plekken. Criminelen zoeken plekken waar ze weinig opvallen."
        ),
        taught_in=_DORDRECHT,
        source_note="Kwetsbare plekken",
    ),
    question(
        "kwetsbare_bedrijven",
        "single",
        "Waarom lopen opslagboxen en bedrijfsverzamelgebouwen meer risico?",
        explanation=(
            "Er komen veel mensen en spullen in en uit, er wordt soms contant betaald en vaak is "
            "niet goed te zien wie wat doet. Zo valt een crimineel weinig op."
        ),
        options=[
            (
                "Omdat de huur er zo hoog is dat alleen criminelen die kunnen betalen",
                FOUT,
                "Het gaat erom dat je er weinig opvalt.",
            ),
            (
                "Omdat de gemeente daar volgens de wet nooit mag controleren",
                FOUT,
                "Dat klopt niet. De gemeente houdt samen met partners controles.",
            ),
            (
                "Omdat ze allemaal buiten de gemeente liggen, waar de gemeente niets over te "
                "zeggen heeft",
                FOUT,
                "Ze liggen gewoon in Dordrecht, op de bedrijventerreinen.",
            ),
            (
                "Er komen veel mensen en spullen in en uit, en vaak is niet te zien wie wat doet",
                GOED,
                "Goed.",
            ),
        ],
        taught_in=_DORDRECHT,
        source_note="Kwetsbare branches",
    ),
    question(
        "kwetsbare_bedrijven",
        "scenario",
        "Wat doe je?",
        scenario=(
            "Voor je werk kom je elke week langs een telefoonwinkel in een bedrijfsverzamelgebouw. "
            "Er is bijna nooit een klant. Toch is de zaak al jaren open, soms tot laat in de "
            "avond. De ramen zijn half afgeplakt."
        ),
        explanation=(
            "Een zaak zonder klanten die toch blijft bestaan, kan een dekmantel zijn voor "
            "witwassen of handel. Je gaat niet posten of foto's maken en je vraagt de eigenaar "
            "niets. Je meldt wat je zag, met het adres en de naam van de zaak."
        ),
        options=[
            (
                "Je gaat een paar avonden posten en maakt foto's van wie er in en uit gaat, zodat "
                "je melding sterker wordt",
                FOUT,
                "Niet doen: posten en foto's maken is zelf onderzoek doen.",
            ),
            (
                (
                    "Je meldt wat je zag, met het adres en de naam van de zaak, en je gaat er "
                    "zelf niet achteraan"
                ),
                GOED,
                "Goed: het kernteam kan dit naast andere signalen leggen.",
            ),
            (
                "Je vraagt de eigenaar vriendelijk hoe hij met zo weinig klanten zijn huur kan "
                "betalen",
                FOUT,
                "Zo laat je merken dat je iets vermoedt.",
            ),
            (
                "Je zet een bericht in de buurtapp om te vragen wie er meer over de winkel weet",
                FOUT,
                "Niet doen: zo beschuldig je iemand in het openbaar en kan het uitlekken.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Een zaak zonder klanten die toch blijft bestaan",
    ),
    true_false(
        "kwetsbare_bedrijven",
        "De gemeente werkt samen met verhuurders van opslagboxen en met de autobranche om die "
        "branches weerbaarder te maken.",
        true=True,
        explanation=(
            "De gemeente werkt met deze branches samen, zodat ondernemers misbruik beter "
            "herkennen en tegenhouden."
        ),
        taught_in=_DORDRECHT,
        source_note="Kwetsbare branches",
    ),
    question(
        "kwetsbare_bedrijven",
        "scenario",
        "Wat doe je?",
        scenario=(
            "Je gaat na het werk naar een kapsalon in de binnenstad. Je kunt er alleen contant "
            "betalen: de pinautomaat is 'al weken stuk'. Dat was vorige maand ook al zo."
        ),
        explanation=(
            "Alleen contant kunnen betalen kan een signaal van witwassen zijn. Je zegt er niets "
            "van tegen de ondernemer. Je noteert welke zaak het is en wat je opviel, en meldt "
            "het, zeker als je ook andere signalen ziet."
        ),
        options=[
            (
                "Je vraagt de eigenaar waarom de pin nog steeds stuk is en of hij de omzet wel "
                "opgeeft",
                FOUT,
                "Zeg er niets van tegen de ondernemer. Zo waarschuw je hem.",
            ),
            (
                "Je schrijft een recensie online, zodat andere klanten weten dat er iets niet "
                "klopt",
                FOUT,
                "Zo beschuldig je iemand in het openbaar, zonder dat iemand er iets mee kan.",
            ),
            (
                "Je meldt het pas als je zeker weet dat er crimineel geld door de kassa gaat",
                FOUT,
                "Je hoeft niets zeker te weten. Een signaal is geen bewijs.",
            ),
            (
                "Je noteert welke zaak het is en wat je opviel, en je meldt het",
                GOED,
                "Goed: zeker samen met andere signalen kan dit helpen.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Je kunt alleen contant betalen",
    ),
    question(
        "kwetsbare_bedrijven",
        "multiple",
        "Waarom zijn bedrijven die criminelen gebruiken vaak moeilijk te herkennen? Kies alle "
        "goede antwoorden.",
        explanation=(
            "Criminelen werken met stromannen, betalen vaak contant en wisselen van adres of "
            "bedrijfsnaam. Vaak weten gewone bedrijven niet eens dat ze worden gebruikt."
        ),
        options=[
            (
                "Ze werken met stromannen die op papier de eigenaar zijn",
                GOED,
                "Klopt: zo blijft de echte eigenaar buiten beeld.",
            ),
            (
                "Ze hebben van de gemeente een speciale vergunning die controles tegenhoudt",
                FOUT,
                "Zo'n vergunning bestaat niet.",
            ),
            (
                "Ze betalen vaak contant en wisselen van adres of bedrijfsnaam",
                GOED,
                "Klopt: zo laten ze weinig sporen na.",
            ),
            (
                "Ze zijn altijd zo groot dat de gemeente ze niet durft te controleren, omdat ze "
                "veel werk opleveren",
                FOUT,
                "Dat klopt niet. Het gaat om verbergen, niet om grootte.",
            ),
        ],
        taught_in=_WAT_IS,
        source_note="Met opzet verborgen",
    ),
    question(
        "kwetsbare_bedrijven",
        "single",
        "In een café komen steeds dezelfde mensen samen die bekendstaan om criminele zaken. "
        "Waarom kan dat een signaal zijn?",
        explanation=(
            "Een café kan een vaste plek zijn waar criminelen afspreken, handelen of geld "
            "witwassen. De vergunning geeft de zaak dan een nette naam."
        ),
        options=[
            (
                "Het café kan een vaste plek zijn om af te spreken, te handelen of geld wit te "
                "wassen",
                GOED,
                "Goed: een gewone zaak kan zo een dekmantel zijn.",
            ),
            (
                "Een café met vaste gasten mag van de APV niet meer dan twintig mensen "
                "tegelijk binnenlaten",
                FOUT,
                "Zo'n regel staat niet in de les. Het gaat om wie er samenkomt en waarom.",
            ),
            (
                "Het is geen signaal, want een café met een vergunning is altijd door de "
                "gemeente gecontroleerd",
                FOUT,
                "Een vergunning betekent niet dat er niets mis kan zijn.",
            ),
            (
                "Vaste gasten betekenen dat het café zonder vergunning open is en meteen dicht "
                "moet",
                FOUT,
                "Vaste gasten zeggen niets over de vergunning.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Een café waar criminelen samenkomen",
    ),
    true_false(
        "kwetsbare_bedrijven",
        "Opkopers van tweedehands spullen moeten hun inkoop vastleggen in het Digitaal Opkopers "
        "Register.",
        true=True,
        explanation=(
            "Zo is beter na te gaan of spullen gestolen zijn. Dat helpt tegen heling: de handel "
            "in gestolen spullen."
        ),
        taught_in=_SIGNALEN,
        source_note="Handel in gestolen spullen of voertuigen",
    ),
]


_FRAUDE_QUESTIONS: list[dict] = [
    question(
        "fraude",
        "single",
        "Wat betekent witwassen?",
        explanation=(
            "Bij witwassen wordt crimineel geld zo gebruikt dat het eerlijk verdiend lijkt, "
            "bijvoorbeeld via de kassa van een bedrijf, via panden of via dure spullen."
        ),
        options=[
            (
                "Contant geld dat je thuis hebt liggen op je eigen bankrekening zetten",
                FOUT,
                "Dat is gewoon geld storten.",
            ),
            (
                "Crimineel geld zo gebruiken dat het eerlijk verdiend lijkt",
                GOED,
                "Goed.",
            ),
            (
                "Werken zonder dat je belasting betaalt over het loon dat je krijgt",
                FOUT,
                "Dat is zwart werken, iets anders dan witwassen.",
            ),
            (
                "Geld lenen aan familie zonder dat je er een contract voor opstelt",
                FOUT,
                "Dat is geen witwassen.",
            ),
        ],
        taught_in=_WAT_IS,
        source_note="Onderwereld en bovenwereld lopen door elkaar",
    ),
    question(
        "fraude",
        "single",
        "Wat is een stroman?",
        explanation=(
            "Een stroman is op papier de eigenaar, terwijl een ander de touwtjes in handen heeft. "
            "Zo blijft de echte eigenaar buiten beeld."
        ),
        options=[
            (
                "Een medewerker van de gemeente die namens de burgemeester bedrijven controleert",
                FOUT,
                "Dat is een toezichthouder of handhaver.",
            ),
            (
                "Een boekhouder die voor een bedrijf de administratie en de belasting regelt",
                FOUT,
                "Dat is gewoon een boekhouder.",
            ),
            (
                "Iemand die op papier de eigenaar is, terwijl een ander de baas is",
                GOED,
                "Goed.",
            ),
            (
                "Iemand die een crimineel bedrijf anoniem meldt bij Meld Misdaad Anoniem",
                FOUT,
                "Dat is een melder, geen stroman.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Een aanvraag waarbij de echte eigenaar onduidelijk is",
    ),
    question(
        "fraude",
        "scenario",
        "Wat doe je met deze aanvraag?",
        scenario=(
            "Je behandelt een subsidieaanvraag van Stichting Voorbeeld voor een buurtfeest. De "
            "voorzitter weet bijna niets van de stichting. Een andere man beantwoordt alle "
            "vragen. Het geld moet naar een rekening van een bedrijf dat niet in de aanvraag "
            "staat."
        ),
        explanation=(
            "Dit kunnen signalen zijn van een stroman en van geld dat ergens anders heen gaat. Je "
            "behandelt de aanvraag volgens de regels, legt vast wat je opviel, bespreekt met je "
            "leidinggevende of een Bibob-toets nodig is, en meldt het."
        ),
        options=[
            (
                "Je keurt de aanvraag goed: het formulier is compleet en meer hoef je niet te "
                "controleren",
                FOUT,
                "Compleet is niet altijd in orde. Jij zag de signalen.",
            ),
            (
                "Je vraagt de man wie hij is, en zegt dat de subsidie er niet komt als hij het "
                "niet uitlegt",
                FOUT,
                "Zo ga je zelf op onderzoek uit. En je beslist niet alleen over een weigering.",
            ),
            (
                "Je belt de bank van het bedrijf en vraagt wie de eigenaar van de rekening is, "
                "zodat je melding compleet is",
                FOUT,
                "Niet doen: dat is zelf onderzoek doen.",
            ),
            (
                "Je legt vast wat je opviel, bespreekt een Bibob-toets met je leidinggevende en "
                "meldt het",
                GOED,
                "Goed: de juiste mensen kijken ernaar.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Een aanvraag die net niet klopt",
    ),
    question(
        "fraude",
        "multiple",
        "Welke situaties kunnen wijzen op witwassen? Kies alle goede antwoorden.",
        explanation=(
            "Drie situaties kunnen wijzen op witwassen. Een zaak zonder klanten die toch blijft "
            "bestaan. Een zaak waar je alleen contant kunt betalen. En een dure verbouwing "
            "waarvan niet duidelijk is waar het geld vandaan komt. Een lening bij de bank en "
            "drukte in december zijn gewoon."
        ),
        options=[
            (
                "Een ondernemer vraagt bij de bank een lening aan voor een nieuwe winkel in de "
                "binnenstad",
                FOUT,
                "Een lening bij de bank is een gewone manier om iets te betalen.",
            ),
            (
                "Een zaak heeft bijna nooit klanten, maar blijft toch jarenlang open",
                GOED,
                "Klopt: het geld kan ergens anders vandaan komen.",
            ),
            (
                "Een verbouwing van 200.000 euro wordt 'door familie' betaald",
                GOED,
                "Klopt: het is niet duidelijk waar het geld vandaan komt.",
            ),
            (
                "Een winkel heeft in december veel meer klanten dan in de zomervakantie",
                FOUT,
                "Dat is gewoon de drukte rond de feestdagen.",
            ),
            (
                "Bij een bedrijf kun je alleen contant betalen",
                GOED,
                "Klopt: contant geld laat weinig sporen na.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Je kunt alleen contant betalen",
    ),
    true_false(
        "fraude",
        "Een aanvraag waarvan alle formulieren compleet zijn, is altijd in orde.",
        true=False,
        explanation=(
            "Compleet is niet hetzelfde als in orde. Let op wie het woord voert en waar het geld "
            "vandaan komt. Zie je signalen? Leg ze vast en meld ze."
        ),
        taught_in=_SIGNALEN,
        source_note="Een aanvraag die net niet klopt",
    ),
    true_false(
        "fraude",
        "Criminelen gebruiken soms een gewoon bedrijf, zoals een kapsalon of autobedrijf, om "
        "drugsgeld wit te wassen.",
        true=True,
        explanation=(
            "Als drugsgeld door de kassa van een gewoon bedrijf gaat, lijkt het eerlijk verdiend. "
            "Zo raken de onderwereld en de bovenwereld vermengd."
        ),
        taught_in=_WAT_IS,
        source_note="Onderwereld en bovenwereld lopen door elkaar",
    ),
    question(
        "fraude",
        "single",
        "Waarom wil een crimineel bedrijf graag een opdracht van de gemeente krijgen?",
        explanation=(
            "Een opdracht van de gemeente geeft een vast inkomen en een nette naam. Daarom kan "
            "ook inkoop en aanbesteding worden misbruikt."
        ),
        options=[
            (
                "Omdat de gemeente alle opdrachten vooraf en contant betaalt",
                FOUT,
                "Dat klopt niet.",
            ),
            (
                "Omdat een bedrijf met een opdracht van de gemeente geen belasting hoeft te "
                "betalen",
                FOUT,
                "Dat klopt niet.",
            ),
            (
                "Een opdracht geeft het bedrijf een vast inkomen en een nette naam",
                GOED,
                "Goed.",
            ),
            (
                "Omdat de politie bedrijven met een opdracht van de gemeente niet mag onderzoeken",
                FOUT,
                "Dat klopt niet.",
            ),
        ],
        taught_in=_WAAROM,
        source_note="Inkoop en aanbesteding",
    ),
    question(
        "fraude",
        "single",
        "Wat is ondermijning?",
        explanation=(
            "Ondermijning is georganiseerde misdaad om geld te verdienen, zoals drugshandel, "
            "fraude, witwassen en mensenhandel. Criminelen gebruiken daarbij gewone bedrijven, "
            "diensten en de overheid."
        ),
        options=[
            (
                "Georganiseerde misdaad om geld te verdienen, waarbij criminelen de gewone wereld "
                "gebruiken",
                GOED,
                "Goed.",
            ),
            (
                "Elke vorm van misdaad in de stad, dus ook een inbraak of een diefstal uit een "
                "winkel",
                FOUT,
                "Ondermijning is georganiseerde misdaad waarbij de bovenwereld wordt gebruikt.",
            ),
            (
                "Het werk van de politie en de gemeente om criminele netwerken op te rollen",
                FOUT,
                "Dat is de aanpak van ondermijning, niet ondermijning zelf.",
            ),
            (
                "Kritiek van inwoners op de gemeente, waardoor het vertrouwen in de overheid daalt",
                FOUT,
                "Minder vertrouwen is een gevolg van ondermijning, niet wat het is.",
            ),
        ],
        taught_in=_WAT_IS,
        source_note="Misdaad die je niet meteen ziet",
    ),
    true_false(
        "fraude",
        "Van ondermijning is volgens betrokkenen maar een klein deel zichtbaar.",
        true=True,
        explanation=(
            "Ondermijning blijft met opzet verborgen. Betrokkenen zeggen dat zelfs het topje van "
            "de ijsberg nog niet zichtbaar is."
        ),
        taught_in=_WAT_IS,
        source_note="Met opzet verborgen",
    ),
    question(
        "fraude",
        "single",
        "Waarom is vastgoed van de gemeente interessant voor criminelen?",
        explanation=(
            "De gemeente koopt, verkoopt en verhuurt panden en grond. Vastgoed is een bekende "
            "manier om crimineel geld te beleggen en wit te wassen."
        ),
        options=[
            (
                "Omdat de gemeente haar panden altijd onder de marktprijs verkoopt",
                FOUT,
                "Dat klopt niet.",
            ),
            (
                "Vastgoed is een bekende manier om crimineel geld te beleggen en wit te wassen",
                GOED,
                "Goed.",
            ),
            (
                "Omdat panden van de gemeente nooit door de politie worden gecontroleerd",
                FOUT,
                "Dat klopt niet.",
            ),
            (
                "Omdat huurders van de gemeente geen identiteitsbewijs hoeven te laten zien",
                FOUT,
                "Dat klopt niet.",
            ),
        ],
        taught_in=_WAAROM,
        source_note="Vastgoed en grond",
    ),
    question(
        "fraude",
        "single",
        "In een winkel kun je alleen contant betalen. Waarom kan dat een signaal zijn?",
        explanation=(
            "Contant geld laat weinig sporen na. Zo kan crimineel geld makkelijk worden gemengd "
            "met de gewone omzet. Dat heet witwassen."
        ),
        options=[
            (
                "Omdat pinnen in Nederland verplicht is en contant betalen dus verboden",
                FOUT,
                "Contant betalen mag. Het gaat om de sporen die het nalaat.",
            ),
            (
                "Omdat de zaak dan zeker geen vergunning heeft van de gemeente",
                FOUT,
                "Daar zegt het niets over.",
            ),
            (
                "Omdat je dan zeker weet dat er in de winkel drugs worden verkocht",
                FOUT,
                "Een signaal is geen bewijs. Je weet het dus niet zeker.",
            ),
            (
                "Contant geld laat weinig sporen na, zodat crimineel geld met de omzet kan mengen",
                GOED,
                "Goed.",
            ),
        ],
        taught_in=_SIGNALEN,
        source_note="Je kunt alleen contant betalen",
    ),
]


_EXCESSIEF_GEWELD_QUESTIONS: list[dict] = [
    true_false(
        "excessief_geweld",
        "Aanslagen met explosieven komen de laatste jaren vaker voor in Dordrecht.",
        true=True,
        explanation=(
            "Excessief geweld is zwaar geweld dat veel angst veroorzaakt. De laatste jaren komen "
            "aanslagen met explosieven vaker voor."
        ),
        taught_in=_DORDRECHT,
        source_note="Wat speelt er in Dordrecht?",
    ),
    question(
        "excessief_geweld",
        "single",
        "Wat wordt bedoeld met excessief geweld?",
        explanation=(
            "Excessief geweld is zwaar geweld dat veel angst veroorzaakt, zoals aanslagen met "
            "explosieven."
        ),
        options=[
            (
                "Elke ruzie op straat waarbij de politie moet komen om het te sussen",
                FOUT,
                "Het gaat om zwaar geweld dat veel angst veroorzaakt.",
            ),
            (
                "Schelden tegen medewerkers aan de balie van het stadskantoor",
                FOUT,
                "Dat is vervelend, maar geen excessief geweld.",
            ),
            (
                "Vernielingen in de wijk, zoals kapotte bushokjes en lantaarnpalen",
                FOUT,
                "Dat is vandalisme.",
            ),
            (
                "Zwaar geweld dat veel angst veroorzaakt, zoals aanslagen met explosieven",
                GOED,
                "Goed.",
            ),
        ],
        taught_in=_DORDRECHT,
        source_note="Wat speelt er in Dordrecht?",
    ),
    true_false(
        "excessief_geweld",
        "In het uitvoeringsplan voor 2025-2026 is excessief geweld geen thema meer.",
        true=False,
        explanation=(
            "In het uitvoeringsplan voor 2025-2026 staan vijf thema's voorop: drugs, "
            "mensenhandel, kwetsbare bedrijven en plekken, fraude en excessief geweld."
        ),
        taught_in=_DORDRECHT,
        source_note="Hoe Dordrecht het aanpakt",
    ),
    true_false(
        "excessief_geweld",
        "Een drugslab is alleen gevaarlijk voor de mensen die er zelf werken, niet voor de buurt.",
        true=False,
        explanation=(
            "Bij een drugslab kan brand of een explosie ontstaan. Dat is ook gevaarlijk voor de "
            "buren."
        ),
        taught_in=_SIGNALEN,
        source_note="Een sterke lucht van anijs",
    ),
    question(
        "excessief_geweld",
        "multiple",
        "Op welke manieren schaadt ondermijning de samenleving? Kies alle goede antwoorden.",
        explanation=(
            "Ondermijning brengt geweld en onveiligheid, zoals explosies bij woningen en "
            "bedrijven. Het maakt slachtoffers, zorgt voor oneerlijke concurrentie en kost "
            "vertrouwen in de overheid."
        ),
        options=[
            (
                "Geweld en onveiligheid, zoals explosies bij woningen en bedrijven",
                GOED,
                "Klopt.",
            ),
            (
                "Eerlijke ondernemers verliezen klanten aan bedrijven met crimineel geld",
                GOED,
                "Klopt: dat is oneerlijke concurrentie.",
            ),
            (
                "Het maakt vergunningen duurder voor iedereen, omdat de gemeente elke aanvraag "
                "drie keer moet controleren",
                FOUT,
                "Dat noemen de lessen niet als schade.",
            ),
            (
                "Inwoners verliezen vertrouwen als de gemeente zonder het te weten een crimineel "
                "helpt",
                GOED,
                "Klopt.",
            ),
        ],
        taught_in=_WAT_IS,
        source_note="Waarom het schadelijk is",
    ),
]


_BIBOB_INTEGRITEIT_QUESTIONS: list[dict] = [
    question(
        "bibob_integriteit",
        "single",
        "Wat kan de gemeente doen met de Wet Bibob?",
        explanation=(
            "Met de Wet Bibob onderzoekt de gemeente vooraf of er een risico is dat een "
            "vergunning, subsidie of opdracht wordt misbruikt voor misdaad. Ze kijkt ook naar de "
            "mensen en bedrijven om de aanvrager heen."
        ),
        options=[
            (
                "Vooraf onderzoeken of een vergunning, subsidie of opdracht kan worden misbruikt",
                GOED,
                "Goed.",
            ),
            (
                "Een boete geven aan iemand die door de rechter is veroordeeld voor drugshandel",
                FOUT,
                "De Wet Bibob gaat over een toets vooraf, niet over een boete.",
            ),
            (
                "Nieuwe medewerkers screenen voordat ze bij de gemeente beginnen te werken",
                FOUT,
                "De Wet Bibob gaat over aanvragers van vergunningen, subsidies en opdrachten.",
            ),
            (
                "Een pand sluiten als de politie er een hennepkwekerij in heeft gevonden",
                FOUT,
                "Dat is een andere maatregel, geen Bibob-toets.",
            ),
        ],
        taught_in=_WAARBORGEN,
        source_note="De Wet Bibob in gewone woorden",
    ),
    true_false(
        "bibob_integriteit",
        "Bij een Bibob-toets kijkt de gemeente alleen naar de aanvrager zelf, niet naar de "
        "mensen en bedrijven om hem heen.",
        true=False,
        explanation=(
            "De gemeente kijkt ook naar de mensen en bedrijven om de aanvrager heen: wie betaalt, "
            "wie de echte eigenaar is en met wie het bedrijf samenwerkt."
        ),
        taught_in=_WAARBORGEN,
        source_note="De Wet Bibob in gewone woorden",
    ),
    true_false(
        "bibob_integriteit",
        "In Dordrecht past elke afdeling de Wet Bibob zelf toe.",
        true=True,
        explanation=(
            "Elke afdeling past de wet zelf toe. Volgens de Rekenkamer Dordrecht (2025) kennen "
            "nog te weinig medewerkers de wet en wordt hij te weinig gebruikt."
        ),
        taught_in=_WAARBORGEN,
        source_note="De Wet Bibob in gewone woorden",
    ),
    question(
        "bibob_integriteit",
        "single",
        "Een collega neemt een aanvraag voor een paspoort aan. Wie geeft het paspoort later uit?",
        explanation=(
            "De medewerker die de aanvraag aanneemt, geeft het document nooit zelf uit. Dat doet "
            "een andere collega. Zo kan één medewerker nooit alleen een paspoort aan de "
            "verkeerde persoon geven."
        ),
        options=[
            (
                "Dezelfde collega, zodat de aanvrager één vast aanspreekpunt heeft",
                FOUT,
                "Juist niet: wie de aanvraag aanneemt, geeft het nooit zelf uit.",
            ),
            (
                "Dezelfde collega, als de leidinggevende daar vooraf toestemming voor geeft",
                FOUT,
                "Ook met toestemming niet: dat is de afspraak.",
            ),
            (
                "Een andere collega dan degene die de aanvraag voor het paspoort aannam",
                GOED,
                "Goed: zo werkt het vier-ogenprincipe hier.",
            ),
            (
                "Dezelfde collega, behalve als de aanvrager zonder afspraak aan de balie komt",
                FOUT,
                "Wie de aanvraag aanneemt, geeft het nooit zelf uit.",
            ),
        ],
        taught_in=_WAARBORGEN,
        source_note="Vier ogen, soms zes ogen",
    ),
    question(
        "bibob_integriteit",
        "scenario",
        "Wat doe je?",
        scenario=(
            "Het is vrijdagmiddag. Een collega vraagt je om snel een paraaf onder een "
            "vergunningsbesluit te zetten. 'Ik heb alles al gecontroleerd,' zegt hij. 'De "
            "aanvrager belt vandaag voor de vierde keer.'"
        ),
        explanation=(
            "Het vier-ogenprincipe werkt alleen als je echt kijkt. Veel druk om snel te "
            "beslissen kan een signaal zijn. Je bekijkt het dossier en bespreekt je zorg met je "
            "leidinggevende."
        ),
        options=[
            (
                "Je zet je paraaf: je collega is ervaren en heeft het dossier al gecontroleerd",
                FOUT,
                "Dan bestaat het vier-ogenprincipe alleen op papier.",
            ),
            (
                "Je parafeert nu en bekijkt het dossier maandag alsnog, dan is de aanvrager "
                "tevreden",
                FOUT,
                "Dan zet je je naam onder iets wat je niet hebt gecontroleerd.",
            ),
            (
                "Je bekijkt eerst zelf het dossier en bespreekt het aandringen met je "
                "leidinggevende",
                GOED,
                "Goed: je doet je controle en je maakt je zorg bespreekbaar.",
            ),
            (
                "Je zegt tegen de aanvrager dat hij moet ophouden met bellen, anders meld je hem "
                "bij het kernteam",
                FOUT,
                "Dreigen helpt niet. Doe je controle en bespreek je zorg.",
            ),
        ],
        taught_in=_WAARBORGEN,
        source_note="Even snel een paraaf",
    ),
    question(
        "bibob_integriteit",
        "scenario",
        "Wat doe je met de kaarten?",
        scenario=(
            "Je hebt de offerte beoordeeld van een aannemer die werk wil doen voor de gemeente. "
            "Een week later krijg je van hem twee kaarten voor een voetbalwedstrijd. 'Als "
            "bedankje,' staat erbij. Hij doet volgend jaar weer mee voor een opdracht."
        ),
        explanation=(
            "Neem geen cadeaus aan van mensen met wie je voor je werk te maken hebt. Een cadeau "
            "schept een band, en dat maakt later nee zeggen moeilijker. Stuur het terug en "
            "bespreek het met je leidinggevende."
        ),
        options=[
            (
                "Je neemt ze aan: je beoordeling is al klaar, dus het kan geen kwaad meer",
                FOUT,
                "Hij doet volgend jaar weer mee. Een cadeau schept een band.",
            ),
            (
                "Je stuurt de kaarten vriendelijk terug en vertelt het je leidinggevende",
                GOED,
                "Goed: je bent duidelijk, en het staat vast.",
            ),
            (
                "Je neemt ze aan en geeft ze weg aan je team, dan heb jij er zelf geen voordeel "
                "van",
                FOUT,
                "Ook een cadeau voor het team kan het gevoel geven dat je iets terug moet doen.",
            ),
            (
                "Je neemt ze aan en meldt het achteraf bij je leidinggevende, zodat het bekend is",
                FOUT,
                "Melden is goed, maar het cadeau aannemen niet.",
            ),
        ],
        taught_in=_WAARBORGEN,
        source_note="Een doos wijn als bedankje",
    ),
    true_false(
        "bibob_integriteit",
        "De afspraken in de gedragscode over geschenken en invloed gelden alleen tijdens je "
        "werktijd.",
        true=False,
        explanation=(
            "De afspraken gelden ook in je vrije tijd: in je vriendenkring, bij een club of op "
            "sociale media."
        ),
        taught_in=_WAARBORGEN,
        source_note="De gedragscode: geschenken en invloed",
    ),
    question(
        "bibob_integriteit",
        "scenario",
        "Hoe reageer je?",
        scenario=(
            "Je werkt bij Vergunningen. Op de sportclub vraagt een bekende lachend of er "
            "binnenkort controles zijn in het uitgaansgebied. 'Dat is toch geen geheim?' zegt "
            "hij."
        ),
        explanation=(
            "De datum van een controle is geheim. Je zegt dat je daar niets over kunt "
            "vertellen. Een vraag naar controles kan een signaal zijn, dus je bespreekt het later "
            "met je leidinggevende of de contactpersoon ondermijning."
        ),
        options=[
            (
                "Je zegt alleen dat er 'misschien wel iets' komt, zonder een datum te noemen",
                FOUT,
                "Ook een hint geeft vertrouwelijke informatie weg.",
            ),
            (
                "Je zegt dat je er niets over kunt vertellen, en bespreekt zijn vraag later met je "
                "leidinggevende",
                GOED,
                "Goed: je geeft niets weg en je legt het vast.",
            ),
            (
                "Je meldt hem meteen bij de politie als verdachte en zegt niets terug",
                FOUT,
                "Hij is niet meteen een verdachte. Zeg nee en bespreek de vraag.",
            ),
            (
                "Je kijkt maandag in het systeem en vertelt het hem als hij een goede reden heeft",
                FOUT,
                "Kijk alleen in systemen als je werk daarom vraagt.",
            ),
        ],
        taught_in=_WAAROM,
        source_note="Een vraag op de sportclub",
    ),
    question(
        "bibob_integriteit",
        "multiple",
        "Hoe gaat een benadering door criminelen vaak? Kies alle goede antwoorden.",
        explanation=(
            "Criminelen gaan stap voor stap: eerst contact, aardig doen en een kleine gunst, dan "
            "een kleine vraag. Later worden de vragen groter, soms met druk of een bedreiging."
        ),
        options=[
            (
                "Ze vragen bijna altijd meteen om iets wat duidelijk verboden is, zoals een "
                "geheim dossier",
                FOUT,
                "Juist niet: ze beginnen klein.",
            ),
            (
                "Ze zijn eerst aardig, met complimenten of een kleine gunst",
                GOED,
                "Klopt.",
            ),
            (
                "Ze vragen eerst iets kleins, zoals een datum of 'even kijken'",
                GOED,
                "Klopt.",
            ),
            (
                "Later worden de vragen groter, en wie wil stoppen krijgt druk of zelfs een "
                "bedreiging te horen",
                GOED,
                "Klopt.",
            ),
            (
                "Ze benaderen alleen medewerkers met een hoge functie, nooit iemand aan de balie",
                FOUT,
                "Iedereen kan worden benaderd, ook in de vrije tijd.",
            ),
        ],
        taught_in=_WAAROM,
        source_note="Zo gaat een benadering vaak",
    ),
    true_false(
        "bibob_integriteit",
        "Vooral medewerkers die niet slim zijn, komen ongemerkt in een lastige positie.",
        true=False,
        explanation=(
            "Iedereen kan ongemerkt in een lastige positie komen. Het heeft niets te maken met "
            "slim of dom zijn. Praat er op tijd over: dat beschermt jou."
        ),
        taught_in=_WAAROM,
        source_note="Zo gaat een benadering vaak",
    ),
    question(
        "bibob_integriteit",
        "multiple",
        "Welke informatie kan voor een crimineel veel waard zijn? Kies alle goede antwoorden.",
        explanation=(
            "Wanneer er een controle is, wie een vergunning aanvroeg en zelfs wie er op je "
            "afdeling werkt, kan veel waard zijn. Wat al openbaar op de website staat, niet."
        ),
        options=[
            (
                "Wanneer er een controle is in een gebied",
                GOED,
                "Klopt.",
            ),
            (
                "De openingstijden van het stadskantoor, zoals die op de website van de gemeente "
                "staan",
                FOUT,
                "Dat is openbaar. Daar heeft niemand jou voor nodig.",
            ),
            (
                "Wie een vergunning heeft aangevraagd",
                GOED,
                "Klopt.",
            ),
            (
                "Wie er op jouw afdeling werkt",
                GOED,
                "Klopt: ook gewone dingen kunnen waardevol zijn.",
            ),
        ],
        taught_in=_WAAROM,
        source_note="Jij hebt informatie",
    ),
    question(
        "bibob_integriteit",
        "scenario",
        "Wat doe je?",
        scenario=(
            "Een kennis vroeg je vorige maand om 'even' te kijken hoe ver zijn aanvraag was. Je "
            "deed het één keer. Nu wil hij weten wie zijn aanvraag behandelt. Als je aarzelt, "
            "zegt hij: 'Je hebt al eens voor mij gekeken. Dat wil je toch niet op je werk laten "
            "uitkomen?'"
        ),
        explanation=(
            "Zo gaat een benadering vaak: wie wil stoppen, hoort dat hij al iets fout heeft "
            "gedaan. Praat er zo snel mogelijk over met je leidinggevende of het kernteam, en "
            "vertel ook over die eerste keer. Dat beschermt jou."
        ),
        options=[
            (
                "Je vertelt het je leidinggevende, maar laat weg dat je de eerste keer wel hebt "
                "gekeken",
                FOUT,
                "Vertel het hele verhaal. Juist wat je weglaat, kan tegen je worden gebruikt.",
            ),
            (
                "Je kijkt nog één keer voor hem, en zegt daarna duidelijk dat het echt de laatste "
                "keer is",
                FOUT,
                "Wie één keer toegeeft, krijgt vaak een nieuwe vraag.",
            ),
            (
                "Je zegt er op je werk niets over, omdat je niet wilt dat bekend wordt dat je al "
                "eens keek",
                FOUT,
                "Dan sta je er alleen voor, en hij blijft druk zetten.",
            ),
            (
                "Je vertelt je leidinggevende of het kernteam alles, ook over die eerste keer",
                GOED,
                "Goed: dat is geen falen, het beschermt jou.",
            ),
        ],
        taught_in=_WAAROM,
        source_note="Zo gaat een benadering vaak",
    ),
    true_false(
        "bibob_integriteit",
        "Bij het vier-ogenprincipe kijkt bij belangrijke stappen een tweede collega mee.",
        true=True,
        explanation=(
            "Twee mensen, vier ogen. Bij sommige gevoelige taken kijkt er ook een derde persoon "
            "mee: zes ogen. Het is geen wantrouwen, maar een vangnet."
        ),
        taught_in=_WAARBORGEN,
        source_note="Vier ogen, soms zes ogen",
    ),
    question(
        "bibob_integriteit",
        "multiple",
        "Welke taken van de gemeente kunnen criminelen misbruiken? Kies alle goede antwoorden.",
        explanation=(
            "De gemeente geeft vergunningen, identiteitsbewijzen en subsidies, koopt in en handelt "
            "in vastgoed en grond. Al die taken kunnen worden misbruikt."
        ),
        options=[
            (
                "Het uitgeven van paspoorten en identiteitskaarten",
                GOED,
                "Klopt: een echt paspoort op een valse naam is veel waard.",
            ),
            (
                "Het geven van vergunningen, bijvoorbeeld voor horeca",
                GOED,
                "Klopt.",
            ),
            (
                "Het bijhouden van de openingstijden van de bibliotheek en het zwembad op de "
                "website",
                FOUT,
                "Dat noemen de lessen niet.",
            ),
            (
                "Het geven van subsidies aan stichtingen en bedrijven",
                GOED,
                "Klopt.",
            ),
        ],
        taught_in=_WAAROM,
        source_note="De gemeente heeft wat criminelen nodig hebben",
    ),
]


QUESTION_BANK: list[dict] = [
    *_MELDEN_QUESTIONS,
    *_DRUGS_QUESTIONS,
    *_MENSENHANDEL_QUESTIONS,
    *_KWETSBARE_BEDRIJVEN_QUESTIONS,
    *_FRAUDE_QUESTIONS,
    *_EXCESSIEF_GEWELD_QUESTIONS,
    *_BIBOB_INTEGRITEIT_QUESTIONS,
]
