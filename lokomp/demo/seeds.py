"""The content of the seed documents, as data.

Organisations are public facts and kept; every person and contact detail is invented.
Texts of measures are the seeds' own wording, so that the printed plan is one its authors
recognise. Where a seed gives only counts (schools per municipality), unit names are made up.
"""

# -- Sør-Troms og Evenes ----------------------------------------------------------------------

# Seed 003 §2.4–2.10: municipal schools, municipal kindergartens and private kindergartens
# per municipality; one private school (Harstad Montessori skole).
SOR_TROMS_MUNICIPALITIES = [
    # (number, name, county, schools, kindergartens, private kindergartens)
    ("5503", "Harstad", "55", 11, 16, 7),
    ("5510", "Kvæfjord", "55", 3, 3, 0),
    ("5514", "Ibestad", "55", 1, 2, 0),
    ("5512", "Tjeldsund", "55", 5, 6, 1),
    ("1853", "Evenes", "18", 1, 2, 0),
]

SCHOOL_NAMES = {
    "Harstad": [
        "Kanebogen skole",
        "Medkila skole",
        "Seljestad barneskole",
        "Seljestad ungdomsskole",
        "Harstad skole",
        "Stangnes skole",
        "Heggen skole",
        "Bergseng skole",
        "Sama skole",
        "Grytøy skole",
        "Kila skole",
    ],
    "Kvæfjord": ["Borkenes skole", "Kvæfjord ungdomsskole", "Hemmestad skole"],
    "Ibestad": ["Ibestad skole"],
    "Tjeldsund": [
        "Evenskjer skole",
        "Tjeldsund skole",
        "Ramsund skole",
        "Kongsvik skole",
        "Sandtorg skole",
    ],
    "Evenes": ["Evenes skole"],
}
KINDERGARTEN_NAMES = {
    "Harstad": [
        "Medkila barnehage",
        "Kanebogen barnehage",
        "Sama barnehage",
        "Seljestad barnehage",
        "Bergseng barnehage",
        "Stangnes barnehage",
        "Gangsås barnehage",
        "Trondenes barnehage",
        "Heggen barnehage",
        "Kila barnehage",
        "Grytøy barnehage",
        "Bjarkøy barnehage",
        "Sørvika barnehage",
        "Ruggevika barnehage",
        "Hagebyen barnehage",
        "Byskogen barnehage",
    ],
    "Kvæfjord": ["Borkenes barnehage", "Hemmestad barnehage", "Gullesfjord barnehage"],
    "Ibestad": ["Hamnvik barnehage", "Sørrollnes barnehage"],
    "Tjeldsund": [
        "Evenskjer barnehage",
        "Ramsund barnehage",
        "Kongsvik barnehage",
        "Hol barnehage",
        "Fjelldal barnehage",
        "Sandstrand barnehage",
    ],
    "Evenes": ["Márkománák barnehage", "Bogen barnehage"],
}
# Seed 003 §2.2: the private kindergarten owners (their named contacts are left out).
PRIVATE_KINDERGARTENS = [
    # (owner, unit, municipality)
    ("Bjørnebåsen SA", "Bjørnebåsen barnehage", "Harstad"),
    ("Dalsletta SA", "Dalsletta barnehage", "Harstad"),
    ("Trygge barnehager AS", "Furuberget FUS barnehage", "Harstad"),
    ("Grønnebakkan barnehage SA", "Grønnebakkan barnehage", "Harstad"),
    ("Holtet barnehage", "Holtet barnehage", "Harstad"),
    ("Mølnholtet familiebarnehage", "Mølnholtet familiebarnehage", "Harstad"),
    ("Læringsverkstedet AS", "Læringsverkstedet Harstad barnehage", "Harstad"),
    ("Læringsverkstedet AS", "Læringsverkstedet Tjeldsund barnehage", "Tjeldsund"),
]
PRIVATE_SCHOOL = ("Harstad Montessori skole", "Harstad Montessori skole", "Harstad")

# Seed 001, tiltak 3: "Alle ansatte i skole, PPT og barnehage i regionen (1295 ansatte)".
SOR_TROMS_STAFF_TOTAL = 1295
SOR_TROMS_PPT_STAFF = 28

SOR_TROMS_INTRO = (
    "Region Sør-Troms (Harstad, Kvæfjord, Ibestad, Tjeldsund) og Evenes kommune i samarbeid "
    "med UiT Norges arktiske universitet. PPT i alle kommuner inngår i partnerskapet."
)

