"""What participation asks of people: the unit leader sees to it that new employees finish
their introduction by its date. Registered with the start page and the reminders."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from datetime import date

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from lokomp.accounts.models import Role
from lokomp.accounts.scoping import holders
from lokomp.core.duties import Duty, DutyKind, register
from lokomp.registry.models import Unit

from .onboarding import reminders_for

ONBOARDING = "participation.onboarding"


def onboarding_due(today: date, users: Collection[int] | None) -> list[Duty]:
    """Per unit: its new employees who are overdue or due within two weeks, for the unit's
    leaders, due on the earliest of their dates."""
    leaders = holders(Role.UNIT_LEADER, "unit", users)
    if not leaders:
        return []
    units = list(
        Unit.objects.filter(pk__in={unit for _user, unit in leaders}).select_related("municipality")
    )
    by_unit = {r.unit.pk: r for r in reminders_for(units, today)}
    people = defaultdict(list)
    for user, unit in leaders:
        people[unit].append(user)
    duties = []
    for unit_id, reminder in by_unit.items():
        count = len({row.employee.pk for _programme, row, _status in reminder.rows})
        title = format_lazy(
            ngettext_lazy(
                "{count} nyansatt i {unit} skal fullføre introduksjonen",
                "{count} nyansatte i {unit} skal fullføre introduksjonen",
                count,
            ),
            count=count,
            unit=reminder.unit,
        )
        due = min(row.due for _programme, row, _status in reminder.rows)
        duties.extend(
            Duty(
                kind=ONBOARDING,
                user_id=user,
                key=f"registry.unit:{unit_id}",
                title=title,
                url=reverse("participation:unit_onboarding", args=[unit_id]),
                due=due,
            )
            for user in people[unit_id]
        )
    return duties


def register_kinds() -> None:
    register(
        DutyKind(
            ONBOARDING,
            _("Nyansatte som skal fullføre introduksjonen"),
            onboarding_due,
            reminders=(14, 3),
            order=50,
        )
    )
