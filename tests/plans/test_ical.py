"""iCalendar feeds: parse with the icalendar library and check what calendar programs see."""

from datetime import date, datetime, timedelta

import pytest
from django.urls import reverse
from icalendar import Calendar

from lokomp.core.when import school_year_of
from lokomp.registry.models import Unit

pytestmark = pytest.mark.django_db


def _feed(client, name, token):
    response = client.get(reverse(name, args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _events(cal):
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_partnership_feed(client, ost_finnmark):
    cal = _feed(client, "plans:partnership_feed", ost_finnmark.calendar_token)
    assert str(cal["x-wr-calname"]) == "Øst-Finnmark – Lokomp"
    assert str(cal["version"]) == "2.0"
    events = list(cal.walk("VEVENT"))
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids)) == 16
    by_summary = _events(cal)

    timed = by_summary["Samling PPT"]  # "14.oktober": a day, all-day
    assert timed.decoded("dtstart") == date(2025, 10, 14)
    assert timed.decoded("dtend") == date(2025, 10, 15)

    network = by_summary[
        "Lunsj til lunsj-nettverkssamling høst i Kirkenes, lokal "
        "kompetanseutvikling – oppstart av året"
    ]
    assert network.decoded("dtstart") == date(2025, 10, 15)  # two days, all-day span
    assert network.decoded("dtend") == date(2025, 10, 17)
    assert str(network["location"]) == "Kirkenes"

    week = [e for e in events if str(e["summary"]) == "Kommunebesøk"][0]  # "Uke 16"
    assert week.decoded("dtstart") == date(2026, 4, 13)
    assert week.decoded("dtend") == date(2026, 4, 20)
    assert str(week["transp"]) == "TRANSPARENT"
    assert not isinstance(week.decoded("dtstart"), datetime)

    months = by_summary["Digital samling for PPT"]  # "Nov/des."
    assert months.decoded("dtstart") == date(2025, 11, 1)
    assert months.decoded("dtend") == date(2026, 1, 1)

    new_staff = [e for e in events if "nyansatte" in str(e["summary"])]
    start = new_staff[0].decoded("dtstart")
    assert isinstance(start, datetime)
    assert (start.hour, start.minute, str(start.tzinfo)) == (12, 0, "Europe/Oslo")
    assert new_staff[0].decoded("dtend") - start == timedelta(hours=2)
    assert cal.walk("VTIMEZONE")  # the zone is described for the timed events


def test_uids_are_stable_between_fetches(client, ost_finnmark):
    first = _feed(client, "plans:partnership_feed", ost_finnmark.calendar_token)
    second = _feed(client, "plans:partnership_feed", ost_finnmark.calendar_token)
    assert [str(e["uid"]) for e in first.walk("VEVENT")] == [
        str(e["uid"]) for e in second.walk("VEVENT")
    ]


def test_semester_and_continuous(client, sor_troms):
    events = _events(_feed(client, "plans:partnership_feed", sor_troms.calendar_token))
    semester = events["Tiltak 1: Kompetansepakke om inkluderende praksis"]
    assert semester.decoded("dtstart") == date(2025, 8, 1)
    assert semester.decoded("dtend") == date(2026, 7, 1)
    # "Fortløpende" has no place on a calendar.
    assert "Tiltak 1: Opplæring av nyansatte" not in events
    # Tiltak 7 is in the 2026–27 plan, a draft: it comes in when the plan is published.
    assert "Tiltak 7: Nettverk koordinatorer skole og PPT" not in events
    sor_troms.plans.filter(school_year=2026).update(published=True)
    events = _events(_feed(client, "plans:partnership_feed", sor_troms.calendar_token))
    assert "Tiltak 7: Nettverk koordinatorer skole og PPT" in events


def test_unit_feed_holds_what_concerns_the_unit(client, ost_finnmark):
    tana_kindergarten = Unit.objects.get(name="Tana sentrum barnehage")
    events = _events(_feed(client, "plans:unit_feed", tana_kindergarten.calendar_token))
    assert (
        str(_feed(client, "plans:unit_feed", tana_kindergarten.calendar_token)["x-wr-calname"])
        == "Tana sentrum barnehage – Lokomp"
    )
    assert "Oppstart kollektiv kompetanseutvikling i barnehage" in events
    assert "Oppstart kollektiv kompetanseutvikling i skole" not in events  # a school's
    assert "Samling PPT" not in events  # for PPT
    sor_varanger = Unit.objects.get(name="Sør-Varanger sentrum barnehage")
    events = _events(_feed(client, "plans:unit_feed", sor_varanger.calendar_token))
    assert "Oppstart kollektiv kompetanseutvikling i barnehage" not in events  # not named
    assert "Kommunebesøk" in events


