"""Each app's access rules, on a small world made per test: who sees, who changes, and
that an outsider is not told a thing exists."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory

from lokomp.needs.access import can_read_reports
from lokomp.partnerships.access import (
    can_edit_partnership,
    get_partnership_for_editor,
    visible_partnerships,
)
from lokomp.plans.access import can_edit_plan, get_partnership_for_plan_editor
from lokomp.registry.access import editable_owners, editable_units, visible_units


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.mark.parametrize(
    ("who", "sees_a", "edits_a", "plans_a", "reads_reports_a"),
    [
        ("county_admin", True, True, False, True),
        ("forum_member", True, False, False, True),
        ("coordinator_a", True, True, True, True),
        ("coordinator_b", False, False, False, False),
        ("owner_contact_a", True, False, False, True),
        ("unit_leader_a", True, False, False, False),
        ("employee_a", True, False, False, False),
        ("other_county_admin", True, False, False, True),  # takes a 10 % share
        ("nobody", False, False, False, False),
    ],
)
def test_partnership_rules(world, who, sees_a, edits_a, plans_a, reads_reports_a):
    user = getattr(world, who)
    partnership = world.partnership_a
    assert visible_partnerships(user).filter(pk=partnership.pk).exists() is sees_a
    assert can_edit_partnership(user, partnership) is edits_a
    assert can_edit_plan(user, partnership) is plans_a
    assert can_read_reports(user, partnership) is reads_reports_a


def test_one_way_to_refuse(world):
    slug = world.partnership_a.slug
    with pytest.raises(PermissionDenied):  # a reader
        get_partnership_for_plan_editor(_request(world.forum_member), slug)
    with pytest.raises(Http404):  # an outsider
        get_partnership_for_editor(_request(world.coordinator_b), slug)
    assert get_partnership_for_editor(_request(world.county_admin), slug) == world.partnership_a


def test_registry_rules(world):
    assert list(editable_units(world.unit_leader_a)) == [world.unit_a]
    assert list(editable_owners(world.owner_contact_a)) == [world.owner_a]
    assert not editable_owners(world.unit_leader_a).exists()
    assert world.unit_a in visible_units(world.coordinator_a)
    assert world.unit_a not in visible_units(world.coordinator_b)
    assert world.unit_a not in visible_units(world.other_county_admin)
