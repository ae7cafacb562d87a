"""An employee's own page: what they are signed up for, what they have attended, and the
activities ahead that concern their unit, with the unit's calendar link.

An employee is known on the staff list by the e-mail address of their account; the list
holds no other tie to a login."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lokomp.accounts.scoping import user_scope
from lokomp.plans.models import Activity
from lokomp.registry.models import Unit

from .attendance import unit_activities
from .models import Attendance, Employee, SignUp


@dataclass
class MyUnit:
    unit: Unit
    employee: Employee | None
    sign_ups: list[SignUp] = field(default_factory=list)
    attended: list[Attendance] = field(default_factory=list)
    ahead: list[Activity] = field(default_factory=list)


def my_units(user, today: date) -> list[MyUnit]:
    scope = user_scope(user)
    if not scope.employee_units:
        return []
    units = list(Unit.objects.filter(pk__in=scope.employee_units).select_related("owner"))
    email = (user.email or "").strip()
    employees = (
        {
            e.unit_id: e
            for e in Employee.objects.filter(
                unit__in=units, email__iexact=email, purged_at__isnull=True
            )
        }
        if email
        else {}
    )
    found = []
    for unit in units:
        employee = employees.get(unit.pk)
        mine = MyUnit(unit=unit, employee=employee)
        if employee is not None:
            mine.sign_ups = list(
                SignUp.objects.filter(employee=employee).select_related("activity", "track")
            )
            mine.attended = list(
                Attendance.objects.filter(employee=employee).select_related("activity", "track")
            )
        mine.ahead = [
            a for a in unit_activities(unit, today) if a.when_end is None or a.when_end >= today
        ]
        found.append(mine)
    return found
