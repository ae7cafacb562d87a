"""Budget rules (seed 003 §3): any table is accepted with consistent sums or rejected with
the rule it breaks; input that cannot be read is refused with how to write it."""

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lokomp.needs import budget as b


@pytest.mark.parametrize(
    ("raw", "value"),
    [
        ("918 100", 918100),
        ("1 000 000", 1000000),
        ("1.000.000 kr", 1000000),
        ("0", 0),
        ("", None),
        ("662\u00a0400", 662400),
        ("1000000,-", 1000000),
    ],
)
def test_amounts_are_read_as_whole_kroner(raw, value):
    assert b.parse_amount(raw) == value


@pytest.mark.parametrize(
    ("raw", "message"),
    [("-5", "negativt"), ("12,5", "hele kroner"), ("tolv", "hele kroner"), ("1e6", "hele kroner")],
)
def test_unreadable_amounts(raw, message):
    with pytest.raises(b.InputError, match=message):
        b.parse_amount(raw)


@pytest.mark.parametrize(("raw", "value"), [("20", 20), ("20 %", 20), ("0", 0), ("", None)])
def test_shares(raw, value):
    assert b.parse_share(raw) == value


@pytest.mark.parametrize(
    ("raw", "message"), [("120", "mer enn 100"), ("12.5", "helt tall"), ("-3", "helt tall")]
)
def test_unreadable_shares(raw, message):
    with pytest.raises(b.InputError, match=message):
        b.parse_share(raw)


def _line(**kwargs):
    defaults = dict(
        year=2023,
        recipient="owner",
        amount=918100,
        share_assess=20,
        share_plan=20,
        share_carry_out=30,
        share_coordinate=30,
    )
    return b.Line(**{**defaults, **kwargs})


def test_the_seed_budget_holds():
    lines = [
        _line(),
        _line(
            recipient="uh",
            amount=662400,
            share_assess=5,
            share_plan=15,
            share_carry_out=60,
            share_coordinate=20,
        ),
    ]
    assert b.problems(lines, coordinator_reason="Med 5 kommuner …", co_financing_percent=None) == []
    (total,) = b.totals(lines)
    assert (total.owner, total.uh, total.total) == (918100, 662400, 1580500)  # seed: 1 580 500


def test_shares_must_sum_to_100():
    (problem,) = b.problems(
        [_line(share_carry_out=40)], coordinator_reason="x", co_financing_percent=None
    )
    assert problem.rule == "shares_sum"
    assert problem.message == "Eier 2023: andelene er til sammen 110 %, men skal være 100 %."
    assert problem.field == "b-2023-owner-shares"


def test_coordinator_share_needs_a_reason():
    (problem,) = b.problems([_line()], coordinator_reason="  ", co_financing_percent=None)
    assert problem.rule == "coordinator_reason"
    assert "hvorfor det er nødvendig med koordinator" in problem.message


def test_dekomp_co_financing():
    lines = [_line(amount=1000, own_contribution=299)]
    (problem,) = b.problems(lines, coordinator_reason="x", co_financing_percent=30)
    assert problem.rule == "co_financing"
    assert "minst 30 %" in problem.message and "300 kr" in problem.message
    lines[0].own_contribution = 300
    assert b.problems(lines, coordinator_reason="x", co_financing_percent=30) == []
    assert (
        b.problems([_line(recipient="uh")], coordinator_reason="x", co_financing_percent=30) == []
    )  # UH does not co-finance


def test_empty_lines_need_nothing():
    assert (
        b.problems(
            [b.Line(year=2025, recipient="uh")], coordinator_reason="", co_financing_percent=30
        )
        == []
    )


def test_county_parts_add_up():
    lines = [_line(amount=1_000_001), _line(recipient="uh", amount=500_000)]
    (total,) = b.totals(lines, [("Troms", Decimal("92")), ("Nordland", Decimal("8"))])
    assert total.county_parts == [("Troms", 1_380_001), ("Nordland", 120_000)]
    assert sum(amount for _name, amount in total.county_parts) == total.total


shares = st.none() | st.integers(min_value=-5, max_value=120)
lines_strategy = st.lists(
    st.builds(
        b.Line,
        year=st.integers(2023, 2025),
        recipient=st.sampled_from(["owner", "uh"]),
        amount=st.none() | st.integers(min_value=-10, max_value=10**9),
        estimate=st.booleans(),
        share_assess=shares,
        share_plan=shares,
        share_carry_out=shares,
        share_coordinate=shares,
        own_contribution=st.none() | st.integers(min_value=0, max_value=10**9),
    ),
    max_size=6,
)


@settings(max_examples=500, deadline=None)
@given(
    lines_strategy,
    st.sampled_from(["", "Fordi fem kommuner må samordnes."]),
    st.sampled_from([None, 30]),
)
def test_any_table_is_accepted_consistently_or_rejected_with_a_rule(lines, reason, co_financing):
    found = b.problems(lines, coordinator_reason=reason, co_financing_percent=co_financing)
    rules = {p.rule for p in found}
    assert rules <= {"negative", "share_range", "shares_sum", "coordinator_reason", "co_financing"}
    for problem in found:
        assert problem.message and problem.field.startswith("b-")
    totals = b.totals(lines, [("Troms", Decimal("92")), ("Nordland", Decimal("8"))])
    for total in totals:
        assert total.total == total.owner + total.uh
        assert sum(a for _n, a in total.county_parts) == total.total
    if not found:
        for line in lines:
            if not line.is_empty:
                assert sum(s or 0 for s in line.shares) == 100
                assert (line.share_coordinate or 0) == 0 or reason
            assert line.amount is None or line.amount >= 0


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=20))
def test_any_typed_amount_is_read_or_explained(raw):
    try:
        value = b.parse_amount(raw)
    except b.InputError as error:
        assert str(error)
    else:
        assert value is None or value >= 0
