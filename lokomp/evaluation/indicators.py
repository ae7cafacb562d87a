"""Indicators per unit and term (uro, avvik, fravær, meldepliktssaker): registered by the
unit's leader or the owner, summed or averaged per municipality in the database, and shown
over time as a chart with the same figures in a table."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.db.models import Avg, QuerySet, Sum
from django.utils.translation import gettext as _

from lokomp.core.audit import log_action
from lokomp.core.when import school_year_of
from lokomp.registry.models import Unit

from .models import Aggregate, Indicator, IndicatorValue, Term

MAX_VALUE = Decimal("9999999999")


def terms(today: date, years: int = 3) -> list[tuple[int, str]]:
    """The terms of the last school years, oldest first, up to the current one."""
    current = school_year_of(today)
    found = []
    for year in range(current - years + 1, current + 1):
        found.append((year, Term.AUTUMN))
        if year < current or today.month < 8:
            found.append((year, Term.SPRING))
    return found


def term_label(year: int, term: str) -> str:
    return (
        _("høst %(year)s") % {"year": year}
        if term == Term.AUTUMN
        else _("vår %(year)s") % {"year": year + 1}
    )


def term_key(year: int, term: str) -> str:
    return f"{year}-{term}"


def parse_term(text: str, allowed: list[tuple[int, str]]) -> tuple[int, str] | None:
    found = re.fullmatch(r"(\d{4})-(autumn|spring)", text[:20])
    if not found:
        return None
    chosen = (int(found.group(1)), found.group(2))
    return chosen if chosen in allowed else None


def parse_value(text: str) -> tuple[Decimal | None, str]:
    """A number as people type it (1 234,5), or the reason it cannot be read."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")[:30]
    if not cleaned:
        return None, ""
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None, _("Skriv et tall, for eksempel 12 eller 4,5.")
    if not value.is_finite() or value < 0 or value > MAX_VALUE:
        return None, _("Skriv et tall fra 0 til 9 999 999 999.")
    return value.quantize(Decimal("0.01")), ""


def unit_indicators(unit: Unit) -> QuerySet[Indicator]:
    return Indicator.objects.filter(
        active=True, partnership__owner_links__owner=unit.owner_id
    ).distinct()


