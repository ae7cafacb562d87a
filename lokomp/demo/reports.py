# ruff: noqa: E501  (the seeds' own wording, kept whole)
"""The Sør-Troms og Evenes needs reports of seeds 003 (2023) and 002 (2026–27).

Every answer is the seed's wording, except people and contact details, which are invented
(the contact person, e-mail, telephone and bank account numbers).
"""

from __future__ import annotations

from datetime import date

from lokomp.core.when import parse_when
from lokomp.needs.models import Answer, BudgetLine, NeedsReport, QuestionKind, ReportTemplate
from lokomp.needs.services import report_create, report_submit
from lokomp.plans.models import ActionPlan, Goal, GoalLevel, Measure, Responsibility

# -- 2023 (seed 003) --------------------------------------------------------------------------

ANSWERS_2023 = {
    "1.1": "Marte Fjellheim, regionkontakt Sør-Troms, mob.nr. 400 12 345",
    "1.2": "marte.fjellheim@lokomp.example",
    "1.4": (
        True,
        "Rekomp: Ibestad, Tjeldsund, Kvæfjord, Gratangen og Harstad kommune søker om midler i samarbeid med UIT for barnehageåret 2023-2024. Tema er analysekompetanse og barnehagens læringskultur\n\nLæringsmiljøprosjektet: Medkila skole og Medkila barnehage i samarbeid med UIS og Læringsmiljøsenteret. (avsluttes våren 2024)\n\nOppfølgingsordningen: Ibestad (avsluttes våren 2023)",
    ),
    "2.6": "Ingen",
    "2.7": "Ingen",
    "2.8": "Ingen",
    "2.11": "PPT Harstad kommune dekker alle kommunene. Alle barnehager og skoler er tildelt en fast kontaktperson fra PPT. PP-rådgiver deltar i tverrfaglige team på skolene og i barnehagene. PP-rådgivere, skoleteam, førskoleteam og foreldreveiledere vil delta i kartleggingen og kompetanseheving.",
    "2.12": "Barnevernstjenesten inviteres inn i prosjektet. Lokale variasjoner kan forekomme.",
    "2.13": "Helsestasjonene inviteres inn i prosjektet. Lokale variasjoner kan forekomme.",
    "2.14": "Andre ansatte med relevante arbeidsoppgaver i laget rundt barna/elevene. Eksempelvis skoleteam, førskoleteam, Familiens hus og spesialpedagogiske koordinatorer utenfor skole og barnehage.",
    "2.15": "Statped kan, etter gjennomført KOSIP i regionen, bli benyttet som kompetanse- og drøftingspartner i nettverk og samarbeidsfora. De kan også delta i prosesser for å drøfte kompetansebehov eller tiltak for å heve aktuell kompetanse.\nNår partnerskapet ser behov for det, vil det bli søkt om bistand fra Statped for å supplere arbeidet.",
    "3.6.1": "Eier:\nMed 5 deltakende kommuner er god koordinering av planlegging og gjennomføring av aktiviteter avgjørende for utbyttet av arbeidet. Det er også nødvendig at samhandling og kommunikasjon med UiT gjøres samordnet og effektivt, og dette vil en felles koordinator for kommunene ivareta.\n\nUiT:\nVi trenger en nøkkelperson som ser alle partnerskapene i sammenheng. Dette både for å få synergieffekter mellom de ulike partnerskapene, for å ivareta kontakten mot samarbeidspartnere (Statsforvalter, Statped, andre fakulteter, andre UH, andre eksterne kompetanseleverandører) og for å ivareta det doble formålet. Koordinator inngår i ILPs lederteam.",
    "4.1": "• År1 (2023): kompetansekartlegging. vurdering av kompetansebehov og planlegging og utvikling av kompetansetiltak. Planlegging og utvikling av tiltakene vil involvere ledere og ansatte i beslutningsprosessene.\n• År 2 og 3 (2024-2025): gjennomføring av tiltak basert på resultat av kompetansekartlegging gjennom KOSIP tidligere kartlegginger og erfaringer fra Dekomp og Rekomp.\n\nDen nye oppvekstreformen viser utfordringer i kommunene og synligjør behovet for kompetansekartlegging. Det foreligger noe kunnskap om kompetansebehov i skolene basert på blant annet kartlegging i forbindelse med arbeid i Dekomp i perioden 2019 - 2022. Det er likevel behov for en mere spisset kunnskap om kompetansebehovet i regionen, slik at det første året i kompetanseutviklingsarbeidet (april-desember) vies en kompetansekartlegging og forankring i de ulike enhetene for å sikre at det arbeides med lokale behov, se punkt 5.3.\n\nTema for januar 2024- desember 2025 besluttes under forankringsprosessen i kommunene. Se punkt 5.3.",
    "4.2": "Se punkt 4.1 og 5.3. Medvirkning sikres på ulike måter\n• Organisasjonene er invitert inn i styringsgruppa for Kompetanseløftet\n• UiT presenterer de regionale resultatene av kompetansekartlegging for eiere og ledere. UiT klargjør rapporter på kommune- og enhetsnivå.\n• Enhetslederne presenterer lokale resultater for ansatte ved enhetene, som diskuterer resultatene og gir innspill til tema for kompetanseheving\n• Tema for kompetanseheving blir presentert for FAU og SU i skoler og barnehager, samt elevråd på skolene. Disse inviteres til å gi innspill.\n• Forankring i lokale behov skjer gjennom aktiviteter planlagt i 2023, punkt 5.3\n\nLøpende medvirkning fra barn og elever gjennom utviklingsarbeidet skjer f.eks. ved at:\n• Elevstemmen i skolen innhentes gjennom elevrådet, elevundersøkelsen, elevsamtaler, klassesamtaler og systematisk observasjon.\n• Barnestemmen i barnehagen innhentes gjennom systematiske barnesamtaler, uformelle barnesamtaler og observasjon.",
    "4.3": "Alle kommunene gir et tilbud om samisk språkopplæring i grunnskolene. Samisk språk og kultur ivaretas i alle barnehagene, i tråd med rammeplanens føringer. Márkománák barnehage deltar i utviklingsarbeidet.\nKommunene skal gjennomføre KOSIP, hvor flere spørsmål retter seg mot kompetanse knyttet til samiske perspektiver, for eksempel på språk, kultur, kompetansekilder mv. Dette vil gi et bredt bilde av eventuelt kompetansebehov.\n\nPartnerskapet vil løpende vurdere hvordan samiske perspektiver skal ivaretas gjennom de tematikker som velges og det vil også være tema på samlinger. UiT har Senter for samiske studier og også et samarbeid med Samisk Høgskole, med kompetanse som kan trekkes inn i vurderingene av kompetansebehov.",
    "5.2": "Se også punkt 4.2 og 5.3\nTiltak på kort sikt (Vår 2023- Høst 2023):\n• Gjennomføre KOSIP og se resultatene i sammenheng med andre tilgjengelige data, og med grunnlag i dette velge satsningsområder for videre arbeid med kompetanseløftet.\n• Forankre Kompetanseløftet på alle nivå i organisasjonen gjennom at resultater fra KOSIP presenteres og diskuteres med ulike interessenter, f.eks:\n  o Ansatte medvirker i beslutningsprosesser når det gjelder satsningsområder i egen organisasjon.\n  o Presentasjon av resultat og valgte satsningsområder for FAU og på foreldremøter i barnehage. Innspill fra disse tas med i videre prosess.\n• Utvikle tiltak for 2024-2025 basert på resultater av de to foregående punkter.\nTiltak på lang sikt (2024 og 2025) avklares ifm gjennomføring av punkt 3. Dette gjør at kostnadsberegning for 2024 og 2025 bare kan anslås.",
    "5.3": "Det vil bli utarbeidet en konkretiseringsavtale når vi vet om vi får midler til partnerskapet. Denne ettersendes.\nPlanlagt samarbeid er mellom de fem kommunene og UiT Norges arktiske universitet. Det er etablert en styringsgruppe, med representanter fra både eiersiden og UiT. Det er også tilsatt en regional koordinator som samarbeider med UiTs koordinator og kontaktperson for partnerskapet.",
    "5.4": "• Gjennomført kompetanseheving etter avdekkede behov identifisert gjennom lokale prosesser\n• Bidrag til å videreutvikle lærerutdanningene - evalueringer, studentbarometer, kandidatundersøkelsen.\n• Ny KOSIP for å sammenligne etter to år\nDette er ellers redegjort for i punkt 5.1.",
    "5.5": "Primær målgruppe vil være alle ansatte i barnehagene, skolene, PPT, barnevernstjenesten og helsestasjonene, skole- og barnehageledere og skole- og barnehageeiere.\nSekundær målgruppe vil være studenter og ansatte ved UiTs lærerutdanninger (GLU, BLU, pedagogikk, lektor og spesialpedagogikk).",
    "5.6": "Vår 2023",
    "5.7": "Desember 2025, med planlagt videreføring av kompetanseheving",
    "5.8": "UiT har etablert flere interne strukturer som legger til rette for kompetanseheving av og erfaringsdeling mellom de ulike fagpersonene som bidrar inn i partnerskapene. UiT er også i dialog med studieprogramlederne for utdanningene for å etablere strukturer som sikrer at erfaringene fra arbeidet i partnerskapene brukes aktivt i undervisningene. Arbeid inn mot praksiskonsulentene og universitetsskolene er aktuelt for å knytte studenters praksis til arbeid med kompetanseløftet.",
    "5.9": "Gjennomføring av KOSIP-kartlegging vil gi et kunnskapsgrunnlag som bidrar til felles forståelse av praksis og kompetansebehov. Dette er et godt utgangspunkt for å lykkes med et utviklingsarbeid som ansatte vil oppleve at er relevant og nyttig i det daglige arbeidet med barn og ungdom. Da engasjerer man seg lettere, og tar eierskap til det kollektive utviklingsarbeidet. Når man sammen på enhetene skal finne fram til kompetansetiltak ut fra en slik kartlegging, må man samhandle og ta diskusjonene om hvor enheten er og hvor man skal. Dette legger grunnlaget for videreutvikling av rutiner og felles praksis, noe som er kollektive tiltak og verktøy. Det stimulerer også til kulturutvikling.\n\nDeltakelse i prosjektet fra PPT, barnevern, helsestasjon og andre aktører, vil gi en bedre forståelse hos disse for skole- og barnehagelivet. Dette vil kunne gi bedre utforming av samhandling og felles tiltak og innsats.",
    "6.1": "Region Sør-Troms (Harstad, Kvæfjord, Ibestad og Tjeldsund) sitt felles Dekomp-prosjekt gjennomført i 2019-2022 har gjennom kartlegginger pekt på noen utfordringer og behov som vil tas med videre inn i arbeidet med Kompetanseløftet. I tillegg ble det gjennomført tiltak for å heve lederes analysekompetanse samt gitt opplæring til ansatte i blant annet pedagogisk analyse som metode for å forstå og utvikle tiltak for problemstillinger som man står i i skolehverdagen. Dette vil komme til god nytte når KOSIP skal tolkes og omsettes til kompetansehevingstiltak.\n\nRegion Sør-Troms (Harstad, Kvæfjord, Ibestad, Gratangen og Tjeldsund) søker om Rekompmidler for 2023 for å heve barnehagestyreres kompetanse til å tolke og bruke tilgjengelige data i endrings- og utviklingsarbeid, og utvikle deres arbeid med barnehagebasert kompetanseutvikling og styrke barnehagens læringskultur. Dette har en direkte nytteverdi for barnehagenes utbytte av det planlagte arbeidet med Kompetanseløftet.\n\nMedkila skole med SFO og Medkila barnehage i Harstad kommune deltar i Læringsmiljøprosjektet. Dette er et samarbeid med Læringsmiljøsenteret, UiS. Her jobbes det systematisk med det psykososiale miljøet i barnehage, SFO og skole for å forbedre leke- og læringsmiljøet for alle barn og elever. Informasjon om og erfaringer fra deres arbeid spres til andre barnehager og skoler. Dette har stor nytteverdi for arbeidet med Kompetanseløftets intensjoner.",
    "6.2": "På vegne av Evenes sendes det også en behovsmelding til Statsforvalteren i Nordland, som omfatter deres andel av kostnadene til kompetanseutviklingen. Etter avtale med eiere har UiT skilt ut 8 % av det totale beløpet som settes inn i behovsmeldingen for Evenes kommune.",
}
# Invented, valid account numbers; the seeds' are real organisations' accounts.
PARTNER_DATA_2023 = {
    "2.1": {
        "account": "15031123450",
        "reference": "prosjektnummer 9989, Kompetanseløftet Sør-Troms og Evenes",
    },
    "2.3": {"account": "15204567899", "reference": "Kompetanseløftet Sør-Troms og Evenes"},
}
# Seed 003 §3: (year, recipient, amount, estimate, assess, plan, carry out, coordinate)
BUDGET_2023 = [
    (2023, "owner", 918_100, False, 20, 20, 30, 30),
    (2023, "uh", 662_400, False, 5, 15, 60, 20),
    (2024, "owner", 1_000_000, True, 0, 10, 60, 30),
    (2024, "uh", 1_200_000, True, 0, 10, 70, 20),
    (2025, "owner", 1_000_000, True, 0, 10, 60, 30),
    (2025, "uh", 1_200_000, True, 10, 0, 70, 20),
]
GOALS_2023 = [
    (
        GoalLevel.LONG_TERM,
        "Alle barn og unge i regionen opplever at de faglig og sosialt er inkludert i sin barnehage- og skolehverdag. Dette forutsetter inkluderende praksis, kunnskap og kompetanse i det profesjonelle laget rundt barn og unge.",
    ),
    (
        GoalLevel.SUB,
        "Hovedmål 2023: Identifisere kompetanseutviklingsbehov i barnehagene og skolene gjennom\na. Gjennomføre KOSIP for å kartlegge utfordringsbildet innenfor spesialpedagogikk og inkluderende praksis i Sør-Troms og Evenes\nb. Bruke KOSIP, tidligere kartlegginger og prosess blant ansatte til å kartlegge ansattes behov for kompetanse innen spesialpedagogikk og inkluderende praksis i Sør-Troms og Evenes\nc. Bruke resultater fra KOSIP som belyser samiske perspektiver spesielt til å ivareta disse i prioritering av lokale behov\nd. Gjennomføre lokale medvirkningsprosesser med de ansatte på den enkelte enhet for å komme fram til spesifikke delmål og prioriterte kompetanseutviklingsbehov innenfor en felles tematikk.\nMåloppnåelse vurderes gjennom a) KOSIP gjennomført og b) enhetene har hatt medvirkningsprosesser for å identifisere behov.",
    ),
    (
        GoalLevel.SUB,
        "Hovedmål 2024/2025: Heve de ansattes kompetanse innenfor spesialpedagogikk og inkluderende praksis gjennom\na. UiT og skole- og barnehageeiere planlegger for og utvikler relevante og helhetlige kompetanseutviklingstiltak basert på identifiserte behov i 2023.\nb. Fagsamlinger/workshops basert på behov for kompetanseheving innenfor spesialpedagogiske tema gjennomføres med mulighet for deltakelse på tvers av skoler, barnehager, PPT, barnevern og helsestasjon\nc. Kollektiv kompetanseheving om inkluderende fellesskap gjennom å gjennomføre UDIRS kompetansepakke om inkluderende praksis\nMåloppnåelse vurderes gjennom at barnehagene og skolene har gjennomført kompetanseutviklingstiltakene. KOSIP gjennomføres høst 25 for å vurdere endring i opplevd kompetanse.",
    ),
    (
        GoalLevel.SUB,
        "Hovedmål 2024/2025: Utvikle kultur og systemer som fremmer en mer inkluderende praksis gjennom\na. at ledere og/eller enheter med behov får veiledning fra UiT i arbeidet med å utvikle systemer og kultur eller på enhetsspesifikke problemstillinger\nb. å utvikle systematisk samhandling (f.eks nettverk) mellom barnehager, skoler, PPT, barnevern og helsepersonell som jobber med de samme barna slik at arbeidet med å fremme en inkluderende praksis inkluderer hele laget rundt barna\nc. å bruke resultater fra KOSIP til å videreutvikle rutiner og verktøy for tverrfaglig samarbeid og organisering mellom aktørene i laget rundt barna (kommunevis organisering)\nMåloppnåelse vurderes gjennom at systemer og rutiner er etablert. KOSIP gjennomføres høst 25 for å vurdere endring knyttet til opplevd samarbeid og rutiner.",
    ),
    (
        GoalLevel.SUB,
        "Hovedmål 2024/2025: Styrke lærerutdanningene gjennom\na. at fagpersoner kommer tettere på praksisfeltet og bedre forstår hva som er god praksis og hvilke utfordringer praksisfeltet opplever.\nb. å bruke erfaringer fra partnerskapsarbeid aktivt inn i undervisning og i utvikling av emneplaner/videreutdanningstilbud\nc. samarbeid med kommunene om praksisplasser relatert til arbeidet i Kompetanseløftet\nMåloppnåelse vurderes gjennom a) løpende evalueringer og b) studiebarometeret.",
    ),
]
# Seed 003 §5.3: the measures table (HVA, Hvordan, Hvem, Ansvar, Tidsbruk), with NÅR from
# the table's headings (VÅR 2023, HØST 2023, VÅR 2024–HØST 2025) and its dates.
MEASURES_2023 = [
    (
        1,
        "Informasjon. Startsamling: Innlegg om 1) inkluderende praksis og 2) KOSIP (UiT). Prosess i grupper.",
        "Fysisk samling. Lunsj. Tidsbruk: ½ dag",
        "Styrere, rektorer, ledere for: PPT, barnevern, helsestasjon",
        "Mai/juni",
        2022,
        [("UiT", "")],
    ),
    (
        2,
        "Kartlegging: KOSIP",
        "Tidsbruk: planleggingsdag i august",
        "Alle ansatte i skole, PPT og barnehage. Barnevern og helsestasjon inviteres inn",
        "August",
        2023,
        [
            (
                "UiT",
                "Lager en digital presentasjon om Kompetanseløftet, inkluderende praksis og KOSIP. Utsending, analyser (hovedansvar)",
            ),
            ("Eier", "videresender til ledere i enhetene"),
            ("Enhetsledere/avd.ledere/styrere", "ansvar for gjennomføring av KOSIP"),
        ],
    ),
    (
        3,
        "Forankring og medvirkning: fagsamlinger med presentasjon og analyse av resultatene på eiernivå og på rektor- og styrernivå; presentasjon av resultatene for ansatte i barnehage og skole",
        "Fysiske samlinger (½ dag og 1 dag) med forarbeid; digital presentasjon gjøres tilgjengelig, og ansatte gjennomfører prosess fysisk på sin arbeidsplass",
        "Skole- og barnehageeiere, leder PPT; styrere, rektorer, PPT; alle ansatte i skole, barnehage, PPT",
        "Innen 15.11.23",
        2023,
        [
            ("UiT", "presenterer regionale og kommunale KOSIP-resultat"),
            ("Rektorer/styrere/enhetsledere", "ansvarlig for presentasjon i egen enhet"),
        ],
    ),
    (
        4,
        "Workshops, dialogsamlinger/fagsamlinger om aktuelle tema ut fra avdekkede behov i regionen",
        "Hovedsakelig digitalt slik at mange kan delta uavhengig av geografisk avstand. I denne søknaden for våren 2024: 24 timer som organiseres etter behov",
        "Kan være ulike grupper. Avklares ut fra avdekket behov i KOSIP.",
        "Vår 2024 – høst 2025",
        2023,
        [("UiT", "UIT og eiere i samarbeid")],
    ),
    (
        5,
        "Nettverk mellom PPT, barnehage, SFO, skole og andre for å utvikle mer sammenheng i oppfølging av barn over tid.",
        "Jevnlige fysiske møtepunkt med ulik tematikk. Minst to møtepunkt pr halvår",
        "Nettverk mellom enheter som følger/gir opplæring til de samme barna, eksempelvis gjennom å tilhøre samme skolekrets.",
        "Vår 2024 – høst 2025",
        2023,
        [("Eiere", "ansvarlig i samarbeid med PPT")],
    ),
    (
        6,
        "Veiledning av ledere og PPT på systemnivå og/eller enkeltenheter med behov",
        "Fysiske eller digitale veiledningsøkter. I denne søknaden for våren 2024: 5 grupper * 3 økter a 2t",
        "Ledere, PPT, enkeltenheter",
        "Vår 2024 – høst 2025",
        2023,
        [("UiT", "ansvarlig")],
    ),
    (
        7,
        "Kompetansepakke om inkluderende praksis",
        "Digital pakke som kjøres på den enkelte enhet.",
        "Alle ansatte",
        "Vår 2024 – høst 2025",
        2023,
        [("Styrere og rektorer", "")],
    ),
]

