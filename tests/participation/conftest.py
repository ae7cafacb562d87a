import pytest

from lokomp.plans.models import Activity
from lokomp.registry.models import Unit


@pytest.fixture
def unit(db):
    """Kanebogen skole, whose staff list the demo holds."""
    return Unit.objects.get(name="Kanebogen skole")


@pytest.fixture
def day_one(db):
    """The first dialogue day of the 2025–26 plan, with two parallel lectures."""
    return Activity.objects.get(title="Dialogsamling dag 1", measure__plan__school_year=2025)