def shown(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


@transaction.atomic
def values_save(
    *, unit: Unit, year: int, term: str, indicators, posted, user
) -> tuple[dict[int, str], list[str]]:
    """Save the values the writer changed. Returns the problems per indicator (nothing
    is saved while there are any) and the indicators someone else changed meanwhile
    (those are not saved; the writer is told)."""
    stored = {
        v.indicator_id: v
        for v in IndicatorValue.objects.select_for_update().filter(
            unit=unit, school_year=year, term=term, indicator__in=indicators
        )
    }
    problems: dict[int, str] = {}
    wanted: dict[int, Decimal | None] = {}
    for indicator in indicators:
        typed = posted.get(f"v{indicator.pk}", "")
        before = posted.get(f"before-{indicator.pk}", "")
        if typed.strip() == before.strip():
            continue
        value, problem = parse_value(typed)
        if problem:
            problems[indicator.pk] = problem
        else:
            wanted[indicator.pk] = value
    if problems:
        return problems, []
    conflicts = []
    changed = []
    for indicator in indicators:
        if indicator.pk not in wanted:
            continue
        now = stored.get(indicator.pk)
        if shown(now.value if now else None) != posted.get(f"before-{indicator.pk}", "").strip():
            conflicts.append(indicator.name)
            continue
        value = wanted[indicator.pk]
        if value is None:
            if now is not None:
                now.delete()
        elif now is None:
            IndicatorValue.objects.create(
                indicator=indicator,
                unit=unit,
                school_year=year,
                term=term,
                value=value,
                recorded_by=user,
            )
        else:
            now.value, now.recorded_by = value, user
            now.save(update_fields=["value", "recorded_by", "recorded_at"])
        changed.append(indicator.name)
    if changed:
        log_action(
            "evaluation.indicators.saved",
            user=user,
            obj=unit,
            changes={term_label(year, term): [None, changed]},
            county=unit.municipality.county,
        )
    return {}, conflicts


@dataclass
class Series:
    """One indicator over the terms: per municipality (summed or averaged over its
    units), and per unit of a chosen municipality."""

    indicator: Indicator
    terms: list[tuple[int, str]]
    rows: list[tuple[str, list[Decimal | None]]]
    largest: Decimal


def series(
    indicator: Indicator, units: QuerySet[Unit], periods: list[tuple[int, str]], by: str
) -> Series:
    """`by` is "municipality" or "unit". One query."""
    years = sorted({y for y, _t in periods})
    key = "unit__municipality__name" if by == "municipality" else "unit__name"
    combine = Sum if indicator.aggregate == Aggregate.SUM else Avg
    found: dict[str, dict[tuple[int, str], Decimal]] = {}
    for row in (
        IndicatorValue.objects.filter(indicator=indicator, unit__in=units, school_year__in=years)
        .values(key, "school_year", "term")
        .annotate(v=combine("value"))
        .order_by()
    ):
        found.setdefault(row[key], {})[(row["school_year"], row["term"])] = Decimal(row["v"])
    rows = [(name, [values.get(p) for p in periods]) for name, values in sorted(found.items())]
    largest = max((v for _n, vs in rows for v in vs if v is not None), default=Decimal(0))
    return Series(indicator, periods, rows, largest)


TERM_TEXT = re.compile(r"^(høst|haust|vår)\s*(\d{4})$")


def parse_term_text(text: str) -> tuple[int, str] | None:
    """ "høst 2025" (or "haust 2025") → (2025, autumn); "vår 2026" → (2025, spring)."""
    found = TERM_TEXT.match(" ".join(text.lower().split())[:20])
    if not found:
        return None
    year = int(found.group(2))
    if not 2000 <= year <= 2100:
        return None
    return (year, Term.AUTUMN) if found.group(1) != "vår" else (year - 1, Term.SPRING)


HEADINGS = {
    "unit": {"enhet", "eining", "skole", "barnehage"},
    "indicator": {"indikator"},
    "term": {"termin", "periode"},
    "value": {"verdi", "tall", "tal"},
}


@dataclass
class ImportRow:
    number: int
    unit: Unit | None = None
    indicator: Indicator | None = None
    term: tuple[int, str] | None = None
    value: Decimal | None = None
    problems: list[str] | None = None


def read_import(rows: list[list[str]], units, indicators) -> list[ImportRow]:
    """Each row of an indicator file, with what could not be read. Units are the ones the
    user keeps, by name; indicators the partnership's, by name."""
    if not rows:
        return []
    headings = [" ".join(c.lower().split()) for c in rows[0]]
    columns = {}
    for field_name, words in HEADINGS.items():
        columns[field_name] = next((i for i, h in enumerate(headings) if h in words), None)
    by_unit = {" ".join(u.name.lower().split()): u for u in units}
    by_indicator = {" ".join(i.name.lower().split()): i for i in indicators}
    found = []
    for number, row in enumerate(rows[1:], start=2):

        def cell(field_name, row=row):
            index = columns[field_name]
            return row[index].strip() if index is not None and index < len(row) else ""

        item = ImportRow(number, problems=[])
        item.unit = by_unit.get(" ".join(cell("unit").lower().split()))
        if item.unit is None:
            item.problems.append(_("Ukjent enhet, eller en du ikke fører tall for."))
        item.indicator = by_indicator.get(" ".join(cell("indicator").lower().split()))
        if item.indicator is None:
            item.problems.append(_("Ukjent indikator."))
        item.term = parse_term_text(cell("term"))
        if item.term is None:
            item.problems.append(_("Skriv terminen som «høst 2025» eller «vår 2026»."))
        item.value, problem = parse_value(cell("value"))
        if problem or item.value is None:
            item.problems.append(problem or _("Verdien mangler."))
        found.append(item)
    return found


@transaction.atomic
def import_apply(rows: list[ImportRow], user) -> int:
    """Store every row (the file has been read without problems). Returns how many."""
    for row in rows:
        if not (row.unit and row.indicator and row.term and row.value is not None):
            raise ValueError("an import row without a unit, indicator, term or value")
        IndicatorValue.objects.update_or_create(
            indicator=row.indicator,
            unit=row.unit,
            school_year=row.term[0],
            term=row.term[1],
            defaults={"value": row.value, "recorded_by": user},
        )
    if rows:
        log_action(
            "evaluation.indicators.imported",
            user=user,
            obj=rows[0].indicator,
            changes={_("Verdier"): [None, len(rows)]},
            partnership=rows[0].indicator.partnership,
        )
    return len(rows)
