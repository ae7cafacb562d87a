"""Who takes part in a round.

The county's pages (the round, its settings, the criteria, the forum) are read by the
county: Statsforvalteren and the forum members of the county (and of a county that takes a
share of a partnership, for that partnership's report). Statsforvalteren keeps the round,
the criteria and the forum's ties. Forum members score the submitted reports, except those
they are conflicted for (inhabil); Statsforvalteren reads the scores but does not score.
Coordinators, owners and units never see the forum's pages or scores: 404.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from lokomp.accounts.scoping import user_scope
from lokomp.needs.access import get_county_for_admin, get_county_for_reader, is_county_admin
from lokomp.needs.models import NeedsReport, ReportVersion
from lokomp.needs.selectors import county_reports
from lokomp.partnerships.models import PartnershipInstitution, PartnershipOwner
from lokomp.registry.models import County

from .models import Conflict, ForumTie

__all__ = [
    "forum_reports",
    "get_county_for_admin",
    "get_county_for_reader",
    "get_report_in_round",
    "is_county_admin",
    "is_forum_member",
    "conflict_reasons",
]


def is_forum_member(user, county: County) -> bool:
    return county.pk in user_scope(user).forum_counties


def forum_reports(county: County, year: int) -> QuerySet[NeedsReport]:
    """The round's reports the forum reads: those with a submitted version."""
    return county_reports(county, year).filter(
        Exists(ReportVersion.objects.filter(report=OuterRef("pk")))
    )


def get_report_in_round(request, number: str, year: int, pk: int) -> tuple[County, NeedsReport]:
    """The county (read by the user) and one submitted report of its round; 404 else."""
    county = get_county_for_reader(request, number)
    report = forum_reports(county, year).filter(pk=pk).first()
    if report is None:
        raise Http404("Fant ikke behovsmeldingen i runden.")
    return county, report


def conflict_reasons(user, county: County, reports: list[NeedsReport]) -> dict[int, str]:
    """Why the user is conflicted (inhabil) for each of the reports that they are: a
    declaration, or a tie to an owner or institution in the partnership. At most four
    queries."""
    reasons: dict[int, str] = {}
    ids = [r.pk for r in reports]
    for report_id, reason in Conflict.objects.filter(user=user, report__in=ids).values_list(
        "report_id", "reason"
    ):
        reasons[report_id] = reason
    ties = list(
        ForumTie.objects.filter(user=user, county=county).select_related("owner", "institution")
    )
    owners = {t.owner_id: t.owner for t in ties if t.owner_id}
    institutions = {t.institution_id: t.institution for t in ties if t.institution_id}
    if not owners and not institutions:
        return reasons
    by_partnership: dict[int, list[int]] = {}
    for report in reports:
        by_partnership.setdefault(report.partnership_id, []).append(report.pk)
    links = list(
        PartnershipOwner.objects.filter(
            partnership__in=by_partnership, owner__in=owners
        ).values_list("partnership_id", "owner_id")
    ) + [
        (p, -i)
        for p, i in PartnershipInstitution.objects.filter(
            Q(partnership__in=by_partnership) & Q(institution__in=institutions)
        ).values_list("partnership_id", "institution_id")
    ]
    for partnership_id, org in links:
        tie = owners[org] if org > 0 else institutions[-org]
        for report_id in by_partnership[partnership_id]:
            reasons.setdefault(
                report_id,
                _("du representerer %(organisation)s, som er med i partnerskapet")
                % {"organisation": tie},
            )
    return reasons


def get_decision_for_viewer(request, pk: int):
    """A decision, read by whoever reads its report (the county, the share county, the
    partnership's coordinators and member owners' contacts); 404 for anyone else."""
    from lokomp.needs.access import visible_reports

    from .models import Decision

    decision = (
        Decision.objects.filter(pk=pk, report__in=visible_reports(request.user))
        .select_related(
            "round__county", "report__partnership__county", "report__scheme", "decided_by"
        )
        .first()
    )
    if decision is None:
        raise Http404("Fant ikke vedtaket.")
    return decision
