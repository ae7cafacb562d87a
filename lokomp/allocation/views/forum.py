"""The collaboration forum's pages: the reports to score, scoring one report, the county's
criteria and the members' ties."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Avg, OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lokomp.accounts.models import Role
from lokomp.accounts.scoping import require
from lokomp.core.questions import Posted

from .. import forum as f
from .. import selectors as s
from ..access import (
    conflict_reasons,
    forum_reports,
    get_county_for_admin,
    get_county_for_reader,
    get_report_in_round,
    is_county_admin,
    is_forum_member,
)
from ..forms import ConflictForm, TieForm, criterion_formset
from ..models import Criterion, ForumTie
from ..services import conflict_declare, criteria_save, tie_add, tie_remove


@login_required
def forum_page(request, number: str, year: int):
    """The round's submitted reports with the forum's average score and, for a member,
    how far they have come and where they are conflicted."""
    county = get_county_for_reader(request, number)
    member = is_forum_member(request.user, county)
    average = (
        f.counted_scores(county)
        .filter(report=OuterRef("pk"))
        .values("report")
        .annotate(a=Avg("value"))
        .values("a")
    )
    reports = forum_reports(county, year).annotate(average=Subquery(average[:1]))
    by_score = request.GET.get("sorter") == "vurdering"
    if by_score:
        reports = reports.order_by("-average", "partnership__name", "pk")
    page = Paginator(s.with_page_data(reports), s.PAGE_SIZE).get_page(request.GET.get("side"))
    listed = list(page.object_list)
    criteria = f.active_criteria(county)
    summary = f.score_summary(county, listed)
    conflicts = conflict_reasons(request.user, county, listed) if member else {}
    progress = f.my_progress(request.user, listed, criteria) if member else {}
    return render(
        request,
        "allocation/forum.html",
        {
            "county": county,
            "year": year,
            "page": page,
            "rows": [
                {
                    "report": report,
                    "version": report.latest_version,
                    "scores": summary.get(report.pk),
                    "conflict": conflicts.get(report.pk),
                    "progress": progress.get(report.pk),
                }
                for report in listed
            ],
            "by_score": by_score,
            "member": member,
            "criteria": criteria,
            "is_admin": is_county_admin(request.user, county),
        },
    )


def _score_page(request, county, year, report, *, states=None, conflict_form=None):
    """The scoring page as a member, Statsforvalteren or another reader sees it: the form
    for a member who may score (with `states` as saved or typed), why a conflicted member
    may not, and the form to declare a conflict (`conflict_form` when it was posted)."""
    member = is_forum_member(request.user, county)
    criteria = f.active_criteria(county)
    conflict = conflict_reasons(request.user, county, [report]).get(report.pk) if member else None
    if states is None:
        states = f.score_states(report, request.user, criteria) if member and not conflict else []
    return render(
        request,
        "allocation/score.html",
        {
            "county": county,
            "year": year,
            "report": report,
            "version": report.versions.order_by("-number").first(),
            "states": states,
            "complete": f.is_complete(states) if states else False,
            "member": member,
            "conflict": conflict,
            "conflict_form": (conflict_form or ConflictForm()) if member and not conflict else None,
            "criteria": criteria,
        },
    )


@login_required
def score_page(request, number: str, year: int, pk: int):
    county, report = get_report_in_round(request, number, year, pk)
    if request.method != "POST":
        return _score_page(request, county, year, report)
    require(
        is_forum_member(request.user, county),
        _("Bare medlemmer av samarbeidsforum vurderer behovsmeldinger."),
    )
    require(
        report.pk not in conflict_reasons(request.user, county, [report]),
        _("Du er inhabil og kan ikke vurdere denne behovsmeldingen."),
    )
    states = f.scores_save(
        report=report,
        member=request.user,
        criteria=f.active_criteria(county),
        posted=Posted(request.POST),
        version=report.versions.order_by("-number").first(),
    )
    if not any(state.errors for state in states):
        messages.success(request, _("Vurderingen er lagret."))
        return redirect("allocation:score", number=number, year=year, pk=pk)
    return _score_page(request, county, year, report, states=states)


@login_required
@require_POST
def conflict_declare_view(request, number: str, year: int, pk: int):
    county, report = get_report_in_round(request, number, year, pk)
    require(
        is_forum_member(request.user, county),
        _("Bare medlemmer av samarbeidsforum melder seg inhabile."),
    )
    form = ConflictForm(request.POST)
    if form.is_valid():
        conflict_declare(
            report=report,
            member=request.user,
            reason=form.cleaned_data["reason"],
            user=request.user,
        )
        messages.success(request, _("Du er meldt inhabil for denne behovsmeldingen."))
        return redirect("allocation:score", number=number, year=year, pk=pk)
    return _score_page(request, county, year, report, conflict_form=form)


@login_required
def criteria_page(request, number: str):
    county = get_county_for_reader(request, number)
    admin = is_county_admin(request.user, county)
    if request.method == "POST":
        require(admin, _("Bare Statsforvalteren endrer kriteriene."))
    formset = criterion_formset(county, request.POST or None) if admin else None
    if formset is not None and request.method == "POST" and formset.is_valid():
        criteria_save(formset=formset, county=county, user=request.user)
        messages.success(request, _("Kriteriene er lagret."))
        return redirect("allocation:criteria", number=number)
    return render(
        request,
        "allocation/criteria.html",
        {
            "county": county,
            "formset": formset,
            "criteria": Criterion.objects.filter(county=county),
        },
    )


def _forum_members(county):
    return (
        get_user_model()
        .objects.filter(roles__role=Role.FORUM_MEMBER, roles__county=county)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


@login_required
def forum_members(request, number: str):
    county = get_county_for_admin(request, number)
    members = _forum_members(county)
    form = TieForm(request.POST or None, county=county, members=members)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        tie_add(
            county=county,
            member=data["member"],
            owner=data["owner"],
            institution=data["institution"],
            organisation=data["organisation"],
            user=request.user,
        )
        messages.success(request, _("Tilknytningen er lagt til."))
        return redirect("allocation:forum_members", number=number)
    ties: dict[int, list[ForumTie]] = {}
    for tie in ForumTie.objects.filter(county=county).select_related("owner", "institution"):
        ties.setdefault(tie.user_id, []).append(tie)
    return render(
        request,
        "allocation/forum_members.html",
        {
            "county": county,
            "members": [(m, ties.get(m.pk, [])) for m in members],
            "form": form,
        },
    )


@login_required
@require_POST
def tie_delete(request, number: str, pk: int):
    county = get_county_for_admin(request, number)
    tie = get_object_or_404(ForumTie, county=county, pk=pk)
    tie_remove(tie=tie, user=request.user)
    messages.success(request, _("Tilknytningen er fjernet."))
    return redirect("allocation:forum_members", number=number)
