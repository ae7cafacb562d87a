"""Statsforvalteren's pages: every report in the county, and the forms (templates)."""

import zipfile
from io import BytesIO

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from lokomp.accounts.scoping import get_county_for_admin, get_county_for_reader, user_scope
from lokomp.core.audit import log_action, save_with_audit
from lokomp.core.forms import DsFormMixin, DsModelForm

from .. import documents
from ..models import (
    NeedsReport,
    Question,
    ReportTemplate,
    ReportVersion,
    SubmissionDeadline,
    deadline_for,
)
from ..services import snapshot
from ..standard_forms import template_copy


def _county_reports(county, year: int):
    return (
        NeedsReport.objects.filter(partnership__county=county, template__year=year)
        .select_related("partnership", "scheme", "template", "plan")
        .prefetch_related(
            "budget",
            # The list shows version numbers: the snapshots stay in the database.
            Prefetch("versions", queryset=ReportVersion.objects.defer("snapshot")),
        )
        .order_by("partnership__name")
    )


class DeadlineForm(DsFormMixin, forms.Form):
    deadline = forms.DateField(
        label="Frist for innsending",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Skriv datoen som dd.mm.åååå.", "required": "Velg en dato."},
        input_formats=["%Y-%m-%d", "%d.%m.%Y"],
    )


@login_required
def county_overview(request, number: str, year: int):
    county = get_county_for_reader(request, number)
    scope = user_scope(request.user)
    is_admin = scope.superuser or county.pk in scope.admin_counties
    deadline = deadline_for(county.pk, year)
    form = DeadlineForm(request.POST or None, initial={"deadline": deadline})
    if request.method == "POST":
        if not is_admin:
            raise PermissionDenied("Bare Statsforvalteren setter fristen.")
        if form.is_valid():
            chosen = form.cleaned_data["deadline"]
            saved, _created = SubmissionDeadline.objects.update_or_create(
                county=county, year=year, defaults={"deadline": chosen}
            )
            log_action(
                "needs.deadline.changed",
                user=request.user,
                obj=saved,
                changes={"Frist": [f"{deadline:%d.%m.%Y}", f"{chosen:%d.%m.%Y}"]},
                county=county,
            )
            messages.success(request, f"Fristen for {year} er {chosen:%d.%m.%Y}.")
            return redirect("needs:county", number=number, year=year)
    reports = list(_county_reports(county, year))
    years = [year + i for i in range(3)]
    rows, sums = [], {(y, r): 0 for y in years for r in ("owner", "uh")}
    for report in reports:
        lines = {(x.year, x.recipient): x.amount or 0 for x in report.budget.all()}
        cells = []
        for y in years:
            owner, uh = lines.get((y, "owner"), 0), lines.get((y, "uh"), 0)
            sums[(y, "owner")] += owner
            sums[(y, "uh")] += uh
            cells.append({"owner": owner, "uh": uh, "total": owner + uh})
        versions = list(report.versions.all())
        rows.append(
            {"report": report, "cells": cells, "version": versions[-1] if versions else None}
        )
    totals = [
        {
            "owner": sums[(y, "owner")],
            "uh": sums[(y, "uh")],
            "total": sums[(y, "owner")] + sums[(y, "uh")],
        }
        for y in years
    ]
    other_years = ReportTemplate.objects.filter(county=county).values_list("year", flat=True)
    return render(
        request,
        "needs/county_overview.html",
        {
            "county": county,
            "year": year,
            "years": years,
            "rows": rows,
            "totals": totals,
            "deadline": deadline,
            "other_years": other_years,
            "deadline_form": form if is_admin else None,
        },
    )


@login_required
def county_download(request, number: str, year: int):
    """Every report of the year as PDF, the latest submitted version (or the draft), in one
    zip file."""
    county = get_county_for_reader(request, number)
    buffer = BytesIO()
    base_url = request.build_absolute_uri("/")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for report in _county_reports(county, year):
            versions = list(report.versions.all())
            version = versions[-1] if versions else None
            snap = version.snapshot if version else snapshot(report)
            label = f"versjon-{version.number}" if version else "utkast"
            archive.writestr(
                f"behovsmelding-{report.partnership.slug}-{report.scheme.code}-{label}.pdf",
                documents.report_document(snap, "pdf", base_url=base_url, version=version),
            )
    response = HttpResponse(buffer.getvalue(), content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="behovsmeldinger-fylke-{county.number}-{year}.zip"'
    )
    return response


class QuestionForm(DsModelForm):
    class Meta:
        model = Question
        fields = ["number", "text", "help_text", "word_limit", "required", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}


