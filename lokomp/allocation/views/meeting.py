"""The forum's meeting: the reports in priority order with the scores side by side, what
they ask against the frames, and the recommendation written as the forum agrees it."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Avg, F, IntegerField, OuterRef, Subquery, Value
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from lokomp.accounts.scoping import require
from lokomp.core.forms import DsForm
from lokomp.partnerships.models import Scheme

from .. import forum as f
from .. import recommendation as r
from .. import selectors as s
from ..access import forum_reports, get_county_for_admin, get_county_for_reader, is_county_admin
from ..decisions import commitments
from ..forms import date_field
from ..models import RecommendationLine, frames_of, round_for


class AgreeForm(DsForm):
    meeting_date = date_field(gettext_lazy("Møtedato"), gettext_lazy("Velg datoen for møtet."))
    notes = forms.CharField(
        label=gettext_lazy("Referat fra møtet"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


# Each row is a form of eight inputs: 25 rows is a forum meeting's agenda, and a page that
# loads in a blink at the largest county.
MEETING_PAGE_SIZE = 25


def _ordered(county, reports, recommendation):
    """Priority first (as agreed so far), then the forum's average score."""
    priority = RecommendationLine.objects.filter(
        recommendation=recommendation, report=OuterRef("pk")
    ).values("priority")[:1]
    average = (
        f.counted_scores(county)
        .filter(report=OuterRef("pk"), value__isnull=False)
        .values("report")
        .annotate(a=Avg("value"))
        .values("a")[:1]
    )
    return reports.annotate(
        priority=Subquery(priority) if recommendation else Value(None, output_field=IntegerField()),
        average=Subquery(average),
    ).order_by(
        F("priority").asc(nulls_last=True),
        F("average").desc(nulls_last=True),
        "partnership__name",
        "pk",
    )


def _context(request, county, year, data=None):
    the_round = round_for(county, year)
    recommendation = r.recommendation_of(the_round)
    every = forum_reports(county, year)
    years = s.round_years(every, year)
    page = Paginator(
        s.with_page_data(_ordered(county, every, recommendation)), MEETING_PAGE_SIZE
    ).get_page(request.GET.get("side"))
    criteria = f.active_criteria(county)
    rows = r.meeting_rows(county, list(page.object_list), recommendation, years, criteria, data)
    schemes = list(Scheme.objects.all())
    frames = frames_of(the_round)
    sums = s.round_sums(county, every, years)
    committed = commitments(county, year)
    counts, _submitted = s.report_counts(every)
    return {
        "county": county,
        "year": year,
        "round": the_round,
        "recommendation": recommendation,
        "years": years,
        "page": page,
        "rows": rows,
        "criteria": [c for c in criteria if c.kind == "scale"],
        "asked": s.frame_table(schemes, frames, sums, counts, year, committed),
        "proposals": r.proposal_table(
            schemes, frames, r.proposed_sums(recommendation), year, counts, committed
        ),
        "is_admin": is_county_admin(request.user, county),
        "agree_form": AgreeForm(
            initial={"meeting_date": recommendation.meeting_date if recommendation else None}
        ),
    }


@login_required
def meeting(request, number: str, year: int):
    county = get_county_for_reader(request, number)
    if request.method == "POST":
        require(
            is_county_admin(request.user, county),
            _("Bare Statsforvalteren skriver innstillingen fra møtet."),
        )
    context = _context(request, county, year, request.POST or None)
    if request.method == "POST":
        rows = context["rows"]
        if all(row.form.is_valid() for row in rows):
            recommendation = r.recommendation_for(round_for_saved(county, year))
            try:
                saved = r.recommendation_save(
                    recommendation=recommendation, rows=rows, user=request.user
                )
            except r.Refused as refused:
                messages.error(request, str(refused))
                return redirect(request.get_full_path())
            if not any(row.conflict for row in rows):
                if saved:
                    messages.success(request, _("Innstillingen er lagret."))
                return redirect(request.get_full_path())
            context["conflicts"] = True
        else:
            context["errors"] = True
    return render(request, "allocation/meeting.html", context)


def round_for_saved(county, year):
    """The round, stored with the scheme's dates if it was not yet."""
    the_round = round_for(county, year)
    if the_round.pk is None:
        the_round.full_clean()
        the_round.save()
    return the_round


@login_required
@require_POST
def agree(request, number: str, year: int):
    county = get_county_for_admin(request, number)
    recommendation = r.recommendation_for(round_for_saved(county, year))
    if request.POST.get("action") == "reopen":
        r.recommendation_reopen(recommendation=recommendation, user=request.user)
        messages.success(request, _("Innstillingen er åpnet for endringer."))
        return redirect("allocation:meeting", number=number, year=year)
    form = AgreeForm(request.POST)
    if form.is_valid():
        r.recommendation_agree(
            recommendation=recommendation,
            meeting_date=form.cleaned_data["meeting_date"],
            notes=form.cleaned_data["notes"],
            user=request.user,
        )
        messages.success(request, _("Innstillingen er vedtatt."))
        return redirect("allocation:meeting", number=number, year=year)
    context = _context(request, county, year)
    context["agree_form"] = form
    return render(request, "allocation/meeting.html", context)


DOCUMENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def recommendation_document(request, number: str, year: int, fmt: str):
    from .. import documents

    county = get_county_for_reader(request, number)
    table = documents.recommendation_table(county, year)
    content = documents.recommendation_document(
        table, fmt, base_url=request.build_absolute_uri("/")
    )
    response = HttpResponse(content, content_type=DOCUMENT_TYPES[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="innstilling-fylke-{county.number}-{year}.{fmt}"'
    )
    return response
