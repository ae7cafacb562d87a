"""National-scale synthetic data: 10 counties, 356 municipalities, 9 000 units with
200 000 staff in all, 200 partnerships with three years of plans, 20 000 activities.
`generate(round_reports=2980)` adds that many partnerships with a 2026 report to the first
county: a round of 3 000 reports (the "county3000" scale of the benchmark).

Participation: the 200 000 staff by name (about 8 % of them left), about 3 000 000
attendance rows at the 2025–26 sessions of their partnership (15 % of the sessions each),
a basic package of four steps per partnership done by two thirds of those who started
from August 2024, and supervision of two units per partnership (three sessions of six
held). The large tables are filled with INSERT … SELECT in the database.

Written with bulk inserts so that it builds in about a minute on SQLite. Every name is
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
def generate(seed: int = 356, round_reports: int = 0) -> None:
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
    _rounds(counties, schemes)
    # Staff and attendance for the 200 partnerships (before the round's extra ones: an
    # owner takes part in one or two partnerships, not in hundreds).
    _participation(rng)
    _decisions_and_reports(counties, rng)
    if round_reports:
        add_round_reports(county=counties[0], year=2026, count=round_reports)
    _forum(counties, rng)


def _forum(counties, rng) -> None:
    """The 2026 rounds' forum work: the standard criteria, three members per county, half
    of the reports submitted (a version each) and scored by every member, and a
    recommendation with a priority and amounts for each submitted report."""
    from lokomp.allocation.forum import STANDARD_CRITERIA
    from lokomp.allocation.models import (
        Criterion,
        ProposedAmount,
        Recommendation,
        RecommendationLine,
        Round,
        Score,
    )
    from lokomp.needs.models import NeedsReport, ReportStatus, ReportVersion

    reports = list(NeedsReport.objects.filter(template__year=2026).order_by("pk"))
    by_county: dict[int, list] = {}
    county_of = dict(Partnership.objects.values_list("pk", "county_id"))
    for report in reports:
        by_county.setdefault(county_of[report.partnership_id], []).append(report)
    submitted = [r for found in by_county.values() for r in found[::2]]
    NeedsReport.objects.filter(pk__in=[r.pk for r in submitted]).update(
        status=ReportStatus.SUBMITTED
    )
    NeedsReport.objects.exclude(pk__in=[r.pk for r in submitted]).filter(
        template__year=2026, status=ReportStatus.SUBMITTED
    ).update(status=ReportStatus.DRAFT)
    ReportVersion.objects.bulk_create(
        (ReportVersion(report=r, number=1, snapshot={"sections": []}) for r in submitted),
        batch_size=2000,
    )
    criteria: dict[int, list] = {}
    members: dict[int, list] = {}
    for county in counties:
        criteria[county.pk] = [
            c
            for c in Criterion.objects.bulk_create(
                Criterion(county=county, number=n, text=str(t), kind=k, order=i)
                for i, (n, t, k) in enumerate(STANDARD_CRITERIA)
            )
            if c.kind == "scale"
        ]
        members[county.pk] = []
        for i in range(3):
            user = User.objects.create_user(username=f"forum-{county.number}-{i}")
            RoleAssignment.objects.create(user=user, role=Role.FORUM_MEMBER, county=county)
            members[county.pk].append(user)
    Score.objects.bulk_create(
        (
            Score(
                report=r,
                criterion=c,
                member=m,
                data={"value": value},
                value=value,
            )
            for r in submitted
            for m in members[county_of[r.partnership_id]]
            for c in criteria[county_of[r.partnership_id]]
            for value in [rng.randint(1, 5)]
        ),
        batch_size=2000,
    )
    recommendations = {
        r.county_id: Recommendation.objects.create(round=r) for r in Round.objects.filter(year=2026)
    }
    lines = RecommendationLine.objects.bulk_create(
        (
            RecommendationLine(
                recommendation=recommendations[county_of[r.partnership_id]],
                report=r,
                priority=i + 1,
                reason="Godt forankret hos eierne og UH.",
            )
            for i, r in enumerate(submitted)
        ),
        batch_size=2000,
    )
    ProposedAmount.objects.bulk_create(
        (
            ProposedAmount(line=line, year=2026 + i, recipient=who, amount=800_000)
            for line in lines
            for i in range(2)
            for who in ("owner", "uh")
        ),
        batch_size=2000,
    )


def _decisions_and_reports(counties, rng) -> None:
    """The 2025 rounds decided (each 2025 needs report submitted and granted, with a
    commitment for 2026), money spent on the 2025–26 measures, a progress report to
    Statsforvalteren for 2025 from every partnership, and the directorate's user."""
    from lokomp.allocation.models import Decision, Grant, Round
    from lokomp.needs.models import NeedsReport, ReportStatus
    from lokomp.reports.models import Audience, Expense, ProgressReport

    reports = list(NeedsReport.objects.filter(template__year=2025).select_related("partnership"))
    NeedsReport.objects.filter(pk__in=[r.pk for r in reports]).update(status=ReportStatus.SUBMITTED)
    rounds = {
        r.county_id: r for r in Round.objects.bulk_create(Round.default(c, 2025) for c in counties)
    }
    decisions = Decision.objects.bulk_create(
        Decision(round=rounds[r.partnership.county_id], report=r, number=i + 1)
        for i, r in enumerate(reports)
    )
    Grant.objects.bulk_create(
        Grant(
            decision=d,
            year=year,
            recipient=who,
            recipient_name="Mottaker",
            org_number="974760673",
            account_number="86011117947",
            amount=900_000,
        )
        for d in decisions
        for year in (2025, 2026)
        for who in ("owner", "uh")
    )
    measures = Measure.objects.filter(plan__school_year=2025).values_list("pk", flat=True)
    Expense.objects.bulk_create(
        (
            Expense(
                measure_id=m,
                recipient=who,
                spent_on=date(2025, 9, 1) + timedelta(days=rng.randint(0, 110)),
                amount=rng.randint(5, 60) * 1000,
                description="Forelesere og lokaler",
            )
            for m in measures
            for who in ("owner", "uh")
        ),
        batch_size=2000,
    )
    ProgressReport.objects.bulk_create(
        ProgressReport(
            partnership=p,
            audience=Audience.COUNTY,
            period_start=date(2025, 1, 1),
            period_end=date(2025, 12, 31),
            deadline=date(2026, 1, 15),
        )
        for p in Partnership.objects.all()
    )
    directorate = User.objects.create_user(username="bench-directorate", password="bench")
    RoleAssignment.objects.create(user=directorate, role=Role.DIRECTORATE)


