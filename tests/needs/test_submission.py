"""Submitting freezes a version; the county admin reopens; versions are compared."""

import re
from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from lokomp.allocation.models import Round
from lokomp.core.models import AuditEntry
from lokomp.needs.models import Answer, NeedsReport, ReportTemplate
from lokomp.needs.services import SubmissionRefused, report_submit

from ..forms import form_data
from .conftest import question, section_index

pytestmark = pytest.mark.django_db


def _confirm(client, report):
    confirmation = question(
        report,
        "Jeg bekrefter at behovsmeldingen er laget i partnerskap "
        "med eiere og UH-institusjoner som inngår i partnerskapet.",
    )
    url = reverse("needs:section", args=[report.pk, section_index(report, confirmation.text)])
    data = form_data(client.get(url).content.decode())
    data[f"q{confirmation.pk}-choice"] = "ja"
    assert client.post(url, data).status_code == 302


def test_submission_needs_the_confirmation(as_user, report_2026):
    # It is past 1 February 2026, the 2026–27 report's deadline: the county allows it.
    report_2026.late_submission_allowed = True
    report_2026.save()
    client = as_user("koordinator")
    url = reverse("needs:submit", args=[report_2026.pk])
    page = client.get(url).content.decode()
    assert "Bekreft at behovsmeldingen er laget i partnerskap med eiere og UH" in page
    response = client.post(url)
    assert response.status_code == 200
    assert NeedsReport.objects.get(pk=report_2026.pk).status == "draft"
    _confirm(client, report_2026)
    response = client.post(url)
    assert response.status_code == 302
    report = NeedsReport.objects.get(pk=report_2026.pk)
    assert report.status == "submitted"
    assert report.versions.get().number == 1
    assert AuditEntry.objects.filter(action="needs.report.submitted").exists()


def test_required_answers_and_budget_rules_block_submission(report_2026, as_user):
    client = as_user("koordinator")
    _confirm(client, report_2026)
    Answer.objects.filter(report=report_2026, question__number="12").update(text="")
    line = report_2026.budget.get(year=2026, recipient="owner")
    line.share_plan = 20
    line.save()
    with pytest.raises(SubmissionRefused) as refused:
        report_submit(report=report_2026, user=None, today=date(2026, 1, 10))
    assert "Svar mangler: 12 Evaluering" in refused.value.problems
    assert (
        "Budsjett: Eier 2026: andelene er til sammen 110 %, men skal være 100 %."
        in refused.value.problems
    )
    assert not report_2026.versions.exists()


def test_deadline_and_permission_to_submit_late(as_user, report_2026):
    client = as_user("koordinator")
    _confirm(client, report_2026)
    assert Round.objects.filter(county=report_2026.partnership.county, year=2026).update(
        submission_deadline=date(2026, 2, 1)
    )
    with pytest.raises(SubmissionRefused) as refused:
        report_submit(report=report_2026, user=None, today=date(2026, 2, 2))
    assert refused.value.problems == [
        "Fristen var 01.02.2026. Statsforvalteren må tillate innsending etter fristen."
    ]
    assert report_submit(report=report_2026, user=None, today=date(2026, 2, 1)).number == 1


def test_default_deadline_is_1_february(as_user, report_2026):
    client = as_user("koordinator")
    _confirm(client, report_2026)
    with pytest.raises(SubmissionRefused):
        report_submit(report=report_2026, user=None, today=date(2026, 2, 2))
    assert (
        as_user("forum").post(reverse("needs:allow_late", args=[report_2026.pk])).status_code == 403
    )
    assert (
        as_user("statsforvalter")
        .post(reverse("needs:allow_late", args=[report_2026.pk]))
        .status_code
        == 302
    )
    assert report_submit(report=report_2026, user=None, today=date(2026, 3, 1)).number == 1


