"""Figures across reports: the county's summary of its partnerships and the national view
for the directorate. Per county and scheme for a calendar year: asked in the needs
reports, granted in the decisions in force, activities planned and held, participants
reached, and money spent. Each figure is one grouped query, whatever the number of
partnerships."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import BooleanField, Case, Count, F, Q, Sum, Value, When
from django.db.models.functions import Coalesce

from lokomp.allocation.models import Grant
from lokomp.needs.models import BudgetLine, ReportStatus
from lokomp.participation.models import Attendance
from lokomp.plans.models import Activity, Status

from .models import Expense

FIELDS = ("asked", "granted", "planned", "held", "reached", "spent")


@dataclass
class Cell:
    asked: int = 0
    granted: int = 0
    planned: int = 0
    held: int = 0
    reached: int = 0
    spent: int = 0

    def add(self, other: Cell) -> None:
        for name in FIELDS:
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True)
class Amount:
    county: int
    scheme: int
    recipient: str
    amount: int


def _latest(rows) -> list[Amount]:
    """Per partnership, scheme, recipient and year, the amounts from the latest round that
    speaks of the year: a commitment made in 2023 for 2025 counts until a 2025 decision
    (or a 2025 needs report) replaces it, and is never counted twice."""
    newest: dict[tuple, int] = {}
    kept: dict[tuple, list[Amount]] = defaultdict(list)
    for row in rows:
        key = (row["p"], row["s"], row["recipient"], row["year"])
        if row["r"] < newest.get(key, row["r"]):
            continue
        if row["r"] > newest.get(key, row["r"]):
            kept[key] = []
        newest[key] = row["r"]
        kept[key].append(Amount(row["c"], row["s"], row["recipient"], row["n"] or 0))
    return [amount for amounts in kept.values() for amount in amounts]


def asked(years: list[int], **where) -> list[Amount]:
    """What the needs reports asked for the years (the latest submitted report that
    speaks of each year); `where` narrows by partnership or county. One query."""
    lines = (
        BudgetLine.objects.filter(year__in=years, report__template__year__lte=max(years))
        .exclude(report__status=ReportStatus.DRAFT)
        .filter(report__template__year__lte=F("year"))
        .annotate(
            c=F("report__partnership__county"),
            p=F("report__partnership"),
            s=F("report__scheme"),
            r=F("report__template__year"),
            n=F("amount"),
        )
        .filter(**where)
    )
    return _latest(lines.values("c", "p", "s", "r", "n", "recipient", "year"))


def granted(years: list[int], **where) -> list[Amount]:
    """What the decisions in force granted or committed for the years (the latest round
    that speaks of each year). One query."""
    grants = (
        Grant.objects.filter(year__in=years, decision__replaced_by__isnull=True)
        .filter(decision__round__year__lte=F("year"))
        .annotate(
            c=F("decision__round__county"),
            p=F("decision__report__partnership"),
            s=F("decision__report__scheme"),
            r=F("decision__round__year"),
            n=F("amount"),
        )
        .filter(**where)
    )
    return _latest(grants.values("c", "p", "s", "r", "n", "recipient", "year"))


def held(today: date) -> Case:
    """Whether an activity was held by `today`: marked as held, or planned with its last
    day passed. The one definition, for the report and the overviews alike."""
    passed = Q(when_end__lt=today) | Q(when_end__isnull=True, when_start__lt=today)
    return Case(
        When(Q(status=Status.DONE) | (Q(status=Status.PLANNED) & passed), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def cells(year: int, today: date, county_id: int | None = None) -> dict[tuple[int, int], Cell]:
    """{(county id, scheme id): Cell} for the calendar year; five queries."""
    found: dict[tuple[int, int], Cell] = defaultdict(Cell)
    narrow = {} if county_id is None else {"c": county_id}
    for amount in asked([year], **narrow):
        found[(amount.county, amount.scheme)].asked += amount.amount
    for amount in granted([year], **narrow):
        found[(amount.county, amount.scheme)].granted += amount.amount
    # Activities one row each (a few thousand in a year, nationally), then attendance
    # counted per activity through the activity index: grouping three million attendance
    # rows by county and scheme through joins took seconds.
    activities = Activity.objects.filter(when_start__year=year).exclude(status=Status.CANCELLED)
    if county_id is not None:
        activities = activities.filter(measure__plan__partnership__county=county_id)
    placed: dict[int, Cell] = {}
    for pk, county, scheme, was_held in activities.annotate(
        c=F("measure__plan__partnership__county"),
        s=Coalesce("scheme", "measure__scheme"),
        h=held(today),
    ).values_list("pk", "c", "s", "h"):
        cell = found[(county, scheme)]
        cell.planned += 1
        cell.held += was_held
        placed[pk] = cell
    # Participants: each person once per activity; a counts-only unit with its number.
    for row in (
        Attendance.objects.filter(activity__in=activities.values("pk"))
        .values("activity")
        .annotate(n=Count("employee"), counted=Sum("count"))
        .order_by()
    ):
        placed[row["activity"]].reached += row["n"] + (row["counted"] or 0)
    for row in (
        Expense.objects.filter(spent_on__year=year)
        .annotate(c=F("measure__plan__partnership__county"), s=F("measure__scheme"))
        .filter(**narrow)
        .values("c", "s")
        .annotate(n=Sum("amount"))
        .order_by()
    ):
        found[(row["c"], row["s"])].spent += row["n"] or 0
    return found


def by_scheme(found: dict[tuple[int, int], Cell]) -> dict[int, Cell]:
    per: dict[int, Cell] = defaultdict(Cell)
    for (_, scheme), cell in found.items():
        per[scheme].add(cell)
    return per


def total(found) -> Cell:
    whole = Cell()
    for cell in found.values():
        whole.add(cell)
    return whole