class NewQuestionForm(DsModelForm):
    class Meta:
        model = Question
        fields = [
            "section",
            "number",
            "text",
            "kind",
            "help_text",
            "word_limit",
            "required",
            "order",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"text": {"required": "Skriv spørsmålet."}}

    def __init__(self, *args, template, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = template.sections.all()
        self.fields["section"].label = "Del"
        # Budget, goals and measures are tied to the report's own data: one of each.
        taken = set(
            Question.objects.filter(section__template=template).values_list("kind", flat=True)
        )
        single = {"budget", "goals", "measures", "confirmation"}
        self.fields["kind"].choices = [
            (value, label)
            for value, label in self.fields["kind"].choices
            if value not in single or value not in taken
        ]


def _template_in_use(template) -> bool:
    return template.reports.exclude(status="draft").exists()


@login_required
def template_list(request, number: str):
    county = get_county_for_reader(request, number)
    templates = ReportTemplate.objects.filter(county=county).prefetch_related("reports")
    return render(request, "needs/template_list.html", {"county": county, "templates": templates})


@login_required
def template_detail(request, number: str, pk: int):
    county = get_county_for_reader(request, number)
    template = get_object_or_404(ReportTemplate, county=county, pk=pk)
    return render(
        request,
        "needs/template_detail.html",
        {
            "county": county,
            "template": template,
            "sections": template.sections.prefetch_related("questions"),
            "in_use": _template_in_use(template),
        },
    )


@login_required
@require_POST
def template_copy_view(request, number: str, pk: int):
    county = get_county_for_admin(request, number)
    template = get_object_or_404(ReportTemplate, county=county, pk=pk)
    year = max(ReportTemplate.objects.filter(county=county).values_list("year", flat=True)) + 1
    copy = template_copy(template=template, year=year)
    log_action(
        "needs.template.created",
        user=request.user,
        obj=copy,
        changes={"Kopi av": [None, str(template)]},
        county=county,
    )
    messages.success(request, f"Skjemaet for {year} er laget som en kopi. Endre det du trenger.")
    return redirect("needs:template", number=county.number, pk=copy.pk)


@login_required
def question_edit(request, number: str, pk: int):
    county = get_county_for_admin(request, number)
    question = get_object_or_404(Question, pk=pk, section__template__county=county)
    template = question.section.template
    if _template_in_use(template):
        messages.error(
            request,
            "Skjemaet er brukt i innsendte behovsmeldinger. Lag en kopi for neste år og endre den.",
        )
        return redirect("needs:template", number=number, pk=template.pk)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        save_with_audit(form, user=request.user, action="needs.question", county=county)
        messages.success(request, "Spørsmålet er lagret.")
        return redirect("needs:template", number=number, pk=template.pk)
    return render(
        request, "needs/question_form.html", {"county": county, "template": template, "form": form}
    )


@login_required
def question_new(request, number: str, pk: int):
    county = get_county_for_admin(request, number)
    template = get_object_or_404(ReportTemplate, county=county, pk=pk)
    if _template_in_use(template):
        messages.error(
            request,
            "Skjemaet er brukt i innsendte behovsmeldinger. Lag en kopi for neste år og endre den.",
        )
        return redirect("needs:template", number=number, pk=template.pk)
    form = NewQuestionForm(request.POST or None, template=template)
    if request.method == "POST" and form.is_valid():
        save_with_audit(form, user=request.user, action="needs.question", county=county)
        messages.success(request, "Spørsmålet er lagt til.")
        return redirect("needs:template", number=number, pk=template.pk)
    return render(
        request,
        "needs/question_form.html",
        {"county": county, "template": template, "form": form, "new": True},
    )


@login_required
def question_delete(request, number: str, pk: int):
    county = get_county_for_admin(request, number)
    question = get_object_or_404(Question, pk=pk, section__template__county=county)
    template = question.section.template
    if _template_in_use(template) or question.answers.exists():
        messages.error(request, "Spørsmålet er besvart i en behovsmelding og kan ikke fjernes.")
        return redirect("needs:template", number=number, pk=template.pk)
    if request.method == "POST":
        log_action(
            "needs.question.deleted",
            user=request.user,
            obj=question,
            changes={"Spørsmål": [str(question), None]},
            county=county,
        )
        question.delete()
        messages.success(request, "Spørsmålet er fjernet.")
        return redirect("needs:template", number=number, pk=template.pk)
    return render(
        request,
        "plans/confirm_delete.html",
        {
            "title": f"Fjerne spørsmål {question}?",
            "consequence": "",
            "cancel": reverse("needs:template", args=[number, template.pk]),
        },
    )
