# ruff: noqa: E501  (the forms' own wording, kept whole)
"""The needs report forms Statsforvalteren uses, as data: the 2023 form (seed 003) and the
2026–27 form (seed 002), every question with its number and wording.

`install_form(county, FORM_2023)` creates a ReportTemplate from a definition. A county
admin changes templates through Lokomp afterwards; these are only the starting points.
"""

from __future__ import annotations

import re

from django.db import transaction

from lokomp.registry.models import County

from .models import Question, QuestionKind, ReportTemplate, TemplateSection

K = QuestionKind

INTRO_2023 = (
    "Behovsmeldingen må ta utgangspunkt i retningslinjene for tilskuddsordningen for lokal "
    "kompetanseutvikling og skal være forankret i lokale behov. Se Langsiktig plan for "
    "Kompetanseløftet for informasjon om ordningen og om hvordan samarbeidsforum vil prioritere "
    "tildeling av midlene.\n\nDet skal leveres en behovsmelding for hvert "
    "kompetanseutviklingsarbeid, per år. Dersom man ser utviklingsarbeidet i kompetanseløftet i "
    "sammenheng med tiltak innenfor Dekomp og Rekomp, må dette beskrives i behovsmeldingen.\n\n"
    "Størst mulig grad av forutsigbarhet er ønskelig i ordningen. Partnerskapet kan planlegge "
    "tiltak som skal vare over lengre tid enn ett år. Samarbeidsforumet kan kun innstille "
    "tildeling av midler for ett år av gangen, men kan gi tilsagn om tildeling i inntil 3 år. Det "
    "tas forbehold om eventuelle endringer i rammene i Statsbudsjettet.\n\nDet er anledning til å "
    "melde behov for midler til en koordinatorfunksjon. Dette må være i begrenset omfang og i "
    "sammenheng med kompleksiteten til kompetanseutviklingsarbeidet. Behovet for koordinator må "
    "beskrives tydelig ved utfylling av bruk av tilskuddsmidler. Det må gå frem av "
    "behovsmeldingen hvor mye av midlene som skal gå til koordinator."
)

