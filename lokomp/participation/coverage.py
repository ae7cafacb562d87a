"""Coverage under turnover: of the staff at work on a day, the share who have

(a) done every step of the basic package (an onboarding programme in use),
(b) attended one of the school year's sessions (the dialogue sessions), and
(c) where their unit was selected for supervision that year, taken part in a session held.

Everything is counted in the database, one grouped query per school year for units that
keep names and one for units that keep counts only, so the number of queries does not
grow with staff or attendance. Only numbers leave this module: no names."""

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
)

MEASURES = ("basic", "dialogue", "supervision")


def year_end(school_year: int) -> date:
    return date(school_year + 1, 7, 31)


def _at_work(on: date, prefix: str = "") -> Q:
    p = prefix
    return (Q(**{f"{p}start_date__isnull": True}) | Q(**{f"{p}start_date__lte": on})) & (
        Q(**{f"{p}end_date__isnull": True}) | Q(**{f"{p}end_date__gte": on})
    )


def _basic_done(on: date) -> Exists:
    """Every step of a programme in use done by the day."""
    per_programme = (
        StepDone.objects.filter(
            employee=OuterRef("pk"), done_on__lte=on, step__programme__active=True
        )
        .values("step__programme", "step__programme__step_count")
        .annotate(n=Count("pk"))
        .filter(n=F("step__programme__step_count"), step__programme__step_count__gt=0)
    )
    return Exists(per_programme)


def _dialogue(school_year: int) -> Exists:
    return Exists(
        Attendance.objects.filter(
            employee=OuterRef("pk"),
            activity__kind=ActivityKind.SESSION,
            activity__measure__plan__school_year=school_year,
        )
    )


def _selected(school_year: int, unit_ref: str) -> Exists:
    return Exists(Supervision.objects.filter(unit=OuterRef(unit_ref), school_year=school_year))


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


def unit_figures(units: QuerySet[Unit], school_year: int, on: date) -> dict[int, Figures]:
    """Per unit id: the counts for the school year, as at the day. Three queries."""
    named = (
        Employee.objects.filter(_at_work(on), unit__in=units, purged_at__isnull=True)
        .exclude(unit__staff_list__counts_only=True)
        .values("unit")
        .annotate(
            staff=Count("pk"),
            basic=Count("pk", filter=Q(_basic_done(on))),
            dialogue=Count("pk", filter=Q(_dialogue(school_year))),
            selected_staff=Count("pk", filter=Q(_selected(school_year, "unit"))),
            supervised=Count(
                "pk", filter=Q(_selected(school_year, "unit")) & Q(_supervised(school_year))
            ),
        )
        .order_by()
    )
    found: dict[int, Figures] = {
        row["unit"]: Figures(
            staff=row["staff"],
            named_staff=row["staff"],
            basic=row["basic"],
            dialogue=row["dialogue"],
            selected_staff=row["selected_staff"],
            supervised=row["supervised"],
        )
        for row in named
    }
    # Units that keep counts only: their registered staff count, the numbers recorded at
    # the year's sessions (the largest session; the same people come to several), and the
    # largest supervision session held.
    counted = (
        units.filter(pk__in=StaffList.objects.filter(counts_only=True).values("unit_id"))
        .annotate(
            dialogue=Coalesce(
                Max(
                    "attendance__count",
                    filter=Q(
                        attendance__activity__kind=ActivityKind.SESSION,
                        attendance__activity__measure__plan__school_year=school_year,
                    ),
                ),
                0,
                output_field=IntegerField(),
            ),
        )
        .values("pk", "staff_count", "dialogue")
        .order_by()
    )
    supervision_counts = dict(
        SupervisionSession.objects.filter(
            supervision__unit__in=units,
            supervision__school_year=school_year,
            held=True,
            count__isnull=False,
        )
        .values("supervision__unit")
        .annotate(n=Max("count"))
        .values_list("supervision__unit", "n")
        .order_by()
    )
    selected = set(
        Supervision.objects.filter(unit__in=units, school_year=school_year).values_list(
            "unit_id", flat=True
        )
    )
    for row in counted:
        staff = row["staff_count"] or 0
        found[row["pk"]] = Figures(
            staff=staff,
            dialogue=min(row["dialogue"], staff),
            selected_staff=staff if row["pk"] in selected else 0,
            supervised=min(supervision_counts.get(row["pk"], 0), staff)
            if row["pk"] in selected
            else 0,
            counts_only=True,
        )
    return found


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
    figures = unit_figures(units, school_year, on)
    rows = [UnitRow(u, figures.get(u.pk) or Figures(has_list=False)) for u in unit_list]
    rows.sort(key=lambda r: (-r.figures.gap(sort), -(r.figures.staff), r.unit.name))
    total = Figures()
    municipalities: dict[str, Figures] = {}
    for row in rows:
        total.add(row.figures)
        municipalities.setdefault(row.unit.municipality.name, Figures()).add(row.figures)
    trend = []
    for year in range(school_year - years + 1, school_year):
        earlier = Figures()
        for f in unit_figures(units, year, min(today, year_end(year))).values():
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
