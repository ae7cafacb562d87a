from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lokomp.accounts.scoping import user_scope
from lokomp.core.validators import parse_id

from .. import signup as s
from ..mine import my_activity, my_units
from ..models import Employee, SignUp, SignUpStatus


@login_required
def my_activities(request):
    if not user_scope(request.user).employee_units:
        raise Http404("Siden er for ansatte.")
    units = my_units(request.user, timezone.localdate())
    rows = [
        (
            mine,
            request.build_absolute_uri(reverse("plans:unit_feed", args=[mine.unit.calendar_token])),
            request.build_absolute_uri(
                reverse("participation:my_feed", args=[mine.employee.calendar_token])
            )
            if mine.employee
            else None,
        )
        for mine in units
    ]
    return render(request, "participation/my_activities.html", {"rows": rows})


@login_required
@require_POST
def my_sign_up(request, activity: int):
    """An employee signs themselves up for one of their unit's activities (a parallel
    lecture if they choose one), or withdraws."""
    today = timezone.localdate()
    found = my_activity(request.user, activity, today)
    if found is None:
        raise Http404("Fant ikke aktiviteten.")
    employee, chosen = found
    if chosen.when_end is not None and chosen.when_end < today:
        messages.error(request, _("Aktiviteten er over. Påmeldingen er ikke endret."))
        return redirect("participation:my_activities")
    mine = SignUp.objects.filter(activity=chosen, employee=employee).select_related(
        "employee__unit__municipality__county", "track"
    )
    if request.POST.get("handling") == "meld-av":
        existing = mine.first()
        if existing is not None:
            s.sign_up_cancel(sign_up=existing, user=request.user)
            messages.success(request, _("Du er meldt av %(title)s.") % {"title": chosen.title})
        return redirect("participation:my_activities")
    tracks = list(chosen.tracks.all())
    track_id = parse_id(request.POST.get("spor", ""))
    track = next((t for t in tracks if t.pk == track_id), None)
    made = s.sign_up(activity=chosen, track=track, employees=[employee], user=request.user)
    if not made:
        messages.info(request, _("Du var allerede påmeldt %(title)s.") % {"title": chosen.title})
    elif made[0].status == SignUpStatus.WAITING:
        messages.warning(
            request,
            _("Det er fullt. Du står på ventelisten til %(title)s og får plass i tur.")
            % {"title": chosen.title},
        )
    else:
        messages.success(request, _("Du er påmeldt %(title)s.") % {"title": chosen.title})
    return redirect("participation:my_activities")


def my_feed(request, token):
    """The employee's own calendar, by its secret link (calendar programs cannot log in):
    the activities they are signed up for. Gone once they have left."""
    from django.db.models import Q

    from lokomp.core.forms import fingerprint
    from lokomp.plans import ical
    from lokomp.plans.views.exports import calendar_response

    today = timezone.localdate()
    employee = (
        Employee.objects.filter(
            Q(end_date__isnull=True) | Q(end_date__gte=today),
            calendar_token=token,
            purged_at__isnull=True,
        )
        .select_related("unit")
        .first()
    )
    if employee is None:
        raise Http404("Fant ikke kalenderen.")
    plans, version = ical.current_plans(ical.unit_partnerships(employee.unit), today=today)
    signed = set(
        SignUp.objects.filter(employee=employee, status=SignUpStatus.CONFIRMED).values_list(
            "activity_id", flat=True
        )
    )
    return calendar_response(
        request,
        f"{employee.pk}-{version}-{fingerprint(sorted(signed))}",
        lambda: ical.employee_calendar(employee.unit, employee.name, plans, signed),
    )
