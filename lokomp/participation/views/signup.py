"""A unit leader signs staff up for an activity, and cancels."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lokomp.core.validators import parse_id

from .. import attendance as a
from .. import signup as s
from ..access import get_unit_for_staff
from ..models import SignUp, SignUpStatus


def _activity(unit, activity: int):
    found = a.unit_activity(unit, activity, timezone.localdate())
    if found is None:
        raise Http404("Fant ikke aktiviteten.")
    return found


@login_required
def sign_up_page(request, pk: int, activity: int):
    unit = get_unit_for_staff(request, pk)
    found = _activity(unit, activity)
    tracks = list(found.tracks.all())
    staff = a.staff_on(unit, None)
    if request.method == "POST":
        chosen = [e for e in staff if request.POST.get(f"p-{e.pk}")]
        track_id = parse_id(request.POST.get("spor", ""))
        track = next((t for t in tracks if t.pk == track_id), None)
        if not chosen:
            messages.error(request, _("Velg minst én ansatt å melde på."))
        else:
            made = s.sign_up(activity=found, track=track, employees=chosen, user=request.user)
            waiting = sum(1 for m in made if m.status == SignUpStatus.WAITING)
            messages.success(
                request,
                _("%(n)s meldt på, %(w)s av dem på venteliste.") % {"n": len(made), "w": waiting},
            )
        return redirect("participation:sign_up", pk=unit.pk, activity=found.pk)
    signed = {
        x.employee_id: x
        for x in SignUp.objects.filter(activity=found, employee__in=staff).select_related("track")
    }
    queue = list(
        SignUp.objects.filter(activity=found, status=SignUpStatus.WAITING)
        .order_by("created_at", "pk")
        .values_list("pk", flat=True)
    )
    counted = s.places(found, tracks)
    return render(
        request,
        "participation/sign_up.html",
        {
            "unit": unit,
            "activity": found,
            "tracks": tracks,
            "total": counted[0],
            "track_places": [(t, counted[t.pk]) for t in tracks],
            "rows": [
                {
                    "employee": e,
                    "sign_up": signed.get(e.pk),
                    "position": queue.index(signed[e.pk].pk) + 1
                    if e.pk in signed and signed[e.pk].pk in queue
                    else None,
                }
                for e in staff
            ],
        },
    )


@login_required
@require_POST
def sign_up_cancel(request, pk: int, sign_up: int):
    unit = get_unit_for_staff(request, pk)
    found = get_object_or_404(
        SignUp.objects.select_related("employee__unit__municipality__county", "track"),
        pk=sign_up,
        employee__unit=unit,
    )
    moved = s.sign_up_cancel(sign_up=found, user=request.user)
    messages.success(request, _("Påmeldingen er trukket."))
    if moved is not None and moved.employee.unit_id == unit.pk:
        messages.info(request, _("%(name)s har fått plassen.") % {"name": moved.employee})
    return redirect("participation:sign_up", pk=unit.pk, activity=found.activity_id)
