"""The plan as the familiar table, and the public page: every cell of the seeds."""

from html import unescape

import pytest
from django.urls import reverse

from lokomp.demo import seeds

pytestmark = pytest.mark.django_db


def test_plan_table_holds_every_cell_of_seed_001(as_user):
    html = unescape(
        as_user("koordinator")
        .get(reverse("plans:plan", args=["sor-troms-evenes", "2025-2026"]))
        .content.decode()
    )
    for measure in seeds.SOR_TROMS_2025_MEASURES:
        assert f"Tiltak {measure['number']}</a>" in html
        for key in ("title", "how", "target_text", "when"):
            for line in measure[key].split("\n"):
                assert line in html, (measure["number"], key, line)
    assert "1\u00a0295 ansatte" in html  # computed from the registry, as in the seed
    assert "<strong>SNU</strong>: i samarbeid med UiT har det faglige ansvaret" in html
    assert "<strong>PPT</strong>: deltar i veiledning" in html
    assert "Tolket som 6 dager, august 2025 (planleggingsdagene)" in html


def test_goals_of_the_2026_plan(as_user):
    html = unescape(
        as_user("koordinator")
        .get(reverse("plans:plan", args=["sor-troms-evenes", "2026-2027"]))
        .content.decode()
    )
    assert "Langsiktige mål" in html and "Delmål 2026–2027" in html
    for goal in seeds.SOR_TROMS_2026_LONG_TERM_GOALS + seeds.SOR_TROMS_2026_SUB_GOALS:
        assert goal in html


def test_public_page_shows_only_published_plans(client, sor_troms):
    response = client.get(reverse("plans:public", args=["sor-troms-evenes"]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dialogsamling" in html
    assert "Opplæring av nyansatte" not in html  # the 2026 plan is not published
    assert "/endre/" not in html
    response = client.get(reverse("plans:public", args=["sor-troms-evenes"]), {"aar": "2026-2027"})
    assert "Opplæring av nyansatte" not in response.content.decode()
    sor_troms.plans.update(published=False)
    assert client.get(reverse("plans:public", args=["sor-troms-evenes"])).status_code == 404
    assert client.get(reverse("plans:public", args=["finnes-ikke"])).status_code == 404


def test_public_page_query_count(client, django_assert_num_queries):
    url = reverse("plans:public", args=["ost-finnmark"])
    # partnership, plans, goals, units, measures, responsibilities, target municipalities,
    # target units, calendar activities (and their municipalities), calendar measures,
    # schemes, municipalities, measures and activities without a date, resources for
    # parent meetings
    with django_assert_num_queries(16):
        assert client.get(url).status_code == 200
