"""Checking in without logging in: a short code (and a QR code made from it) is shown in
the room; staff choose their unit, write their name as it stands on the unit's list, and
are recorded as present, once. The code works only while the activity is on, and the page
never lists anyone's name: a name is matched, not offered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Count, Q

from lokomp.core.codes import ALPHABET, CODE_LENGTH, once_with_code
from lokomp.plans.calendar import concerns_unit
from lokomp.plans.models import Activity, Track
from lokomp.plans.queries import units_of
from lokomp.registry.models import Unit

from .attendance import staff_on
from .importing import name_key
from .models import Attendance, AttendanceSource, CheckInCode, Employee, StaffList


def normalised_code(text: str) -> str:
    """A code as typed (lower case, spaces, a dash) as stored."""
    return "".join(c for c in text.upper() if c in ALPHABET)[:CODE_LENGTH]


def code_for(activity: Activity, user) -> CheckInCode:
    """The activity's code, made the first time it is asked for."""
    return once_with_code(CheckInCode, {"activity": activity}, created_by=user)


def is_open(activity: Activity, today: date) -> bool:
    """Check-in is open on the activity's days (from the first to the last)."""
    if activity.when_start is None:
        return False
    return activity.when_start <= today <= (activity.when_end or activity.when_start)


def check_in_units(activity: Activity) -> list[Unit]:
    """The units the activity concerns whose staff check in by name: units of the
    partnership's owners, less those that keep counts only. Three queries."""
    partnership = activity.measure.plan.partnership
    counts_only = StaffList.objects.filter(counts_only=True).values("unit_id")
    units = (
        units_of(partnership)
        .exclude(pk__in=counts_only)
        .select_related("municipality")
        .order_by("municipality__name", "name")
    )
    return [u for u in units if concerns_unit(activity, activity, u)]


class NotOnList(Exception):
    """The name is not on the unit's list (or is there more than once)."""


@dataclass
class CheckedIn:
    employee: Employee
    new: bool


def check_in(*, activity: Activity, unit: Unit, name: str, track: Track | None) -> CheckedIn:
    """Record the person as present. A second check-in changes nothing and says so."""
    wanted = name_key(name)
    found = [e for e in staff_on(unit, activity.when_start) if name_key(e.name) == wanted]
    if len(found) != 1:
        raise NotOnList(len(found))
    employee = found[0]
    try:
        with transaction.atomic():
            Attendance.objects.create(
                activity=activity,
                track=track,
                unit=unit,
                employee=employee,
                source=AttendanceSource.CHECK_IN,
            )
    except IntegrityError:  # already there: checked in before, or ticked by the leader
        return CheckedIn(employee, new=False)
    return CheckedIn(employee, new=True)


def checked_in_count(activity: Activity) -> dict[str, int]:
    """How many are recorded for the activity, and how many of them checked in themselves."""
    return Attendance.objects.filter(activity=activity, employee__isnull=False).aggregate(
        total=Count("pk"), by_check_in=Count("pk", filter=Q(source=AttendanceSource.CHECK_IN))
    )