# -- 2026–27 (seed 002) -----------------------------------------------------------------------

ANSWERS_2026 = {
    "1": "Region Sør-Troms (Harstad, Kvæfjord, Ibestad, Tjeldsund) og Evenes kommune i samarbeid med UiT Norges arktiske universitet.\nPPT i alle kommuner inngår i partnerskapet.",
    "2": "Region Sør-Troms og Evenes søker om videreføring og fullføring av et flerårig kompetanseløft innen inkluderende, reguleringsstøttende og traumeinformert praksis. Tiltaket svarer på prioriteringene i Langsiktig plan 2026–2029, og skal sikre varig praksisendring gjennom lederstøtte, opplæring av nyansatte, foreldresamarbeid og tverrfaglig samhandling i tett partnerskap med UiT og PPT.",
    "3": "Start: august 2026. Slutt: juni 2027. Partnerskapet planlegger sitt videre arbeid i fire år til, fram mot 2029.",
    "4": "Inkluderende, reguleringsstøttende og traumeinformert praksis – med særlig vekt på varig implementering, lederforankring, opplæring av nyansatte, foreldresamarbeid og tverrfaglige samarbeidsmodeller for erfaringsdeling og videreutvikling av lokale ressurspersoner.",
    "5": "Tidlig kartlegging fra kommunene viste ved oppstart i 2023:\n• økende grad av utfordrende atferd, uro og psykisk uhelse blant barn og elever\n• behov for reguleringsstøttende ferdigheter og trygge voksne i krevende situasjoner\nRapporter fra kommunene underveis i kompetanseløftet så langt, inkludert erfaringer fra ansatte og styringsgruppe viser:\n• variasjoner mellom enheter, når det kommer til framdrift i utviklingsarbeidet – særlig der turnoveren er høy. Flere enheter er fortsatt i startfasen grunnet kapasitetsutfordringer\n• behov for systematikk i foreldresamarbeid\n• tverrfaglig samarbeid fungerer bedre, men er fortsatt sårbart\n• et behov for lederstøtte som fører til eierskap i ledelsen ute på enhetene\nSamtidig gis det tilbakemelding om at effekten av tiltakene så langt er lovende:\n• økt trygghet og mestring hos ansatte\n• roligere barnehage- og skolemiljøer\n• bedre tverrfaglig samarbeid\n• felles språk og forståelse i møte med barn som utfordrer\nKompetanseheving er ferskvare som krever systematisk vedlikehold og forankring over tid. Uten videreføring av tiltakene, er det betydelig risiko for kompetansetap, særlig ved turnover. Dette understreker behovet for å fullføre og forankre kompetanseløftet i tråd med ny forskrift og Langsiktig plan 2026 – 2029.\nUten de nødvendige midlene til å drive kompetanseløftet videre kommende år, kan det føre til at mange barnehager og skoler ikke har kapasitet til å videreføre arbeidet på egen hånd. Konsekvensen kan bli at opparbeidet kunnskap går tapt, og at utviklingen stagnerer.",
    "6": "Behovene er identifisert gjennom inkluderende og systematiske prosesser som omfatter lederprosesser i alle barnehager og skoler, dialog i personalgruppene, arbeid i styringsgruppen, tett samarbeid med PPT samt medvirkning fra tillitsvalgte. I tillegg er det gjennomført strukturerte behovsprosesser og kartlegginger. Denne brede involveringen sikrer solid forankring og reell medbestemmelse i tråd med gjeldende avtaleverk og forskriftens krav.",
    "7": "Samiske elever og familier kan møte særskilte utfordringer knyttet til kultur, språk og minoritetsbelastning. Samiske perspektiver ivaretas som en gjennomgående del av utviklingsarbeidet gjennom:\n• faglige samlinger der samisk kultur, historie, språk, psykisk helse og barneoppdragelse er en naturlig del av faglig innhold.\n• utvikling av kultursensitiv praksis i møte med barn og foreldre\n• integrering av samiske perspektiver i veiledning, refleksjon og kompetanseutvikling\nMålet er at alle ansatte har grunnkompetanse for et inkluderende, kultursensitivt tilbud også til samiske barn og familier.",
    "10": "Tiltakene utvikles i samarbeid med UiT og SNU-senteret, og bygger videre på tidligere års arbeid.",
    "11": "PPT har en sentral og uunnværlig rolle i kompetansehevingen. Tjenesten deltar aktivt i planlegging og gjennomføring av satsingen, og fungerer som en faglig drivkraft gjennom ledelse av fagnettverk og deltakelse i veiledning. Med sin posisjon tett på barnehager og skoler er PPT i stand til å gi direkte rådgivning og støtte til ansatte i det pedagogiske arbeidet med barn og elever. Dette bidrar både til å sikre et felles språk og en felles forståelse på tvers av enheter, og til å styrke sammenhengen mellom lovpålagt bistand og det forebyggende arbeidet. PPTs tilstedeværelse og kompetanse gjør dem til en viktig aktør i å omsette kunnskap til praksis og sikre varig forankring av kompetansehevingen i kommunene.",
    "12": "Vi vil vurdere måloppnåelse gjennom:\n• jevnlig rapportering fra eiere til styringsgruppe\n• enkle underveisevalueringer etter samlinger\n• kvalitative tilbakemeldinger fra ansatte og ledere\n• kvantitative indikatorer der det er mulig (uro, avvik, fravær, meldepliktssaker m.m.)\n• vurdering av foreldresamarbeid\nRapporteringen struktureres direkte etter mål- og tiltakene i denne behovsmeldingen.",
    "13": "• ansatte i barnehage\n• ansatte i skole\n• SFO\n• PPT\n• barnevern\n• helsestasjon\n• øvrige i laget rundt barnet",
    "14": "Tiltakene er kollektivt orientert og bygger profesjonelle læringsfellesskap gjennom nettverk, dialogsamlinger, veiledning i personalgrupper og utvikling av et felles språk og en felles forståelse. Denne måten å arbeide på legger grunnlaget for varig praksisendring, i motsetning til enkeltstående kurs.",
    "15": "UiT bruker erfaringene til å:\n• videreutvikle lærerutdanningene\n• styrke profesjonsrelevans\n• utvikle faglige emner\n• bruke kunnskapen i FoU-arbeid\n• sikre bedre kobling mellom utdanning og praksis",
    "Koordinator": "På grunn av partnerskapets omfang og kompleksitet søkes det om midler til en koordinator som kan sikre nødvendig struktur og framdrift i arbeidet. Koordinatorrollen er avgjørende for å holde kvaliteten oppe, legge til rette for godt samarbeid på tvers av kommuner og enheter, og sørge for en helhetlig og systematisk gjennomføring. Rollen bidrar også til tydelig og forutsigbar rapportering, samtidig som den sikrer likeverdig deltakelse og oppfølging i alle fem kommuner. Koordinatorene er dermed en nøkkelfaktor for å sikre at kompetanseløftet gjennomføres effektivt, samordnet og med varig effekt.",
    "Oppsummering": "Behovsmeldingen har som formål å sikre fullføring og varig forankring av kompetanseløftet i kommunene. Den skal bidra til å styrke implementeringen og den løpende driften i alle enheter, slik at satsingen blir robust, bærekraftig og godt integrert i ordinær praksis over tid. Et sentralt mål er å sikre at ansatte, barn og familier ikke mister de gevinstene som allerede er oppnådd gjennom arbeidet.\nI tillegg til de konkrete tiltakene som er gjennomført, ønsker vi å synliggjøre den faglige og organisatoriske utviklingen som har skjedd. Kommunene står i dag sterkere og mer selvstendig, og kompetanseløftet har bidratt til å bygge strukturer, kultur og praksis som gjør oss bedre i stand til å stå på egne bein. Dette er en viktig styrke og et tydelig tegn på at investeringen gir varig effekt.\nSamtidig er det avgjørende å være presis på at enkelte tiltak er mer kritiske enn andre for å sikre videre framdrift og kvalitet. Disse tiltakene danner fundamentet for at kommunene skal kunne opprettholde og videreutvikle kompetansen etter endt samarbeid med SNU (Senter for nevrobiologisk utviklingspsykologi).\nPågående forskningsarbeid ved UiT viser allerede at kompetansehevingen gir målbare og synlige effekter i tjenestene. For å sikre at denne positive utviklingen ikke stopper opp, er det nødvendig å videreføre arbeidet til kommunene fullt ut kan bære ansvaret videre med egne ressurser. Det er nettopp denne overgangen – fra ekstern støtte til varig lokal bærekraft – som er hovedfokuset i behovsmeldingen og som tilskuddet skal bidra til å realisere.",
}
# Seed 002 has no budget table; these figures are the demo's own, in the seed's manner.
BUDGET_2026 = [
    (2026, "owner", 1_100_000, False, 0, 10, 60, 30),
    (2026, "uh", 1_250_000, False, 0, 10, 70, 20),
    (2027, "owner", 900_000, True, 0, 10, 70, 20),
    (2027, "uh", 1_000_000, True, 0, 10, 75, 15),
]


