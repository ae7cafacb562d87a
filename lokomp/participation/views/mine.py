from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from lokomp.accounts.scoping import user_scope

from ..mine import my_units


@login_required
def my_activities(request):
    if not user_scope(request.user).employee_units:
        raise Http404("Siden er for ansatte.")
    units = my_units(request.user, timezone.localdate())
    rows = [
        (
            mine,
            request.build_absolute_uri(reverse("plans:unit_feed", args=[mine.unit.calendar_token])),
        )
        for mine in units
    ]
    return render(request, "participation/my_activities.html", {"rows": rows})
