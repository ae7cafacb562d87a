import pytest
from django.core.exceptions import ValidationError

from lokomp.core.validators import (
    format_account_number,
    format_org_number,
    is_valid_account_number,
    is_valid_org_number,
    validate_org_number,
)


@pytest.mark.parametrize(
    "number",
    ["972417971", "970422528", "972 417 971"],  # Harstad kommune, UiT (seed 003)
)
def test_real_organisation_numbers_pass(number):
    assert is_valid_org_number(number)
    validate_org_number(number)


@pytest.mark.parametrize("number", ["972417972", "970422529", "123456789"])
def test_wrong_check_digit_is_rejected_with_norwegian_message(number):
    with pytest.raises(ValidationError, match="kontrollsifferet"):
        validate_org_number(number)


@pytest.mark.parametrize("number", ["97241797", "9724179711", "97241797a", ""])
def test_wrong_length_is_rejected(number):
    with pytest.raises(ValidationError, match="9 siffer"):
        validate_org_number(number)


def test_account_numbers():
    assert is_valid_account_number("8109 10 69555")  # seed 003 §2.1
    assert not is_valid_account_number("8109 10 69556")
    assert not is_valid_account_number("8109 10 6955")


def test_formatting():
    assert format_org_number("972417971") == "972 417 971"
    assert format_account_number("81091069555") == "8109 10 69555"


@pytest.mark.parametrize("number", ["97241797²", "٩٧٢٤١٧٩٧١"])
def test_digits_int_cannot_read_are_refused_not_crashed(number):
    assert not is_valid_org_number(number)
    with pytest.raises(ValidationError):
        validate_org_number(number)
