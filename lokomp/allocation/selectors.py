"""Reading a round: the county's needs reports of the year, filtered, sorted and paged on
the server, with the sums asked computed in the database.

A partnership split between counties (Evenes reports 8 % to Nordland) counts with the
county's part only, by the budget's own rounding rule (`budget.totals`), so the round page
and the report agree to the krone. Such partnerships are few; their reports' sums per year
are grouped in the database and then split by that rule. Every other report counts whole,
summed in the database.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from lokomp.core.text import query_text
from lokomp.core.validators import parse_id
from lokomp.needs import budget as b
from lokomp.needs.kinds import county_parts, years_from
from lokomp.needs.models import BudgetLine, NeedsReport, Question, ReportStatus, ReportVersion
from lokomp.needs.selectors import county_reports
from lokomp.partnerships.models import CountyShare, PartnershipOwner, Scheme
from lokomp.registry.models import County

PAGE_SIZE = 50

SORTS = {
    "partnerskap": ("partnership__name", "scheme__order", "pk"),
    "ordning": ("scheme__order", "partnership__name", "pk"),
    "status": ("status", "partnership__name", "pk"),
    "sum": ("asked", "partnership__name", "pk"),
}


@dataclass
class RoundFilters:
    """What the user chose above the list; anything else in the address is ignored."""

    status: str = ""
    scheme: str = ""
    municipality: int | None = None
    sort: str = "partnerskap"
    descending: bool = False

    @classmethod
    def from_query(cls, params) -> RoundFilters:
        chosen = cls()
        status = params.get("status", "")
        if status in ReportStatus.values:
            chosen.status = status
        chosen.scheme = query_text(params, "ordning", 30)
        chosen.municipality = parse_id(params.get("kommune", ""))
        sort = params.get("sorter", "")
        chosen.descending = sort.startswith("-")
        if sort.removeprefix("-") in SORTS:
            chosen.sort = sort.removeprefix("-")
        return chosen

    @property
    def active(self) -> bool:
        return bool(self.status or self.scheme or self.municipality is not None)

    def heading(self, key: str, label: str = "") -> dict:
        """A sortable column heading: its link (ascending first, then descending) and its
        aria-sort."""
        link = f"-{key}" if self.sort == key and not self.descending else key
        aria = "none"
        if self.sort == key:
            aria = "descending" if self.descending else "ascending"
        return {"key": key, "label": label, "link": link, "aria": aria}


def _asked(year: int) -> Subquery:
    """The total asked (owner and UH) for the year, per report."""
    lines = (
        BudgetLine.objects.filter(report=OuterRef("pk"), year=year)
        .values("report")
        .annotate(s=Sum("amount"))
        .values("s")
    )
    return Subquery(lines[:1])


def round_reports(county: County, year: int, chosen: RoundFilters) -> QuerySet[NeedsReport]:
    """The year's reports the county handles, filtered and sorted as chosen."""
    reports = county_reports(county, year)
    if chosen.status:
        reports = reports.filter(status=chosen.status)
    if chosen.scheme:
        reports = reports.filter(scheme__code=chosen.scheme)
    if chosen.municipality is not None:
        reports = reports.filter(
            partnership__in=PartnershipOwner.objects.filter(
                owner__municipality_id=chosen.municipality
            ).values("partnership_id")
        )
    order: tuple[str, ...] = SORTS[chosen.sort]
    if chosen.sort == "sum":
        reports = reports.annotate(asked=Coalesce(_asked(year), Value(0)))
    if chosen.descending:
        order = tuple(f"-{order[0]}" if i == 0 else o for i, o in enumerate(order))
    return reports.order_by(*order)


def report_counts(reports: QuerySet[NeedsReport]) -> tuple[dict[int, int], int]:
    """How many reports per scheme, and how many of them are submitted. One query."""
    counts: dict[int, int] = defaultdict(int)
    submitted = 0
    for scheme_id, status, n in (
        reports.order_by().values_list("scheme_id", "status").annotate(n=Count("pk"))
    ):
        counts[scheme_id] += n
        submitted += n if status == ReportStatus.SUBMITTED else 0
    return dict(counts), submitted


