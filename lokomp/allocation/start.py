"""The start page's part from the rounds: each county the person reads, with its latest
year, and for Statsforvalteren how many of the year's reports are in."""

from django.db.models import Count, Q

from lokomp.accounts.scoping import user_scope
from lokomp.core.start import Section, register_section
from lokomp.needs.models import ReportStatus
from lokomp.needs.selectors import county_reports, latest_year
from lokomp.registry.models import County

from . import duties
from .models import submission_deadline


def _counties(request, today):
    scope = user_scope(request.user)
    if not scope.county_readers:
        return None
    rows = []
    for county in County.objects.filter(pk__in=scope.county_readers).order_by("name"):
        year = latest_year(county)
        if year is None:
            continue
        row = {"county": county, "year": year, "admin": county.pk in scope.admin_counties}
        if row["admin"]:
            row.update(
                county_reports(county, year).aggregate(
                    total=Count("pk"),
                    submitted=Count("pk", filter=Q(status=ReportStatus.SUBMITTED)),
                ),
                deadline=submission_deadline(county.pk, year),
            )
        rows.append(row)
    return {"rounds": rows} if rows else None


def register() -> None:
    register_section(Section("rounds", "allocation/start/rounds.html", _counties, order=20))
    duties.register_kinds()