# Seed 001: "Tiltak kompetanseløftet Høst 25 – vår 26", every cell as written.
SOR_TROMS_2025_MEASURES = [
    {
        "number": 1,
        "title": "Kompetansepakke om inkluderende praksis",
        "how": "Digital pakke som kjøres på den enkelte enhet med påfølgende prosess i personalet",
        "target_text": "Alle ansatte i barnehage, skole, SFO og PPT",
        "kinds": ["barnehage", "skole", "sfo", "ppt"],
        "roles": ["all_staff"],
        "when": "Høst 25- vår 26",
        "format": "digital",
        "responsibilities": [(None, "Styrer, rektor, leder PPT", "")],
    },
    {
        "number": 2,
        "title": "Kompetanseutvikling samiske perspektiver",
        "how": "Webinar/Workshop/foredrag ved UiT 1 time barnehage og 1 time skole. Løfte opp "
        "god praksis fra regionen.",
        "target_text": "Alle ansatte i barnehage, skole, SFO og PPT",
        "kinds": ["barnehage", "skole", "sfo", "ppt"],
        "roles": ["all_staff"],
        "when": "Høst 25- vår 26",
        "format": "digital",
        "responsibilities": [("UiT", "", "")],
    },
    {
        "number": 3,
        "title": "Dialogsamling",
        "how": "En samling på en dag per enhet fysisk oppmøte Total gjennomføring over tre "
        "dager med to parallelle forelesninger hver dag.",
        "target_text": "Alle ansatte i skole, PPT og barnehage i regionen (1295 ansatte)",
        "kinds": ["skole", "ppt", "barnehage"],
        "roles": ["all_staff"],
        "when": "1X 6 dager (fordelt over tre dager med to parallelle løp) under "
        "planleggingsdagene august 2025",
        "format": "physical",
        "responsibilities": [
            ("SNU", "", "i samarbeid med UiT har det faglige ansvaret"),
            ("UiT", "", "samarbeidspartner"),
        ],
    },
    {
        "number": 4,
        "title": "Digital dialogsamling Fire digitale webinarer (to for skole og to for barnehage)",
        "how": "Digitalt opplegg med refleksjonsoppgaver til bruk i personalet Totalt 1.5 time "
        "pr. gjennomføring med forelesning og gruppeoppgaver",
        "target_text": "Alle ansatte i skole, PPT og barnehage i regionen",
        "kinds": ["skole", "ppt", "barnehage"],
        "roles": ["all_staff"],
        "when": "En dag under planleggingsdagene i november 2025 Vår 2026",
        "format": "digital",
        "responsibilities": [
            ("SNU", "", "i samarbeid med UiT har det faglige ansvaret"),
            ("UiT", "", "samarbeidspartner"),
        ],
    },
    {
        "number": 5,
        "title": "Veiledning av 6 barnehager/ skoler i regionen",
        "how": "(To fysiske og tre digitale pr.enhet)",
        "target_text": "Utvalgte enheter",
        "kinds": ["barnehage", "skole"],
        "roles": [],
        "scope": "units",
        "units": [
            "Kanebogen barnehage",
            "Sama barnehage",
            "Borkenes barnehage",
            "Kanebogen skole",
            "Evenskjer skole",
            "Ibestad skole",
        ],
        "when": "Høst 2025 – vår 2026",
        "format": "mixed",
        "responsibilities": [("SNU", "", ""), (None, "PPT", "deltar i veiledning")],
    },
    {
        "number": 6,
        "title": "Gjennomgang av boka «Fra uro til ro»",
        "how": "Alle ansatte i skolen får hvert sitt eksemplar. Det jobbes med boka og "
        "refleksjonsoppgaver i skolens fellestid.\nKorte digitale snutter med "
        "refleksjonsoppgaver til bruk på personalmøter i barnehage og SFO.",
        "target_text": "Ansatte i skole\nAnsatte i barnehage og SFO",
        "kinds": ["skole", "barnehage", "sfo"],
        "roles": ["all_staff"],
        "when": "Høst 2025 – vår 2026",
        "format": "mixed",
        "responsibilities": [
            ("SNU", "", "utarbeider refleksjonsoppgaver"),
            (None, "Rektorer/ avd.leder", "gjennomfører i personalet"),
        ],
    },
    {
        "number": 7,
        "title": "Nettverk skole og PPT",
        "how": "Fysiske møter for PP-rådgivere og koordinatorene i skole.",
        "target_text": "Koordinatorer skole og PP-rådgivere",
        "kinds": ["skole", "ppt"],
        "roles": ["coordinators", "pp_advisers"],
        "when": "2 møter høst 2025 2 møter vår 2026",
        "format": "physical",
        "responsibilities": [
            (None, "Leder/ avd.leder PPT", "leder møtene og har ansvar for det faglige innholdet"),
        ],
    },
    {
        "number": 8,
        "title": "Nettverk barnehage og PPT",
        "how": "Fysiske møter for PP-rådgivere og koordinatorene i barnehage",
        "target_text": "Koordinatorer barnehage og PP-rådgivere",
        "kinds": ["barnehage", "ppt"],
        "roles": ["coordinators", "pp_advisers"],
        "when": "2 møter høst 2025 2 møter vår 2026",
        "format": "physical",
        "responsibilities": [
            (None, "Leder/ avd.leder PPT", "leder møtene og har ansvar for det faglige innholdet"),
        ],
    },
    {
        "number": 9,
        "title": "Opplæring i utvalgte pilotkommuner",
        "how": "Faglig opplæring av ansatte for å bli veiledere for implementering og videre "
        "drift av aktuelt tema",
        "target_text": "6 ansatte i to pilotkommuner",
        "kinds": [],
        "roles": ["resource_persons"],
        "scope": "municipalities",
        "municipalities": ["Kvæfjord", "Tjeldsund"],
        "size": 6,
        "when": "Høst 2025 – vår 2026",
        "format": "mixed",
        "responsibilities": [("SNU", "", "i samarbeid med UiT")],
    },
]

