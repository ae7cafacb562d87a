"""An activity's evaluation: the coordinators open it and show its link and QR code;
participants answer on a phone without logging in; those who lead read the results."""

from __future__ import annotations

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lokomp.accounts.scoping import require
from lokomp.core.audit import save_with_audit
from lokomp.core.questions import Posted
from lokomp.core.spreadsheets import write_table
from lokomp.core.text import export_text
from lokomp.participation.access import get_partnership_for_coverage
from lokomp.plans.access import can_edit_plan
from lokomp.plans.models import Activity

from .. import answering as a
from ..forms import WindowForm
from ..models import SMALLEST_GROUP, Evaluation

COOKIE = "lokomp_svar"


def _activity(partnership, pk: int) -> Activity:
    found = (
        Activity.objects.filter(pk=pk, measure__plan__partnership=partnership)
        .select_related("measure__plan__partnership")
        .first()
    )
    if found is None:
        raise Http404("Fant ikke aktiviteten.")
    return found


@login_required
def activity_evaluation(request, slug: str, pk: int):
    import segno

    partnership = get_partnership_for_coverage(request, slug)
    activity = _activity(partnership, pk)
    can_edit = can_edit_plan(request.user, partnership)
    evaluation = Evaluation.objects.filter(activity=activity).first()
    window = None
    if evaluation is not None and can_edit:
        window = WindowForm(request.POST or None, instance=evaluation, prefix="vindu")
    if request.method == "POST":
        require(can_edit, "Bare partnerskapets koordinatorer kan åpne en evaluering.")
        if evaluation is None:
            a.evaluation_for(activity, request.user, timezone.localdate())
            return redirect("evaluation:activity_evaluation", slug=slug, pk=pk)
        if window is not None and window.is_valid():
            save_with_audit(
                window, user=request.user, action="evaluation.window", partnership=partnership
            )
            messages.success(request, _("Lagret."))
            return redirect("evaluation:activity_evaluation", slug=slug, pk=pk)
    context = {
        "partnership": partnership,
        "activity": activity,
        "evaluation": evaluation,
        "can_edit": can_edit,
        "smallest": SMALLEST_GROUP,
        "window": window,
    }
    if evaluation is not None:
        questions = a.questions_for(partnership)
        link = request.build_absolute_uri(reverse("evaluation:answer", args=[evaluation.code]))
        context |= {
            "link": link,
            "qr": segno.make(link, error="m").svg_inline(
                scale=6, title=_("QR-kode til evalueringen"), dark="#000", light="#fff"
            ),
            "results": a.results(evaluation, questions),
            "compared": a.compared(evaluation, questions),
            "scale_questions": [q for q in questions if q.kind == "scale"],
        }
    return render(request, "evaluation/activity.html", context)


@login_required
def evaluation_xlsx(request, slug: str, pk: int):
    from openpyxl import Workbook

    partnership = get_partnership_for_coverage(request, slug)
    activity = _activity(partnership, pk)
    evaluation = Evaluation.objects.filter(activity=activity).first()
    if evaluation is None:
        raise Http404("Aktiviteten har ingen evaluering.")
    found = a.results(evaluation, a.questions_for(partnership))
    book = Workbook()
    sheet = book.active
    sheet.title = _("Resultater")[:31]
    rows = []
    if found.shown:
        for result in found.questions:
            average = "" if result.average is None else round(result.average, 2)
            rows.append(
                (
                    export_text([result.question.text, result.answers, average, *result.spread]),
                    "#ffffff",
                )
            )
    write_table(
        sheet,
        [_("Spørsmål"), _("Svar"), _("Snitt"), "1", "2", "3", "4", "5"],
        rows,
        widths=[60, 8, 8, 6, 6, 6, 6, 6],
    )
    texts = book.create_sheet(_("Fritekst")[:31])
    write_table(
        texts,
        [_("Spørsmål"), _("Svar")],
        (
            (export_text([r.question.text, text]), "#ffffff")
            for r in (found.questions if found.shown else [])
            for text in r.texts
        ),
        widths=[40, 80],
    )
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="evaluering-{activity.pk}.xlsx"'
    return response


def answer(request, code: str):
    """Answer without logging in, once per device (a random cookie, never an identity)."""
    evaluation = (
        Evaluation.objects.filter(code=code.upper()[:8])
        .select_related("activity__measure__plan__partnership")
        .first()
    )
    if evaluation is None:
        raise Http404("Fant ingen evaluering med den lenken.")
    today = timezone.localdate()
    context = {"evaluation": evaluation, "activity": evaluation.activity}
    if not evaluation.opens_on <= today <= evaluation.closes_on:
        return render(request, "evaluation/answer.html", context | {"closed": True})
    cookie = a.device_cookie(request, COOKIE)
    device = a.device_digest(evaluation, cookie)
    if evaluation.responses.filter(device=device).exists():
        return render(request, "evaluation/answer.html", context | {"done": "before"})
    questions = a.questions_for(evaluation.activity.measure.plan.partnership)
    posted = Posted(request.POST) if request.method == "POST" else None
    found = a.states(questions, posted)
    if posted is not None and not any(s.errors for s in found):
        try:
            a.respond(evaluation=evaluation, device=device, answered=found, today=today)
            context["done"] = "now"
        except a.AlreadyAnswered:
            context["done"] = "before"
        response = render(request, "evaluation/answer.html", context)
    else:
        response = render(request, "evaluation/answer.html", context | {"states": found})
    a.keep_device_cookie(request, response, COOKIE, cookie)
    return response


@login_required
def questions(request, slug: str):
    """The partnership's evaluation form: read by those who lead, kept by the
    coordinators. A question with answers is taken out of use, never deleted."""
    from django.db import transaction

    from lokomp.core.audit import log_action

    from ..forms import question_formset
    from ..models import EvaluationQuestion

    partnership = get_partnership_for_coverage(request, slug)
    can_edit = can_edit_plan(request.user, partnership)
    if request.method == "POST":
        require(can_edit, "Bare partnerskapets koordinatorer endrer skjemaet.")
    formset = question_formset(partnership, request.POST or None) if can_edit else None
    if formset is not None and request.method == "POST" and formset.is_valid():
        with transaction.atomic():
            saved = formset.save()
            if saved:
                log_action(
                    "evaluation.questions.saved",
                    user=request.user,
                    obj=partnership,
                    changes={_("Spørsmål"): [None, [q.text[:60] for q in saved]]},
                    partnership=partnership,
                )
        messages.success(request, _("Evalueringsskjemaet er lagret."))
        return redirect("evaluation:questions", slug=slug)
    return render(
        request,
        "evaluation/questions.html",
        {
            "partnership": partnership,
            "formset": formset,
            "questions": EvaluationQuestion.objects.filter(partnership=partnership),
        },
    )
