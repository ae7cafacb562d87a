"""Who may see and change what. Every view and every query goes through these helpers,
so the rule for each kind of object lives in one place.

An outsider gets 404 (ids leak nothing); a user who may see but not change gets 403.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from lokomp.partnerships.models import CountyShare, Partnership, PartnershipOwner
from lokomp.registry.models import Institution, Owner, Unit

from .models import Role


@dataclass
class UserScope:
    superuser: bool = False
    admin_counties: set[int] = field(default_factory=set)
    forum_counties: set[int] = field(default_factory=set)
    coordinator_partnerships: set[int] = field(default_factory=set)
    contact_owners: set[int] = field(default_factory=set)
    leader_units: set[int] = field(default_factory=set)
    employee_units: set[int] = field(default_factory=set)

    @property
    def is_county_admin(self) -> bool:
        """Statsforvalteren somewhere (or a superuser): may keep the registry and forms."""
        return self.superuser or bool(self.admin_counties)

    @property
    def county_readers(self) -> set[int]:
        return self.admin_counties | self.forum_counties

    @property
    def units(self) -> set[int]:
        return self.leader_units | self.employee_units

    @property
    def is_anything(self) -> bool:
        return self.superuser or any(
            (
                self.admin_counties,
                self.forum_counties,
                self.coordinator_partnerships,
                self.contact_owners,
                self.units,
            )
        )


def user_scope(user) -> UserScope:
    """The user's roles, read once per request (cached on the user object)."""
    cached = getattr(user, "_lokomp_scope", None)
    if cached is not None:
        return cached
    scope = UserScope()
    if user.is_authenticated:
        scope.superuser = user.is_superuser
        for role, county, partnership, owner, unit in user.roles.values_list(
            "role", "county_id", "partnership_id", "owner_id", "unit_id"
        ):
            if role == Role.COUNTY_ADMIN:
                scope.admin_counties.add(county)
            elif role == Role.FORUM_MEMBER:
                scope.forum_counties.add(county)
            elif role == Role.COORDINATOR:
                scope.coordinator_partnerships.add(partnership)
            elif role == Role.OWNER_CONTACT:
                scope.contact_owners.add(owner)
            elif role == Role.UNIT_LEADER:
                scope.leader_units.add(unit)
            elif role == Role.EMPLOYEE:
                scope.employee_units.add(unit)
    user._lokomp_scope = scope
    return scope


# -- partnerships ---------------------------------------------------------------------------


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


def can_edit_plan(user, partnership: Partnership) -> bool:
    scope = user_scope(user)
    return scope.superuser or partnership.pk in scope.coordinator_partnerships


def can_edit_partnership(user, partnership: Partnership) -> bool:
    scope = user_scope(user)
    return can_edit_plan(user, partnership) or partnership.county_id in scope.admin_counties


def can_see_audit(user, partnership: Partnership) -> bool:
    return can_edit_partnership(user, partnership)


def get_partnership_for_viewer(request, slug: str) -> Partnership:
    try:
        return visible_partnerships(request.user).select_related("county").get(slug=slug)
    except Partnership.DoesNotExist as error:
        raise Http404("Fant ikke partnerskapet.") from error


def get_partnership_for_plan_editor(request, slug: str) -> Partnership:
    partnership = get_partnership_for_viewer(request, slug)
    if not can_edit_plan(request.user, partnership):
        raise PermissionDenied("Bare partnerskapets koordinatorer kan endre planen.")
    return partnership


def get_partnership_for_editor(request, slug: str) -> Partnership:
    partnership = get_partnership_for_viewer(request, slug)
    if not can_edit_partnership(request.user, partnership):
        raise PermissionDenied("Du kan ikke endre dette partnerskapet.")
    return partnership


# -- registry -------------------------------------------------------------------------------


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


def get_object_in(queryset: QuerySet, readable: QuerySet, **lookup):
    """The object from `queryset` (what the user may change); 403 where the user may only
    read it, 404 where it is not theirs at all."""
    obj = queryset.filter(**lookup).first()
    if obj is not None:
        return obj
    if readable.filter(**lookup).exists():
        raise PermissionDenied("Du kan ikke endre dette.")
    raise Http404("Fant ikke siden.")


# -- needs reports ----------------------------------------------------------------------------


def visible_reports(user):
    """Reports a user may read: the partnership's coordinators, and the county (its admin
    and forum members, and the county that takes a share of the partnership)."""
    from lokomp.needs.models import NeedsReport

    scope = user_scope(user)
    qs = NeedsReport.objects.all()
    if scope.superuser:
        return qs
    q = Q(partnership__in=scope.coordinator_partnerships)
    if scope.county_readers:
        q |= Q(partnership__county__in=scope.county_readers) | Q(
            partnership__in=CountyShare.objects.filter(county__in=scope.county_readers).values(
                "partnership_id"
            )
        )
    return qs.filter(q)


def get_report_for_viewer(request, pk: int):
    report = (
        visible_reports(request.user)
        .select_related("partnership", "partnership__county", "template", "scheme", "plan")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404("Fant ikke behovsmeldingen.")
    return report


def get_report_for_editor(request, pk: int):
    report = get_report_for_viewer(request, pk)
    if not can_edit_plan(request.user, report.partnership):
        raise PermissionDenied("Bare partnerskapets koordinatorer kan skrive behovsmeldingen.")
    return report


def get_report_for_county_admin(request, pk: int):
    report = get_report_for_viewer(request, pk)
    scope = user_scope(request.user)
    if not (scope.superuser or report.partnership.county_id in scope.admin_counties):
        raise PermissionDenied("Bare Statsforvalteren i fylket kan gjøre dette.")
    return report


def get_county_for_reader(request, number: str):
    from lokomp.registry.models import County

    scope = user_scope(request.user)
    county = County.objects.filter(number=number).first()
    if county is None or not (scope.superuser or county.pk in scope.county_readers):
        raise Http404("Fant ikke fylket.")
    return county


def get_county_for_admin(request, number: str):
    county = get_county_for_reader(request, number)
    scope = user_scope(request.user)
    if not (scope.superuser or county.pk in scope.admin_counties):
        raise PermissionDenied("Bare Statsforvalteren kan endre skjemaene.")
    return county


def can_read_reports(user, partnership: Partnership) -> bool:
    """Needs reports are read by the partnership's coordinators and by the county: its
    admin and forum members, and those of a county that takes a share of the partnership."""
    scope = user_scope(user)
    if scope.superuser or partnership.pk in scope.coordinator_partnerships:
        return True
    if partnership.county_id in scope.county_readers:
        return True
    return CountyShare.objects.filter(
        partnership=partnership, county__in=scope.county_readers
    ).exists()
