"""The suite's key paths on a day in 2029, three school years after the demo's plans: the
code takes "today" from the clock it is given, and nothing ages with the calendar."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from lokomp.needs.models import NeedsReport
from lokomp.needs.services import SubmissionRefused, report_submit

pytestmark = pytest.mark.django_db

IN_2029 = datetime(2029, 9, 17, 10, 0, tzinfo=ZoneInfo("Europe/Oslo"))


@pytest.fixture(autouse=True)
def _in_2029(suite_now):
    suite_now.move_to(IN_2029)


def test_feeds_hold_only_current_plans(client, sor_troms):
    """In 2029–30 the feed holds plans from 2028–29 on: none of the demo's, and still a
    valid calendar."""
    response = client.get(reverse("plans:partnership_feed", args=[sor_troms.calendar_token]))
    cal = Calendar.from_ical(response.content)
    assert response.status_code == 200 and list(cal.walk("VEVENT")) == []


def test_an_old_plan_and_its_calendar_still_open(as_user):
    client = as_user("koordinator")
    plan = client.get(reverse("plans:plan", args=["sor-troms-evenes", "2025-2026"]))
    assert plan.status_code == 200
    calendar = client.get(reverse("plans:calendar", args=["sor-troms-evenes", "2025-2026"]))
    # Today is outside the plan's year: the calendar opens at the plan's first semester.
    assert "Høst 2025" in calendar.content.decode()


def test_next_plan_is_made_in_2029(as_user, sor_troms):
    response = as_user("koordinator").post(
        reverse("partnerships:plan_new", args=["sor-troms-evenes"]),
        {"school_year": "2029", "copy_from_previous": "on"},
    )
    assert response.status_code == 302
    network = sor_troms.plans.get(school_year=2029).measures.get(number=7)
    assert network.when.format() == "2 møter høst 2029, 2 møter vår 2030"


def test_when_preview_reads_the_running_school_year(as_user):
    page = as_user("koordinator").get(reverse("core:when_preview"), {"when_text": "Høst"})
    assert "Høst 2029" in page.content.decode()


def test_a_report_past_its_deadline_is_refused_and_old_versions_still_print(as_user):
    report = NeedsReport.objects.get(template__year=2026, partnership__slug="sor-troms-evenes")
    with pytest.raises(SubmissionRefused) as refused:
        report_submit(report=report, user=None)
    assert any("Fristen var 01.02.2026" in p for p in refused.value.problems)
    submitted = NeedsReport.objects.get(template__year=2023)
    pdf = as_user("statsforvalter").get(reverse("needs:pdf", args=[submitted.pk, 1]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_the_clock_says_2029():
    assert timezone.localdate().year == 2029