def _rounds(counties, schemes) -> None:
    """Each county's 2026 round, with the scheme's deadlines and a frame per scheme."""
    from lokomp.allocation.models import Frame, Round

    rounds = Round.objects.bulk_create(Round.default(county, 2026) for county in counties)
    Frame.objects.bulk_create(
        Frame(round=r, scheme=scheme, amount=20_000_000) for r in rounds for scheme in schemes
    )


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


def add_round_reports(*, county, year: int, count: int, seed: int = 3000) -> list:
    """`count` more partnerships in the county, each with a needs report for the year on
    the county's form (a scheme, a status and two years of budget drawn at random): a
    round the size of the largest county. Returns the reports."""
    from lokomp.needs.models import BudgetLine, NeedsReport, ReportStatus, ReportTemplate

    rng = random.Random(seed)
    template = ReportTemplate.objects.get(county=county, year=year)
    schemes = list(Scheme.objects.all())
    first = Partnership.objects.count()
    partnerships = Partnership.objects.bulk_create(
        Partnership(
            name=f"Partnerskap {county.number}-{first + i:05d}",
            slug=f"runde-{county.number}-{first + i:05d}",
            county=county,
        )
        for i in range(count)
    )
    owners = list(Owner.objects.filter(municipality__county=county, kind="municipal"))
    PartnershipOwner.objects.bulk_create(
        PartnershipOwner(partnership=p, owner=rng.choice(owners), receives_funds=True)
        for p in partnerships
    )
    plans = ActionPlan.objects.bulk_create(
        ActionPlan(partnership=p, school_year=year, title=f"Plan {year}") for p in partnerships
    )
    statuses = [ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.SUBMITTED]
    reports = NeedsReport.objects.bulk_create(
        NeedsReport(
            partnership=plan.partnership,
            plan=plan,
            template=template,
            scheme=rng.choice(schemes),
            status=rng.choice(statuses),
        )
        for plan in plans
    )
    BudgetLine.objects.bulk_create(
        (
            BudgetLine(
                report=r,
                year=year + i,
                recipient=who,
                amount=rng.randrange(0, 2_000_000, 500),
                share_assess=10,
                share_plan=10,
                share_carry_out=80,
                share_coordinate=0,
            )
            for r in reports
            for i in range(2)
            for who in ("owner", "uh")
        ),
        batch_size=2000,
    )
    return reports


