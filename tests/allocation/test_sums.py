"""The round's sums, over random budgets and county shares: whole kroner, every total the
sum of its parts, and the split between counties without a krone lost or gained."""

from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lokomp.allocation import selectors as s
from lokomp.needs.models import BudgetLine, NeedsReport, ReportTemplate
from lokomp.needs.selectors import county_reports
from lokomp.partnerships.models import CountyShare, Partnership, Scheme
from lokomp.plans.models import ActionPlan
from lokomp.registry.models import County

pytestmark = pytest.mark.django_db
YEARS = [2026, 2027, 2028]

amounts = st.one_of(st.none(), st.integers(min_value=0, max_value=10**11))
percent = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("49.99"), places=2)
report = st.fixed_dictionaries(
    {
        "lines": st.lists(amounts, min_size=6, max_size=6),
        "shares": st.lists(percent, max_size=2),
        "scheme": st.integers(min_value=0, max_value=3),
        "status": st.sampled_from(["draft", "submitted", "reopened"]),
    }
)


def _build(reports):
    troms, nordland, finnmark = (County.objects.get(number=n) for n in ("55", "18", "56"))
    template = ReportTemplate.objects.get(county=troms, year=2026)
    schemes = list(Scheme.objects.order_by("order"))
    for i, data in enumerate(reports):
        partnership = Partnership.objects.create(name=f"Sum {i}", slug=f"sum-{i}", county=troms)
        for county, share in zip((nordland, finnmark), data["shares"], strict=False):
            CountyShare.objects.create(partnership=partnership, county=county, percent=share)
        plan = ActionPlan.objects.create(partnership=partnership, school_year=2026)
        made = NeedsReport.objects.create(
            partnership=partnership,
            template=template,
            plan=plan,
            scheme=schemes[data["scheme"]],
            status=data["status"],
        )
        for index, amount in enumerate(data["lines"]):
            BudgetLine.objects.create(
                report=made,
                year=YEARS[index // 2],
                recipient=("owner", "uh")[index % 2],
                amount=amount,
            )
    return troms, nordland, finnmark


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(reports=st.lists(report, min_size=1, max_size=6))
def test_sums_are_the_sums_of_their_parts(reports):
    with transaction.atomic():
        counties = _build(reports)
        whole = {y: 0 for y in YEARS}
        for line in BudgetLine.objects.filter(report__partnership__slug__startswith="sum-"):
            whole[line.year] += line.amount or 0
        parts = {y: 0 for y in YEARS}
        for county in counties:
            every = county_reports(county, 2026).filter(partnership__slug__startswith="sum-")
            sums = s.round_sums(county, every, YEARS)
            totals = s.by_year(sums, YEARS)
            # The round's sums are the rows' sums: each report split by the budget's rule.
            rows = s.page_rows(county, list(s.with_page_data(every)), YEARS)
            for index, year in enumerate(YEARS):
                cells = [row.cells[index] for row in rows]
                assert totals[index].part == sum(c.part for c in cells)
                assert totals[index].owner == sum(c.owner for c in cells)
                assert totals[index].total == totals[index].owner + totals[index].uh
                assert all(isinstance(c.part, int) for c in cells)
                parts[year] += totals[index].part
            # A filter on status reads the same sums as asking the database again.
            for status in ("draft", "submitted"):
                chosen = s.by_year(s.chosen_sums(sums, status=status), YEARS)
                again = s.by_year(s.round_sums(county, every.filter(status=status), YEARS), YEARS)
                assert [(c.owner, c.uh, c.part) for c in chosen] == [
                    (c.owner, c.uh, c.part) for c in again
                ]
        # Split between counties, nothing is lost or gained.
        assert parts == whole
        transaction.set_rollback(True)
