"""Indicators per unit and term: registered by the unit's leader, summed or averaged per
municipality in the database, shown over time as a chart and a table."""

from decimal import Decimal

import pytest
from django.urls import reverse

from lokomp.evaluation.models import Indicator, IndicatorValue
from lokomp.registry.models import Municipality

from ..forms import form_data

pytestmark = pytest.mark.django_db
SLUG = "sor-troms-evenes"


def _row(page: str, testid: str, name: str) -> list[str]:
    import re

    table = page.split(f'data-testid="{testid}"')[1].split("</table>")[0]
    row = table.split(f">{name}</th>")[1].split("</tr>")[0]
    return re.findall(r'<td class="num">([^<]*)</td>', row)


def test_the_leader_registers_a_term_and_bad_numbers_are_explained(as_user, unit):
    client = as_user("rektor")
    url = reverse("evaluation:unit_indicators", args=[unit.pk])
    page = client.get(url, {"termin": "2026-autumn"}).content.decode()
    unrest = Indicator.objects.get(name="Uro i klasserommet")
    absence = Indicator.objects.get(name="Elevfravær")
    assert f'name="v{unrest.pk}" value="28"' in page
    data = form_data(page) | {f"v{unrest.pk}": "mange", f"v{absence.pk}": "4,75"}
    page = client.post(url + "?termin=2026-autumn", data).content.decode()
    assert "Skriv et tall, for eksempel 12 eller 4,5." in page and 'value="mange"' in page
    assert IndicatorValue.objects.get(indicator=absence, unit=unit, school_year=2026).value == 5
    client.post(url + "?termin=2026-autumn", data | {f"v{unrest.pk}": "1 230"})
    stored = IndicatorValue.objects.get(indicator=unrest, unit=unit, school_year=2026)
    assert stored.value == 1230 and stored.recorded_by.username == "rektor"


def test_a_value_someone_else_changed_meanwhile_is_not_overwritten(as_user, unit):
    url = reverse("evaluation:unit_indicators", args=[unit.pk]) + "?termin=2026-autumn"
    unrest = Indicator.objects.get(name="Uro i klasserommet")
    old_page = form_data(as_user("rektor").get(url).content.decode())
    other = form_data(as_user("eier.harstad").get(url).content.decode())
    as_user("eier.harstad").post(url, other | {f"v{unrest.pk}": "30"})
    page = as_user("rektor").post(url, old_page | {f"v{unrest.pk}": "31"}, follow=True)
    assert "Noen andre har endret Uro i klasserommet mens du skrev." in page.content.decode()
    assert IndicatorValue.objects.get(indicator=unrest, unit=unit, school_year=2026).value == 30


def test_over_time_per_municipality_and_unit(as_user):
    harstad = Municipality.objects.get(name="Harstad")
    url = reverse("evaluation:indicators", args=[SLUG])
    absence = Indicator.objects.get(name="Elevfravær")
    page = (
        as_user("statsforvalter")
        .get(url, {"indikator": absence.pk, "kommune": harstad.pk})
        .content.decode()
    )
    # Terms: høst 2024, vår 2025, høst 2025, vår 2026, høst 2026.
    assert _row(page, "per-municipality", "Kvæfjord") == ["–", "–", "4,2", "4,8", "–"]
    assert _row(page, "per-unit", "Kanebogen skole") == ["–", "–", "6,1", "5,4", "5"]
    assert "Elevfravær per kommune og termin. Tallene står i tabellen." in page
    unrest = Indicator.objects.get(name="Uro i klasserommet")
    page = as_user("koordinator").get(url, {"indikator": unrest.pk}).content.decode()
    assert _row(page, "per-municipality", "Harstad") == ["–", "–", "42", "35", "28"]


def test_a_coordinator_defines_an_indicator(as_user):
    client = as_user("koordinator")
    url = reverse("evaluation:indicator_new", args=[SLUG])
    data = form_data(client.get(url).content.decode(), choose_first=True) | {
        "name": "Meldepliktssaker",
        "definition": "",
    }
    page = client.post(url, data).content.decode()
    assert "Skriv hva som telles, og hvordan." in page
    client.post(url, data | {"definition": "Antall saker meldt til barnevernet per termin."})
    assert Indicator.objects.filter(name="Meldepliktssaker", partnership__slug=SLUG).exists()
    assert as_user("rektor").post(url, data).status_code == 403


def _upload(text: str, encoding="utf-8"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("indikatorer.csv", text.encode(encoding), content_type="text/csv")


def test_values_for_many_units_are_imported_after_a_preview(as_user, unit):
    url = reverse("evaluation:indicators_import", args=[SLUG])
    client = as_user("eier.harstad")  # Harstad's owner keeps figures for its units
    bad = (
        "Enhet;Indikator;Termin;Verdi\n"
        "Kanebogen skole;Uro i klasserommet;høst 2026;30\n"
        "Hemmestad skole;Uro i klasserommet;høst 2026;3\n"  # Kvæfjord's, not Harstad's
        "Kanebogen skole;Elevfravær;sommer 2026;4,5\n"
        "Kanebogen skole;Trivsel;vår 2026;mye\n"
    )
    page = client.post(url, {"file": _upload(bad, "cp1252")}).content.decode()
    problems = page.split('data-testid="import-problems"')[1].split("</div>")[0]
    assert "3 rader kan ikke leses. Ingenting er lagret." in problems
    assert "Rad 3: Ukjent enhet, eller en du ikke fører tall for." in problems
    assert "Rad 4: Skriv terminen som «høst 2025» eller «vår 2026»." in problems
    assert "Rad 5: Ukjent indikator. Skriv et tall" in problems
    good = (
        "Enhet;Indikator;Termin;Verdi\n"
        "Kanebogen skole;Uro i klasserommet;høst 2026;30\n"
        "kanebogen skole;elevfravær;vår 2026;4,5\n"
    )
    page = client.post(url, {"file": _upload(good)}).content.decode()
    assert "Lagre 2 verdier" in page
    assert (
        IndicatorValue.objects.get(
            indicator__name="Uro i klasserommet", unit=unit, school_year=2026
        ).value
        == 28
    )  # nothing stored before the confirmation
    done = client.post(url, form_data(page) | {"bekreft": "1"}, follow=True).content.decode()
    assert "2 verdier er lagret." in done
    values = IndicatorValue.objects.filter(unit=unit)
    assert values.get(indicator__name="Uro i klasserommet", school_year=2026).value == 30
    spring = values.get(indicator__name="Elevfravær", school_year=2025, term="spring")
    assert spring.value == Decimal("4.5") and spring.recorded_by.username == "eier.harstad"


def test_a_forged_preview_and_an_outsider_store_nothing(as_user, unit):
    url = reverse("evaluation:indicators_import", args=[SLUG])
    forged = {"bekreft": "1", "rader": "[[2, 1, 1, 2026, 'autumn', '9']]"}
    page = as_user("rektor").post(url, forged, follow=True).content.decode()
    assert "Forhåndsvisningen er for gammel. Last opp filen på nytt." in page
    assert as_user("koordinator").get(url).status_code == 404  # keeps no unit's figures
    assert as_user("ansatt").get(url).status_code == 404
    assert not IndicatorValue.objects.filter(value=9).exists()