# Activities under the 2025–26 measures. Dates, rooms and speakers are invented; the seed
# says only "over tre dager med to parallelle løp" and "fire digitale webinarer".
SOR_TROMS_2025_ACTIVITIES = [
    {
        "measure": 3,
        "title": "Dialogsamling dag 1",
        "kind": "session",
        "when": "11. august 2025 kl. 08:30-15:00",
        "location": "Harstad kulturhus",
        "municipalities": ["Harstad"],
        "tracks": [
            ("Regulering og trygghet i barnehagen", "Barnehage"),
            ("Fra uro til ro i klasserommet", "Skole og PPT"),
        ],
    },
    {
        "measure": 3,
        "title": "Dialogsamling dag 2",
        "kind": "session",
        "when": "12. august 2025 kl. 08:30-15:00",
        "location": "Harstad kulturhus",
        "municipalities": ["Harstad"],
        "tracks": [
            ("Regulering og trygghet i barnehagen", "Barnehage"),
            ("Fra uro til ro i klasserommet", "Skole og PPT"),
        ],
    },
    {
        "measure": 3,
        "title": "Dialogsamling dag 3",
        "kind": "session",
        "when": "13. august 2025 kl. 08:30-15:00",
        "location": "Evenes samfunnshus",
        "municipalities": ["Kvæfjord", "Ibestad", "Tjeldsund", "Evenes"],
        "tracks": [
            ("Regulering og trygghet i barnehagen", "Barnehage"),
            ("Fra uro til ro i klasserommet", "Skole og PPT"),
        ],
    },
    {
        "measure": 4,
        "title": "Digital dialogsamling for barnehage",
        "kind": "webinar",
        "when": "17. november 2025 kl. 12:00-13:30",
        "kinds": ["barnehage", "ppt"],
        "link": "https://lokomp.example/webinar/barnehage-host",
    },
    {
        "measure": 4,
        "title": "Digital dialogsamling for skole",
        "kind": "webinar",
        "when": "17. november 2025 kl. 13:45-15:15",
        "kinds": ["skole", "ppt"],
        "link": "https://lokomp.example/webinar/skole-host",
    },
    {
        "measure": 7,
        "title": "Nettverksmøte skole og PPT",
        "kind": "network",
        "when": "Uke 39",
        "location": "PPT Harstad",
    },
    {
        "measure": 8,
        "title": "Nettverksmøte barnehage og PPT",
        "kind": "network",
        "when": "Uke 40",
        "location": "PPT Harstad",
    },
]

