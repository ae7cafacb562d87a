from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from lokomp.core.views import when_preview_context
from lokomp.participation.access import leads
from lokomp.partnerships.access import get_partnership_for_viewer
from lokomp.partnerships.models import Scheme
from lokomp.registry.models import Institution, Owner

from ..access import can_edit_plan, get_partnership_for_plan_editor
from ..forms import (
    ActivityForm,
    GoalFormSet,
    MeasureForm,
    PlanForm,
    ResponsibilityFormSet,
    TrackFormSet,
    unit_groups,
)
from ..models import Activity
from ..queries import get_plan, partnership_municipalities, partnership_units, plan_rows
from ..services import (
    activity_delete,
    activity_save,
    measure_delete,
    measure_save,
    plan_update,
)


@login_required
def plan_table(request, slug: str, year: str):
    partnership = get_partnership_for_viewer(request, slug)
    plan = get_plan(partnership, year)
    long_term, sub_goals, rows = plan_rows(plan)
    return render(
        request,
        "plans/plan.html",
        {
            "partnership": partnership,
            "plan": plan,
            "long_term_goals": long_term,
            "sub_goals": sub_goals,
            "rows": rows,
            "schemes": Scheme.objects.all(),
            "can_edit": can_edit_plan(request.user, partnership),
        },
    )


@login_required
def plan_edit(request, slug: str, year: str):
    partnership = get_partnership_for_plan_editor(request, slug)
    plan = get_plan(partnership, year)
    form = PlanForm(request.POST or None, instance=plan)
    goals = GoalFormSet(request.POST or None, instance=plan, prefix="maal")
    if request.method == "POST" and form.is_valid() and goals.is_valid():
        plan_update(form=form, goals=goals, user=request.user)
        messages.success(request, _("Planen er lagret."))
        return redirect("plans:plan", slug=slug, year=plan.year_slug)
    return render(
        request,
        "plans/plan_edit.html",
        {"partnership": partnership, "plan": plan, "form": form, "goals": goals},
    )


def _measure_or_404(plan, number: int):
    return get_object_or_404(plan.measures.select_related("scheme"), number=number)


@login_required
def measure_detail(request, slug: str, year: str, number: int):
    partnership = get_partnership_for_viewer(request, slug)
    plan = get_plan(partnership, year)
    measure = _measure_or_404(plan, number)
    units = partnership_units(partnership)
    return render(
        request,
        "plans/measure.html",
        {
            "partnership": partnership,
            "plan": plan,
            "measure": measure,
            "target": measure.target_count(units),
            "activities": measure.activities.select_related("scheme").prefetch_related(
                "tracks", "municipalities"
            ),
            "responsibilities": measure.responsibilities.select_related("institution", "owner"),
            "can_edit": can_edit_plan(request.user, partnership),
        },
    )


@login_required
def measure_form(request, slug: str, year: str, number: int | None = None):
    partnership = get_partnership_for_plan_editor(request, slug)
    plan = get_plan(partnership, year)
    measure = _measure_or_404(plan, number) if number is not None else None
    data = request.POST or None
    form = MeasureForm(
        data,
        instance=measure,
        plan=plan,
        municipalities=partnership_municipalities(partnership),
        units=_unit_choices(partnership),
    )
    responsibilities = ResponsibilityFormSet(
        data,
        instance=measure,
        prefix="ansvar",
        institutions=Institution.objects.all(),
        owners=Owner.objects.filter(partnership_links__partnership=partnership),
    )
    preview_only = "tolk" in request.POST
    if request.method == "POST" and not preview_only:
        if form.is_valid() and responsibilities.is_valid():
            saved = measure_save(form=form, responsibilities=responsibilities, user=request.user)
            _tell_about_when(request, form)
            _tell_about_units(request, saved)
            messages.success(request, _("Tiltak %(number)s er lagret.") % {"number": saved.number})
            return redirect("plans:measure", slug=slug, year=plan.year_slug, number=saved.number)
    return render(
        request,
        "plans/measure_form.html",
        {
            "partnership": partnership,
            "plan": plan,
            "measure": measure,
            "form": form,
            "responsibilities": responsibilities,
            "preview": _preview(form, plan),
            "unit_groups": unit_groups(form["target_units"]),
        },
    )


def _unit_choices(partnership):
    from lokomp.registry.models import Unit

    return (
        Unit.objects.filter(owner__partnership_links__partnership=partnership)
        .select_related("municipality")
        .order_by("municipality__name", "kind", "name")
    )


def _tell_about_units(request, saved) -> None:
    if saved.units_missing:
        messages.warning(
            request,
            _("Målgruppen er «utvalgte enheter», men ingen enheter er valgt ennå."),
        )


