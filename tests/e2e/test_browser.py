"""A coordinator's week, in a real browser, and universal design checked with axe-core."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import ARTIFACTS, login

# One worker runs the browser tests, against one server.
pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]


def test_coordinator_adds_measure_and_finds_it_in_week_44(page, live_url):
    login(page, live_url, "koordinator")
    page.get_by_role("link", name="2025–2026").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tiltak kompetanseløftet Høst 25 – vår 26"
    )
    page.get_by_role("link", name="Nytt tiltak").click()

    page.get_by_label("Hva").fill("Læringskaravane for ledere")
    page.get_by_label("Hvordan").fill("Digitale gruppemøter med analyse av praksis")
    page.get_by_label("Når", exact=False).first.fill("Uke 44")
    # The "tolket som" preview arrives while typing (htmx), before anything is saved.
    expect(page.get_by_test_id("when-interpreted")).to_have_text("Uke 44 2025")
    page.get_by_label("Ordning").select_option(label="Kompetanseløftet")
    page.get_by_label("Ledere", exact=True).check()
    page.get_by_role("button", name="Lagre tiltaket").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Tiltak 10: Læringskaravane for ledere"
    )
    expect(page.get_by_text("tolket som Uke 44 2025")).to_be_visible()

    # To the calendar, month view, forward to October, and week 44 holds the measure.
    page.get_by_role("link", name="Tiltak kompetanseløftet Høst 25 – vår 26").click()
    page.get_by_role("link", name="Kalender").click()
    page.get_by_role("link", name="Måned", exact=True).click()
    expect(page.get_by_test_id("period-label")).to_have_text("August 2025")
    page.get_by_role("link", name="Neste").click()
    page.get_by_role("link", name="Neste").click()
    expect(page.get_by_test_id("period-label")).to_have_text("Oktober 2025")
    item = page.get_by_test_id("week-44-spans").get_by_role(
        "link", name=re.compile("Læringskaravane")
    )
    expect(item).to_be_visible()
    expect(item).to_have_attribute("data-scheme", "kompetanseloftet")
    colour = item.evaluate("e => getComputedStyle(e).borderLeftColor")
    assert colour == "rgb(31, 138, 90)"  # #1f8a5a, Kompetanseløftet's colour code

    page.get_by_role("link", name="Uke", exact=True).click()
    page.goto(page.url.split("?")[0] + "?visning=week&periode=2025-u44")
    expect(page.get_by_test_id("period-label")).to_contain_text("Uke 44 2025")
    expect(page.get_by_role("link", name=re.compile("Læringskaravane for ledere"))).to_be_visible()

    # And the plan as PDF.
    page.get_by_role("link", name="Tiltak kompetanseløftet Høst 25 – vår 26").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Last ned PDF").click()
    download = download_info.value
    assert download.suggested_filename == "tiltaksplan-sor-troms-evenes-2025-2026.pdf"
    path = ARTIFACTS / download.suggested_filename
    ARTIFACTS.mkdir(exist_ok=True)
    download.save_as(path)
    content = path.read_bytes()
    assert content.startswith(b"%PDF")
    from io import BytesIO

    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(BytesIO(content)).pages)
    assert "Læringskaravane for ledere" in " ".join(text.split())


def test_unreadable_when_is_kept_with_a_message(page, live_url):
    login(page, live_url, "koordinator")
    page.goto(live_url + "/partnerskap/sor-troms-evenes/plan/2026-2027/tiltak/ny/")
    page.get_by_label("Når", exact=False).first.fill("Når styringsgruppa bestemmer")
    expect(page.locator("#when-preview")).to_contain_text("Forstod ikke")
    page.get_by_role("button", name="Lagre tiltaket").click()
    # Title missing: the page says so next to the field, and keeps what was typed.
    expect(page.get_by_text("Skriv hva tiltaket er.")).to_be_visible()
    expect(page.get_by_label("Når", exact=False).first).to_have_value(
        "Når styringsgruppa bestemmer"
    )


def _serious(results) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize(
    ("who", "path"),
    [
        ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/"),
        ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/kalender/"),
        (
            "koordinator.ost",
            "/partnerskap/ost-finnmark/plan/2025-2026/kalender/?visning=month&periode=2025-10",
        ),
        (
            "koordinator.ost",
            "/partnerskap/ost-finnmark/plan/2025-2026/kalender/?visning=week&periode=2025-u44",
        ),
        ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/tiltak/ny/"),
        ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/tiltak/3/"),
        ("koordinator", "/partnerskap/sor-troms-evenes/"),
        ("koordinator", "/partnerskap/sor-troms-evenes/koordinatorer/"),
        ("koordinator", "/partnerskap/sor-troms-evenes/endre/"),
        ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/tiltak/3/slett/"),
        ("statsforvalter", "/registeret/logg/"),
        ("rektor", "/registeret/enheter/"),
        (None, "/offentlig/ost-finnmark/"),
        (None, "/offentlig/sor-troms-evenes/?visning=month&periode=2025-08"),
        (None, "/"),
        (None, "/konto/logg-inn/"),
    ],
)
def test_axe_no_serious_violations(page, live_url, who, path):
    if who:
        login(page, live_url, who)
    page.goto(live_url + path)
    problems = _serious(Axe().run(page))
    assert problems == []


def test_switch_to_nynorsk_and_download_the_plan_in_nynorsk(page, live_url):
    """The choice in the header: the pages, and the PDF the coordinator hands on, in
    nynorsk; what the plan's authors wrote stays as written."""
    login(page, live_url, "koordinator")
    page.goto(live_url + "/partnerskap/sor-troms-evenes/plan/2025-2026/")
    page.get_by_role("button", name="Nynorsk").click()
    expect(page.locator("html")).to_have_attribute("lang", "nn")
    expect(page.get_by_role("link", name="Endre plan og mål")).to_be_visible()
    expect(page.get_by_role("button", name="Nynorsk")).to_have_attribute("aria-pressed", "true")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Last ned PDF").click()
    path = ARTIFACTS / "tiltaksplan-nynorsk.pdf"
    ARTIFACTS.mkdir(exist_ok=True)
    download_info.value.save_as(path)
    from io import BytesIO

    from pypdf import PdfReader

    text = " ".join(
        " ".join(p.extract_text() for p in PdfReader(BytesIO(path.read_bytes())).pages).split()
    )
    assert "skuleåret 2025–2026" in text and "KORLEIS" in text and "Fargekodar" in text
    assert "Kompetansepakke om inkluderende praksis" in text  # the seed's words, unchanged
    # The choice stays with the user: a new browser logs in to nynorsk.
    page.context.clear_cookies()
    login(page, live_url, "koordinator")
    expect(page.get_by_role("heading", name="Oversyn")).to_be_visible()
    page.get_by_role("button", name="Bokmål").click()
    expect(page.get_by_role("heading", name="Oversikt")).to_be_visible()