# Seed 002 §8 and §9.
SOR_TROMS_2026_LONG_TERM_GOALS = [
    "Alle barn og elever møtes av trygge, regulerte og kompetente voksne.",
    "Inkluderende praksis og traumeinformert forståelse er integrert i ordinær drift.",
    "Turnover påvirker i liten grad tjenestenes samlede kompetanse.",
    "Foreldre opplever tillit, samarbeid og støtte i møte med tjenestene.",
    "Tverrfaglig samarbeid er robust, samordnet og preget av felles retning.",
    "Samiske perspektiver er en naturlig og integrert del av praksis.",
]
SOR_TROMS_2026_SUB_GOALS = [
    "Alle nyansatte får grunnleggende innføring i reguleringsstøttende og traumeinformert praksis.",
    "Ledere får strukturert lederstøtte knyttet til implementering.",
    "Fagnettverk for skole og barnehage som driftes av PPT, videreføres og utvikles.",
    "Flere lokale ressurspersoner utdannes og gis tydelig rolle.",
    "Foreldresamarbeidet styrkes.",
    "Kompetanseheving inkluderer hele laget rundt barnet og sørger for at tjenestene kjenner "
    "til utviklingsarbeidet og dermed snakker samme språk. (Viser til samarbeid med "
    "barnevern, BUP, politi, flyktningetjeneste m.m.)",
]
# Seed 002 §10. The seed gives no NÅR for 2026–27; the demo's are plausible, not the seed's.
SOR_TROMS_2026_MEASURES = [
    {
        "number": 1,
        "title": "Opplæring av nyansatte",
        "how": "Digital grunnpakke og spørsmål til refleksjon",
        "rationale": "For å sikre at nyansatte også får grunnleggende kunnskap om "
        "reguleringsstøttende og traumeinformert praksis, slik at arbeidet på enhetene blir "
        "samordnet og faglig forankret.",
        "kinds": ["barnehage", "skole", "sfo", "ppt"],
        "roles": ["new_employees"],
        "when": "Fortløpende",
        "format": "digital",
        "goals": [0],
        "responsibilities": [
            ("SNU", "", "utarbeider grunnpakken"),
            (None, "Enhetsledere", "gjennomfører"),
        ],
    },
    {
        "number": 2,
        "title": "Dialogsamlinger",
        "how": "Fysiske fag- og erfaringsdelingssamlinger for alle ansatte i skole, barnehage "
        "og PPT.",
        "rationale": "Videreføring av dialogsamlinger og refleksjonsoppgaver er avgjørende for "
        "å opprettholde en felles forståelse og praksis i personalet. Dette tiltaket sikrer "
        "kontinuitet og gir rom for profesjonsfellesskap og refleksjon.",
        "kinds": ["skole", "barnehage", "ppt"],
        "roles": ["all_staff"],
        "when": "Planleggingsdagene august 2026",
        "format": "physical",
        "goals": [],
        "responsibilities": [("SNU", "", "i samarbeid med UiT har det faglige ansvaret")],
    },
    {
        "number": 3,
        "title": "Lederstøtte",
        "how": "Egne fysiske og digitale samlinger for ledere, med fokus på implementering, "
        "kultur og oppfølging.",
        "rationale": "Ledere er sentrale for å omsette kompetanseheving til praksis og "
        "avgjørende for å kunne innlemme tiltakene i daglig drift.",
        "kinds": ["barnehage", "skole", "ppt"],
        "roles": ["leaders"],
        "when": "Tre høst og tre vår",
        "format": "mixed",
        "goals": [1],
        "responsibilities": [("UiT", "", "")],
    },
    {
        "number": 4,
        "title": "Veiledning tett på praksis",
        "how": "SNU og PPT følger utvalgte enheter, med særlig fokus på å styrke praksis der "
        "behovet for støtte er størst.",
        "rationale": "Veiledning tett på praksis sikrer at kompetansen omsettes til konkrete "
        "handlinger i arbeidshverdagen, og tar videre utgangspunkt i de konkrete utfordringer "
        "personalgruppa står overfor.",
        "kinds": ["barnehage", "skole"],
        "roles": [],
        "scope": "units",
        "units": ["Seljestad barnehage", "Hemmestad skole"],
        "when": "Høst 2026 – vår 2027",
        "format": "mixed",
        "goals": [],
        "responsibilities": [("SNU", "", ""), (None, "PPT", "deltar i veiledning")],
    },
    {
        "number": 5,
        "title": "Foreldresamarbeid",
        "how": "Digitale ressurser til foreldremøter.",
        "rationale": "Ved å dele kunnskap om reguleringsstøttende og traumeinformert praksis "
        "til foresatte, skapes en felles plattform for forståelse og praksis, slik at barn "
        "møtes med samme tilnærming både hjemme og i barnehage/skole.",
        "kinds": ["barnehage", "skole"],
        "roles": ["parents"],
        "when": "Høst 2026 – vår 2027",
        "format": "digital",
        "goals": [4],
        "responsibilities": [
            ("SNU", "", "utarbeider ressursene"),
            (None, "Styrere og rektorer", "bruker dem på foreldremøter"),
        ],
    },
    {
        "number": 6,
        "title": "Utdanning av ressurspersoner",
        "how": "Nytt kull ressurspersoner utdannes.",
        "rationale": "Det legges opp til ei tydelig lokal forankring og konkretisering av "
        "hvordan kompetansen skal kunne utnyttes i kommunene i årene framover.",
        "kinds": ["barnehage", "skole", "ppt"],
        "roles": ["resource_persons"],
        "when": "Høst 2026 – vår 2027",
        "format": "mixed",
        "goals": [3],
        "responsibilities": [("SNU", "", "i samarbeid med UiT")],
    },
    {
        "number": 7,
        "title": "Nettverk koordinatorer skole og PPT",
        "how": "Fire årlige nettverk for koordinatorer i skole og PP rådgivere i regionen",
        "rationale": "Sikrer struktur, framdrift og kvalitet i arbeidet rundt eleven.",
        "kinds": ["skole", "ppt"],
        "roles": ["coordinators", "pp_advisers"],
        "when": "2 møter høst 2026, 2 møter vår 2027",
        "format": "physical",
        "goals": [2],
        "responsibilities": [
            (None, "Leder/ avd.leder PPT", "leder møtene og har ansvar for det faglige innholdet")
        ],
    },
    {
        "number": 8,
        "title": "Fagnettverk barnehage og PPT",
        "how": "Tre årlige nettverk for spesialpedagoger, støtteressurser og pedagogiske "
        "ledere som utfører vedtaksarbeid i bhg og PPT",
        "rationale": "Systematisk samarbeid mellom barnehage og PPT sikrer at barn som trenger "
        "støtte blir sett tidlig, får samordnet hjelp, og møter lik praksis i hele regionen.",
        "kinds": ["barnehage", "ppt"],
        "roles": ["special_needs"],
        "when": "2 møter høst 2026, 1 møte vår 2027",
        "format": "physical",
        "goals": [2],
        "responsibilities": [(None, "Leder/ avd.leder PPT", "leder nettverkene")],
    },
]