def test_a_frozen_version_cannot_change_through_any_url(as_user, report_2023):
    client = as_user("koordinator")
    version = report_2023.versions.get()
    before = version.snapshot
    q41 = question(report_2023, "4.1")
    url = reverse("needs:section", args=[report_2023.pk, section_index(report_2023, "4.1")])
    response = client.post(url, {f"q{q41.pk}": "Endret etter innsending", f"q{q41.pk}-rev": "0"})
    assert response.status_code == 302
    assert (
        "Endret etter innsending" not in Answer.objects.get(report=report_2023, question=q41).text
    )
    assert client.post(reverse("needs:submit", args=[report_2023.pk])).status_code == 200
    assert report_2023.versions.count() == 1
    # Changing the plan afterwards does not change what was submitted.
    measure = report_2023.plan.measures.get(number=1)
    measure.title = "Endret tiltak"
    measure.save()
    version.refresh_from_db()
    assert version.snapshot == before
    page = client.get(reverse("needs:version", args=[report_2023.pk, 1])).content.decode()
    assert "Endret tiltak" not in page and "Startsamling" in page


def test_reopen_makes_a_new_version_and_the_diff_shows_the_change(as_user, report_2023):
    admin, coordinator = as_user("statsforvalter"), as_user("koordinator")
    assert coordinator.post(reverse("needs:reopen", args=[report_2023.pk])).status_code == 403
    assert admin.post(reverse("needs:reopen", args=[report_2023.pk])).status_code == 302
    assert NeedsReport.objects.get(pk=report_2023.pk).status == "reopened"
    q41 = question(report_2023, "4.1")
    url = reverse("needs:section", args=[report_2023.pk, section_index(report_2023, "4.1")])
    data = form_data(coordinator.get(url).content.decode())
    data[f"q{q41.pk}"] = data[f"q{q41.pk}"] + "\nTillegg etter dialog med Statsforvalteren."
    assert coordinator.post(url, data).status_code == 302
    report = NeedsReport.objects.get(pk=report_2023.pk)
    report.late_submission_allowed = True  # the 2023 deadline has long passed
    report.save()
    assert coordinator.post(reverse("needs:submit", args=[report.pk])).status_code == 302
    assert [v.number for v in report.versions.all()] == [1, 2]
    changes = coordinator.get(reverse("needs:changes", args=[report.pk, 2])).content.decode()
    assert changes.count('data-testid="change"') == 1
    assert "4.1 Hva er tema for kompetanseutviklingsarbeidet" in changes
    assert "Lagt til: </span>Tillegg etter dialog med Statsforvalteren." in changes
    first = coordinator.get(reverse("needs:version", args=[report.pk, 1])).content.decode()
    assert "Tillegg etter dialog" not in first


def test_copy_from_last_year_carries_answers_budget_and_plan(as_user, report_2026):
    admin = as_user("statsforvalter")
    template = ReportTemplate.objects.get(county__number="55", year=2026)
    admin.post(reverse("needs:template_copy", args=["55", template.pk]))
    client = as_user("koordinator")
    new_template = ReportTemplate.objects.get(county__number="55", year=2027)
    response = client.post(
        reverse("needs:new", args=["sor-troms-evenes"]),
        {"template": new_template.pk, "scheme": report_2026.scheme_id, "copy_from": report_2026.pk},
    )
    report = NeedsReport.objects.get(template=new_template)
    assert response["Location"] == reverse("needs:report", args=[report.pk])
    assert report.plan.school_year == 2027
    assert report.plan.measures.count() == 8
    assert report.plan.measures.get(number=7).when.format() == "2 møter høst 2027, 2 møter vår 2028"
    assert Answer.objects.get(report=report, question__number="4").text.startswith(
        "Inkluderende, reguleringsstøttende"
    )
    assert sorted(report.budget.values_list("year", "recipient", "amount")) == [
        (2027, "owner", 1_100_000),
        (2027, "uh", 1_250_000),
        (2028, "owner", 900_000),
        (2028, "uh", 1_000_000),
    ]
    assert not Answer.objects.filter(report=report, question__kind="confirmation").exists()


def test_docx_holds_every_question_and_pdf_the_budget_sums(as_user, report_2023):
    client = as_user("forum")
    docx = client.get(reverse("needs:docx", args=[report_2023.pk, 1]))
    document = Document(BytesIO(docx.content))
    text = "\n".join(p.text for p in document.paragraphs)
    for section in report_2023.template.sections.all():
        for q in section.questions.all():
            assert f"{q.number} {q.text}" in text, q.number
    budget = document.tables[0]
    assert [c.text for c in budget.rows[0].cells] == ["Innhold", "Sum 2023", "Sum 2024", "Sum 2025"]
    total_row = [c.text for c in budget.rows[3].cells]
    assert total_row == [
        "Total sum det søkes om fra eier og UH-miljø",
        "1\u00a0580\u00a0500",
        "2\u00a0200\u00a0000",
        "2\u00a0200\u00a0000",
    ]  # seed 003 §3
    pdf = client.get(reverse("needs:pdf", args=[report_2023.pk, 1]))
    pdf_text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf.content)).pages
    )
    # The seed's sums (the PDF may wrap "UH-miljø" at its hyphen).
    assert re.search(
        r"Total sum det søkes om fra eier og UH- ?miljø 1 580 500 2 200 000 "
        r"2 200 000",
        pdf_text,
    )
    assert "Herav til Statsforvalteren i Nordland" in pdf_text


