"""The recommendation as the county sends it out: Word, PDF and Excel from one table
(`recommendation_table`), read with a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from io import BytesIO

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lokomp.core.formatting import thousands
from lokomp.core.pdf import html_to_pdf
from lokomp.core.spreadsheets import write_table
from lokomp.core.text import export_text
from lokomp.core.word import a4_document, table_with_headings
from lokomp.partnerships.models import PartnershipInstitution, PartnershipOwner, Scheme

from . import selectors as s
from .access import forum_reports
from .forum import score_summary
from .models import ProposedAmount, Recommendation, RecommendationLine, frames_of, round_for
from .recommendation import recommendation_of


@dataclass
class Entry:
    priority: int | None
    partnership: str
    owner: str
    institution: str
    average: float | None
    asked: list[int]
    proposed: dict[tuple[int, str], int]
    reason: str

    def proposed_total(self, year: int) -> int:
        return self.proposed.get((year, "owner"), 0) + self.proposed.get((year, "uh"), 0)


@dataclass
class SchemePart:
    scheme: Scheme
    frame: int | None
    entries: list[Entry] = field(default_factory=list)

    def proposed(self, year: int, recipient: str | None = None) -> int:
        return sum(
            e.proposed_total(year) if recipient is None else e.proposed.get((year, recipient), 0)
            for e in self.entries
        )


@dataclass
class RecommendationTable:
    county: str
    year: int
    years: list[int]
    recommendation: Recommendation | None
    parts: list[SchemePart]

    @property
    def title(self) -> str:
        return _("Innstilling fra samarbeidsforum i %(county)s – tilskudd %(year)s") % {
            "county": self.county,
            "year": self.year,
        }

    @property
    def status(self) -> str:
        r = self.recommendation
        if r is not None and r.is_agreed:
            return _("Vedtatt i møtet %(date)s.") % {
                "date": date_format(r.meeting_date, "j. F Y") if r.meeting_date else "–"
            }
        return _("Utkast – ikke vedtatt.")


def recommendation_table(county, year: int) -> RecommendationTable:
    """Every submitted report of the round with its priority, what it asks and what is
    proposed, per scheme in priority order."""
    the_round = round_for(county, year)
    recommendation = recommendation_of(the_round)
    every = forum_reports(county, year)
    years = s.round_years(every, year)
    reports = list(
        s.with_page_data(every).prefetch_related(
            Prefetch(
                "partnership__owner_links",
                queryset=PartnershipOwner.objects.filter(receives_funds=True).select_related(
                    "owner"
                ),
            ),
            Prefetch(
                "partnership__institution_links",
                queryset=PartnershipInstitution.objects.filter(receives_funds=True).select_related(
                    "institution"
                ),
            ),
        )
    )
    asked = {row.report.pk: row for row in s.page_rows(county, reports, years)}
    lines: dict[int, RecommendationLine] = {}
    proposed: dict[int, dict[tuple[int, str], int]] = defaultdict(dict)
    if recommendation is not None:
        lines = {
            line.report_id: line
            for line in RecommendationLine.objects.filter(recommendation=recommendation)
        }
        for report_id, y, recipient, amount in ProposedAmount.objects.filter(
            line__recommendation=recommendation
        ).values_list("line__report_id", "year", "recipient", "amount"):
            proposed[report_id][(y, recipient)] = amount
    scores = score_summary(county, reports)
    frames = frames_of(the_round)
    parts: dict[int, SchemePart] = {}
    for report in reports:
        part = parts.setdefault(
            report.scheme_id, SchemePart(report.scheme, frames.get(report.scheme_id))
        )
        line = lines.get(report.pk)
        owners = list(report.partnership.owner_links.all())
        institutions = list(report.partnership.institution_links.all())
        summary = scores.get(report.pk)
        part.entries.append(
            Entry(
                priority=line.priority if line else None,
                partnership=report.partnership.name,
                owner=_org(owners[0].owner) if owners else "",
                institution=_org(institutions[0].institution) if institutions else "",
                average=summary.average if summary else None,
                asked=[c.part for c in asked[report.pk].cells],
                proposed=proposed.get(report.pk, {}),
                reason=line.reason if line else "",
            )
        )
    for part in parts.values():
        part.entries.sort(
            key=lambda e: (e.priority is None, e.priority or 0, -(e.average or 0), e.partnership)
        )
    ordered = sorted(parts.values(), key=lambda p: p.scheme.order)
    return RecommendationTable(county.name, year, years, recommendation, ordered)


def _org(organisation) -> str:
    number = organisation.org_number
    if number and len(number) == 9:
        return f"{organisation} ({number[:3]} {number[3:6]} {number[6:]})"
    return str(organisation)


def _money(value: int) -> str:
    return thousands(value) if value else "–"


def _headings(table: RecommendationTable) -> list[str]:
    first = table.years[0]
    later = table.years[1:]
    return (
        [
            _("Prioritet"),
            _("Partnerskap"),
            _("Mottakere"),
            _("Snitt"),
            _("Søkt %(year)s") % {"year": first},
        ]
        + [
            _("Foreslått eier %(year)s") % {"year": first},
            _("Foreslått UH %(year)s") % {"year": first},
        ]
        + [_("Tilsagn %(year)s") % {"year": y} for y in later]
        + [_("Begrunnelse")]
    )


def _cells(table: RecommendationTable, entry: Entry) -> list:
    first = table.years[0]
    return (
        [
            entry.priority or "",
            entry.partnership,
            "\n".join(x for x in (entry.owner, entry.institution) if x),
            "" if entry.average is None else f"{entry.average:.1f}".replace(".", ","),
            entry.asked[0] if entry.asked else 0,
            entry.proposed.get((first, "owner"), 0),
            entry.proposed.get((first, "uh"), 0),
        ]
        + [entry.proposed_total(y) for y in table.years[1:]]
        + [entry.reason]
    )


def recommendation_document(table: RecommendationTable, fmt: str, *, base_url: str = ".") -> bytes:
    if fmt == "docx":
        return _docx(table)
    if fmt == "xlsx":
        return _xlsx(table)
    html = render_to_string(
        "allocation/recommendation_print.html",
        {
            "table": table,
            "headings": _headings(table),
            "printed": timezone.localdate(),
            "rows": [(part, [_cells(table, e) for e in part.entries]) for part in table.parts],
        },
    )
    return html_to_pdf(html, base_url=base_url)


def _docx(table: RecommendationTable) -> bytes:
    document = a4_document(landscape=True, margin_cm=1.5, font_pt=9)
    document.add_heading(export_text(table.title), level=1)
    document.add_paragraph(table.status)
    first = table.years[0]
    for part in table.parts:
        document.add_heading(export_text(part.scheme.name), level=2)
        frame = _("Ramme %(year)s: %(frame)s kr. Foreslått: %(proposed)s kr.") % {
            "year": first,
            "frame": thousands(part.frame) if part.frame is not None else "–",
            "proposed": thousands(part.proposed(first)),
        }
        document.add_paragraph(frame)
        grid = table_with_headings(document, _headings(table))
        for entry in part.entries:
            cells = grid.add_row().cells
            values = _cells(table, entry)
            for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
                amount = 4 <= index < len(values) - 1
                cell.text = export_text(_money(value) if amount else str(value))
    if table.recommendation is not None and table.recommendation.notes:
        document.add_heading(_("Referat fra møtet"), level=2)
        document.add_paragraph(export_text(table.recommendation.notes))
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def _xlsx(table: RecommendationTable) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = _("Innstilling")[:31]
    headings = [_("Ordning")] + _headings(table)
    rows = [
        ([part.scheme.name] + _cells(table, entry), part.scheme.colour)
        for part in table.parts
        for entry in part.entries
    ]
    write_table(
        sheet, headings, rows, widths=[16, 9, 30, 36, 7] + [14] * (len(headings) - 6) + [50]
    )
    out = BytesIO()
    book.save(out)
    return out.getvalue()
