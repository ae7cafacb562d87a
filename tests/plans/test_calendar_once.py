"""What runs over weeks or months is shown once per page, as a band; a day once a day; and
each item says who takes part and in which municipalities."""

import re

import pytest
from django.urls import reverse

from lokomp.plans.models import Activity

from ..conftest import client_for
from .test_calendar import _titles
from .test_when_parts import _measure

pytestmark = pytest.mark.django_db


def _page(world, **params):
    client = client_for(world.coordinator_a.username)
    args = [world.partnership_a.slug, world.plan_a.year_slug]
    response = client.get(reverse("plans:calendar", args=args), params)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def plan(world):
    _measure(world.plan_a, 1, "Kompetansepakke", "Høst 2026 – vår 2027")
    _measure(world.plan_a, 2, "Veiledningsrunde", "Nov/des.")
    _measure(world.plan_a, 3, "Læringskaravane", "uke 36–40")
    _measure(world.plan_a, 4, "Startmøte", "Uke 34")
    _measure(world.plan_a, 5, "Dialogsamling", "15.–16. oktober")
    return world.plan_a


def test_the_semester_page_shows_each_once(plan, world):
    titles = _titles(_page(world, visning="semester", periode="host-2026"))
    for title in ("Kompetansepakke", "Veiledningsrunde", "Læringskaravane", "Startmøte"):
        assert titles.count(title) == 1, title
    assert titles.count("Dialogsamling") == 1  # two days within October: once, in October


def test_the_month_page_shows_weeks_once_and_days_each_day(plan, world):
    september = _titles(_page(world, visning="month", periode="2026-09"))
    assert september.count("Læringskaravane") == 1  # five weeks, one band
    october = _titles(_page(world, visning="month", periode="2026-10"))
    assert october.count("Dialogsamling") == 2  # on the 15th and on the 16th
    august = _page(world, visning="month", periode="2026-08")
    assert 'data-testid="week-34-spans"' in august and _titles(august).count("Startmøte") == 1


def test_each_item_says_who_and_where(plan, world):
    measure = plan.measures.get(number=5)
    measure.target_text = "Alle ansatte i skole og PPT"
    measure.save()
    activity = Activity.objects.create(measure=measure, title="Samling i Harstad", kind="gathering")
    from lokomp.core.when import parse_when

    activity.set_when(parse_when("20. oktober", 2026), "20. oktober")
    activity.target_text = "Rektorer"
    activity.save()
    activity.municipalities.add(world.unit_a.municipality)
    october = _page(world, visning="month", periode="2026-10")
    who = re.findall(r'data-testid="cal-who">([^<]+)<', october)
    assert f"Rektorer · {world.unit_a.municipality}" in who


def test_the_timeline_has_a_row_per_measure_and_a_column_per_month(plan, world):
    measure = plan.measures.get(number=2)  # "Nov/des."
    activity = Activity.objects.create(measure=measure, title="Oppstart", kind="gathering")
    from lokomp.core.when import parse_when

    activity.set_when(parse_when("14. oktober", 2026), "14. oktober")
    activity.save()
    html = _page(world, visning="timeline")
    table = html.split('data-testid="timeline"')[1].split("</table>")[0]
    rows = re.findall(r"<tr><th scope=\"row\"[^>]*>(.*?)</tr>", table, re.S)
    assert len(rows) == 5
    row = next(r for r in rows if "Veiledningsrunde" in r)
    cells = re.findall(r'<td class="([^"]*)"[^>]*data-testid="tl-cell">(.*?)</td>', row, re.S)
    assert len(cells) == 11  # August to June
    on = [n for n, (css, _body) in enumerate(cells) if "tl-on" in css]
    assert on == [2, 3, 4]  # October (the activity), November, December
    assert "Oppstart, 14. oktober 2026" in cells[2][1]