def test_owner_contact_of_the_funds_owner_reads_but_does_not_write(as_user, report_2026):
    client = as_user("eier.harstad")
    assert client.get(reverse("needs:report", args=[report_2026.pk])).status_code == 200
    listing = client.get(reverse("needs:list", args=["sor-troms-evenes"])).content.decode()
    assert "2026–2027" in listing and "Ny behovsmelding" not in listing
    assert client.get(reverse("needs:section", args=[report_2026.pk, 0])).status_code == 200
    assert client.post(reverse("needs:section", args=[report_2026.pk, 0]), {}).status_code == 403


def test_share_county_finds_its_overview_from_the_front_page(as_user):
    page = as_user("nordland").get(reverse("core:home")).content.decode()
    assert reverse("allocation:round", args=["18", 2026]) in page


def test_the_printed_report_leaves_out_guidance_for_the_screen(as_user, report_2023):
    version = report_2023.versions.get()
    snapshot = version.snapshot
    snapshot["sections"][0]["help"] = "Hjelpetekst bare for skjermen"
    type(version).objects.filter(pk=version.pk).update(snapshot=snapshot)
    client = as_user("forum")
    screen = client.get(reverse("needs:version", args=[report_2023.pk, 1])).content.decode()
    assert "Hjelpetekst bare for skjermen" in screen
    pdf = client.get(reverse("needs:pdf", args=[report_2023.pk, 1]))
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(BytesIO(pdf.content)).pages
    )
    assert "Hjelpetekst bare for skjermen" not in text
    assert "HVORDAN" in text  # the measure table is there, on A4
    page = PdfReader(BytesIO(pdf.content)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_the_report_page_says_before_the_click_why_it_cannot_be_sent(as_user, report_2026):
    client = as_user("koordinator")
    page = client.get(reverse("needs:report", args=[report_2026.pk])).content.decode()
    assert 'data-testid="submit-blocked"' in page
    problems = page.split('data-testid="problems"')[1].split("</ul>")[0]
    # The 2026 deadline (1 February) has passed, and the confirmation is missing: the
    # deadline is said plainly, each missing answer links to its question.
    assert "Fristen var 01.02.2026" in problems
    confirmation = question(
        report_2026,
        "Jeg bekrefter at behovsmeldingen er laget i partnerskap "
        "med eiere og UH-institusjoner som inngår i partnerskapet.",
    )
    section = section_index(report_2026, confirmation.text)
    link = f"{reverse('needs:section', args=[report_2026.pk, section])}#h-q{confirmation.pk}"
    assert link in problems
    # Once the county allows it and the confirmation is given, the button is a link again.
    as_user("statsforvalter").post(reverse("needs:allow_late", args=[report_2026.pk]))
    _confirm(client, report_2026)
    page = client.get(reverse("needs:report", args=[report_2026.pk])).content.decode()
    assert 'data-testid="submit-blocked"' not in page
    assert f'href="{reverse("needs:submit", args=[report_2026.pk])}"' in page


def test_reopening_keeps_the_permission_to_send_late(as_user, report_2026):
    admin, client = as_user("statsforvalter"), as_user("koordinator")
    admin.post(reverse("needs:allow_late", args=[report_2026.pk]))
    _confirm(client, report_2026)
    assert client.post(reverse("needs:submit", args=[report_2026.pk])).status_code == 302
    assert admin.post(reverse("needs:reopen", args=[report_2026.pk])).status_code == 302
    report = NeedsReport.objects.get(pk=report_2026.pk)
    assert report.late_submission_allowed, "the county need not allow it twice"
    assert client.post(reverse("needs:submit", args=[report.pk])).status_code == 302
    assert [v.number for v in report.versions.all()] == [1, 2]
