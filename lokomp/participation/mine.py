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

from .attendance import unit_activities, unit_activity
from .models import Attendance, Employee, SignUp


@dataclass
class MyUnit:
    unit: Unit
    employee: Employee | None
    sign_ups: list[SignUp] = field(default_factory=list)
    attended: list[Attendance] = field(default_factory=list)
    ahead: list[Activity] = field(default_factory=list)

    @property
    def ahead_rows(self) -> list[tuple[Activity, SignUp | None]]:
        """The activities ahead, each with the employee's sign-up for it, if any."""
        signed = {s.activity_id: s for s in self.sign_ups}
        return [(a, signed.get(a.pk)) for a in self.ahead]


def _employees(user, units) -> dict[int, Employee]:
    """The user on each unit's staff list, found by the e-mail address of the login;
    someone who has left is no longer there."""
    email = (user.email or "").strip()
    if not email:
        return {}
    return {
        e.unit_id: e
        for e in Employee.objects.filter(
            unit__in=units, email__iexact=email, purged_at__isnull=True
        ).select_related("unit__municipality__county")
    }


def my_units(user, today: date) -> list[MyUnit]:
    scope = user_scope(user)
    if not scope.employee_units:
        return []
    units = list(Unit.objects.filter(pk__in=scope.employee_units).select_related("owner"))
    employees = _employees(user, units)
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


def my_activity(user, activity_id: int, today: date) -> tuple[Employee, Activity] | None:
    """The user as an employee of a unit the activity concerns, and the activity; None
    where the user is on no such unit's list (they may then not sign up for it)."""
    scope = user_scope(user)
    units = list(Unit.objects.filter(pk__in=scope.employee_units).select_related("owner"))
    for unit_id, employee in _employees(user, units).items():
        if employee.end_date is not None and employee.end_date < today:
            continue
        unit = next(u for u in units if u.pk == unit_id)
        found = unit_activity(unit, activity_id, today)
        if found is not None:
            return employee, found
    return None
