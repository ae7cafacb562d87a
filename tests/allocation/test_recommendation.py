"""The forum's meeting and its recommendation (innstilling)."""

import re
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from bench.generate import add_round_reports
from lokomp.accounts.models import Role, RoleAssignment
from lokomp.allocation.models import (
    Criterion,
    Decision,
    Frame,
    Grant,
    Payment,
    ProposedAmount,
    Recommendation,
    RecommendationLine,
    Round,
    Score,
)
from lokomp.core.models import AuditEntry
from lokomp.needs.models import NeedsReport, ReportStatus, ReportVersion
from lokomp.partnerships.models import Scheme
from lokomp.registry.models import County

from ..forms import form_data

pytestmark = pytest.mark.django_db

MEETING = reverse("allocation:meeting", args=["55", 2023])
AGREE = reverse("allocation:agree", args=["55", 2023])


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")


@pytest.fixture
def report_2023(db):
    return NeedsReport.objects.get(template__year=2023, partnership__slug="sor-troms-evenes")


@pytest.fixture(autouse=True)
def round_2023_open(db):
    """The demo's 2023 round ended with an agreed recommendation and a decision; these
    tests hold its meeting again from the start."""
    Payment.objects.all().delete()
    Grant.objects.all().delete()
    Decision.objects.all().delete()
    Recommendation.objects.all().delete()


@pytest.fixture
def frame_2023(db):
    the_round = Round.objects.get(county__number="55", year=2023)
    scheme = Scheme.objects.get(code="kompetanseloftet")
    return Frame.objects.create(round=the_round, scheme=scheme, amount=1_200_000)


def _propose(client, report, **values):
    data = form_data(client.get(MEETING).content.decode())
    for key, value in values.items():
        data[f"r{report.pk}-{key}"] = value
    return client.post(MEETING, data)


def test_proposals_are_saved_and_compared_with_the_frame(as_user, report_2023, frame_2023):
    admin = as_user("statsforvalter")
    response = _propose(
        admin,
        report_2023,
        priority="1",
        a2023owner="900 000",
        a2023uh="600 000",
        a2024owner="1 000 000",
        reason="Godt forankret hos eierne.",
    )
    assert response.status_code == 302
    line = RecommendationLine.objects.get(report=report_2023)
    assert line.priority == 1 and line.reason == "Godt forankret hos eierne."
    assert sorted(line.amounts.values_list("year", "recipient", "amount")) == [
        (2023, "owner", 900_000),
        (2023, "uh", 600_000),
        (2024, "owner", 1_000_000),
    ]
    page = admin.get(MEETING).content.decode()
    # 1 500 000 proposed for 2023 against a frame of 1 200 000.
    assert "Forslaget for Kompetanseløftet er 300 000 kr over rammen." in _text(page)
    assert 'data-testid="over-frame"' in page
    assert 'value="900 000"' in page.replace("\u00a0", " ")
    assert AuditEntry.objects.filter(action="allocation.recommendation.changed").exists()

    # A blank amount removes it.
    response = _propose(admin, report_2023, a2024owner="")
    assert not ProposedAmount.objects.filter(line=line, year=2024).exists()


def test_bad_input_is_explained_and_kept(as_user, report_2023):
    admin = as_user("statsforvalter")
    page = _propose(admin, report_2023, priority="0", a2023uh="seks hundre").content.decode()
    assert "Skriv et helt tall fra 1." in page
    assert "Skriv beløpet i hele kroner, for eksempel 918 100." in page
    assert 'value="seks hundre"' in page
    assert not RecommendationLine.objects.exists()
    page = _propose(admin, report_2023, a2023uh="9" * 40).content.decode()
    assert "Beløpet er for stort." in page


def test_a_second_writer_is_told_and_the_line_is_not_overwritten(
    as_user, report_2023, django_user_model
):
    second = django_user_model.objects.create_user(username="sf2", first_name="Siri")
    RoleAssignment.objects.create(
        user=second, role=Role.COUNTY_ADMIN, county=County.objects.get(number="55")
    )
    first = as_user("statsforvalter")
    mine = form_data(first.get(MEETING).content.decode())
    theirs = form_data(as_user("sf2").get(MEETING).content.decode())
    key = f"r{report_2023.pk}"
    assert first.post(MEETING, mine | {f"{key}-a2023owner": "800 000"}).status_code == 302
    page = as_user("sf2").post(MEETING, theirs | {f"{key}-a2023owner": "700 000"})
    html = page.content.decode()
    assert 'data-testid="stale"' in html
    assert "Eier 2023: 800 000 kr" in _text(html)
    assert 'value="700 000"' in html.replace("\u00a0", " ")
    assert ProposedAmount.objects.get(year=2023, recipient="owner").amount == 800_000


