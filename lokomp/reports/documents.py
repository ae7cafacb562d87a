"""The progress report as Word (python-docx) and PDF (WeasyPrint, from the print template),
both from the same data as the page (`contents.content`)."""

from __future__ import annotations

from io import BytesIO

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from lokomp.core.formatting import thousands
from lokomp.core.pdf import html_to_pdf
from lokomp.core.text import export_text as clean
from lokomp.core.word import a4_document, table_with_headings

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def share(value) -> str:
    return "–" if value is None else f"{value} %"


def report_pdf(data: dict, *, base_url: str) -> bytes:
    html = render_to_string("reports/report_print.html", {"data": data})
    return html_to_pdf(html, base_url=base_url)


def report_docx(data: dict) -> bytes:
    document = a4_document()
    texts = data.get("texts", {})
    document.add_heading(clean(_("Fremdriftsrapport")), level=0)
    document.add_paragraph(clean(data["partnership"]))
    facts = [
        (_("Periode"), data["period"]),
        (_("Mottaker"), data["audience"]),
        (_("Frist"), data["deadline"]),
    ]
    if data["scheme"]:
        facts.append((_("Ordning"), data["scheme"]))
    if data["measure"]:
        facts.append((_("Tiltak"), data["measure"]))
    for label, value in facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(clean(f"{label}: ")).bold = True
        paragraph.add_run(clean(value))

    document.add_heading(clean(_("Samlet vurdering")), level=1)
    document.add_paragraph(clean(data.get("summary") or "–"))

    if data["goals"]:
        document.add_heading(clean(_("Mål")), level=1)
        for goal in data["goals"]:
            document.add_heading(clean(f"{goal['level']} ({goal['plan']})"), level=2)
            document.add_paragraph(clean(goal["text"]))
            if goal["measures"]:
                document.add_paragraph(
                    clean(_("Tiltak: %(numbers)s") % {"numbers": ", ".join(goal["measures"])})
                )
            document.add_paragraph(clean(texts.get(goal["key"]) or "–"))

    document.add_heading(clean(_("Tiltak")), level=1)
    for m in data["measures"]:
        document.add_heading(
            clean(_("Tiltak %(number)s: %(title)s") % {"number": m["number"], "title": m["title"]}),
            level=2,
        )
        document.add_paragraph(clean(f"{m['scheme']}, {m['plan']}"))
        document.add_paragraph(
            clean(
                _(
                    "Planlagt: %(planned)s aktiviteter. Gjennomført: %(held)s. Avlyst: "
                    "%(cancelled)s. Deltakere: %(persons)s fra %(units)s enheter."
                )
                % m
            )
        )
        if m["activities"]:
            table = table_with_headings(
                document,
                [_("Dato"), _("Aktivitet"), _("Status"), _("Deltakere"), _("Svar på evaluering")],
            )
            for a in m["activities"]:
                cells = table.add_row().cells
                values = [a["date"], a["title"], a["status"], a["persons"], a["responses"]]
                for cell, value in zip(cells, values, strict=True):
                    cell.text = clean(str(value))
        if m["averages"]:
            document.add_paragraph(clean(_("Evalueringene (snitt på skalaen 1–5):")))
            for q in m["averages"]:
                document.add_paragraph(
                    clean(f"{q['text']}: {str(q['average']).replace('.', ',')}"),
                    style="List Bullet",
                )
        elif m["responses"]:
            document.add_paragraph(
                clean(
                    _("%(n)s svar på evalueringene: for få til å vise resultater.")
                    % {"n": m["responses"]}
                )
            )
        document.add_paragraph(
            clean(_("Brukt: %(amount)s kr") % {"amount": thousands(m["spent_total"])})
        )
        document.add_paragraph(clean(texts.get(m["key"]) or "–"))

    if data["coverage"]:
        document.add_heading(clean(_("Dekning")), level=1)
        table = table_with_headings(
            document,
            [
                _("Skoleår"),
                _("Ansatte"),
                _("Grunnpakken"),
                _("Samlingen"),
                _("Veiledning (valgte enheter)"),
            ],
        )
        for row in data["coverage"]:
            cells = table.add_row().cells
            values = [
                row["school_year"],
                thousands(row["staff"]),
                share(row["basic"]),
                share(row["dialogue"]),
                share(row["supervision"]),
            ]
            for cell, value in zip(cells, values, strict=True):
                cell.text = clean(value)

    if data["economy"]:
        document.add_heading(clean(_("Økonomi")), level=1)
        for scheme in data["economy"]:
            document.add_heading(clean(scheme["scheme"]), level=2)
            table = table_with_headings(
                document,
                [_("Mottaker"), _("Søkt"), _("Tildelt"), _("Brukt"), _("Gjenstår")],
            )
            for row in [*scheme["rows"], {"recipient": _("Sum"), **scheme["total"]}]:
                cells = table.add_row().cells
                values = [row["recipient"]] + [
                    thousands(row[k]) for k in ("asked", "granted", "spent", "left")
                ]
                for cell, value in zip(cells, values, strict=True):
                    cell.text = clean(value)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()