# (number, title, help, [(number, text, kind, options), ...])
FORM_2023 = {
    "year": 2023,
    "title": "Behovsmelding for 2023 på tilskuddsordning for lokal kompetanseutvikling – "
    "Kompetanseløftet for spesialpedagogikk og inkluderende praksis",
    "introduction": INTRO_2023,
    "sections": [
        (
            "1",
            "Kontaktinformasjon og bekreftelse",
            "",
            [
                (
                    "1.1",
                    "Oppgi navn, arbeidssted og telefonnummer til kontaktperson for "
                    "behovsmeldingen:",
                    K.TEXT,
                    {},
                ),
                ("1.2", "Kontaktpersonens e-postadresse:", K.TEXT, {}),
                (
                    "1.3",
                    "Jeg bekrefter at behovsmeldingen er laget i partnerskap med eiere og "
                    "UH-institusjoner som inngår i partnerskapet.",
                    K.CONFIRMATION,
                    {},
                ),
                (
                    "1.4",
                    "Deltar dere som eiere i noen andre kompetanseutviklingsarbeid utenom "
                    "kompetanseløftet? Hvis ja; hvilke?",
                    K.YES_NO_TEXT,
                    {},
                ),
            ],
        ),
        (
            "2",
            "Partnerskapet som samarbeider om kompetanseutviklingen",
            "Oppgi hvilke eiere av skoler og/eller barnehager og UH som samarbeider om "
            "kompetanseutviklingen. Dersom partnerskapet omfatter flere eiere i et nettverk eller "
            "en region, navngi de eierne som deltar i dette kompetanseutviklingsarbeidet.",
            [
                (
                    "2.1",
                    "Navn på deltakende eier som skal motta midlene (herunder "
                    "utbetalingsinformasjon som adresse, organisasjonsnummer og kontonummer, "
                    "referansenr. /hva utbetalingen skal merkes med):",
                    K.PARTNERS,
                    {"part": "funds_owner"},
                ),
                (
                    "2.2",
                    "Navn på andre deltakende kommunale/private/fylkeskommunale eiere:",
                    K.PARTNERS,
                    {"part": "other_owners"},
                ),
                (
                    "2.3",
                    "Navn på deltakende universitet og/eller høgskoler (herunder kontaktperson "
                    "og utbetalingsinformasjon (adresse, organisasjonsnummer og kontonummer, "
                    "Referansenr. /hva utbetalingen skal merkes med:) til U/H):",
                    K.PARTNERS,
                    {"part": "uh"},
                ),
                (
                    "2.4",
                    "Hvor mange kommunale grunnskoler skal delta/deltar i "
                    "kompetanseutviklingsarbeidet?",
                    K.NUMBERS_PER_MUNICIPALITY,
                    {"unit_kind": "skole", "owner_kind": "municipal"},
                ),
                (
                    "2.5",
                    "Hvor mange private grunnskoler skal delta/deltar i "
                    "kompetanseutviklingsarbeidet?",
                    K.NUMBERS_PER_MUNICIPALITY,
                    {"unit_kind": "skole", "owner_kind": "private"},
                ),
                (
                    "2.6",
                    "Hvor mange fylkeskommunale videregående skoler skal delta/deltar i "
                    "kompetanseutviklingsarbeidet?",
                    K.TEXT,
                    {"optional": True},
                ),
                (
                    "2.7",
                    "Hvor mange private eller statlige videregående skoler skal delta/deltar i "
                    "kompetanseutviklingsarbeidet?",
                    K.TEXT,
                    {"optional": True},
                ),
                (
                    "2.8",
                    "Hvor mange lærebedrifter skal delta/deltar i tiltaket?",
                    K.TEXT,
                    {"optional": True},
                ),
                (
                    "2.9",
                    "Hvor mange kommunale barnehager skal delta/deltar i "
                    "kompetanseutviklingsarbeidet?",
                    K.NUMBERS_PER_MUNICIPALITY,
                    {"unit_kind": "barnehage", "owner_kind": "municipal"},
                ),
                (
                    "2.10",
                    "Hvor mange private barnehager skal delta/deltar i "
                    "kompetanseutviklingsarbeidet?",
                    K.NUMBERS_PER_MUNICIPALITY,
                    {"unit_kind": "barnehage", "owner_kind": "private"},
                ),
                (
                    "2.11",
                    "Hvilke PPT kontorer skal delta/deltar i kompetanseutviklingsarbeidet, og "
                    "på hvilken måte skal de delta/deltar de?",
                    K.PARTNERS,
                    {"part": "units", "unit_kind": "ppt"},
                ),
                (
                    "2.12",
                    "Hvilke barnevernskontor skal delta/deltar i kompetanseutviklingsarbeidet?",
                    K.PARTNERS,
                    {"part": "units", "unit_kind": "barnevern"},
                ),
                (
                    "2.13",
                    "Hvilke helsestasjoner skal delta/deltar i kompetanseutviklingsarbeidet?",
                    K.PARTNERS,
                    {"part": "units", "unit_kind": "helsestasjon"},
                ),
                (
                    "2.14",
                    "Er det andre som skal delta/deltar i kompetanseutviklingsarbeidet?",
                    K.TEXT,
                    {"optional": True},
                ),
                (
                    "2.15",
                    "Dersom Statped skal være involvert/er involvert, beskriv hvordan.",
                    K.TEXT,
                    {"optional": True},
                ),
            ],
        ),
        (
            "3",
            "Bruk av tilskuddsmidler",
            "Vi ber om en oversikt over hvor mye av det totale tilskuddet som planlegges brukt på "
            "henholdsvis å vurdere kompetansebehov, å planlegge og utvikle kompetansetiltak og å "
            "gjennomføre kompetansetiltak, og når man planlegger å iverksette de ulike delene av "
            "utviklingsarbeidet. Fyll ut det totale tilskuddsbehovet som partnerskapet har knyttet "
            "til dette utviklingsarbeidet. (Summen av punkt 3.1 og 3.2 skal tilsvare summen av "
            "punktene 3.3 til og med punkt 3.6)",
            [
                (
                    "3.1–3.6",
                    "Totalt tilskudd som eier(ne) og universitet og/eller høgskole ber om, "
                    "per år tiltakene skal vare, og hvor mye som skal brukes på å kartlegge/vurdere "
                    "kompetansebehov (3.3), planlegge og utvikle kompetansetiltak (3.4), "
                    "gjennomføre kompetansetiltak (3.5) og koordinatorfunksjon (3.6).",
                    K.BUDGET,
                    {"years": 3},
                ),
                (
                    "3.6.1",
                    "Redegjørelse for hvorfor det er nødvendig med koordinator:",
                    K.COORDINATOR_REASON,
                    {"optional": True},
                ),
            ],
        ),
        (
            "4",
            "Vurdering av kompetansebehov",
            "Kompetanseløftet skal ivareta kompetansebehov innenfor områdene; Spesialpedagogiske "
            "områder, Inkludering, Tverrfaglig samhandling og organisering, Ledelse og "
            "organisasjonsutvikling",
            [
                (
                    "4.1",
                    "Hva er tema for kompetanseutviklingsarbeidet deres og hvorfor er temaet "
                    "valgt (kunnskapsgrunnlag)?",
                    K.TEXT,
                    {},
                ),
                (
                    "4.2",
                    "Hvordan er utviklingsarbeidet forankret i lokale behov i deres "
                    "kommune/kommuner, og hvordan har barn/elever, ansatte og tillitsvalgte i de "
                    "deltakende virksomhetene medvirket?",
                    K.TEXT,
                    {},
                ),
                (
                    "4.3",
                    "Hvordan er samiske perspektiver ivaretatt i de lokale prioriteringene av "
                    "kompetansebehov?",
                    K.TEXT,
                    {},
                ),
            ],
        ),
        (
            "5",
            "Mål, gjennomføring og måloppnåelse",
            "",
            [
                (
                    "5.1",
                    "Hva er målet med å delta i kompetanseløftet for spesialpedagogikk og "
                    "inkluderende praksis? (skriv opp langsiktige mål og delmål)",
                    K.GOALS,
                    {},
                ),
                (
                    "5.2",
                    "Hvilke tiltak vil dere sette i gang for å oppnå de ulike målene? (dersom "
                    "dere allerede er med i løftet, skriv hvilke tiltak dere har gjort til nå, og hva "
                    "de videre tiltakene vil være)",
                    K.TEXT,
                    {},
                ),
                (
                    "5.3",
                    "Hvordan skal eier(e) og universitet/høgskole samarbeide i de ulike fasene "
                    "(dersom dere allerede er med i løftet, skriv om de gjenstående fasene) – hva skal "
                    "hver av partnerne gjøre, estimat tidsbruk for hver av partene, innhold i "
                    "tiltakene? Konkretiseringsavtale eller plan for partnerskapet ettersendes når den "
                    "er ferdigstilt.",
                    K.MEASURES,
                    {},
                ),
                (
                    "5.4",
                    "Hvordan tenker dere å vurdere måloppnåelsen ved utviklingsarbeidets slutt, "
                    "og underveis?",
                    K.TEXT,
                    {},
                ),
                ("5.5", "Hvem er målgruppen(e) for tiltakene?", K.TEXT, {}),
                ("5.6", "Oppgi oppstartstidspunkt for kompetansetiltakene.", K.PERIOD, {}),
                ("5.7", "Oppgi planlagt sluttidspunkt for kompetansetiltakene.", K.PERIOD, {}),
                (
                    "5.8",
                    "Hvordan skal universitet/høgskole bruke erfaringene gjennom partnerskapet "
                    "som bidrag til å videreutvikle lærerutdanningen?",
                    K.TEXT,
                    {},
                ),
                (
                    "5.9",
                    "Beskriv kort partnerskapets vurdering av hvordan tiltakene skal bidra til "
                    "kollektiv utvikling i barnehager, skoler, PPT eller andre i laget rundt barna.",
                    K.TEXT,
                    {},
                ),
            ],
        ),
        (
            "6",
            "Tilleggsinformasjon",
            "",
            [
                (
                    "6.1",
                    "Beskriv eventuelle sammenhenger mellom dette kompetansetiltaket og andre "
                    "kompetansetiltak (Desentralisert ordning for grunnskoler og videregående skoler, "
                    "Regional ordning for kompetanseutvikling i barnehage og Oppfølgingsordningen "
                    "e.l.)",
                    K.TEXT,
                    {"optional": True},
                ),
                (
                    "6.2",
                    "Legg til eventuelle kommentarer eller relevant tilleggsinformasjon.",
                    K.TEXT,
                    {"optional": True},
                ),
            ],
        ),
    ],
}

