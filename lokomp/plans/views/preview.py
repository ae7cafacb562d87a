"""The "tolket som …" line under a plan's NÅR field, with the region's planning days."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from lokomp.core.validators import parse_id
from lokomp.core.views import preview_input, when_preview_context
from lokomp.partnerships.access import visible_partnerships

from ..models import ActionPlan
from ..planning_days import mentions_planning_days, region_days
from ..queries import partnership_municipalities


@login_required
@require_GET
def when_preview(request):
    text, school_year = preview_input(request)
    days: list = []
    plan_id = parse_id(request.GET.get("plan", ""))
    if plan_id and school_year and mentions_planning_days(text):
        plan = (
            ActionPlan.objects.filter(
                pk=plan_id, partnership__in=visible_partnerships(request.user)
            )
            .select_related("partnership")
            .first()
        )
        if plan is not None:
            days = region_days(partnership_municipalities(plan.partnership), plan.school_year)
    return render(request, "core/when_preview.html", when_preview_context(text, school_year, days))
