"""Coverage under turnover: of the staff at work on a day, the share who have

(a) done every step of the basic package (an onboarding programme in use),
(b) attended one of the school year's sessions (the dialogue sessions), and
(c) where their unit was selected for supervision that year, taken part in a session held.

Everything is counted in the database: one grouped pass over the staff for all the school
years shown, one over the completed basic packages, one over the units that keep counts
only, and two over supervision, so the
number of queries does not grow with staff, attendance or years. Only numbers leave
this module: no names."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, F, IntegerField, Max, OuterRef, Q, QuerySet
from django.db.models.functions import Coalesce

from lokomp.core.when import school_year_of
from lokomp.plans.models import ActivityKind
from lokomp.registry.models import Unit

from .models import (
    Attendance,
    Employee,
    StaffList,
    StepDone,
    Supervision,
    SupervisionSession,
    at_work,
)

MEASURES = ("basic", "dialogue", "supervision")


def year_end(school_year: int) -> date:
    return date(school_year + 1, 7, 31)


def _basic_counts(units: QuerySet[Unit], years: list[tuple[int, date]]) -> dict:
    """(school year, unit id) → how many at work on the year's day had done every step of
    a programme in use by then. One query: each employee's completed programmes with the
    day of their last step (a programme's steps are counted against its step_count)."""
    completed = (
        StepDone.objects.filter(
            employee__unit__in=units,
            step__programme__active=True,
            step__programme__step_count__gt=0,
        )
        .values(
            "employee",
            "employee__unit",
            "employee__start_date",
            "employee__end_date",
            "step__programme",
            "step__programme__step_count",
        )
        .annotate(n=Count("pk"), last=Max("done_on"))
        .filter(n=F("step__programme__step_count"))
        .values_list(
            "employee", "employee__unit", "employee__start_date", "employee__end_date", "last"
        )
        .order_by()
    )
    first_done: dict[int, tuple] = {}
    for employee, unit, start, end, done in completed:
        known = first_done.get(employee)
        if known is None or done < known[3]:
            first_done[employee] = (unit, start, end, done)
    counts: dict[tuple[int, int], int] = {}
    for unit, start, end, done in first_done.values():
        for year, on in years:
            working = (start is None or start <= on) and (end is None or end >= on)
            if working and done <= on:
                counts[(year, unit)] = counts.get((year, unit), 0) + 1
    return counts


def _dialogue(school_year: int) -> Exists:
    return Exists(
        Attendance.objects.filter(
            employee=OuterRef("pk"), school_year=school_year, activity__kind=ActivityKind.SESSION
        )
    )


def _supervised(school_year: int) -> Exists:
    return Exists(
        SupervisionSession.participants.through.objects.filter(
            employee=OuterRef("pk"),
            supervisionsession__held=True,
            supervisionsession__supervision__school_year=school_year,
        )
    )


@dataclass
class Figures:
    """One unit's (or a sum of units') counts for a school year."""

    staff: int = 0
    named_staff: int = 0  # staff kept by name: the basic package is counted for them only
    basic: int = 0
    dialogue: int = 0
    selected_staff: int = 0  # staff of units selected for supervision
    supervised: int = 0
    counts_only: bool = False
    has_list: bool = True

    def _parts(self, measure: str) -> tuple[int, int]:
        if measure == "supervision":
            return self.selected_staff, self.supervised
        if measure == "basic":
            return self.named_staff, self.basic
        return self.staff, self.dialogue

    def share(self, measure: str) -> int | None:
        """Whole per cent, or None where there is nothing to measure."""
        whole, part = self._parts(measure)
        return round(100 * min(part, whole) / whole) if whole else None

    def gap(self, measure: str) -> int:
        """How many of the staff lack it (what "falling behind" means for a leader)."""
        whole, part = self._parts(measure)
        return max(0, whole - part)

    def add(self, other: Figures) -> None:
        self.staff += other.staff
        self.named_staff += other.named_staff
        self.basic += min(other.basic, other.named_staff)
        self.dialogue += min(other.dialogue, other.staff)
        self.selected_staff += other.selected_staff
        self.supervised += min(other.supervised, other.selected_staff)


def unit_figures(
    units: QuerySet[Unit], years: list[tuple[int, date]]
) -> dict[int, dict[int, Figures]]:
    """Per school year, per unit id: the counts for the year as at its day. All the years
    in five queries: one pass over the units' staff, one over the completed basic packages,
    one over the units that keep counts only, and two over supervision."""
    # Someone whose name was deleted after they left still counts in the years they
    # worked: the row keeps its dates and unit.
    per_year: dict[int, dict[int, Figures]] = {year: {} for year, _ in years}
    counts: dict = {}
    for year, on in years:
        at_work_then = at_work(on)
        counts |= {
            f"staff_{year}": Count("pk", filter=at_work_then),
            f"dialogue_{year}": Count("pk", filter=at_work_then & Q(_dialogue(year))),
            # Participants are ticked from their own unit's list.
            f"supervised_{year}": Count("pk", filter=at_work_then & Q(_supervised(year))),
        }
    school_years = [year for year, _ in years]
    selected_units = set(
        Supervision.objects.filter(unit__in=units, school_year__in=school_years).values_list(
            "unit_id", "school_year"
        )
    )
    first, last = min(on for _, on in years), max(on for _, on in years)
    basic = _basic_counts(units, years)
    named = (
        Employee.objects.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=last),
            Q(end_date__isnull=True) | Q(end_date__gte=first),
            unit__in=units,
        )
        .exclude(unit__staff_list__counts_only=True)
        .values("unit")
        .annotate(**counts)
        .order_by()
    )
    for row in named:
        for year, _ in years:
            chosen = (row["unit"], year) in selected_units
            per_year[year][row["unit"]] = Figures(
                staff=row[f"staff_{year}"],
                named_staff=row[f"staff_{year}"],
                basic=basic.get((year, row["unit"]), 0),
                dialogue=row[f"dialogue_{year}"],
                selected_staff=row[f"staff_{year}"] if chosen else 0,
                supervised=row[f"supervised_{year}"] if chosen else 0,
            )
    # Units that keep counts only: their registered staff count, the numbers recorded at
    # the year's sessions (the largest session; the same people come to several), and the
    # largest supervision session held.
    counted = (
        units.filter(pk__in=StaffList.objects.filter(counts_only=True).values("unit_id"))
        .annotate(
            **{
                f"dialogue_{year}": Coalesce(
                    Max(
                        "attendance__count",
                        filter=Q(
                            attendance__activity__kind=ActivityKind.SESSION,
                            attendance__school_year=year,
                        ),
                    ),
                    0,
                    output_field=IntegerField(),
                )
                for year, _ in years
            }
        )
        .values("pk", "staff_count", *(f"dialogue_{year}" for year, _ in years))
        .order_by()
    )
    supervision_counts = {
        (unit, year): n
        for unit, year, n in SupervisionSession.objects.filter(
            supervision__unit__in=units,
            supervision__school_year__in=school_years,
            held=True,
            count__isnull=False,
        )
        .values("supervision__unit", "supervision__school_year")
        .annotate(n=Max("count"))
        .values_list("supervision__unit", "supervision__school_year", "n")
        .order_by()
    }
    for row in counted:
        staff = row["staff_count"] or 0
        for year, _ in years:
            chosen = (row["pk"], year) in selected_units
            per_year[year][row["pk"]] = Figures(
                staff=staff,
                dialogue=min(row[f"dialogue_{year}"], staff),
                selected_staff=staff if chosen else 0,
                supervised=min(supervision_counts.get((row["pk"], year), 0), staff)
                if chosen
                else 0,
                counts_only=True,
            )
    return per_year


