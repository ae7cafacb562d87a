"""MÅLGRUPPE: the number the plan states and the registry's count, both shown with the
difference explained, never one hiding the other, never printed twice; nothing counted
unless a registry group is chosen, and people who are not staff never counted as staff."""

from datetime import date

import pytest
from django.urls import reverse

from lokomp.partnerships.models import Scheme
from lokomp.plans.models import Measure, TargetRole, TargetScope
from lokomp.plans.queries import partnership_units
from lokomp.registry.models import Unit

from ..conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def units(world):
    Unit.objects.filter(pk=world.unit_a.pk).update(
        staff_count=1295, staff_counted_on=date(2026, 10, 1)
    )
    return partnership_units(world.partnership_a)


def _measure(world, number=1, **fields):
    return Measure.objects.create(
        plan=world.plan_a,
        number=number,
        title=f"Tiltak {number}",
        scheme=Scheme.objects.first(),
        **fields,
    )


def test_a_stated_number_and_the_registry_are_both_shown(world, units):
    measure = _measure(
        world, target_text="Alle ansatte i skole (1 228 ansatte)", target_unit_kinds=["skole"]
    )
    count = measure.target_count(units)
    assert (count.stated, count.registry) == (1228, 1295)
    assert count.line == "oppgitt 1\u00a0228 · registeret 1\u00a0295 per 1.10.2026"


def test_the_same_number_is_not_printed_twice(world, units):
    measure = _measure(
        world, target_text="Alle ansatte i skole (1295 ansatte)", target_unit_kinds=["skole"]
    )
    assert measure.target_count(units).line == ""


def test_nothing_is_counted_unless_a_registry_group_is_chosen(world, units):
    plain = _measure(world, 1, target_text="Alle ansatte i regionen")
    assert plain.target_count(units).registry is None
    assert plain.target_count(units).line == ""
    chosen = _measure(world, 2, target_roles=[TargetRole.ALL_STAFF])
    assert chosen.target_count(units).line == "1\u00a0295 ansatte i registeret per 1.10.2026"


@pytest.mark.parametrize("role", [TargetRole.PARENTS, TargetRole.OWNERS, TargetRole.LEADERS])
def test_those_who_are_not_staff_are_not_counted_as_staff(world, units, role):
    measure = _measure(world, target_roles=[role], target_unit_kinds=["skole"])
    assert measure.target_count(units).registry is None


def test_chosen_units_missing_is_warned_about(world, units):
    measure = _measure(world, target_text="Utvalgte enheter", target_scope=TargetScope.UNITS)
    assert measure.target_count(units).registry is None
    client = client_for(world.coordinator_a.username)
    table = client.get(
        reverse("plans:plan", args=[world.partnership_a.slug, world.plan_a.year_slug])
    ).content.decode()
    assert 'data-testid="units-missing"' in table
    measure.target_units.add(world.unit_a)
    table = client.get(
        reverse("plans:plan", args=[world.partnership_a.slug, world.plan_a.year_slug])
    ).content.decode()
    assert 'data-testid="units-missing"' not in table
    assert "1\u00a0295 ansatte i registeret per 1.10.2026" in table
