"""Who reads and writes progress reports. Those who lead read the partnership's reports
(the county, the coordinators, the owners' contacts, the units' leaders); the coordinators
write them; the county's admin and forum read every report of the county; the directorate
reads the national view. Anyone else gets 404."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from lokomp.accounts.scoping import require, user_scope
from lokomp.participation.access import get_partnership_for_coverage
from lokomp.plans.access import can_edit_plan

from .models import ProgressReport


def get_partnership_for_reports(request, slug: str):
    return get_partnership_for_coverage(request, slug)


def can_write(user, partnership) -> bool:
    return can_edit_plan(user, partnership)


def get_partnership_for_writer(request, slug: str):
    partnership = get_partnership_for_reports(request, slug)
    require(can_write(request.user, partnership), "Bare koordinatorene skriver rapportene.")
    return partnership


def get_report(request, slug: str, pk: int) -> ProgressReport:
    partnership = get_partnership_for_reports(request, slug)
    return get_object_or_404(
        ProgressReport.objects.select_related("partnership", "scheme", "measure"),
        partnership=partnership,
        pk=pk,
    )


def require_national(request) -> None:
    scope = user_scope(request.user)
    if not (scope.superuser or scope.national):
        raise Http404("Fant ikke siden.")
