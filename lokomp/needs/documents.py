"""A needs report version as DOCX and PDF, laid out like the official form: numbered
questions with their answers, the budget as a table with sums, goals and measures as in the
seed. Both are made from the snapshot, so a frozen version prints the same forever."""

from __future__ import annotations

from io import BytesIO

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from lokomp.core.pdf import html_to_pdf
from lokomp.core.questions import kind_for
from lokomp.core.text import export_text
from lokomp.core.word import a4_document

from .kinds import budget_rows


def printable(snap: dict) -> dict:
    """The snapshot with what templates need worked out: each answer's print template
    and the budget table's rows."""
    sections = []
    for section in snap["sections"]:
        questions = []
        for question in section["questions"]:
            extra = {"print_template": kind_for(question["kind"]).print_template}
            if question["kind"] == "budget":
                extra["rows"] = budget_rows(question["value"])
            questions.append({**question, **extra})
        sections.append({**section, "questions": questions})
    return {**snap, "sections": sections}


def _docx(snap: dict, version) -> bytes:
    document = a4_document()
    document.add_heading(snap["title"], level=1)
    document.add_paragraph(f"{snap['partnership']} – {snap['scheme']} – {snap['year_label']}")
    if version is not None:
        sent = timezone.localtime(version.submitted_at)
        document.add_paragraph(
            _("Versjon %(number)s, sendt inn %(when)s")
            % {"number": version.number, "when": f"{sent:%d.%m.%Y %H:%M}"}
        )
    else:
        document.add_paragraph(_("Utkast (ikke sendt inn)"))
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
            kind_for(question["kind"]).docx(document, question)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def report_document(
    snap: dict, fmt: str, *, base_url: str = ".", version=None, seconds: float | None = None
) -> bytes:
    snap = export_text(snap)  # a control character stored in an old version breaks nothing
    if fmt == "docx":
        return _docx(snap, version)
    html = render_to_string(
        "needs/report_print.html",
        {"snap": printable(snap), "version": version, "printed": timezone.localdate()},
    )
    return html_to_pdf(html, base_url=base_url, seconds=seconds)
