"""The leaders' dashboard: coverage of the staff at work, per unit, municipality and
partnership or county, with the trend over school years; a chart and the same figures as
a table."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import timezone

from lokomp.core.validators import parse_id
from lokomp.needs.access import get_county_for_reader
from lokomp.plans.queries import units_of
from lokomp.registry.models import Municipality, Unit

from .. import coverage as c
from ..access import get_partnership_for_coverage

PAGE_SIZE = 50


def _page(request, units, context: dict):
    today = timezone.localdate()
    this_year = c.current_school_year(today)
    year = parse_id(request.GET.get("aar", "")) or this_year
    if not this_year - 10 <= year <= this_year:
        year = this_year
    municipalities = list(
        Municipality.objects.filter(pk__in=units.values("municipality_id")).order_by("name")
    )
    chosen = parse_id(request.GET.get("kommune", ""))
    if chosen not in {m.pk for m in municipalities}:
        chosen = None
    listed = units.filter(municipality_id=chosen) if chosen else units
    sort_key = request.GET.get("sorter", "grunnpakke")
    sort_key = sort_key if sort_key in c.SORTS else "grunnpakke"
    figures = c.coverage(listed, school_year=year, today=today, sort=c.SORTS[sort_key])
    page = Paginator(figures.rows, PAGE_SIZE).get_page(request.GET.get("side"))
    measures = [
        ("basic", "grunnpakke"),
        ("dialogue", "dialog"),
        ("supervision", "veiledning"),
    ]
    return render(
        request,
        "participation/coverage.html",
        context
        | {
            "coverage": figures,
            "page": page,
            "years": list(range(this_year, this_year - 4, -1)),
            "year": year,
            "municipalities": municipalities,
            "chosen": chosen,
            "sort": sort_key,
            "measures": measures,
        },
    )


@login_required
def county_coverage(request, number: str):
    county = get_county_for_reader(request, number)
    units = Unit.objects.filter(municipality__county=county)
    return _page(request, units, {"heading": county.name, "county": county})


@login_required
def partnership_coverage(request, slug: str):
    partnership = get_partnership_for_coverage(request, slug)
    units = units_of(partnership)
    return _page(request, units, {"heading": partnership.name, "partnership": partnership})
