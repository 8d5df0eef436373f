"""The question bank of the onboarding module's final quiz.

Written in plain Dutch (B1) from ../shared/content-brief.md and loaded by load_demo. Each entry is
one question with a theme key, a kind ("single", "multiple", "true_false" or "scenario"), an
optional workplace scenario, the question text, an explanation shown after answering, and its
options with per-option feedback. The questions test whether an employee recognises signals of
ondermijning and knows what to do with them; the engine shuffles the options.
"""

from __future__ import annotations

QUESTION_BANK: list[dict] = [
    # ------------------------------------------------------------------ drugs
    {
        "theme": "drugs",
        "kind": "scenario",
        "scenario": (
            "Je werkt als boa in het buitengebied van Dordrecht. Bij een oude schuur ruik je een "
            "sterke, zoete anijsgeur. In de sloot ernaast liggen lege jerrycans zonder etiket. Er "
            "is niemand te zien."
        ),
        "text": "Wat doe je met wat je bij de schuur ziet en ruikt?",
        "explanation": (
            "Een anijsgeur en chemisch afval op een plek waar je dat niet verwacht, kunnen wijzen "
            "op het maken van synthetische drugs. Je legt vast wat je ziet en meldt het. Je gaat "
            "niet zelf op onderzoek uit."
        ),
        "options": [
            {
                "text": (
                    "Je noteert plaats, tijd en wat je ziet en ruikt, en meldt het bij het "
                    "kernteam."
                ),
                "correct": True,
                "feedback": (
                    "Goed: jij geeft het signaal door, het kernteam bepaalt de volgende stap."
                ),
            },
            {
                "text": (
                    "Je maakt de deur van de schuur open om te kijken of er echt een drugslab "
                    "staat."
                ),
                "correct": False,
                "feedback": (
                    "Niet doen: je onderzoekt niet zelf, en een drugslab is gevaarlijk door de "
                    "chemische stoffen."
                ),
            },
            {
                "text": (
                    "Je zoekt uit wie de eigenaar van de schuur is en vraagt hem wat hij daar "
                    "opslaat."
                ),
                "correct": False,
                "feedback": "Zo waarschuw je mogelijk een crimineel en breng je jezelf in gevaar.",
            },
            {
                "text": "Je neemt een van de jerrycans mee naar kantoor als bewijs.",
                "correct": False,
                "feedback": (
                    "Chemisch afval is gevaarlijk, en bewijs verzamelen is niet jouw taak."
                ),
            },
        ],
    },
    {
        "theme": "drugs",
        "kind": "single",
        "scenario": "",
        "text": "Je ruikt op een bedrijventerrein een sterke anijsgeur. Waar kan dat op wijzen?",
        "explanation": (
            "Bij het maken van synthetische drugs, zoals xtc of amfetamine, kan een sterke "
            "anijsgeur vrijkomen. Hennep ruikt anders. Een anijsgeur is dus een signaal om te "
            "melden."
        ),
        "options": [
            {
                "text": "Er worden in de buurt misschien synthetische drugs gemaakt.",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Er wordt in de buurt op grote schaal hennep gekweekt.",
                "correct": False,
                "feedback": "Een hennepkwekerij herken je aan een andere, typische wietlucht.",
            },
            {
                "text": "Er is een bakkerij in de buurt die veel koekjes en banket maakt.",
                "correct": False,
                "feedback": "Een bakkerij ruik je niet als een scherpe, chemische anijsgeur.",
            },
            {
                "text": "Er lekt ergens gas uit een leiding onder de straat.",
                "correct": False,
                "feedback": "Gas ruikt naar rotte eieren, niet naar anijs.",
            },
        ],
    },
    {
        "theme": "drugs",
        "kind": "true_false",
        "scenario": "",
        "text": (
            "Waar of niet waar: Chemische verpakkingen en een anijsgeur zijn de signalen die "
            "inwoners van Dordrecht het best herkennen."
        ),
        "explanation": (
            "Uit de Veiligheidsmonitor 2023 blijkt het omgekeerde: veel inwoners denken dat deze "
            "signalen bijna niet voorkomen. Juist daarom is het belangrijk dat jij ze wel "
            "herkent."
        ),
        "options": [
            {"text": "Waar", "correct": False, "feedback": ""},
            {"text": "Niet waar", "correct": True, "feedback": ""},
        ],
    },
    {
        "theme": "drugs",
        "kind": "single",
        "scenario": "",
        "text": (
            "In een bedrijfspand wordt een hennepkwekerij gevonden. Wat kan de burgemeester dan "
            "doen?"
        ),
        "explanation": (
            "Op grond van artikel 13b van de Opiumwet kan de burgemeester een pand met drugs "
            "sluiten. Volgens de Rekenkamer gebeurt dat in Dordrecht 13 tot 20 keer per jaar."
        ),
        "options": [
            {
                "text": "Het pand voor een tijd sluiten.",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Het pand in beslag nemen en verkopen aan een nieuwe eigenaar.",
                "correct": False,
                "feedback": "De gemeente verkoopt het pand niet; ze kan het wel sluiten.",
            },
            {
                "text": "Niets, want drugs in een pand zijn alleen een zaak voor de politie.",
                "correct": False,
                "feedback": "De gemeente heeft hier een eigen taak en eigen middelen.",
            },
            {
                "text": "De eigenaar verplichten om een cursus over drugs te volgen.",
                "correct": False,
                "feedback": "Zo'n cursus is geen maatregel die de burgemeester hier kan opleggen.",
            },
        ],
    },
    {
        "theme": "drugs",
        "kind": "single",
        "scenario": "",
        "text": (
            "Een dealer van harddrugs is aangehouden. Wat legt de gemeente Dordrecht daarna op?"
        ),
        "explanation": (
            "Na een aanhouding krijgt een dealer van de gemeente een last onder dwangsom van "
            "5.000 euro. Wordt hij opnieuw betrapt, dan moet hij dat bedrag betalen."
        ),
        "options": [
            {
                "text": "Een waarschuwingsbrief, zonder verdere gevolgen",
                "correct": False,
                "feedback": "De gemeente doet meer: er staat een flink bedrag op het spel.",
            },
            {
                "text": "Een last onder dwangsom van 5.000 euro",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Een verbod om nog langer in Dordrecht te wonen",
                "correct": False,
                "feedback": "Zo'n woonverbod legt de gemeente na een aanhouding niet op.",
            },
            {
                "text": "Een taakstraf van veertig uur bij de gemeente",
                "correct": False,
                "feedback": "Een taakstraf legt de rechter op, niet de gemeente.",
            },
        ],
    },
    {
        "theme": "drugs",
        "kind": "scenario",
        "scenario": (
            "Je werkt in het wijkteam. Een moeder vertelt dat haar zoon van twaalf opeens dure "
            "sneakers heeft. Via een app krijgt hij berichten van onbekenden. Ze bieden hem geld "
            "om 'even een pakketje weg te brengen'."
        ),
        "text": "Wat doe je met wat de moeder je vertelt?",
        "explanation": (
            "Criminelen benaderen kinderen vanaf ongeveer tien jaar, steeds vaker online, voor "
            "diefstal of klusjes in de drugshandel. Zo'n signaal meld je, en het kind heeft ook "
            "zorg nodig."
        ),
        "options": [
            {
                "text": (
                    "Je meldt het bij het kernteam ondermijning en volgt de afspraken van je team "
                    "over zorg voor het kind."
                ),
                "correct": True,
                "feedback": "Goed: dit kan criminele uitbuiting zijn, en het kind verdient hulp.",
            },
            {
                "text": (
                    "Je stuurt zelf een bericht naar de onbekenden om uit te zoeken wie erachter "
                    "zitten."
                ),
                "correct": False,
                "feedback": (
                    "Je gaat niet zelf onderzoeken; zo breng je het kind en jezelf in gevaar."
                ),
            },
            {
                "text": (
                    "Je raadt de moeder aan de telefoon af te pakken; dan is het probleem weg."
                ),
                "correct": False,
                "feedback": (
                    "Dat lost het niet op: de ronselaars gaan door en het signaal blijft liggen."
                ),
            },
            {
                "text": (
                    "Je doet niets, want een kind van twaalf raakt niet bij drugshandel betrokken."
                ),
                "correct": False,
                "feedback": (
                    "Dat klopt niet: criminelen zoeken kinderen al vanaf ongeveer tien jaar op."
                ),
            },
        ],
    },
    # ----------------------------------------------------------- mensenhandel
    {
        "theme": "mensenhandel",
        "kind": "scenario",
        "scenario": (
            "Je controleert als toezichthouder een woning. Je treft tien buitenlandse arbeiders "
            "aan in drie kamers. Ze werken lange dagen voor hetzelfde bedrijf, dat ook de woning "
            "verhuurt. Een van hen vertelt dat 'de baas' hun paspoorten bewaart."
        ),
        "text": "Wat doe je met wat je in de woning aantreft?",
        "explanation": (
            "Veel mensen op weinig ruimte, een werkgever die ook de verhuurder is en ingehouden "
            "paspoorten zijn signalen van arbeidsuitbuiting. Jij meldt; het kernteam en de "
            "partners zoeken het verder uit."
        ),
        "options": [
            {
                "text": "Je legt vast wat je ziet en hoort en meldt het via 'Meld een Vermoeden'.",
                "correct": True,
                "feedback": "Goed: zo kan het kernteam samen met partners verder.",
            },
            {
                "text": (
                    "Je vraagt de arbeiders hun loonstroken te laten zien, zodat je kunt nagaan "
                    "of ze te weinig verdienen."
                ),
                "correct": False,
                "feedback": (
                    "Zelf uitzoeken is niet jouw taak en kan de arbeiders in de problemen brengen."
                ),
            },
            {
                "text": "Je belt de baas op en zegt dat hij de paspoorten meteen moet teruggeven.",
                "correct": False,
                "feedback": "Zo waarschuw je een mogelijke uitbuiter en kan bewijs verdwijnen.",
            },
            {
                "text": "Je doet niets, want de arbeiders zeggen zelf dat ze tevreden zijn.",
                "correct": False,
                "feedback": (
                    "Slachtoffers durven vaak niet te klagen; hun woorden sluiten uitbuiting niet "
                    "uit."
                ),
            },
        ],
    },
    {
        "theme": "mensenhandel",
        "kind": "multiple",
        "scenario": "",
        "text": (
            "Welke vormen van uitbuiting vallen onder mensenhandel? Kies alle goede antwoorden."
        ),
        "explanation": (
            "Mensenhandel kent drie vormen: seksuele uitbuiting, arbeidsuitbuiting en criminele "
            "uitbuiting. Een zaak waar je alleen contant kunt betalen en illegaal gokken zijn wel "
            "signalen van ondermijning, maar geen vormen van mensenhandel."
        ),
        "options": [
            {
                "text": "Iemand dwingen om in de prostitutie te werken",
                "correct": True,
                "feedback": "Dit is seksuele uitbuiting.",
            },
            {
                "text": "Een bedrijf waar klanten alleen contant kunnen betalen",
                "correct": False,
                "feedback": "Dit kan een signaal van witwassen zijn, maar is geen mensenhandel.",
            },
            {
                "text": "Arbeiders laten werken voor bijna geen loon en ze niet laten vertrekken",
                "correct": True,
                "feedback": "Dit is arbeidsuitbuiting.",
            },
            {
                "text": "Iemand dwingen om te stelen of drugs te vervoeren",
                "correct": True,
                "feedback": "Dit is criminele uitbuiting.",
            },
            {
                "text": "Een illegale gokavond in een achterkamer van een café",
                "correct": False,
                "feedback": (
                    "Dit is een signaal van ondermijning, maar geen vorm van mensenhandel."
                ),
            },
        ],
    },
    {
        "theme": "mensenhandel",
        "kind": "true_false",
        "scenario": "",
        "text": (
            "Waar of niet waar: Als iemand zelf zegt dat het goed met hem gaat, is er geen sprake "
            "van uitbuiting."
        ),
        "explanation": (
            "Slachtoffers zeggen vaak dat alles goed is, uit angst, schaamte of omdat ze schulden "
            "hebben bij de dader. Zie je andere signalen, dan meld je die toch."
        ),
        "options": [
            {"text": "Waar", "correct": False, "feedback": ""},
            {"text": "Niet waar", "correct": True, "feedback": ""},
        ],
    },
    {
        "theme": "mensenhandel",
        "kind": "scenario",
        "scenario": (
            "Aan de balie van Burgerzaken wil een jonge vrouw zich inschrijven op een adres. Een "
            "man staat naast haar. Hij voert het woord en houdt haar paspoort vast. Op hetzelfde "
            "adres hebben zich in korte tijd al veel mensen in- en weer uitgeschreven."
        ),
        "text": "Wat is aan de balie de beste reactie?",
        "explanation": (
            "Iemand die voor een ander praat en diens papieren vasthoudt, en een adres waar "
            "steeds andere mensen kort wonen, zijn signalen van mensenhandel. Aan de balie zie je "
            "dat vaak als eerste; melden is jouw taak."
        ),
        "options": [
            {
                "text": (
                    "Je weigert de inschrijving en zegt tegen de man dat je mensenhandel vermoedt."
                ),
                "correct": False,
                "feedback": (
                    "Zo waarschuw je een mogelijke dader, en de vrouw kan daar last van krijgen."
                ),
            },
            {
                "text": (
                    "Je helpt volgens de vaste werkwijze en meldt je zorgen daarna bij het "
                    "kernteam."
                ),
                "correct": True,
                "feedback": (
                    "Goed: je blijft rustig en professioneel, en het signaal komt op de juiste "
                    "plek."
                ),
            },
            {
                "text": (
                    "Je neemt de vrouw apart en vraagt haar uitgebreid naar haar werk en naar "
                    "haar band met de man."
                ),
                "correct": False,
                "feedback": (
                    "Doorvragen is zelf onderzoek doen, en het kan de vrouw in gevaar brengen."
                ),
            },
            {
                "text": (
                    "Je schrijft haar in en denkt er niet meer aan; het adres is een zaak van de "
                    "verhuurder."
                ),
                "correct": False,
                "feedback": (
                    "Dan blijft een duidelijk signaal liggen, terwijl jij het als eerste ziet."
                ),
            },
        ],
    },
    {
        "theme": "mensenhandel",
        "kind": "single",
        "scenario": "",
        "text": "Wat doet de gemeente met seksbedrijven die geen vergunning hebben?",
        "explanation": (
            "Bij seksbedrijven zonder vergunning is de kans op uitbuiting groot. De gemeente "
            "controleert ze en sluit ze."
        ),
        "options": [
            {
                "text": (
                    "Ze stuurt de eigenaar een brief met het vriendelijke verzoek om te stoppen."
                ),
                "correct": False,
                "feedback": "Alleen een brief is te weinig; de gemeente treedt echt op.",
            },
            {
                "text": "Ze geeft ze alsnog een vergunning als er geen klachten zijn.",
                "correct": False,
                "feedback": (
                    "Ook zonder klachten kan er uitbuiting zijn; een vergunning komt niet vanzelf."
                ),
            },
            {
                "text": "Ze controleert ze en sluit ze.",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Niets, want seksbedrijven zijn alleen een zaak voor de politie.",
                "correct": False,
                "feedback": "De gemeente gaat over de vergunningen en treedt zelf op.",
            },
        ],
    },
    # ---------------------------------------------------- kwetsbare_bedrijven
    {
        "theme": "kwetsbare_bedrijven",
        "kind": "multiple",
        "scenario": "",
        "text": (
            "Welke branches noemt Dordrecht extra kwetsbaar voor misbruik door criminelen? Kies "
            "alle goede antwoorden."
        ),
        "explanation": (
            "De autohandel, de verhuur van opslagboxen en bedrijfsverzamelgebouwen krijgen extra "
            "aandacht. De gemeente werkt met de autobranche en verhuurders van opslagboxen samen "
            "om ze weerbaarder te maken."
        ),
        "options": [
            {
                "text": "Autohandel",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Huisartsenpraktijken",
                "correct": False,
                "feedback": "",
            },
            {
                "text": "Verhuur van opslagboxen",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Openbare bibliotheken",
                "correct": False,
                "feedback": "",
            },
            {
                "text": "Bedrijfsverzamelgebouwen met veel huurders",
                "correct": True,
                "feedback": "",
            },
        ],
    },
    {
        "theme": "kwetsbare_bedrijven",
        "kind": "single",
        "scenario": "",
        "text": "Welke plekken in Dordrecht krijgen extra aandacht omdat ze kwetsbaar zijn?",
        "explanation": (
            "Dordrecht heeft 24 bedrijventerreinen en veel plekken aan het water. Samen met de "
            "binnenstad en het buitengebied krijgen die extra aandacht, omdat criminelen er "
            "makkelijk ongezien kunnen werken of spullen opslaan."
        ),
        "options": [
            {
                "text": "Nieuwe woonwijken met veel jonge gezinnen",
                "correct": False,
                "feedback": "",
            },
            {
                "text": "Sportparken en schoolpleinen in de wijken",
                "correct": False,
                "feedback": "",
            },
            {
                "text": "Bedrijventerreinen en plekken aan het water, zoals havens",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Ziekenhuizen en zorgcentra in de stad",
                "correct": False,
                "feedback": "",
            },
        ],
    },
    {
        "theme": "kwetsbare_bedrijven",
        "kind": "scenario",
        "scenario": (
            "Je bent accountmanager bedrijven en loopt door een bedrijfsverzamelgebouw op een "
            "bedrijventerrein. Eén unit heeft afgeplakte ramen. Er komen bijna nooit klanten, "
            "maar het bedrijf bestaat al jaren. 's Avonds laat rijden er busjes af en aan."
        ),
        "text": "Wat doe je met wat je bij de unit ziet?",
        "explanation": (
            "Een bedrijf zonder klanten dat toch blijft bestaan, is een bekend signaal. Je hoeft "
            "geen bewijs te hebben om het te melden."
        ),
        "options": [
            {
                "text": "Je klopt aan bij de unit en vraagt wat voor bedrijf het eigenlijk is.",
                "correct": False,
                "feedback": "Zo ga je zelf onderzoeken en kun je de huurder waarschuwen.",
            },
            {
                "text": "Je vraagt de beheerder van het gebouw om het huurcontract van die unit.",
                "correct": False,
                "feedback": (
                    "Dat is zelf onderzoek doen; het kernteam bepaalt welke gegevens nodig zijn."
                ),
            },
            {
                "text": "Je wacht af, want een bedrijf zonder klanten is op zich niet strafbaar.",
                "correct": False,
                "feedback": (
                    "Dat klopt, maar een signaal hoeft geen bewijs te zijn om het te melden."
                ),
            },
            {
                "text": "Je meldt het bij het kernteam ondermijning, met een korte beschrijving.",
                "correct": True,
                "feedback": "Goed: het kernteam kan jouw signaal naast andere informatie leggen.",
            },
        ],
    },
    {
        "theme": "kwetsbare_bedrijven",
        "kind": "true_false",
        "scenario": "",
        "text": (
            "Waar of niet waar: Medewerkers merken dat criminelen naar Dordrecht uitwijken als "
            "Rotterdam en Antwerpen strenger optreden."
        ),
        "explanation": (
            "Dat heet het waterbedeffect. Dordrecht ligt dicht bij Rotterdam, Noord-Brabant, "
            "België en de A16, en is daardoor aantrekkelijk voor criminelen."
        ),
        "options": [
            {"text": "Waar", "correct": True, "feedback": ""},
            {"text": "Niet waar", "correct": False, "feedback": ""},
        ],
    },
    {
        "theme": "kwetsbare_bedrijven",
        "kind": "single",
        "scenario": "",
        "text": (
            "Handelaren in tweedehands spullen moeten hun inkopen vastleggen in het Digitaal "
            "Opkopers Register. Waarom?"
        ),
        "explanation": (
            "Het register helpt tegen heling: het doorverkopen van gestolen spullen. De gemeente "
            "controleert of opkopers het register goed gebruiken."
        ),
        "options": [
            {
                "text": "Zo kan de Belastingdienst de btw van de winkel makkelijker controleren.",
                "correct": False,
                "feedback": "",
            },
            {
                "text": "Zo is het moeilijker om gestolen spullen door te verkopen.",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Zo kan de gemeente nagaan of de spullen veilig zijn voor kopers.",
                "correct": False,
                "feedback": "",
            },
        ],
    },
    {
        "theme": "kwetsbare_bedrijven",
        "kind": "scenario",
        "scenario": (
            "Je werkt bij Economische Zaken. De eigenaar van een bedrijf met opslagboxen vertelt "
            "je iets. Een huurder heeft vijf boxen op verschillende namen en betaalt alles "
            "contant. Hij komt alleen 's nachts. De eigenaar vraagt wat hij ermee moet."
        ),
        "text": "Wat doe je met het verhaal van de eigenaar van de opslagboxen?",
        "explanation": (
            "Opslagboxen zijn een kwetsbare branche. Jij geeft het signaal door aan het kernteam. "
            "De ondernemer kan zelf melden bij de politie of anoniem bij Meld Misdaad Anoniem."
        ),
        "options": [
            {
                "text": "Je zegt dat hij de boxen zelf moet openmaken om te zien wat erin zit.",
                "correct": False,
                "feedback": (
                    "Dat is gevaarlijk en het is niet aan de ondernemer om zelf te onderzoeken."
                ),
            },
            {
                "text": (
                    "Je meldt het bij het kernteam en wijst de eigenaar op de politie en Meld "
                    "Misdaad Anoniem."
                ),
                "correct": True,
                "feedback": (
                    "Goed: zo komt het signaal binnen, en de ondernemer weet waar hij kan melden."
                ),
            },
            {
                "text": (
                    "Je zegt dat contant betalen mag en dat hij zich geen zorgen hoeft te maken."
                ),
                "correct": False,
                "feedback": "Contant betalen mag, maar alles samen is het een duidelijk signaal.",
            },
            {
                "text": (
                    "Je raadt hem aan de huurder om uitleg te vragen en het contract op te zeggen."
                ),
                "correct": False,
                "feedback": (
                    "Zo waarschuwt hij de huurder, en dan verdwijnt het signaal uit beeld."
                ),
            },
        ],
    },
    # ----------------------------------------------------------------- fraude
    {
        "theme": "fraude",
        "kind": "scenario",
        "scenario": (
            "Je werkt bij Inkoop. Voor een grote onderhoudsopdracht schrijft een onbekend bedrijf "
            "in. Het bestaat pas drie maanden en biedt veel lager dan de rest. De directeur "
            "vraagt of een deel vooraf contant betaald kan worden."
        ),
        "text": "Wat is de beste stap bij deze inschrijving?",
        "explanation": (
            "Ook bij opdrachten kan de gemeente met de Wet Bibob laten toetsen of een bedrijf een "
            "risico vormt. Een nieuw bedrijf met een opvallend lage prijs en een vraag om contant "
            "geld is een signaal om te melden."
        ),
        "options": [
            {
                "text": "Je gunt de opdracht aan dit bedrijf, want de gemeente moet zuinig zijn.",
                "correct": False,
                "feedback": (
                    "Een erg lage prijs en contant geld zijn juist signalen die je niet negeert."
                ),
            },
            {
                "text": (
                    "Je zoekt online uit met wie de directeur allemaal zaken doet en je legt daar "
                    "zelf een dossier over aan."
                ),
                "correct": False,
                "feedback": (
                    "Dat is zelf onderzoek doen; met de Wet Bibob gebeurt dat op de juiste manier."
                ),
            },
            {
                "text": (
                    "Je meldt het bij het kernteam en bespreekt met je leidinggevende of een "
                    "Bibob-toets nodig is."
                ),
                "correct": True,
                "feedback": (
                    "Goed: je meldt het signaal en gebruikt het instrument dat hiervoor bestaat."
                ),
            },
            {
                "text": (
                    "Je laat het bedrijf weten dat je het niet vertrouwt en dat het zich kan "
                    "terugtrekken."
                ),
                "correct": False,
                "feedback": "Zo waarschuw je het bedrijf en krijgt het kernteam het signaal niet.",
            },
        ],
    },
    {
        "theme": "fraude",
        "kind": "scenario",
        "scenario": (
            "Je behandelt subsidieaanvragen. Een stichting vraagt geld voor een buurtproject. Het "
            "bestuur is dit jaar drie keer gewisseld. Het adres is een postbus, en een groot deel "
            "van de begroting gaat naar een bv van een bestuurslid."
        ),
        "text": "Wat doe je met deze subsidieaanvraag?",
        "explanation": (
            "Subsidies zijn aantrekkelijk voor criminelen. Een steeds wisselend bestuur, een "
            "postbusadres en geld dat naar een eigen bv gaat, zijn signalen. Je meldt ze en laat "
            "een collega meekijken."
        ),
        "options": [
            {
                "text": "Je keurt de aanvraag goed, want alle formulieren zijn volledig ingevuld.",
                "correct": False,
                "feedback": (
                    "Een volledig formulier zegt niets over de risico's achter de aanvraag."
                ),
            },
            {
                "text": "Je laat een collega meekijken en meldt de signalen bij het kernteam.",
                "correct": True,
                "feedback": (
                    "Goed: het vier-ogenprincipe en een melding zorgen samen voor een goede toets."
                ),
            },
            {
                "text": (
                    "Je belt de bestuursleden en vraagt ze naar hun andere bedrijven en inkomsten."
                ),
                "correct": False,
                "feedback": (
                    "Zelf onderzoek doen is niet jouw taak en kan de aanvragers waarschuwen."
                ),
            },
            {
                "text": (
                    "Je wijst de aanvraag meteen af en schrijft in de brief dat je aan fraude "
                    "denkt."
                ),
                "correct": False,
                "feedback": (
                    "Een vermoeden is geen bewijs; laat het kernteam het toetsen, bijvoorbeeld "
                    "met Bibob."
                ),
            },
        ],
    },
    {
        "theme": "fraude",
        "kind": "single",
        "scenario": "",
        "text": "Wat betekent witwassen?",
        "explanation": (
            "Criminelen willen hun geld uitgeven zonder op te vallen. Daarvoor gebruiken ze vaak "
            "gewone bedrijven of vastgoed, zodat het lijkt alsof het geld eerlijk verdiend is."
        ),
        "options": [
            {
                "text": "Contant geld dat je thuis hebt liggen op je eigen bankrekening zetten",
                "correct": False,
                "feedback": "Dat is gewoon bankieren, zolang het geld eerlijk verdiend is.",
            },
            {
                "text": "Werken zonder dat je belasting betaalt over je loon",
                "correct": False,
                "feedback": "Dat is zwart werken; het is fout, maar het is geen witwassen.",
            },
            {
                "text": "Crimineel geld zo gebruiken dat het eerlijk verdiend lijkt",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Geld lenen aan familie zonder dat je een contract opstelt",
                "correct": False,
                "feedback": "Dat is niet slim, maar het heeft niets met witwassen te maken.",
            },
        ],
    },
    {
        "theme": "fraude",
        "kind": "multiple",
        "scenario": "",
        "text": "Welke situaties kunnen wijzen op witwassen? Kies alle goede antwoorden.",
        "explanation": (
            "Een zaak zonder klanten die toch blijft bestaan, alleen contant geld en grote "
            "contante betalingen voor vastgoed zijn bekende signalen. Een lening bij de bank of "
            "drukte in december zijn heel normaal."
        ),
        "options": [
            {
                "text": "Een ondernemer vraagt bij de bank een lening aan voor een verbouwing.",
                "correct": False,
                "feedback": "Een gewone lening via de bank is geen signaal.",
            },
            {
                "text": "Een zaak heeft bijna nooit klanten, maar blijft toch jaren open.",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Een koper wil een pand grotendeels contant betalen.",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Een winkel heeft in december veel meer omzet dan in de zomer.",
                "correct": False,
                "feedback": "Drukte rond de feestdagen is normaal.",
            },
            {
                "text": "Bij een bedrijf kun je alleen contant betalen.",
                "correct": True,
                "feedback": "",
            },
        ],
    },
    {
        "theme": "fraude",
        "kind": "true_false",
        "scenario": "",
        "text": (
            "Waar of niet waar: Ook de verkoop of verhuur van grond en gebouwen van de gemeente "
            "kan interessant zijn voor criminelen."
        ),
        "explanation": (
            "De gemeente sluit contracten over grond en vastgoed. Criminelen kunnen die gebruiken "
            "om geld wit te wassen of om een plek voor hun activiteiten te krijgen."
        ),
        "options": [
            {"text": "Waar", "correct": True, "feedback": ""},
            {"text": "Niet waar", "correct": False, "feedback": ""},
        ],
    },
    # ------------------------------------------------------- excessief_geweld
    {
        "theme": "excessief_geweld",
        "kind": "true_false",
        "scenario": "",
        "text": (
            "Waar of niet waar: Aanslagen met explosieven komen de laatste jaren vaker voor in "
            "Dordrecht."
        ),
        "explanation": (
            "Zulke aanslagen hebben vaak te maken met conflicten in het criminele circuit. Ze "
            "brengen ook buren en voorbijgangers in gevaar."
        ),
        "options": [
            {"text": "Waar", "correct": True, "feedback": ""},
            {"text": "Niet waar", "correct": False, "feedback": ""},
        ],
    },
    {
        "theme": "excessief_geweld",
        "kind": "scenario",
        "scenario": (
            "Je werkt bij Vergunningen. Na een Bibob-advies heb je een horecavergunning "
            "geweigerd. Na werktijd staat de aanvrager bij je auto. Hij zegt: 'Ik weet op welke "
            "school je kinderen zitten. Denk nog maar eens goed na.'"
        ),
        "text": "Wat doe je na deze opmerking van de aanvrager?",
        "explanation": (
            "Criminelen proberen soms besluiten te beïnvloeden door medewerkers bang te maken. "
            "Een bedreiging meld je altijd bij je leidinggevende en de politie. Het besluit "
            "blijft staan."
        ),
        "options": [
            {
                "text": (
                    "Je zegt niets tegen anderen, want je wilt geen ophef maken om één opmerking."
                ),
                "correct": False,
                "feedback": (
                    "Zo sta je er alleen voor; je organisatie moet het weten om je te beschermen."
                ),
            },
            {
                "text": (
                    "Je kijkt het dossier opnieuw door en zoekt een manier om de vergunning toch "
                    "te geven."
                ),
                "correct": False,
                "feedback": (
                    "Dan bereikt de man precies wat hij wil, terwijl de weigering goede gronden "
                    "had."
                ),
            },
            {
                "text": (
                    "Je vertelt het meteen aan je leidinggevende en doet aangifte bij de politie."
                ),
                "correct": True,
                "feedback": (
                    "Goed: bedreiging is strafbaar, en je hoeft dit niet alleen op te lossen."
                ),
            },
            {
                "text": (
                    "Je zoekt op sociale media uit wie de man kent, zodat je weet hoe gevaarlijk "
                    "hij is."
                ),
                "correct": False,
                "feedback": (
                    "Zelf onderzoek doen is niet jouw taak en kan de situatie erger maken."
                ),
            },
        ],
    },
    {
        "theme": "excessief_geweld",
        "kind": "single",
        "scenario": "",
        "text": (
            "Een inwoner vertelt je dat er in zijn straat mensen met wapens rondlopen. Wat raad "
            "je hem aan?"
        ),
        "explanation": (
            "Wapens horen bij de politie gemeld te worden; bij direct gevaar via het alarmnummer. "
            "Zelf iemand aanspreken of het in een buurtapp zetten kan gevaarlijk zijn."
        ),
        "options": [
            {
                "text": "Zet het in de buurtapp, zodat de hele straat gewaarschuwd is.",
                "correct": False,
                "feedback": "Dat kan paniek geven en de melder in gevaar brengen.",
            },
            {
                "text": "Meld het bij de politie; bij direct gevaar via het alarmnummer.",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Spreek de mensen zelf rustig aan op hun gedrag.",
                "correct": False,
                "feedback": "Mensen met wapens zelf aanspreken is gevaarlijk.",
            },
            {
                "text": "Wacht af tot er echt iets gebeurt en meld het dan pas.",
                "correct": False,
                "feedback": "Wachten kan te laat zijn; wapens meld je meteen.",
            },
        ],
    },
    {
        "theme": "excessief_geweld",
        "kind": "multiple",
        "scenario": "",
        "text": (
            "Welke situaties kunnen wijzen op dreiging of geweld uit het criminele circuit? Kies "
            "alle goede antwoorden."
        ),
        "explanation": (
            "Explosies, openlijk wapenbezit en het in de gaten houden van medewerkers zijn "
            "signalen van crimineel geweld of intimidatie. Een burenruzie of vuurwerk op "
            "oudejaarsavond hoort daar meestal niet bij."
        ),
        "options": [
            {
                "text": "Een explosie bij de voordeur van een bedrijf",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Een luide ruzie tussen buren over een parkeerplek",
                "correct": False,
                "feedback": "",
            },
            {
                "text": "Een onbekende die steeds de auto van een handhaver fotografeert",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Mensen die in de wijk openlijk met wapens rondlopen",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Jongeren die op oudejaarsavond vuurwerk afsteken",
                "correct": False,
                "feedback": "",
            },
        ],
    },
    # ------------------------------------------------------ bibob_integriteit
    {
        "theme": "bibob_integriteit",
        "kind": "single",
        "scenario": "",
        "text": "Wat kan de gemeente doen met de Wet Bibob?",
        "explanation": (
            "Met de Wet Bibob kijkt de gemeente vooraf of een vergunning, subsidie of opdracht "
            "misbruikt kan worden. Zo voorkomt ze dat ze criminelen onbedoeld helpt."
        ),
        "options": [
            {
                "text": (
                    "Criminelen zelf opsporen, aanhouden en daarna voor de strafrechter brengen"
                ),
                "correct": False,
                "feedback": "Opsporen en vervolgen doen politie en justitie, niet de gemeente.",
            },
            {
                "text": "Vooraf toetsen of een aanvrager of zijn zakenpartners een risico vormen",
                "correct": True,
                "feedback": "",
            },
            {
                "text": (
                    "Bepalen hoeveel leges een aanvrager moet betalen voor een grote vergunning"
                ),
                "correct": False,
                "feedback": "De hoogte van leges staat los van de Wet Bibob.",
            },
        ],
    },
    {
        "theme": "bibob_integriteit",
        "kind": "true_false",
        "scenario": "",
        "text": (
            "Waar of niet waar: De medewerker die een paspoortaanvraag aanneemt, geeft dat "
            "paspoort later ook zelf uit."
        ),
        "explanation": (
            "Aanvragen en uitgeven doen altijd verschillende medewerkers. Zo kan niemand in zijn "
            "eentje een echt document aan de verkeerde persoon geven."
        ),
        "options": [
            {"text": "Waar", "correct": False, "feedback": ""},
            {"text": "Niet waar", "correct": True, "feedback": ""},
        ],
    },
    {
        "theme": "bibob_integriteit",
        "kind": "scenario",
        "scenario": (
            "Je beoordeelt offertes voor een nieuw schoonmaakcontract. Een van de bedrijven die "
            "meedoen, stuurt je twee kaarten voor een VIP-plek bij een voetbalwedstrijd. Er zit "
            "een briefje bij: 'Als dank voor de prettige samenwerking.'"
        ),
        "text": "Wat doe je met de voetbalkaarten?",
        "explanation": (
            "De gedragscode van Drechtsteden/Zuid-Holland Zuid heeft regels voor cadeaus. Een "
            "cadeau van een bedrijf dat op jouw beslissing wacht, neem je niet aan, en je meldt "
            "het."
        ),
        "options": [
            {
                "text": "Je stuurt de kaarten terug en meldt het aan je leidinggevende.",
                "correct": True,
                "feedback": "Goed: zo blijf je onafhankelijk en weet je leidinggevende ervan.",
            },
            {
                "text": (
                    "Je houdt de kaarten, want je laat je oordeel er toch niet door beïnvloeden."
                ),
                "correct": False,
                "feedback": (
                    "Invloed werkt vaak ongemerkt, en de schijn van partijdigheid ontstaat al."
                ),
            },
            {
                "text": (
                    "Je neemt de kaarten aan, maar je geeft het bedrijf daarna een lagere score "
                    "om eerlijk te blijven."
                ),
                "correct": False,
                "feedback": (
                    "Dan beïnvloedt het cadeau je oordeel alsnog, alleen de andere kant op."
                ),
            },
            {
                "text": "Je neemt de kaarten aan en vertelt het aan niemand.",
                "correct": False,
                "feedback": "Een geheim maakt je kwetsbaar voor druk later.",
            },
        ],
    },
    {
        "theme": "bibob_integriteit",
        "kind": "scenario",
        "scenario": (
            "Een kennis van je sportclub heeft een autobedrijf. Eerst vraagt hij alleen hoe lang "
            "een vergunning duurt. Later wil hij dat je kijkt hoe zijn aanvraag ervoor staat. Nu "
            "vraagt hij of een concurrent ook een aanvraag heeft gedaan."
        ),
        "text": "Wat is de beste reactie op de vraag van je kennis?",
        "explanation": (
            "Invloed begint vaak klein en wordt stap voor stap groter. Iedereen kan daar gevoelig "
            "voor zijn. Trek op tijd een grens en praat erover met je leidinggevende."
        ),
        "options": [
            {
                "text": (
                    "Je kijkt alleen naar zijn eigen aanvraag; dat is tenslotte zijn eigen zaak."
                ),
                "correct": False,
                "feedback": (
                    "Ook dat is misbruik van je toegang, en het is vaak de eerste stap naar meer."
                ),
            },
            {
                "text": (
                    "Je vertelt alleen of er een aanvraag is, zonder details; dat kan geen kwaad."
                ),
                "correct": False,
                "feedback": "Ook dat is vertrouwelijke informatie die je niet mag delen.",
            },
            {
                "text": (
                    "Je zegt dat je hem niet kunt helpen en bespreekt het met je leidinggevende."
                ),
                "correct": True,
                "feedback": "Goed: je trekt een duidelijke grens en staat er niet alleen voor.",
            },
            {
                "text": "Je gaat niet meer naar de sportclub, zodat je hem niet meer tegenkomt.",
                "correct": False,
                "feedback": (
                    "Vermijden lost niets op; hij kan het opnieuw proberen en niemand weet ervan."
                ),
            },
        ],
    },
    {
        "theme": "bibob_integriteit",
        "kind": "scenario",
        "scenario": (
            "Je werkt bij het Klantcontactcentrum. Iemand belt en zegt dat hij van de politie is. "
            "Hij wil meteen het adres en het telefoonnummer van een inwoner hebben. Hij heeft "
            "haast en wordt boos als je twijfelt."
        ),
        "text": "Wat doe je met dit telefoontje?",
        "explanation": (
            "Criminelen doen zich soms voor als politie of een andere instantie om aan gegevens "
            "te komen. Vertrouwelijke informatie gaat alleen via de vaste route, hoe groot de "
            "druk ook is."
        ),
        "options": [
            {
                "text": "Je geeft het adres, want de politie mag zulke gegevens toch opvragen.",
                "correct": False,
                "feedback": (
                    "Je weet niet zeker wie er belt; gegevens gaan alleen via de vaste route."
                ),
            },
            {
                "text": "Je vraagt zijn naam en dienstnummer en geeft daarna de gegevens door.",
                "correct": False,
                "feedback": "Een naam en een nummer kun je aan de telefoon niet controleren.",
            },
            {
                "text": (
                    "Je geeft niets door, verwijst naar de officiële route en meldt het gesprek."
                ),
                "correct": True,
                "feedback": (
                    "Goed: echte politie kent die route, en haast is een bekende manier van druk."
                ),
            },
            {
                "text": (
                    "Je geeft alleen het adres en niet het telefoonnummer, om hem tegemoet te "
                    "komen."
                ),
                "correct": False,
                "feedback": "Ook een adres is vertrouwelijk en kan iemand in gevaar brengen.",
            },
        ],
    },
    {
        "theme": "bibob_integriteit",
        "kind": "multiple",
        "scenario": "",
        "text": (
            "Welke afspraken beschermen de gemeente tegen misbruik door criminelen? Kies alle "
            "goede antwoorden."
        ),
        "explanation": (
            "Meekijken bij besluiten, een Bibob-toets en het scheiden van aanvragen en uitgeven "
            "maken misbruik moeilijker. Steeds dezelfde medewerker voor dezelfde ondernemer maakt "
            "iemand juist kwetsbaar."
        ),
        "options": [
            {
                "text": (
                    "Bij besluiten kijkt een collega of leidinggevende mee (vier-ogenprincipe)."
                ),
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Eén vaste medewerker behandelt alle aanvragen van dezelfde ondernemer.",
                "correct": False,
                "feedback": "Zo'n vaste band maakt die medewerker juist een doelwit.",
            },
            {
                "text": "Voor een vergunning, subsidie of opdracht kan een Bibob-toets volgen.",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Wie een aanvraag voor een paspoort aanneemt, geeft het niet zelf uit.",
                "correct": True,
                "feedback": "",
            },
        ],
    },
    {
        "theme": "bibob_integriteit",
        "kind": "true_false",
        "scenario": "",
        "text": (
            "Waar of niet waar: Alleen medewerkers met geldproblemen of een zwak karakter kunnen "
            "door criminelen worden beïnvloed."
        ),
        "explanation": (
            "Iedereen kan gevoelig zijn voor beïnvloeding. Criminelen bouwen vaak langzaam een "
            "band op, met kleine gunsten en vriendelijke gesprekken."
        ),
        "options": [
            {"text": "Waar", "correct": False, "feedback": ""},
            {"text": "Niet waar", "correct": True, "feedback": ""},
        ],
    },
    {
        "theme": "bibob_integriteit",
        "kind": "true_false",
        "scenario": "",
        "text": (
            "Waar of niet waar: Volgens de Rekenkamer (2025) kennen en gebruiken afdelingen in "
            "Dordrecht de Wet Bibob nog te weinig."
        ),
        "explanation": (
            "In Dordrecht past elke afdeling de Wet Bibob zelf toe. De Rekenkamer vindt dat de "
            "kennis en het gebruik ervan omhoog moeten."
        ),
        "options": [
            {"text": "Waar", "correct": True, "feedback": ""},
            {"text": "Niet waar", "correct": False, "feedback": ""},
        ],
    },
    {
        "theme": "bibob_integriteit",
        "kind": "single",
        "scenario": "",
        "text": "Waarom kun je als medewerker van de gemeente interessant zijn voor criminelen?",
        "explanation": (
            "De gemeente geeft vergunningen, subsidies, opdrachten en documenten, en medewerkers "
            "hebben toegang tot waardevolle informatie. Daarom proberen criminelen soms contact "
            "met je te zoeken."
        ),
        "options": [
            {
                "text": "Omdat je bij de gemeente vaak met veel contant geld uit de kluis werkt",
                "correct": False,
                "feedback": "",
            },
            {
                "text": (
                    "Omdat je bij informatie kunt en meewerkt aan vergunningen, subsidies of "
                    "opdrachten"
                ),
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Omdat je als medewerker zelf verdachten mag aanhouden en verhoren",
                "correct": False,
                "feedback": "",
            },
            {
                "text": "Omdat je als medewerker strafzaken tegen criminelen kunt laten stoppen",
                "correct": False,
                "feedback": "",
            },
        ],
    },
    # ----------------------------------------------------------------- melden
    {
        "theme": "melden",
        "kind": "single",
        "scenario": "",
        "text": "Je ziet een signaal van ondermijning. Waar meld je dat als medewerker?",
        "explanation": (
            "Als medewerker meld je intern: via de mailbox van het kernteam ondermijning of via "
            "'Meld een Vermoeden' in het zaaksysteem. Zo komt je signaal direct bij het kernteam."
        ),
        "options": [
            {
                "text": "In de groepsapp van je team, zodat iedereen kan meedenken",
                "correct": False,
                "feedback": "Een signaal is vertrouwelijk; deel het niet breed.",
            },
            {
                "text": "Alleen bij Meld Misdaad Anoniem, zodat je zelf buiten beeld blijft",
                "correct": False,
                "feedback": "Als medewerker gebruik je de interne route naar het kernteam.",
            },
            {
                "text": "Nergens, totdat je zelf genoeg bewijs hebt verzameld",
                "correct": False,
                "feedback": "Je hoeft geen bewijs te hebben en je verzamelt het ook niet zelf.",
            },
            {
                "text": "Bij het kernteam, via de mailbox of 'Meld een Vermoeden'",
                "correct": True,
                "feedback": "",
            },
        ],
    },
    {
        "theme": "melden",
        "kind": "true_false",
        "scenario": "",
        "text": (
            "Waar of niet waar: Je meldt een signaal pas als je zeker weet dat er iets strafbaars "
            "gebeurt."
        ),
        "explanation": (
            "Een signaal is een aanwijzing, geen bewijs. Twijfel je, meld het dan toch. Het "
            "kernteam beoordeelt of er meer aan de hand is."
        ),
        "options": [
            {"text": "Waar", "correct": False, "feedback": ""},
            {"text": "Niet waar", "correct": True, "feedback": ""},
        ],
    },
    {
        "theme": "melden",
        "kind": "single",
        "scenario": "",
        "text": (
            "Je twijfelt of wat je zag een signaal is. Wie in je eigen team kan je daarbij helpen?"
        ),
        "explanation": (
            "In de meeste teams heeft een collega ondermijning als aandachtsgebied. Weet je niet "
            "wie dat is, vraag het dan aan je leidinggevende."
        ),
        "options": [
            {
                "text": "Een collega die de betrokken ondernemer persoonlijk kent",
                "correct": False,
                "feedback": (
                    "Zo deel je een vertrouwelijk signaal met iemand die er dichtbij staat."
                ),
            },
            {
                "text": "De contactpersoon ondermijning van je team",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "De collega van ICT die het zaaksysteem beheert",
                "correct": False,
                "feedback": "ICT helpt met het systeem, niet met het beoordelen van signalen.",
            },
        ],
    },
    {
        "theme": "melden",
        "kind": "scenario",
        "scenario": (
            "Vorige week meldde je via 'Meld een Vermoeden' een garage waar nooit klanten komen. "
            "Je hebt nog niets terug gehoord. Een collega zegt: 'Rij er anders even langs en maak "
            "wat foto's, dan heeft het kernteam meer.'"
        ),
        "text": "Wat doe je na het advies van je collega?",
        "explanation": (
            "Het kernteam ontvangt elk signaal en beslist wat ermee gebeurt, soms samen met "
            "partners. Jij meldt; je onderzoekt niet zelf."
        ),
        "options": [
            {
                "text": "Je rijdt erlangs en maakt foto's, want dan is je melding sterker.",
                "correct": False,
                "feedback": (
                    "Dat is zelf onderzoek doen, en het kan jou en het werk van partners schaden."
                ),
            },
            {
                "text": (
                    "Je mailt het kernteam elke dag tot je hoort wat er met je melding gebeurt."
                ),
                "correct": False,
                "feedback": (
                    "Het kernteam kan vaak niet alles vertellen; stilte betekent niet dat er "
                    "niets gebeurt."
                ),
            },
            {
                "text": "Je trekt je melding in, want blijkbaar vindt niemand het belangrijk.",
                "correct": False,
                "feedback": (
                    "Geen bericht betekent niet dat er niets gebeurt; elk signaal wordt bekeken."
                ),
            },
            {
                "text": (
                    "Je gaat niet kijken; hoor of zie je toevallig iets nieuws, dan meld je dat."
                ),
                "correct": True,
                "feedback": (
                    "Goed: het kernteam is aan zet, en nieuwe informatie vult het beeld aan."
                ),
            },
        ],
    },
    {
        "theme": "melden",
        "kind": "single",
        "scenario": "",
        "text": "Wat gebeurt er met een signaal nadat je het hebt gemeld?",
        "explanation": (
            "Het kernteam ondermijning van team Veiligheid beoordeelt elk signaal. Het kan een "
            "zaak inbrengen in het maandelijkse casusoverleg met onder meer politie, RIEC, "
            "Omgevingsdienst en Sociale Dienst, of een zaak naar het RIEC brengen."
        ),
        "options": [
            {
                "text": "De politie doet binnen een dag een inval op het adres dat je noemde",
                "correct": False,
                "feedback": "",
            },
            {
                "text": "Je krijgt zelf de opdracht om het signaal verder uit te zoeken",
                "correct": False,
                "feedback": "",
            },
            {
                "text": "Het kernteam beoordeelt het en kan het bespreken met partners",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Het signaal komt in een register dat alle collega's kunnen inzien",
                "correct": False,
                "feedback": "",
            },
        ],
    },
    {
        "theme": "melden",
        "kind": "multiple",
        "scenario": "",
        "text": (
            "Je ziet iets dat op ondermijning kan wijzen. Wat doe je goed? Kies alle goede "
            "antwoorden."
        ),
        "explanation": (
            "Je legt kort vast wat je zag, je meldt het via de interne route en je vraagt advies "
            "als je twijfelt. Zelf gaan kijken of de betrokkene inlichten doe je niet."
        ),
        "options": [
            {
                "text": "Je schrijft op wat je zag, met datum, tijd en plaats.",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Je gaat nog eens terug om binnen foto's te maken.",
                "correct": False,
                "feedback": "Zelf onderzoeken is niet jouw taak en kan gevaarlijk zijn.",
            },
            {
                "text": "Je meldt het via de mailbox van het kernteam of 'Meld een Vermoeden'.",
                "correct": True,
                "feedback": "",
            },
            {
                "text": "Je vertelt de ondernemer eerlijk dat je een melding hebt gedaan.",
                "correct": False,
                "feedback": "Zo waarschuw je mogelijk een crimineel en breng je jezelf in gevaar.",
            },
            {
                "text": "Je vraagt de contactpersoon van je team om advies als je twijfelt.",
                "correct": True,
                "feedback": "",
            },
        ],
    },
    {
        "theme": "melden",
        "kind": "scenario",
        "scenario": (
            "Een inwoner komt naar de balie. In het huis naast hem ruikt het sterk naar wiet, en "
            "'s nachts stoppen er steeds busjes. Hij wil iets doen, maar is bang voor wraak. "
            "Niemand mag weten dat het van hem komt."
        ),
        "text": "Wat zeg je tegen de inwoner?",
        "explanation": (
            "Inwoners kunnen melden bij de politie of anoniem bij Meld Misdaad Anoniem. Wat een "
            "inwoner aan de balie vertelt, is ook een signaal dat jij doorgeeft aan het kernteam."
        ),
        "options": [
            {
                "text": (
                    "Dat hij eerst foto's en filmpjes moet maken, anders heeft melden geen zin."
                ),
                "correct": False,
                "feedback": (
                    "Een signaal hoeft geen bewijs te zijn, en bewijs zoeken kan hem in gevaar "
                    "brengen."
                ),
            },
            {
                "text": "Dat anoniem melden niet kan en dat hij met zijn naam aangifte moet doen.",
                "correct": False,
                "feedback": (
                    "Dat klopt niet: bij Meld Misdaad Anoniem hoeft hij zijn naam niet te geven."
                ),
            },
            {
                "text": (
                    "Dat hij anoniem kan melden bij Meld Misdaad Anoniem; jij geeft het signaal "
                    "door aan het kernteam."
                ),
                "correct": True,
                "feedback": (
                    "Goed: hij kan veilig melden, en het signaal komt ook bij de gemeente binnen."
                ),
            },
            {
                "text": "Dat hij het beste eerst met de buren praat om te horen wat er speelt.",
                "correct": False,
                "feedback": "Zo kan hij zichzelf in gevaar brengen; melden is veiliger.",
            },
        ],
    },
    {
        "theme": "melden",
        "kind": "true_false",
        "scenario": "",
        "text": (
            "Waar of niet waar: Uit de Veiligheidsmonitor 2023 blijkt dat de meeste inwoners "
            "verdachte situaties in hun buurt nooit melden."
        ),
        "explanation": (
            "Van de inwoners heeft 81 procent zo'n situatie nooit gemeld. Veel signalen komen "
            "daarom binnen via medewerkers, zoals baliemedewerkers, wijkmanagers en boa's."
        ),
        "options": [
            {"text": "Waar", "correct": True, "feedback": ""},
            {"text": "Niet waar", "correct": False, "feedback": ""},
        ],
    },
]
