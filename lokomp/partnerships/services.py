"""Operations on partnerships that carry a rule or touch several models."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from lokomp.accounts.models import Role, RoleAssignment
from lokomp.core.audit import log_action

from .models import Partnership


@transaction.atomic
def coordinator_add(*, partnership: Partnership, user, side: str, by) -> RoleAssignment:
    if RoleAssignment.objects.filter(
        user=user, role=Role.COORDINATOR, partnership=partnership
    ).exists():
        raise ValidationError(f"{user} er allerede koordinator i {partnership}.")
    assignment = RoleAssignment(
        user=user, role=Role.COORDINATOR, partnership=partnership, side=side
    )
    assignment.full_clean()
    assignment.save()
    log_action(
        "partnerships.coordinator.created",
        user=by,
        obj=assignment,
        changes={"Koordinator": [None, f"{user} ({assignment.get_side_display()})"]},
        partnership=partnership,
    )
    return assignment


@transaction.atomic
def coordinator_remove(*, assignment: RoleAssignment, by) -> None:
    partnership = assignment.partnership
    log_action(
        "partnerships.coordinator.deleted",
        user=by,
        obj=assignment,
        changes={"Koordinator": [f"{assignment.user} ({assignment.get_side_display()})", None]},
        partnership=partnership,
    )
    assignment.delete()
