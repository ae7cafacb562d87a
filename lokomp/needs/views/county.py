"""Statsforvalteren's pages: every report in the county, and the forms (templates)."""

import time
import zipfile
from io import BytesIO

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lokomp.core.audit import save_with_audit
from lokomp.core.forms import DsModelForm
from lokomp.core.pdf import deadline_seconds
from lokomp.core.questions import REGISTRY

from .. import documents
from ..access import get_county_for_admin, get_county_for_reader
from ..models import Question, ReportTemplate
from ..selectors import county_reports
from ..services import (
    QuestionInUse,
    question_delete,
    question_in_use,
    snapshot,
    template_copy_next,
    template_in_use,
)


@login_required
def county_download(request, number: str, year: int):
    """Every report of the year as PDF, the latest submitted version (or the draft), in one
    zip file; all of it within LOKOMP_EXPORT_ZIP_SECONDS."""
    county = get_county_for_reader(request, number)
    deadline = time.monotonic() + settings.EXPORT_ZIP_SECONDS
    buffer = BytesIO()
    base_url = request.build_absolute_uri("/")
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for report in county_reports(county, year).prefetch_related("versions"):
            versions = list(report.versions.all())
            version = versions[-1] if versions else None
            snap = version.snapshot if version else snapshot(report)
            label = f"versjon-{version.number}" if version else "utkast"
            archive.writestr(
                f"behovsmelding-{report.partnership.slug}-{report.scheme.code}-{label}.pdf",
                documents.report_document(
                    snap,
                    "pdf",
                    base_url=base_url,
                    version=version,
                    seconds=min(settings.EXPORT_SECONDS, deadline_seconds(deadline)),
                ),
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
        error_messages = {"text": {"required": gettext_lazy("Skriv spørsmålet.")}}

    def __init__(self, *args, template, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = template.sections.all()
        self.fields["section"].label = "Del"
        # Budget, goals and measures are tied to the report's own data: one of each.
        taken = set(
            Question.objects.filter(section__template=template).values_list("kind", flat=True)
        )
        single = {code for code, kind in REGISTRY.items() if kind.single}
        self.fields["kind"].choices = [
            (value, label)
            for value, label in self.fields["kind"].choices
            if value not in single or value not in taken
        ]


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
            "in_use": template_in_use(template),
        },
    )


@login_required
@require_POST
def template_copy_view(request, number: str, pk: int):
    county = get_county_for_admin(request, number)
    template = get_object_or_404(ReportTemplate, county=county, pk=pk)
    copy = template_copy_next(template=template, user=request.user)
    messages.success(
        request,
        _("Skjemaet for %(year)s er laget som en kopi. Endre det du trenger.")
        % {"year": copy.year},
    )
    return redirect("needs:template", number=county.number, pk=copy.pk)


@login_required
def question_edit(request, number: str, pk: int):
    county = get_county_for_admin(request, number)
    question = get_object_or_404(Question, pk=pk, section__template__county=county)
    template = question.section.template
    if template_in_use(template):
        messages.error(
            request,
            _(
                "Skjemaet er brukt i innsendte behovsmeldinger. Lag en kopi for neste år og "
                "endre den."
            ),
        )
        return redirect("needs:template", number=number, pk=template.pk)
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        save_with_audit(form, user=request.user, action="needs.question", county=county)
        messages.success(request, _("Spørsmålet er lagret."))
        return redirect("needs:template", number=number, pk=template.pk)
    return render(
        request, "needs/question_form.html", {"county": county, "template": template, "form": form}
    )


@login_required
def question_new(request, number: str, pk: int):
    county = get_county_for_admin(request, number)
    template = get_object_or_404(ReportTemplate, county=county, pk=pk)
    if template_in_use(template):
        messages.error(
            request,
            _(
                "Skjemaet er brukt i innsendte behovsmeldinger. Lag en kopi for neste år og "
                "endre den."
            ),
        )
        return redirect("needs:template", number=number, pk=template.pk)
    form = NewQuestionForm(request.POST or None, template=template)
    if request.method == "POST" and form.is_valid():
        save_with_audit(form, user=request.user, action="needs.question", county=county)
        messages.success(request, _("Spørsmålet er lagt til."))
        return redirect("needs:template", number=number, pk=template.pk)
    return render(
        request,
        "needs/question_form.html",
        {"county": county, "template": template, "form": form, "new": True},
    )


@login_required
def question_delete_view(request, number: str, pk: int):
    county = get_county_for_admin(request, number)
    question = get_object_or_404(Question, pk=pk, section__template__county=county)
    template = question.section.template
    if request.method == "POST":
        try:
            question_delete(question=question, user=request.user)
        except QuestionInUse as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Spørsmålet er fjernet."))
        return redirect("needs:template", number=number, pk=template.pk)
    if question_in_use(question):
        messages.error(request, str(QuestionInUse()))
        return redirect("needs:template", number=number, pk=template.pk)
    return render(
        request,
        "plans/confirm_delete.html",
        {
            "title": _("Fjerne spørsmål %(question)s?") % {"question": question},
            "consequence": "",
            "cancel": reverse("needs:template", args=[number, template.pk]),
        },
    )
