"""The budget of a needs report (seed 003 §3) and its rules.

Per year (up to three), per recipient (owner side, UH side): the amount asked, whether it
is an estimate, and the shares spent on assessing needs, planning, carrying out and
coordination. The rules, each with its Norwegian message:

- amounts are whole kroner and not negative (checked when the input is read);
- each recipient's shares for a year sum to 100 %;
- a coordination share needs the written reason;
- where the scheme requires co-financing (Dekomp: 30 %), the owners' own contribution is
  at least that share of what they ask for.

The total asked is the owner's amount plus UH's: Lokomp sums it, so it cannot disagree.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokomp.core.formatting import thousands
from lokomp.core.validators import is_number

from .models import Recipient

SHARE_FIELDS = ("share_assess", "share_plan", "share_carry_out", "share_coordinate")
SHARE_LABELS = {
    "share_assess": gettext_lazy("Kartlegge/vurdere kompetansebehov"),
    "share_plan": gettext_lazy("Planlegge og utvikle kompetansetiltak"),
    "share_carry_out": gettext_lazy("Gjennomføre kompetansetiltak"),
    "share_coordinate": gettext_lazy("Koordinatorfunksjon"),
}
RECIPIENT_LABELS = dict(Recipient.choices)


class InputError(ValueError):
    """A value that cannot be read; the message says how to write it."""


def parse_amount(raw: str) -> int | None:
    """ "918 100", "1 000 000", "1.000.000 kr" → int; "" → None."""
    text = raw.strip().lower().removesuffix("kr").removesuffix(",-").strip()
    if not text:
        return None
    if text.startswith("-"):
        raise InputError(_("Beløpet kan ikke være negativt."))
    compact = re.sub(r"[\s\u00a0.]", "", text)
    if not is_number(compact):
        raise InputError(_("Skriv beløpet i hele kroner, for eksempel 918 100."))
    if len(compact) > 12:
        raise InputError(_("Beløpet er for stort."))
    return int(compact)


def parse_share(raw: str) -> int | None:
    """ "20", "20 %", "20%" → 20; "" → None."""
    text = raw.strip().removesuffix("%").strip()
    if not text:
        return None
    if not is_number(text) or len(text) > 3:
        raise InputError(_("Skriv andelen som et helt tall fra 0 til 100."))
    value = int(text)
    if value > 100:
        raise InputError(_("Andelen kan ikke være mer enn 100 %."))
    return value


@dataclass
class Line:
    year: int
    recipient: str  # "owner" or "uh"
    amount: int | None = None
    estimate: bool = False
    share_assess: int | None = None
    share_plan: int | None = None
    share_carry_out: int | None = None
    share_coordinate: int | None = None
    own_contribution: int | None = None

    @property
    def shares(self) -> list[int | None]:
        return [getattr(self, name) for name in SHARE_FIELDS]

    @property
    def is_empty(self) -> bool:
        return self.amount in (None, 0) and all(s in (None, 0) for s in self.shares)

    def key(self) -> str:
        return f"b-{self.year}-{self.recipient}"


@dataclass(frozen=True)
class Problem:
    field: str
    rule: str
    message: str


@dataclass
class Totals:
    year: int
    owner: int = 0
    uh: int = 0
    estimate: bool = False
    county_parts: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.owner + self.uh


def problems(
    lines: list[Line], *, coordinator_reason: str, co_financing_percent: int | None
) -> list[Problem]:
    """Every rule the table breaks, each tied to the field to show it at."""
    found: list[Problem] = []
    for line in lines:
        year, who = line.year, RECIPIENT_LABELS[line.recipient]
        if line.amount is not None and line.amount < 0:
            found.append(
                Problem(
                    f"{line.key()}-amount",
                    "negative",
                    _("%(who)s %(year)s: beløpet kan ikke være negativt.")
                    % {"who": who, "year": year},
                )
            )
        for name in SHARE_FIELDS:
            value = getattr(line, name)
            if value is not None and not 0 <= value <= 100:
                found.append(
                    Problem(
                        f"{line.key()}-{name}",
                        "share_range",
                        _("%(who)s %(year)s: en andel må være mellom 0 og 100 %%.")
                        % {"who": who, "year": year},
                    )
                )
        if line.is_empty:
            continue
        total = sum(s or 0 for s in line.shares)
        if total != 100:
            found.append(
                Problem(
                    f"{line.key()}-shares",
                    "shares_sum",
                    _(
                        "%(who)s %(year)s: andelene er til sammen %(total)s %%, men skal være "
                        "100 %%."
                    )
                    % {"who": who, "year": year, "total": total},
                )
            )
        if (line.share_coordinate or 0) > 0 and not coordinator_reason.strip():
            found.append(
                Problem(
                    f"{line.key()}-share_coordinate",
                    "coordinator_reason",
                    _(
                        "%(who)s %(year)s: det søkes om midler til koordinator. Skriv hvorfor "
                        "det er nødvendig med koordinator."
                    )
                    % {"who": who, "year": year},
                )
            )
        if co_financing_percent and line.recipient == "owner" and line.amount:
            needed = math.ceil(line.amount * co_financing_percent / 100)
            if (line.own_contribution or 0) < needed:
                found.append(
                    Problem(
                        f"{line.key()}-own_contribution",
                        "co_financing",
                        _(
                            "Eier %(year)s: ordningen krever egenandel på minst %(percent)s %% "
                            "av tilskuddet, det vil si %(needed)s kr."
                        )
                        % {
                            "year": year,
                            "percent": co_financing_percent,
                            "needed": thousands(needed),
                        },
                    )
                )
    return found


def totals(
    lines: list[Line], county_parts: list[tuple[str, Decimal]] | None = None
) -> list[Totals]:
    """Per year: owner, UH and total asked, and each county's part where the partnership
    spans counties (the home county takes what the others do not)."""
    by_year: dict[int, Totals] = {}
    for line in lines:
        t = by_year.setdefault(line.year, Totals(year=line.year))
        amount = line.amount or 0
        if line.recipient == "owner":
            t.owner += amount
        else:
            t.uh += amount
        t.estimate = t.estimate or (line.estimate and bool(amount))
    for t in by_year.values():
        if county_parts:
            parts = []
            for name, percent in county_parts:
                share = (Decimal(t.total) * percent / 100).quantize(
                    Decimal(1), rounding=ROUND_HALF_UP
                )
                parts.append((name, int(share)))
            # Rounding: the home county (first) takes the remainder, so parts add up.
            parts[0] = (parts[0][0], t.total - sum(p for _n, p in parts[1:]))
            t.county_parts = parts
    return [by_year[year] for year in sorted(by_year)]
