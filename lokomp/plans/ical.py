"""iCalendar feeds (RFC 5545) of a partnership's and a unit's activities.

Precise times become timed events in Europe/Oslo; days, weeks, months and semesters
become all-day spans (DTEND is the day after, as the standard says), never a made-up time.
Continuous items are left out: they have no place on a calendar.
"""

from __future__ import annotations

import functools
import hashlib
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Count, Max, OuterRef, Subquery
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, Timezone

from lokomp.core.text import clean_text
from lokomp.core.when import Precision, school_year_of

from .calendar import CalendarItem, plan_items, relevant_to_unit
from .models import ActionPlan, Activity, Measure

OSLO = ZoneInfo("Europe/Oslo")


def _new_calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", "-//Lokomp//Lokal kompetanseutvikling//NB")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("name", name)
    cal.add("x-wr-timezone", "Europe/Oslo")
    cal.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT6H")
    return cal


def _event(item: CalendarItem, stamp: datetime) -> Event | None:
    when = item.when
    if when.precision == Precision.CONTINUOUS:
        return None
    first, last = item.first, item.last
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    summary = item.title if item.activity else f"Tiltak {item.measure.number}: {item.title}"
    event.add("summary", clean_text(summary))
    if when.precision == Precision.TIME and when.start_time is not None:
        start = datetime.combine(first, when.start_time, tzinfo=OSLO)
        if when.end_time is not None:
            end = datetime.combine(last, when.end_time, tzinfo=OSLO)
        elif first == last:
            end = start + timedelta(hours=1)
        else:
            end = datetime.combine(last + timedelta(days=1), datetime.min.time(), tzinfo=OSLO)
        event.add("dtstart", start)
        event.add("dtend", end)
    elif when.recurrence:
        _add_rule(event, when, first, last)
    else:
        event.add("dtstart", first)
        event.add("dtend", last + timedelta(days=1))
        if when.precision != Precision.DAY:
            event.add("transp", "TRANSPARENT")
        if when.count is not None and when.precision.rank >= Precision.MONTH.rank:
            # "2 møter høst 2026": planned, the days not yet set.
            event.add("status", "TENTATIVE")
    target = item.activity or item.measure
    read_as = when.format()
    lines = [_("Når: %(when)s") % {"when": target.when_text or read_as}]
    if target.when_text and target.when_text.lower() != read_as.lower():
        lines.append(_("Tolket som: %(when)s") % {"when": read_as})
    lines.append(_("Ordning: %(scheme)s") % {"scheme": item.scheme.name})
    if item.activity is not None:
        lines.append(
            _("Tiltak %(number)s: %(title)s")
            % {"number": item.measure.number, "title": item.measure.title}
        )
    if item.measure.how:
        lines.append(_("Hvordan: %(how)s") % {"how": item.measure.how})
    responsible = "; ".join(str(r) for r in item.measure.responsibilities.all())
    if responsible:
        lines.append(_("Ansvar: %(who)s") % {"who": responsible})
    if target.target_summary:
        lines.append(_("Målgruppe: %(target)s") % {"target": target.target_summary})
    if item.activity is not None and item.activity.link:
        lines.append(_("Lenke: %(link)s") % {"link": item.activity.link})
        event.add("url", item.activity.link)
    event.add("description", clean_text("\n".join(lines)))
    event.add("categories", [item.scheme.label])
    if item.location:
        event.add("location", clean_text(item.location))
    return event


