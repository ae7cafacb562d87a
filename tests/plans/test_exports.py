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
    assert rows[0][:7] == (
        "Tiltak",
        "Hva",
        "Hvordan",
        "Målgruppe",
        "Antall (oppgitt)",
        "Antall (registeret)",
        "Når",
    )
    dialog = rows[3]
    assert dialog[0] == 3 and dialog[1] == "Dialogsamling"
    assert dialog[4] == 1295  # "(1295 ansatte)", as the plan states
    assert dialog[5] == 1295  # the registry's count of the units' staff
    assert dialog[7] == "6 dager, august 2025 (planleggingsdagene)"
    assert dialog[8].date().isoformat() == "2025-08-01"


def test_word_is_a4_with_the_seed_columns_and_readable_colours(as_user):
    from lokomp.core.word import contrast_with_black
    from lokomp.plans.models import Measure

    Measure.objects.filter(plan__partnership__slug=ARGS[0], number=1).update(
        how="Første linje\r\nAndre linje\nTredje linje"  # stored before input was cleaned
    )
    document = Document(BytesIO(_get(as_user("koordinator"), "plans:plan_docx").content))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (29.7, 21.0)
    table = document.tables[0]
    widths = [round(cell.width.cm, 1) for cell in table.rows[1].cells]
    assert widths == [2.3, 4.5, 8.0, 4.2, 3.5, 3.6]
    how = table.rows[1].cells[2]._tc.xml
    assert how.count("<w:br/>") == 2, "each line break once, as typed"
    for row in table.rows[1:]:
        cell = row.cells[0]
        fill = cell._tc.xpath("./w:tcPr/w:shd/@w:fill")[0]
        colour = str(cell.paragraphs[0].runs[0].font.color.rgb)
        on_black = contrast_with_black(fill)
        ratio = on_black if colour == "000000" else 21 / on_black
        assert ratio >= 4.5, (fill, colour)


def test_the_needs_report_in_word_is_a4(as_user):
    from lokomp.needs.models import NeedsReport

    report = NeedsReport.objects.get(template__year=2023)
    response = as_user("koordinator").get(reverse("needs:docx", args=[report.pk, "1"]))
    section = Document(BytesIO(response.content)).sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


OST = ["ost-finnmark", "2025-2026"]


def test_a_plan_made_of_activities_prints_them_in_pdf_word_and_excel(as_user):
    from lokomp.plans.models import Activity

    client = as_user("koordinator.ost")
    activities = list(
        Activity.objects.filter(measure__plan__partnership__slug=OST[0]).prefetch_related(
            "municipalities"
        )
    )
    assert activities
    named = next(a for a in activities if a.municipalities.all())
    where = ", ".join(str(m) for m in named.municipalities.all())

    pdf = PdfReader(BytesIO(_get(client, "plans:plan_pdf", OST).content))
    text = " ".join(" ".join(page.extract_text() for page in pdf.pages).split())
    assert "Aktiviteter" in text and "HVEM" in text
    for activity in activities:
        assert " ".join(activity.title.split()) in text, activity.title

    document = Document(BytesIO(_get(client, "plans:plan_docx", OST).content))
    table = document.tables[1]
    assert [c.text for c in table.rows[0].cells] == ["", "NÅR", "HVA", "HVEM", "KOMMUNER"]
    rows = {row.cells[2].text: row for row in table.rows[1:]}
    assert set(rows) == {a.title for a in activities}
    assert rows[named.title].cells[4].text == where
    assert rows[named.title].cells[1].text == named.when_text

    sheet = load_workbook(BytesIO(_get(client, "plans:plan_xlsx", OST).content))["Aktiviteter"]
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[0][:3] == ("Tiltak", "Når", "Tolket som")
    assert len(lines) == len(activities) + 1
    assert any(line[5] == named.title and line[7] == where for line in lines[1:])
