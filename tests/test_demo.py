"""The demo data holds what the seed documents say."""

import pytest
from django.core.management import call_command
from django.db.models import Sum

from lokomp.demo.builder import load_demo
from lokomp.plans.models import Activity, Measure
from lokomp.registry.models import Unit

pytestmark = pytest.mark.django_db

SOR_TROMS = ["Harstad", "Kvæfjord", "Ibestad", "Tjeldsund", "Evenes"]


def _count(**filters):
    return Unit.objects.filter(municipality__name__in=SOR_TROMS, **filters).count()


def test_units_as_in_seed_003():
    assert _count(kind="skole", owner__kind="municipal") == 21  # §2.4
    assert _count(kind="skole", owner__kind="private") == 1  # §2.5
    assert _count(kind="barnehage", owner__kind="municipal") == 29  # §2.9
    assert _count(kind="barnehage", owner__kind="private") == 8  # §2.10
    assert _count(kind="ppt") == 1  # §2.11: PPT Harstad covers all
    per_municipality = {
        m: _count(kind="skole", owner__kind="municipal", municipality__name=m) for m in SOR_TROMS
    }
    assert per_municipality == {
        "Harstad": 11,
        "Kvæfjord": 3,
        "Ibestad": 1,
        "Tjeldsund": 5,
        "Evenes": 1,
    }


def test_staff_in_school_kindergarten_and_ppt_is_the_seed_figure():
    total = Unit.objects.filter(
        municipality__name__in=SOR_TROMS, kind__in=["skole", "barnehage", "ppt"]
    ).aggregate(total=Sum("staff_count"))["total"]
    assert total == 1295  # seed 001, tiltak 3


def test_plans_and_calendar():
    assert (
        Measure.objects.filter(
            plan__partnership__slug="sor-troms-evenes", plan__school_year=2025
        ).count()
        == 9
    )
    assert Measure.objects.filter(plan__school_year=2026).count() == 8
    assert (
        Activity.objects.filter(measure__plan__partnership__slug="ost-finnmark").count() == 16
    )  # every row of seed 004
    assert not Measure.objects.filter(when_precision="").exists()  # every NÅR understood


def test_loading_again_changes_nothing(capsys):
    assert load_demo() is False
    call_command("load_demo")
    assert "finnes allerede" in capsys.readouterr().out
