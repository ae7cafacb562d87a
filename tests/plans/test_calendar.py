"""The calendar by semester, month and week, with filters and scheme colours."""

import re

import pytest
from django.urls import reverse

from lokomp.plans.models import Measure

pytestmark = pytest.mark.django_db

OST = ["ost-finnmark", "2025-2026"]


def _calendar(client, args, **params):
    response = client.get(reverse("plans:calendar", args=args), params)
    assert response.status_code == 200
    return response.content.decode()


def _titles(html):
    return re.findall(
        r'data-testid="cal-item"[^>]*>\s*<span class="ds-sr-only">[^<]*</span>'
        r"([^<]+)<",
        html,
    )


def test_week_view_shows_week_precision_items_with_scheme(as_user):
    html = _calendar(as_user("koordinator.ost"), OST, visning="week", periode="2025-u44")
    assert "Uke 44 2025 (27.10.–2.11.)" in html
    assert _titles(html).count("Læringskaravane – analyse PA") == 2
    assert 'data-scheme="rekomp"' in html and 'data-scheme="dekomp"' in html
    assert "--scheme-colour: #e0a100" in html  # Rekomp, barnehage


def test_month_view_places_days_and_weeks(as_user):
    html = _calendar(as_user("koordinator.ost"), OST, visning="month", periode="2025-10")
    assert "Oktober 2025" in html
    assert 'data-testid="week-44-spans"' in html
    # 15.–16. oktober is placed on both days, 14. oktober once.
    assert _titles(html).count("Samling PPT") == 1
    assert len([t for t in _titles(html) if t.startswith("Lunsj til lunsj")]) == 2


def test_semester_view_lists_by_month_and_spans_apart(as_user):
    html = _calendar(
        as_user("koordinator"),
        ["sor-troms-evenes", "2025-2026"],
        visning="semester",
        periode="host-2025",
    )
    spans = html.split('id="spans-h"')[1].split("</section>")[0]
    assert "Kompetansepakke om inkluderende praksis" in spans  # Høst 25 – vår 26
    august = html.split('id="m-2025-08"')[1].split("</section>")[0]
    assert "Dialogsamling dag 1" in august


def test_filters(as_user):
    client = as_user("koordinator.ost")
    html = _calendar(client, OST, visning="month", periode="2025-10", ordning="ppt")
    assert set(_titles(html)) == {"Samling PPT"}
    tana = _calendar(
        client, OST, visning="week", periode="2025-u36", kommune=str(_municipality_pk("Tana"))
    )
    assert "Oppstart kollektiv kompetanseutvikling i barnehage" in tana
    sor_varanger = _calendar(
        client,
        OST,
        visning="week",
        periode="2025-u36",
        kommune=str(_municipality_pk("Sør-Varanger")),
    )
    assert "Oppstart kollektiv kompetanseutvikling i barnehage" not in sor_varanger
    kindergartens = _calendar(
        client, OST, visning="week", periode="2025-u44", enhetstype="barnehage"
    )
    assert "12 barnehage" not in kindergartens  # descriptions are not shown, titles are
    assert _titles(kindergartens).count("Læringskaravane – analyse PA") == 1
    new = _calendar(client, OST, visning="month", periode="2025-08", malgruppe="new_employees")
    assert len(_titles(new)) == 2


def _municipality_pk(name):
    from lokomp.registry.models import Municipality

    return Municipality.objects.get(name=name).pk


def test_unknown_period_is_404(as_user):
    response = as_user("koordinator").get(
        reverse("plans:calendar", args=["sor-troms-evenes", "2025-2026"]),
        {"visning": "week", "periode": "2025-u99"},
    )
    assert response.status_code == 404


def test_calendar_query_count_does_not_grow(as_user, plan_2025, django_assert_num_queries):
    client = as_user("koordinator")
    url = reverse("plans:calendar", args=["sor-troms-evenes", "2025-2026"])
    params = {"visning": "month", "periode": "2025-08"}
    # session, user, roles, partnership, plan, activities, measures without activities,
    # the municipalities of the activities, schemes (legend and filter), municipalities
    # (filter), measures and activities without a date ("etter avtale")
    with django_assert_num_queries(12):
        client.get(url, params)
    scheme = plan_2025.measures.first().scheme
    for number in range(20, 60):
        Measure.objects.create(
            plan=plan_2025,
            number=number,
            title=f"T{number}",
            scheme=scheme,
            when_text="Uke 34",
            when_start="2025-08-18",
            when_end="2025-08-24",
            when_precision="week",
        )
    with django_assert_num_queries(12):
        html = client.get(url, params).content.decode()
    assert "T59" in html


def test_plan_table_query_count_does_not_grow(as_user, plan_2025, django_assert_num_queries):
    client = as_user("koordinator")
    url = reverse("plans:plan", args=["sor-troms-evenes", "2025-2026"])
    # session, user, roles, partnership, plan, goals, partnership units (target sizes),
    # measures with schemes, responsibilities, target municipalities, target units, schemes
    with django_assert_num_queries(12):
        client.get(url)
    scheme = plan_2025.measures.first().scheme
    for number in range(20, 50):
        Measure.objects.create(plan=plan_2025, number=number, title=f"T{number}", scheme=scheme)
    with django_assert_num_queries(12):
        assert "T49" in client.get(url).content.decode()


def test_odd_filter_values_are_ignored(as_user):
    """A hand-edited address never gives a server error ("²" looks like a digit)."""
    html = _calendar(
        as_user("koordinator.ost"),
        OST,
        visning="month",
        periode="2025-10",
        kommune="²",
        ordning="finnes-ikke",
    )
    assert "Oktober 2025" in html
    units = as_user("koordinator").get(reverse("registry:units"), {"kommune": "²"})
    assert units.status_code == 200
