"""Who may read and write needs reports, and who keeps a county's forms and deadlines.

A report is read by the partnership's coordinators, by the county (Statsforvalteren and
the forum members of the home county and of a county that takes a share of the
partnership), and by the contacts of the partnership's member owners: the report is made
in partnership with them and names the owner that receives the funds. Unit leaders and
employees do not read needs reports. Only coordinators write; only the home county's
Statsforvalteren reopens, allows late submission and keeps the forms."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from lokomp.accounts.scoping import require, user_scope
from lokomp.partnerships.access import is_county_admin_of
from lokomp.partnerships.models import CountyShare, Partnership, PartnershipOwner
from lokomp.plans.access import can_edit_plan
from lokomp.registry.models import County

from .models import NeedsReport


def _reader_q(user, prefix: str = "") -> Q | None:
    """The partnerships whose reports the user reads, as a filter; None for all."""
    scope = user_scope(user)
    if scope.superuser:
        return None
    q = Q(**{f"{prefix}pk__in": scope.coordinator_partnerships})
    if scope.county_readers:
        q |= Q(**{f"{prefix}county__in": scope.county_readers}) | Q(
            **{
                f"{prefix}pk__in": CountyShare.objects.filter(
                    county__in=scope.county_readers
                ).values("partnership_id")
            }
        )
    if scope.contact_owners:
        q |= Q(
            **{
                f"{prefix}pk__in": PartnershipOwner.objects.filter(
                    owner__in=scope.contact_owners
                ).values("partnership_id")
            }
        )
    return q


def visible_reports(user) -> QuerySet[NeedsReport]:
    q = _reader_q(user, "partnership__")
    qs = NeedsReport.objects.all()
    return qs if q is None else qs.filter(q)


def can_read_reports(user, partnership: Partnership) -> bool:
    q = _reader_q(user)
    return q is None or Partnership.objects.filter(q, pk=partnership.pk).exists()


def can_write_report(user, report: NeedsReport) -> bool:
    return can_edit_plan(user, report.partnership)


def get_report_for_viewer(request, pk: int) -> NeedsReport:
    report = (
        visible_reports(request.user)
        .select_related("partnership", "partnership__county", "template", "scheme", "plan")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404("Fant ikke behovsmeldingen.")
    return report


def get_report_for_editor(request, pk: int) -> NeedsReport:
    report = get_report_for_viewer(request, pk)
    require(
        can_write_report(request.user, report),
        "Bare partnerskapets koordinatorer kan skrive behovsmeldingen.",
    )
    return report


def get_report_for_county_admin(request, pk: int) -> NeedsReport:
    report = get_report_for_viewer(request, pk)
    require(
        is_county_admin_of(request.user, report.partnership),
        "Bare Statsforvalteren i fylket kan gjøre dette.",
    )
    return report


def is_county_admin(user, county: County) -> bool:
    scope = user_scope(user)
    return scope.superuser or county.pk in scope.admin_counties


def get_county_for_reader(request, number: str) -> County:
    scope = user_scope(request.user)
    county = County.objects.filter(number=number).first()
    if county is None or not (scope.superuser or county.pk in scope.county_readers):
        raise Http404("Fant ikke fylket.")
    return county


def get_county_for_admin(request, number: str) -> County:
    county = get_county_for_reader(request, number)
    require(is_county_admin(request.user, county), "Bare Statsforvalteren kan gjøre dette.")
    return county
