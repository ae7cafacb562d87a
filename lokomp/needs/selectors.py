"""Reading a county's needs reports: every report the county handles in a year, with the
sums asked per year and recipient, for the overview page and the zip download."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import JSONField, Max, OuterRef, Prefetch, Q, QuerySet, Subquery

from lokomp.partnerships.models import CountyShare
from lokomp.registry.models import County

from . import budget as b
from .kinds import county_parts, stored_lines, years_from
from .models import NeedsReport, Question, ReportTemplate, ReportVersion


def _handled_by(county: County) -> Q:
    """Reports of the county's partnerships and of partnerships that report a share to the
    county (Evenes' 8 % to Nordland)."""
    shared = CountyShare.objects.filter(county=county).values("partnership_id")
    return Q(partnership__county=county) | Q(partnership__in=shared)


def latest_year(county: County) -> int | None:
    """The latest year the county has a form or a report to read, for its overview link."""
    years = [
        ReportTemplate.objects.filter(county=county).aggregate(y=Max("year"))["y"],
        NeedsReport.objects.filter(_handled_by(county)).aggregate(y=Max("template__year"))["y"],
    ]
    return max((y for y in years if y is not None), default=None)


def county_reports(county: County, year: int) -> QuerySet[NeedsReport]:
    """The year's reports the county handles."""
    return (
        NeedsReport.objects.filter(_handled_by(county))
        .filter(template__year=year)
        .select_related("partnership", "partnership__county", "scheme", "template", "plan")
        .order_by("partnership__name", "scheme__order")
    )


@dataclass
class CountyRow:
    report: NeedsReport
    # The latest submitted version's number, if any.
    version: int | None
    # Per year of the overview: owner, UH, total asked, and the county's part of it.
    cells: list[dict]
    # Where the county takes a share of another county's partnership: its percentage.
    share: object | None = None


@dataclass
class CountyOverview:
    years: list[int]
    rows: list[CountyRow] = field(default_factory=list)
    totals: list[dict] = field(default_factory=list)

    @property
    def has_parts(self) -> bool:
        """Whether some partnership is split between counties: the page then shows the
        county's part beside the total."""
        return any(c["part"] != c["total"] for row in self.rows for c in row.cells)


def county_overview(county: County, year: int) -> CountyOverview:
    """Rows and sums for the overview. The years are the forms' budget years (not a fixed
    three); each row's part for this county follows the budget's own rule
    (`budget.totals`), so the page and the report agree to the krone."""
    # Each report with its form's budget question (how many years it asks for).
    budget_options = Question.objects.filter(
        kind="budget", section__template=OuterRef("template")
    ).values("options")[:1]
    latest_version = ReportVersion.objects.filter(report=OuterRef("pk")).order_by("-number")
    reports = list(
        county_reports(county, year)
        .annotate(
            budget_options=Subquery(budget_options, output_field=JSONField()),
            latest_version=Subquery(latest_version.values("number")[:1]),
        )
        .prefetch_related(
            "budget",
            Prefetch(
                "partnership__county_shares",
                queryset=CountyShare.objects.select_related("county"),
            ),
        )
    )
    report_years = {r.pk: years_from(r.budget_options or {}, year) for r in reports}
    years = sorted({y for ys in report_years.values() for y in ys}) or years_from({}, year)
    overview = CountyOverview(years=years)
    for report in reports:
        shares = list(report.partnership.county_shares.all())
        parts = county_parts(report.partnership, shares)
        totals = {
            t.year: t
            for t in b.totals(
                stored_lines(report, list(report.budget.all()), report_years[report.pk]), parts
            )
        }
        # county_parts lists the home county first, then the shares in their order.
        index = next((i + 1 for i, s in enumerate(shares) if s.county_id == county.pk), 0)
        cells = []
        for y in years:
            t = totals.get(y) or b.Totals(year=y)
            part = t.county_parts[index][1] if t.county_parts else t.total
            cells.append({"owner": t.owner, "uh": t.uh, "total": t.total, "part": part})
        overview.rows.append(
            CountyRow(
                report=report,
                version=report.latest_version,
                cells=cells,
                share=shares[index - 1].percent if index else None,
            )
        )
    for index, _year in enumerate(years):
        overview.totals.append(
            {
                key: sum(row.cells[index][key] for row in overview.rows)
                for key in ("owner", "uh", "total", "part")
            }
        )
    return overview
