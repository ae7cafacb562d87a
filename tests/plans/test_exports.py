"""The plan as PDF, DOCX and XLSX: the same cells as the page, in the familiar layout."""

from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from lokomp.demo import seeds

pytestmark = pytest.mark.django_db
ARGS = ["sor-troms-evenes", "2025-2026"]


def _get(client, name, args=ARGS):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return response


def test_pdf(as_user):
    response = _get(as_user("forum"), "plans:plan_pdf")
    assert response["Content-Type"] == "application/pdf"
    assert (
        'filename="tiltaksplan-sor-troms-evenes-2025-2026.pdf"' in response["Content-Disposition"]
    )
    reader = PdfReader(BytesIO(response.content))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for heading in ("HVA", "HVORDAN", "MÅLGRUPPE", "NÅR", "ANSVAR"):
        assert heading in text
    for measure in seeds.SOR_TROMS_2025_MEASURES:
        assert f"Tiltak {measure['number']}" in text
    assert "Dialogsamling" in text and "Høst 25- vår 26" in text
    assert "Fargekoder" in text


def test_docx_table_is_the_seed_table(as_user):
    response = _get(as_user("koordinator"), "plans:plan_docx")
    document = Document(BytesIO(response.content))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == [
        "",
        "HVA",
        "HVORDAN",
        "MÅLGRUPPE",
        "NÅR",
        "ANSVAR",
    ]
    assert len(table.rows) == 1 + len(seeds.SOR_TROMS_2025_MEASURES)
    for row, measure in zip(table.rows[1:], seeds.SOR_TROMS_2025_MEASURES, strict=True):
        cells = [c.text for c in row.cells]
        assert cells[0] == f"Tiltak {measure['number']}"
        assert cells[1] == measure["title"]
        assert cells[2] == measure["how"]
        assert cells[3].startswith(measure["target_text"])
        assert cells[4] == measure["when"]
    assert "SNU: i samarbeid med UiT har det faglige ansvaret" in table.rows[3].cells[5].text


def test_docx_of_the_plan_with_goals(as_user):
    response = _get(as_user("koordinator"), "plans:plan_docx", ["sor-troms-evenes", "2026-2027"])
    text = "\n".join(p.text for p in Document(BytesIO(response.content)).paragraphs)
    assert "Langsiktige mål" in text and "Delmål 2026–2027" in text
    assert seeds.SOR_TROMS_2026_SUB_GOALS[0] in text


def test_xlsx(as_user):
    response = _get(as_user("rektor"), "plans:plan_xlsx")
    sheet = load_workbook(BytesIO(response.content))["Tiltak"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:6] == ("Tiltak", "Hva", "Hvordan", "Målgruppe", "Antall ansatte", "Når")
    dialog = rows[3]
    assert dialog[0] == 3 and dialog[1] == "Dialogsamling"
    assert dialog[4] == 1295
    assert dialog[6] == "6 dager, august 2025 (planleggingsdagene)"
    assert dialog[7].date().isoformat() == "2025-08-01"