SORTS = {"grunnpakke": "basic", "dialog": "dialogue", "veiledning": "supervision"}


@dataclass
class UnitRow:
    unit: Unit
    figures: Figures


@dataclass
class Coverage:
    school_year: int
    on: date
    rows: list[UnitRow]
    total: Figures
    by_municipality: list[tuple[str, Figures]]
    trend: list[tuple[int, Figures]] = field(default_factory=list)


def coverage(
    units: QuerySet[Unit], *, school_year: int, today: date, sort: str = "basic", years: int = 3
) -> Coverage:
    """The figures for each unit (sorted by the gap in the chosen measure, largest first),
    per municipality and in total, and the totals of earlier school years for the trend."""
    on = min(today, year_end(school_year))
    unit_list = list(units.select_related("municipality").order_by("municipality__name", "name"))
    spans = [(y, min(today, year_end(y))) for y in range(school_year - years + 1, school_year + 1)]
    per_year = unit_figures(units, spans)
    figures = per_year[school_year]
    rows = [UnitRow(u, figures.get(u.pk) or Figures(has_list=False)) for u in unit_list]
    rows.sort(key=lambda r: (-r.figures.gap(sort), -(r.figures.staff), r.unit.name))
    total = Figures()
    municipalities: dict[str, Figures] = {}
    for row in rows:
        total.add(row.figures)
        municipalities.setdefault(row.unit.municipality.name, Figures()).add(row.figures)
    trend = []
    for year, _ in spans[:-1]:
        earlier = Figures()
        for f in per_year[year].values():
            earlier.add(f)
        trend.append((year, earlier))
    trend.append((school_year, total))
    return Coverage(
        school_year=school_year,
        on=on,
        rows=rows,
        total=total,
        by_municipality=sorted(municipalities.items()),
        trend=trend,
    )


def current_school_year(today: date) -> int:
    return school_year_of(today)
