"""Who keeps a unit's staff list: its leader and the contacts of its owner (the employer).
Nobody else sees names: the county, the forum and the partnership see counts only, in the
coverage figures. An outsider gets 404."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from lokomp.accounts.scoping import user_scope
from lokomp.registry.models import Unit


def staff_units(user) -> QuerySet[Unit]:
    scope = user_scope(user)
    if scope.superuser:
        return Unit.objects.all()
    return Unit.objects.filter(Q(pk__in=scope.leader_units) | Q(owner__in=scope.contact_owners))


def get_unit_for_staff(request, pk: int) -> Unit:
    unit = staff_units(request.user).select_related("owner", "municipality").filter(pk=pk).first()
    if unit is None:
        raise Http404("Fant ikke enheten.")
    return unit
