"""Mapping surveys: the coordinators write them and open waves; staff answer through a link
without logging in; those who lead read the results per unit, municipality and
partnership, with the change between two waves."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lokomp.core.audit import log_action, save_with_audit
from lokomp.core.codes import once_with_code
from lokomp.core.questions import Posted
from lokomp.core.text import clean_text
from lokomp.core.validators import parse_id
from lokomp.participation.access import get_partnership_for_coverage
from lokomp.plans.access import can_edit_plan, get_partnership_for_plan_editor
from lokomp.plans.queries import units_of

from .. import answering as a
from .. import surveys as s
from ..forms import SurveyForm, WaveForm
from ..models import SMALLEST_GROUP, Survey, SurveyResponse, SurveyWave

COOKIE = "lokomp_kartlegging"


@login_required
def survey_list(request, slug: str):
    partnership = get_partnership_for_coverage(request, slug)
    found = Survey.objects.filter(partnership=partnership).prefetch_related("waves")
    return render(
        request,
        "evaluation/surveys.html",
        {
            "partnership": partnership,
            "surveys": found,
            "can_edit": can_edit_plan(request.user, partnership),
        },
    )


@login_required
def survey_form(request, slug: str, pk: int | None = None):
    partnership = get_partnership_for_plan_editor(request, slug)
    instance = (
        get_object_or_404(Survey, partnership=partnership, pk=pk)
        if pk
        else Survey(partnership=partnership)
    )
    form = SurveyForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            survey = save_with_audit(
                form, user=request.user, action="evaluation.survey", partnership=partnership
            )
            kept = s.save_questions(survey, form.parsed)
        if kept:
            messages.info(
                request,
                _("Spørsmål som har svar, er tatt ut av bruk, ikke slettet: %(list)s")
                % {"list": "; ".join(kept)},
            )
        messages.success(request, _("Kartleggingen er lagret."))
        return redirect("evaluation:survey", slug=slug, pk=survey.pk)
    return render(
        request,
        "evaluation/survey_form.html",
        {"partnership": partnership, "form": form, "survey": instance if pk else None},
    )


def _wave(waves: list[SurveyWave], raw: str, fallback: SurveyWave | None):
    chosen = parse_id(raw)
    return next((w for w in waves if w.pk == chosen), fallback)


@login_required
def survey(request, slug: str, pk: int):
    partnership = get_partnership_for_coverage(request, slug)
    found = get_object_or_404(Survey, partnership=partnership, pk=pk)
    can_edit = can_edit_plan(request.user, partnership)
    wave_form = WaveForm(request.POST or None, instance=SurveyWave(survey=found))
    if request.method == "POST":
        get_partnership_for_plan_editor(request, slug)
        if wave_form.is_valid():
            data = wave_form.cleaned_data
            wave = once_with_code(
                SurveyWave,
                {"survey": found, "name": data["name"]},
                opens_on=data["opens_on"],
                closes_on=data["closes_on"],
            )
            log_action(
                "evaluation.survey_wave.created",
                user=request.user,
                obj=wave,
                partnership=partnership,
            )
            messages.success(request, _("Runden «%(name)s» er åpnet.") % {"name": wave.name})
            return redirect("evaluation:survey", slug=slug, pk=pk)
    waves = list(found.waves.all())
    second = _wave(waves, request.GET.get("etter", ""), waves[-1] if waves else None)
    first = _wave(waves, request.GET.get("for", ""), waves[-2] if len(waves) > 1 else None)
    if first == second:
        first = None
    place = parse_id(request.GET.get("kommune", ""))
    found_results = s.results(found, first, second)
    municipalities = [g for g in found_results.groups if g.level == "municipality"]
    if f"m{place}" not in {g.key for g in municipalities}:
        place = None
    rows = [
        g
        for g in found_results.groups
        if g.level != "unit" or (place is not None and g.parent == f"m{place}")
    ]
    links = []
    for w in waves:
        link = request.build_absolute_uri(reverse("evaluation:survey_answer", args=[w.code]))
        links.append((w, link, wave_qr(link)))
    return render(
        request,
        "evaluation/survey.html",
        {
            "partnership": partnership,
            "survey": found,
            "can_edit": can_edit,
            "wave_form": wave_form,
            "links": links,
            "results": found_results,
            "rows": rows,
            "municipalities": municipalities,
            "place": place,
            "smallest": SMALLEST_GROUP,
        },
    )


def survey_answer(request, code: str):
    """Answer without logging in: the unit, the pseudonym code, the statements."""
    wave = (
        SurveyWave.objects.filter(code=code.upper()[:8])
        .select_related("survey__partnership")
        .first()
    )
    if wave is None:
        raise Http404("Fant ingen kartlegging med den lenken.")
    today = timezone.localdate()
    survey = wave.survey
    context: dict = {"wave": wave, "survey": survey}
    if not wave.opens_on <= today <= wave.closes_on:
        return render(request, "evaluation/survey_answer.html", context | {"closed": True})
    cookie = a.device_cookie(request, COOKIE)
    device = a.keyed_digest(f"wave:{wave.pk}:{cookie}")
    if SurveyResponse.objects.filter(wave=wave, device=device).exists():
        return render(request, "evaluation/survey_answer.html", context | {"done": "before"})
    units = (
        units_of(survey.partnership)
        .select_related("municipality")
        .order_by("municipality__name", "name")
    )
    if request.method == "POST":
        unit_id = parse_id(request.POST.get("unit", ""))
        typed = clean_text(request.POST.get("code", ""))[:40]
        try:
            found, problems, given = s.answer(
                wave=wave,
                unit_id=unit_id,
                typed_code=typed,
                device=device,
                posted=Posted(request.POST),
                today=today,
            )
        except a.AlreadyAnswered:
            found, problems, given = [], {}, None
            context["done"] = "before"
        if "done" not in context and not problems and not any(x.errors for x in found):
            context |= {"done": "now", "given": given}
        context |= {"states": found, "problems": problems, "unit_id": unit_id, "typed": typed}
    else:
        context["states"] = a.states(s.active_questions(survey))
    context["units"] = units
    response = render(request, "evaluation/survey_answer.html", context)
    a.keep_device_cookie(request, response, COOKIE, cookie)
    return response


def wave_qr(link: str) -> str:
    return segno.make(link, error="m").svg_inline(
        scale=5, title=_("QR-kode til kartleggingen"), dark="#000", light="#fff"
    )
