"""Progress reports: the partnership's list and a new report, the report page where the
coordinators write and submit, its Word and PDF, the expenses, the county's reports with
their summary, and the national view."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from lokomp.core.audit import save_with_audit
from lokomp.core.validators import parse_id
from lokomp.needs.access import get_county_for_reader
from lokomp.partnerships.models import Partnership, Scheme
from lokomp.plans.models import Measure
from lokomp.registry.models import County

from . import contents, documents, overview
from .access import (
    can_write,
    get_partnership_for_reports,
    get_partnership_for_writer,
    get_report,
    require_national,
)
from .contents import SUMMARY
from .forms import ExpenseForm, ReportForm
from .models import Audience, Expense, ProgressReport
from .services import (
    TextsSaved,
    create_reports,
    expense_delete,
    save_texts,
    seen_marks,
    submit,
)

PAGE_SIZE = 50
WITHOUT_SHOWN = 50


def _year(request, today) -> int:
    """The calendar year chosen in the address, within ten years of today."""
    year = parse_id(request.GET.get("aar", "")) or today.year
    return year if today.year - 10 <= year <= today.year + 1 else today.year


@login_required
def report_list(request, slug: str):
    partnership = get_partnership_for_reports(request, slug)
    today = timezone.localdate()
    writer = can_write(request.user, partnership)
    form = ReportForm(
        request.POST if request.method == "POST" else None,
        instance=ProgressReport(partnership=partnership),
        partnership=partnership,
        today=today,
    )
    if request.method == "POST":
        get_partnership_for_writer(request, slug)
        if form.is_valid():
            report = form.save(commit=False)
            report.deadline = form.cleaned_data["deadline"]
            made = create_reports(report, request.user)
            if len(made) > 1:
                messages.success(
                    request,
                    ngettext(
                        "Rapporten er laget, og %(n)s rapport for et tiltak i en ordning som "
                        "krever rapport per tiltak.",
                        "Rapporten er laget, og %(n)s rapporter for tiltak i en ordning som "
                        "krever rapport per tiltak.",
                        len(made) - 1,
                    )
                    % {"n": len(made) - 1},
                )
            else:
                messages.success(request, _("Rapporten er laget."))
            return redirect("reports:report", slug=slug, pk=report.pk)
    reports = ProgressReport.objects.filter(partnership=partnership).select_related(
        "scheme", "measure"
    )
    page = Paginator(reports, PAGE_SIZE).get_page(request.GET.get("side"))
    return render(
        request,
        "reports/list.html",
        {
            "partnership": partnership,
            "page": page,
            "form": form,
            "can_write": writer,
            "today": today,
        },
    )


def _labels(data: dict) -> dict[str, str]:
    labels = {SUMMARY: _("Samlet vurdering")}
    for goal in data["goals"]:
        labels[goal["key"]] = f"{goal['level']}: {goal['text'][:80]}"
    for m in data["measures"]:
        labels[m["key"]] = _("Tiltak %(number)s: %(title)s") % m
    return labels


@login_required
def report(request, slug: str, pk: int):
    found = get_report(request, slug, pk)
    today = timezone.localdate()
    writer = can_write(request.user, found.partnership) and not found.submitted
    data = contents.content(found, today)
    labels = _labels(data)
    keys = list(labels)
    outcome = TextsSaved()
    posted: dict[str, str] = {}
    if request.method == "POST":
        get_partnership_for_writer(request, slug)
        if not found.submitted:
            outcome = save_texts(found, request.POST, keys, labels, request.user)
        if not outcome.conflicts and not outcome.too_long:
            if outcome.saved:
                messages.success(request, _("Teksten er lagret."))
            return redirect("reports:report", slug=slug, pk=pk)
        # Keep what the writer typed for the fields that were not saved.
        unsaved = {c.key for c in outcome.conflicts} | set(outcome.too_long)
        posted = {k: request.POST.get(f"text-{k}", "") for k in unsaved}
        found.refresh_from_db()  # the summary may have been saved with this request
        data = contents.content(found, today)
    texts = contents.all_texts(data)
    seen = seen_marks(texts, keys)
    fields = {k: {"text": posted.get(k, texts.get(k, "")), "seen": seen[k]} for k in keys}
    return render(
        request,
        "reports/report.html",
        {
            "partnership": found.partnership,
            "report": found,
            "data": contents.with_fields(data, fields),
            "writing": writer,
            "can_write": writer,
            "outcome": outcome,
            "too_long": set(outcome.too_long),
            "conflicted": {c.key for c in outcome.conflicts},
        },
    )


@login_required
@require_POST
def report_submit(request, slug: str, pk: int):
    get_partnership_for_writer(request, slug)
    found = get_report(request, slug, pk)
    if submit(found, request.user, timezone.localdate()):
        messages.success(request, _("Rapporten er sendt. Den er låst og kan ikke endres."))
    else:
        messages.info(request, _("Rapporten var allerede sendt."))
    return redirect("reports:report", slug=slug, pk=pk)


@login_required
def report_document(request, slug: str, pk: int, fmt: str):
    found = get_report(request, slug, pk)
    data = contents.content(found, timezone.localdate())
    if fmt == "pdf":
        content = documents.report_pdf(
            contents.with_texts(data), base_url=request.build_absolute_uri("/")
        )
    else:
        content = documents.report_docx(data)
    response = HttpResponse(content, content_type=documents.CONTENT_TYPES[fmt])
    name = f"fremdriftsrapport-{found.partnership.slug}-{found.period_end:%Y}-{found.pk}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def expenses(request, slug: str):
    partnership = get_partnership_for_reports(request, slug)
    today = timezone.localdate()
    year = _year(request, today)
    writer = can_write(request.user, partnership)
    form = ExpenseForm(
        request.POST if request.method == "POST" else None,
        instance=Expense(recorded_by=request.user),
        partnership=partnership,
    )
    if request.method == "POST":
        get_partnership_for_writer(request, slug)
        if form.is_valid():
            save_with_audit(
                form, user=request.user, action="reports.expense", partnership=partnership
            )
            messages.success(request, _("Utgiften er registrert."))
            return redirect(f"{request.path}?aar={form.instance.spent_on.year}")
    measures = Measure.objects.filter(plan__partnership=partnership)
    listed = Expense.objects.filter(measure__in=measures, spent_on__year=year).select_related(
        "measure", "measure__plan"
    )
    chosen = parse_id(request.GET.get("tiltak", ""))
    if chosen is not None:
        listed = listed.filter(measure_id=chosen)
    sums = {
        row["recipient"]: row["s"]
        for row in listed.values("recipient").annotate(s=Sum("amount")).order_by()
    }
    page = Paginator(listed.order_by("-spent_on", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("side")
    )
    return render(
        request,
        "reports/expenses.html",
        {
            "partnership": partnership,
            "form": form,
            "page": page,
            "year": year,
            "years": list(range(today.year + 1, today.year - 6, -1)),
            "measures": measures.select_related("plan").order_by("-plan__school_year", "number"),
            "chosen": chosen,
            "owner_sum": sums.get("owner") or 0,
            "uh_sum": sums.get("uh") or 0,
            "total": sum(v or 0 for v in sums.values()),
            "can_write": writer,
        },
    )


@login_required
def expense(request, slug: str, pk: int):
    partnership = get_partnership_for_writer(request, slug)
    found = get_object_or_404(Expense, measure__plan__partnership=partnership, pk=pk)
    if request.method == "POST" and "slett" in request.POST:
        expense_delete(expense=found, user=request.user)
        messages.success(request, _("Utgiften er slettet."))
        return redirect("reports:expenses", slug=slug)
    form = ExpenseForm(request.POST or None, instance=found, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        save_with_audit(form, user=request.user, action="reports.expense", partnership=partnership)
        messages.success(request, _("Utgiften er lagret."))
        url = reverse("reports:expenses", kwargs={"slug": slug})
        return redirect(f"{url}?aar={found.spent_on.year}")
    return render(
        request,
        "reports/expense_form.html",
        {"partnership": partnership, "form": form, "expense": found},
    )


def _scheme_rows(found: dict, schemes: list[Scheme]) -> list[tuple[Scheme, overview.Cell]]:
    per = overview.by_scheme(found)
    return [(s, per[s.pk]) for s in schemes if s.pk in per]


@login_required
def county_reports(request, number: str):
    county = get_county_for_reader(request, number)
    today = timezone.localdate()
    year = _year(request, today)
    reports = ProgressReport.objects.filter(
        partnership__county=county, period_end__year=year
    ).select_related("partnership", "scheme", "measure")
    audience = request.GET.get("mottaker", "")
    if audience in Audience.values:
        reports = reports.filter(audience=audience)
    page = Paginator(
        reports.order_by("partnership__name", "scheme__order", "measure__number", "pk"), PAGE_SIZE
    ).get_page(request.GET.get("side"))
    without_all = Partnership.objects.filter(county=county).exclude(
        pk__in=ProgressReport.objects.filter(
            period_end__year=year, audience=Audience.COUNTY
        ).values("partnership")
    )
    # The first names, and how many there are: a county with thousands is not a list.
    without = list(without_all.order_by("name").values_list("name", flat=True)[:WITHOUT_SHOWN])
    without_count = without_all.count()
    found = overview.cells(year, today, county_id=county.pk)
    schemes = list(Scheme.objects.all())
    return render(
        request,
        "reports/county.html",
        {
            "county": county,
            "today": today,
            "year": year,
            "years": list(range(today.year, today.year - 6, -1)),
            "page": page,
            "audience": audience,
            "audiences": Audience.choices,
            "without": without,
            "without_more": without_count - len(without),
            "rows": _scheme_rows(found, schemes),
            "total": overview.total(found),
        },
    )


@login_required
def national(request):
    require_national(request)
    today = timezone.localdate()
    year = _year(request, today)
    found = overview.cells(year, today)
    schemes = list(Scheme.objects.all())
    counties = list(County.objects.order_by("number"))
    table = []
    for county in counties:
        cells = [(s, found[(county.pk, s.pk)]) for s in schemes if (county.pk, s.pk) in found]
        whole = overview.Cell()
        for _s, cell in cells:
            whole.add(cell)
        table.append({"county": county, "cells": cells, "total": whole})
    return render(
        request,
        "reports/national.html",
        {
            "year": year,
            "years": list(range(today.year, today.year - 6, -1)),
            "table": table,
            "rows": _scheme_rows(found, schemes),
            "total": overview.total(found),
        },
    )