FORM_2026 = {
    "year": 2026,
    "title": "Behovsmelding 2026–2027",
    "introduction": "",
    "sections": [
        (
            "",
            "Partnerskap",
            "",
            [
                ("1", "Partnerskap", K.PARTNERS, {"part": "summary"}),
                ("2", "Innledning", K.TEXT, {"word_limit": 50}),
                ("3", "Oppstart og slutt", K.PERIOD, {}),
            ],
        ),
        (
            "",
            "Vurdering av kompetansebehov",
            "",
            [
                ("4", "Tema", K.TEXT, {}),
                ("5", "Hvorfor temaet er valgt – utfordringsbildet", K.TEXT, {}),
                ("6", "Inkluderende prosesser", K.TEXT, {}),
                ("7", "Samiske perspektiver", K.TEXT, {}),
            ],
        ),
        (
            "",
            "Mål, gjennomføring og måloppnåelse",
            "",
            [
                ("8", "Langsiktige mål", K.GOALS, {"level": "long_term"}),
                ("9", "Delmål {year}", K.GOALS, {"level": "sub"}),
                ("10", "Tiltak {year}", K.MEASURES, {}),
                ("11", "PPT sin rolle", K.TEXT, {}),
                ("12", "Evaluering", K.TEXT, {}),
                ("13", "Målgruppe", K.TEXT, {}),
                ("14", "Kollektive prosesser", K.TEXT, {}),
                ("15", "UH-sektorens rolle", K.TEXT, {}),
            ],
        ),
        (
            "",
            "Budsjett og koordinator",
            "Budsjettet ble tidligere sendt som vedlegg; i Lokomp fylles det ut her, med de samme "
            "reglene som i skjemaet for 2023.",
            [
                ("", "Budsjett", K.BUDGET, {"years": 3}),
                ("", "Koordinator", K.COORDINATOR_REASON, {"optional": True}),
            ],
        ),
        (
            "",
            "Oppsummering",
            "",
            [
                ("", "Oppsummering", K.TEXT, {}),
                (
                    "",
                    "Jeg bekrefter at behovsmeldingen er laget i partnerskap med eiere og "
                    "UH-institusjoner som inngår i partnerskapet.",
                    K.CONFIRMATION,
                    {},
                ),
            ],
        ),
    ],
}