def _add_rule(event: Event, when, first: date, last: date) -> None:
    """A recurrence as RRULE: every (other) Wednesday 14–15 from the first Wednesday, or a
    week or a month at a time (all-day, free) where no day is given; UNTIL the period's end.
    """
    rule: dict = {"freq": "weekly" if when.recurrence == "weekly" else "monthly"}
    start: date | datetime
    end: date | datetime
    if when.interval != 1:
        rule["interval"] = when.interval
    if when.weekday is not None:
        day = first + timedelta(days=(when.weekday - first.weekday()) % 7)
        if when.start_time is not None:
            start = datetime.combine(day, when.start_time, tzinfo=OSLO)
            end = (
                datetime.combine(day, when.end_time, tzinfo=OSLO)
                if when.end_time is not None
                else start + timedelta(hours=1)
            )
            rule["until"] = datetime.combine(last, datetime.max.time(), tzinfo=OSLO).replace(
                microsecond=0
            )
        else:
            start, end = day, day + timedelta(days=1)
            rule["until"] = last
        rule["byday"] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][when.weekday]
    else:
        # "Annenhver uke", "månedlig": the week or month itself, free time, repeated.
        start = first
        end = first + timedelta(days=7) if rule["freq"] == "weekly" else _next_month(first)
        rule["until"] = last
        event.add("transp", "TRANSPARENT")
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("rrule", rule)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


@functools.cache
def _vtimezone(tzid: str) -> Timezone:
    """The VTIMEZONE of a zone, worked out once per process (it costs ~10 ms each time)."""
    return Timezone.from_tzid(tzid)


def _add_timezones(cal: Calendar) -> None:
    """What `Calendar.add_missing_timezones` does, with the zones kept between feeds."""
    position = len(cal.timezones)
    for tzid in sorted(cal.get_missing_tzids()):
        try:
            zone = _vtimezone(tzid)
        except ValueError:  # a zone icalendar does not know is left out, as it would be
            continue
        cal.subcomponents.insert(position, zone)
        position += 1


def _render(cal: Calendar, items: list[CalendarItem]) -> bytes:
    stamp = datetime.now(tz=ZoneInfo("UTC")).replace(microsecond=0)
    for item in items:
        event = _event(item, stamp)
        if event is not None:
            cal.add_component(event)
    _add_timezones(cal)
    return cal.to_ical()


def current_plans(partnerships, *, today: date) -> tuple[list[int], str]:
    """The plans a feed holds (this school year and later, and the last one, still being
    reported) and a version of their content for HTTP caching: the latest change and the
    number of measures and activities of each plan (so a deletion changes it too). One query.
    """
    measures = Measure.objects.filter(plan=OuterRef("pk")).order_by().values("plan")
    activities = (
        Activity.objects.filter(measure__plan=OuterRef("pk")).order_by().values("measure__plan")
    )
    rows = list(
        ActionPlan.objects.filter(
            partnership__in=partnerships,
            school_year__gte=school_year_of(today) - 1,
            published=True,  # a draft plan is not handed to calendar programs
        )
        .annotate(
            measures_changed=Subquery(measures.annotate(x=Max("updated_at")).values("x")),
            measure_count=Subquery(measures.annotate(x=Count("pk")).values("x")),
            activities_changed=Subquery(activities.annotate(x=Max("updated_at")).values("x")),
            activity_count=Subquery(activities.annotate(x=Count("pk")).values("x")),
        )
        .order_by("pk")
        .values_list(
            "pk",
            "updated_at",
            "measures_changed",
            "measure_count",
            "activities_changed",
            "activity_count",
        )
    )
    version = hashlib.sha256(repr(rows).encode()).hexdigest()[:32]
    return [row[0] for row in rows], version


def partnership_calendar(partnership, plans: list[int]) -> bytes:
    items = plan_items(plans, expand=False)
    return _render(_new_calendar(f"{partnership.name} – Lokomp"), items)


def unit_partnerships(unit):
    from lokomp.partnerships.models import Partnership

    return Partnership.objects.filter(owner_links__owner_id=unit.owner_id)


def unit_calendar(unit, plans: list[int]) -> bytes:
    items = plan_items(plans, for_feed=True, expand=False)
    items = [item for item in items if relevant_to_unit(item, unit)]
    return _render(_new_calendar(f"{unit.name} – Lokomp"), items)


def employee_calendar(unit, name: str, plans: list[int], activities: set[int]) -> bytes:
    """An employee's own feed: the unit's activities they are signed up for."""
    items = plan_items(plans, for_feed=True, expand=False)
    items = [
        item
        for item in items
        if item.activity is not None
        and item.activity.pk in activities
        and relevant_to_unit(item, unit)
    ]
    return _render(_new_calendar(f"{name} – Lokomp"), items)
