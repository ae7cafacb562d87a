"""Calendar items of a plan: activities, and measures that have no activities yet (a measure
is on the calendar from the moment its NÅR is known)."""

from __future__ import annotations

import calendar as pycalendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from lokomp.core.fields import CodeSetField
from lokomp.core.text import query_text
from lokomp.core.validators import parse_id
from lokomp.core.when import (
    FIRST_YEAR,
    LAST_YEAR,
    Precision,
    When,
    iso_week_bounds,
    month_end,
    occurrences,
    pieces,
    semester_bounds,
)
from lokomp.partnerships.models import Scheme

from .models import Activity, Measure, Responsibility, TargetScope


def placed(obj, *, expand: bool) -> list[When]:
    """Where a measure or activity goes on the calendar: each part of its NÅR on its own
    and, expanded, each dated occurrence of a recurrence (a feed keeps the recurrence as a
    rule). The query leaves out those whose NÅR could not be read or has no date."""
    when = obj.when
    assert when is not None
    return occurrences(when) if expand else pieces(when)


@dataclass
class CalendarItem:
    title: str
    when: When
    scheme: Scheme
    kind_label: str
    measure: Measure
    activity: Activity | None
    location: str = ""
    # Which part of a NÅR with several parts (0 for the first or only one).
    part: int = 0

    @property
    def uid(self) -> str:
        obj = self.activity or self.measure
        prefix = "activity" if self.activity else "measure"
        suffix = f"-{self.part}" if self.part else ""
        return f"{prefix}-{obj.uid}{suffix}@lokomp"

    @property
    def first(self) -> date:
        assert self.when.start is not None
        return self.when.start

    @property
    def last(self) -> date:
        assert self.when.end is not None
        return self.when.end

    def on_day(self, day: date) -> bool:
        return self.first <= day <= self.last

    @property
    def is_day_item(self) -> bool:
        """Placed on its days (a time or a few days), not as a span over the period."""
        return (
            self.when.precision in (Precision.TIME, Precision.DAY)
            and (self.last - self.first).days < 7
        )


@dataclass
class Filters:
    scheme: str = ""
    municipality: int | None = None
    role: str = ""
    unit_kind: str = ""

    @classmethod
    def from_query(cls, params) -> Filters:
        return cls(
            scheme=query_text(params, "ordning", 40),
            municipality=parse_id(params.get("kommune", "")),
            role=query_text(params, "malgruppe", 40),
            unit_kind=query_text(params, "enhetstype", 40),
        )

    def apply(self, qs: QuerySet, *, prefix: str = "") -> QuerySet:
        if self.scheme:
            if prefix:  # activities: their own scheme, or their measure's
                qs = qs.filter(
                    Q(scheme__code=self.scheme)
                    | Q(scheme__isnull=True, measure__scheme__code=self.scheme)
                )
            else:
                qs = qs.filter(scheme__code=self.scheme)
        if self.role:
            qs = qs.filter(target_roles__contains=CodeSetField.contains(self.role))
        if self.unit_kind:
            qs = qs.filter(
                Q(target_unit_kinds__contains=CodeSetField.contains(self.unit_kind))
                | Q(target_unit_kinds="")
            )
        if self.municipality:
            # Same rule as relevant_to_unit: an activity that names the municipalities
            # taking part concerns those only; otherwise its target scope decides.
            by_scope = Q(target_scope=TargetScope.PARTNERSHIP) | Q(
                pk__in=qs.model.target_municipalities.through.objects.filter(
                    municipality=self.municipality
                ).values(f"{qs.model._meta.model_name}_id")
            )
            if prefix:
                involved = Activity.municipalities.through.objects.filter(activity=OuterRef("pk"))
                named = Activity.municipalities.through.objects.filter(
                    municipality=self.municipality
                ).values("activity_id")
                qs = qs.filter(Q(pk__in=named) | (~Exists(involved) & by_scope))
            else:
                qs = qs.filter(by_scope)
        return qs