def round_years(reports: QuerySet[NeedsReport], year: int) -> list[int]:
    """The budget years the round's forms ask for (not a fixed three). One query."""
    options = Question.objects.filter(
        kind="budget", section__template__in=reports.values("template")
    ).values_list("options", flat=True)
    years = {y for o in options for y in years_from(o or {}, year)}
    return sorted(years) or years_from({}, year)


@dataclass
class Cell:
    owner: int = 0
    uh: int = 0
    # The county's part of owner + UH (the whole where the partnership is not split).
    part: int = 0

    @property
    def total(self) -> int:
        return self.owner + self.uh

    def add(self, other: Cell) -> None:
        self.owner += other.owner
        self.uh += other.uh
        self.part += other.part


# (scheme id, report status, year): the sums are grouped so, so that a filter on status or
# scheme is read from them without asking the database again.
Key = tuple[int, str, int]


def round_sums(county: County, reports: QuerySet[NeedsReport], years: list[int]) -> dict[Key, Cell]:
    """Asked per (scheme, status, year) over all the given reports: owner, UH and the
    county's part. Three queries, whatever the number of reports.

    Every report is first summed whole, in the database; the reports of partnerships split
    between counties then have their whole replaced by the county's part."""
    ids = reports.order_by().values("pk")
    sums: dict[Key, Cell] = defaultdict(Cell)
    for scheme_id, status, year, recipient, amount in (
        BudgetLine.objects.filter(report__in=ids, year__in=years)
        .values_list("report__scheme_id", "report__status", "year", "recipient")
        .annotate(s=Coalesce(Sum("amount"), Value(0)))
        .order_by()
    ):
        cell = sums[(scheme_id, status, year)]
        setattr(cell, recipient, getattr(cell, recipient) + amount)
        cell.part += amount
    split = CountyShare.objects.filter(Q(county=county) | Q(partnership__county=county)).values(
        "partnership_id"
    )
    shares_of: dict[int, list[CountyShare]] = defaultdict(list)
    for share in CountyShare.objects.filter(partnership__in=split).select_related(
        "county", "partnership__county"
    ):
        shares_of[share.partnership_id].append(share)
    per_report: dict[tuple[int, int, str, int], list[b.Line]] = defaultdict(list)
    for report_id, scheme_id, status, partnership_id, year, recipient, amount in (
        BudgetLine.objects.filter(
            report__in=reports.order_by().filter(partnership__in=split).values("pk"),
            year__in=years,
        )
        .values_list(
            "report_id",
            "report__scheme_id",
            "report__status",
            "report__partnership_id",
            "year",
            "recipient",
            "amount",
        )
        .order_by()
    ):
        per_report[(report_id, scheme_id, status, partnership_id)].append(
            b.Line(year=year, recipient=recipient, amount=amount)
        )
    for (_report, scheme_id, status, partnership_id), report_lines in per_report.items():
        shares = shares_of[partnership_id]
        cells = _county_cells(county, shares[0].partnership, shares, report_lines)
        for year, cell in cells.items():
            sums[(scheme_id, status, year)].part += cell.part - cell.total
    return sums


def chosen_sums(
    sums: dict[Key, Cell], *, scheme_id: int | None = None, status: str = ""
) -> dict[Key, Cell]:
    """The sums of the reports of one scheme or status (or both), read from all sums."""
    return {
        key: cell
        for key, cell in sums.items()
        if (scheme_id is None or key[0] == scheme_id) and (not status or key[1] == status)
    }


def _county_cells(
    county: County, partnership, shares: list[CountyShare], lines: list[b.Line]
) -> dict[int, Cell]:
    """A report's sums per year: owner, UH and this county's part of them (the whole
    where the partnership is not split)."""
    parts = county_parts(partnership, shares)
    # county_parts lists the home county first, then the shares in their order.
    index = next((i + 1 for i, s in enumerate(shares) if s.county_id == county.pk), 0)
    cells = {}
    for t in b.totals(lines, parts):
        part = t.county_parts[index][1] if t.county_parts else t.total
        cells[t.year] = Cell(owner=t.owner, uh=t.uh, part=part)
    return cells