@transaction.atomic
def install_form(county: County, definition: dict) -> ReportTemplate:
    year = definition["year"]
    label = f"{year}–{year + 1}"
    template = ReportTemplate.objects.create(
        county=county,
        year=year,
        title=definition["title"],
        introduction=definition["introduction"],
    )
    for s_order, (number, title, help_text, questions) in enumerate(definition["sections"]):
        section = TemplateSection.objects.create(
            template=template, number=number, title=title, help_text=help_text, order=s_order
        )
        for q_order, (q_number, text, kind, options) in enumerate(questions):
            options = dict(options)
            Question.objects.create(
                section=section,
                number=q_number,
                text=text.replace("{year}", label),
                kind=kind,
                word_limit=options.pop("word_limit", None),
                required=not options.pop("optional", False),
                options=options,
                order=q_order,
            )
    return template


def move_years(text: str, years: int) -> str:
    """Every year in a text moved on: "Behovsmelding 2026–2027" → "Behovsmelding 2027–2028"."""
    return re.sub(r"\b(19|20)(\d\d)\b", lambda m: str(int(m.group(0)) + years), text)


@transaction.atomic
def template_copy(*, template: ReportTemplate, year: int) -> ReportTemplate:
    """Next year's form as a copy of this one, for the county admin to change. Years named
    in the title and the questions ("Delmål 2026–2027") move on with it."""
    years = year - template.year
    copy = ReportTemplate.objects.create(
        county=template.county,
        year=year,
        title=move_years(template.title, years),
        introduction=template.introduction,
        copied_from=template,
    )
    for section in template.sections.prefetch_related("questions"):
        questions = list(section.questions.all())
        section.pk = None
        section.template = copy
        section.save()
        for question in questions:
            question.pk = None
            question.section = section
            question.text = move_years(question.text, years)
            question.save()
    return copy