def test_two_browsers_edit_the_same_measure(browser, live_url):
    """Two coordinators in two browsers: the second is told, sees both, and decides."""
    contexts = [browser.new_context(locale="nb-NO") for _ in range(2)]
    first, second = (context.new_page() for context in contexts)
    edit = live_url + "/partnerskap/sor-troms-evenes/plan/2025-2026/tiltak/5/endre/"
    for page in (first, second):
        login(page, live_url, "koordinator")
        page.goto(edit)
    first.locator("input[name=title]").fill("Endret i første nettleser")
    first.get_by_role("button", name="Lagre tiltaket").click()
    expect(
        first.get_by_role("heading", name=re.compile("Endret i første nettleser"))
    ).to_be_visible()
    second.locator("textarea[name=how]").fill("Min nye beskrivelse")
    second.get_by_role("button", name="Lagre tiltaket").click()
    stale = second.get_by_test_id("stale")
    expect(stale).to_be_visible()
    expect(stale).to_contain_text("Endret i første nettleser")
    expect(second.locator("textarea[name=how]")).to_have_value("Min nye beskrivelse")
    second.get_by_role("button", name="Lagre tiltaket").click()
    expect(second.get_by_text("Min nye beskrivelse")).to_be_visible()
    for context in contexts:
        context.close()
