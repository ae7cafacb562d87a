"""The start page's content for a signed-in user: what each role has to act on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Q

from lokomp.accounts.scoping import UserScope
from lokomp.allocation.models import submission_deadline
from lokomp.needs.models import NeedsReport, ReportStatus
from lokomp.needs.selectors import county_reports
from lokomp.plans.calendar import CalendarItem, plan_items, relevant_to_unit
from lokomp.plans.models import ActionPlan
from lokomp.registry.models import County, Unit

from .when import Precision, school_year_of

# At most this many of the week's activities on the start page; the calendar has the rest.
WEEK_ITEMS = 20


@dataclass
class ReportTask:
    report: NeedsReport
    deadline: date
    overdue: bool


@dataclass
class CountyTask:
    county: County
    year: int
    submitted: int
    total: int
    deadline: date


def report_tasks(scope: UserScope, today: date) -> list[ReportTask]:
    """The coordinator's needs reports of the latest year, with status and deadline."""
    if not scope.coordinator_partnerships:
        return []
    reports = list(
        NeedsReport.objects.filter(partnership__in=scope.coordinator_partnerships)
        .select_related("partnership", "template", "scheme")
        .order_by("partnership__name", "-template__year")
    )
    latest: dict[int, int] = {}
    for report in reports:
        latest.setdefault(report.partnership_id, report.template.year)
    tasks = []
    for report in reports:
        if report.template.year != latest[report.partnership_id]:
            continue
        deadline = submission_deadline(report.partnership.county_id, report.template.year)
        late = report.status != ReportStatus.SUBMITTED and deadline < today
        tasks.append(ReportTask(report, deadline, late))
    return tasks


def county_tasks(scope: UserScope, counties: list[tuple[County, int | None]]) -> list[CountyTask]:
    """For Statsforvalteren: how many of the year's reports are in, against the deadline.
    `counties` are the counties the user reads with their latest year (the page has them)."""
    tasks = []
    for county, year in counties:
        if county.pk not in scope.admin_counties or year is None:
            continue
        counts = county_reports(county, year).aggregate(
            total=Count("pk"), submitted=Count("pk", filter=Q(status=ReportStatus.SUBMITTED))
        )
        tasks.append(
            CountyTask(
                county,
                year,
                counts["submitted"],
                counts["total"],
                submission_deadline(county.pk, year),
            )
        )
    return tasks


def this_week(partnerships, units: list[Unit], today: date) -> list[CalendarItem]:
    """Activities of the week (Monday to Sunday) in the current plans of the partnerships
    the user sees; for someone who belongs to units, those that concern the units."""
    monday = today - timedelta(days=today.weekday())
    sunday = monday + timedelta(days=6)
    plans = list(
        ActionPlan.objects.filter(
            partnership__in=partnerships, school_year=school_year_of(today)
        ).values_list("pk", flat=True)
    )
    if not plans:
        return []
    items = plan_items(plans, first=monday, last=sunday, for_feed=bool(units))
    items = [i for i in items if i.is_day_item or i.when.precision == Precision.WEEK]
    if units:
        items = [i for i in items if any(relevant_to_unit(i, unit) for unit in units)]
    return items[:WEEK_ITEMS]
