"""Demo content for the learning modules: the onboarding module and one theme module.

The texts are written in plain Dutch (B1) from ``../shared/content-brief.md``, which collects the
facts from the Rekenkamer Dordrecht audit (2025) and the Integraal Veiligheidsplan 2023-2026. They
take the facts, not the sentences, and say where a figure comes from. No reporting addresses
appear here: the "report_it" block shows the current routes from the reporting-routes site
setting, so the kernteam can change them in one place.

``demo.loader.load_demo`` passes ``ONBOARDING_MODULE`` and ``THEME_MODULE`` to
``modules.learning.services.module_create_with_lessons``; ``ONBOARDING_FINAL_QUIZ`` (the quiz,
drawn from the pool in ``demo.content.questions``, whose questions name these lessons as their
source), ``ONBOARDING_ASSIGNMENT`` and
``THEME_MODULE_VTH_DUE_DAYS_AGO`` say which quiz and which assignments come with them.
Each lesson ``body`` is a list of ``(block type, value)`` pairs for ``LessonStreamBlock``; text
blocks hold HTML.
"""

from __future__ import annotations

# Onboarding, les 1: Wat is ondermijning?
_WAT_IS_ONDERMIJNING: dict = {
    "title": "Wat is ondermijning?",
    "slug": "wat-is-ondermijning",
    "summary": (
        "Je leert wat ondermijning is, hoe criminelen de gewone wereld gebruiken en waarom dat "
        "de samenleving en het vertrouwen in de gemeente schaadt."
    ),
    "estimated_minutes": 6,
    "body": [
        (
            "text",
            (
                "<h2>Misdaad die je niet meteen ziet</h2>"
                "<p>Bij misdaad denk je misschien aan een inbraak of een overval. Ondermijning "
                "is anders. Het gaat om georganiseerde misdaad: groepen die samenwerken om veel "
                "geld te verdienen. Denk aan drugshandel, fraude, witwassen, fraude met huizen "
                "en panden, en mensenhandel.</p>"
                "<p>Het woord zegt het al: deze misdaad werkt van onderaf. Ze tast stap voor "
                "stap de regels en de gewone samenleving aan. Daarom heet het ondermijning.</p>"
                "<h2>Onderwereld en bovenwereld lopen door elkaar</h2>"
                "<p>Criminelen kunnen niet zonder de gewone wereld. Ze hebben een pand nodig, "
                "een bedrijf, een bankrekening, een vervoerder of een adres. Zo raken de "
                "onderwereld en de bovenwereld met elkaar vermengd. Met de bovenwereld bedoelen "
                "we de legale wereld: gewone bedrijven, diensten en overheden.</p>"
                "<p>Een paar voorbeelden:</p>"
                "<ul>"
                "<li>Een kapsalon of autobedrijf waar drugsgeld door de kassa gaat. Het geld "
                "lijkt dan eerlijk verdiend. Dat heet witwassen.</li>"
                "<li>Een loods op een bedrijventerrein die officieel is gehuurd voor opslag, "
                "maar waar drugs liggen.</li>"
                "<li>Een boekhouder of makelaar die helpt, soms zonder dat hij het "
                "doorheeft.</li>"
                "<li>Een vergunning of subsidie van de gemeente die een crimineel bedrijf een "
                "nette uitstraling geeft.</li>"
                "</ul>"
                "<p>Vaak weten gewone bedrijven en mensen niet dat ze worden gebruikt. Dat "
                "geldt ook voor de overheid.</p>"
            ),
        ),
        (
            "text",
            (
                "<h2>Met opzet verborgen</h2>"
                "<p>Ondermijning speelt zich af in de luwte. Criminelen doen hun best om niet "
                "op te vallen. Ze werken met stromannen: mensen die op papier de eigenaar zijn, "
                "terwijl iemand anders de baas is. Ze betalen vaak contant en wisselen van "
                "adres of bedrijfsnaam.</p>"
                "<p>Daarom weet niemand precies hoe groot het probleem is. In het onderzoek van "
                "de Rekenkamer Dordrecht (2025) zeggen betrokkenen dat zelfs het topje van de "
                "ijsberg nog niet zichtbaar is. Wat we zien, is dus maar een klein deel van wat "
                "er gebeurt.</p>"
                "<h2>Waarom het schadelijk is</h2>"
                "<ul>"
                "<li><b>Geweld en onveiligheid.</b> Denk aan explosies bij woningen en "
                "bedrijven, of aan bedreigingen.</li>"
                "<li><b>Slachtoffers.</b> Mensen worden uitgebuit. Kinderen worden ingezet voor "
                "criminele klusjes. Drugs maken mensen ziek en verslaafd.</li>"
                "<li><b>Oneerlijke concurrentie.</b> Een bedrijf met crimineel geld kan lage "
                "prijzen vragen. Eerlijke ondernemers verliezen dan klanten.</li>"
                "<li><b>Minder vertrouwen.</b> Stel dat de gemeente zonder het te weten een "
                "crimineel helpt, met een vergunning, een pand of een subsidie. Dan verliezen "
                "inwoners het vertrouwen in de overheid.</li>"
                "</ul>"
                "<p>Dat laatste maakt het onderwerp belangrijk voor iedereen die bij de "
                "gemeente werkt. Ook voor jou, welk werk je ook doet. In de volgende les zie je "
                "waarom.</p>"
            ),
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Ondermijning is georganiseerde misdaad om geld te verdienen, zoals "
                        "drugshandel, fraude, witwassen en mensenhandel."
                    ),
                    (
                        "Criminelen gebruiken gewone bedrijven, diensten en de overheid. Vaak "
                        "zonder dat die het weten."
                    ),
                    (
                        "Ondermijning blijft met opzet verborgen. Wat we zien, is maar een "
                        "klein deel."
                    ),
                    (
                        "Het schaadt de veiligheid, eerlijke ondernemers en het vertrouwen in "
                        "de gemeente."
                    ),
                ],
            },
        ),
    ],
}


