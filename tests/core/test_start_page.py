"""The start page gives each role something to act on."""

import re

import pytest
from django.urls import reverse

from lokomp.core.when import parse_when
from lokomp.needs.models import NeedsReport

from ..conftest import client_for

pytestmark = pytest.mark.django_db


def _home(username):
    response = client_for(username).get(reverse("core:home"))
    assert response.status_code == 200
    return response.content.decode()


def test_a_coordinator_sees_the_reports_status_and_deadline():
    page = _home("koordinator")
    todo = page.split('data-testid="todo"')[1].split("</section>")[0]
    report = (
        NeedsReport.objects.filter(partnership__slug="sor-troms-evenes")
        .order_by("-template__year")
        .first()
    )
    assert reverse("needs:report", args=[report.pk]) in todo
    assert report.get_status_display() in todo
    # The suite runs on 23 November 2026, after the 2026 reports' deadline (1 February).
    if report.status != "submitted":
        assert "frist 1. februar" in todo and "Fristen er ute" in todo


def test_a_county_admin_sees_how_many_reports_are_in():
    todo = _home("statsforvalter").split('data-testid="todo"')[1].split("</section>")[0]
    assert re.search(r"\d+ av \d+ sendt inn, frist \d+\. \w+ \d{4}", todo)


def test_everyone_sees_this_weeks_activities_and_a_unit_its_own(sor_troms):
    plan = sor_troms.plans.get(school_year=2026)
    measure = plan.measures.first()
    activity = measure.activities.create(title="Ukemøte for alle", kind="meeting")
    activity.set_when(parse_when("25. november 2026"), "25. november 2026")
    activity.save()
    week = _home("koordinator").split('data-testid="this-week"')[1].split("</section>")[0]
    assert "Ukemøte for alle" in week and "(uke 48)" in _home("koordinator")
    unit_page = _home("rektor")
    assert "Ukemøte for alle" in unit_page.split('data-testid="this-week"')[1]
    assert 'data-testid="unit-calendar-link"' in unit_page