# Invented activities of the 2026–27 plan (dates, places and capacities are examples).
SOR_TROMS_2026_ACTIVITIES = [
    {
        "measure": 2,
        "title": "Dialogsamling august 2026",
        "kind": "session",
        "when": "13. august 2026 kl. 08:30-15:00",
        "location": "Harstad kulturhus",
        "municipalities": ["Harstad"],
        "tracks": [
            ("Regulering og trygghet i barnehagen", "Barnehage"),
            ("Fra uro til ro i klasserommet", "Skole og PPT"),
        ],
    },
    {
        "measure": 1,
        "title": "Spørretime for nyansatte",
        "kind": "webinar",
        "format": "digital",
        "when": "20. januar 2027 kl. 14:00-15:00",
        "link": "https://teams.example/sporretime",
        "capacity": 30,
    },
]

# -- Øst-Finnmark (seed 004) -----------------------------------------------------------------

OST_FINNMARK_MUNICIPALITIES = [
    ("5628", "Tana"),
    ("5607", "Vadsø"),
    ("5634", "Vardø"),
    ("5636", "Nesseby"),
    ("5630", "Berlevåg"),
    ("5632", "Båtsfjord"),
    ("5605", "Sør-Varanger"),
]
OST_FINNMARK_INTRO = (
    "Dette er samlet plan for alle aktivitetene i Lokal kompetanseutvikling. Fargekodene "
    "viser om aktiviteten er knyttet til barnehage (ReKomp), skole (DeKomp) eller barnehage "
    "skole og PPT (Kompetanseløftet). Tiltak og innhold i aktiviteter i denne planen er "
    "utformet med utgangspunkt i meldte behov fra kommunene jfr. behovsmeldinger."
)
# The calendar rows of seed 004, grouped under the measures they serve. HVEM is kept as
# written; NÅR as written.
OST_FINNMARK_MEASURES = [
    {
        "number": 1,
        "title": "Opplæring for nyansatte i pedagogisk analyse",
        "how": "Digitale samlinger med opplæring for nyansatte",
        "scheme": "kompetanseloftet",
        "roles": ["new_employees"],
        "kinds": ["barnehage", "skole", "ppt"],
        "when": "18. august",
        "activities": [
            {
                "title": "Digital samling med opplæring for nyansatte i pedagogisk analyse",
                "when": "18. august kl. 12:00-14:00",
                "scheme": "rekomp",
                "kind": "webinar",
                "target": "Nyansatte barnehage/PPT og SePU",
                "kinds": ["barnehage", "ppt"],
                "roles": ["new_employees"],
                "format": "digital",
            },
            {
                "title": "Digital samling med opplæring for nyansatte i pedagogisk analyse",
                "when": "18. august kl. 12:00-14:00",
                "scheme": "dekomp",
                "kind": "webinar",
                "target": "Nyansatte skole/PPT og SePU",
                "kinds": ["skole", "ppt"],
                "roles": ["new_employees"],
                "format": "digital",
            },
        ],
    },
    {
        "number": 2,
        "title": "Kollektiv kompetanseutvikling i barnehage",
        "how": "Veiledning, læringskaravane og digitalt fagtorg",
        "scheme": "rekomp",
        "kinds": ["barnehage"],
        "roles": ["all_staff", "leaders"],
        "when": "Høst 2025",
        "activities": [
            {
                "title": "Oppstart kollektiv kompetanseutvikling i barnehage",
                "description": "1 time digital veiledning pr kommune med utgangspunkt i lokalt "
                "valgt tema og enhetens mål for kollektiv kompetanseutvikling.",
                "when": "Uke 36 (SePU avtaler tidspunkt med kommunalt nivå)",
                "kind": "supervision",
                "format": "digital",
                "target": "Ledere og PPT, og alle ansatte barnehage og SePU",
                "kinds": ["barnehage", "ppt"],
                "roles": ["leaders", "all_staff"],
                "municipalities": ["Tana", "Vadsø", "Vardø", "Nesseby", "Berlevåg", "Båtsfjord"],
            },
            {
                "title": "Læringskaravane – analyse PA",
                "description": "Kollektiv kompetanseutvikling og støttesystemer\n12 barnehage "
                "(4 grupper)",
                "when": "Uke 44 (Digital)",
                "kind": "session",
                "format": "digital",
                "target": "Barnehagens ledelse, PPT, RSK Øst-Finnmark og SePU",
                "kinds": ["barnehage", "ppt"],
                "roles": ["leaders"],
            },
            {
                "title": "Felles planleggingsdag – Digitalt fagtorg",
                "description": "Filmer, ledes lokalt i enhetene",
                "when": "17.november",
                "kind": "session",
                "format": "digital",
                "target": "Alle ansatte barnehagene øvrige barnehager RSK ØF og SePU (PPT)",
                "kinds": ["barnehage"],
                "roles": ["all_staff"],
            },
        ],
    },
    {
        "number": 3,
        "title": "Kollektiv kompetanseutvikling i skole",
        "how": "Veiledning, læringskaravane og digitalt fagtorg",
        "scheme": "dekomp",
        "kinds": ["skole"],
        "roles": ["all_staff", "leaders"],
        "when": "Høst 2025",
        "activities": [
            {
                "title": "Oppstart kollektiv kompetanseutvikling i skole",
                "description": "1 time digital veiledning pr kommune med utgangspunkt i lokalt "
                "valgt tema og enhetens mål for kollektiv kompetanseutvikling.",
                "when": "Uke 37 (SePU avtaler tidspunkt med kommunalt nivå)",
                "kind": "supervision",
                "format": "digital",
                "target": "Ledere og PPT, og alle ansatte skole og SePU",
                "kinds": ["skole", "ppt"],
                "roles": ["leaders", "all_staff"],
                "municipalities": [
                    "Tana",
                    "Vardø",
                    "Nesseby",
                    "Berlevåg",
                    "Båtsfjord",
                    "Sør-Varanger",
                ],
            },
            {
                "title": "Læringskaravane – analyse PA",
                "description": "Kollektiv kompetanseutvikling og støttesystemer\n12 skole "
                "(4 grupper)",
                "when": "Uke 44 (Digital)",
                "kind": "session",
                "format": "digital",
                "target": "Skolens ledelse, PPT, RSK Øst-Finnmark og SePU",
                "kinds": ["skole", "ppt"],
                "roles": ["leaders"],
            },
            {
                "title": "Felles planleggingsdag – Digitalt fagtorg",
                "description": "Filmer, ledes lokalt i enhetene",
                "when": "17.november",
                "kind": "session",
                "format": "digital",
                "target": "Alle ansatte øvrige skoler RSK ØF og SePU (PPT)",
                "kinds": ["skole"],
                "roles": ["all_staff"],
            },
        ],
    },
    {
        "number": 4,
        "title": "Samlinger for PPT",
        "how": "Fysiske og digitale samlinger for alle ansatte i PPT",
        "scheme": "ppt",
        "kinds": ["ppt"],
        "roles": ["all_staff"],
        "when": "Høst 2025 – vår 2026",
        "activities": [
            {
                "title": "Samling PPT",
                "when": "14.oktober",
                "kind": "session",
                "target": "Alle ansatte PPT, eiere og SePU",
                "kinds": ["ppt"],
                "roles": ["all_staff", "owners"],
            },
            {
                "title": "Digital samling for PPT",
                "when": "Nov/des.",
                "kind": "webinar",
                "format": "digital",
                "target": "Alle ansatte PPT og SePU",
                "kinds": ["ppt"],
                "roles": ["all_staff"],
            },
            {
                "title": "Samling for PPT",
                "when": "11.mai",
                "kind": "session",
                "target": "Alle ansatte PPT, eiere og SePU",
                "kinds": ["ppt"],
                "roles": ["all_staff", "owners"],
            },
        ],
    },
    {
        "number": 5,
        "title": "Nettverkssamlinger lunsj til lunsj",
        "how": "Nettverksarbeid i regionen, lokal kompetanseutvikling",
        "scheme": "kompetanseloftet",
        "kinds": [],
        "roles": ["owners", "leaders"],
        "when": "Høst 2025 – vår 2026",
        "activities": [
            {
                "title": "Lunsj til lunsj-nettverkssamling høst i Kirkenes, lokal "
                "kompetanseutvikling – oppstart av året",
                "when": "15.-16.oktober (lunsj-lunsj)",
                "kind": "network",
                "location": "Kirkenes",
                "target": "Eiere, ledere og PPT og SePU",
                "roles": ["owners", "leaders"],
                "kinds": [],
            },
            {
                "title": "Lunsj til lunsj-nettverkssamling i Kirkenes, lokal kompetanseutvikling",
                "description": "Nettverksarbeid i regionen",
                "when": "12-13.mai (lunsj til lunsj)",
                "kind": "network",
                "location": "Kirkenes",
                "target": "Eiere, ledere og PPT, SePU",
                "roles": ["owners", "leaders"],
                "kinds": [],
            },
        ],
    },
    {
        "number": 6,
        "title": "Kommunebesøk",
        "how": "Kommunene besøker hverandre (X kommune/ansatt deltar i Y kommune/enhet)",
        "scheme": "kompetanseloftet",
        "kinds": ["barnehage", "skole", "ppt"],
        "roles": ["owners", "leaders", "all_staff"],
        "when": "Vår 2026",
        "activities": [
            {
                "title": "Film – forberedelse til kommunebesøk",
                "when": "Jan/feb.",
                "kind": "other",
                "format": "digital",
                "target": "Eiere og ledere i barnehage, skole og PPT (alle ansatte?) Se "
                "rammeverk kommunebesøk (X kommune/ansatt deltar i Y kommune/enhet).",
                "roles": ["owners", "leaders"],
                "kinds": ["barnehage", "skole", "ppt"],
            },
            {
                "title": "Kommunebesøk",
                "when": "Uke 16",
                "kind": "visit",
                "target": "Eiere, ledere og alle ansatte i barnehage, skole og PPT",
                "roles": ["owners", "leaders", "all_staff"],
                "kinds": ["barnehage", "skole", "ppt"],
            },
            {
                "title": "Film – evaluering kommunebesøk og forberedelse til nettverkssamling mai",
                "when": "Uke 17",
                "kind": "other",
                "format": "digital",
                "target": "Eiere, ledere, PPT alle barnehager, skoler i RSK ØF og SePU",
                "roles": ["owners", "leaders"],
                "kinds": ["barnehage", "skole", "ppt"],
            },
        ],
    },
]
