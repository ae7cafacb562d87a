"""Builds the demo data from the seeds. Idempotent: a second run changes nothing."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from lokomp.accounts.models import Role, RoleAssignment, Side, User
from lokomp.core.validators import ORG_NUMBER_WEIGHTS, mod11_check_digit
from lokomp.core.when import parse_when
from lokomp.partnerships.models import (
    CountyShare,
    Partnership,
    PartnershipInstitution,
    PartnershipOwner,
    Scheme,
    SteeringGroupMember,
)
from lokomp.plans.models import (
    ActionPlan,
    Activity,
    Goal,
    GoalLevel,
    Measure,
    Responsibility,
    Track,
)
from lokomp.registry.models import (
    County,
    Institution,
    InstitutionKind,
    Municipality,
    Owner,
    OwnerKind,
    Unit,
    UnitKind,
)

from . import seeds

DEMO_PASSWORD = "lokomp-demo"

SCHEMES = [
    # code, name, colour label, colour
    ("rekomp", "Rekomp", "Barnehage", "#e0a100"),
    ("dekomp", "Dekomp", "Skole", "#2f6fd0"),
    ("ppt", "Kompetanseløftet – PPT", "PPT", "#8a4fc2"),
    ("kompetanseloftet", "Kompetanseløftet", "Kompetanseløftet (alle)", "#1f8a5a"),
]

# Scheme rules as data: Dekomp requires the owners to co-finance 30 % of the grant.
CO_FINANCING = {"dekomp": 30}

# Real organisation numbers from the seeds (public facts); the rest are made up below.
KNOWN_ORG_NUMBERS = {"Harstad kommune": "972417971", "UiT Norges arktiske universitet": "970422528"}


# Staff as counted on 1 October, as in the national statistics (GSI, BASIL).
STAFF_COUNTED_ON = date(2025, 10, 1)


@dataclass(frozen=True)
class DemoUser:
    username: str
    first_name: str
    last_name: str
    description: str


# Every person is invented.
DEMO_USERS = [
    DemoUser(
        "statsforvalter", "Ingrid", "Solbakken", "Statsforvalteren i Troms og Finnmark (Troms)"
    ),
    DemoUser("forum", "Per Olav", "Lyngmo", "medlem av samarbeidsforum i Troms (KS)"),
    DemoUser(
        "forum.harstad", "Kari", "Johansen", "medlem av samarbeidsforum i Troms (Harstad kommune)"
    ),
    DemoUser("koordinator", "Marte", "Fjellheim", "koordinator Sør-Troms og Evenes, eiersiden"),
    DemoUser("koordinator.uit", "Jonas", "Aksnes", "koordinator Sør-Troms og Evenes, UH-siden"),
    DemoUser("koordinator.ost", "Sara", "Nilsen Hætta", "koordinator Øst-Finnmark"),
    DemoUser("eier.harstad", "Tor", "Mikkelsen", "kontaktperson for Harstad kommune"),
    DemoUser("rektor", "Hilde", "Brattli", "rektor ved Kanebogen skole"),
    DemoUser("ansatt", "Emil", "Rasmussen", "lærer ved Kanebogen skole"),
    DemoUser("nordland", "Astrid", "Haugland", "Statsforvalteren i Nordland"),
    DemoUser("direktorat", "Lars", "Vik", "Utdanningsdirektoratet (nasjonal oversikt)"),
]


# The themes of seed 003's competence mapping, with statements in the demo's own words.
SURVEY_QUESTIONS = """# Inkluderende praksis
Jeg tilpasser undervisningen eller aktivitetene slik at alle barn kan delta.
Vi har felles forståelse av hva inkludering betyr hos oss.
# Tverrfaglig samarbeid
Jeg vet når og hvordan jeg skal ta kontakt med PPT.
Samarbeidet med helsestasjon og barnevern fungerer godt.
# Ledelse
Ledelsen setter av tid til felles utviklingsarbeid.
# Spesialpedagogisk kompetanse
Jeg har kunnskap om tiltak for barn med sammensatte behov.
Åpent: Hva trenger du mest kompetanse på framover?
"""


SURVEY_WISHES = [
    "Mer om samarbeid med foreldre når et barn strever.",
    "Hvordan vi lager gode overganger mellom barnehage og skole.",
    "Praktiske tiltak i klasserom med mye uro.",
]


def invented_org_number(rng: random.Random) -> str:
    """A nine-digit number with a valid MOD11 check digit, starting with 9 as the
    registry's do. Invented: the demo does not pretend to know real ones."""
    while True:
        body = "9" + "".join(str(rng.randint(0, 9)) for _ in range(7))
        digit = mod11_check_digit(body, ORG_NUMBER_WEIGHTS)
        if digit is not None:
            return body + str(digit)


def _split(total: int, parts: int, rng: random.Random, low: int, high: int) -> list[int]:
    """`parts` whole numbers in [low, high]-ish proportions that sum to exactly `total`."""
    weights = [rng.randint(low, high) for _ in range(parts)]
    scale = total / sum(weights)
    values = [max(1, int(w * scale)) for w in weights]
    values[0] += total - sum(values)
    return values