def _key(question) -> str:
    return question.number or question.text


def _fill(report: NeedsReport, answers: dict, partner_data: dict | None = None) -> None:
    partner_data = partner_data or {}
    questions = {_key(q): q for s in report.template.sections.all() for q in s.questions.all()}
    for key, value in answers.items():
        question = questions[key]
        choice, text = value if isinstance(value, tuple) else (None, value)
        Answer.objects.create(report=report, question=question, text=text, choice=choice)
    for key, data in partner_data.items():
        Answer.objects.create(report=report, question=questions[key], data=data)


def _budget(report: NeedsReport, rows) -> None:
    for year, recipient, amount, estimate, assess, plan, carry_out, coordinate in rows:
        BudgetLine.objects.create(
            report=report,
            year=year,
            recipient=recipient,
            amount=amount,
            estimate=estimate,
            share_assess=assess,
            share_plan=plan,
            share_carry_out=carry_out,
            share_coordinate=coordinate,
        )
    budget = next(
        q
        for s in report.template.sections.all()
        for q in s.questions.all()
        if q.kind == QuestionKind.BUDGET
    )
    Answer.objects.create(report=report, question=budget)


def _confirm(report: NeedsReport) -> None:
    confirmation = next(
        q
        for s in report.template.sections.all()
        for q in s.questions.all()
        if q.kind == QuestionKind.CONFIRMATION
    )
    Answer.objects.create(report=report, question=confirmation, choice=True)


