"""Resources for parent meetings: the coordinators publish them; a unit's leader records
where and when the unit used them."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from lokomp.core.audit import save_with_audit
from lokomp.participation.access import get_partnership_for_coverage, get_unit_for_staff
from lokomp.plans.access import can_edit_plan, get_partnership_for_plan_editor

from ..forms import ResourceForm, ResourceUseForm
from ..models import ParentResource, ResourceUse


@login_required
def resources(request, slug: str):
    partnership = get_partnership_for_coverage(request, slug)
    found = ParentResource.objects.filter(partnership=partnership).annotate(
        used=Count("uses"), units=Count("uses__unit", distinct=True)
    )
    return render(
        request,
        "evaluation/resources.html",
        {
            "partnership": partnership,
            "resources": found,
            "can_edit": can_edit_plan(request.user, partnership),
        },
    )


@login_required
def resource_form(request, slug: str, pk: int | None = None):
    partnership = get_partnership_for_plan_editor(request, slug)
    instance = (
        get_object_or_404(ParentResource, partnership=partnership, pk=pk)
        if pk
        else ParentResource(partnership=partnership)
    )
    form = ResourceForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        save_with_audit(
            form, user=request.user, action="evaluation.resource", partnership=partnership
        )
        messages.success(request, _("«%(name)s» er lagret.") % {"name": form.instance})
        return redirect("evaluation:resources", slug=slug)
    return render(
        request,
        "evaluation/resource_form.html",
        {"partnership": partnership, "form": form, "resource": instance if pk else None},
    )


@login_required
def unit_resources(request, pk: int):
    """The unit's parent meetings: which resource, where and when."""
    unit = get_unit_for_staff(request, pk)
    available = ParentResource.objects.filter(
        Q(partnership__owner_links__owner=unit.owner_id)
    ).distinct()
    form = ResourceUseForm(
        request.POST or None, instance=ResourceUse(unit=unit), resources=available
    )
    if request.method == "POST" and form.is_valid():
        form.instance.recorded_by = request.user
        save_with_audit(
            form, user=request.user, action="evaluation.resource_use",
            county=unit.municipality.county,
        )  # fmt: skip
        messages.success(request, _("Lagret."))
        return redirect("evaluation:unit_resources", pk=unit.pk)
    return render(
        request,
        "evaluation/unit_resources.html",
        {
            "unit": unit,
            "form": form,
            "uses": ResourceUse.objects.filter(unit=unit).select_related("resource")[:200],
        },
    )
