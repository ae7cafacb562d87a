"""The queries behind the plan table, shared by the page, the public page and the exports,
so that all of them show the same plan. A fixed number of queries whatever the size."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from lokomp.registry.models import Municipality, Unit

from .models import ActionPlan, Activity, Goal, GoalLevel, Measure, Responsibility
from .targets import TargetCount


@dataclass
class PlanRow:
    measure: Measure
    target: TargetCount


def get_plan(partnership, year_slug: str) -> ActionPlan:
    try:
        first, second = (int(part) for part in year_slug.split("-"))
    except ValueError as error:
        raise Http404("Ukjent skoleår.") from error
    if second != first + 1:
        raise Http404("Ukjent skoleår.")
    plan = ActionPlan.objects.filter(partnership=partnership, school_year=first).first()
    if plan is None:
        raise Http404("Partnerskapet har ingen plan for dette skoleåret.")
    plan.partnership = partnership
    return plan


def units_of(partnership) -> QuerySet[Unit]:
    """The units of the partnership's member owners."""
    return Unit.objects.filter(owner__partnership_links__partnership=partnership)


def partnership_units(partnership) -> list[Unit]:
    return list(
        units_of(partnership).only(
            "id", "kind", "municipality_id", "staff_count", "staff_counted_on", "name"
        )
    )


def partnership_municipalities(partnership):
    return Municipality.objects.filter(
        pk__in=units_of(partnership).values("municipality_id")
    ).order_by("name")


def plan_rows(plan: ActionPlan) -> tuple[list[Goal], list[Goal], list[PlanRow]]:
    goals = list(plan.goals.all())
    measures = (
        plan.measures.select_related("scheme")
        .prefetch_related(
            Prefetch(
                "responsibilities",
                queryset=Responsibility.objects.select_related("institution", "owner"),
            ),
            "target_municipalities",
            "target_units",
        )
        .order_by("number")
    )
    units = partnership_units(plan.partnership)
    rows = [PlanRow(m, m.target_count(units)) for m in measures]
    long_term = [g for g in goals if g.level == GoalLevel.LONG_TERM]
    sub = [g for g in goals if g.level == GoalLevel.SUB]
    return long_term, sub, rows


def plan_activities(plan: ActionPlan) -> list[Activity]:
    """The plan's activities in the order they happen (those with no date last): NÅR, HVA,
    HVEM, municipalities and scheme, as a plan made of activities prints them. Two queries."""
    return sorted(
        Activity.objects.filter(measure__plan=plan)
        .select_related("measure", "scheme", "measure__scheme")
        .prefetch_related("municipalities"),
        key=lambda a: (a.when_start or date.max, a.when_start_time or time.min, a.measure.number),
    )
