"""National-scale synthetic data: 10 counties, 356 municipalities, 9 000 units with
200 000 staff in all, 200 partnerships with three years of plans, 20 000 activities.

Written with bulk inserts so that it builds in well under a minute on SQLite. Every name is
made up. Partnership 0 ("partnerskap-000") is the one the benchmark reads, with a
coordinator "bench" (password "bench").
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db import transaction

from lokomp.accounts.models import Role, RoleAssignment, Side, User
from lokomp.core.when import parse_when
from lokomp.demo.builder import SCHEMES, invented_org_number
from lokomp.partnerships.models import Partnership, PartnershipOwner, Scheme
from lokomp.plans.models import ActionPlan, Activity, Measure, Responsibility
from lokomp.registry.models import County, Institution, Municipality, Owner, Unit

COUNTIES = 10
MUNICIPALITIES = 356
UNITS = 9_000
STAFF = 200_000
PARTNERSHIPS = 200
YEARS = (2024, 2025, 2026)
MEASURES_PER_PLAN = 10
ACTIVITIES = 20_000
UNIT_KINDS = ["barnehage", "skole", "sfo", "ppt"]
WHEN_TEXTS = ["Uke 36", "15.-16.oktober", "Nov/des.", "Høst 2025 – vår 2026", "Uke 44",
              "2 møter høst 2025 2 møter vår 2026", "18. august kl. 12:00-14:00", "Jan/feb.",
              "Uke 16", "Vår 2026"]  # fmt: skip


def _when_fields(text: str, school_year: int) -> dict:
    when = parse_when(text, school_year)
    return {
        "when_text": text,
        "when_start": when.start,
        "when_end": when.end,
        "when_precision": when.precision.value,
        "when_start_time": when.start_time,
        "when_end_time": when.end_time,
        "when_count": when.count,
        "when_unit": when.unit,
    }


@transaction.atomic
def generate(seed: int = 356) -> None:
    rng = random.Random(seed)
    schemes = [
        Scheme.objects.create(code=code, name=name, label=label, colour=colour, order=i)
        for i, (code, name, label, colour) in enumerate(SCHEMES)
    ]
    counties = [
        County.objects.create(number=f"{10 + i}", name=f"Fylke {i + 1}") for i in range(COUNTIES)
    ]
    municipalities = Municipality.objects.bulk_create(
        Municipality(
            number=f"{9000 + i:04d}", name=f"Kommune {i + 1:03d}", county=counties[i % COUNTIES]
        )
        for i in range(MUNICIPALITIES)
    )
    owners = Owner.objects.bulk_create(
        Owner(
            name=f"{m.name} kommune",
            kind="municipal",
            municipality=m,
            org_number=invented_org_number(rng),
        )
        for m in municipalities
    )
    Institution.objects.bulk_create(
        Institution(
            short_name=f"UH{i}",
            name=f"Høgskole {i}",
            kind="university",
            county=counties[i % COUNTIES],
        )
        for i in range(20)
    )
    staff_left = STAFF
    units = []
    for i in range(UNITS):
        owner = owners[i % MUNICIPALITIES]
        staff = staff_left if i == UNITS - 1 else rng.randint(8, 36)
        staff_left -= staff
        units.append(
            Unit(
                name=f"Enhet {i:04d}",
                kind=UNIT_KINDS[i % 4],
                owner=owner,
                municipality=owner.municipality,
                staff_count=staff,
            )
        )
    Unit.objects.bulk_create(units, batch_size=1000)

    partnerships = Partnership.objects.bulk_create(
        Partnership(
            name=f"Partnerskap {i:03d}", slug=f"partnerskap-{i:03d}", county=counties[i % COUNTIES]
        )
        for i in range(PARTNERSHIPS)
    )
    links = []
    for i, owner in enumerate(owners):
        links.append(
            PartnershipOwner(
                partnership=partnerships[i % PARTNERSHIPS],
                owner=owner,
                receives_funds=i < PARTNERSHIPS,
            )
        )
    PartnershipOwner.objects.bulk_create(links)
    through = Partnership.schemes.through
    through.objects.bulk_create(through(partnership=p, scheme=schemes[3]) for p in partnerships)

    plans = ActionPlan.objects.bulk_create(
        ActionPlan(partnership=p, school_year=year, published=True, title=f"Plan {year}")
        for p in partnerships
        for year in YEARS
    )
    measures = []
    for plan in plans:
        for n in range(1, MEASURES_PER_PLAN + 1):
            measures.append(
                Measure(
                    plan=plan,
                    number=n,
                    title=f"Tiltak {n} i {plan.title}",
                    how="Samlinger og veiledning i enhetene",
                    scheme=schemes[n % 4],
                    target_text="Alle ansatte",
                    target_unit_kinds=UNIT_KINDS[: 1 + n % 4],
                    target_roles=["all_staff"],
                    **_when_fields(
                        WHEN_TEXTS[n - 1]
                        .replace("2025", str(plan.school_year))
                        .replace("2026", str(plan.school_year + 1)),
                        plan.school_year,
                    ),
                )
            )
    measures = Measure.objects.bulk_create(measures, batch_size=1000)
    Responsibility.objects.bulk_create(
        (Responsibility(measure=m, party="Enhetsledere", task="gjennomfører") for m in measures),
        batch_size=2000,
    )
    current = [m for m in measures if m.plan.school_year == 2025]
    activities = []
    start = date(2025, 8, 11)
    for i in range(ACTIVITIES):
        measure = current[i % len(current)]
        day = start + timedelta(days=(i * 7) % 300)
        text = f"{day.day}.{day.month}.{day.year}"
        activities.append(
            Activity(
                measure=measure,
                title=f"Samling {i}",
                kind="session",
                location="Kulturhuset",
                **_when_fields(text, 2025),
            )
        )
    Activity.objects.bulk_create(activities, batch_size=2000)

    user = User.objects.create_user(username="bench", password="bench")
    RoleAssignment.objects.create(
        user=user, role=Role.COORDINATOR, partnership=partnerships[0], side=Side.OWNER
    )
    admin = User.objects.create_user(username="bench-admin", password="bench")
    RoleAssignment.objects.create(user=admin, role=Role.COUNTY_ADMIN, county=counties[0])
    _needs_reports(counties, plans, schemes[3])


def _needs_reports(counties, plans, scheme) -> None:
    """200 partnerships × 3 years of needs reports on each county's 2026-type form, with
    every text answered and a full budget."""
    from lokomp.needs.models import Answer, BudgetLine, NeedsReport, Question
    from lokomp.needs.standard_forms import FORM_2026, install_form, template_copy

    templates = {}
    for county in counties:
        base = install_form(county, FORM_2026)
        templates[(county.pk, 2026)] = base
        for year in (2024, 2025):
            templates[(county.pk, year)] = template_copy(template=base, year=year)
    reports = NeedsReport.objects.bulk_create(
        NeedsReport(
            partnership=plan.partnership,
            plan=plan,
            scheme=scheme,
            template=templates[(plan.partnership.county_id, plan.school_year)],
        )
        for plan in plans
    )
    questions: dict[int, list] = {}
    for question in Question.objects.filter(kind__in=["text", "coordinator", "period"]):
        questions.setdefault(question.section.template_id, []).append(question)
    Answer.objects.bulk_create(
        (
            Answer(report=r, question=q, text="Svar skrevet av partnerskapet. " * 12)
            for r in reports
            for q in questions[r.template_id]
        ),
        batch_size=2000,
    )
    BudgetLine.objects.bulk_create(
        (
            BudgetLine(
                report=r,
                year=r.plan.school_year + i,
                recipient=who,
                amount=1_000_000,
                estimate=i > 0,
                share_assess=10,
                share_plan=10,
                share_carry_out=60,
                share_coordinate=20,
            )
            for r in reports
            for i in range(2)
            for who in ("owner", "uh")
        ),
        batch_size=2000,
    )
