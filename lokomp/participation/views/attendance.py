"""Recording who from a unit took part in the partnership's activities."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lokomp.core.questions import Posted

from .. import attendance as a
from ..access import get_unit_for_staff
from ..models import StaffList


def _counts_only(unit) -> bool:
    return StaffList.objects.filter(unit=unit, counts_only=True).exists()


@login_required
def attendance_list(request, pk: int):
    unit = get_unit_for_staff(request, pk)
    activities = a.unit_activities(unit, timezone.localdate())
    counts = a.attended_counts(unit, activities)
    return render(
        request,
        "participation/attendance_list.html",
        {
            "unit": unit,
            "rows": [(activity, counts.get(activity.pk)) for activity in activities],
        },
    )


@login_required
def attendance(request, pk: int, activity: int):
    unit = get_unit_for_staff(request, pk)
    found = a.unit_activity(unit, activity, timezone.localdate())
    if found is None:
        raise Http404("Fant ikke aktiviteten.")
    counts_only = _counts_only(unit)
    tracks = list(found.tracks.all())
    staff = [] if counts_only else a.staff_on(unit, found.when_start)
    stored = a.recorded(unit, found)
    shown, problems, stale, typed = stored, [], None, {}
    if request.method == "POST":
        posted = Posted(request.POST)
        # Numbers as typed, so that one that cannot be read is shown again with its message.
        typed = {
            t.pk if t else 0: posted.get(f"antall-{t.pk if t else 0}") for t in tracks or [None]
        }
        wanted, problems = a.read_posted(posted, staff, tracks, counts_only)
        if not problems:
            try:
                a.attendance_save(
                    unit=unit,
                    activity=found,
                    wanted=wanted,
                    seen=posted.get("seen", ""),
                    user=request.user,
                )
            except a.StaleAttendance as refused:
                stale = refused.args[0]
            else:
                messages.success(request, _("Oppmøtet er lagret."))
                return redirect("participation:attendance_list", pk=unit.pk)
        shown = wanted
    return render(
        request,
        "participation/attendance.html",
        {
            "unit": unit,
            "activity": found,
            "tracks": tracks,
            "counts_only": counts_only,
            "rows": [
                {"employee": e, "checked": e.pk in shown.names, "track": shown.names.get(e.pk, 0)}
                for e in staff
            ],
            "counts": [
                {
                    "track": t,
                    "value": typed.get(t.pk if t else 0) or shown.counts.get(t.pk if t else 0, ""),
                }
                for t in (tracks or [None])
            ],
            "seen": (stale or stored).digest(),
            "problems": problems,
            "stale": stale,
            "stale_names": (
                [e.name for e in staff if e.pk in stale.names] if stale is not None else []
            ),
        },
    )
