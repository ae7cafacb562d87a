from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lokomp.allocation.decisions import asked_and_granted, granted_for
from lokomp.allocation.models import round_for
from lokomp.core.forms import DsFormMixin
from lokomp.core.questions import Posted
from lokomp.partnerships.access import get_partnership_for_viewer, is_county_admin_of
from lokomp.partnerships.models import Scheme
from lokomp.plans.access import can_edit_plan, get_partnership_for_plan_editor
from lokomp.plans.documents import CONTENT_TYPES

from .. import documents
from ..access import (
    can_read_reports,
    can_write_report,
    get_report_for_county_admin,
    get_report_for_editor,
    get_report_for_viewer,
    visible_reports,
)
from ..editor import ReportFrozen, section_save, section_states
from ..models import NeedsReport, ReportTemplate
from ..services import (
    SubmissionRefused,
    compare,
    report_allow_late,
    report_create,
    report_problems,
    report_reopen,
    report_submit,
    snapshot,
    submission_blockers,
    submission_deadline,
)


class NewReportForm(DsFormMixin, forms.Form):
    template = forms.ModelChoiceField(
        queryset=ReportTemplate.objects.none(),
        label=gettext_lazy("Skjema"),
        empty_label=None,
        error_messages={"required": gettext_lazy("Velg skjemaet behovsmeldingen skal skrives på.")},
    )
    scheme = forms.ModelChoiceField(
        queryset=Scheme.objects.none(), label=gettext_lazy("Ordning"), empty_label=None
    )
    copy_from = forms.ModelChoiceField(
        queryset=NeedsReport.objects.none(),
        label=gettext_lazy("Kopier fra"),
        required=False,
        empty_label=gettext_lazy("Start med et tomt skjema"),
        help_text=gettext_lazy(
            "Svar, budsjett, mål og tiltak tas med, med årstallene flyttet fram."
        ),
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.partnership = partnership
        self.fields["template"].queryset = ReportTemplate.objects.filter(
            county=partnership.county
        ).order_by("-year")
        schemes = partnership.schemes.all()
        self.fields["scheme"].queryset = schemes if schemes.exists() else Scheme.objects.all()
        previous = partnership.needs_reports.select_related("template").order_by("-template__year")
        self.fields["copy_from"].queryset = previous
        self.fields["copy_from"].label_from_instance = lambda r: (
            _("Behovsmeldingen %(year)s") % {"year": r.year_label}
        )
        if previous and not self.is_bound:
            self.initial["copy_from"] = previous[0].pk

    def clean(self):
        data = super().clean()
        template, scheme = data.get("template"), data.get("scheme")
        if (
            template
            and scheme
            and self.partnership.needs_reports.filter(template=template, scheme=scheme).exists()
        ):
            raise forms.ValidationError(
                _("Partnerskapet har allerede en behovsmelding på dette skjemaet for ordningen.")
            )
        copy_from = data.get("copy_from")
        if copy_from and template and copy_from.year >= template.year:
            self.add_error("copy_from", _("Velg en behovsmelding fra et tidligere år."))
        return data


@login_required
def report_list(request, slug: str):
    partnership = get_partnership_for_viewer(request, slug)
    if not can_read_reports(request.user, partnership):
        raise Http404("Fant ikke behovsmeldinger.")
    reports = (
        visible_reports(request.user)
        .filter(partnership=partnership)
        .select_related("template", "scheme", "plan")
    )
    can_write = can_edit_plan(request.user, partnership)
    return render(
        request,
        "needs/report_list.html",
        {"partnership": partnership, "reports": reports, "can_write": can_write},
    )


@login_required
def report_new(request, slug: str):
    partnership = get_partnership_for_plan_editor(request, slug)
    form = NewReportForm(request.POST or None, partnership=partnership)
    if request.method == "POST" and form.is_valid():
        report = report_create(
            partnership=partnership,
            template=form.cleaned_data["template"],
            scheme=form.cleaned_data["scheme"],
            copy_from=form.cleaned_data["copy_from"],
            user=request.user,
        )
        messages.success(request, _("%(report)s er opprettet.") % {"report": report})
        return redirect("needs:report", pk=report.pk)
    return render(request, "needs/report_new.html", {"partnership": partnership, "form": form})


def _progress(report: NeedsReport, snap: dict) -> list[dict]:
    """Per section: questions that must be answered, and how many of them are."""
    rows = []
    for index, section in enumerate(snap["sections"]):
        questions = section["questions"]
        required = [q for q in questions if q["required"]]
        answered = [q for q in required if str(q["shown"]).strip()]
        rows.append(
            {"index": index, "section": section, "answered": len(answered), "total": len(required)}
        )
    return rows


@login_required
def report_overview(request, pk: int):
    report = get_report_for_viewer(request, pk)
    snap = snapshot(report)
    can_write = can_write_report(request.user, report)
    the_round = round_for(report.partnership.county, report.year)
    deadline = the_round.submission_deadline
    granted = granted_for(report)
    return render(
        request,
        "needs/report.html",
        {
            "invitation": the_round.invitation,
            "granted": granted,
            "granted_rows": asked_and_granted(report, granted) if granted else [],
            "report": report,
            "partnership": report.partnership,
            "progress": _progress(report, snap),
            "blockers": (
                submission_blockers(report, snap, today=timezone.localdate(), deadline=deadline)
                if report.is_editable
                else []
            ),
            "versions": report.versions.select_related("submitted_by"),
            "deadline": deadline,
            "can_write": can_write and report.is_editable,
            "is_county_admin": is_county_admin_of(request.user, report.partnership),
        },
    )


@login_required
def report_section(request, pk: int, index: int):
    if request.method == "POST":
        report = get_report_for_editor(request, pk)
    else:
        report = get_report_for_viewer(request, pk)
    sections = list(report.template.sections.prefetch_related("questions"))
    if not 0 <= index < len(sections):
        raise Http404("Fant ikke delen.")
    section = sections[index]
    can_write = can_write_report(request.user, report) and report.is_editable
    if request.method == "POST":
        try:
            result = section_save(
                report=report, section=section, posted=Posted(request.POST), user=request.user
            )
        except ReportFrozen as error:
            messages.error(request, str(error))
            return redirect("needs:report", pk=report.pk)
        if not result.input_errors and not result.conflicts:
            if result.saved:
                messages.success(request, _("Lagret. Utkastet er oppdatert."))
            last = index + 1 >= len(sections)
            following = index + 1 if "neste" in request.POST and not last else index
            return redirect("needs:section", pk=report.pk, index=following)
        states = result.states
        status = 200
    else:
        states = section_states(report, section)
        status = 200
    return render(
        request,
        "needs/section.html",
        {
            "report": report,
            "partnership": report.partnership,
            "section": section,
            "index": index,
            "sections": sections,
            "states": states,
            "can_write": can_write,
        },
        status=status,
    )


@login_required
def report_submit_view(request, pk: int):
    report = get_report_for_editor(request, pk)
    problems = report_problems(report) if report.is_editable else []
    if request.method == "POST":
        try:
            version = report_submit(report=report, user=request.user)
        except SubmissionRefused as refused:
            problems = refused.problems
        else:
            messages.success(
                request,
                _("Behovsmeldingen er sendt inn som versjon %(number)s.")
                % {"number": version.number},
            )
            return redirect("needs:report", pk=report.pk)
    return render(
        request,
        "needs/submit.html",
        {
            "report": report,
            "partnership": report.partnership,
            "problems": problems,
            "deadline": submission_deadline(report),
        },
    )


@login_required
@require_POST
def report_reopen_view(request, pk: int):
    report = get_report_for_county_admin(request, pk)
    try:
        report_reopen(report=report, user=request.user)
    except SubmissionRefused as refused:
        messages.error(request, refused.problems[0])
    else:
        messages.success(
            request, _("Behovsmeldingen er gjenåpnet. Neste innsending blir en ny versjon.")
        )
    return redirect("needs:report", pk=report.pk)


@login_required
@require_POST
def report_allow_late_view(request, pk: int):
    report = get_report_for_county_admin(request, pk)
    report_allow_late(report=report, user=request.user)
    messages.success(request, _("Partnerskapet kan sende inn etter fristen."))
    return redirect("needs:report", pk=report.pk)


def _version_snapshot(report, number: int | None):
    """The version with this number, or the draft as it stands (number None)."""
    if number is None:
        return None, snapshot(report)
    version = get_object_or_404(report.versions, number=number)
    return version, version.snapshot


@login_required
def report_version(request, pk: int, number: int | None):
    report = get_report_for_viewer(request, pk)
    version, snap = _version_snapshot(report, number)
    return render(
        request,
        "needs/version.html",
        {
            "report": report,
            "partnership": report.partnership,
            "version": version,
            "snap": documents.printable(snap),
            "number": number,
        },
    )


@login_required
def report_changes(request, pk: int, number: int):
    report = get_report_for_viewer(request, pk)
    version = get_object_or_404(report.versions, number=number)
    previous = report.versions.filter(number__lt=number).order_by("-number").first()
    changes = compare(previous.snapshot, version.snapshot) if previous else []
    return render(
        request,
        "needs/changes.html",
        {
            "report": report,
            "partnership": report.partnership,
            "version": version,
            "previous": previous,
            "changes": changes,
        },
    )


@login_required
def report_document(request, pk: int, number: int | None, fmt: str):
    report = get_report_for_viewer(request, pk)
    version, snap = _version_snapshot(report, number)
    content = documents.report_document(
        snap, fmt, base_url=request.build_absolute_uri("/"), version=version
    )
    label = f"versjon-{version.number}" if version else "utkast"
    filename = f"behovsmelding-{report.partnership.slug}-{report.year}-{label}.{fmt}"
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
