"""Planning days per municipality and school year, and the measures that name them."""

from datetime import date

import pytest
from django.urls import reverse

from lokomp.core.models import AuditEntry
from lokomp.plans.models import Measure
from lokomp.registry.models import Municipality, PlanningDay

from ..forms import form_data

pytestmark = pytest.mark.django_db

PLAN = ["sor-troms-evenes", "2025-2026"]


def _url():
    return reverse("plans:planning_days", args=PLAN)


def _field(name):
    return f"k{Municipality.objects.get(name=name).pk}-dates"


def _post(client, name, text, page=None):
    data = form_data(page or client.get(_url()).content.decode())
    data = {k: v for k, v in data.items() if k.startswith(_field(name).split("-")[0])}
    data[_field(name)] = text
    return client.post(_url(), data)


def _measure(number):
    return Measure.objects.get(
        plan__partnership__slug="sor-troms-evenes", plan__school_year=2025, number=number
    )


def test_entered_days_place_the_measures_that_name_them(as_user):
    client = as_user("koordinator")
    assert _measure(3).when.format() == "6 dager, august 2025 (planleggingsdagene)"
    response = _post(client, "Harstad", "13.08, 14.08.2025\n14.11.2025, 2.1")
    assert response.status_code == 302
    assert list(
        PlanningDay.objects.filter(municipality__name="Harstad").values_list("date", flat=True)
    ) == [date(2025, 8, 13), date(2025, 8, 14), date(2025, 11, 14), date(2026, 1, 2)]
    # "1X 6 dager … under planleggingsdagene august 2025": on the August days.
    assert _measure(3).when.format() == "6 dager, 13.–14. august 2025 (planleggingsdagene)"
    # "En dag under planleggingsdagene i november 2025 Vår 2026": November and spring.
    assert _measure(4).when.format() == (
        "1 dag 14. november 2025, 2. januar 2026 (planleggingsdagene)"
    )
    assert AuditEntry.objects.filter(action="registry.planning_days.saved").exists()
    page = client.get(reverse("plans:plan", args=PLAN)).content.decode()
    assert "Tolket som 6 dager, 13.–14. august 2025" in page
    # Removed again, the measure goes back to the month.
    assert _post(client, "Harstad", "").status_code == 302
    assert _measure(3).when.format() == "6 dager, august 2025 (planleggingsdagene)"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("31.02.2026", "finnes ikke"),
        ("13.08.2027", "er ikke i skoleåret 2025–2026"),
        ("neste fredag", "er ikke en dato"),
        (", ".join(f"{d}.09" for d in range(1, 25)), "Høyst 20"),
    ],
)
def test_bad_dates_are_explained_and_kept(as_user, text, message):
    client = as_user("koordinator")
    response = _post(client, "Harstad", text)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html and text.split(",")[0] in html
    assert 'aria-invalid="true"' in html
    assert not PlanningDay.objects.exists()


def test_an_owner_enters_its_own_municipality_only(as_user):
    owner = as_user("eier.harstad")
    page = owner.get(_url()).content.decode()
    assert f'name="{_field("Harstad")}"' in page
    assert f'name="{_field("Evenes")}"' not in page
    assert _post(owner, "Harstad", "13.08.2025", page).status_code == 302
    refused = owner.post(_url(), {_field("Evenes"): "13.08.2025"})
    assert refused.status_code == 403
    assert not PlanningDay.objects.filter(municipality__name="Evenes").exists()
    reader = as_user("statsforvalter").get(_url()).content.decode()
    assert "13. august 2025" in reader and "<textarea" not in reader


def test_two_people_entering_days_at_once(as_user):
    first, second = as_user("koordinator"), as_user("eier.harstad")
    first_page = first.get(_url()).content.decode()
    second_page = second.get(_url()).content.decode()
    assert _post(first, "Harstad", "13.08.2025", first_page).status_code == 302
    stale = _post(second, "Harstad", "20.08.2025", second_page)
    html = stale.content.decode()
    assert stale.status_code == 200 and 'data-testid="stale"' in html
    assert "13.08.2025" in html and "20.08.2025" in html
    assert list(PlanningDay.objects.values_list("date", flat=True)) == [date(2025, 8, 13)]
    assert _post(second, "Harstad", "20.08.2025", html).status_code == 302
    assert list(PlanningDay.objects.values_list("date", flat=True)) == [date(2025, 8, 20)]


def test_the_measure_form_places_planning_days_as_it_saves(as_user):
    client = as_user("koordinator")
    _post(client, "Evenes", "14.08.2025, 15.08.2025")
    url = reverse("plans:measure_create", args=PLAN)
    preview = client.get(
        reverse("plans:when_preview"),
        {
            "when_text": "planleggingsdagene august",
            "school_year": "2025",
            "plan": str(_measure(3).plan_id),
        },
    ).content.decode()
    assert "14.–15. august 2025 (planleggingsdagene)" in preview
    data = form_data(client.get(url).content.decode(), choose_first=True)
    data.update(title="Fagdag", when_text="Planleggingsdagene i august")
    assert client.post(url, data).status_code == 302
    saved = Measure.objects.get(plan=_measure(3).plan, title="Fagdag")
    assert (saved.when.start, saved.when.end) == (date(2025, 8, 14), date(2025, 8, 15))