class Builder:
    def __init__(self) -> None:
        self.rng = random.Random(2025)
        self.counties: dict[str, County] = {}
        self.municipalities: dict[str, Municipality] = {}
        self.owners: dict[str, Owner] = {}
        self.institutions: dict[str, Institution] = {}
        self.schemes: dict[str, Scheme] = {}
        self.units: dict[str, Unit] = {}

    # -- registry -------------------------------------------------------------------------

    def registry(self) -> None:
        for number, name, governor in [
            ("55", "Troms", "Statsforvalteren i Troms og Finnmark"),
            ("56", "Finnmark", "Statsforvalteren i Troms og Finnmark"),
            ("18", "Nordland", "Statsforvalteren i Nordland"),
        ]:
            self.counties[number] = County.objects.create(
                number=number, name=name, governor_name=governor
            )
        for number, name, county, *_counts in seeds.SOR_TROMS_MUNICIPALITIES:
            self._municipality(number, name, county)
        for number, name in seeds.OST_FINNMARK_MUNICIPALITIES:
            self._municipality(number, name, "56")
        for code, name, label, colour in SCHEMES:
            self.schemes[code] = Scheme.objects.create(
                code=code,
                name=name,
                label=label,
                colour=colour,
                order=len(self.schemes),
                co_financing_percent=CO_FINANCING.get(code),
            )
        for short, name, kind, county in [
            ("UiT", "UiT Norges arktiske universitet", InstitutionKind.UNIVERSITY, "55"),
            (
                "SNU",
                "SNU – Senter for nevrobiologisk utviklingspsykologi",
                InstitutionKind.CENTRE,
                None,
            ),
            (
                "SePU",
                "SePU – Senter for praksisrettet utdanningsforskning, Høgskolen i Innlandet",
                InstitutionKind.CENTRE,
                None,
            ),
            (
                "RSK Øst-Finnmark",
                "Regionalt støttesystem for kompetanseutvikling Øst-Finnmark",
                InstitutionKind.CENTRE,
                "56",
            ),
        ]:
            self.institutions[short] = Institution.objects.create(
                short_name=short,
                name=name,
                kind=kind,
                county=self.counties.get(county) if county else None,
                org_number=KNOWN_ORG_NUMBERS.get(name, invented_org_number(self.rng)),
            )

    def _municipality(self, number: str, name: str, county: str) -> None:
        municipality = Municipality.objects.create(
            number=number, name=name, county=self.counties[county]
        )
        self.municipalities[name] = municipality
        owner_name = f"{name} kommune"
        self.owners[owner_name] = Owner.objects.create(
            name=owner_name,
            kind=OwnerKind.MUNICIPAL,
            municipality=municipality,
            org_number=KNOWN_ORG_NUMBERS.get(owner_name, invented_org_number(self.rng)),
        )

    def _unit(self, name: str, kind: str, owner: Owner, municipality: str, staff: int) -> Unit:
        unit = Unit.objects.create(
            name=name,
            kind=kind,
            owner=owner,
            municipality=self.municipalities[municipality],
            staff_count=staff,
            staff_counted_on=STAFF_COUNTED_ON,
        )
        self.units[name] = unit
        return unit

    def sor_troms_units(self) -> None:
        planned: list[tuple[str, str, Owner, str]] = []
        for (
            _number,
            name,
            _county,
            schools,
            kindergartens,
            _private,
        ) in seeds.SOR_TROMS_MUNICIPALITIES:
            owner = self.owners[f"{name} kommune"]
            assert len(seeds.SCHOOL_NAMES[name]) == schools
            assert len(seeds.KINDERGARTEN_NAMES[name]) == kindergartens
            planned += [(u, UnitKind.SCHOOL, owner, name) for u in seeds.SCHOOL_NAMES[name]]
            planned += [
                (u, UnitKind.KINDERGARTEN, owner, name) for u in seeds.KINDERGARTEN_NAMES[name]
            ]
        for owner_name, unit_name, municipality in seeds.PRIVATE_KINDERGARTENS:
            owner = self.owners.get(owner_name) or self._private_owner(owner_name, municipality)
            planned.append((unit_name, UnitKind.KINDERGARTEN, owner, municipality))
        owner_name, unit_name, municipality = seeds.PRIVATE_SCHOOL
        planned.append(
            (
                unit_name,
                UnitKind.SCHOOL,
                self._private_owner(owner_name, municipality),
                municipality,
            )
        )
        staff = _split(
            seeds.SOR_TROMS_STAFF_TOTAL - seeds.SOR_TROMS_PPT_STAFF, len(planned), self.rng, 10, 40
        )
        for (name, kind, owner, municipality), count in zip(planned, staff, strict=True):
            self._unit(name, kind, owner, municipality, count)
        harstad = self.owners["Harstad kommune"]
        self._unit("PPT Harstad", UnitKind.PPT, harstad, "Harstad", seeds.SOR_TROMS_PPT_STAFF)
        # SFO at the primary schools, and the services around the child (seed 003 §2.12–2.13).
        for school in (
            "Kanebogen skole",
            "Medkila skole",
            "Seljestad barneskole",
            "Borkenes skole",
            "Evenskjer skole",
        ):
            unit = self.units[school]
            self._unit(
                f"{school} SFO",
                UnitKind.SFO,
                unit.owner,
                unit.municipality.name,
                self.rng.randint(4, 9),
            )
        self._unit("Barneverntjenesten Harstad", UnitKind.CHILD_WELFARE, harstad, "Harstad", 38)
        for municipality in ("Harstad", "Kvæfjord", "Tjeldsund"):
            self._unit(
                f"Helsestasjonen {municipality}",
                UnitKind.HEALTH_CENTRE,
                self.owners[f"{municipality} kommune"],
                municipality,
                self.rng.randint(4, 14),
            )

    def _private_owner(self, name: str, municipality: str) -> Owner:
        owner = Owner.objects.create(
            name=name,
            kind=OwnerKind.PRIVATE,
            municipality=self.municipalities[municipality],
            org_number=invented_org_number(self.rng),
        )
        self.owners[name] = owner
        return owner

    def ost_finnmark_units(self) -> None:
        # Seed 004 gives no counts: a few units per municipality, names made up.
        for _number, name in seeds.OST_FINNMARK_MUNICIPALITIES:
            owner = self.owners[f"{name} kommune"]
            for kind, label in ((UnitKind.KINDERGARTEN, "barnehage"), (UnitKind.SCHOOL, "skole")):
                for suffix in ("sentrum", "nord"):
                    self._unit(
                        f"{name} {suffix} {label}", kind, owner, name, self.rng.randint(12, 45)
                    )
            self._unit(f"PPT {name}", UnitKind.PPT, owner, name, self.rng.randint(3, 9))

    # -- partnerships ------------------------------------------------------------------------

    def sor_troms(self) -> Partnership:
        partnership = Partnership.objects.create(
            name="Region Sør-Troms og Evenes",
            slug="sor-troms-evenes",
            county=self.counties["55"],
            description=seeds.SOR_TROMS_INTRO,
        )
        partnership.schemes.set([self.schemes["kompetanseloftet"]])
        members = {
            u.owner
            for u in self.units.values()
            if u.municipality.name in {m[1] for m in seeds.SOR_TROMS_MUNICIPALITIES}
        }
        for owner in sorted(members, key=lambda o: o.name):
            PartnershipOwner.objects.create(
                partnership=partnership,
                owner=owner,
                receives_funds=owner.name == "Harstad kommune",
            )
        PartnershipInstitution.objects.create(
            partnership=partnership,
            institution=self.institutions["UiT"],
            role="UH-partner, faglig ansvarlig sammen med SNU",
            receives_funds=True,
        )
        PartnershipInstitution.objects.create(
            partnership=partnership,
            institution=self.institutions["SNU"],
            role="Kompetansesenter, faglig ansvar for dialogsamlinger og veiledning",
        )
        CountyShare.objects.create(
            partnership=partnership,
            county=self.counties["18"],
            percent=8,
            note="Evenes kommune sender behovsmelding for sin andel til Statsforvalteren i "
            "Nordland; UiT har skilt ut 8 % av det totale beløpet.",
        )
        for order, (name, organisation, role) in enumerate(
            [
                ("Line Storvik", "Harstad kommune", "leder"),
                ("Ove Bakkeby", "Kvæfjord kommune", ""),
                ("Randi Elvevoll", "Ibestad kommune", ""),
                ("Geir Sandmo", "Tjeldsund kommune", ""),
                ("Anne Karin Moe", "Evenes kommune", ""),
                ("Jonas Aksnes", "UiT Norges arktiske universitet", "UH-koordinator"),
                ("Liv Heggelund", "Utdanningsforbundet", "tillitsvalgt"),
            ]
        ):
            SteeringGroupMember.objects.create(
                partnership=partnership,
                name=name,
                organisation=organisation,
                role=role,
                order=order,
            )
        plan = ActionPlan.objects.create(
            partnership=partnership,
            school_year=2025,
            published=True,
            title="Tiltak kompetanseløftet Høst 25 – vår 26",
        )
        for data in seeds.SOR_TROMS_2025_MEASURES:
            self._measure(plan, data, scheme=self.schemes["kompetanseloftet"], goals=[])
        measures = {m.number: m for m in plan.measures.all()}
        for data in seeds.SOR_TROMS_2025_ACTIVITIES:
            self._activity(measures[data["measure"]], data)

        plan = ActionPlan.objects.create(
            partnership=partnership,
            school_year=2026,
            title="Tiltak 2026–2027",
            introduction="Region Sør-Troms og Evenes søker om videreføring og fullføring av et "
            "flerårig kompetanseløft innen inkluderende, reguleringsstøttende og "
            "traumeinformert praksis.",
        )
        for order, text in enumerate(seeds.SOR_TROMS_2026_LONG_TERM_GOALS):
            Goal.objects.create(plan=plan, level=GoalLevel.LONG_TERM, text=text, order=order)
        sub_goals = [
            Goal.objects.create(plan=plan, level=GoalLevel.SUB, text=text, order=order)
            for order, text in enumerate(seeds.SOR_TROMS_2026_SUB_GOALS)
        ]
        for data in seeds.SOR_TROMS_2026_MEASURES:
            self._measure(
                plan,
                data,
                scheme=self.schemes["kompetanseloftet"],
                goals=[sub_goals[i] for i in data["goals"]],
            )
        measures = {m.number: m for m in plan.measures.all()}
        for data in seeds.SOR_TROMS_2026_ACTIVITIES:
            self._activity(measures[data["measure"]], data)
        return partnership

    def ost_finnmark(self) -> Partnership:
        partnership = Partnership.objects.create(
            name="Øst-Finnmark",
            slug="ost-finnmark",
            county=self.counties["56"],
            description="Samarbeid om lokal kompetanseutvikling i barnehage, skole og PPT i "
            "Øst-Finnmark, med SePU og RSK Øst-Finnmark.",
        )
        partnership.schemes.set(list(self.schemes.values()))
        for _number, name in seeds.OST_FINNMARK_MUNICIPALITIES:
            PartnershipOwner.objects.create(
                partnership=partnership,
                owner=self.owners[f"{name} kommune"],
                receives_funds=name == "Vadsø",
            )
        PartnershipInstitution.objects.create(
            partnership=partnership,
            institution=self.institutions["SePU"],
            role="UH-partner",
            receives_funds=True,
        )
        PartnershipInstitution.objects.create(
            partnership=partnership,
            institution=self.institutions["RSK Øst-Finnmark"],
            role="Regionalt støttesystem",
        )
        plan = ActionPlan.objects.create(
            partnership=partnership,
            school_year=2025,
            published=True,
            title="Handlingsplan for lokal kompetanseutvikling Øst-Finnmark",
            introduction=seeds.OST_FINNMARK_INTRO,
            approval_note="Godkjent med justeringer i styre- og evalueringsmøte 11. juni 2025",
            caveat="(Med forbehold om endringer)",
        )
        for data in seeds.OST_FINNMARK_MEASURES:
            measure = self._measure(
                plan,
                {**data, "responsibilities": [("SePU", "", "")]},
                scheme=self.schemes[data["scheme"]],
                goals=[],
            )
            for activity in data["activities"]:
                self._activity(measure, activity)
        return partnership

    def _measure(self, plan: ActionPlan, data: dict, *, scheme: Scheme, goals) -> Measure:
        measure = Measure(
            plan=plan,
            number=data["number"],
            title=data["title"],
            how=data.get("how", ""),
            rationale=data.get("rationale", ""),
            scheme=scheme,
            format=data.get("format", ""),
            target_text=data.get("target_text", ""),
            target_unit_kinds=data.get("kinds", []),
            target_roles=data.get("roles", []),
            target_scope=data.get("scope", "partnership"),
            target_size_stated=data.get("size"),
        )
        measure.set_when(parse_when(data["when"], plan.school_year), data["when"])
        measure.full_clean(exclude=["plan", "scheme"])
        measure.save()
        measure.goals.set(goals)
        measure.target_units.set([self.units[name] for name in data.get("units", [])])
        measure.target_municipalities.set(
            [self.municipalities[name] for name in data.get("municipalities", [])]
        )
        for order, (institution, party, task) in enumerate(data.get("responsibilities", [])):
            Responsibility.objects.create(
                measure=measure,
                institution=self.institutions[institution] if institution else None,
                party=party,
                task=task,
                order=order,
            )
        return measure

    def _activity(self, measure: Measure, data: dict) -> Activity:
        activity = Activity(
            measure=measure,
            title=data["title"],
            kind=data["kind"],
            description=data.get("description", ""),
            format=data.get("format", "physical"),
            location=data.get("location", ""),
            link=data.get("link", ""),
            scheme=self.schemes[data["scheme"]] if "scheme" in data else None,
            target_text=data.get("target", ""),
            target_unit_kinds=data.get("kinds", measure.target_unit_kinds),
            target_roles=data.get("roles", measure.target_roles),
            capacity=data.get("capacity"),
        )
        activity.set_when(parse_when(data["when"], measure.plan.school_year), data["when"])
        activity.save()
        activity.municipalities.set(
            [self.municipalities[name] for name in data.get("municipalities", [])]
        )
        for order, (title, audience) in enumerate(data.get("tracks", [])):
            Track.objects.create(
                activity=activity,
                title=title,
                audience=audience,
                order=order,
                speaker=["Kari Lund (SNU)", "Morten Eide (UiT)"][order % 2],
            )
        return activity

    def needs_reports(self, sor_troms: Partnership) -> None:
        """The forms of seeds 003 (2023) and 002 (2026–27), and Sør-Troms og Evenes' reports."""
        from lokomp.needs.standard_forms import FORM_2023, FORM_2026, install_form

        from .reports import build_reports

        troms = self.counties["55"]
        install_form(troms, FORM_2023)
        install_form(troms, FORM_2026)
        for number in ("56", "18"):
            install_form(self.counties[number], FORM_2026)
        build_reports(
            partnership=sor_troms,
            county=troms,
            scheme=self.schemes["kompetanseloftet"],
            user=User.objects.get(username="koordinator"),
            institutions=self.institutions,
        )
        self.round_2026(troms)

    def round_2026(self, troms: County) -> None:
        """Troms' round for 2026: the scheme's deadlines, an invitation and a frame for
        Kompetanseløftet (the amount is invented)."""
        from lokomp.allocation.models import Frame, Round

        the_round = Round.default(troms, 2026)
        the_round.invitation = (
            "Statsforvalteren i Troms inviterer partnerskapene til å sende behovsmelding for "
            "2026–2027. Behovsmeldingen skal være utarbeidet i partnerskap mellom eiere og "
            "UH, og forankret i samarbeidsforum."
        )
        the_round.full_clean()
        the_round.save()
        Frame.objects.create(
            round=the_round, scheme=self.schemes["kompetanseloftet"], amount=3_000_000
        )

    def forum(self) -> None:
        """Troms' criteria (the scheme's standard) and what the forum members represent:
        KS, and Harstad kommune (so conflicted for Sør-Troms og Evenes)."""
        from lokomp.allocation.forum import STANDARD_CRITERIA
        from lokomp.allocation.models import Criterion, ForumTie

        troms = self.counties["55"]
        for order, (number, text, kind) in enumerate(STANDARD_CRITERIA):
            Criterion.objects.create(
                county=troms,
                number=number,
                text=str(text),
                kind=kind,
                required=kind == "scale",
                order=order,
            )
        ForumTie.objects.create(
            user=User.objects.get(username="forum"), county=troms, organisation="KS"
        )
        ForumTie.objects.create(
            user=User.objects.get(username="forum.harstad"),
            county=troms,
            owner=self.owners["Harstad kommune"],
        )

    def staff(self) -> None:
        """Kanebogen skole's staff list (every name invented): six at work, one who left
        this summer, one new this autumn."""
        from lokomp.participation.models import Employee, StaffList

        unit = self.units["Kanebogen skole"]
        StaffList.objects.create(unit=unit)
        people = [
            ("Hilde Brattli", "rektor@lokomp.example", "leder", date(2015, 8, 1), None),
            ("Emil Rasmussen", "ansatt@lokomp.example", "laerer", date(2019, 8, 1), None),
            ("Siv Karlsen", "", "laerer", date(2012, 8, 1), None),
            ("Jon Eliassen", "", "spesialpedagog", date(2021, 1, 4), None),
            ("Mari Olsen", "", "assistent", date(2023, 8, 14), None),
            ("Tor Hansen", "", "fagarbeider", date(2018, 8, 1), None),
            ("Lise Berg", "", "laerer", date(2016, 8, 1), date(2026, 6, 30)),
            ("Nora Aas", "nora@kanebogen.example", "laerer", date(2026, 8, 12), None),
        ]
        Employee.objects.bulk_create(
            Employee(unit=unit, name=n, email=e, role=r, start_date=s, end_date=end)
            for n, e, r, s, end in people
        )
        from lokomp.participation.models import (
            CheckInCode,
            OnboardingProgramme,
            SignUp,
            SignUpStatus,
            StepDone,
        )
        from lokomp.participation.onboarding import save_steps
        from lokomp.plans.models import Activity

        # The basic package for new employees (seed 002, measure 1: four webinars with
        # reflection tasks). Nora Aas started in August and has done two of four.
        package = OnboardingProgramme.objects.create(
            partnership=Partnership.objects.get(slug="sor-troms-evenes"),
            title="Grunnpakke for nyansatte",
            description="Fire korte webinarer med refleksjonsoppgaver som tas i personalgruppa.",
            window_start=date(2025, 8, 1),
            due_days=90,
        )
        save_steps(
            package,
            [
                "Webinar 1: Hva er regulering?",
                "Webinar 2: Traumeinformert praksis",
                "Webinar 3: Trygge relasjoner i hverdagen",
                "Webinar 4: Samarbeid med hjemmet og PPT",
            ],
        )
        steps = list(package.steps.all())
        nora = Employee.objects.get(unit=unit, name="Nora Aas")
        for step in steps[:2]:
            StepDone.objects.create(step=step, employee=nora, done_on=date(2026, 9, 15))

        # The code shown in the hall at the August dialogue session (staff check in by it).
        CheckInCode.objects.create(
            activity=Activity.objects.get(title="Dialogsamling august 2026"), code="HSTD26"
        )
        # Emil was signed up for the first dialogue day of the 2025–26 plan.
        SignUp.objects.create(
            activity=Activity.objects.get(
                title="Dialogsamling dag 1", measure__plan__school_year=2025
            ),
            employee=Employee.objects.get(unit=unit, name="Emil Rasmussen"),
            status=SignUpStatus.CONFIRMED,
        )

    def participation(self) -> None:
        """Who took part, for the coverage figures (all invented): Kanebogen skole at the
        dialogue sessions of 2025 and 2026 (none at the first day of 2025, and Nora Aas,
        new, not in August), one assistant who has done the basic package,
        and supervision of the two units measure 4 of the 2026–27 plan selects; Hemmestad
        skole keeps counts only."""
        from lokomp.participation.models import (
            Attendance,
            Employee,
            Network,
            NetworkMeeting,
            OnboardingStep,
            SessionFormat,
            StaffList,
            StepDone,
            Supervision,
            SupervisionSession,
        )
        from lokomp.plans.models import Activity, Measure

        kanebogen = self.units["Kanebogen skole"]
        staff = {e.name: e for e in Employee.objects.filter(unit=kanebogen)}
        august = Activity.objects.get(title="Dialogsamling august 2026")
        school_track = august.tracks.get(title="Fra uro til ro i klasserommet")
        for name in (
            "Hilde Brattli",
            "Emil Rasmussen",
            "Siv Karlsen",
            "Jon Eliassen",
            "Tor Hansen",
        ):
            Attendance.objects.create(
                activity=august, track=school_track, unit=kanebogen, employee=staff[name]
            )
        day_two = Activity.objects.get(title="Dialogsamling dag 2", measure__plan__school_year=2025)
        for name in ("Hilde Brattli", "Siv Karlsen", "Lise Berg", "Tor Hansen"):
            Attendance.objects.create(activity=day_two, unit=kanebogen, employee=staff[name])
        for step in OnboardingStep.objects.filter(programme__title="Grunnpakke for nyansatte"):
            StepDone.objects.create(
                step=step, employee=staff["Mari Olsen"], done_on=date(2025, 10, 1)
            )
        hemmestad = self.units["Hemmestad skole"]
        StaffList.objects.create(unit=hemmestad, counts_only=True)
        measure = Measure.objects.get(
            plan__school_year=2026,
            plan__partnership__slug="sor-troms-evenes",
            title="Veiledning tett på praksis",
        )
        partnership = measure.plan.partnership
        for unit, held in ((hemmestad, [12, 14, 11]), (self.units["Seljestad barnehage"], [None])):
            supervision = Supervision.objects.create(
                partnership=partnership,
                unit=unit,
                school_year=2026,
                measure=measure,
                supervisors="SNU og PPT",
            )
            dates = [
                (date(2026, 9, 16), SessionFormat.PHYSICAL),
                (date(2026, 10, 21), SessionFormat.DIGITAL),
                (date(2026, 11, 18), SessionFormat.DIGITAL),
                (date(2027, 2, 10), SessionFormat.PHYSICAL),
                (date(2027, 3, 17), SessionFormat.DIGITAL),
                (date(2027, 4, 21), SessionFormat.DIGITAL),
            ]
            for index, (day, form) in enumerate(dates):
                SupervisionSession.objects.create(
                    supervision=supervision,
                    date=day,
                    format=form,
                    held=index < len(held),
                    count=held[index] if index < len(held) else None,
                )

        # A network of school coordinators with the PP service, and a cohort of resource
        # persons (seed 002: networks and resource persons; every name invented).
        network = Network.objects.create(
            partnership=partnership,
            kind="network",
            name="Skolekoordinatorer og PPT",
            description="Skolenes koordinatorer for spesialpedagogikk møter PP-rådgiverne "
            "to ganger i semesteret.",
        )
        members = [
            network.members.create(name=name, unit=unit, role=role)
            for name, unit, role in (
                ("Kari Nilsen", kanebogen, "Skolekoordinator"),
                ("Per Dahl", None, "PP-rådgiver"),
                ("Eva Lie", hemmestad, "Skolekoordinator"),
            )
        ]
        held = NetworkMeeting.objects.create(
            network=network,
            date=date(2026, 9, 23),
            title="Henvisningsrutiner og tidlig innsats",
            format="physical",
            held=True,
            minutes="Gjennomgang av henvisningsskjemaet. PPT følger opp på neste møte.",
        )
        held.present.set(members[:2])
        NetworkMeeting.objects.create(
            network=network, date=date(2026, 11, 25), title="Oppfølging", format="digital"
        )
        cohort = Network.objects.create(
            partnership=partnership,
            kind="cohort",
            name="Ressurspersoner 2026–27",
            description="Webinar hver måned og to samlinger à tre dager.",
            meetings_per_semester=4,
        )
        cohort.members.create(
            name="Anne Moe",
            unit=kanebogen,
            role="Ressursperson",
            role_after="Leder refleksjonsgruppene på skolen",
        )
        NetworkMeeting.objects.create(
            network=cohort,
            date=date(2026, 10, 12),
            days=3,
            title="Første samling",
            format="physical",
            held=True,
        )

    def evaluations(self) -> None:
        """The quick evaluation of the first dialogue day of 2025–26, with seven invented
        responses (the standard form: four statements and two open questions)."""
        from lokomp.evaluation.answering import questions_for
        from lokomp.evaluation.models import Answer, Evaluation, Response
        from lokomp.plans.models import Activity

        day_one = Activity.objects.get(title="Dialogsamling dag 1", measure__plan__school_year=2025)
        questions = questions_for(day_one.measure.plan.partnership)
        evaluation = Evaluation.objects.create(
            activity=day_one,
            code="EVAL25",
            opens_on=date(2025, 8, 11),
            closes_on=date(2025, 8, 25),
        )
        scale = [q for q in questions if q.kind == "scale"]
        said = [
            "Reguleringsstigen bruker vi allerede i klassen.",
            "Mer tid til å snakke sammen i kollegiet.",
            "",
        ]
        for n, points in enumerate(
            [(5, 4, 4, 5), (4, 4, 3, 4), (5, 5, 4, 4), (3, 4, 2, 4), (4, 3, 3, 5), (5, 5, 5, 4),
             (4, 4, 3, 3)]
        ):  # fmt: skip
            response = Response.objects.create(
                evaluation=evaluation, device=f"demo-{n:02d}", submitted_on=date(2025, 8, 12)
            )
            Answer.objects.bulk_create(
                Answer(response=response, question=q, value=v)
                for q, v in zip(scale, points, strict=True)
            )
            if said[n % 3]:
                Answer.objects.create(
                    response=response, question=questions[4 + n % 2], text=said[n % 3]
                )

    def parent_resources(self) -> None:
        """Measure 5 of the 2026–27 plan: digital resources for parent meetings (titles
        and addresses invented), one of them used at Kanebogen skole."""
        from lokomp.evaluation.models import ParentResource, ResourceUse
        from lokomp.partnerships.models import Partnership

        partnership = Partnership.objects.get(slug="sor-troms-evenes")
        film = ParentResource.objects.create(
            partnership=partnership,
            title="Når barnet blir overveldet",
            kind="film",
            description="Sju minutter om regulering, til å vise på foreldremøtet.",
            link="https://ressurser.example/overveldet",
            order=0,
        )
        ParentResource.objects.create(
            partnership=partnership,
            title="Samme tilnærming hjemme og på skolen",
            kind="reflection",
            description="Tre spørsmål foreldrene drøfter i grupper.",
            order=1,
        )
        ResourceUse.objects.create(
            resource=film,
            unit=self.units["Kanebogen skole"],
            used_on=date(2026, 9, 10),
            occasion="Foreldremøte 3. trinn",
            parents=22,
        )

    def indicators(self) -> None:
        """Two indicators of seed 002 §12 (uro, fravær) with invented values for Kanebogen
        skole and Hemmestad skole."""
        from lokomp.evaluation.models import Indicator, IndicatorValue
        from lokomp.partnerships.models import Partnership

        partnership = Partnership.objects.get(slug="sor-troms-evenes")
        unrest = Indicator.objects.create(
            partnership=partnership,
            name="Uro i klasserommet",
            definition="Antall timer med uro som lærer har meldt til ledelsen, per termin.",
            aggregate="sum",
            order=0,
        )
        absence = Indicator.objects.create(
            partnership=partnership,
            name="Elevfravær",
            definition="Gjennomsnittlig fravær blant elevene i prosent, per termin.",
            aggregate="average",
            order=1,
        )
        for unit, values in (
            ("Kanebogen skole", [(2025, "autumn", 42, 6.1), (2025, "spring", 35, 5.4),
                                 (2026, "autumn", 28, 5.0)]),
            ("Hemmestad skole", [(2025, "autumn", 12, 4.2), (2025, "spring", 15, 4.8)]),
        ):  # fmt: skip
            for year, term, unrest_value, absence_value in values:
                IndicatorValue.objects.create(
                    indicator=unrest, unit=self.units[unit], school_year=year, term=term,
                    value=unrest_value,
                )  # fmt: skip
                IndicatorValue.objects.create(
                    indicator=absence, unit=self.units[unit], school_year=year, term=term,
                    value=absence_value,
                )  # fmt: skip

    def decision_2023(self) -> None:
        """The 2023 round as it ended: the forum's recommendation agreed on 10 March 2023,
        Statsforvalteren's decision granting what Sør-Troms og Evenes asked for (2024 and
        2025 as commitments), and the owner side's payment for 2023."""
        from datetime import datetime
        from zoneinfo import ZoneInfo

        from lokomp.allocation.decisions import _partner_accounts
        from lokomp.allocation.models import (
            Decision,
            Grant,
            Payment,
            ProposedAmount,
            Recommendation,
            RecommendationLine,
            Round,
        )
        from lokomp.needs.models import NeedsReport

        from .reports import BUDGET_2023

        troms = self.counties["55"]
        admin = User.objects.get(username="statsforvalter")
        report = NeedsReport.objects.get(partnership__slug="sor-troms-evenes", template__year=2023)
        the_round = Round.default(troms, 2023)
        the_round.save()
        agreed = datetime(2023, 3, 10, 14, 0, tzinfo=ZoneInfo("Europe/Oslo"))
        recommendation = Recommendation.objects.create(
            round=the_round,
            meeting_date=agreed.date(),
            notes="Forumet slutter seg til behovsmeldingen. Tiltakene er godt forankret.",
            agreed_at=agreed,
            agreed_by=admin,
        )
        line = RecommendationLine.objects.create(
            recommendation=recommendation,
            report=report,
            priority=1,
            reason="Behovene er kartlagt sammen med UiT og forankret i kommunene.",
            revision=1,
        )
        decision = Decision.objects.create(
            round=the_round,
            report=report,
            number=1,
            reason="I samsvar med innstillingen fra samarbeidsforum.",
            conditions="Tilskuddet skal brukes til tiltakene i behovsmeldingen og rapporteres "
            "innen 15. januar året etter.",
            decided_by=admin,
        )
        accounts = _partner_accounts(report)
        recipients = {
            "owner": self.owners["Harstad kommune"],
            "uh": self.institutions["UiT"],
        }
        for year, recipient, amount, *_rest in BUDGET_2023:
            ProposedAmount.objects.create(line=line, year=year, recipient=recipient, amount=amount)
            organisation = recipients[recipient]
            grant = Grant(
                decision=decision,
                year=year,
                recipient=recipient,
                recipient_name=organisation.name,
                org_number=organisation.org_number,
                account_number=accounts[recipient],
                amount=amount,
            )
            grant.full_clean()
            grant.save()
        Payment.objects.create(
            decision=decision,
            recipient="owner",
            paid_on=date(2023, 5, 15),
            amount=918_100,
            recorded_by=admin,
        )

    def survey(self) -> None:
        """The competence mapping of seed 003, asked in autumn 2023 and again in autumn
        2025: invented answers from staff of seven units, most of whom answered both times
        with the code they were given."""
        from lokomp.core.questions import Posted
        from lokomp.evaluation import surveys
        from lokomp.evaluation.models import Survey, SurveyWave

        partnership = Partnership.objects.get(slug="sor-troms-evenes")
        survey = Survey.objects.create(
            partnership=partnership,
            title="Kompetansekartlegging",
            description="Kartleggingen gjentas etter to år, så vi ser hva kompetanseløftet "
            "har betydd.",
        )
        parsed, _problems = surveys.parse_questions(SURVEY_QUESTIONS)
        surveys.save_questions(survey, parsed)
        questions = surveys.active_questions(survey)
        waves = [
            SurveyWave.objects.create(
                survey=survey, name=name, code=code, opens_on=start, closes_on=end
            )
            for name, code, start, end in [
                ("Høst 2023", "KART23", date(2023, 10, 2), date(2023, 10, 31)),
                ("Høst 2025", "KART25", date(2025, 10, 1), date(2025, 10, 31)),
            ]
        ]
        rng = random.Random(2023)
        respondents = {
            "Kanebogen skole": 9,
            "Medkila skole": 7,
            "Seljestad barnehage": 6,
            "Sama skole": 3,
            "PPT Harstad": 5,
            "Evenes skole": 6,
            "Bogen barnehage": 2,
        }
        codes = []
        for unit_name, count in respondents.items():
            for n in range(count):
                codes.append((self.units[unit_name].pk, surveys.new_pseudonym(), n))
        for step, wave in enumerate(waves):
            for unit, code, n in codes:
                if step == 1 and n % 4 == 3:
                    continue  # some left, or did not answer again
                posted = {
                    f"q{q.pk}-choice": str(min(5, max(1, rng.choice([2, 3, 3, 4]) + step)))
                    for q in questions
                    if q.kind == "scale"
                }
                if step == 1 and n % 3 == 0:
                    open_question = next(q for q in questions if q.kind == "text")
                    posted[f"q{open_question.pk}"] = SURVEY_WISHES[n % len(SURVEY_WISHES)]
                surveys.answer(
                    wave=wave,
                    unit_id=unit,
                    typed_code=code,
                    device=f"demo-{code}",
                    posted=Posted(posted),
                    today=wave.opens_on,
                )

    def progress_report(self) -> None:
        """Expenses on the 2025–26 measures (amounts invented) and the draft report to
        Statsforvalteren for 2025, with the coordinators' first texts."""
        from lokomp.plans.models import Activity
        from lokomp.reports.models import Audience, Expense, ProgressReport, ReportText

        coordinator = User.objects.get(username="koordinator")
        sessions = Activity.objects.get(
            title="Dialogsamling dag 1", measure__plan__school_year=2025
        ).measure
        for measure, recipient, day, amount, what in [
            (sessions, "owner", date(2025, 8, 20), 185_000, "Lokaler og servering, dialogsamling"),
            (sessions, "uh", date(2025, 9, 15), 240_000, "Forelesere fra UiT, dialogsamling"),
            (sessions, "owner", date(2025, 11, 3), 38_400, "Reise for deltakere fra Evenes"),
        ]:
            Expense.objects.create(
                measure=measure,
                recipient=recipient,
                spent_on=day,
                amount=amount,
                description=what,
                recorded_by=coordinator,
            )
        report = ProgressReport.objects.create(
            partnership=sessions.plan.partnership,
            audience=Audience.COUNTY,
            period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31),
            deadline=date(2026, 1, 15),
            summary="Høsten 2025 nådde dialogsamlingene ansatte i alle kommunene i "
            "partnerskapet. Arbeidet med nyansatte må styrkes.",
        )
        ReportText.objects.create(
            report=report,
            key=f"measure-{sessions.pk}",
            text="Samlingene fikk gode tilbakemeldinger. Reguleringsstigen er tatt i bruk.",
            updated_by=coordinator,
        )

    # -- people ------------------------------------------------------------------------------

    def users(self, sor_troms: Partnership, ost_finnmark: Partnership) -> None:
        scopes = {
            "statsforvalter": dict(role=Role.COUNTY_ADMIN, county=self.counties["55"]),
            "forum": dict(role=Role.FORUM_MEMBER, county=self.counties["55"]),
            "forum.harstad": dict(role=Role.FORUM_MEMBER, county=self.counties["55"]),
            "koordinator": dict(role=Role.COORDINATOR, partnership=sor_troms, side=Side.OWNER),
            "koordinator.uit": dict(role=Role.COORDINATOR, partnership=sor_troms, side=Side.UH),
            "koordinator.ost": dict(
                role=Role.COORDINATOR, partnership=ost_finnmark, side=Side.OWNER
            ),
            "eier.harstad": dict(role=Role.OWNER_CONTACT, owner=self.owners["Harstad kommune"]),
            "rektor": dict(role=Role.UNIT_LEADER, unit=self.units["Kanebogen skole"]),
            "ansatt": dict(role=Role.EMPLOYEE, unit=self.units["Kanebogen skole"]),
            "nordland": dict(role=Role.COUNTY_ADMIN, county=self.counties["18"]),
            "direktorat": dict(role=Role.DIRECTORATE),
        }
        for person in DEMO_USERS:
            user = User.objects.create_user(
                username=person.username,
                password=DEMO_PASSWORD,
                first_name=person.first_name,
                last_name=person.last_name,
                email=f"{person.username}@lokomp.example",
            )
            assignment = RoleAssignment(user=user, **scopes[person.username])
            assignment.full_clean()
            assignment.save()
        User.objects.create_superuser(
            username="admin", password=DEMO_PASSWORD, email="admin@lokomp.example"
        )


def demo_exists() -> bool:
    return Partnership.objects.filter(slug="sor-troms-evenes").exists()


@transaction.atomic
def load_demo() -> bool:
    """Load the demo data. Returns False (and changes nothing) where it is there already."""
    if demo_exists():
        return False
    builder = Builder()
    builder.registry()
    builder.sor_troms_units()
    builder.ost_finnmark_units()
    sor_troms = builder.sor_troms()
    ost_finnmark = builder.ost_finnmark()
    builder.users(sor_troms, ost_finnmark)
    builder.needs_reports(sor_troms)
    builder.forum()
    builder.decision_2023()
    builder.staff()
    builder.participation()
    builder.evaluations()
    builder.parent_resources()
    builder.indicators()
    builder.progress_report()
    builder.survey()
    return True
