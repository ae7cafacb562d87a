"""A needs report version as DOCX and PDF, laid out like the official form: numbered
questions with their answers, the budget as a table with sums, goals and measures as in the
seed. Both are made from the snapshot, so a frozen version prints the same forever."""

from __future__ import annotations

from io import BytesIO

from django.template.loader import render_to_string
from django.utils import timezone
from docx import Document
from docx.shared import Pt

from lokomp.core.formatting import thousands
from lokomp.plans.documents import html_to_pdf

from . import budget as b


def budget_rows(table: dict) -> list[dict]:
    """The seed's table: one row per item, one column per year."""
    lines = table["lines"]
    years = table["years"]

    def cell(year, recipient, name):
        line = next(x for x in lines if x["year"] == year and x["recipient"] == recipient)
        return line[name], line["estimate"]

    rows = []
    for recipient, label in (
        ("owner", "Totalt tilskudd som eier(ne) ber om"),
        ("uh", "Totalt tilskudd som universitet og/eller høgskole ber om"),
    ):
        values = []
        for year in years:
            amount, estimate = cell(year, recipient, "amount")
            text = thousands(amount) if amount is not None else ""
            values.append(f"{text} (anslag)" if estimate and text else text)
        rows.append({"label": label, "values": values})
    rows.append(
        {
            "label": "Total sum det søkes om fra eier og UH-miljø",
            "strong": True,
            "values": [thousands(t["total"]) for t in table["totals"]],
        }
    )
    for name in b.SHARE_FIELDS:
        values = []
        for year in years:
            parts = []
            for recipient, who in (("owner", "Eier"), ("uh", "UH")):
                share, _e = cell(year, recipient, name)
                if share is not None:
                    parts.append(f"{who}: {share} %")
            values.append(", ".join(parts))
        rows.append({"label": b.SHARE_LABELS[name], "values": values})
    if any(x.get("own_contribution") for x in lines):
        rows.append(
            {
                "label": "Egenandel (eier)",
                "values": [thousands(cell(year, "owner", "own_contribution")[0]) for year in years],
            }
        )
    if any(t["county_parts"] for t in table["totals"]):
        for index, (name, _amount) in enumerate(table["totals"][0]["county_parts"]):
            rows.append(
                {
                    "label": f"Herav til Statsforvalteren i {name}",
                    "values": [thousands(t["county_parts"][index][1]) for t in table["totals"]],
                }
            )
    return rows


def printable(snap: dict) -> dict:
    """The snapshot with the budget table's rows worked out, for templates."""
    sections = []
    for section in snap["sections"]:
        questions = []
        for question in section["questions"]:
            if question["kind"] == "budget":
                question = {**question, "rows": budget_rows(question["value"])}
            questions.append(question)
        sections.append({**section, "questions": questions})
    return {**snap, "sections": sections}


def _docx(snap: dict, version) -> bytes:
    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(snap["title"], level=1)
    document.add_paragraph(f"{snap['partnership']} – {snap['scheme']} – {snap['year_label']}")
    if version is not None:
        sent = timezone.localtime(version.submitted_at)
        document.add_paragraph(f"Versjon {version.number}, sendt inn {sent:%d.%m.%Y %H:%M}")
    else:
        document.add_paragraph("Utkast (ikke sendt inn)")
    if snap["introduction"]:
        document.add_paragraph(snap["introduction"])
    for section in snap["sections"]:
        heading = (
            f"{section['number']}. {section['title']}" if section["number"] else section["title"]
        )
        document.add_heading(heading, level=2)
        if section["help"]:
            document.add_paragraph(section["help"])
        for question in section["questions"]:
            paragraph = document.add_paragraph()
            run = paragraph.add_run(f"{question['number']} {question['text']}".strip())
            run.bold = True
            if question["kind"] == "budget":
                table_data = question["value"]
                rows = budget_rows(table_data)
                table = document.add_table(rows=1, cols=1 + len(table_data["years"]))
                table.style = "Table Grid"
                header = table.rows[0].cells
                header[0].text = "Innhold"
                for cell, year in zip(header[1:], table_data["years"], strict=True):
                    cell.text = f"Sum {year}"
                for row in rows:
                    cells = table.add_row().cells
                    cells[0].text = row["label"]
                    for cell, value in zip(cells[1:], row["values"], strict=True):
                        cell.text = value
            elif question["kind"] == "measures":
                value = question["value"]
                if value["intro"]:
                    document.add_paragraph(value["intro"])
                table = document.add_table(rows=1, cols=6)
                table.style = "Table Grid"
                for cell, title in zip(
                    table.rows[0].cells,
                    ["", "HVA", "HVORDAN", "MÅLGRUPPE", "NÅR", "ANSVAR"],
                    strict=True,
                ):
                    cell.text = title
                for measure in value["measures"]:
                    cells = table.add_row().cells
                    for cell, text in zip(
                        cells,
                        [
                            f"Tiltak {measure['number']}",
                            measure["title"],
                            measure["how"],
                            measure["target"],
                            measure["when"],
                            measure["responsibility"],
                        ],
                        strict=True,
                    ):
                        cell.text = text
            elif question["kind"] == "goals":
                for group in question["value"]:
                    document.add_paragraph(group["level"])
                    for goal in group["goals"]:
                        document.add_paragraph(goal, style="List Bullet")
            else:
                document.add_paragraph(question["shown"] or "–")
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def report_document(snap: dict, fmt: str, *, base_url: str = ".", version=None) -> bytes:
    if fmt == "docx":
        return _docx(snap, version)
    html = render_to_string(
        "needs/report_print.html",
        {"snap": printable(snap), "version": version, "printed": timezone.localdate()},
    )
    return html_to_pdf(html, base_url=base_url)
