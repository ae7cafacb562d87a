"""Attendance: the activities that concern a unit, and who from the unit took part.

A unit leader (or the owner's contact) ticks names, with the parallel lecture each went
to, or enters numbers for a unit that keeps counts only. A save replaces the unit's
attendance for the activity in one transaction; a page made before someone else saved is
refused, and the writer sees what is stored now."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from lokomp.core.audit import log_action
from lokomp.core.forms import fingerprint
from lokomp.core.validators import parse_id
from lokomp.core.when import school_year_of
from lokomp.plans.calendar import concerns_unit
from lokomp.plans.models import Activity, Track

from .models import Attendance, Employee, at_work


def unit_activities(unit, today: date) -> list[Activity]:
    """The activities of this and last school year's plans of the partnerships the unit's
    owner belongs to, that concern the unit; oldest first. Five queries."""
    year = school_year_of(today)
    activities = (
        Activity.objects.filter(
            measure__plan__partnership__owner_links__owner=unit.owner_id,
            measure__plan__school_year__in=[year - 1, year],
        )
        .select_related("measure", "measure__plan__partnership")
        .prefetch_related("municipalities", "target_municipalities", "target_units", "tracks")
        .distinct()
        .order_by("when_start", "pk")
    )
    return [a for a in activities if concerns_unit(a, a, unit)]


def unit_activity(unit, activity_id: int, today: date) -> Activity | None:
    """One of the unit's activities (None where it does not concern the unit)."""
    return next((a for a in unit_activities(unit, today) if a.pk == activity_id), None)


def attended_counts(unit, activities: list[Activity]) -> dict[int, int]:
    """How many from the unit took part in each activity (names and numbers). One query."""
    rows = (
        Attendance.objects.filter(unit=unit, activity__in=[a.pk for a in activities])
        .values("activity_id")
        .annotate(named=Count("employee"), counted=Sum("count"))
        .order_by()
    )
    return {r["activity_id"]: (r["named"] or 0) + (r["counted"] or 0) for r in rows}


def staff_on(unit, day: date | None) -> list[Employee]:
    """The unit's staff at work on the day (everyone at work now, where the day is not
    known)."""
    employees = Employee.objects.filter(unit=unit, purged_at__isnull=True)
    if day is not None:
        employees = employees.filter(at_work(day))
    return list(employees.order_by("name", "pk"))


@dataclass
class Recorded:
    """The unit's attendance for an activity as stored: employee → track (0 for none),
    and track → number for counts."""

    names: dict[int, int] = field(default_factory=dict)
    counts: dict[int, int] = field(default_factory=dict)

    def digest(self) -> str:
        return fingerprint({"n": sorted(self.names.items()), "c": sorted(self.counts.items())})


def recorded(unit, activity: Activity) -> Recorded:
    found = Recorded()
    for employee_id, track_id, count in Attendance.objects.filter(
        unit=unit, activity=activity
    ).values_list("employee_id", "track_id", "count"):
        if employee_id is not None:
            found.names[employee_id] = track_id or 0
        else:
            found.counts[track_id or 0] = count or 0
    return found


def read_posted(
    post, staff: list[Employee], tracks: list[Track], counts_only: bool
) -> tuple[Recorded, list[str]]:
    """What the form says, and what cannot be read (a number that is not one)."""
    wanted = Recorded()
    problems = []
    track_ids = {t.pk for t in tracks}
    if counts_only:
        for track_id in [0, *track_ids] if tracks else [0]:
            raw = post.get(f"antall-{track_id}", "").strip()
            if not raw:
                continue
            if not raw.isascii() or not raw.isdigit() or len(raw) > 5:
                problems.append(_("Skriv antallet som et helt tall."))
                continue
            if int(raw):
                wanted.counts[track_id] = int(raw)
        return wanted, problems
    for employee in staff:
        if post.get(f"a-{employee.pk}"):
            track = parse_id(post.get(f"spor-{employee.pk}", "")) or 0
            wanted.names[employee.pk] = track if track in track_ids else 0
    return wanted, problems


class StaleAttendance(Exception):
    """Someone saved the unit's attendance for the activity after this page was made."""


@transaction.atomic
def attendance_save(*, unit, activity: Activity, wanted: Recorded, seen: str, user) -> Recorded:
    # Lock the unit's rows (or, where there are none, the activity) while comparing.
    Activity.objects.select_for_update().filter(pk=activity.pk).first()
    now = recorded(unit, activity)
    if seen and seen != now.digest():
        raise StaleAttendance(now)
    Attendance.objects.filter(unit=unit, activity=activity).delete()
    Attendance.objects.bulk_create(
        [
            Attendance(
                activity=activity, unit=unit, employee_id=e, track_id=t or None, recorded_by=user
            )
            for e, t in wanted.names.items()
        ]
        + [
            Attendance(activity=activity, unit=unit, track_id=t or None, count=n, recorded_by=user)
            for t, n in wanted.counts.items()
        ]
    )
    log_action(
        "participation.attendance.recorded",
        user=user,
        obj=activity,
        changes={
            str(unit): [
                len(now.names) + sum(now.counts.values()),
                len(wanted.names) + sum(wanted.counts.values()),
            ]
        },
        county=unit.municipality.county,
    )
    return wanted
