"""The needs report in a real browser: copy last year's, break and fix the budget, submit,
download the PDF; and universal design on the report pages."""

import re
from datetime import datetime
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import ARTIFACTS, login
from .test_browser import _serious

pytestmark = [pytest.mark.e2e]


def test_coordinator_copies_last_years_report_fixes_the_budget_and_submits(browser, live_url):
    # Statsforvalteren starts next year's form as a copy of this year's.
    admin = browser.new_context(locale="nb-NO").new_page()
    login(admin, live_url, "statsforvalter")
    admin.goto(live_url + "/fylke/55/skjema/")
    admin.get_by_role("link", name="Behovsmelding 2026–2027").click()
    admin.get_by_role("button", name="Lag neste års skjema som kopi").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Behovsmelding 2027–2028")
    admin.context.close()

    context = browser.new_context(
        locale="nb-NO", accept_downloads=True, viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    login(page, live_url, "koordinator")
    page.goto(live_url + "/partnerskap/sor-troms-evenes/")
    page.get_by_role("link", name="Behovsmeldinger").click()
    page.get_by_role("link", name="Ny behovsmelding").click()
    expect(page.get_by_label("Skjema")).to_have_value(re.compile(r"\d+"))
    page.get_by_label("Skjema").select_option(label="Behovsmelding 2027–2028")
    page.get_by_label("Kopier fra").select_option(label="Behovsmeldingen 2026–2027")
    page.get_by_role("button", name="Opprett").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Behovsmelding 2027–2028")

    # The budget came along, a year on. Break a share and see the rule.
    page.get_by_role("link", name="Budsjett og koordinator").click()
    share = page.get_by_label("Gjennomføre, Eier 2027")
    expect(share).to_have_value("60")
    share.fill("70")
    page.get_by_role("button", name="Lagre", exact=True).click()
    expect(
        page.get_by_text("Eier 2027: andelene er til sammen 110 %, men skal være 100 %.")
    ).to_be_visible()
    expect(page.get_by_test_id("b-2027-owner-sum")).to_have_text("110 %")
    page.get_by_label("Gjennomføre, Eier 2027").fill("60")
    page.get_by_role("button", name="Lagre", exact=True).click()
    expect(page.get_by_text("andelene er til sammen")).to_have_count(0)
    expect(page.get_by_test_id("b-2027-owner-sum")).to_have_text("100 %")

    page.get_by_role("link", name="Oppsummering").click()
    page.get_by_label("Ja, det bekrefter jeg").check()
    page.get_by_role("button", name="Lagre", exact=True).click()

    page.get_by_role("link", name=re.compile("Behovsmelding 2027–2028 – Region")).click()
    page.get_by_role("link", name="Send inn").click()
    page.get_by_role("button", name="Send inn til Statsforvalteren").click()
    expect(page.get_by_text("Behovsmeldingen er sendt inn som versjon 1.")).to_be_visible()
    expect(page.get_by_test_id("report-status")).to_have_text("Sendt inn")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="PDF versjon 1").click()
    download = download_info.value
    assert re.fullmatch(
        r"behovsmelding-sor-troms-evenes-2027-versjon-1\.pdf", download.suggested_filename
    )
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / download.suggested_filename
    download.save_as(path)
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(BytesIO(path.read_bytes())).pages
    )
    assert "Versjon 1" in text
    assert re.search(r"Total sum det søkes om fra eier og UH- ?miljø 2 350 000 1 900 000", text)
    page.screenshot(path=str(ARTIFACTS / "needs-report-submitted.png"), full_page=True)
    context.close()


def test_the_deadline_passes_and_statsforvalteren_allows_a_late_submission(
    browser, live_url, clock
):
    """Next year's report is started in November; on 2 February 2027, the day after the
    deadline, the coordinator is told the deadline has passed, Statsforvalteren allows a late
    submission, and the report goes in."""
    admin = browser.new_context(locale="nb-NO").new_page()
    login(admin, live_url, "statsforvalter")
    admin.goto(live_url + "/fylke/55/skjema/")
    admin.get_by_role("link", name="Behovsmelding 2026–2027").click()
    admin.get_by_role("button", name="Lag neste års skjema som kopi").click()
    expect(admin.get_by_role("heading", level=1)).to_have_text("Behovsmelding 2027–2028")

    page = browser.new_context(locale="nb-NO").new_page()
    login(page, live_url, "koordinator")
    page.goto(live_url + "/partnerskap/sor-troms-evenes/behovsmeldinger/ny/")
    page.get_by_label("Skjema").select_option(label="Behovsmelding 2027–2028")
    page.get_by_label("Kopier fra").select_option(label="Behovsmeldingen 2026–2027")
    page.get_by_role("button", name="Opprett").click()
    expect(page.get_by_text("Frist for innsending: 1. februar 2027")).to_be_visible()
    expect(page.get_by_text("Fristen var")).to_have_count(0)
    report = page.url

    admin.context.close()
    page.context.close()

    # February: the sessions of November have expired, and both sign in again.
    clock.move_to(datetime(2027, 2, 2, 9, 0, tzinfo=ZoneInfo("Europe/Oslo")))
    page = browser.new_context(locale="nb-NO").new_page()
    login(page, live_url, "koordinator")
    page.goto(report)
    expect(page.get_by_test_id("submit-blocked")).to_be_visible()
    expect(page.get_by_text("Fristen var 01.02.2027.", exact=False)).to_be_visible()

    admin = browser.new_context(locale="nb-NO").new_page()
    login(admin, live_url, "statsforvalter")
    admin.goto(report)
    admin.get_by_role("button", name="Tillat innsending etter fristen").click()
    expect(
        admin.get_by_text("Statsforvalteren har tillatt innsending etter fristen")
    ).to_be_visible()
    admin.context.close()

    page.reload()
    expect(page.get_by_text("Fristen var")).to_have_count(0)
    page.context.close()


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("koordinator", "/partnerskap/sor-troms-evenes/behovsmeldinger/"),
        ("koordinator", "/partnerskap/sor-troms-evenes/behovsmeldinger/ny/"),
        ("koordinator", "/behovsmelding/2/"),
        ("koordinator", "/behovsmelding/2/del/0/"),
        ("koordinator", "/behovsmelding/2/del/2/"),
        ("koordinator", "/behovsmelding/2/del/3/"),
        ("koordinator", "/behovsmelding/1/del/1/"),
        ("koordinator", "/behovsmelding/2/send/"),
        ("koordinator", "/behovsmelding/1/versjon/1/"),
        ("statsforvalter", "/fylke/55/runde/2023/"),
        ("statsforvalter", "/fylke/55/skjema/"),
    ],
)
def test_axe_report_pages(page, live_url, who, path):
    login(page, live_url, who)
    page.goto(live_url + path)
    assert page.title() != "Fant ikke siden – Lokomp"
    assert _serious(Axe().run(page)) == []
