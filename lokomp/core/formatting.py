"""Numbers as Norwegians write them."""


def thousands(value: int | None) -> str:
    """1580500 → "1 580 500", with non-breaking spaces so a number never wraps."""
    return f"{int(value or 0):,}".replace(",", "\u00a0")
