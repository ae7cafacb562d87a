"""Across reports: the county reads every report of its partnerships with a summary, and
the directorate reads the national view (asked, granted, held, reached per county and
scheme). Nobody else sees either."""

import re
from datetime import date

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lokomp.allocation.models import Grant
from lokomp.core.when import parse_when
from lokomp.participation.models import Attendance
from lokomp.partnerships.models import Partnership
from lokomp.plans.models import Activity, Measure
from lokomp.registry.models import County

from ..conftest import client_for

pytestmark = pytest.mark.django_db


def _cells(page: str, testid: str, heading: str) -> list[str]:
    table = page.split(f'data-testid="{testid}"')[1].split("</table>")[0]
    row = table.split(f">{heading}")[1].split("</tr>")[0]
    return [c.replace("\xa0", " ") for c in re.findall(r'<td class="num">([^<]*)</td>', row)]


def _held_2025(county_number: str) -> int:
    return (
        Activity.objects.filter(
            when_start__year=2025,
            measure__plan__partnership__county__number=county_number,
            status="planned",
            when_end__lt=date(2026, 11, 23),
        ).count()
        + Activity.objects.filter(
            when_start__year=2025,
            measure__plan__partnership__county__number=county_number,
            status="done",
        ).count()
    )


def test_the_county_reads_its_reports_and_a_summary(as_user):
    page = as_user("statsforvalter").get(reverse("reports:county", args=["55"]), {"aar": 2025})
    html = page.content.decode()
    listed = html.split('data-testid="county-reports"')[1].split("</table>")[0]
    # The demo's draft for 2025 was due on 15 January 2026.
    assert "Region Sør-Troms og Evenes" in listed and "Fristen er ute" in listed
    granted = Grant.objects.filter(year=2025, decision__round__county__number="55").aggregate(
        s=Sum("amount")
    )["s"]
    asked, given, planned, held, reached, spent = _cells(html, "county-summary", "Sum</th>")
    assert given == f"{granted:,}".replace(",", " ")
    assert held == str(_held_2025("55"))
    came = Attendance.objects.filter(
        activity__when_start__year=2025,
        activity__measure__plan__partnership__county__number="55",
    )
    assert reached == str(
        came.filter(employee__isnull=False).count()
        + sum(c or 0 for c in came.values_list("count", flat=True))
    )
    assert spent == "463 400"
    # Partnerships of the county with no report to Statsforvalteren for the year are named.
    without = Partnership.objects.filter(county__number="55").exclude(slug="sor-troms-evenes")
    listed = html.split('data-testid="without"')[1] if without.exists() else ""
    for partnership in without:
        assert partnership.name in listed


def test_the_national_view_is_the_directorates_alone(as_user):
    url = reverse("reports:national")
    for username in ("statsforvalter", "forum", "koordinator", "rektor", "ansatt", "nordland"):
        assert as_user(username).get(url).status_code == 404
    directorate = client_for("direktorat")
    html = directorate.get(url, {"aar": 2025}).content.decode()
    troms = County.objects.get(number="55")
    sums = _cells(html, "national-counties", f"{troms.name}</th><td>Sum</td>")
    asked, given, planned, held, reached, spent = sums
    committed = Grant.objects.filter(year=2025).aggregate(s=Sum("amount"))["s"]
    assert given == f"{committed:,}".replace(",", " ")
    assert held == str(_held_2025("55"))
    # The directorate reads figures, never a partnership's or a county's pages.
    assert directorate.get(reverse("reports:county", args=["55"])).status_code == 404
    assert (
        directorate.get(reverse("partnerships:detail", args=["sor-troms-evenes"])).status_code
        == 404
    )
    assert directorate.get(reverse("reports:list", args=["sor-troms-evenes"])).status_code == 404


def test_the_national_view_reads_the_same_number_of_queries_for_more_data():
    directorate = client_for("direktorat")
    url = reverse("reports:national")
    with CaptureQueriesContext(connection) as small:
        small_html = directorate.get(url, {"aar": 2025}).content.decode()
    measure = Measure.objects.filter(plan__partnership__slug="ost-finnmark").first()
    for n in range(10):
        activity = Activity(measure=measure, title=f"Ekstra {n}", kind="meeting")
        activity.set_when(parse_when(f"{n + 1}.09.2025"), f"{n + 1}.09.2025")
        activity.save()
    with CaptureQueriesContext(connection) as large:
        html = directorate.get(url, {"aar": 2025}).content.decode()
    assert len(large) == len(small)
    finnmark = measure.plan.partnership.county
    before = _cells(small_html, "national-counties", f"{finnmark.name}</th><td>Sum</td>")
    after = _cells(html, "national-counties", f"{finnmark.name}</th><td>Sum</td>")
    assert int(after[2]) == int(before[2]) + 10  # planned