def build_reports(*, partnership, county, scheme, user, institutions) -> None:
    template_2023 = ReportTemplate.objects.get(county=county, year=2023)
    plan = ActionPlan.objects.create(
        partnership=partnership, school_year=2023, title="Kompetanseløftet 2023"
    )
    for order, (level, text) in enumerate(GOALS_2023):
        Goal.objects.create(plan=plan, level=level, text=text, order=order)
    for number, title, how, target, when, context, responsibilities in MEASURES_2023:
        measure = Measure(
            plan=plan, number=number, title=title, how=how, scheme=scheme, target_text=target
        )
        measure.set_when(parse_when(when, context), when)
        measure.save()
        for order, (party, task) in enumerate(responsibilities):
            Responsibility.objects.create(
                measure=measure,
                institution=institutions.get(party),
                party="" if party in institutions else party,
                task=task,
                order=order,
            )
    report = report_create(
        partnership=partnership, template=template_2023, scheme=scheme, user=user
    )
    _fill(report, ANSWERS_2023, PARTNER_DATA_2023)
    _budget(report, BUDGET_2023)
    _confirm(report)
    report_submit(report=report, user=user, today=date(2022, 11, 15))

    template_2026 = ReportTemplate.objects.get(county=county, year=2026)
    report = report_create(
        partnership=partnership, template=template_2026, scheme=scheme, user=user
    )
    _fill(report, ANSWERS_2026)
    _budget(report, BUDGET_2026)