ATTENDANCE_SHARE = 3  # of every 20 (activity, employee) pairs in a partnership


def _participation(rng) -> None:
    from django.db import connection
    from django.utils import timezone

    from lokomp.participation.models import (
        Employee,
        OnboardingProgramme,
        OnboardingStep,
        Supervision,
        SupervisionSession,
    )

    employees = []
    for unit_id, staff in Unit.objects.values_list("pk", "staff_count"):
        for n in range(staff):
            start = date(2008, 8, 1) + timedelta(days=rng.randint(0, 18 * 365))
            left = start + timedelta(days=rng.randint(30, 2000)) if rng.random() < 0.08 else None
            employees.append(
                Employee(
                    unit_id=unit_id,
                    name=f"Ansatt {unit_id}-{n}",
                    role="laerer",
                    start_date=start,
                    end_date=left,
                )
            )
    Employee.objects.bulk_create(employees, batch_size=5000)
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO participation_attendance
                (activity_id, unit_id, employee_id, source, recorded_at, school_year)
            SELECT a.id, e.unit_id, e.id, 'leader', %s, p.school_year
            FROM participation_employee e
            JOIN registry_unit u ON u.id = e.unit_id
            JOIN partnerships_partnershipowner po ON po.owner_id = u.owner_id
            JOIN plans_actionplan p
                ON p.partnership_id = po.partnership_id AND p.school_year = 2025
            JOIN plans_measure m ON m.plan_id = p.id
            JOIN plans_activity a ON a.measure_id = m.id
            WHERE (a.id + e.id) %% 20 < %s
            """,
            [now, ATTENDANCE_SHARE],
        )
    programmes = OnboardingProgramme.objects.bulk_create(
        OnboardingProgramme(
            partnership=partnership,
            title="Grunnpakke for nyansatte",
            window_start=date(2024, 8, 1),
            step_count=4,
        )
        for partnership in Partnership.objects.all()
    )
    OnboardingStep.objects.bulk_create(
        OnboardingStep(programme=p, order=n, title=f"Webinar {n + 1}")
        for p in programmes
        for n in range(4)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO participation_stepdone (step_id, employee_id, done_on)
            SELECT s.id, e.id, %s
            FROM participation_employee e
            JOIN registry_unit u ON u.id = e.unit_id
            JOIN partnerships_partnershipowner po ON po.owner_id = u.owner_id
            JOIN participation_onboardingprogramme op ON op.partnership_id = po.partnership_id
            JOIN participation_onboardingstep s ON s.programme_id = op.id
            WHERE e.start_date >= %s AND e.id %% 3 <> 0
            """,
            [date(2025, 6, 1), date(2024, 8, 1)],
        )
    supervisions = []
    for partnership_id, unit_ids in _two_units_per_partnership().items():
        for unit_id in unit_ids:
            supervisions.append(
                Supervision(partnership_id=partnership_id, unit_id=unit_id, school_year=2025)
            )
    supervisions = Supervision.objects.bulk_create(supervisions)
    SupervisionSession.objects.bulk_create(
        SupervisionSession(
            supervision=s,
            date=date(2025, 9, 15) + timedelta(days=30 * n),
            format="physical" if n in (0, 3) else "digital",
            held=n < 3,
        )
        for s in supervisions
        for n in range(6)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO participation_supervisionsession_participants
                (supervisionsession_id, employee_id)
            SELECT ss.id, e.id
            FROM participation_supervisionsession ss
            JOIN participation_supervision sv ON sv.id = ss.supervision_id
            JOIN participation_employee e ON e.unit_id = sv.unit_id
            WHERE ss.held AND e.id %% 2 = 0
            """,
            [],
        )


def _two_units_per_partnership() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for partnership_id, unit_id in (
        Unit.objects.filter(owner__partnership_links__isnull=False)
        .values_list("owner__partnership_links__partnership_id", "pk")
        .order_by("pk")
    ):
        chosen = found.setdefault(partnership_id, [])
        if len(chosen) < 2:
            chosen.append(unit_id)
    return found