def test_unchanged_feed_is_not_sent_again(client, sor_troms, django_assert_num_queries):
    url = reverse("plans:partnership_feed", args=[sor_troms.calendar_token])
    first = client.get(url)
    etag = first["ETag"]
    # partnership, current plans with their version: no items read, nothing rendered
    with django_assert_num_queries(2):
        again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    measure = sor_troms.plans.get(school_year=2025).measures.get(number=3)  # three days
    measure.activities.first().delete()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag
    activity = measure.activities.first()
    activity.title = "Dialogsamling, siste dag"
    activity.save()
    renamed = client.get(url, headers={"If-None-Match": changed["ETag"]})
    assert renamed.status_code == 200
    assert "Dialogsamling, siste dag" in _events(Calendar.from_ical(renamed.content))


def test_feed_query_count_does_not_grow(client, sor_troms, django_assert_num_queries):
    url = reverse("plans:partnership_feed", args=[sor_troms.calendar_token])
    # partnership, current plans (with their version), activities, measures without
    # activities, and the responsibilities of each
    with django_assert_num_queries(6):
        client.get(url)
    plan = sor_troms.plans.get(school_year=2025)
    measure = plan.measures.get(number=7)
    for n in range(30):
        measure.activities.create(
            title=f"Møte {n}",
            kind="meeting",
            when_text="Uke 40",
            when_start="2025-09-29",
            when_end="2025-10-05",
            when_precision="week",
        )
    with django_assert_num_queries(6):
        assert b"M\xc3\xb8te 29" in client.get(url).content


def test_wrong_token_is_404(client):
    import uuid

    url = reverse("plans:partnership_feed", args=[uuid.uuid4()])
    assert client.get(url).status_code == 404
    assert client.get(reverse("plans:unit_feed", args=[uuid.uuid4()])).status_code == 404


def test_school_year_of():
    assert school_year_of(date(2026, 7, 31)) == 2025
    assert school_year_of(date(2026, 8, 1)) == 2026


def test_a_calendar_link_is_renewed_and_the_old_one_stops(as_user, sor_troms):
    old = reverse("plans:partnership_feed", args=[sor_troms.calendar_token])
    response = as_user("koordinator").post(
        reverse("partnerships:calendar_renew", args=[sor_troms.slug])
    )
    assert response.status_code == 302
    sor_troms.refresh_from_db()
    assert as_user(None).get(old).status_code == 404
    new = reverse("plans:partnership_feed", args=[sor_troms.calendar_token])
    assert as_user(None).get(new).status_code == 200
    unit = Unit.objects.get(name="Kanebogen skole")
    old_unit = reverse("plans:unit_feed", args=[unit.calendar_token])
    as_user("rektor").post(reverse("registry:unit_calendar_renew", args=[unit.pk]))
    assert as_user(None).get(old_unit).status_code == 404


def test_feeds_carry_only_published_plans(client, sor_troms):
    plan = sor_troms.plans.get(school_year=2025)
    url = reverse("plans:partnership_feed", args=[sor_troms.calendar_token])
    assert list(_feed(client, "plans:partnership_feed", sor_troms.calendar_token).walk("VEVENT"))
    plan.published = False
    plan.save()
    cal = Calendar.from_ical(client.get(url).content)
    assert list(cal.walk("VEVENT")) == []


def test_the_description_carries_the_plan_as_written(client, sor_troms):
    from lokomp.plans.models import Measure

    cal = _feed(client, "plans:partnership_feed", sor_troms.calendar_token)
    measures = [e for e in cal.walk("VEVENT") if str(e["summary"]).startswith("Tiltak ")]
    assert measures
    checked = 0
    for event in measures:
        number = int(str(event["summary"]).split(":")[0].removeprefix("Tiltak "))
        measure = Measure.objects.get(
            plan__partnership=sor_troms, plan__school_year=2025, number=number
        )
        description = str(event["description"])
        assert f"Når: {measure.when_text}" in description
        if measure.how:
            assert f"Hvordan: {measure.how.splitlines()[0]}" in description
        for responsibility in measure.responsibilities.all():
            assert str(responsibility) in description
            checked += 1
    assert checked, "at least one measure in the feed has responsibilities"


def test_the_kept_time_zone_is_the_one_icalendar_writes():
    """The feed adds Europe/Oslo's VTIMEZONE from a copy kept between feeds; it must be the
    same as the library's own, so calendar programs see no difference."""
    from zoneinfo import ZoneInfo

    from icalendar import Event

    from lokomp.plans import ical

    calendars = [ical._new_calendar("Lokomp"), ical._new_calendar("Lokomp")]
    for cal in calendars:
        event = Event()
        event.add("uid", "1@lokomp")
        event.add("dtstamp", datetime(2026, 1, 1, tzinfo=ZoneInfo("UTC")))
        event.add("dtstart", datetime(2026, 10, 7, 14, tzinfo=ZoneInfo("Europe/Oslo")))
        cal.add_component(event)
    calendars[0].add_missing_timezones()
    ical._add_timezones(calendars[1])
    ical._add_timezones(calendars[1])  # twice: nothing more is added
    assert calendars[0].to_ical() == calendars[1].to_ical()
