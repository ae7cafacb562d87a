"""The start page gives each role something to act on."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from lokomp.accounts.models import User
from lokomp.accounts.scoping import user_scope
from lokomp.allocation.access import forum_reports
from lokomp.allocation.models import (
    Conflict,
    Decision,
    Grant,
    Payment,
    Recommendation,
    Round,
    Score,
)
from lokomp.core.when import parse_when
from lokomp.needs.models import NeedsReport
from lokomp.registry.models import Unit
from lokomp.reports.models import ProgressReport

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
    assert "Send inn" in todo and report.get_status_display() in todo
    # The suite runs on 23 November 2026, after the 2026 reports' deadline (1 February).
    if report.status != "submitted":
        assert "frist 1. februar" in todo and "Fristen er ute" in todo


def test_a_county_admin_sees_how_many_reports_are_in():
    rounds = _home("statsforvalter").split('data-testid="county-rounds"')[1].split("</section>")[0]
    assert re.search(r"\d+ av \d+ sendt inn, frist \d+\. \w+ \d{4}", rounds)


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


def _todo(username) -> str:
    return _home(username).split('data-testid="todo"')[1].split("</section>")[0]


@pytest.fixture
def forum_round(suite_now):
    """January 2024: the 2023 round at the forum, nothing scored by the demo's member."""
    suite_now.move_to(datetime(2024, 1, 10, 12, 0, tzinfo=ZoneInfo("Europe/Oslo")))
    Recommendation.objects.filter(round__year=2023).update(agreed_at=None)
    member = User.objects.get(username="forum")
    Score.objects.filter(member=member).delete()
    Conflict.objects.filter(user=member).delete()
    return Round.objects.get(county__number="55", year=2023)


def test_a_forum_member_sees_the_reports_waiting_for_a_score(forum_round):
    county = forum_round.county
    waiting = forum_reports(county, 2023).count()
    todo = _todo("forum")
    assert f"Vurder {waiting} behovsmeldinger i {county} (2023)" in todo
    assert reverse("allocation:forum", args=[county.number, 2023]) in todo
    # Declaring a conflict in one counts as done with it.
    report = forum_reports(county, 2023).first()
    Conflict.objects.create(
        report=report,
        user=User.objects.get(username="forum"),
        reason="Sitter i styringsgruppa.",
        declared_by=User.objects.get(username="forum"),
    )
    after = _todo("forum")
    assert f"Vurder {waiting} behovsmeldinger" not in after
    if waiting > 1:
        assert f"Vurder {waiting - 1} behovsmeldinger" in after
    # Statsforvalteren does not score.
    assert "Vurder" not in _todo("statsforvalter")


def test_statsforvalteren_sees_the_decisions_to_make(suite_now):
    suite_now.move_to(datetime(2024, 3, 1, 12, 0, tzinfo=ZoneInfo("Europe/Oslo")))
    the_round = Round.objects.get(county__number="55", year=2023)
    assert "Fatt vedtak" not in _todo("statsforvalter")  # the demo's decisions are made
    Payment.objects.all().delete()
    Grant.objects.all().delete()
    Decision.objects.filter(round=the_round).delete()
    todo = _todo("statsforvalter")
    count = forum_reports(the_round.county, 2023).count()
    assert f"Fatt vedtak for {count} behovsmeldinger" in todo
    assert reverse("allocation:decisions", args=["55", 2023]) in todo
    assert "Fatt vedtak" not in _todo("forum")


def test_a_coordinator_sees_a_progress_report_due_until_it_is_sent(sor_troms):
    report = ProgressReport.objects.create(
        partnership=sor_troms,
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
        deadline=date(2027, 1, 15),
    )
    todo = _todo("koordinator")
    assert "Send inn fremdriftsrapporten 01.01.2026–31.12.2026" in todo
    assert "frist 15. januar 2027" in todo
    assert "fremdriftsrapporten 01.01.2026" not in _todo("koordinator.ost")
    report.submitted_at = datetime(2026, 11, 23, 12, 0, tzinfo=ZoneInfo("Europe/Oslo"))
    report.save()
    assert "fremdriftsrapporten 01.01.2026" not in _todo("koordinator")


def test_a_unit_leader_sees_each_new_employee_due_their_introduction(unit_leader_units):
    from lokomp.participation.onboarding import reminders_for

    due = reminders_for(unit_leader_units, date(2026, 11, 23))
    assert due, "the demo has new employees due at the suite's moment"
    todo = _todo("rektor")
    for reminder in due:
        for programme, row, _status in reminder.rows:
            assert (
                f"{row.employee.name} ({reminder.unit}) skal fullføre «{programme.title}»" in todo
            )
        assert reverse("participation:unit_onboarding", args=[reminder.unit.pk]) in todo
    assert "skal fullføre" not in _todo("koordinator")


@pytest.fixture
def unit_leader_units(db):
    leader = User.objects.get(username="rektor")
    return list(Unit.objects.filter(pk__in=user_scope(leader).leader_units))


def test_a_person_with_nothing_due_is_told_so():
    assert "Ingenting venter på deg nå." in _todo("ansatt")
