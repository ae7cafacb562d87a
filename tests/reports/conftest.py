import pytest

from lokomp.reports.models import ProgressReport


@pytest.fixture
def report(db):
    """The demo's draft report to Statsforvalteren for 2025 (Sør-Troms og Evenes)."""
    return ProgressReport.objects.get(partnership__slug="sor-troms-evenes")
