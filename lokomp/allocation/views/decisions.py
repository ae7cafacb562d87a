"""Decisions, decision letters, payments and the county's figures."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import OuterRef, Subquery, Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lokomp.accounts.scoping import require
from lokomp.partnerships.models import Scheme

from .. import decisions as d
from .. import selectors as s
from ..access import (
    forum_reports,
    get_county_for_admin,
    get_county_for_reader,
    get_decision_for_viewer,
    is_county_admin,
)
from ..models import Decision, Grant, Payment, ProposedAmount, round_for
from .meeting import DOCUMENT_TYPES, round_for_saved


@login_required
def decisions_page(request, number: str, year: int):
    county = get_county_for_reader(request, number)
    the_round = round_for(county, year)
    in_force = d.in_force().filter(report=OuterRef("pk"), round__year=year)
    proposed = (
        ProposedAmount.objects.filter(
            line__report=OuterRef("pk"), line__recommendation__round__county=county, year=year
        )
        .values("line__report")
        .annotate(t=Sum("amount"))
        .values("t")
    )
    granted = (
        Grant.objects.filter(decision=OuterRef("decision_id"), year=year)
        .values("decision")
        .annotate(t=Sum("amount"))
        .values("t")
    )
    paid = (
        Payment.objects.filter(decision__report=OuterRef("pk"), decision__round__year=year)
        .values("decision__report")
        .annotate(t=Sum("amount"))
        .values("t")
    )
    reports = (
        forum_reports(county, year)
        .annotate(
            decision_id=Subquery(in_force.values("pk")[:1]),
            decision_number=Subquery(in_force.values("number")[:1]),
            proposed=Subquery(proposed[:1]),
            paid=Subquery(paid[:1]),
        )
        .annotate(granted=Subquery(granted[:1]))
    )
    page = Paginator(reports, s.PAGE_SIZE).get_page(request.GET.get("side"))
    return render(
        request,
        "allocation/decisions.html",
        {
            "county": county,
            "year": year,
            "round": the_round,
            "page": page,
            "agreed": d.recommendation_agreed(the_round) if the_round.pk else False,
            "is_admin": is_county_admin(request.user, county),
        },
    )


def _form_page(request, county, year, report, form, replaces=None):
    return render(
        request,
        "allocation/decision_form.html",
        {
            "county": county,
            "year": year,
            "report": report,
            "form": form,
            "replaces": replaces,
        },
    )


@login_required
def decision_new(request, number: str, year: int, pk: int):
    county = get_county_for_admin(request, number)
    report = get_object_or_404(forum_reports(county, year), pk=pk)
    the_round = round_for(county, year)
    years = s.round_years(forum_reports(county, year), year)
    form = d.DecisionForm(
        request.POST or None,
        years=years,
        initial=d.initial_for(report, the_round, years) if request.method != "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            decision = d.decision_make(
                the_round=round_for_saved(county, year), report=report, form=form, user=request.user
            )
        except d.DecisionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Vedtaket er fattet."))
            return redirect("allocation:decision", pk=decision.pk)
    return _form_page(request, county, year, report, form)


@login_required
def decision_correct(request, pk: int):
    decision = get_decision_for_viewer(request, pk)
    county = get_county_for_admin(request, decision.round.county.number)
    years = s.round_years(forum_reports(county, decision.round.year), decision.round.year)
    years = sorted(set(years) | set(decision.grants.values_list("year", flat=True)))
    form = d.DecisionForm(
        request.POST or None,
        years=years,
        initial=d.initial_from(decision) if request.method != "POST" else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            new = d.decision_make(
                the_round=decision.round,
                report=decision.report,
                form=form,
                user=request.user,
                replaces=decision,
            )
        except d.DecisionRefused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Det nye vedtaket erstatter det gamle."))
            return redirect("allocation:decision", pk=new.pk)
    return _form_page(request, county, decision.round.year, decision.report, form, decision)


def _detail(request, decision, payment_form=None):
    county = decision.round.county
    admin = is_county_admin(request.user, county)
    replaced_by = Decision.objects.filter(replaces=decision).first()
    grants = list(decision.grants.all())
    years = sorted({g.year for g in grants})
    return render(
        request,
        "allocation/decision.html",
        {
            "decision": decision,
            "county": county,
            "grants": grants,
            "years": years,
            "payments": list(decision.payments.select_related("recorded_by")),
            "replaced_by": replaced_by,
            "is_admin": admin,
            "payment_form": payment_form
            or (d.PaymentForm() if admin and not replaced_by else None),
        },
    )


@login_required
def decision_detail(request, pk: int):
    return _detail(request, get_decision_for_viewer(request, pk))


@login_required
@require_POST
def payment_new(request, pk: int):
    decision = get_decision_for_viewer(request, pk)
    require(
        is_county_admin(request.user, decision.round.county),
        _("Bare Statsforvalteren registrerer utbetalinger."),
    )
    form = d.PaymentForm(request.POST)
    if form.is_valid() and d.payment_record(decision=decision, form=form, user=request.user):
        messages.success(request, _("Utbetalingen er registrert."))
        return redirect("allocation:decision", pk=pk)
    return _detail(request, decision, form)


@login_required
def decision_letter(request, pk: int, fmt: str):
    from .. import letters

    decision = get_decision_for_viewer(request, pk)
    content = letters.decision_letter(decision, fmt, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(content, content_type=DOCUMENT_TYPES[fmt])
    name = f"vedtak-{decision.number}-{decision.round.year}-{decision.report.partnership.slug}"
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@login_required
def county_report(request, number: str, year: int):
    county = get_county_for_reader(request, number)
    years = s.round_years(forum_reports(county, year), year)
    figures = d.county_figures(county, year, list(Scheme.objects.all()), years)
    return render(
        request,
        "allocation/county_report.html",
        {"county": county, "year": year, "figures": figures},
    )
