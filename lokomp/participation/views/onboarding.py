"""Onboarding programmes: the coordinators write them; a unit's leader sees who is due,
overdue and done, and ticks the steps."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lokomp.core.audit import save_with_audit
from lokomp.core.validators import parse_id
from lokomp.partnerships.access import get_partnership_for_viewer
from lokomp.plans.access import can_edit_plan, get_partnership_for_plan_editor

from .. import onboarding as o
from ..access import get_unit_for_staff
from ..forms import ProgrammeForm
from ..models import OnboardingProgramme


@login_required
def programmes(request, slug: str):
    partnership = get_partnership_for_viewer(request, slug)
    return render(
        request,
        "participation/programmes.html",
        {
            "partnership": partnership,
            "programmes": OnboardingProgramme.objects.filter(
                partnership=partnership
            ).prefetch_related("steps"),
            "can_edit": can_edit_plan(request.user, partnership),
        },
    )


@login_required
def programme_form(request, slug: str, pk: int | None = None):
    partnership = get_partnership_for_plan_editor(request, slug)
    instance = (
        get_object_or_404(OnboardingProgramme, partnership=partnership, pk=pk)
        if pk
        else OnboardingProgramme(partnership=partnership)
    )
    form = ProgrammeForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved = save_with_audit(
                form, user=request.user, action="participation.programme", partnership=partnership
            )
            o.save_steps(saved, form.cleaned_data["steps"])
        messages.success(request, _("«%(name)s» er lagret.") % {"name": saved})
        return redirect("participation:programmes", slug=slug)
    return render(
        request,
        "participation/programme_form.html",
        {"partnership": partnership, "form": form, "programme": instance if pk else None},
    )


@login_required
def unit_onboarding(request, pk: int):
    unit = get_unit_for_staff(request, pk)
    today = timezone.localdate()
    found = o.unit_programmes(unit, today)
    if request.method == "POST":
        chosen = parse_id(request.POST.get("program", ""))
        programme = next((p for p in found if p.programme.pk == chosen), None)
        if programme is None:
            raise Http404("Fant ikke programmet.")
        after = {k for k in request.POST if k.startswith("s-")}
        o.marks_save(
            unit=unit,
            programme=programme,
            before=o.read_cells(request.POST.get("before", "")),
            after=after,
            user=request.user,
            today=today,
        )
        messages.success(request, _("Lagret."))
        return redirect("participation:unit_onboarding", pk=unit.pk)
    return render(
        request,
        "participation/unit_onboarding.html",
        {
            "unit": unit,
            "programmes": found,
            "today": today,
        },
    )
