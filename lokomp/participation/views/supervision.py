"""Supervision close to practice of selected units: the coordinators plan it and record
the sessions held with short notes; the unit's leader records who took part (names stay
with those who keep the staff list)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lokomp.core.audit import log_action, save_with_audit
from lokomp.core.forms import fingerprint
from lokomp.core.validators import parse_id
from lokomp.plans.access import can_edit_plan, get_partnership_for_plan_editor
from lokomp.plans.models import Measure

from ..access import get_partnership_for_coverage, get_unit_for_staff
from ..attendance import staff_on
from ..forms import SupervisionForm, SupervisionSessionForm
from ..models import StaffList, Supervision, SupervisionSession
from .groups import _units


@login_required
def supervisions(request, slug: str):
    partnership = get_partnership_for_coverage(request, slug)
    found = (
        Supervision.objects.filter(partnership=partnership)
        .select_related("unit__municipality", "measure")
        .annotate(
            held=Count("sessions", filter=Q(sessions__held=True)),
            sessions_planned=Count("sessions"),
        )
        .order_by("-school_year", "unit__name")
    )
    return render(
        request,
        "participation/supervisions.html",
        {
            "partnership": partnership,
            "supervisions": found,
            "can_edit": can_edit_plan(request.user, partnership),
        },
    )


@login_required
def supervision_form(request, slug: str, pk: int | None = None):
    partnership = get_partnership_for_plan_editor(request, slug)
    instance = (
        get_object_or_404(Supervision, partnership=partnership, pk=pk)
        if pk
        else Supervision(partnership=partnership)
    )
    form = SupervisionForm(
        request.POST or None,
        instance=instance,
        units=_units(partnership),
        measures=Measure.objects.filter(plan__partnership=partnership).select_related("plan"),
    )
    if request.method == "POST" and form.is_valid():
        saved = save_with_audit(
            form, user=request.user, action="participation.supervision", partnership=partnership
        )
        messages.success(request, _("Veiledningen er lagret."))
        return redirect("participation:supervision", slug=slug, pk=saved.pk)
    return render(
        request,
        "participation/supervision_form.html",
        {"partnership": partnership, "form": form, "supervision": instance if pk else None},
    )


@login_required
def supervision(request, slug: str, pk: int):
    partnership = get_partnership_for_coverage(request, slug)
    found = get_object_or_404(
        Supervision.objects.select_related("unit", "measure"), partnership=partnership, pk=pk
    )
    sessions = list(found.sessions.annotate(named=Count("participants")).order_by("date", "pk"))
    return render(
        request,
        "participation/supervision.html",
        {
            "partnership": partnership,
            "supervision": found,
            "sessions": sessions,
            "can_edit": can_edit_plan(request.user, partnership),
        },
    )


@login_required
def session_form(request, slug: str, supervision: int, pk: int | None = None):
    partnership = get_partnership_for_plan_editor(request, slug)
    found = get_object_or_404(Supervision, partnership=partnership, pk=supervision)
    instance = (
        get_object_or_404(SupervisionSession, supervision=found, pk=pk)
        if pk
        else SupervisionSession(supervision=found)
    )
    form = SupervisionSessionForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        save_with_audit(
            form, user=request.user, action="participation.supervision_session",
            partnership=partnership,
        )  # fmt: skip
        messages.success(request, _("Økta er lagret."))
        return redirect("participation:supervision", slug=slug, pk=found.pk)
    return render(
        request,
        "participation/session_form.html",
        {
            "partnership": partnership,
            "supervision": found,
            "form": form,
            "session": instance if pk else None,
        },
    )


def _stored(session) -> list:
    return sorted(session.participants.values_list("pk", flat=True)) + [session.count]


@login_required
def unit_supervision(request, pk: int):
    """The unit's supervision sessions held, and who from the unit took part."""
    unit = get_unit_for_staff(request, pk)
    counts_only = StaffList.objects.filter(unit=unit, counts_only=True).exists()
    sessions = list(
        SupervisionSession.objects.filter(supervision__unit=unit, held=True)
        .select_related("supervision")
        .prefetch_related("participants")
        .order_by("-date", "pk")
    )
    if request.method == "POST":
        chosen = parse_id(request.POST.get("okt", ""))
        session = next((s for s in sessions if s.pk == chosen), None)
        if session is None:
            raise Http404("Fant ikke økta.")
        with transaction.atomic():
            locked = SupervisionSession.objects.select_for_update().get(pk=session.pk)
            if request.POST.get("seen", "") != fingerprint(_stored(locked)):
                messages.error(
                    request,
                    _(
                        "Noen andre har lagret deltakerne for denne økta mens du skrev. "
                        "Ingenting er lagret; se hva som står nå og lagre på nytt."
                    ),
                )
                return redirect("participation:unit_supervision", pk=unit.pk)
            if counts_only:
                count = parse_id(request.POST.get(f"antall-{session.pk}", ""))
                locked.count = count if count is not None and count <= 10000 else None
                locked.save(update_fields=["count"])
            else:
                allowed = {e.pk for e in staff_on(unit, session.date)}
                ticked = [pk for pk in allowed if request.POST.get(f"d-{session.pk}-{pk}")]
                locked.participants.set(ticked)
            log_action(
                "participation.supervision.participants",
                user=request.user,
                obj=locked.supervision,
                changes={_("Deltakere"): [None, locked.count if counts_only else len(ticked)]},
                county=unit.municipality.county,
            )
        messages.success(request, _("Lagret."))
        return redirect("participation:unit_supervision", pk=unit.pk)
    rows = []
    for session in sessions:
        taking = {p.pk for p in session.participants.all()}
        staff = [] if counts_only else staff_on(unit, session.date)
        rows.append(
            {
                "session": session,
                "seen": fingerprint(sorted(taking) + [session.count]),
                "staff": [(e, e.pk in taking) for e in staff],
            }
        )
    return render(
        request,
        "participation/unit_supervision.html",
        {"unit": unit, "rows": rows, "counts_only": counts_only},
    )
