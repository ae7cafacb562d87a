"""The leaders' coverage dashboard: shares of the staff at work, counted in the database,
checked against a count by hand, and the same for every size of staff list."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from lokomp.participation import coverage as c
from lokomp.participation.models import Attendance, Employee, StepDone, SupervisionSession
from lokomp.plans.models import Activity, ActivityKind
from lokomp.registry.models import Unit

pytestmark = pytest.mark.django_db
URL = reverse("participation:partnership_coverage", args=["sor-troms-evenes"])
TODAY = date(2026, 11, 23)


def _cells(page: str, testid: str) -> list[list[str]]:
    import re

    table = page.split(f'data-testid="{testid}"')[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", r, re.S)
        ]
        for r in rows
    ]


def _by_hand(unit: Unit, school_year: int, on: date) -> tuple[int, int, int]:
    """Staff at work, with the basic package, at a session of the year: counted one by one."""
    staff = [
        e
        for e in Employee.objects.filter(unit=unit, purged_at__isnull=True)
        if (e.start_date is None or e.start_date <= on) and (e.end_date is None or e.end_date >= on)
    ]
    basic = 0
    for e in staff:
        done = {d.step.programme_id for d in StepDone.objects.filter(employee=e, done_on__lte=on)}
        for programme_id in done:
            steps = StepDone.objects.filter(
                employee=e, done_on__lte=on, step__programme=programme_id
            )
            if steps.count() == steps.first().step.programme.steps.count():
                basic += 1
                break
    sessions = Attendance.objects.filter(
        activity__kind=ActivityKind.SESSION, activity__measure__plan__school_year=school_year
    )
    dialogue = sum(1 for e in staff if sessions.filter(employee=e).exists())
    return len(staff), basic, dialogue


def test_the_dashboard_shows_the_shares_a_leader_would_count(as_user, unit):
    page = as_user("koordinator").get(URL).content.decode()
    staff, basic, dialogue = _by_hand(unit, 2026, TODAY)
    assert (staff, basic, dialogue) == (7, 1, 5)
    # Hemmestad skole keeps counts only: 17 on the registry, 14 at the largest supervision
    # session held, nobody at a dialogue session this year (the August one was Harstad's).
    total = page.split('data-testid="coverage-total"')[1].split("</dl>")[0]
    assert "<dd>24</dd>" in total
    assert f"<dd>{round(100 * basic / staff)} %</dd>" in total  # 14 %, of those kept by name
    assert f"<dd>{round(100 * dialogue / 24)} %</dd>" in total  # 21 %
    assert f"<dd>{round(100 * 14 / 17)} %</dd>" in total  # 82 %
    trend = _cells(page, "coverage-trend")
    assert [r[0] for r in trend[1:]] == ["2024–2025", "2025–2026", "2026–2027"]
    # 2025–26, as at 31 July 2026: six at Kanebogen (Lise Berg had left), three of them at
    # the second dialogue day, one with the basic package; Hemmestad's 17 with no session.
    assert trend[2] == ["2025–2026", "23", "17 %", "13 %", "–"]
    units = _cells(page, "coverage-units")
    assert units[1][0] == "Kanebogen skole"  # six lack the basic package: most behind
    assert units[1][2:] == ["7", "14 %", "71 %", "–", "6"]
    assert units[2][:3] == ["Hemmestad skole (bare antall)", "Kvæfjord", "17"]


def test_sorted_by_the_dialogue_session_the_unit_with_most_missing_comes_first(as_user):
    page = as_user("koordinator").get(URL, {"sorter": "dialog"}).content.decode()
    units = _cells(page, "coverage-units")
    assert units[1][0].startswith("Hemmestad skole") and units[1][-1] == "17"
    assert units[2][0] == "Kanebogen skole" and units[2][-1] == "2"


def test_attendance_and_turnover_move_the_figures(as_user, unit):
    august = Activity.objects.get(title="Dialogsamling august 2026")
    for name in ("Mari Olsen", "Nora Aas"):
        Attendance.objects.create(
            activity=august, unit=unit, employee=Employee.objects.get(name=name)
        )
    Employee.objects.filter(name="Tor Hansen").update(end_date=date(2026, 10, 31))
    page = as_user("koordinator").get(URL, {"kommune": unit.municipality_id}).content.decode()
    units = _cells(page, "coverage-units")
    kanebogen = next(r for r in units if r[0] == "Kanebogen skole")
    assert kanebogen[2:5] == ["6", "17 %", "100 %"]  # six at work, all six at the session
    assert "Hemmestad" not in page  # filtered to Harstad


def test_a_unit_selected_for_supervision_counts_those_who_took_part(as_user):
    session = SupervisionSession.objects.filter(supervision__unit__name="Hemmestad skole").first()
    session.count = 17
    session.save()
    page = as_user("koordinator").get(URL).content.decode()
    assert "<dd>100 %</dd>" in page.split('data-testid="coverage-total"')[1].split("</dl>")[0]


def test_the_query_count_does_not_grow_with_staff_and_attendance(as_user, unit):
    client = as_user("koordinator")
    august = Activity.objects.get(title="Dialogsamling august 2026")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(URL).status_code == 200
        return len(captured.captured_queries)

    before = queries()
    people = Employee.objects.bulk_create(
        Employee(unit=u, name=f"Ansatt {i}", role="laerer", start_date=date(2020, 8, 1))
        for i, u in enumerate(list(Unit.objects.filter(municipality__name="Harstad")[:20]) * 10)
    )
    Attendance.objects.bulk_create(
        Attendance(activity=august, unit_id=e.unit_id, employee=e) for e in people[::2]
    )
    assert queries() == before


def test_an_employee_and_other_partnerships_see_no_coverage(as_user):
    assert as_user("ansatt").get(URL).status_code == 404
    assert as_user("koordinator.ost").get(URL).status_code == 404
    county = reverse("participation:county_coverage", args=["55"])
    assert as_user("statsforvalter").get(county).status_code == 200
    assert as_user("koordinator").get(county).status_code == 404


def test_the_county_figures_add_up_over_its_units():
    units = Unit.objects.filter(municipality__county__number="55")
    figures = c.coverage(units, school_year=2026, today=TODAY)
    assert figures.total.staff == sum(r.figures.staff for r in figures.rows)
    assert figures.total.staff == sum(f.staff for _, f in figures.by_municipality)
