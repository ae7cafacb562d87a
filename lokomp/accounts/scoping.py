"""A user's roles, read once per request, and the one way to refuse.

Each app owns its access rules (`<app>/access.py`), built on `user_scope`; no view holds a
rule of its own. An outsider gets 404 (ids leak nothing); a user who may read but not
change gets 403 (`PermissionDenied`).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from .models import Role, RoleAssignment


@dataclass
class UserScope:
    superuser: bool = False
    admin_counties: set[int] = field(default_factory=set)
    forum_counties: set[int] = field(default_factory=set)
    coordinator_partnerships: set[int] = field(default_factory=set)
    contact_owners: set[int] = field(default_factory=set)
    leader_units: set[int] = field(default_factory=set)
    employee_units: set[int] = field(default_factory=set)
    national: bool = False  # the directorate: reads the national view, nothing else

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
        return (
            self.superuser
            or self.national
            or any(
                (
                    self.admin_counties,
                    self.forum_counties,
                    self.coordinator_partnerships,
                    self.contact_owners,
                    self.units,
                )
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
            elif role == Role.DIRECTORATE:
                scope.national = True
    user._lokomp_scope = scope
    return scope


def get_object_in(queryset: QuerySet, readable: QuerySet, **lookup):
    """The object from `queryset` (what the user may change); 403 where the user may only
    read it, 404 where it is not theirs at all."""
    obj = queryset.filter(**lookup).first()
    if obj is not None:
        return obj
    if readable.filter(**lookup).exists():
        raise PermissionDenied("Du kan ikke endre dette.")
    raise Http404("Fant ikke siden.")


def require(allowed: bool, message: str) -> None:
    """Refuse a reader who may see the page but not do this (403)."""
    if not allowed:
        raise PermissionDenied(message)


def holders(role: str, field: str, users: Collection[int] | None = None) -> dict[int, list[int]]:
    """For each object the role is for (a partnership for "partnership", a county for
    "county" …), the ids of the active people holding the role there: everyone, or only the
    people with these ids. One query, however many people."""
    assignments = RoleAssignment.objects.filter(
        role=role, user__is_active=True, **{f"{field}__isnull": False}
    )
    if users is not None:
        assignments = assignments.filter(user_id__in=list(users))
    found: dict[int, list[int]] = {}
    for user, target in assignments.values_list("user_id", f"{field}_id").distinct():
        found.setdefault(target, []).append(user)
    return found