# Onboarding, les 2: Waarom de gemeente en jij interessant zijn
_WAAROM_DE_GEMEENTE_EN_JIJ: dict = {
    "title": "Waarom de gemeente en jij interessant zijn",
    "slug": "waarom-de-gemeente-en-jij",
    "summary": (
        "Je ontdekt welke taken van de gemeente criminelen kunnen misbruiken, waarom jouw "
        "informatie waardevol is en hoe criminelen medewerkers stap voor stap benaderen."
    ),
    "estimated_minutes": 7,
    "body": [
        (
            "text",
            (
                "<h2>De gemeente heeft wat criminelen nodig hebben</h2>"
                "<p>Een crimineel netwerk wil geld verdienen en dat geld veilig kunnen "
                "gebruiken. Daarvoor heeft het vaak iets nodig van de gemeente. De gemeente "
                "geeft toestemming, geeft geld en heeft informatie. Al die taken kunnen worden "
                "misbruikt.</p>"
                "<h3>Vergunningen</h3>"
                "<p>De gemeente geeft vergunningen voor horeca, voor seksbedrijven en voor "
                "bouwen en de omgeving. Een café of seksbedrijf met een vergunning ziet er "
                "legaal uit. Toch kan het een plek zijn om geld wit te wassen, drugs te "
                "verkopen of mensen uit te buiten.</p>"
                "<h3>Identiteitsbewijzen en reisdocumenten</h3>"
                "<p>Een echt paspoort of een echte identiteitskaart op een valse naam is voor "
                "criminelen veel waard. Daarmee kun je een bedrijf starten, een rekening openen "
                "of reizen zonder op te vallen.</p>"
                "<h3>Subsidies</h3>"
                "<p>Een subsidie is geld van de gemeente voor een goed doel of een activiteit. "
                "Een stichting of bedrijf met slechte bedoelingen kan subsidie aanvragen en het "
                "geld aan iets anders uitgeven.</p>"
                "<h3>Inkoop en aanbesteding</h3>"
                "<p>De gemeente koopt veel in: werk, diensten en spullen. Bij een aanbesteding "
                "mogen bedrijven meedingen naar een opdracht van de gemeente. Zo'n opdracht "
                "geeft een crimineel bedrijf een vast inkomen en een nette naam.</p>"
                "<h3>Vastgoed en grond</h3>"
                "<p>De gemeente koopt, verkoopt en verhuurt panden en grond. Vastgoed is een "
                "bekende manier om crimineel geld te beleggen en wit te wassen.</p>"
            ),
        ),
        (
            "text",
            (
                "<h2>Jij hebt informatie</h2>"
                "<p>Veel medewerkers kunnen gegevens inzien die voor buitenstaanders geheim "
                "zijn. Bijvoorbeeld iemands adres, wie een vergunning heeft aangevraagd, "
                "wanneer er een controle is of welke plannen er zijn voor een gebied. Voor een "
                "crimineel kan zo'n stukje informatie veel geld waard zijn. Dat geldt zelfs "
                "voor dingen die voor jou gewoon zijn, zoals wie er op jouw afdeling werkt of "
                "hoe een procedure loopt.</p>"
                "<h2>Zo gaat een benadering vaak</h2>"
                "<p>Criminelen vragen bijna nooit meteen iets wat duidelijk fout is. Ze gaan "
                "stap voor stap te werk:</p>"
                "<ol>"
                "<li>Ze zoeken contact. Op je werk, maar ook op de sportclub, op een verjaardag "
                "of via sociale media.</li>"
                "<li>Ze zijn aardig en geven complimenten. Soms krijg je een klein cadeau of "
                "een gunst.</li>"
                "<li>Ze vragen iets kleins. Een tip, een datum, of 'even kijken' hoe ver een "
                "aanvraag is.</li>"
                "<li>De vragen worden groter. Wil je stoppen? Dan hoor je dat je al iets fout "
                "hebt gedaan. Of er komt druk of een bedreiging.</li>"
                "</ol>"
                "<p>Zo kan iedereen ongemerkt in een lastige positie komen. Het heeft niets te "
                "maken met slim of dom zijn. Herken je zo'n patroon? Praat er op tijd over met "
                "je leidinggevende of met het kernteam ondermijning. Dat is geen falen. Het "
                "beschermt jou.</p>"
            ),
        ),
        (
            "dilemma",
            {
                "title": "Een vraag op de sportclub",
                "situation": (
                    "Je werkt bij de afdeling Vergunningen. Op de voetbalclub ken je Mark al "
                    "jaren. Hij heeft sinds kort een lounge in de binnenstad. Na de training "
                    "vraagt hij lachend of er binnenkort controles zijn in het uitgaansgebied. "
                    "En of jij even kunt kijken hoe ver zijn aanvraag voor een terras is. 'Dat "
                    "kost je maar een minuutje,' zegt hij."
                ),
                "question": "Wat doe je?",
                "choices": [
                    {
                        "choice": (
                            "Ik kijk maandag even in het systeem. Mark is een goede bekende en "
                            "het is maar een kleine vraag."
                        ),
                        "explanation": (
                            "Niet doen. Je mag gegevens alleen inzien als je werk daarom "
                            "vraagt. Ook een kleine gunst kan de eerste stap zijn. Daarna wordt "
                            "het steeds moeilijker om nee te zeggen."
                        ),
                    },
                    {
                        "choice": (
                            "Ik zeg dat er die week waarschijnlijk een controle is, zodat hij "
                            "zijn zaken op orde kan hebben."
                        ),
                        "explanation": (
                            "Niet doen. De datum van een controle is geheim. Een controle die "
                            "vooraf bekend is, heeft geen zin meer. En je brengt jezelf in de "
                            "problemen."
                        ),
                    },
                    {
                        "choice": (
                            "Ik zeg dat ik over controles niets kan vertellen. Voor zijn "
                            "aanvraag verwijs ik hem naar de gewone weg."
                        ),
                        "explanation": (
                            "Goed. Je geeft geen informatie en je verwijst naar de normale "
                            "route. Zo behandel je Mark net als iedere andere aanvrager."
                        ),
                    },
                    {
                        "choice": (
                            "Ik zeg vriendelijk nee. Later vertel ik het aan mijn "
                            "leidinggevende of aan de contactpersoon ondermijning."
                        ),
                        "explanation": (
                            "Heel goed. Je zegt nee en je legt het vast. Misschien is Marks "
                            "vraag onschuldig. Maar een vraag naar controles kan ook een "
                            "signaal zijn. Omdat je het hebt besproken, sta je sterk als hij "
                            "blijft aandringen."
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
                        "De gemeente geeft vergunningen, documenten, subsidies, opdrachten en "
                        "panden. Criminelen kunnen die misbruiken."
                    ),
                    "Informatie die jij kunt inzien, kan voor criminelen veel waard zijn.",
                    (
                        "Criminelen benaderen medewerkers vaak stap voor stap: eerst aardig, "
                        "dan een kleine gunst, later druk."
                    ),
                    (
                        "Kijk alleen in systemen als je werk daarom vraagt. Praat op tijd over "
                        "een vreemde vraag."
                    ),
                ],
            },
        ),
    ],
}


# Onboarding, les 3: Ondermijning in Dordrecht
_ONDERMIJNING_IN_DORDRECHT: dict = {
    "title": "Ondermijning in Dordrecht",
    "slug": "ondermijning-in-dordrecht",
    "summary": (
        "Je krijgt een beeld van de vormen, plekken en branches van ondermijning in Dordrecht, "
        "en van de manier waarop de gemeente het aanpakt."
    ),
    "estimated_minutes": 7,
    "body": [
        (
            "text",
            (
                "<h2>Wat speelt er in Dordrecht?</h2>"
                "<p>Ondermijning ziet er in elke stad een beetje anders uit. De Rekenkamer "
                "Dordrecht onderzocht in 2025 de aanpak van ondermijning in onze stad. Daaruit "
                "komt dit beeld naar voren. Het gaat vooral om deze vormen. Welke vorm het "
                "grootst of het ernstigst is, weet niemand. Volgens de Rekenkamer heeft niemand "
                "daar een goed zicht op.</p>"
                "<ul>"
                "<li><b>Drugs.</b> Denk aan hennepkwekerijen, handel in cocaïne en de opslag "
                "van harddrugs en softdrugs.</li>"
                "<li><b>Fraude en witwassen.</b> Geld uit misdaad wordt via bedrijven, panden "
                "of dure spullen 'schoon' gemaakt.</li>"
                "<li><b>Mensenhandel.</b> Die komt in drie vormen voor: seksuele uitbuiting, "
                "criminele uitbuiting (iemand wordt gedwongen om misdaad te plegen) en "
                "arbeidsuitbuiting (iemand werkt onder slechte omstandigheden voor weinig of "
                "geen loon).</li>"
                "<li><b>Excessief geweld.</b> Dat is zwaar geweld dat veel angst veroorzaakt. "
                "De laatste jaren komen aanslagen met explosieven vaker voor.</li>"
                "</ul>"
                "<h2>Kwetsbare plekken</h2>"
                "<p>Criminelen zoeken plekken waar ze weinig opvallen. In Dordrecht gaat het "
                "vooral om:</p>"
                "<ul>"
                "<li>de 24 bedrijventerreinen;</li>"
                "<li>plekken aan het water, zoals de havengebieden;</li>"
                "<li>het buitengebied, waar bijvoorbeeld drugs worden opgeslagen;</li>"
                "<li>de binnenstad;</li>"
                "<li>een vakantiepark. Dat was tot 2024 een regionaal aandachtspunt voor "
                "handhaving.</li>"
                "</ul>"
                "<h2>Kwetsbare branches</h2>"
                "<p>Sommige soorten bedrijven lopen meer risico. In Dordrecht zijn dat vooral "
                "de autohandel, verhuurders van opslagboxen (self-storage) en "
                "bedrijfsverzamelgebouwen. Dat zijn gebouwen met veel kleine bedrijfsruimtes "
                "onder één dak. Bij zulke bedrijven komen veel mensen en spullen in en uit. Er "
                "wordt soms contant betaald. En vaak is niet goed te zien wie wat doet. De "
                "gemeente werkt samen met verhuurders van opslagboxen en met de autobranche. Zo "
                "worden die bedrijven weerbaarder.</p>"
            ),
        ),
        (
            "text",
            (
                "<h2>Een stad op een kruispunt</h2>"
                "<p>Dordrecht ligt dicht bij Rotterdam, Noord-Brabant en België, en direct aan "
                "de A16. Dat is handig voor bedrijven, maar ook voor criminelen. Via de grote "
                "havens van Rotterdam en Antwerpen komen veel drugs Europa binnen. Die moeten "
                "daarna ergens worden opgeslagen en vervoerd.</p>"
                "<p>Eén medewerker vertelde de Rekenkamer over het gevoel van een "
                "'waterbedeffect'. Het idee is: treden Rotterdam en Antwerpen harder op, dan "
                "wijken criminelen uit naar Dordrecht. Andere medewerkers herkennen dat beeld. "
                "Het is een gevoel van medewerkers. Niemand heeft het gemeten.</p>"
                "<h2>Kinderen en jongeren als doelwit</h2>"
                "<p>Ook kinderen en jongeren raken erbij betrokken. Volgens de mensen die de "
                "Rekenkamer sprak, gaat het al om kinderen vanaf ongeveer tien jaar. Ze worden "
                "steeds vaker online benaderd, bijvoorbeeld via sociale media of een chatapp. "
                "Ze krijgen geld of cadeaus voor een 'klusje': iets stelen, een pakketje "
                "bewaren of drugs wegbrengen. Een kind dat eenmaal meedoet, komt er vaak "
                "moeilijk weer uit.</p>"
                "<p>Iemand dwingen of verleiden om misdaad te plegen, heet criminele "
                "uitbuiting. Dat is een vorm van mensenhandel. In het plan voor 2023-2024 was "
                "deze 'jonge aanwas' een apart thema. In het plan voor 2025-2026 kwam daar het "
                "thema excessief geweld voor in de plaats.</p>"
                "<h2>Hoe Dordrecht het aanpakt</h2>"
                "<p>De aanpak van ondermijning rust op drie pijlers:</p>"
                "<ol>"
                "<li><b>Ondermijning aanpakken.</b> Samen met partners optreden. Bijvoorbeeld "
                "met controles en met het sluiten van panden waar drugs zijn gevonden. Een "
                "opgepakte dealer krijgt een last onder dwangsom van 5.000 euro. Dat is geen "
                "boete. Hij moet dat bedrag pas betalen als hij opnieuw in de fout gaat.</li>"
                "<li><b>Een weerbare overheid.</b> De gemeente moet zelf misbruik herkennen en "
                "tegenhouden. Dat gaat over jou: over je kennis, je alertheid en je "
                "meldingen.</li>"
                "<li><b>Een weerbare samenleving.</b> Inwoners en ondernemers herkennen "
                "signalen en durven te melden.</li>"
                "</ol>"
                "<p>In het uitvoeringsplan voor 2025-2026 staan vijf thema's voorop: drugs, "
                "mensenhandel, kwetsbare bedrijven en plekken (bedrijventerreinen, plekken aan "
                "het water en de binnenstad), fraude en excessief geweld.</p>"
            ),
        ),
        (
            "dilemma",
            {
                "title": "Vijftig euro voor een tas",
                "situation": (
                    "Je bent wijkmanager. Een moeder spreekt je aan bij het buurthuis. Haar "
                    "zoon van twaalf kreeg via een app een bericht van een onbekende. Hij kan "
                    "50 euro verdienen als hij een tas een nacht op zijn kamer bewaart. De "
                    "moeder vraagt of ze het bericht gewoon moet negeren."
                ),
                "question": "Wat zeg je tegen haar?",
                "choices": [
                    {
                        "choice": "Negeer het en blokkeer het account. Dan is het klaar.",
                        "explanation": (
                            "Blokkeren is verstandig, maar dan verdwijnt het signaal. Dezelfde "
                            "persoon benadert misschien ook andere kinderen. Wie dit doet, is "
                            "belangrijke informatie voor politie en gemeente."
                        ),
                    },
                    {
                        "choice": (
                            "Bewaar de berichten en meld het bij de politie. Zelf meld ik het "
                            "ook intern bij het kernteam ondermijning."
                        ),
                        "explanation": (
                            "Goed. De moeder bewaart wat er is gestuurd en schakelt de politie "
                            "in. Jij meldt het intern. Zo kunnen de partners zien of er meer "
                            "kinderen worden benaderd, en kan de jongen hulp krijgen als dat "
                            "nodig is."
                        ),
                    },
                    {
                        "choice": (
                            "Ik vraag het nummer van de afzender en stuur zelf een bericht om "
                            "te kijken wie het is."
                        ),
                        "explanation": (
                            "Niet doen. Je gaat dan zelf op onderzoek uit. Dat kan gevaarlijk "
                            "zijn en het kan een onderzoek van de politie verstoren."
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
                        "In Dordrecht gaat ondermijning vooral over drugs, fraude en witwassen, "
                        "mensenhandel en zwaar geweld."
                    ),
                    (
                        "Risicoplekken zijn bedrijventerreinen, plekken aan het water, het "
                        "buitengebied en de binnenstad. Risicobranches zijn autohandel, "
                        "opslagboxen en bedrijfsverzamelgebouwen."
                    ),
                    (
                        "Door de ligging bij Rotterdam, Brabant, België en de A16 is Dordrecht "
                        "aantrekkelijk voor criminelen."
                    ),
                    (
                        "Kinderen vanaf ongeveer tien jaar worden online benaderd voor "
                        "criminele klusjes."
                    ),
                    "Een weerbare overheid is een van de drie pijlers. Daar draag jij aan bij.",
                ],
            },
        ),
    ],
}


# Onboarding, les 4: Signalen op straat en op het werk
_SIGNALEN_HERKENNEN: dict = {
    "title": "Signalen op straat en op het werk",
    "slug": "signalen-herkennen",
    "summary": (
        "Je leert signalen van ondermijning herkennen op straat en in je werk, en wat je wel en "
        "niet doet als je iets ziet."
    ),
    "estimated_minutes": 14,
    "body": [
        (
            "text",
            (
                "<h2>Wat is een signaal?</h2><p>Een signaal is een aanwijzing. Je ziet, hoort of "
                "ruikt iets wat met ondermijning te maken kan hebben. Het is geen bewijs. Vaak is "
                "er een gewone verklaring. Maar soms is jouw signaal net het stukje dat nog "
                "ontbrak.</p><p>Je hoeft dus niet zeker te zijn. Je hoeft ook niets uit te "
                "zoeken. Jouw taak is: opmerken en melden. Het kernteam ondermijning en de "
                "partners doen de rest.</p><p>In de Veiligheidsmonitor 2023 kregen inwoners "
                "vragen over 19 situaties die op ondermijning kunnen wijzen. Je leert ze "
                "hieronder alle 19 kennen, plus een signaal uit je eigen werk. Eén signaal zegt "
                "vaak weinig. Meerdere signalen samen zeggen meer.</p>"
                "<h2>Bij panden en in de buitenlucht</h2><p>Deze signalen hebben vaak met drugs "
                "te maken. Ze zijn soms gevaarlijk. Ga dus nooit zelf kijken.</p>"
            ),
        ),
        (
            "signal",
            {
                "title": "Een sterke lucht van anijs",
                "what_you_see": (
                    "Bij een loods, een schuur of een woning ruik je een sterke, zoete lucht "
                    "van anijs. Soms ruik je ook een scherpe, chemische lucht."
                ),
                "why_it_matters": (
                    "Deze lucht kan ontstaan bij het maken van synthetische drugs, zoals xtc of "
                    "amfetamine. Zo'n drugslab is ook gevaarlijk voor de buurt: er kan brand of "
                    "een explosie ontstaan."
                ),
                "what_to_do": (
                    "Ga niet zelf kijken en blijf niet in de buurt hangen. Noteer het adres, de "
                    "datum en de tijd, en meld het. Is er direct gevaar? Bel dan het "
                    "alarmnummer."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Een sterke lucht van hennep",
                "what_you_see": (
                    "Bij een woning, schuur of bedrijfspand ruik je vaak een sterke lucht van "
                    "hennep (wiet). Ook als er niemand rookt."
                ),
                "why_it_matters": (
                    "Die lucht kan komen van een hennepkwekerij. Zo'n kwekerij heeft vaak een "
                    "illegale stroomaansluiting. Daardoor kan er brand ontstaan."
                ),
                "what_to_do": (
                    "Ga niet zelf kijken. Noteer het adres, de datum en de tijd, en meld het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Iets verdachts bij een woning of bedrijfspand",
                "what_you_see": (
                    "Je ziet iets verdachts bij een woning of bedrijfspand. De ramen zijn "
                    "afgeplakt, je hoort steeds gezoem of er komen 's nachts mensen met dozen."
                ),
                "why_it_matters": (
                    "Zo'n pand kan worden gebruikt voor een hennepkwekerij, een drugslab of de "
                    "opslag van drugs of geld."
                ),
                "what_to_do": (
                    "Blijf op afstand en maak geen foto's. Schrijf op wat je zag en hoorde, en "
                    "meld het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Chemisch afval op een vreemde plek",
                "what_you_see": (
                    "In de berm, bij een sloot of bij een pand liggen jerrycans, vaten of lege "
                    "verpakkingen van chemicaliën. Je verwacht ze daar niet. Soms ruikt het "
                    "sterk."
                ),
                "why_it_matters": (
                    "Bij het maken van synthetische drugs blijft veel giftig afval over. "
                    "Criminelen dumpen dat in de natuur. Het is gevaarlijk voor mensen, dieren "
                    "en de bodem."
                ),
                "what_to_do": (
                    "Raak niets aan en blijf op afstand. Meld het meteen en geef de precieze "
                    "plek door, zodat het afval veilig kan worden opgeruimd."
                ),
            },
        ),
        (
            "text",
            (
                "<h2>Bij bedrijven en in de horeca</h2><p>Criminelen gebruiken gewone zaken om "
                "geld wit te wassen of om elkaar te ontmoeten.</p>"
            ),
        ),
        (
            "signal",
            {
                "title": "Je kunt alleen contant betalen",
                "what_you_see": (
                    "In een winkel, kapsalon of café kun je alleen contant betalen. Er is geen "
                    "pinautomaat, of die is steeds 'stuk'."
                ),
                "why_it_matters": (
                    "Contant geld laat weinig sporen na. Zo kan crimineel geld makkelijk worden "
                    "gemengd met de gewone omzet. Dat heet witwassen."
                ),
                "what_to_do": (
                    "Zeg er niets van tegen de ondernemer. Noteer welke zaak het is en wat je "
                    "opviel. Meld het, zeker als je ook andere signalen ziet."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Een zaak zonder klanten die toch blijft bestaan",
                "what_you_see": (
                    "Een winkel of bedrijf is bijna altijd leeg. Toch blijft de zaak jarenlang "
                    "open. Soms is ze open op vreemde tijden, of zijn de ramen afgeplakt."
                ),
                "why_it_matters": (
                    "Een bedrijf zonder klanten verdient weinig. Blijft het toch bestaan? Dan "
                    "kan het geld ergens anders vandaan komen. De zaak kan een dekmantel zijn "
                    "voor witwassen of voor handel."
                ),
                "what_to_do": (
                    "Ga niet posten of foto's maken. Meld wat je zag, met het adres en de naam "
                    "van de zaak."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Een café waar criminelen samenkomen",
                "what_you_see": (
                    "In een café of bar komen steeds dezelfde mensen samen die je kent van "
                    "criminele zaken. Andere gasten worden weggestuurd of komen er niet."
                ),
                "why_it_matters": (
                    "Zo'n zaak kan een vaste plek zijn om af te spreken, te handelen of geld wit "
                    "te wassen. De vergunning geeft de zaak dan een nette naam."
                ),
                "what_to_do": (
                    "Spreek niemand aan. Werk je bij vergunningen of toezicht? Schrijf op wat je "
                    "zag, en meld het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Een plek waar illegaal wordt gegokt",
                "what_you_see": (
                    "In een achterkamer, kelder of café wordt illegaal gegokt. Er staan gokkasten "
                    "zonder vergunning, of er wordt om veel geld gekaart."
                ),
                "why_it_matters": (
                    "Bij illegaal gokken gaat veel contant geld rond. Dat is handig om crimineel "
                    "geld wit te wassen. Soms hoort er ook geweld of afpersing bij."
                ),
                "what_to_do": (
                    "Ga niet zelf binnen kijken. Noteer het adres en wat je zag, en meld het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Handel in gestolen spullen of voertuigen",
                "what_you_see": (
                    "Iemand verkoopt steeds nieuwe fietsen, telefoons of auto-onderdelen voor een "
                    "heel lage prijs. Of in een loods staan vaak andere auto's zonder kenteken."
                ),
                "why_it_matters": (
                    "Dit kan heling zijn: handel in gestolen spullen. Daarom moeten opkopers wat "
                    "ze inkopen vastleggen in het Digitaal Opkopers Register."
                ),
                "what_to_do": "Koop niets en stel geen vragen. Noteer wat je zag, en meld het.",
            },
        ),
        (
            "text",
            (
                "<h2>Rond woningen en bewoners</h2><p>Let op wie er woont, hoe mensen wonen en "
                "wie de baas is over hun leven.</p>"
            ),
        ),
        (
            "signal",
            {
                "title": "Steeds andere bewoners die kort blijven",
                "what_you_see": (
                    "In een woning wonen steeds andere mensen. Ze blijven kort en vertrekken "
                    "weer. Soms staan er veel mensen op één adres ingeschreven."
                ),
                "why_it_matters": (
                    "Dit kan wijzen op uitbuiting van werknemers, op een huisjesmelker, op "
                    "illegale prostitutie of op een adres dat voor fraude wordt gebruikt."
                ),
                "what_to_do": (
                    "Werk je met inschrijvingen of huisbezoeken? Noteer wat niet klopt. Meld "
                    "het, of bespreek het eerst met de contactpersoon ondermijning."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Een huisjesmelker",
                "what_you_see": (
                    "Een verhuurder zet veel mensen in kleine, slechte kamers. De huur is hoog en "
                    "wordt vaak contant betaald. Klachten worden niet opgelost."
                ),
                "why_it_matters": (
                    "Een huisjesmelker verdient veel aan mensen die weinig keus hebben. Vaak "
                    "hoort er uitbuiting of fraude met inschrijvingen bij."
                ),
                "what_to_do": (
                    "Spreek de verhuurder er niet op aan. Noteer het adres en wat je zag, en meld "
                    "het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Signalen van illegale prostitutie",
                "what_you_see": (
                    "In een woning of hotelkamer komen steeds andere mannen kort langs. Er staat "
                    "een advertentie online met dat adres. Er is geen vergunning voor sekswerk."
                ),
                "why_it_matters": (
                    "Illegale prostitutie valt buiten elk toezicht. Daardoor is de kans op "
                    "uitbuiting en mensenhandel groot."
                ),
                "what_to_do": (
                    "Ga niet zelf kijken en spreek niemand aan. Schrijf op wat je zag, en meld het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Werknemers die worden uitgebuit",
                "what_you_see": (
                    "Werknemers worden in een busje samen opgehaald en teruggebracht. Ze maken "
                    "heel lange dagen, lijken moe of bang, en iemand anders praat steeds voor "
                    "hen."
                ),
                "why_it_matters": (
                    "Dit kunnen signalen zijn van arbeidsuitbuiting. Dat is een vorm van "
                    "mensenhandel. Slachtoffers durven vaak zelf geen hulp te vragen."
                ),
                "what_to_do": (
                    "Spreek de werkgever er niet op aan. Dat kan gevaarlijk zijn voor de "
                    "werknemers. Noteer wat je zag en meld het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Een buurman met dure spullen of auto's",
                "what_you_see": (
                    "Een buurtbewoner heeft geen of weinig werk. Toch rijdt hij steeds in nieuwe, "
                    "dure auto's en heeft hij dure spullen."
                ),
                "why_it_matters": (
                    "Er kan een gewone verklaring zijn. Maar onverklaard geld kan ook uit misdaad "
                    "komen."
                ),
                "what_to_do": ("Dit alleen zegt weinig. Zie je ook andere signalen? Meld het dan."),
            },
        ),
        (
            "text",
            (
                "<h2>Op straat</h2><p>Deze signalen zie je buiten, in de wijk of op een "
                "bedrijventerrein.</p>"
            ),
        ),
        (
            "signal",
            {
                "title": "Verdachte pakketjes die worden opgehaald of afgeleverd",
                "what_you_see": (
                    "Bij een adres worden vaak kleine pakketjes opgehaald of afgeleverd. Het gaat "
                    "snel, vaak op vreemde tijden en steeds door andere mensen."
                ),
                "why_it_matters": (
                    "Dit kan wijzen op drugshandel vanuit een woning of een bedrijf."
                ),
                "what_to_do": (
                    "Let niet op wie het is en ga er niet achteraan. Noteer adres, datum en tijd, "
                    "en meld het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Een verdachte situatie met een voertuig",
                "what_you_see": (
                    "Er is een verdachte situatie met een voertuig. Een auto staat lang met "
                    "draaiende motor te wachten, of mensen wisselen snel iets uit door het raam."
                ),
                "why_it_matters": (
                    "Auto's worden gebruikt om drugs te verkopen of te vervoeren. Soms heeft een "
                    "auto een verborgen ruimte."
                ),
                "what_to_do": (
                    "Houd afstand. Noteer het kenteken als je dat gewoon kunt zien, de plek en de "
                    "tijd, en meld het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Iemand die een wapen bij zich draagt",
                "what_you_see": (
                    "Je ziet dat iemand een wapen bij zich draagt, zoals een mes of een "
                    "vuurwapen. Of iemand laat een wapen zien."
                ),
                "why_it_matters": (
                    "Wapens horen vaak bij criminele netwerken en bij zwaar geweld. Ze zijn "
                    "gevaarlijk voor iedereen in de buurt."
                ),
                "what_to_do": (
                    "Breng jezelf in veiligheid. Is er direct gevaar? Bel dan het alarmnummer. "
                    "Meld het daarna ook intern."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Signalen van drugsgebruik",
                "what_you_see": (
                    "Je vindt spuiten of kleine lege zakjes. Of je ziet mensen die op een vaste "
                    "plek drugs gebruiken."
                ),
                "why_it_matters": (
                    "Waar drugs worden gebruikt, worden ze ook verkocht. Drugsgebruik kan dus "
                    "wijzen op handel in de buurt."
                ),
                "what_to_do": "Raak niets aan. Noteer de plek en de tijd, en meld het.",
            },
        ),
        (
            "signal",
            {
                "title": "Mensen die op een verdachte manier praten",
                "what_you_see": (
                    "Mensen praten op een verdachte manier met elkaar. Ze fluisteren, kijken "
                    "steeds om zich heen of stoppen als er iemand aankomt."
                ),
                "why_it_matters": (
                    "Dit kan een afspraak voor handel zijn. Het zegt vooral iets als je ook "
                    "andere signalen ziet."
                ),
                "what_to_do": (
                    "Luister niet stiekem mee en ga er niet heen. Schrijf op wat je zag, en meld "
                    "het."
                ),
            },
        ),
        (
            "text",
            (
                "<h2>In je eigen werk</h2><p>Sommige signalen zie je alleen in je werk bij de "
                "gemeente.</p>"
            ),
        ),
        (
            "signal",
            {
                "title": "Een aanvraag waarbij de echte eigenaar onduidelijk is",
                "what_you_see": (
                    "Een aanvraag voor een vergunning, subsidie of pand klopt net niet. De "
                    "aanvrager weet weinig van het eigen bedrijf. Iemand anders voert het "
                    "woord. Of het geld komt van een onbekende geldschieter."
                ),
                "why_it_matters": (
                    "Criminelen werken vaak met een stroman: iemand die op papier de eigenaar "
                    "is, terwijl een ander de touwtjes in handen heeft. Zo blijft de echte "
                    "eigenaar buiten beeld."
                ),
                "what_to_do": (
                    "Behandel de aanvraag volgens de regels en leg vast wat je opviel. Bespreek "
                    "met je leidinggevende of een Bibob-toets nodig is (daarover meer in de "
                    "volgende les), en meld het."
                ),
            },
        ),
        (
            "text",
            (
                "<h2>Inwoners zien veel, maar melden weinig</h2>"
                "<p>In de Veiligheidsmonitor 2023 kregen inwoners van Dordrecht vragen over dit "
                "soort situaties. 58 procent wist van zulke situaties in de eigen buurt, of had "
                "een vermoeden. Maar 81 procent had er nooit iets van gemeld. De Rekenkamer "
                "Dordrecht (2025) noemt deze cijfers in haar onderzoek.</p>"
                "<p>Van drie situaties denken inwoners dat ze bijna niet voorkomen: "
                "verpakkingen van chemicaliën, een lucht van anijs en signalen van illegale "
                "prostitutie. Dat zegt iets over hoe vaak inwoners denken dat ze het zien. Het "
                "zegt niet dat het weinig gebeurt. Juist daarom is het goed dat jij deze "
                "signalen kent.</p>"
                "<h2>Ook collega's in de wijk geven signalen door</h2>"
                "<p>Signalen kunnen ook binnenkomen via medewerkers aan de balie, wijkmanagers "
                "en handhavers. Bij handhaving werken ongeveer 70 mensen. Daar tellen ook "
                "parkeercontroleurs, teamleiders en medewerkers op kantoor mee. Ook "
                "woningcorporaties en jongerenwerkers kunnen signalen doorgeven.</p>"
                "<p>Toch gebeurt dat volgens de Rekenkamer Dordrecht (2025) nog weinig. "
                "Ongeveer de helft van de signalen in het casusoverleg komt van de politie. "
                "Jouw melding is dus hard nodig.</p>"
                "<h2>Opmerken en melden, niet zelf onderzoeken</h2>"
                "<p>Dit doe je wel:</p>"
                "<ul>"
                "<li>Schrijf op wat je zag, hoorde of rook. Noteer ook waar en wanneer.</li>"
                "<li>Houd het bij feiten. Dus 'om 23.00 uur laadden vier mannen dozen in een "
                "busje' en niet 'dat zijn vast drugsdealers'.</li>"
                "<li>Meld het zo snel mogelijk via de interne route.</li>"
                "</ul>"
                "<p>Dit doe je niet:</p>"
                "<ul>"
                "<li>Zelf gaan kijken, posten of foto's maken.</li>"
                "<li>Iemand aanspreken op je vermoeden.</li>"
                "<li>Rondvragen bij buren of collega's die er niets mee te maken hebben.</li>"
                "<li>Zoeken in systemen die je niet nodig hebt voor je werk.</li>"
                "</ul>"
                "<p>Zo blijf jij veilig. En je verstoort geen onderzoek dat misschien al "
                "loopt.</p>"
            ),
        ),
        (
            "dilemma",
            {
                "title": "Een aanvraag die net niet klopt",
                "situation": (
                    "Je behandelt een aanvraag voor een horecavergunning. De aanvraag staat op "
                    "naam van een vrouw van 23. Aan de balie zegt zij bijna niets. Een oudere "
                    "man, die niet op de papieren staat, beantwoordt alle vragen. Hij vertelt "
                    "dat de verbouwing van 200.000 euro 'door familie' wordt betaald. Alle "
                    "formulieren zijn wel compleet."
                ),
                "question": "Wat doe je?",
                "choices": [
                    {
                        "choice": (
                            "De papieren zijn compleet. Ik behandel de aanvraag zoals altijd. "
                            "Wat ik verder zag, hoort niet bij mijn taak."
                        ),
                        "explanation": (
                            "Niet verstandig. Compleet is niet altijd hetzelfde als in orde. "
                            "Wat je zag, kunnen signalen zijn van een stroman en van geld "
                            "waarvan niet duidelijk is waar het vandaan komt. Juist jij hebt "
                            "dat gezien."
                        ),
                    },
                    {
                        "choice": (
                            "Ik vraag de man wie hij is en waar het geld echt vandaan komt. "
                            "Heeft hij geen goed antwoord, dan zeg ik dat de vergunning er niet "
                            "komt."
                        ),
                        "explanation": (
                            "Liever niet. Je gaat dan zelf op onderzoek uit en je laat merken "
                            "dat je iets vermoedt. Dat kan jou in een lastige positie brengen. "
                            "Bovendien beslis je niet in je eentje over een weigering."
                        ),
                    },
                    {
                        "choice": (
                            "Ik schrijf op wat me opviel en bespreek met mijn leidinggevende of "
                            "een Bibob-toets nodig is. Ik meld het ook bij het kernteam."
                        ),
                        "explanation": (
                            "Goed. Je behandelt de aanvraag netjes, je legt de feiten vast en "
                            "je zorgt dat de juiste mensen ernaar kijken. Met een Bibob-toets "
                            "kan de gemeente de achtergrond van de aanvrager en het geld laten "
                            "onderzoeken."
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
                    "Zag, hoorde of rook je iets wat niet klopt? Je hoeft het niet zeker te "
                    "weten. Meld het via een van deze routes."
                ),
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    ("Een signaal is een aanwijzing, geen bewijs. Je hoeft niets zeker te weten."),
                    "Eén signaal zegt weinig. Meerdere signalen samen zeggen meer.",
                    "Schrijf feiten op: wat, waar en wanneer.",
                    (
                        "Ga niet zelf kijken, vragen of zoeken. Meld het en laat de rest aan "
                        "het kernteam."
                    ),
                    (
                        "Uit de Veiligheidsmonitor 2023: 81 procent van de inwoners meldt zulke "
                        "situaties nooit. Jouw melding telt dus."
                    ),
                ],
            },
        ),
    ],
}


# Onboarding, les 5: Waarborgen: vier ogen, Bibob en integriteit
_WAARBORGEN: dict = {
    "title": "Waarborgen: vier ogen, Bibob en integriteit",
    "slug": "waarborgen",
    "summary": (
        "Je leert hoe het vier-ogenprincipe, de gedragscode en de Wet Bibob de gemeente en jou "
        "beschermen tegen misbruik door criminelen."
    ),
    "estimated_minutes": 8,
    "body": [
        (
            "text",
            (
                "<h2>Afspraken die jou beschermen</h2>"
                "<p>De gemeente heeft afspraken die misbruik moeilijker maken. Soms voelen die "
                "als extra werk. Maar ze beschermen de gemeente, en ook jou. Als niemand iets "
                "in zijn eentje kan regelen, heeft het ook geen zin om jou onder druk te "
                "zetten.</p>"
                "<h2>Vier ogen, soms zes ogen</h2>"
                "<p>Bij belangrijke stappen kijkt er een tweede collega mee. Dat heet het "
                "vier-ogenprincipe: twee mensen, vier ogen. Bij sommige gevoelige taken kijkt "
                "er ook nog een derde persoon mee. Dan spreken we van zes ogen.</p>"
                "<p>Een voorbeeld zie je bij identiteitsbewijzen en reisdocumenten. De "
                "medewerker die de aanvraag aanneemt, geeft het document nooit zelf uit. Dat "
                "doet een andere collega. Zo kan één medewerker nooit alleen een paspoort aan "
                "de verkeerde persoon geven.</p>"
                "<p>Het vier-ogenprincipe is geen wantrouwen tegen jou. Het is een vangnet. Sla "
                "de controle daarom niet over, ook niet als het druk is.</p>"
                "<h2>De gedragscode: geschenken en invloed</h2>"
                "<p>Voor medewerkers geldt een gedragscode van Drechtsteden en Zuid-Holland "
                "Zuid. Daarin staan afspraken over het aannemen van geschenken, uitnodigingen "
                "en andere voordelen. En over invloed van buitenaf. Die afspraken gelden ook in "
                "je vrije tijd: in je vriendenkring, bij een club of op sociale media.</p>"
                "<p>Het woord ondermijning staat nog niet apart in de gedragscode. Toch helpen "
                "dezelfde afspraken. Een cadeau of een gunst kan het begin zijn van een band, "
                "en criminelen maken daar gebruik van. Lees in de gedragscode na wat wel en "
                "niet mag. Twijfel je? Neem het niet aan en bespreek het met je "
                "leidinggevende.</p>"
            ),
        ),
        (
            "dilemma",
            {
                "title": "Een doos wijn als bedankje",
                "situation": (
                    "Je hebt de vergunning behandeld voor een nieuw restaurant. Alles is goed "
                    "gegaan. Een week later komt de eigenaar langs bij de balie. Hij heeft een "
                    "doos dure wijn voor je meegenomen. 'Gewoon als bedankje. En kom gerust een "
                    "keer eten, op mijn kosten.' Hij heeft ook nog een aanvraag voor een terras "
                    "lopen."
                ),
                "question": "Wat doe je?",
                "choices": [
                    {
                        "choice": (
                            "Ik neem de wijn aan. De vergunning is al verleend, dus het kan "
                            "geen kwaad."
                        ),
                        "explanation": (
                            "Niet verstandig. Hij heeft nog een aanvraag lopen, en later heb je "
                            "misschien weer met hem te maken. Een duur cadeau schept een band. "
                            "Daardoor wordt het moeilijker om later nee te zeggen."
                        ),
                    },
                    {
                        "choice": (
                            "Ik neem de wijn aan en deel hem met mijn team. Dan heeft niemand "
                            "er zelf voordeel van."
                        ),
                        "explanation": (
                            "Liever niet. Ook een cadeau voor het team kan het gevoel geven dat "
                            "de gemeente iets terug moet doen. Kijk eerst in de gedragscode en "
                            "overleg met je leidinggevende."
                        ),
                    },
                    {
                        "choice": (
                            "Ik bedank hem vriendelijk en zeg dat ik het niet mag aannemen. "
                            "Daarna vertel ik het aan mijn leidinggevende."
                        ),
                        "explanation": (
                            "Goed. Je blijft vriendelijk en duidelijk. Je leidinggevende weet "
                            "ervan. Als de eigenaar later iets terug vraagt, sta je sterk."
                        ),
                    },
                    {
                        "choice": (
                            "Ik laat de wijn staan, maar ga wel een keer eten. Dat hoort bij "
                            "een goede relatie."
                        ),
                        "explanation": (
                            "Niet doen. Een gratis etentje is ook een geschenk. En een etentje "
                            "bij iemand met een lopende aanvraag maakt je afhankelijk en "
                            "kwetsbaar."
                        ),
                    },
                ],
            },
        ),
        (
            "text",
            (
                "<h2>De Wet Bibob in gewone woorden</h2>"
                "<p>Bibob staat voor Wet bevordering integriteitsbeoordelingen door het "
                "openbaar bestuur. Met deze wet kan de gemeente onderzoeken of er een risico is "
                "dat een vergunning, subsidie of opdracht wordt misbruikt voor misdaad. Zo'n "
                "onderzoek heet een Bibob-toets. Het gebeurt voordat de gemeente de vergunning, "
                "subsidie of opdracht geeft.</p>"
                "<p>De gemeente kijkt dan niet alleen naar de aanvrager. Ze kijkt ook naar de "
                "mensen en bedrijven om de aanvrager heen. Wie betaalt? Wie is de echte "
                "eigenaar? Met wie werkt het bedrijf samen? Is het risico groot, dan kan de "
                "gemeente de aanvraag weigeren of er voorwaarden aan verbinden.</p>"
                "<p>In Dordrecht past elke afdeling de Wet Bibob zelf toe. Volgens de "
                "Rekenkamer Dordrecht (2025) kennen nog te weinig medewerkers de wet, en wordt "
                "hij nog te weinig gebruikt. Een paar cijfers uit dat onderzoek:</p>"
                "<ul>"
                "<li>Alle soorten Bibob-verzoeken samen: 22 in 2021, 21 in 2022 en 32 in "
                "2023.</li>"
                "<li>Een deel daarvan gaat over horeca. De regels daarvoor staan in de APV: de "
                "Algemene Plaatselijke Verordening, de lokale regels van de gemeente. Bij "
                "horeca onder de APV ging het om 27 verzoeken in 2023. In 2024 waren het er 24 "
                "(tot september).</li>"
                "<li>Bij bouwen en omgeving ging het om 23 tot 38 keer per jaar, in de jaren "
                "2020 tot en met 2024.</li>"
                "</ul>"
                "<p>Werk jij met vergunningen, subsidies, inkoop of vastgoed? Vraag je "
                "leidinggevende wanneer jouw afdeling een Bibob-toets doet. Denk je bij een "
                "aanvraag: hier klopt iets niet? Zeg het. Dan kan er een toets komen.</p>"
            ),
        ),
        (
            "dilemma",
            {
                "title": "Even snel een paraaf",
                "situation": (
                    "Het is vrijdagmiddag en heel druk. Een collega moet nog een besluit over "
                    "een subsidie afronden. Voor het vier-ogenprincipe heeft hij jouw paraaf "
                    "nodig. 'Ik heb alles al gecontroleerd,' zegt hij. 'Zet er even je paraaf "
                    "onder. De aanvrager heeft vandaag al drie keer gebeld en wil het geld "
                    "volgende week hebben.'"
                ),
                "question": "Wat doe je?",
                "choices": [
                    {
                        "choice": "Ik teken gewoon. Mijn collega werkt altijd zorgvuldig.",
                        "explanation": (
                            "Niet doen. Dan bestaat het vier-ogenprincipe alleen op papier. Je "
                            "zet je naam onder iets wat je niet hebt gecontroleerd. Dat is niet "
                            "eerlijk tegenover jezelf en ook niet tegenover je collega."
                        ),
                    },
                    {
                        "choice": (
                            "Ik zeg dat ik het dossier eerst zelf wil bekijken, ook als het "
                            "besluit dan pas maandag klaar is."
                        ),
                        "explanation": (
                            "Goed. Het vier-ogenprincipe werkt alleen als je echt kijkt. Een "
                            "paar dagen wachten is meestal geen probleem."
                        ),
                    },
                    {
                        "choice": (
                            "Ik bekijk het dossier. Dat de aanvrager zo aandringt, vind ik "
                            "vreemd. Dat bespreek ik met mijn leidinggevende."
                        ),
                        "explanation": (
                            "Heel goed. Veel druk om snel te beslissen kan een signaal zijn. Je "
                            "doet je controle en je maakt je zorg bespreekbaar. Misschien is er "
                            "niets aan de hand, maar dat hoef je niet alleen te bepalen."
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
                        "Het vier-ogenprincipe, soms zes ogen, beschermt de gemeente en jou. "
                        "Sla het nooit over."
                    ),
                    (
                        "Wie een aanvraag voor een identiteitsbewijs aanneemt, geeft het "
                        "document nooit zelf uit."
                    ),
                    (
                        "Neem geen cadeaus of gunsten aan van mensen met wie je voor je werk te "
                        "maken hebt. Bespreek het bij twijfel."
                    ),
                    "De gedragscode geldt ook in je vrije tijd.",
                    (
                        "Met de Wet Bibob kan de gemeente aanvragers en hun zakenpartners "
                        "onderzoeken. Denk je dat het nodig is? Zeg het."
                    ),
                ],
            },
        ),
    ],
}


# Onboarding, les 6: Melden: hoe, waar en wat er daarna gebeurt
_MELDEN: dict = {
    "title": "Melden: hoe, waar en wat er daarna gebeurt",
    "slug": "melden",
    "summary": (
        "Je leert hoe en waar je een vermoeden meldt, wat het kernteam ondermijning ermee doet "
        "en waarom je er weinig over terughoort."
    ),
    "estimated_minutes": 8,
    "body": [
        (
            "text",
            (
                "<h2>Jouw melding is een puzzelstukje</h2>"
                "<p>Misschien denk je: wat ik zag, is te klein om te melden. Maar het kernteam "
                "ondermijning krijgt signalen uit de hele gemeente en van partners. Eén melding "
                "zegt vaak weinig. Samen met andere meldingen ontstaat een beeld. Collega's "
                "zeggen het zo: je kunt de puzzel vaak alleen samen leggen. Jouw melding kan "
                "het stukje zijn dat nog ontbrak.</p>"
                "<h2>Hoe meld je binnen de gemeente?</h2>"
                "<p>Je hebt twee routes:</p>"
                "<ul>"
                "<li><b>De mailbox van het kernteam ondermijning.</b> Veel collega's weten niet "
                "dat deze mailbox bestaat. Nu weet jij het wel.</li>"
                "<li><b>Meld een Vermoeden in het zaaksysteem.</b> Daarmee leg je je melding "
                "direct vast in het zaaksysteem van de gemeente.</li>"
                "</ul>"
                "<p>Hoe je beide routes bereikt, zie je in het blok 'Meld het' in deze les.</p>"
                "<p>Twijfel je of iets een melding waard is? Praat dan eerst met de "
                "contactpersoon ondermijning. In de meeste teams, niet in alle, is er iemand met "
                "ondermijning als aandachtsveld. Dat betekent: deze collega weet er meer van en "
                "is het aanspreekpunt voor het kernteam. Veel collega's weten niet wie dat is. "
                "Weet jij het niet, of heeft je team niemand? Vraag het aan je "
                "leidinggevende.</p>"
                "<h3>Wat zet je in je melding?</h3>"
                "<ul>"
                "<li>Wat heb je gezien, gehoord of geroken?</li>"
                "<li>Waar was het? Geef een adres of een zo precies mogelijke plek.</li>"
                "<li>Wanneer was het? Noem de datum en de tijd.</li>"
                "<li>Wie was erbij, als je dat weet? Bijvoorbeeld een naam, een bedrijf of een "
                "kenteken dat je gewoon zag.</li>"
                "<li>Waarom viel het je op?</li>"
                "</ul>"
                "<p>Houd het bij feiten. Je hoeft geen conclusie te trekken.</p>"
            ),
        ),
        (
            "text",
            (
                "<h2>Wat gebeurt er met je melding?</h2>"
                "<p>Het kernteam ondermijning bestaat uit vijf beleidsadviseurs van team "
                "Veiligheid. Eén van hen is projectleider. Zij ontvangen alle signalen en "
                "beslissen wat ermee gebeurt.</p>"
                "<ol>"
                "<li><b>Beoordelen.</b> Het kernteam bekijkt je melding. Is er meer informatie "
                "nodig? Past het bij andere signalen?</li>"
                "<li><b>Casusoverleg.</b> Dat is een vergadering waarin partners samen zaken "
                "bespreken. In Dordrecht gebeurt dat elke maand. Aan tafel zitten de gemeente, "
                "de politie, het RIEC, de Omgevingsdienst Zuid-Holland Zuid en de Sociale "
                "Dienst Drechtsteden. Samen spreken ze af wie wat doet. Bijvoorbeeld een "
                "controle, het sluiten van een pand of hulp aan een slachtoffer.</li>"
                "<li><b>Naar het RIEC.</b> RIEC staat voor Regionaal Informatie- en "
                "Expertisecentrum. Daarin werken onder meer gemeenten, politie, Openbaar "
                "Ministerie en Belastingdienst samen tegen ondermijning. Sommige zaken gaan "
                "naar het RIEC.</li>"
                "</ol>"
                "<p>Volgens de Rekenkamer Dordrecht (2025) kwamen er in 2024 25 nieuwe zaken in "
                "het casusoverleg, naast 7 zaken die al liepen. In 2023 waren dat er 18 nieuwe "
                "en 8 lopende. In 2024 gingen er 5 zaken naar het RIEC.</p>"
                "<h2>Waarom je weinig terughoort</h2>"
                "<p>Na je melding hoor je meestal niet precies wat ermee is gebeurd. Dat voelt "
                "misschien vervelend, maar er is een goede reden voor. Het gaat om gegevens van "
                "mensen en soms om een lopend onderzoek. Die informatie mag niet zomaar worden "
                "gedeeld, vanwege de privacy. Weinig horen betekent dus niet dat er niets "
                "gebeurt. Je signaal is gebruikt als puzzelstukje.</p>"
                "<h2>Als een inwoner iets vertelt</h2>"
                "<p>Soms vertelt een inwoner je iets. Die kan zelf melden bij de politie, of "
                "anoniem bij Meld Misdaad Anoniem. Anoniem betekent: niemand weet wie de "
                "melding deed. Inwoners kunnen ook bij de gemeente melden: telefonisch, "
                "schriftelijk, online of aan de balie. Hoor jij het in je werk? Meld het dan "
                "ook zelf binnen de gemeente.</p>"
                "<p>Volgens de Rekenkamer Dordrecht (2025) kreeg Meld Misdaad Anoniem steeds "
                "meer meldingen over ondermijning in Dordrecht: 84 in 2022, 88 in 2023 en 104 "
                "in 2024. De meeste gingen over drugs.</p>"
            ),
        ),
        (
            "dilemma",
            {
                "title": "Is dit genoeg om te melden?",
                "situation": (
                    "Je werkt bij Vastgoed en laat een bedrijfspand van de gemeente zien aan "
                    "een mogelijke huurder. Bij het pand ernaast zijn de ramen afgeplakt. Je "
                    "hoort een zoemend geluid en het ruikt er een beetje vreemd. Een collega "
                    "zegt: 'Laat maar. Straks beschuldig je iemand voor niets. En we horen toch "
                    "nooit wat ermee gebeurt.'"
                ),
                "question": "Wat doe je?",
                "choices": [
                    {
                        "choice": (
                            "Ik laat het zitten. Mijn collega heeft gelijk: ik weet niets zeker."
                        ),
                        "explanation": (
                            "Jammer. Je hoeft het niet zeker te weten. Afgeplakte ramen, gezoem "
                            "en een vreemde lucht kunnen samen wijzen op een hennepkwekerij. "
                            "Die kan brand veroorzaken en is gevaarlijk voor de buren."
                        ),
                    },
                    {
                        "choice": (
                            "Ik meld wat ik zag, hoorde en rook, met adres, datum en tijd. Ik "
                            "schrijf erbij dat ik het niet zeker weet."
                        ),
                        "explanation": (
                            "Goed. Je meldt feiten, geen beschuldiging. Het kernteam beoordeelt "
                            "het signaal. Dat je weinig terughoort, komt door de privacy. Het "
                            "betekent niet dat je melding niet telt."
                        ),
                    },
                    {
                        "choice": (
                            "Ik kom 's avonds terug om door een kier te kijken. Dan weet ik het "
                            "zeker voordat ik meld."
                        ),
                        "explanation": (
                            "Niet doen. Zelf onderzoek doen is gevaarlijk. Bij een "
                            "hennepkwekerij kunnen gevaarlijke mensen en illegale "
                            "stroomaansluitingen in het spel zijn. Bovendien hoef jij geen "
                            "bewijs te leveren."
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
                    "Meld een vermoeden via een van deze routes. Twijfel je? Overleg dan eerst "
                    "met je leidinggevende of met de contactpersoon ondermijning."
                ),
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Meld via de mailbox van het kernteam ondermijning of via Meld een "
                        "Vermoeden in het zaaksysteem."
                    ),
                    (
                        "In de meeste teams is er een contactpersoon met ondermijning als "
                        "aandachtsveld. Zorg dat je weet wie dat is."
                    ),
                    (
                        "Het kernteam beoordeelt elke melding en bespreekt zaken elke maand met "
                        "partners in het casusoverleg."
                    ),
                    (
                        "Je hoort weinig terug vanwege de privacy. Je melding telt toch: het is "
                        "een puzzelstukje."
                    ),
                    ("Inwoners kunnen melden bij de politie of anoniem bij Meld Misdaad Anoniem."),
                ],
            },
        ),
    ],
}


ONBOARDING_MODULE: dict = {
    "title": "Ondermijning herkennen en melden",
    "slug": "ondermijning-herkennen-en-melden",
    "intro": (
        "<p>Criminelen proberen soms de gemeente te gebruiken om geld te verdienen of te "
        "verbergen. Dat kan via een vergunning, een subsidie, een pand of via informatie die "
        "jij kunt inzien. In deze module leer je wat ondermijning is, hoe je signalen herkent "
        "en hoe je ze meldt. Je hoeft niets te bewijzen: zie je iets wat niet klopt, dan meld "
        "je het.</p>"
    ),
    "learning_goals": (
        "Je weet wat ondermijning is en waarom het schadelijk is.\n"
        "Je weet waarom criminelen de gemeente en jou als medewerker interessant vinden.\n"
        "Je kent de belangrijkste vormen en plekken van ondermijning in Dordrecht.\n"
        "Je herkent signalen van ondermijning op straat en in je werk.\n"
        "Je kent de waarborgen die jou beschermen, zoals vier ogen en de Wet Bibob.\n"
        "Je weet hoe en waar je een vermoeden meldt en wat er daarna gebeurt."
    ),
    "estimated_minutes": 50,
    "lessons": [
        _WAT_IS_ONDERMIJNING,
        _WAAROM_DE_GEMEENTE_EN_JIJ,
        _ONDERMIJNING_IN_DORDRECHT,
        _SIGNALEN_HERKENNEN,
        _WAARBORGEN,
        _MELDEN,
    ],
}


# Mensenhandel herkennen, les 1: Wat is mensenhandel?
_WAT_IS_MENSENHANDEL: dict = {
    "title": "Wat is mensenhandel?",
    "slug": "wat-is-mensenhandel",
    "summary": (
        "Je leert wat mensenhandel is, welke drie vormen er zijn en waarom slachtoffers zelden "
        "zelf om hulp vragen."
    ),
    "estimated_minutes": 6,
    "body": [
        (
            "text",
            (
                "<h2>Wat is mensenhandel?</h2>"
                "<p>Bij mensenhandel buit iemand een ander uit om er zelf aan te verdienen. De "
                "dader gebruikt dwang, geweld, bedreiging of bedrog. Of hij maakt misbruik van "
                "een zwakke positie, zoals schulden, armoede of een verblijf zonder papieren. "
                "Het slachtoffer heeft daardoor geen vrije keuze meer.</p>"
                "<p>Mensenhandel is iets anders dan mensensmokkel. Bij smokkel helpt iemand een "
                "ander tegen betaling illegaal over de grens. Bij mensenhandel gaat het om "
                "uitbuiting. Dat kan ook zonder dat iemand een grens over gaat. Ook "
                "Nederlanders en kinderen kunnen slachtoffer zijn.</p>"
                "<h2>Drie vormen</h2>"
                "<h3>Seksuele uitbuiting</h3>"
                "<p>Iemand wordt gedwongen tot sekswerk, of moet het verdiende geld afgeven. "
                "Dat kan in een seksbedrijf gebeuren, maar ook in een woning, een hotel of via "
                "internet. Soms begint het met een 'vriendje' dat eerst aandacht en cadeaus "
                "geeft en later dwingt. Ook minderjarigen worden zo uitgebuit.</p>"
                "<h3>Criminele uitbuiting</h3>"
                "<p>Iemand wordt gedwongen om misdaad te plegen voor een ander. Bijvoorbeeld "
                "drugs vervoeren of verkopen, stelen, of een bankrekening of zijn naam "
                "'uitlenen'. Vaak gaat het om jongeren of om mensen met schulden of een "
                "verstandelijke beperking. In Dordrecht gaat het soms al om kinderen vanaf "
                "ongeveer tien jaar, die online worden benaderd voor criminele klusjes.</p>"
                "<h3>Arbeidsuitbuiting</h3>"
                "<p>Iemand werkt onder heel slechte omstandigheden en kan niet weg. Denk aan "
                "extreem lange dagen, weinig of geen loon, een schuld bij de werkgever die "
                "nooit kleiner wordt, of een paspoort dat de baas 'bewaart'. Het komt "
                "bijvoorbeeld voor in de schoonmaak, de bouw, de logistiek, de land- en "
                "tuinbouw en de horeca.</p>"
            ),
        ),
        (
            "text",
            (
                "<h2>Waarom slachtoffers zelden om hulp vragen</h2>"
                "<ul>"
                "<li>Ze zijn bang voor de dader, of voor wat er met hun familie gebeurt.</li>"
                "<li>Ze hebben een schuld bij de dader en denken dat ze die eerst moeten "
                "afbetalen.</li>"
                "<li>Ze schamen zich, of zien zichzelf niet als slachtoffer.</li>"
                "<li>Ze vertrouwen de overheid niet, bijvoorbeeld door ervaringen in hun eigen "
                "land.</li>"
                "<li>Ze spreken de taal niet of weten niet waar ze terecht kunnen.</li>"
                "</ul>"
                "<p>Daarom is het belangrijk dat anderen de signalen zien. Ook jij.</p>"
                "<h2>Mensenhandel in Dordrecht</h2>"
                "<p>Mensenhandel is een van de thema's die voorop staan in de aanpak van "
                "ondermijning in Dordrecht, in alle drie de vormen. Dat staat in het Integraal "
                "Veiligheidsplan Dordrecht 2023-2026 en in het onderzoek van de Rekenkamer "
                "Dordrecht (2025). De gemeente controleert seksbedrijven met en zonder "
                "vergunning. Is er iets mis? Dan kan de gemeente optreden. Dat kan van een "
                "waarschuwing tot een sluiting gaan. Ook een dwangsom of een oplossing op maat "
                "is mogelijk. In de regio is "
                "er een meld- en adviespunt voor de zorg aan slachtoffers.</p>"
            ),
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Bij mensenhandel buit iemand een ander uit met dwang, bedrog of "
                        "misbruik van een zwakke positie."
                    ),
                    (
                        "Er zijn drie vormen: seksuele uitbuiting, criminele uitbuiting en "
                        "arbeidsuitbuiting."
                    ),
                    (
                        "Slachtoffers vragen zelden zelf om hulp, vaak uit angst, schuld of "
                        "schaamte."
                    ),
                    "Ook Nederlanders en kinderen kunnen slachtoffer zijn.",
                ],
            },
        ),
    ],
}


# Mensenhandel herkennen, les 2: Signalen van uitbuiting
_SIGNALEN_VAN_UITBUITING: dict = {
    "title": "Signalen van uitbuiting",
    "slug": "signalen-van-uitbuiting",
    "summary": (
        "Je leert signalen van seksuele uitbuiting, criminele uitbuiting en arbeidsuitbuiting "
        "herkennen in je werk."
    ),
    "estimated_minutes": 7,
    "body": [
        (
            "text",
            (
                "<h2>Kijk naar het geheel</h2>"
                "<p>Signalen van mensenhandel zijn vaak klein. Eén signaal bewijst niets. "
                "Iemand kan om allerlei redenen stil zijn of bij een ander wonen. Maar zie je "
                "meerdere signalen tegelijk? Dan is het tijd om te melden.</p>"
                "<p>Stel jezelf drie vragen. Heeft iemand zelf de baas over zijn geld en zijn "
                "papieren? Kan iemand vrij praten en gaan waar hij wil? En lijkt iemand bang "
                "voor of afhankelijk van een ander?</p>"
                "<h2>Waar kom je het tegen?</h2>"
                "<ul>"
                "<li><b>Aan de balie:</b> bij een inschrijving op een adres, een aanvraag voor "
                "een document of een uitkering.</li>"
                "<li><b>Bij een huisbezoek:</b> voor een controle, voor zorg of voor "
                "handhaving.</li>"
                "<li><b>Bij toezicht:</b> bij seksbedrijven, horeca, bedrijventerreinen en "
                "woningen.</li>"
                "<li><b>In de wijk:</b> als wijkmanager, boa of jongerenwerker.</li>"
                "</ul>"
            ),
        ),
        (
            "signal",
            {
                "title": "Veel mensen op één adres",
                "what_you_see": (
                    "Op één adres staan veel mensen ingeschreven. Of je ziet bij een huisbezoek "
                    "veel matrassen in een kleine woning. De bewoners wisselen vaak."
                ),
                "why_it_matters": (
                    "Werknemers uit het buitenland worden soms met te veel mensen in één woning "
                    "gezet. De huur gaat dan van hun loon af. Zo worden ze afhankelijk van hun "
                    "werkgever of huisbaas."
                ),
                "what_to_do": (
                    "Noteer het adres en wat je zag of wat je in de registratie opviel. Meld "
                    "het. Spreek de verhuurder er niet op aan."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Iemand kan niet voor zichzelf praten",
                "what_you_see": (
                    "Aan de balie of in een gesprek praat steeds iemand anders. De persoon zelf "
                    "kijkt eerst naar die ander voordat hij antwoordt. Of hij heeft zijn eigen "
                    "identiteitsbewijs niet: de begeleider heeft het."
                ),
                "why_it_matters": (
                    "Een dader wil bepalen wat het slachtoffer zegt en waar het heen gaat. "
                    "Iemands paspoort afpakken is een bekende manier om die persoon vast te "
                    "houden."
                ),
                "what_to_do": (
                    "Blijf rustig en vriendelijk. Stel je vragen waar het kan aan de persoon "
                    "zelf, zo nodig met een professionele tolk in plaats van de begeleider. Ga "
                    "niet in discussie met de begeleider. Schrijf op wat je zag en meld het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Werknemers die samen worden vervoerd",
                "what_you_see": (
                    "Elke ochtend vroeg haalt een busje een groep mensen op bij een woning. "
                    "Laat in de avond worden ze teruggebracht. Ze lijken uitgeput, hebben geen "
                    "goede werkkleding en gaan verder nergens heen."
                ),
                "why_it_matters": (
                    "Dit kan wijzen op arbeidsuitbuiting. De werknemers zijn dan voor hun werk, "
                    "hun vervoer en hun woning afhankelijk van één persoon of bedrijf."
                ),
                "what_to_do": (
                    "Noteer het adres, de tijden en wat je zonder moeite kunt zien, zoals een "
                    "bedrijfsnaam op het busje. Ga er niet achteraan. Meld het."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Een sekswerker die gecontroleerd lijkt",
                "what_you_see": (
                    "Een sekswerker lijkt niet vrij. Iemand anders regelt de afspraken, houdt "
                    "het geld of brengt en haalt haar steeds. Ze heeft verwondingen, lijkt bang "
                    "of weet niet goed in welke stad ze is."
                ),
                "why_it_matters": (
                    "Dit zijn bekende signalen van seksuele uitbuiting. Dat kan ook gebeuren in "
                    "een seksbedrijf met een vergunning. Een vergunning betekent niet dat er "
                    "geen uitbuiting is."
                ),
                "what_to_do": (
                    "Werk je bij toezicht of handhaving? Leg je waarnemingen vast zoals je "
                    "gewend bent, en meld ze. Stel geen vragen aan de persoon die de baas lijkt "
                    "te spelen."
                ),
            },
        ),
        (
            "signal",
            {
                "title": "Jongeren die 'klusjes' doen voor anderen",
                "what_you_see": (
                    "Een jongere heeft ineens veel geld, dure kleren of een nieuwe telefoon. "
                    "Hij spijbelt, is vaak weg en krijgt berichten van oudere jongens of "
                    "onbekenden. Hij praat over 'een klusje' of 'even iets wegbrengen'."
                ),
                "why_it_matters": (
                    "Criminelen zetten jongeren in om drugs te vervoeren, te stelen of geld op "
                    "te halen. Dat is criminele uitbuiting. Eerst krijgt de jongere geld, later "
                    "volgen vaak schulden en bedreigingen."
                ),
                "what_to_do": (
                    "Bespreek het met je leidinggevende en meld het. "
                    "Werk je met jongeren? Betrek dan ook de gewone hulproutes, zoals het "
                    "jongerenwerk."
                ),
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Eén signaal bewijst niets. Meerdere signalen samen zijn een reden om "
                        "te melden."
                    ),
                    "Let op wie de baas is over iemands geld, papieren, woning en verhaal.",
                    (
                        "Veel mensen op één adres, of werknemers die samen worden vervoerd, "
                        "kunnen wijzen op arbeidsuitbuiting."
                    ),
                    (
                        "Jongeren met onverklaard geld die 'klusjes' doen voor anderen, worden "
                        "misschien crimineel uitgebuit."
                    ),
                ],
            },
        ),
    ],
}


# Mensenhandel herkennen, les 3: Wat doe je bij een vermoeden?
_VERMOEDEN_VAN_MENSENHANDEL: dict = {
    "title": "Wat doe je bij een vermoeden?",
    "slug": "vermoeden-van-mensenhandel",
    "summary": (
        "Je leert wat je wel en niet doet als je mensenhandel vermoedt, en hoe je het meldt."
    ),
    "estimated_minutes": 7,
    "body": [
        (
            "text",
            (
                "<h2>Rustig blijven, niet zelf ingrijpen</h2>"
                "<p>Als je mensenhandel vermoedt, wil je misschien meteen helpen. Dat is "
                "begrijpelijk. Maar een verkeerde stap kan het slachtoffer in gevaar brengen. "
                "De dader kan het slachtoffer straffen of ergens anders heen brengen. "
                "Daarom:</p>"
                "<ul>"
                "<li><b>Blijf rustig en vriendelijk.</b> Behandel de persoon zoals ieder "
                "ander.</li>"
                "<li><b>Spreek een mogelijke dader niet aan</b> op je vermoeden.</li>"
                "<li><b>Beloof niets</b> wat je niet kunt waarmaken, zoals 'ik zorg dat je hier "
                "weg kunt'.</li>"
                "<li><b>Doe geen eigen onderzoek.</b> Zoek niet in systemen die je niet nodig "
                "hebt en ga niet achter mensen aan.</li>"
                "<li><b>Schrijf op wat je zag en hoorde,</b> zo snel mogelijk, met datum en "
                "tijd.</li>"
                "<li><b>Meld het</b> via de vaste route binnen de gemeente.</li>"
                "</ul>"
                "<p>Is iemand direct in gevaar? Bel dan meteen het alarmnummer van de "
                "politie.</p>"
                "<h2>Wat gebeurt er na je melding?</h2>"
                "<p>Het kernteam ondermijning bekijkt je melding. De gemeente pakt mensenhandel "
                "samen met partners aan, zoals de politie en zorgorganisaties. In de regio is "
                "een meld- en adviespunt voor de zorg aan slachtoffers. Zo kan een slachtoffer "
                "hulp en een veilige plek krijgen, terwijl politie en justitie de daders "
                "aanpakken. Ook hier geldt: je hoort misschien weinig terug, vanwege privacy en "
                "veiligheid.</p>"
                "<h2>Je staat er niet alleen voor</h2>"
                "<p>Dordrecht investeert in kennis over mensenhandel. Volgens de Rekenkamer "
                "Dordrecht (2025) zijn 75 professionals getraind in het herkennen van signalen "
                "van mensenhandel. Dat gebeurde in bewustwordingssessies samen met de gemeente "
                "Zwijndrecht en de Sociale Dienst Drechtsteden. Misschien heeft iemand in jouw "
                "team zo'n training gevolgd. In de meeste teams is er ook iemand met "
                "ondermijning als aandachtsveld. Weet je niet wie dat is? Vraag het je "
                "leidinggevende. Twijfel je? Bespreek het met die collega.</p>"
            ),
        ),
        (
            "dilemma",
            {
                "title": "Een inschrijving aan de balie",
                "situation": (
                    "Een jonge vrouw komt aan de balie om zich in te schrijven op een adres in "
                    "Dordrecht. Een man is met haar mee. Hij legt haar paspoort op de balie en "
                    "beantwoordt alle vragen. Als jij haar iets vraagt, kijkt ze eerst naar "
                    "hem. Ze weet het huisnummer van haar nieuwe adres niet. Op dat adres staan "
                    "al elf mensen ingeschreven."
                ),
                "question": "Wat doe je?",
                "choices": [
                    {
                        "choice": (
                            "Ik rond de inschrijving af. Ze is volwassen en haar papieren zijn "
                            "in orde."
                        ),
                        "explanation": (
                            "Niet verstandig. De papieren kunnen in orde zijn, maar je ziet "
                            "meerdere signalen tegelijk. Iemand anders heeft haar paspoort en "
                            "praat voor haar, en op het adres wonen veel mensen. Dat is een "
                            "reden om te melden."
                        ),
                    },
                    {
                        "choice": (
                            "Ik vraag de man waarom hij haar paspoort heeft en zeg dat ik denk "
                            "dat hij haar uitbuit."
                        ),
                        "explanation": (
                            "Niet doen. Zo waarschuw je een mogelijke dader. Dat kan gevaarlijk "
                            "zijn voor de vrouw: hij kan haar straffen of ergens anders heen "
                            "brengen."
                        ),
                    },
                    {
                        "choice": (
                            "Ik volg de gewone procedure en stel mijn vragen waar het kan aan "
                            "haar. Daarna schrijf ik op wat me opviel en meld ik het."
                        ),
                        "explanation": (
                            "Goed. Je blijft rustig, je waarschuwt niemand en het signaal komt "
                            "bij de mensen die er iets mee kunnen. Vragen aan haar zelf stellen "
                            "is gewoon een deel van je werk."
                        ),
                    },
                    {
                        "choice": (
                            "Ik geef haar stiekem een briefje met mijn eigen telefoonnummer, "
                            "zodat ze mij kan bellen."
                        ),
                        "explanation": (
                            "Liever niet. Als de man het briefje vindt, loopt zij gevaar. En "
                            "jij bent niet degene die haar zelf kan helpen. Meld het, zodat "
                            "hulpverleners en politie op een veilige manier contact kunnen "
                            "zoeken."
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
                    "Vermoed je mensenhandel? Meld het via een van deze routes. Is iemand "
                    "direct in gevaar? Bel dan eerst het alarmnummer van de politie."
                ),
            },
        ),
        (
            "takeaways",
            {
                "heading": "Onthoud",
                "points": [
                    (
                        "Spreek een mogelijke dader nooit aan op je vermoeden. Dat kan het "
                        "slachtoffer in gevaar brengen."
                    ),
                    ("Beloof niets en doe geen eigen onderzoek. Schrijf op wat je zag en hoorde."),
                    (
                        "Meld je vermoeden binnen de gemeente. Bij direct gevaar bel je het "
                        "alarmnummer."
                    ),
                    (
                        "Je staat er niet alleen voor: bespreek twijfel met je leidinggevende "
                        "of met de contactpersoon ondermijning."
                    ),
                ],
            },
        ),
    ],
}


THEME_MODULE: dict = {
    "title": "Mensenhandel herkennen",
    "slug": "mensenhandel-herkennen",
    "intro": (
        "<p>Mensenhandel gebeurt ook in Dordrecht, vaak vlak onder onze ogen. Slachtoffers "
        "vragen zelden zelf om hulp. Medewerkers van de gemeente komen ze soms wel tegen: aan "
        "de balie, bij een huisbezoek of bij een controle. In deze module leer je de vormen en "
        "signalen van mensenhandel kennen en wat je doet bij een vermoeden.</p>"
    ),
    "learning_goals": (
        "Je weet wat mensenhandel is en welke drie vormen er zijn.\n"
        "Je herkent signalen van uitbuiting in je werk.\n"
        "Je weet wat je wel en niet doet als je mensenhandel vermoedt.\n"
        "Je weet hoe je een vermoeden van mensenhandel meldt."
    ),
    "estimated_minutes": 20,
    "lessons": [_WAT_IS_MENSENHANDEL, _SIGNALEN_VAN_UITBUITING, _VERMOEDEN_VAN_MENSENHANDEL],
}

# The onboarding module's final quiz: fifteen questions drawn per theme from the pool
# "Onboarding" (``demo.content.questions.QUESTION_BANK``) for every attempt; each theme's pool
# holds at least twice what a draw asks, so a retake sees mostly other questions. At most three
# attempts per round, 30 minutes apart. After a failed attempt the learner sees the score and the
# themes and lessons to reread, not the right answers (which could be copied into the next
# attempt); the right answers and explanations after passing or after the last attempt.
ONBOARDING_FINAL_QUIZ: dict = {
    "title": "Eindtoets Ondermijning herkennen en melden",
    "intro": (
        "Vijftien vragen over wat je in de lessen leerde. Je haalt de toets met 70% of meer. "
        "Je hebt drie pogingen; na een poging die je niet haalt, wacht je een halfuur."
    ),
    "pass_mark": 70,
    "max_attempts": 3,
    "retry_wait_minutes": 30,
    "review_after_fail": "themes",
    "review_after_last": "full",
    "review_after_pass": "full",
    "draw": {
        "melden": 4,
        "drugs": 2,
        "mensenhandel": 2,
        "kwetsbare_bedrijven": 2,
        "fraude": 2,
        "excessief_geweld": 1,
        "bibob_integriteit": 2,
    },
}
# Mandatory for everyone who started in the last half year: within 30 days of starting.
ONBOARDING_ASSIGNMENT: dict = {"starters_within_days": 183, "due_days_after_start": 30}
# "Mensenhandel herkennen" is mandatory for VTH and was due this many days ago.
THEME_MODULE_VTH_DUE_DAYS_AGO = 10
