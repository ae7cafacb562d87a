"""Planning days (planleggingsdager) per municipality and school year, and the NÅR that
name them: "planleggingsdagene" is placed on the region's planning days once they are
entered, and placed again whenever they change."""

from __future__ import annotations

import re
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from lokomp.core.audit import log_action
from lokomp.core.when import WhenParseError, parse_when, school_year_days
from lokomp.registry.models import PlanningDay

from .models import Activity, Measure

# More than a school year has (five, sometimes a few more) is a typing error.
MAX_DAYS = 20


def parse_dates(text: str, school_year: int) -> list[date]:
    """ "13.08, 14.08.2026\\n2.1" → dates in the school year (a year left out is taken from
    it). Raises ValidationError with a Norwegian message naming the entry that is wrong."""
    first, last = school_year_days(school_year)
    days: set[date] = set()
    for entry in re.split(r"[\s,;]+", text.strip()):
        if not entry:
            continue
        found = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.?(\d{4}|\d{2})?", entry)
        if found is None:
            raise ValidationError(
                _("«%(entry)s» er ikke en dato. Skriv for eksempel 13.08.2026.")
                % {"entry": entry[:20]}
            )
        day, month = int(found[1]), int(found[2])
        year = int(found[3]) if found[3] else (school_year if month >= 8 else school_year + 1)
        year = year + 2000 if year < 100 else year
        try:
            value = date(year, month, day)
        except ValueError:
            raise ValidationError(_("%(entry)s finnes ikke.") % {"entry": entry[:20]}) from None
        if not first <= value <= last:
            raise ValidationError(
                _("%(entry)s er ikke i skoleåret %(first)s–%(second)s.")
                % {"entry": entry[:20], "first": school_year, "second": school_year + 1}
            )
        days.add(value)
    if len(days) > MAX_DAYS:
        raise ValidationError(_("Høyst %(n)s planleggingsdager per skoleår.") % {"n": MAX_DAYS})
    return sorted(days)


def region_days(municipalities, school_year: int) -> list[date]:
    """The planning days of any of the municipalities in the school year. One query."""
    return sorted(
        set(
            PlanningDay.objects.filter(
                municipality__in=municipalities, school_year=school_year
            ).values_list("date", flat=True)
        )
    )


def mentions_planning_days(text: str) -> bool:
    return "planleggingsdag" in text.lower()


@transaction.atomic
def planning_days_save(*, municipality, school_year: int, days: list[date], user, partnership):
    """Replace the municipality's planning days of the school year, and place again every
    NÅR of the partnership's plan for that year that names them."""
    before = list(
        PlanningDay.objects.filter(municipality=municipality, school_year=school_year)
        .order_by("date")
        .values_list("date", flat=True)
    )
    PlanningDay.objects.filter(municipality=municipality, school_year=school_year).delete()
    PlanningDay.objects.bulk_create(
        PlanningDay(municipality=municipality, school_year=school_year, date=day) for day in days
    )
    log_action(
        "registry.planning_days.saved",
        user=user,
        obj=municipality,
        changes={
            _("Planleggingsdager %(year)s") % {"year": f"{school_year}–{school_year + 1}"}: [
                ", ".join(f"{d:%d.%m.%Y}" for d in before),
                ", ".join(f"{d:%d.%m.%Y}" for d in days),
            ]
        },
        partnership=partnership,
    )
    place_again(partnership, school_year)


def place_again(partnership, school_year: int) -> int:
    """Read again each NÅR of the year's plan that names the planning days; how many."""
    from .queries import partnership_municipalities

    days = region_days(partnership_municipalities(partnership), school_year)
    changed = 0
    plan_filter = {"plan__partnership": partnership, "plan__school_year": school_year}
    for model, lookup in ((Measure, plan_filter), (Activity, _prefixed(plan_filter))):
        for obj in model.objects.filter(**lookup, when_text__icontains="planleggingsdag"):
            try:
                when = parse_when(obj.when_text, school_year, planning_days=days)
            except WhenParseError:
                continue
            if when != obj.when:
                obj.set_when(when, obj.when_text)
                obj.save()
                changed += 1
    return changed


def _prefixed(lookup: dict) -> dict:
    return {f"measure__{key}": value for key, value in lookup.items()}
