"""Who may see and change a partnership. A partnership is seen by its county (admin and
forum), a county that takes a share of it, its coordinators, and the people of its member
owners (owner contacts, unit leaders, employees); it is changed by its coordinators and its
county admin."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from lokomp.accounts.scoping import require, user_scope
from lokomp.registry.models import Unit

from .models import CountyShare, Partnership, PartnershipOwner


def visible_partnerships(user) -> QuerySet[Partnership]:
    scope = user_scope(user)
    qs = Partnership.objects.all()
    if scope.superuser:
        return qs
    counties = scope.county_readers
    member_owners = set(scope.contact_owners)
    if scope.units:
        member_owners |= set(
            Unit.objects.filter(pk__in=scope.units).values_list("owner_id", flat=True)
        )
    q = Q(pk__in=scope.coordinator_partnerships)
    if counties:
        q |= Q(county__in=counties) | Q(
            pk__in=CountyShare.objects.filter(county__in=counties).values("partnership_id")
        )
    if member_owners:
        q |= Q(
            pk__in=PartnershipOwner.objects.filter(owner__in=member_owners).values("partnership_id")
        )
    return qs.filter(q)


def is_coordinator(user, partnership: Partnership) -> bool:
    scope = user_scope(user)
    return scope.superuser or partnership.pk in scope.coordinator_partnerships


def is_county_admin_of(user, partnership: Partnership) -> bool:
    """Statsforvalteren of the partnership's home county."""
    scope = user_scope(user)
    return scope.superuser or partnership.county_id in scope.admin_counties


def can_edit_partnership(user, partnership: Partnership) -> bool:
    return is_coordinator(user, partnership) or is_county_admin_of(user, partnership)


def can_see_audit(user, partnership: Partnership) -> bool:
    return can_edit_partnership(user, partnership)


def get_partnership_for_viewer(request, slug: str) -> Partnership:
    try:
        return visible_partnerships(request.user).select_related("county").get(slug=slug)
    except Partnership.DoesNotExist as error:
        raise Http404("Fant ikke partnerskapet.") from error


def get_partnership_for_editor(request, slug: str) -> Partnership:
    partnership = get_partnership_for_viewer(request, slug)
    require(can_edit_partnership(request.user, partnership), "Du kan ikke endre partnerskapet.")
    return partnership
