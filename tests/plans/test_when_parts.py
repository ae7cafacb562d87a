"""A NÅR with several parts, a recurrence or no date, on the plan, the calendar and the
feed: each part in its own period, each Wednesday on its day, "etter avtale" listed."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from icalendar import Calendar

from lokomp.core.when import parse_when
from lokomp.partnerships.models import Scheme
from lokomp.plans.calendar import plan_items
from lokomp.plans.models import Measure

from ..conftest import client_for

pytestmark = pytest.mark.django_db

OSLO = ZoneInfo("Europe/Oslo")


def _measure(plan, number, title, text):
    measure = Measure(plan=plan, number=number, title=title, scheme=Scheme.objects.first())
    try:
        when = parse_when(text, plan.school_year)
    except ValueError:
        when = None
    measure.set_when(when, text)
    measure.save()
    return measure


@pytest.fixture
def plan(world):
    world.plan_a.published = True
    world.plan_a.save()
    _measure(world.plan_a, 1, "Nettverk", "2 møter høst 2026, 2 møter vår 2027")
    _measure(world.plan_a, 2, "Veiledning", "hver onsdag kl. 14–15 i oktober")
    _measure(world.plan_a, 3, "Skolebesøk", "Etter avtale")
    _measure(world.plan_a, 4, "Fagdag", "når det passer")
    return world.plan_a


def _page(world, name, **params):
    client = client_for(world.coordinator_a.username)
    args = [world.partnership_a.slug, world.plan_a.year_slug]
    response = client.get(reverse(name, args=args), params)
    assert response.status_code == 200
    return response.content.decode()


def test_each_part_goes_in_its_own_semester(plan):
    network = [i for i in plan_items(plan) if i.title == "Nettverk"]
    assert [(i.first, i.last) for i in network] == [
        (date(2026, 8, 1), date(2026, 12, 31)),
        (date(2027, 1, 1), date(2027, 6, 30)),
    ]
    assert len({i.uid for i in network}) == 2


def test_the_semester_pages_show_a_part_each_once(plan, world):
    autumn = _page(world, "plans:calendar", visning="semester", periode="host-2026")
    spring = _page(world, "plans:calendar", visning="semester", periode="var-2027")
    assert autumn.count("Nettverk") == 1 and spring.count("Nettverk") == 1


def test_a_weekly_meeting_is_on_each_wednesday(plan, world):
    wednesdays = [i.first for i in plan_items(plan) if i.title == "Veiledning"]
    assert wednesdays == [date(2026, 10, d) for d in (7, 14, 21, 28)]
    october = _page(world, "plans:calendar", visning="month", periode="2026-10")
    assert october.count("Veiledning") == 4


def test_no_date_is_listed_not_placed(plan, world):
    assert "Skolebesøk" not in {i.title for i in plan_items(plan)}
    page = _page(world, "plans:calendar", visning="semester", periode="host-2026")
    listed = page.split('data-testid="unscheduled"')[1].split("</section>")[0]
    assert "Skolebesøk" in listed and "Etter avtale" in listed


def test_the_plan_table_marks_a_when_it_could_not_read(plan, world):
    table = _page(world, "plans:plan")
    row = table.split("Fagdag")[1].split("</tr>")[0]
    assert 'data-testid="when-unread"' in row and "når det passer" in row
    assert table.count('data-testid="when-unread"') == 1


def test_the_feed_has_a_part_per_semester_and_a_rule_for_the_wednesdays(plan, world):
    response = client_for(None).get(
        reverse("plans:partnership_feed", args=[world.partnership_a.calendar_token])
    )
    events = list(Calendar.from_ical(response.content).walk("VEVENT"))
    network = sorted(
        (e for e in events if "Nettverk" in str(e["summary"])),
        key=lambda e: e.decoded("dtstart"),
    )
    assert [(e.decoded("dtstart"), e.decoded("dtend")) for e in network] == [
        (date(2026, 8, 1), date(2027, 1, 1)),
        (date(2027, 1, 1), date(2027, 7, 1)),
    ]
    assert {str(e["status"]) for e in network} == {"TENTATIVE"}
    (wednesday,) = [e for e in events if "Veiledning" in str(e["summary"])]
    assert wednesday.decoded("dtstart") == datetime(2026, 10, 7, 14, tzinfo=OSLO)
    assert wednesday.decoded("dtend") == datetime(2026, 10, 7, 15, tzinfo=OSLO)
    rule = wednesday["rrule"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["WE"]
    assert rule["UNTIL"][0].date() == date(2026, 10, 31)
    assert not [e for e in events if "Skolebesøk" in str(e["summary"])]


def test_a_when_pasted_with_line_breaks_is_kept_and_printed_as_written(world):
    client = client_for(world.coordinator_a.username)
    url = reverse("plans:measure_create", args=[world.partnership_a.slug, world.plan_a.year_slug])
    page = client.get(url).content.decode()
    assert '<textarea class="ds-input" name="when_text"' in page
    from tests.forms import form_data

    data = form_data(page, choose_first=True)
    data.update(title="Nettverksmøter", when_text="2 møter høst\r\n2 møter vår")
    assert client.post(url, data).status_code == 302
    measure = Measure.objects.get(plan=world.plan_a, title="Nettverksmøter")
    assert measure.when_text == "2 møter høst\n2 møter vår"
    assert measure.when.format() == "2 møter høst 2026, 2 møter vår 2027"
    table = client.get(
        reverse("plans:plan", args=[world.partnership_a.slug, world.plan_a.year_slug])
    ).content.decode()
    assert "2 møter høst<br>2 møter vår" in table