def test_an_agreed_recommendation_is_locked_until_opened(as_user, report_2023):
    admin = as_user("statsforvalter")
    _propose(admin, report_2023, priority="1", a2023owner="500 000")
    page = admin.post(AGREE, {"meeting_date": "31.02.2023"}).content.decode()
    assert "Skriv datoen som dd.mm.åååå." in page
    assert as_user("forum").post(AGREE, {"meeting_date": "2023-03-10"}).status_code == 403
    assert admin.post(AGREE, {"meeting_date": "2023-03-10", "notes": "Enige."}).status_code == 302
    recommendation = Recommendation.objects.get()
    assert recommendation.is_agreed and recommendation.agreed_by.username == "statsforvalter"
    page = admin.get(MEETING).content.decode()
    assert 'data-testid="agreed"' in page and "Vedtatt i møtet 10. mars 2023" in _text(page)
    assert "Lagre innstillingen" not in page
    data = form_data(page)
    data[f"r{report_2023.pk}-a2023owner"] = "1"
    response = admin.post(MEETING, data | {f"r{report_2023.pk}-priority": "2"}, follow=True)
    assert "Innstillingen er vedtatt. Åpne den for endringer først." in response.content.decode()
    assert RecommendationLine.objects.get().priority == 1
    assert admin.post(AGREE, {"action": "reopen"}).status_code == 302
    assert not Recommendation.objects.get().is_agreed
    assert AuditEntry.objects.filter(action="allocation.recommendation.reopened").exists()


def test_the_forum_reads_the_meeting_but_does_not_write(as_user, report_2023):
    page = as_user("forum").get(MEETING).content.decode()
    assert "Region Sør-Troms og Evenes" in page and "Lagre innstillingen" not in page
    assert as_user("forum").post(MEETING, {}).status_code == 403
    assert as_user("koordinator").get(MEETING).status_code == 404


def _submitted(reports):
    NeedsReport.objects.filter(pk__in=[r.pk for r in reports]).update(status=ReportStatus.SUBMITTED)
    ReportVersion.objects.bulk_create(
        ReportVersion(report=r, number=1, snapshot={}) for r in reports
    )


def test_reports_come_in_priority_order_then_by_score(as_user, django_user_model):
    troms = County.objects.get(number="55")
    reports = add_round_reports(county=troms, year=2026, count=4, seed=11)
    _submitted(reports)
    forum = django_user_model.objects.get(username="forum")
    scale = Criterion.objects.filter(county=troms, kind="scale").first()
    for report, value in zip(reports, [2, 5, 3, 4], strict=True):
        Score.objects.create(report=report, member=forum, criterion=scale, value=value)
    the_round = Round.objects.get(county=troms, year=2026)
    recommendation = Recommendation.objects.create(round=the_round)
    RecommendationLine.objects.create(recommendation=recommendation, report=reports[0], priority=1)
    page = as_user("forum").get(reverse("allocation:meeting", args=["55", 2026])).content.decode()
    names = re.findall(r'data-testid="meeting-row">\s*<h3[^>]*><a[^>]*>([^<]+)</a>', page)
    expected = [reports[i].partnership.name for i in (0, 1, 3, 2)]
    assert names == expected


def test_the_meeting_query_count_does_not_grow(as_user):
    troms = County.objects.get(number="55")
    client = as_user("statsforvalter")
    url = reverse("allocation:meeting", args=["55", 2026])
    _submitted(add_round_reports(county=troms, year=2026, count=3, seed=1))

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    few = count()
    _submitted(add_round_reports(county=troms, year=2026, count=80, seed=2))
    assert count() == few


def test_the_recommendation_in_word_pdf_and_excel(as_user, report_2023, frame_2023):
    admin = as_user("statsforvalter")
    _propose(
        admin,
        report_2023,
        priority="1",
        a2023owner="900 000",
        a2023uh="600 000",
        a2024uh="1 100 000",
        reason="=SUM(A1:A9) er ikke en formel her.",
    )
    admin.post(AGREE, {"meeting_date": "2023-03-10", "notes": "Alle var enige."})

    def download(fmt):
        url = reverse(f"allocation:recommendation_{fmt}", args=["55", 2023])
        response = as_user("forum").get(url)
        assert response.status_code == 200
        assert f"innstilling-fylke-55-2023.{fmt}" in response["Content-Disposition"]
        return response.content

    document = Document(BytesIO(download("docx")))
    paragraphs = [p.text for p in document.paragraphs]
    assert "Innstilling fra samarbeidsforum i Troms – tilskudd 2023" in paragraphs
    assert "Vedtatt i møtet 10. mars 2023." in paragraphs
    row = [c.text.replace("\u00a0", " ") for c in document.tables[0].rows[1].cells]
    assert row[:2] == ["1", "Region Sør-Troms og Evenes"]
    assert "Harstad kommune (972 417 971)" in row[2]
    assert row[5:9] == ["900 000", "600 000", "1 100 000", "–"]

    pages = PdfReader(BytesIO(download("pdf"))).pages
    text = " ".join(" ".join(p.extract_text().replace("\u00a0", " ").split()) for p in pages)
    assert "Region Sør-Troms og Evenes" in text and "900 000" in text
    assert "Ramme 2023: 1 200 000 kr." in text

    sheet = load_workbook(BytesIO(download("xlsx"))).active
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    assert values[1][0] == "Kompetanseløftet" and values[1][6] == 900_000
    reason = sheet.cell(2, len(values[0]))
    assert reason.value == "=SUM(A1:A9) er ikke en formel her." and reason.data_type == "s"
    assert (
        as_user("koordinator")
        .get(reverse("allocation:recommendation_pdf", args=["55", 2023]))
        .status_code
        == 404
    )
