from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokomp.partnerships.access import get_partnership_for_viewer
from lokomp.partnerships.models import Scheme
from lokomp.plans.access import can_edit_plan
from lokomp.registry.models import UnitKind

from ..calendar import (
    Filters,
    default_key,
    month_grid,
    parse_period,
    plan_items,
    semester_months,
    spanning,
    timeline,
    unscheduled,
)
from ..models import TargetRole
from ..queries import get_plan, partnership_municipalities

VIEWS = {
    "semester": _("Semester"),
    "month": _("Måned"),
    "week": _("Uke"),
    "timeline": _("Tidslinje"),
}


def calendar_context(request, partnership, plan) -> dict:
    view = request.GET.get("visning", "semester")
    if view not in VIEWS:
        view = "semester"
    filters = Filters.from_query(request.GET)
    if view == "timeline":
        return {
            "partnership": partnership,
            "plan": plan,
            "view": view,
            "views": VIEWS,
            "filters": filters,
            "timeline": timeline(plan, filters),
            "schemes": Scheme.objects.all(),
            "municipalities": partnership_municipalities(partnership),
            "roles": TargetRole.choices,
            "unit_kinds": UnitKind.choices,
        }
    key = request.GET.get("periode") or default_key(view, plan.school_year, timezone.localdate())
    try:
        period = parse_period(view, key)
    except (ValueError, IndexError) as error:
        raise Http404("Ukjent periode.") from error
    items = plan_items(plan, first=period.first, last=period.last, filters=filters)
    context = {
        "partnership": partnership,
        "plan": plan,
        "view": view,
        "views": VIEWS,
        "period": period,
        "filters": filters,
        "items": items,
        "spans": spanning(items, view),
        "schemes": Scheme.objects.all(),
        "municipalities": partnership_municipalities(partnership),
        "roles": TargetRole.choices,
        "unit_kinds": UnitKind.choices,
        "unscheduled": unscheduled(plan, filters),
    }
    if view == "month":
        context["weeks"] = month_grid(period, items)
    elif view == "semester":
        context["months"] = semester_months(period, items)
    else:
        context["days"] = [
            {"date": d, "items": [i for i in items if i.is_day_item and i.on_day(d)]}
            for d in (date.fromordinal(period.first.toordinal() + n) for n in range(7))
        ]
    return context


@login_required
def plan_calendar(request, slug: str, year: str):
    partnership = get_partnership_for_viewer(request, slug)
    plan = get_plan(partnership, year)
    context = calendar_context(request, partnership, plan)
    context["can_edit"] = can_edit_plan(request.user, partnership)
    context["public"] = False
    return render(request, "plans/calendar.html", context)
