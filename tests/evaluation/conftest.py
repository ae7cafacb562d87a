import pytest

from lokomp.registry.models import Unit


@pytest.fixture
def unit(db):
    """Kanebogen skole, whose leader is the demo's rektor."""
    return Unit.objects.get(name="Kanebogen skole")
