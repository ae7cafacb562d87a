"""Path parameters are typed and bounded: what does not match is a 404 page, never a
server error, and the scheme colour that goes into a style attribute is checked."""

import pytest
from django.core.exceptions import ValidationError
from django.template import Context, Template

from lokomp.needs.models import NeedsReport
from lokomp.partnerships.models import Scheme
from tests.conftest import client_for


@pytest.fixture
def report_2023(db):
    return NeedsReport.objects.get(template__year=2023)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/behovsmelding/{pk}/versjon/abc/",
        "/behovsmelding/{pk}/versjon/abc/behovsmelding.pdf",
        "/behovsmelding/{pk}/versjon/99999/",
        "/behovsmelding/{pk}/versjon/1abc/endringer/",
        "/behovsmelding/{pk}/del/9999999999999999999999999/",
        "/behovsmelding/99999999999999999999999999/",
        "/fylke/55x/behovsmeldinger/2026/",
        "/fylke/55/behovsmeldinger/0/",
        "/fylke/55/behovsmeldinger/10000/",
        "/registeret/enheter/123456789012345678901234567890/",
        "/partnerskap/sor-troms-evenes/plan/2025-2027/",
        "/partnerskap/sor-troms-evenes/plan/abcd-efgh/",
        "/partnerskap/sor-troms-evenes/plan/2025-2026/tiltak/99999999999999999999999/",
    ],
)
def test_bad_path_parameters_are_a_norwegian_404(path, report_2023):
    response = client_for("statsforvalter").get(path.format(pk=report_2023.pk))
    assert response.status_code == 404
    assert "Fant ikke siden" in response.content.decode()


@pytest.mark.django_db
def test_draft_and_numbered_versions_still_open(report_2023):
    client = client_for("statsforvalter")
    assert client.get(f"/behovsmelding/{report_2023.pk}/versjon/1/").status_code == 200
    assert client.get(f"/behovsmelding/{report_2023.pk}/versjon/utkast/").status_code == 200


@pytest.mark.django_db
def test_scheme_colour_must_be_a_hex_colour():
    scheme = Scheme.objects.first()
    scheme.colour = 'red" onmouseover="alert(1)'
    with pytest.raises(ValidationError) as error:
        scheme.full_clean()
    assert "seks heksadesimale tegn" in str(error.value)


@pytest.mark.django_db
def test_a_bad_stored_colour_never_reaches_the_page():
    scheme = Scheme.objects.first()
    template = Template("{% load lokomp %}<li {% scheme_style s %}>")
    assert 'style="--scheme-colour: #' in template.render(Context({"s": scheme}))
    scheme.colour = '#fff" onmouseover="x'
    assert template.render(Context({"s": scheme})) == "<li >"