def by_year(sums: dict[Key, Cell], years: list[int]) -> list[Cell]:
    """Sums over every scheme and status, per year."""
    totals = {y: Cell() for y in years}
    for (_scheme, _status, year), cell in sums.items():
        totals[year].add(cell)
    return [totals[y] for y in years]


@dataclass
class Row:
    report: NeedsReport
    # The latest submitted version's number, if any.
    version: int | None
    cells: list[Cell]
    # Where the county takes a share of another county's partnership: its percentage.
    share: Decimal | None = None


def page_rows(county: County, reports: list[NeedsReport], years: list[int]) -> list[Row]:
    """The rows of one page: each report's sums per year (one query for the budget lines;
    the reports come from `with_page_data`)."""
    lines: dict[int, list[b.Line]] = defaultdict(list)
    for report_id, year, recipient, amount in BudgetLine.objects.filter(
        report__in=[r.pk for r in reports], year__in=years
    ).values_list("report_id", "year", "recipient", "amount"):
        lines[report_id].append(b.Line(year=year, recipient=recipient, amount=amount))
    rows = []
    for report in reports:
        shares = list(report.partnership.county_shares.all())
        cells = _county_cells(county, report.partnership, shares, lines[report.pk])
        share = next((s.percent for s in shares if s.county_id == county.pk), None)
        rows.append(
            Row(
                report=report,
                version=getattr(report, "latest_version", None),
                cells=[cells.get(y) or Cell() for y in years],
                share=share,
            )
        )
    return rows


def with_page_data(reports: QuerySet[NeedsReport]) -> QuerySet[NeedsReport]:
    """What a page of rows shows: partnership, scheme, latest version, county shares."""
    latest_version = ReportVersion.objects.filter(report=OuterRef("pk")).order_by("-number")
    return (
        reports.select_related(None)
        .select_related("partnership__county", "scheme")
        .annotate(latest_version=Subquery(latest_version.values("number")[:1]))
        .prefetch_related(
            Prefetch(
                "partnership__county_shares",
                queryset=CountyShare.objects.select_related("county"),
            )
        )
    )


class AgainstFrame:
    """How far what is asked is under or over the frame, for the page to say in words."""

    frame: int | None
    asked: int
    # Committed for the year by decisions of earlier rounds: counted first.
    committed: int = 0

    @property
    def difference(self) -> int | None:
        """Positive: the frame is not used up; negative: the reports ask for more."""
        return None if self.frame is None else self.frame - self.committed - self.asked

    @property
    def over(self) -> int:
        return max(0, -(self.difference or 0))


@dataclass
class FrameLine(AgainstFrame):
    scheme: Scheme
    frame: int | None
    asked: int
    reports: int = 0
    committed: int = 0


@dataclass
class FrameTable(AgainstFrame):
    year: int
    lines: list[FrameLine] = field(default_factory=list)

    @property
    def frame(self) -> int | None:  # type: ignore[override]
        """The sum of the frames; none unless every scheme listed has one."""
        frames = [line.frame for line in self.lines]
        if not frames or None in frames:
            return None
        return sum(f for f in frames if f is not None)

    @property
    def asked(self) -> int:  # type: ignore[override]
        return sum(line.asked for line in self.lines)

    @property
    def committed(self) -> int:  # type: ignore[override]
        return sum(line.committed for line in self.lines)


def frame_table(
    schemes: list[Scheme],
    frames: dict[int, int],
    sums: dict[Key, Cell],
    counts: dict[int, int],
    year: int,
    committed: dict[int, int] | None = None,
) -> FrameTable:
    """Per scheme: the frame for the round's year against the county's part of what the
    reports ask for that year. Schemes without a frame or a report are left out."""
    table = FrameTable(year=year)
    asked_by_scheme: dict[int, int] = defaultdict(int)
    for (scheme_id, _status, y), cell in sums.items():
        if y == year:
            asked_by_scheme[scheme_id] += cell.part
    for scheme in schemes:
        asked = asked_by_scheme[scheme.pk]
        earlier = (committed or {}).get(scheme.pk, 0)
        if scheme.pk in frames or counts.get(scheme.pk) or earlier:
            table.lines.append(
                FrameLine(scheme, frames.get(scheme.pk), asked, counts.get(scheme.pk, 0), earlier)
            )
    return table
