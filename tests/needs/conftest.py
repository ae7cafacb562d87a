import pytest

from lokomp.needs.models import NeedsReport


@pytest.fixture
def report_2026(db):
    return NeedsReport.objects.get(template__year=2026, partnership__slug="sor-troms-evenes")


@pytest.fixture
def report_2023(db):
    return NeedsReport.objects.get(template__year=2023, partnership__slug="sor-troms-evenes")


def question(report, key):
    """A question of the report's form by its number (or its text where it has none)."""
    for section in report.template.sections.all():
        for q in section.questions.all():
            if (q.number or q.text) == key:
                return q
    raise KeyError(key)


def section_index(report, key) -> int:
    for index, section in enumerate(report.template.sections.all()):
        if any((q.number or q.text) == key for q in section.questions.all()):
            return index
    raise KeyError(key)
