"""Decisions, corrections, decision letters, payments and the county's figures."""

import re
from io import BytesIO

import pytest
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from lokomp.allocation.models import Decision, Frame, Grant, Payment, Round
from lokomp.core.models import AuditEntry
from lokomp.needs.models import NeedsReport
from lokomp.partnerships.models import Scheme
from lokomp.registry.models import County

from ..forms import form_data

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")


@pytest.fixture
def report_2023(db):
    return NeedsReport.objects.get(template__year=2023, partnership__slug="sor-troms-evenes")


@pytest.fixture
def demo_decision(db):
    return Decision.objects.get(round__year=2023, number=1)


@pytest.fixture
def undecided(report_2023):
    """The 2023 round with its recommendation agreed, but no decision yet."""
    Payment.objects.all().delete()
    Grant.objects.all().delete()
    Decision.objects.all().delete()
    return report_2023


@pytest.mark.parametrize("who", ["nordland", "admin"])
def test_a_decision_form_in_a_year_without_a_round_is_an_answer(as_user, report_2023, who):
    """Nordland has no round in 2023: its decision form for Evenes' share is drawn from the
    scheme's defaults, with no recommendation to fill it from (a page or a 404, never an
    error)."""
    from lokomp.accounts.models import User

    assert who == "nordland" or User.objects.get(username=who).is_superuser
    assert not Round.objects.filter(county__number="18", year=2023).exists()
    url = reverse("allocation:decision_new", args=["18", 2023, report_2023.pk])
    response = as_user(who).get(url)
    assert response.status_code in (200, 404)


def test_a_decision_is_filled_in_from_the_recommendation_and_the_report(as_user, undecided):
    admin = as_user("statsforvalter")
    url = reverse("allocation:decision_new", args=["55", 2023, undecided.pk])
    data = form_data(admin.get(url).content.decode())
    assert data["owner_name"] == "Harstad kommune" and data["owner_org"] == "972 417 971"
    assert data["uh_name"] == "UiT Norges arktiske universitet"
    assert data["owner_account"] == "1503 11 23450"  # as the report gives it
    assert data["a2023owner"].replace("\u00a0", " ") == "918 100"
    assert data["a2024uh"].replace("\u00a0", " ") == "1 200 000"

    data["uh_account"] = "1520 45 67890"
    data["owner_org"] = "972 417 972"
    page = admin.post(url, data).content.decode()
    assert "Kontonummeret er ikke gyldig (kontrollsifferet stemmer ikke)." in page
    assert "Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke)." in page
    assert 'value="1520 45 67890"' in page
    assert not Decision.objects.exists()

    data["uh_account"], data["owner_org"] = "1520 45 67899", "972 417 971"
    data["conditions"] = "Rapport innen 15. januar."
    response = admin.post(url, data)
    decision = Decision.objects.get()
    assert response["Location"] == reverse("allocation:decision", args=[decision.pk])
    assert decision.number == 1 and decision.decided_by.username == "statsforvalter"
    assert sorted(decision.grants.values_list("year", "recipient", "amount")) == [
        (2023, "owner", 918_100),
        (2023, "uh", 662_400),
        (2024, "owner", 1_000_000),
        (2024, "uh", 1_200_000),
        (2025, "owner", 1_000_000),
        (2025, "uh", 1_200_000),
    ]
    assert decision.grants.get(year=2023, recipient="uh").account_number == "15204567899"
    assert AuditEntry.objects.filter(action="allocation.decision.made").exists()

    # A second decision for the same report is refused: it is corrected instead.
    page = admin.post(url, data).content.decode()
    assert "Behovsmeldingen har allerede et vedtak." in page
    assert Decision.objects.count() == 1


def test_a_decision_needs_an_amount_and_a_named_recipient(as_user, undecided):
    admin = as_user("statsforvalter")
    url = reverse("allocation:decision_new", args=["55", 2023, undecided.pk])
    data = form_data(admin.get(url).content.decode())
    for key in list(data):
        if key.startswith("a20"):
            data[key] = ""
    page = admin.post(url, data).content.decode()
    assert "Et vedtak må gi et beløp til minst én mottaker." in page
    data["a2023uh"], data["uh_name"] = "100 000", ""
    page = admin.post(url, data).content.decode()
    assert "Skriv hvem som mottar tilskuddet." in page
    assert not Decision.objects.exists()


