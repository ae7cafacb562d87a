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


def get_partnership_for_coverage(request, slug: str):
    """A partnership's coverage is read by those who lead: the county, its coordinators,
    the owners' contacts and the units' leaders. An employee (who sees the partnership's
    plans) gets 404 here."""
    from lokomp.partnerships.access import get_partnership_for_viewer

    partnership = get_partnership_for_viewer(request, slug)
    if not leads(request.user):
        raise Http404("Fant ikke siden.")
    return partnership


def leads(user) -> bool:
    """Whether the user has a role that reads coverage (anyone but a plain employee)."""
    scope = user_scope(user)
    return scope.superuser or any(
        (
            scope.county_readers,
            scope.coordinator_partnerships,
            scope.contact_owners,
            scope.leader_units,
        )
    )
