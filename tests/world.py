"""A small world made per test, for unit tests that need a few objects and the personas of
STYLE.md, not the whole demo (which stays for the tests of fidelity to the seeds).

    def test_something(world):
        world.coordinator_a  # a user
        world.partnership_a  # with one owner, one unit, a plan for 2026–27
"""

from __future__ import annotations

from dataclasses import dataclass

from lokomp.accounts.models import Role, RoleAssignment, User
from lokomp.partnerships.models import CountyShare, Partnership, PartnershipOwner
from lokomp.plans.models import ActionPlan
from lokomp.registry.models import County, Municipality, Owner, Unit


@dataclass
class World:
    home: County
    other: County
    partnership_a: Partnership
    partnership_b: Partnership
    owner_a: Owner
    owner_b: Owner
    unit_a: Unit
    plan_a: ActionPlan
    county_admin: User
    forum_member: User
    coordinator_a: User
    coordinator_b: User
    owner_contact_a: User
    unit_leader_a: User
    employee_a: User
    other_county_admin: User
    nobody: User


def _user(username: str, role: str | None = None, **scope) -> User:
    user = User.objects.create_user(username=f"w-{username}", password="x")
    if role:
        RoleAssignment.objects.create(user=user, role=role, **scope)
    return user


def build_world() -> World:
    home = County.objects.create(number="97", name="Heimfylket")
    other = County.objects.create(number="98", name="Nabofylket")
    town = Municipality.objects.create(number="9701", name="Småby", county=home)
    village = Municipality.objects.create(number="9801", name="Grenda", county=other)
    owner_a = Owner.objects.create(name="Småby kommune", kind="municipal", municipality=town)
    owner_b = Owner.objects.create(name="Grenda kommune", kind="municipal", municipality=village)
    unit_a = Unit.objects.create(
        name="Småby skole", kind="skole", owner=owner_a, municipality=town, staff_count=20
    )
    partnership_a = Partnership.objects.create(name="Region Småby", slug="w-smaaby", county=home)
    PartnershipOwner.objects.create(partnership=partnership_a, owner=owner_a, receives_funds=True)
    CountyShare.objects.create(partnership=partnership_a, county=other, percent=10)
    partnership_b = Partnership.objects.create(name="Region Grenda", slug="w-grenda", county=other)
    PartnershipOwner.objects.create(partnership=partnership_b, owner=owner_b, receives_funds=True)
    plan_a = ActionPlan.objects.create(partnership=partnership_a, school_year=2026)
    return World(
        home=home,
        other=other,
        partnership_a=partnership_a,
        partnership_b=partnership_b,
        owner_a=owner_a,
        owner_b=owner_b,
        unit_a=unit_a,
        plan_a=plan_a,
        county_admin=_user("admin", Role.COUNTY_ADMIN, county=home),
        forum_member=_user("forum", Role.FORUM_MEMBER, county=home),
        coordinator_a=_user("coord-a", Role.COORDINATOR, partnership=partnership_a, side="owner"),
        coordinator_b=_user("coord-b", Role.COORDINATOR, partnership=partnership_b, side="uh"),
        owner_contact_a=_user("owner-a", Role.OWNER_CONTACT, owner=owner_a),
        unit_leader_a=_user("leader-a", Role.UNIT_LEADER, unit=unit_a),
        employee_a=_user("employee-a", Role.EMPLOYEE, unit=unit_a),
        other_county_admin=_user("admin-other", Role.COUNTY_ADMIN, county=other),
        nobody=_user("nobody"),
    )
