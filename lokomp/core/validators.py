"""Validators for Norwegian identifiers that carry MOD11 check digits."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
validate_hex_colour = RegexValidator(
    HEX_COLOUR, _("Skriv fargen som # og seks heksadesimale tegn, for eksempel #1e6b52.")
)

ORG_NUMBER_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)
ACCOUNT_NUMBER_WEIGHTS = (5, 4, 3, 2, 7, 6, 5, 4, 3, 2)


def is_number(text: str) -> bool:
    """Only the digits 0–9: str.isdigit() also accepts "²" and other characters int()
    cannot read."""
    return text.isascii() and text.isdigit()


def parse_id(text: str) -> int | None:
    """A database id from a query parameter: at most 18 digits, else None (never an
    overflow in the database)."""
    text = str(text)
    return int(text) if is_number(text) and len(text) <= 18 else None


def mod11_check_digit(digits: str, weights: tuple[int, ...]) -> int | None:
    """The MOD11 check digit for `digits`, or None where no valid digit exists (rest 1)."""
    total = sum(int(d) * w for d, w in zip(digits, weights, strict=True))
    rest = total % 11
    if rest == 0:
        return 0
    if rest == 1:
        return None
    return 11 - rest


def clean_digits(value: str) -> str:
    return "".join(ch for ch in str(value) if not ch.isspace() and ch != ".")


def is_valid_org_number(value: str) -> bool:
    digits = clean_digits(value)
    if len(digits) != 9 or not is_number(digits):
        return False
    return mod11_check_digit(digits[:8], ORG_NUMBER_WEIGHTS) == int(digits[8])


def is_valid_account_number(value: str) -> bool:
    digits = clean_digits(value)
    if len(digits) != 11 or not is_number(digits):
        return False
    return mod11_check_digit(digits[:10], ACCOUNT_NUMBER_WEIGHTS) == int(digits[10])


def validate_org_number(value: str) -> None:
    digits = clean_digits(value)
    if len(digits) != 9 or not is_number(digits):
        raise ValidationError(_("Organisasjonsnummeret må ha 9 siffer."), code="org_number_length")
    if not is_valid_org_number(digits):
        raise ValidationError(
            _("Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke)."),
            code="org_number_checksum",
        )


def validate_account_number(value: str) -> None:
    digits = clean_digits(value)
    if len(digits) != 11 or not is_number(digits):
        raise ValidationError(
            _("Kontonummeret må ha 11 siffer, for eksempel 1234 56 78903."), code="account_length"
        )
    if not is_valid_account_number(digits):
        raise ValidationError(
            _("Kontonummeret er ikke gyldig (kontrollsifferet stemmer ikke)."),
            code="account_checksum",
        )


def format_org_number(value: str) -> str:
    digits = clean_digits(value)
    return f"{digits[:3]} {digits[3:6]} {digits[6:]}" if len(digits) == 9 else value


def format_account_number(value: str) -> str:
    digits = clean_digits(value)
    return f"{digits[:4]} {digits[4:6]} {digits[6:]}" if len(digits) == 11 else value
