"""Reading a county's needs reports: every report the county handles in a year, with the
sums asked per year and recipient, for the overview page and the zip download."""

from __future__ import annotations

from django.db.models import Max, Q, QuerySet

from lokomp.partnerships.models import CountyShare
from lokomp.registry.models import County

from .models import NeedsReport, ReportTemplate


def _handled_by(county: County) -> Q:
    """Reports of the county's partnerships and of partnerships that report a share to the
    county (Evenes' 8 % to Nordland)."""
    shared = CountyShare.objects.filter(county=county).values("partnership_id")
    return Q(partnership__county=county) | Q(partnership__in=shared)


def latest_year(county: County) -> int | None:
    """The latest year the county has a form or a report to read, for its overview link."""
    years = [
        ReportTemplate.objects.filter(county=county).aggregate(y=Max("year"))["y"],
        NeedsReport.objects.filter(_handled_by(county)).aggregate(y=Max("template__year"))["y"],
    ]
    return max((y for y in years if y is not None), default=None)


def county_reports(county: County, year: int) -> QuerySet[NeedsReport]:
    """The year's reports the county handles."""
    return (
        NeedsReport.objects.filter(_handled_by(county))
        .filter(template__year=year)
        .select_related("partnership", "partnership__county", "scheme", "template", "plan")
        .order_by("partnership__name", "scheme__order")
    )
