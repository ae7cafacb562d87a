"""Who may see and change the registry. Units are seen by their own people, their owner's
contacts, the county and the coordinators of partnerships their owner belongs to; owners,
units and institutions are kept by Statsforvalteren, owners and units also by the owner's
contact, and a unit's staff count by its leader."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from lokomp.accounts.scoping import require, user_scope
from lokomp.core.models import AuditEntry
from lokomp.partnerships.models import PartnershipOwner

from .models import Institution, Municipality, Owner, Unit


def visible_units(user) -> QuerySet[Unit]:
    scope = user_scope(user)
    qs = Unit.objects.all()
    if scope.superuser:
        return qs
    q = Q(pk__in=scope.units) | Q(owner__in=scope.contact_owners)
    if scope.county_readers:
        q |= Q(municipality__county__in=scope.county_readers)
    if scope.coordinator_partnerships:
        q |= Q(
            owner__in=PartnershipOwner.objects.filter(
                partnership__in=scope.coordinator_partnerships
            ).values("owner_id")
        )
    return qs.filter(q)


def editable_units(user) -> QuerySet[Unit]:
    scope = user_scope(user)
    qs = Unit.objects.all()
    if scope.superuser:
        return qs
    return qs.filter(
        Q(pk__in=scope.leader_units)
        | Q(owner__in=scope.contact_owners)
        | Q(municipality__county__in=scope.admin_counties)
    )


def visible_owners(user) -> QuerySet[Owner]:
    scope = user_scope(user)
    qs = Owner.objects.all()
    if scope.superuser:
        return qs
    q = Q(pk__in=scope.contact_owners) | Q(units__in=scope.units)
    if scope.county_readers:
        q |= Q(municipality__county__in=scope.county_readers)
    if scope.coordinator_partnerships:
        q |= Q(
            pk__in=PartnershipOwner.objects.filter(
                partnership__in=scope.coordinator_partnerships
            ).values("owner_id")
        )
    return qs.filter(pk__in=Owner.objects.filter(q).values("pk"))


def editable_owners(user) -> QuerySet[Owner]:
    scope = user_scope(user)
    qs = Owner.objects.all()
    if scope.superuser:
        return qs
    return qs.filter(
        Q(pk__in=scope.contact_owners) | Q(municipality__county__in=scope.admin_counties)
    )


def editable_institutions(user) -> QuerySet[Institution]:
    scope = user_scope(user)
    qs = Institution.objects.all()
    if scope.superuser:
        return qs
    return qs.filter(county__in=scope.admin_counties)


def editable_municipalities(user) -> QuerySet[Municipality]:
    """Municipalities a user may place an owner or a unit in."""
    scope = user_scope(user)
    qs = Municipality.objects.all()
    if scope.superuser:
        return qs
    return qs.filter(
        Q(county__in=scope.admin_counties)
        | Q(pk__in=editable_owners(user).values("municipality_id"))
        | Q(units__in=editable_units(user))
    ).distinct()


def institution_counties(user):
    """Counties a user may register an institution in; None for all (a superuser)."""
    scope = user_scope(user)
    return None if scope.superuser else scope.admin_counties


def may_keep_registry(user) -> bool:
    """Statsforvalteren (or a superuser): creates owners and institutions, reads the log."""
    return user_scope(user).is_county_admin


def require_registry_keeper(user) -> None:
    require(may_keep_registry(user), "Bare Statsforvalteren kan gjøre dette.")


def may_edit_whole_unit(user, unit: Unit) -> bool:
    """Owner, municipality and name are the owner's and the county's; a unit leader keeps
    only the staff count."""
    return user_scope(user).superuser or editable_owners(user).filter(pk=unit.owner_id).exists()


def county_audit_entries(user) -> QuerySet[AuditEntry]:
    require_registry_keeper(user)
    scope = user_scope(user)
    entries = AuditEntry.objects.select_related("user", "county", "partnership")
    return entries if scope.superuser else entries.filter(county__in=scope.admin_counties)