def plan_items(
    plans,
    *,
    first: date | None = None,
    last: date | None = None,
    filters: Filters | None = None,
    for_feed: bool = False,
    expand: bool = True,
) -> list[CalendarItem]:
    """Two queries (five for a feed): activities, and measures without activities, of one
    plan or of several. An item for each part of a NÅR; on a page also for each dated
    occurrence of a recurrence, while a feed keeps the recurrence as a rule."""
    filters = filters or Filters()
    plan_filter = {"plan__in": plans} if isinstance(plans, list | QuerySet) else {"plan": plans}
    activities = Activity.objects.filter(
        **{f"measure__{k}": v for k, v in plan_filter.items()}, when_start__isnull=False
    )
    measures = (
        Measure.objects.filter(**plan_filter, when_start__isnull=False)
        .annotate(has_activities=Exists(Activity.objects.filter(measure=OuterRef("pk"))))
        .filter(has_activities=False)
    )
    if first and last:
        activities = activities.filter(when_start__lte=last, when_end__gte=first)
        measures = measures.filter(when_start__lte=last, when_end__gte=first)
    activities = filters.apply(activities, prefix="activity").select_related(
        "scheme", "measure", "measure__scheme", "measure__plan__partnership"
    )
    measures = filters.apply(measures).select_related("scheme", "plan__partnership")
    if not expand:
        # A feed's description carries HVORDAN and ANSVAR (two queries more, whatever the size).
        who = Responsibility.objects.select_related("institution", "owner")
        activities = activities.prefetch_related(
            Prefetch("measure__responsibilities", queryset=who)
        )
        measures = measures.prefetch_related(Prefetch("responsibilities", queryset=who))
    if for_feed:
        activities = activities.prefetch_related(
            "municipalities", "target_municipalities", "target_units"
        )
        measures = measures.prefetch_related("target_municipalities", "target_units")
    elif expand:
        # A page shows the municipalities taking part in each activity.
        activities = activities.prefetch_related("municipalities")
    items = [
        CalendarItem(
            title=a.title,
            when=when,
            scheme=a.scheme or a.measure.scheme,
            kind_label=a.get_kind_display(),
            measure=a.measure,
            activity=a,
            location=a.location,
            part=n,
        )
        for a in activities
        for n, when in enumerate(placed(a, expand=expand))
    ]
    items += [
        CalendarItem(
            title=m.title,
            when=when,
            scheme=m.scheme,
            kind_label="Tiltak",
            measure=m,
            activity=None,
            part=n,
        )
        for m in measures
        for n, when in enumerate(placed(m, expand=expand))
    ]
    if first and last:
        items = [i for i in items if i.when.overlaps(first, last)]
    items.sort(key=lambda item: (item.when.sort_key(), item.title))
    return items


def unscheduled(plan, filters: Filters | None = None) -> list[Activity | Measure]:
    """Measures and activities agreed "etter avtale", or on planning days not yet known:
    listed beside the calendar, never placed on a made-up day. Two queries."""
    filters = filters or Filters()
    activities = filters.apply(
        Activity.objects.filter(measure__plan=plan, when_precision=Precision.UNSCHEDULED),
        prefix="activity",
    ).select_related("measure")
    measures = filters.apply(
        Measure.objects.filter(plan=plan, when_precision=Precision.UNSCHEDULED)
    )
    return [*measures, *activities]


def relevant_to_unit(item: CalendarItem, unit) -> bool:
    """Whether an item concerns a unit: by its scope, its unit kinds and, for activities,
    the municipalities taking part."""
    return concerns_unit(item.activity or item.measure, item.activity, unit)


def concerns_unit(target, activity, unit) -> bool:
    """Whether a measure or activity (`target`, with `activity` when it is one) concerns a
    unit. Reads the prefetched municipalities, target municipalities and target units."""
    if target.target_unit_kinds and unit.kind not in target.target_unit_kinds:
        return False
    if activity is not None:
        involved = {m.pk for m in activity.municipalities.all()}
        if involved and unit.municipality_id not in involved:
            return False
    if target.target_scope == TargetScope.MUNICIPALITIES:
        return unit.municipality_id in {m.pk for m in target.target_municipalities.all()}
    if target.target_scope == TargetScope.UNITS:
        return unit.pk in {u.pk for u in target.target_units.all()}
    return True


# -- periods ---------------------------------------------------------------------------------


@dataclass
class Period:
    view: str  # "semester", "month", "week"
    first: date
    last: date
    label: str
    key: str
    previous_key: str
    next_key: str


def month_label(day: date) -> str:
    """ "November 2026", in the user's language."""
    return capfirst(date_format(day, "F Y"))


def semester_period(key: str) -> Period:
    season, year = key.split("-")
    year_int = int(year)
    first, last = semester_bounds("høst" if season == "host" else "vår", year_int)
    label = (_("Høst %(year)s") if season == "host" else _("Vår %(year)s")) % {"year": year_int}
    if season == "host":
        prev_key, next_key = f"var-{year_int}", f"var-{year_int + 1}"
    else:
        prev_key, next_key = f"host-{year_int - 1}", f"host-{year_int}"
    return Period("semester", first, last, label, key, prev_key, next_key)


def month_period(key: str) -> Period:
    year, month = (int(part) for part in key.split("-"))
    first = date(year, month, 1)
    previous = first - timedelta(days=1)
    following = month_end(year, month) + timedelta(days=1)
    return Period(
        "month",
        first,
        month_end(year, month),
        month_label(first),
        key,
        f"{previous.year}-{previous.month:02d}",
        f"{following.year}-{following.month:02d}",
    )


def week_period(key: str) -> Period:
    year, week = key.split("-u")
    first, last = iso_week_bounds(int(year), int(week))
    previous = (first - timedelta(days=7)).isocalendar()
    following = (first + timedelta(days=7)).isocalendar()
    return Period(
        "week",
        first,
        last,
        _("Uke %(week)s %(year)s (%(first)s–%(last)s)")
        % {
            "week": int(week),
            "year": year,
            "first": f"{first.day}.{first.month}.",
            "last": f"{last.day}.{last.month}.",
        },
        key,
        f"{previous.year}-u{previous.week:02d}",
        f"{following.year}-u{following.week:02d}",
    )


