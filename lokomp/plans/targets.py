"""How many a measure reaches (MÅLGRUPPE): the number the plan states, and the registry's
count of staff where a registry group is chosen, both shown, the difference explained."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from lokomp.core.formatting import thousands

# "(1 228 ansatte)", "1295 ansatte" in the plan's own wording.
_STATED = re.compile(r"(\d{1,3}(?:[ \u00a0.]?\d{3})*|\d+)\s*ansatte", re.IGNORECASE)


def stated_in_text(text: str) -> int | None:
    found = _STATED.search(text or "")
    if found is None:
        return None
    return int(re.sub(r"\D", "", found[1]))


@dataclass(frozen=True)
class TargetCount:
    stated: int | None
    registry: int | None
    counted_on: date | None
    # The stated number stands in the MÅLGRUPPE text already.
    stated_in_text: bool = False

    @property
    def size(self) -> int | None:
        """One number where one is needed (the stated one wins: it is the plan's)."""
        return self.stated if self.stated is not None else self.registry

    @property
    def line(self) -> str:
        """The line under MÅLGRUPPE; empty where the text says it all."""
        per = (
            _(" per %(date)s")
            % {"date": f"{self.counted_on.day}.{self.counted_on.month}.{self.counted_on.year}"}
            if self.counted_on
            else ""
        )
        if self.stated is not None and self.registry is not None:
            if self.stated == self.registry:
                return (
                    ""
                    if self.stated_in_text
                    else _("%(n)s ansatte") % {"n": thousands(self.stated)}
                )
            return _("oppgitt %(stated)s · registeret %(registry)s%(per)s") % {
                "stated": thousands(self.stated),
                "registry": thousands(self.registry),
                "per": per,
            }
        if self.stated is not None:
            return (
                ""
                if self.stated_in_text
                else _("%(n)s ansatte (oppgitt)") % {"n": thousands(self.stated)}
            )
        if self.registry is not None:
            return _("%(n)s ansatte i registeret%(per)s") % {
                "n": thousands(self.registry),
                "per": per,
            }
        return ""