def test_a_correction_is_a_new_decision_that_replaces_the_old(as_user, demo_decision, report_2023):
    admin = as_user("statsforvalter")
    before = sorted(demo_decision.grants.values_list("year", "recipient", "amount"))
    url = reverse("allocation:decision_correct", args=[demo_decision.pk])
    data = form_data(admin.get(url).content.decode())
    data["a2024uh"] = "1 000 000"
    data["reason"] = "Rettet etter ny beregning."
    assert admin.post(url, data).status_code == 302
    new = Decision.objects.get(replaces=demo_decision)
    assert new.number == 2
    assert new.grants.get(year=2024, recipient="uh").amount == 1_000_000
    # The old decision is as it was, and says it is replaced.
    assert sorted(demo_decision.grants.values_list("year", "recipient", "amount")) == before
    old_page = admin.get(reverse("allocation:decision", args=[demo_decision.pk])).content.decode()
    assert 'data-testid="replaced"' in old_page and "Rett vedtaket" not in old_page
    # Correcting the old one again is refused.
    page = admin.post(url, data).content.decode()
    assert "Vedtaket er allerede erstattet." in page
    assert Decision.objects.count() == 2
    # The partnership sees the decision in force beside what it asked for.
    report_page = as_user("koordinator").get(reverse("needs:report", args=[report_2023.pk]))
    granted = _text(report_page.content.decode().split('data-testid="granted"')[1])
    assert "2024 (tilsagn) 1 000 000 1 200 000 1 000 000 1 000 000" in granted
    # A payment is recorded on the decision in force; what was paid before counts.
    payment = reverse("allocation:payment_new", args=[demo_decision.pk])
    page = admin.post(payment, {"recipient": "uh", "paid_on": "2023-06-01", "amount": "1"})
    assert "Vedtaket er erstattet. Registrer utbetalingen på det nye." in page.content.decode()
    page = admin.post(
        reverse("allocation:payment_new", args=[new.pk]),
        {"recipient": "owner", "paid_on": "2023-06-01", "amount": "1"},
    ).content.decode()
    assert "Utbetalingene blir da 918 101 kr, men vedtaket gir 918 100 kr" in _text(page)


def test_payments_up_to_the_grant(as_user, demo_decision):
    admin = as_user("statsforvalter")
    url = reverse("allocation:payment_new", args=[demo_decision.pk])
    page = admin.post(url, {"recipient": "uh", "paid_on": "31.06.2023", "amount": "tusen"})
    html = page.content.decode()
    assert "Skriv datoen som dd.mm.åååå." in html and "Skriv beløpet i hele kroner" in html
    assert admin.post(url, {"recipient": "uh", "paid_on": "2023-05-20", "amount": "662 400"})
    assert Payment.objects.filter(decision=demo_decision).count() == 2
    page = admin.post(url, {"recipient": "uh", "paid_on": "2023-05-21", "amount": "1"})
    assert "Utbetalingene blir da 662 401 kr" in _text(page.content.decode())
    assert as_user("koordinator").post(url, {"recipient": "uh"}).status_code == 403
    assert Payment.objects.filter(decision=demo_decision).count() == 2


def test_the_decision_letter(as_user, demo_decision):
    client = as_user("koordinator")
    docx = client.get(reverse("allocation:decision_docx", args=[demo_decision.pk]))
    document = Document(BytesIO(docx.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Vedtak om tilskudd til Kompetanseløftet 2023 – Region Sør-Troms og Evenes" in text
    assert "Vedtak nr. 1/2023" in text
    assert "forvaltningsloven § 28" in text
    granted = [[c.text.replace("\u00a0", " ") for c in r.cells] for r in document.tables[0].rows]
    assert granted[1] == ["Harstad kommune", "972 417 971", "1503 11 23450", "918 100"]
    committed = [[c.text.replace("\u00a0", " ") for c in r.cells] for r in document.tables[1].rows]
    assert ["2024", "UiT Norges arktiske universitet", "1 200 000"] in committed
    pdf = client.get(reverse("allocation:decision_pdf", args=[demo_decision.pk]))
    pages = PdfReader(BytesIO(pdf.content)).pages
    flat = " ".join(" ".join(p.extract_text().replace("\u00a0", " ").split()) for p in pages)
    assert "Harstad kommune 972 417 971 1503 11 23450 918 100" in flat
    assert "Tilsagn for senere år" in flat
    assert (
        as_user("koordinator.ost")
        .get(reverse("allocation:decision_pdf", args=[demo_decision.pk]))
        .status_code
        == 404
    )


def test_commitments_are_counted_first_against_the_next_years_frame(as_user):
    troms = County.objects.get(number="55")
    the_round = Round.default(troms, 2024)
    the_round.save()
    Frame.objects.create(
        round=the_round, scheme=Scheme.objects.get(code="kompetanseloftet"), amount=5_000_000
    )
    page = as_user("statsforvalter").get(reverse("allocation:round", args=["55", 2024]))
    frames = _text(page.content.decode().split('data-testid="frames"')[1].split("</table>")[0])
    # 2023's decision committed 1 000 000 + 1 200 000 for 2024; nothing is asked yet.
    assert "Kompetanseløftet 0 5 000 000 2 200 000 0 2 800 000 kr igjen" in frames


def test_the_county_figures(as_user, demo_decision):
    page = as_user("forum").get(reverse("allocation:county_report", args=["55", 2023]))
    table = _text(page.content.decode().split('data-testid="figures-kompetanseloftet"')[1])
    # Asked is Troms' part (92 %) of 1 580 500; recommended and granted as asked; the owner
    # side's 918 100 is paid.
    assert "2023 1 454 060 1 580 500 1 580 500 918 100" in table
    assert "2024 2 024 000 2 200 000 2 200 000 –" in table
