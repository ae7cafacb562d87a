"""The start page's parts from the plans: the week's activities, the partnerships a person
sees with their plans, and the published plans for visitors."""

from __future__ import annotations

from datetime import date, timedelta

from lokomp.accounts.scoping import user_scope
from lokomp.core.start import Section, register_section
from lokomp.core.when import Precision, school_year_of
from lokomp.partnerships.access import visible_partnerships
from lokomp.registry.access import visible_units

from .calendar import CalendarItem, plan_items, relevant_to_unit
from .models import ActionPlan

# At most this many of the week's activities on the start page; the calendar has the rest.
WEEK_ITEMS = 20
# The partnerships table lists this many; a county's list page has them all.
PARTNERSHIP_ROWS = 50


def this_week(partnerships, units, today: date) -> list[CalendarItem]:
    """Activities of the week (Monday to Sunday) in the current plans of the partnerships
    the user sees; for someone who belongs to units, those that concern the units."""
    monday = today - timedelta(days=today.weekday())
    sunday = monday + timedelta(days=6)
    plans = list(
        ActionPlan.objects.filter(
            partnership__in=partnerships, school_year=school_year_of(today)
        ).values_list("pk", flat=True)
    )
    if not plans:
        return []
    items = plan_items(plans, first=monday, last=sunday, for_feed=bool(units))
    items = [i for i in items if i.is_day_item or i.when.precision == Precision.WEEK]
    if units:
        items = [i for i in items if any(relevant_to_unit(i, unit) for unit in units)]
    return items[:WEEK_ITEMS]


def _week(request, today):
    scope = user_scope(request.user)
    units = list(visible_units(request.user).filter(pk__in=scope.units)) if scope.units else []
    monday = today - timedelta(days=today.weekday())
    return {
        "week": this_week(visible_partnerships(request.user), units, today),
        "monday": monday,
    }


def _partnerships(request, today):
    partnerships = visible_partnerships(request.user).select_related("county").order_by("name")
    shown = list(partnerships[:PARTNERSHIP_ROWS])
    if not shown:
        return None
    plans: dict[int, list[ActionPlan]] = {}
    for plan in ActionPlan.objects.filter(partnership__in=[p.pk for p in shown]).order_by(
        "-school_year"
    ):
        plans.setdefault(plan.partnership_id, []).append(plan)
    return {"rows": [(p, plans.get(p.pk, [])) for p in shown]}


def _published(request, today):
    public_plans = (
        ActionPlan.objects.filter(published=True)
        .select_related("partnership")
        .order_by("partnership__name", "-school_year")
    )
    return {"public_plans": public_plans}


def register() -> None:
    register_section(Section("this-week", "plans/start/this_week.html", _week, order=30))
    register_section(
        Section("partnerships", "plans/start/partnerships.html", _partnerships, order=60)
    )
    register_section(
        Section("published", "plans/start/published.html", _published, order=10, public=True)
    )
