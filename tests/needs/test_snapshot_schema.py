"""A version submitted before the question engine (snapshot schema 1: shown and value per
question, no content) still shows, prints and compares. The fixtures are the demo's 2023
version and 2026 draft as the earlier code stored them."""

import json
from io import BytesIO
from pathlib import Path

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from lokomp.needs import documents
from lokomp.needs.models import ReportVersion
from lokomp.needs.services import SNAPSHOT_SCHEMA, compare, snapshot

FIXTURES = Path(__file__).parent / "fixtures"


def _old(name):
    return json.loads((FIXTURES / f"snapshot_schema1_{name}.json").read_text())


def test_old_snapshots_have_no_schema_and_new_ones_do(report_2026):
    assert "schema" not in _old("2023")
    assert snapshot(report_2026)["schema"] == SNAPSHOT_SCHEMA == 2


def test_an_old_snapshot_prints_every_answer_in_word_and_pdf():
    snap = _old("2023")
    text = "\n".join(
        [p.text for p in Document(BytesIO(documents.report_document(snap, "docx"))).paragraphs]
        + [
            cell.text
            for table in Document(BytesIO(documents.report_document(snap, "docx"))).tables
            for row in table.rows
            for cell in row.cells
        ]
    )
    for section in snap["sections"]:
        for question in section["questions"]:
            if question["kind"] in ("text", "period") and question["shown"]:
                assert question["shown"].splitlines()[0] in text
    assert "918\u00a0100" in text  # the budget table, from the old structure
    pdf = PdfReader(BytesIO(documents.report_document(snap, "pdf")))
    printed = " ".join(page.extract_text() for page in pdf.pages)
    assert "Total sum det søkes om fra eier og UH" in printed
    assert "1 580 500" in printed.replace("\u00a0", " ")


def test_an_old_snapshot_is_compared_with_a_new_one(report_2026):
    old = _old("2026")
    new = snapshot(report_2026)
    assert compare(old, new) == []  # the same draft: nothing changed in what it says
    changes = compare(_old("2023"), new)
    assert changes and all(c.before != c.after for c in changes)


@pytest.mark.django_db
def test_an_old_stored_version_shows_on_the_page(report_2023, as_user):
    version = ReportVersion.objects.get(report=report_2023, number=1)
    version.snapshot = _old("2023")
    version.save()
    client = as_user("statsforvalter")
    page = client.get(reverse("needs:version", args=[report_2023.pk, 1])).content.decode()
    assert "918\u00a0100" in page
    response = client.get(reverse("needs:docx", args=[report_2023.pk, 1]))
    assert response.status_code == 200