def default_key(view: str, plan_school_year: int, today: date) -> str:
    in_plan = date(plan_school_year, 8, 1) <= today <= date(plan_school_year + 1, 6, 30)
    anchor = today if in_plan else date(plan_school_year, 8, 1)
    if view == "month":
        return f"{anchor.year}-{anchor.month:02d}"
    if view == "week":
        iso = anchor.isocalendar()
        return f"{iso.year}-u{iso.week:02d}"
    return f"host-{anchor.year}" if anchor.month >= 7 else f"var-{anchor.year}"


# A period a calendar can show: years the scheme can be about, so that the previous and the
# next period exist too.
PERIOD_KEYS = {
    "month": re.compile(r"(?P<year>\d{4})-(?:0[1-9]|1[0-2])"),
    "week": re.compile(r"(?P<year>\d{4})-u(?:0[1-9]|[1-4]\d|5[0-3])"),
    "semester": re.compile(r"(?:host|var)-(?P<year>\d{4})"),
}


def parse_period(view: str, key: str) -> Period:
    """Raises ValueError for a key that names no period."""
    found = PERIOD_KEYS[view].fullmatch(key)
    if found is None or not FIRST_YEAR <= int(found["year"]) <= LAST_YEAR:
        raise ValueError(key)
    if view == "month":
        return month_period(key)
    if view == "week":
        return week_period(key)
    return semester_period(key)


def month_grid(period: Period, items: list[CalendarItem]) -> list[dict]:
    """Weeks of the month, each with its ISO number, days, day items and week spans."""
    weeks = []
    for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(
        period.first.year, period.first.month
    ):
        monday, sunday = week[0], week[-1]
        week_items = [i for i in items if _within_one_week(i) and i.when.overlaps(monday, sunday)]
        days = [
            {
                "date": day,
                "in_month": day.month == period.first.month,
                "items": [i for i in items if i.is_day_item and i.on_day(day)],
            }
            for day in week
        ]
        weeks.append({"number": monday.isocalendar().week, "days": days, "spans": week_items})
    return weeks


def _within_one_week(item: CalendarItem) -> bool:
    return (
        item.when.precision == Precision.WEEK
        and item.first.isocalendar()[:2] == item.last.isocalendar()[:2]
    )


def _within_one_month(item: CalendarItem) -> bool:
    return (item.first.year, item.first.month) == (item.last.year, item.last.month)


def spanning(items: list[CalendarItem], view: str) -> list[CalendarItem]:
    """Items shown once, as a band over the page, rather than under each week or month they
    touch: in a month, all but days and single weeks; in a semester, all but what lies
    within one month."""
    if view == "month":
        return [i for i in items if not i.is_day_item and not _within_one_week(i)]
    if view == "semester":
        return [i for i in items if not i.is_day_item and not _within_one_month(i)]
    return [i for i in items if not i.is_day_item]


def semester_months(period: Period, items: list[CalendarItem]) -> list[dict]:
    months = []
    day = period.first
    while day <= period.last:
        first, last = day, month_end(day.year, day.month)
        months.append(
            {
                "label": month_label(day),
                "key": f"{day.year}-{day.month:02d}",
                # Days once a day they happen; weeks and months within this month once.
                "items": [
                    i
                    for i in items
                    if i.when.overlaps(first, last) and (i.is_day_item or _within_one_month(i))
                ],
            }
        )
        day = last + timedelta(days=1)
    return months


# -- timeline --------------------------------------------------------------------------------


def timeline(plan, filters: Filters | None = None) -> dict:
    """The school year on one page, as a steering group reads it: a row per measure, a
    column per month; a month is marked where the measure runs, and lists the activities
    held in it. Two queries."""
    filters = filters or Filters()
    first, _last = semester_bounds("høst", plan.school_year)
    months = []
    day = first
    for _n in range(11):  # August to June
        months.append((day, month_end(day.year, day.month)))
        day = month_end(day.year, day.month) + timedelta(days=1)
    measures = list(filters.apply(Measure.objects.filter(plan=plan)).select_related("scheme"))
    activities = filters.apply(
        Activity.objects.filter(measure__plan=plan, when_start__isnull=False),
        prefix="activity",
    )
    held: dict[int, list[tuple[When, Activity]]] = {}
    for activity in activities:
        assert activity.when is not None
        for when in occurrences(activity.when):
            held.setdefault(activity.measure_id, []).append((when, activity))
    rows = []
    for measure in measures:
        runs = occurrences(measure.when) if measure.when else []
        cells = []
        for start, end in months:
            marks = [
                {"title": a.title, "when": w.format()}
                for w, a in held.get(measure.pk, [])
                if w.overlaps(start, end)
            ]
            cells.append(
                {"runs": any(w.overlaps(start, end) for w in runs) or bool(marks), "marks": marks}
            )
        rows.append({"measure": measure, "cells": cells})
    return {
        "months": [
            {"label": month_label(start), "short": date_format(start, "M")} for start, _e in months
        ],
        "rows": rows,
    }
