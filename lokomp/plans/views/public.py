from django.http import Http404
from django.shortcuts import render

from lokomp.evaluation.models import ParentResource
from lokomp.partnerships.models import Partnership, Scheme

from ..models import ActionPlan
from ..queries import plan_rows
from .calendar import calendar_context


def public_plan(request, slug: str):
    """A partnership's published plan and calendar, for anyone (parents, staff, press)."""
    partnership = Partnership.objects.select_related("county").filter(slug=slug).first()
    if partnership is None:
        raise Http404("Fant ikke partnerskapet.")
    plans = list(
        ActionPlan.objects.filter(partnership=partnership, published=True).order_by("-school_year")
    )
    if not plans:
        raise Http404("Partnerskapet har ingen publisert plan.")
    chosen = request.GET.get("aar", "")
    plan = next((p for p in plans if p.year_slug == chosen), plans[0])
    plan.partnership = partnership
    long_term, sub_goals, rows = plan_rows(plan)
    context = calendar_context(request, partnership, plan)
    context.update(
        {
            "plans": plans,
            "long_term_goals": long_term,
            "sub_goals": sub_goals,
            "rows": rows,
            "schemes": Scheme.objects.all(),
            "public": True,
            "can_edit": False,
            "parent_resources": ParentResource.objects.filter(
                partnership=partnership, published=True
            ),
        }
    )
    return render(request, "plans/public.html", context)
