"""The round page (every report of the county's year, against the frames) and its
settings."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lokomp.needs.access import get_county_for_admin, get_county_for_reader, is_county_admin
from lokomp.needs.models import ReportStatus, ReportTemplate
from lokomp.needs.selectors import county_reports
from lokomp.partnerships.models import Scheme
from lokomp.registry.models import Municipality

from .. import selectors as s
from ..decisions import commitments
from ..forms import RoundForm
from ..models import Round, frames_of, round_for
from ..services import RoundRefused, next_round_refused, round_save, round_start_next


@login_required
def round_page(request, number: str, year: int):
    county = get_county_for_reader(request, number)
    chosen = s.RoundFilters.from_query(request.GET)
    every = county_reports(county, year)
    the_round = round_for(county, year)
    years = s.round_years(every, year)
    schemes = list(Scheme.objects.all())
    frames = frames_of(the_round)
    counts, submitted = s.report_counts(every)
    sums = s.round_sums(county, every, years)
    listed = s.round_reports(county, year, chosen)
    if chosen.municipality is not None:
        chosen_sums = s.round_sums(county, listed, years)
    else:
        scheme_id = next((x.pk for x in schemes if x.code == chosen.scheme), None)
        chosen_sums = (
            s.chosen_sums(sums, scheme_id=scheme_id, status=chosen.status)
            if scheme_id is not None or not chosen.scheme
            else {}
        )
    totals = s.by_year(chosen_sums, years)
    page = Paginator(s.with_page_data(listed), s.PAGE_SIZE).get_page(request.GET.get("side"))
    forms = list(ReportTemplate.objects.filter(county=county).only("pk", "year", "title"))
    return render(
        request,
        "allocation/round.html",
        {
            "county": county,
            "year": year,
            "round": the_round,
            "years": years,
            "frames": s.frame_table(schemes, frames, sums, counts, year, commitments(county, year)),
            "page": page,
            "rows": s.page_rows(county, list(page.object_list), years),
            "totals": totals,
            "has_parts": any(c.part != c.total for c in totals),
            "chosen": chosen,
            "headings": [
                chosen.heading("partnerskap", _("Partnerskap")),
                chosen.heading("ordning", _("Ordning")),
                chosen.heading("status", _("Status")),
            ],
            "sum_heading": chosen.heading("sum"),
            "schemes": schemes,
            "statuses": ReportStatus.choices,
            "municipalities": Municipality.objects.filter(county=county).order_by("name"),
            "reports_total": sum(counts.values()),
            "submitted": submitted,
            "forms": forms,
            "form_in_use": next((f for f in forms if f.year == year), None),
            "is_admin": is_county_admin(request.user, county),
            "next_round": Round.objects.filter(county=county, year=year + 1).exists(),
            "can_start_next": not next_round_refused(
                county, year, the_round, today=timezone.localdate()
            ),
        },
    )


@login_required
@require_POST
def round_next(request, number: str, year: int):
    """Statsforvalteren starts next year's round from this one (the invitation goes out)."""
    county = get_county_for_admin(request, number)
    try:
        following, made = round_start_next(county=county, year=year, user=request.user)
    except RoundRefused as refused:
        messages.error(request, str(refused))
        return redirect("allocation:round", number=number, year=year)
    if made:
        messages.success(
            request,
            _("Runden for %(year)s er startet, og koordinatorene får invitasjonen på e-post.")
            % {"year": following.year},
        )
    return redirect("allocation:round", number=number, year=following.year)


@login_required
def round_settings(request, number: str, year: int):
    county = get_county_for_admin(request, number)
    schemes = Scheme.objects.all()
    if request.method != "POST":
        the_round = round_for(county, year)
        frames = dict(the_round.frames.values_list("scheme_id", "amount")) if the_round.pk else {}
        form = RoundForm(instance=the_round, schemes=schemes, frames=frames)
    else:
        with transaction.atomic():
            # The first save stores the round with the dates the page showed, then checks
            # the form against it, as every later save is checked against what was shown.
            defaults = Round.default(county, year)
            the_round, _created = Round.objects.select_for_update().get_or_create(
                county=county,
                year=year,
                defaults={
                    "submission_deadline": defaults.submission_deadline,
                    "recommendation_deadline": defaults.recommendation_deadline,
                    "decision_deadline": defaults.decision_deadline,
                },
            )
            frames = dict(the_round.frames.values_list("scheme_id", "amount"))
            form = RoundForm(request.POST, instance=the_round, schemes=schemes, frames=frames)
            if form.is_valid():
                round_save(form=form, user=request.user)
                messages.success(request, _("Runden er lagret."))
                return redirect("allocation:round", number=number, year=year)
    return render(
        request,
        "allocation/round_settings.html",
        {"county": county, "year": year, "form": form},
    )
