"""Indicators: the coordinators define them; units' leaders and owners register values
per term; those who lead read them over time, per municipality and per unit."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from lokomp.core.audit import save_with_audit
from lokomp.core.questions import Posted
from lokomp.core.validators import parse_id
from lokomp.participation.access import get_partnership_for_coverage, get_unit_for_staff
from lokomp.plans.access import can_edit_plan, get_partnership_for_plan_editor
from lokomp.plans.queries import units_of
from lokomp.registry.models import Municipality

from .. import indicators as ind
from ..forms import IndicatorForm
from ..models import Indicator, IndicatorValue


@login_required
def indicators(request, slug: str):
    partnership = get_partnership_for_coverage(request, slug)
    found = list(Indicator.objects.filter(partnership=partnership))
    chosen = parse_id(request.GET.get("indikator", ""))
    indicator = next((i for i in found if i.pk == chosen), found[0] if found else None)
    units = units_of(partnership)
    municipalities = list(
        Municipality.objects.filter(pk__in=units.values("municipality_id")).order_by("name")
    )
    place = parse_id(request.GET.get("kommune", ""))
    place = place if place in {m.pk for m in municipalities} else None
    periods = ind.terms(timezone.localdate())
    context = {
        "partnership": partnership,
        "indicators": found,
        "indicator": indicator,
        "municipalities": municipalities,
        "place": place,
        "can_edit": can_edit_plan(request.user, partnership),
        "labels": [ind.term_label(y, t) for y, t in periods],
    }
    if indicator is not None:
        context["by_municipality"] = ind.series(indicator, units, periods, "municipality")
        if place:
            context["by_unit"] = ind.series(
                indicator, units.filter(municipality_id=place), periods, "unit"
            )
    return render(request, "evaluation/indicators.html", context)


@login_required
def indicator_form(request, slug: str, pk: int | None = None):
    partnership = get_partnership_for_plan_editor(request, slug)
    instance = (
        get_object_or_404(Indicator, partnership=partnership, pk=pk)
        if pk
        else Indicator(partnership=partnership)
    )
    form = IndicatorForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        save_with_audit(
            form, user=request.user, action="evaluation.indicator", partnership=partnership
        )
        messages.success(request, _("«%(name)s» er lagret.") % {"name": form.instance})
        return redirect("evaluation:indicators", slug=slug)
    return render(
        request,
        "evaluation/indicator_form.html",
        {"partnership": partnership, "form": form, "indicator": instance if pk else None},
    )


@login_required
def unit_indicators(request, pk: int):
    """The unit's values for a term, one field per indicator."""
    unit = get_unit_for_staff(request, pk)
    periods = ind.terms(timezone.localdate())
    chosen = ind.parse_term(request.GET.get("termin", ""), periods) or periods[-1]
    year, term = chosen
    found = list(ind.unit_indicators(unit))
    problems: dict[int, str] = {}
    typed: dict[int, str] = {}
    if request.method == "POST":
        posted = Posted(request.POST)
        problems, conflicts = ind.values_save(
            unit=unit, year=year, term=term, indicators=found, posted=posted, user=request.user
        )
        typed = {i.pk: posted.get(f"v{i.pk}", "") for i in found}
        if not problems:
            if conflicts:
                messages.warning(
                    request,
                    _(
                        "Noen andre har endret %(names)s mens du skrev. Det er ikke lagret; "
                        "se verdien som står nå. Resten er lagret."
                    )
                    % {"names": ", ".join(conflicts)},
                )
            else:
                messages.success(request, _("Lagret."))
            url = f"{request.path}?termin={ind.term_key(year, term)}"
            return redirect(url)
    stored = {
        v.indicator_id: v.value
        for v in IndicatorValue.objects.filter(
            unit=unit, school_year=year, term=term, indicator__in=found
        )
    }
    rows = [
        {
            "indicator": i,
            "before": ind.shown(stored.get(i.pk)),
            "value": typed.get(i.pk, ind.shown(stored.get(i.pk))),
            "problem": problems.get(i.pk, ""),
        }
        for i in found
    ]
    return render(
        request,
        "evaluation/unit_indicators.html",
        {
            "unit": unit,
            "rows": rows,
            "periods": [(ind.term_key(y, t), ind.term_label(y, t)) for y, t in periods],
            "chosen": ind.term_key(year, term),
            "chosen_label": ind.term_label(year, term),
        },
    )


@login_required
def indicators_import(request, slug: str):
    """Values for many units from a file (CSV or Excel): every row read and shown first;
    nothing is stored while any row has a problem, and all of it is stored at once."""
    from decimal import Decimal

    from django.core import signing
    from django.http import Http404

    from lokomp.participation.access import staff_units
    from lokomp.participation.forms import UploadForm
    from lokomp.participation.importing import ImportProblem, read_upload

    partnership = get_partnership_for_coverage(request, slug)
    units = list(
        staff_units(request.user).filter(owner__partnership_links__partnership=partnership)
    )
    if not units:
        raise Http404("Du fører ikke tall for noen enhet i partnerskapet.")
    found = list(Indicator.objects.filter(partnership=partnership, active=True))
    salt = f"indicators-{partnership.pk}-{request.user.pk}"
    if request.method == "POST" and "bekreft" in request.POST:
        try:
            cells = signing.loads(request.POST.get("rader", "")[:500_000], salt=salt, max_age=3600)
        except signing.BadSignature:
            messages.error(request, _("Forhåndsvisningen er for gammel. Last opp filen på nytt."))
            return redirect("evaluation:indicators_import", slug=slug)
        by_unit = {u.pk: u for u in units}
        by_indicator = {i.pk: i for i in found}
        confirmed = [
            ind.ImportRow(n, by_unit.get(u), by_indicator.get(i), (y, t), Decimal(v), [])
            for n, u, i, y, t, v in cells
        ]
        if any(r.unit is None or r.indicator is None for r in confirmed):
            raise Http404("Enheten eller indikatoren finnes ikke lenger.")
        stored = ind.import_apply(confirmed, request.user)
        messages.success(request, _("%(n)s verdier er lagret.") % {"n": stored})
        return redirect("evaluation:indicators", slug=slug)
    form = UploadForm(request.POST or None, request.FILES or None)
    rows: list = []
    payload = ""
    if request.method == "POST" and form.is_valid():
        try:
            rows = ind.read_import(read_upload(form.cleaned_data["file"]), units, found)
        except ImportProblem as problem:
            form.add_error("file", str(problem))
        else:
            if not rows:
                form.add_error("file", _("Filen har ingen rader med verdier."))
            elif not any(r.problems for r in rows):
                payload = signing.dumps(
                    [
                        [r.number, r.unit.pk, r.indicator.pk, r.term[0], r.term[1], str(r.value)]
                        for r in rows
                    ],
                    salt=salt,
                )
    return render(
        request,
        "evaluation/indicators_import.html",
        {
            "partnership": partnership,
            "form": form,
            "rows": rows,
            "problems": [r for r in rows if r.problems],
            "payload": payload,
            "labels": {r.number: ind.term_label(*r.term) for r in rows if r.term},
        },
    )