def _tell_about_when(request, form) -> None:
    if form.when_error:
        messages.warning(
            request,
            _("NÅR er lagret slik du skrev det, men ble ikke tolket: %(error)s")
            % {"error": form.when_error},
        )
    elif form.when_result is not None and form.when_result.unparsed:
        messages.info(
            request,
            _("NÅR er tolket som «%(when)s». Ikke tolket: «%(rest)s».")
            % {"when": form.when_result.format(), "rest": form.when_result.unparsed},
        )


def _activity_or_404(partnership, pk: int) -> Activity:
    return get_object_or_404(
        Activity.objects.select_related("measure", "measure__plan", "measure__scheme", "scheme"),
        pk=pk,
        measure__plan__partnership=partnership,
    )


@login_required
def activity_detail(request, slug: str, pk: int):
    partnership = get_partnership_for_viewer(request, slug)
    activity = _activity_or_404(partnership, pk)
    return render(
        request,
        "plans/activity.html",
        {
            "partnership": partnership,
            "activity": activity,
            "plan": activity.measure.plan,
            "tracks": activity.tracks.all(),
            "municipalities": activity.municipalities.all(),
            "can_edit": can_edit_plan(request.user, partnership),
            "can_see_results": leads(request.user),
        },
    )


@login_required
def activity_form(
    request, slug: str, year: str | None = None, number: int | None = None, pk: int | None = None
):
    partnership = get_partnership_for_plan_editor(request, slug)
    if pk is not None:
        activity = _activity_or_404(partnership, pk)
        measure = activity.measure
        plan = measure.plan
    else:
        activity = None
        plan = get_plan(partnership, year)
        measure = _measure_or_404(plan, number)
    data = request.POST or None
    form = ActivityForm(
        data,
        instance=activity,
        measure=measure,
        municipalities=partnership_municipalities(partnership),
        units=_unit_choices(partnership),
    )
    tracks = TrackFormSet(data, instance=activity, prefix="lop")
    if request.method == "POST" and "tolk" not in request.POST:
        if form.is_valid() and tracks.is_valid():
            saved = activity_save(form=form, tracks=tracks, user=request.user)
            _tell_about_when(request, form)
            _tell_about_units(request, saved)
            messages.success(request, _("«%(name)s» er lagret.") % {"name": saved})
            return redirect("plans:activity", slug=slug, pk=saved.pk)
    return render(
        request,
        "plans/activity_form.html",
        {
            "partnership": partnership,
            "plan": plan,
            "measure": measure,
            "activity": activity,
            "form": form,
            "tracks": tracks,
            "preview": _preview(form, plan),
            "unit_groups": unit_groups(form["target_units"]),
        },
    )


@login_required
def measure_delete_view(request, slug: str, year: str, number: int):
    partnership = get_partnership_for_plan_editor(request, slug)
    plan = get_plan(partnership, year)
    measure = _measure_or_404(plan, number)
    if request.method == "POST":
        measure_delete(measure=measure, user=request.user)
        messages.success(request, _("Tiltak %(number)s er slettet.") % {"number": number})
        return redirect("plans:plan", slug=slug, year=plan.year_slug)
    return render(
        request,
        "plans/confirm_delete.html",
        {
            "partnership": partnership,
            "title": _("Slette tiltak %(number)s: %(title)s?")
            % {"number": measure.number, "title": measure.title},
            "consequence": ngettext(
                "%(count)s aktivitet under tiltaket slettes også.",
                "%(count)s aktiviteter under tiltaket slettes også.",
                measure.activities.count(),
            )
            % {"count": measure.activities.count()}
            if measure.activities.exists()
            else "",
            "cancel": reverse("plans:measure", args=[slug, plan.year_slug, number]),
        },
    )


@login_required
def activity_delete_view(request, slug: str, pk: int):
    partnership = get_partnership_for_plan_editor(request, slug)
    activity = _activity_or_404(partnership, pk)
    measure = activity.measure
    if request.method == "POST":
        activity_delete(activity=activity, user=request.user)
        messages.success(request, _("«%(name)s» er slettet.") % {"name": activity})
        return redirect(
            "plans:measure", slug=slug, year=measure.plan.year_slug, number=measure.number
        )
    return render(
        request,
        "plans/confirm_delete.html",
        {
            "partnership": partnership,
            "title": _("Slette «%(name)s»?") % {"name": activity},
            "consequence": "",
            "cancel": reverse("plans:activity", args=[slug, pk]),
        },
    )


def _preview(form, plan) -> dict:
    """The "Tolket som" line as the page first shows it, with the region's planning days
    where the text names them."""
    text = form["when_text"].value() or ""
    return when_preview_context(text, plan.school_year, form.planning_days(text))
