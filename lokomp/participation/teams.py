"""Attendance from a Teams attendance report: the file the organiser downloads after a
digital session (UTF-16 with tabs, a summary first and then one row per participant; older
reports have one row per join and leave). Participants are matched to the staff lists of
the units the activity concerns, by e-mail address and otherwise by name; nothing is
stored until the coordinator has seen the matches and confirmed."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from lokomp.core.audit import log_action
from lokomp.plans.models import Activity

from .attendance import staff_on
from .checkin import check_in_units
from .importing import ImportProblem, name_key
from .models import Attendance, AttendanceSource, Employee

NAME_HEADINGS = {"name", "full name", "navn", "fullt navn", "deltaker", "participant"}
EMAIL_HEADINGS = {
    "email",
    "e-mail",
    "e-post",
    "e-postadresse",
    "participant id (upn)",
    "deltaker-id (upn)",
    "upn",
}


@dataclass
class Participant:
    name: str
    email: str


def participants(rows: list[list[str]]) -> list[Participant]:
    """The participants of the report, each once. The participant table is found by its
    headings; the summary above it and any section after it are skipped."""
    found: dict[str, Participant] = {}
    name_col = email_col = None
    for row in rows:
        cells = [c.strip() for c in row]
        lowered = [c.lower() for c in cells]
        if name_col is None:
            names = [i for i, c in enumerate(lowered) if c in NAME_HEADINGS]
            if names:
                name_col = names[0]
                emails = [i for i, c in enumerate(lowered) if c in EMAIL_HEADINGS]
                email_col = emails[0] if emails else None
            continue
        if len(cells) <= name_col or not cells[name_col]:
            continue
        if len(cells) == 1 or (cells[0][:1].isdigit() and cells[0][1:3].startswith(".")):
            break  # the next section of the report ("3. Aktiviteter i møtet")
        name = cells[name_col]
        email = cells[email_col] if email_col is not None and email_col < len(cells) else ""
        email = email if "@" in email else ""
        key = email.lower() or name_key(name)
        found.setdefault(key, Participant(name, email))
    if name_col is None:
        raise ImportProblem(
            _("Fant ingen deltakerliste i filen. Last opp oppmøterapporten fra Teams (CSV).")
        )
    return list(found.values())


@dataclass
class Matched:
    found: list[Employee] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    already: int = 0


def match(activity: Activity, people: list[Participant]) -> Matched:
    """Each participant matched to one employee at work on the day in a unit the activity
    concerns: by e-mail address, else by a name that is on exactly one list."""
    staff = [e for unit in check_in_units(activity) for e in staff_on(unit, activity.when_start)]
    by_email: dict[str, Employee] = {e.email.lower(): e for e in staff if e.email}
    by_name: dict[str, list[Employee]] = {}
    for e in staff:
        by_name.setdefault(name_key(e.name), []).append(e)
    recorded = set(
        Attendance.objects.filter(activity=activity, employee__isnull=False).values_list(
            "employee_id", flat=True
        )
    )
    result = Matched()
    seen: set[int] = set()
    for person in people:
        employee = by_email.get(person.email.lower()) if person.email else None
        if employee is None:
            named = by_name.get(name_key(person.name), [])
            employee = named[0] if len(named) == 1 else None
        if employee is None:
            result.unknown.append(person.name)
        elif employee.pk in recorded:
            result.already += 1
        elif employee.pk not in seen:
            seen.add(employee.pk)
            result.found.append(employee)
    return result


@transaction.atomic
def record(*, activity: Activity, employee_ids: list[int], user) -> int:
    """Record the matched employees as present (those recorded meanwhile are left as they
    are). Returns how many were added."""
    allowed = {
        e.pk: e
        for unit in check_in_units(activity)
        for e in staff_on(unit, activity.when_start)
        if e.pk in set(employee_ids)
    }
    recorded = set(
        Attendance.objects.filter(activity=activity, employee_id__in=allowed).values_list(
            "employee_id", flat=True
        )
    )
    rows = [
        Attendance(
            activity=activity,
            unit_id=e.unit_id,
            employee=e,
            source=AttendanceSource.TEAMS,
            recorded_by=user,
        )
        for pk, e in allowed.items()
        if pk not in recorded
    ]
    Attendance.objects.bulk_create(rows)
    if rows:
        log_action(
            "participation.attendance.teams",
            user=user,
            obj=activity,
            changes={_("Deltakere fra Teams"): [None, len(rows)]},
            county=activity.measure.plan.partnership.county,
        )
    return len(rows)
