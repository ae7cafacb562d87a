"""What participation asks of people: the unit leader sees to it that each new employee
finishes their introduction by its date. Registered with the start page and the reminders."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lokomp.accounts.models import Role
from lokomp.accounts.scoping import holders
from lokomp.core.duties import Duty, DutyKind, register
from lokomp.registry.models import Unit

from .onboarding import reminders_for

ONBOARDING = "participation.onboarding"


def onboarding_due(today: date, users: Collection[int] | None) -> list[Duty]:
    """Each new employee who is overdue with an introduction programme, or due within two
    weeks, for the leaders of the employee's unit, by the programme's date for them."""
    leaders = holders(Role.UNIT_LEADER, "unit", users)
    if not leaders:
        return []
    units = list(Unit.objects.filter(pk__in=leaders).select_related("municipality"))
    duties = []
    for reminder in reminders_for(units, today):
        for programme, row, _status in reminder.rows:
            title = format_lazy(
                _("{name} ({unit}) skal fullføre «{programme}»: {done} av {steps} steg"),
                name=row.employee.name,
                unit=reminder.unit,
                programme=programme.title,
                done=len(row.done),
                steps=len(row.steps),
            )
            duties.extend(
                Duty(
                    kind=ONBOARDING,
                    user_id=user,
                    key=f"participation.onboarding:{programme.pk}:{row.employee.pk}",
                    title=title,
                    url=reverse("participation:unit_onboarding", args=[reminder.unit.pk]),
                    due=row.due,
                )
                for user in leaders[reminder.unit.pk]
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
