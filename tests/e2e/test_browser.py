"""A coordinator's week, in a real browser, and universal design checked with axe-core."""

import re
import sqlite3
from contextlib import closing

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from .conftest import ARTIFACTS, login

pytestmark = [pytest.mark.e2e]


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
    # The registry's groups are folded away until the coordinator asks for them.
    expect(page.get_by_label("Ledere", exact=True)).to_be_hidden()
    page.get_by_text("Velg i registeret (for å telle deltakerne)").click()
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
        ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/planleggingsdager/"),
        ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/importer/"),
        ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/kalender/?visning=timeline"),
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


def _id(database, sql: str) -> int:
    with closing(sqlite3.connect(f"file:{database}?mode=ro", uri=True)) as db:
        return db.execute(sql).fetchone()[0]


def _by_id(path: str, sql: str):
    return lambda database: path.format(_id(database, sql))


# Each kind of shared object: who edits it in the two browsers, its edit page, the field
# each of them changes, and the save button.
STALE_KINDS = {
    "measure": (
        ("koordinator", "koordinator"),
        lambda db: "/partnerskap/sor-troms-evenes/plan/2025-2026/tiltak/5/endre/",
        ("title", "how"),
        "Lagre tiltaket",
    ),
    "activity": (
        ("koordinator", "koordinator"),
        _by_id(
            "/partnerskap/sor-troms-evenes/aktiviteter/{}/endre/",
            "SELECT a.id FROM plans_activity a JOIN plans_measure m ON a.measure_id = m.id "
            "JOIN plans_actionplan p ON m.plan_id = p.id "
            "JOIN partnerships_partnership s ON p.partnership_id = s.id "
            "WHERE s.slug = 'sor-troms-evenes' ORDER BY a.id LIMIT 1",
        ),
        ("title", "location"),
        "Lagre aktiviteten",
    ),
    "plan and goals": (
        ("koordinator", "koordinator"),
        lambda db: "/partnerskap/sor-troms-evenes/plan/2025-2026/endre/",
        ("title", "caveat"),
        "Lagre",
    ),
    "partnership": (
        ("koordinator", "statsforvalter"),
        lambda db: "/partnerskap/sor-troms-evenes/endre/",
        ("name", "description"),
        "Lagre",
    ),
    "unit": (
        ("statsforvalter", "eier.harstad"),
        _by_id(
            "/registeret/enheter/{}/endre/",
            "SELECT id FROM registry_unit WHERE name = 'Kanebogen skole'",
        ),
        ("name", "staff_count"),
        "Lagre",
    ),
    "owner": (
        ("statsforvalter", "eier.harstad"),
        _by_id(
            "/registeret/eiere/{}/endre/",
            "SELECT id FROM registry_owner WHERE name = 'Harstad kommune'",
        ),
        ("name", "org_number"),
        "Lagre",
    ),
    "institution": (
        ("statsforvalter", "statsforvalter"),
        _by_id(
            "/registeret/institusjoner/{}/endre/",
            "SELECT id FROM registry_institution WHERE short_name = 'UiT'",
        ),
        ("name", "short_name"),
        "Lagre",
    ),
}


# What the second person types where the field takes a number or a code.
SECOND_VALUES = {"staff_count": "77", "org_number": "998877660", "short_name": "UiT-ny"}


@pytest.mark.parametrize("kind", list(STALE_KINDS))
def test_two_browsers_edit_the_same_thing(browser, live_url, live_database, kind):
    """Two people in two browsers: the second is told who saved what, sees both, keeps
    what they typed, and decides by saving again."""
    (first_user, second_user), path, (first_field, second_field), save = STALE_KINDS[kind]
    contexts = [browser.new_context(locale="nb-NO") for _ in range(2)]
    first, second = (context.new_page() for context in contexts)
    edit = live_url + path(live_database)
    for page, user in ((first, first_user), (second, second_user)):
        login(page, live_url, user)
        page.goto(edit)
    first_value = f"Endret først: {kind}"
    second_value = SECOND_VALUES.get(second_field, f"Skrevet etterpå: {kind}")
    first.locator(f"[name={first_field}]").fill(first_value)
    first.get_by_role("button", name=save, exact=True).click()
    expect(first.get_by_test_id("stale")).to_have_count(0)
    expect(first.locator(f"[name={first_field}]")).to_have_count(0)  # left the form

    second.locator(f"[name={second_field}]").fill(second_value)
    second.get_by_role("button", name=save, exact=True).click()
    stale = second.get_by_test_id("stale")
    expect(stale).to_be_visible()
    expect(stale).to_contain_text(first_value)
    expect(second.locator(f"[name={second_field}]")).to_have_value(second_value)
    second.get_by_role("button", name=save, exact=True).click()
    expect(second.get_by_test_id("stale")).to_have_count(0)
    second.goto(edit)
    expect(second.locator(f"[name={second_field}]")).to_have_value(second_value)
    for context in contexts:
        context.close()


def test_a_word_plan_goes_in_and_comes_out_on_the_calendar_and_in_word(page, live_url):
    """From last year's Word table to this year's calendar and Word file."""
    from io import BytesIO

    from docx import Document

    from tests.plans.test_import import SEED_004, docx_file

    login(page, live_url, "koordinator")
    page.goto(live_url + "/partnerskap/sor-troms-evenes/plan/2026-2027/")
    page.get_by_role("link", name="Importer fra Word eller Excel").click()
    page.get_by_label("Word- eller Excel-fil").set_input_files(
        files=[
            {
                "name": "plan-2025.docx",
                "mimeType": "application/octet-stream",
                "buffer": docx_file(SEED_004).read(),
            }
        ]
    )
    page.get_by_role("button", name="Les tabellen").click()
    rows = page.get_by_test_id("import-row")
    expect(rows).to_have_count(3)
    expect(page.get_by_test_id("import-when").nth(2)).to_have_text(
        "15.–16. oktober 2026 (lunsj–lunsj)"
    )
    assert _serious(Axe().run(page)) == []
    page.get_by_role("button", name="Bekreft og legg inn tiltakene").click()
    expect(page.get_by_text("3 tiltak er lagt inn i planen.")).to_be_visible()
    expect(page.get_by_role("cell", name="Nettverkssamling i Kirkenes")).to_be_visible()

    page.goto(
        live_url
        + "/partnerskap/sor-troms-evenes/plan/2026-2027/kalender/?visning=month&periode=2026-10"
    )
    expect(
        page.get_by_test_id("month-grid").get_by_text("Nettverkssamling i Kirkenes")
    ).to_have_count(2)

    page.goto(live_url + "/partnerskap/sor-troms-evenes/plan/2026-2027/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Last ned Word").click()
    document = Document(BytesIO(open(download_info.value.path(), "rb").read()))
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "Nettverkssamling i Kirkenes" in cells
    assert round(document.sections[0].page_width.cm, 1) == 29.7


def test_the_unit_picker_is_searched_and_grouped(page, live_url):
    login(page, live_url, "koordinator")
    page.goto(live_url + "/partnerskap/sor-troms-evenes/plan/2025-2026/tiltak/ny/")
    page.get_by_text("Velg i registeret (for å telle deltakerne)").click()
    picker = page.get_by_test_id("unit-picker")
    expect(picker.get_by_text("Harstad – Skole")).to_be_visible()
    page.get_by_label("Søk etter enhet").fill("kanebogen")
    school = picker.get_by_label("Kanebogen skole", exact=True)
    expect(school).to_be_visible()
    # The demo's three units of that name: the school, its SFO and the kindergarten.
    expect(picker.locator("[data-unit-choice]:visible")).to_have_count(3)
    expect(picker.get_by_text("3 av", exact=False)).to_be_visible()
    expect(picker.get_by_text("Harstad – Skole")).to_be_visible()
    school.check()
    assert _serious(Axe().run(page)) == []


NARROW_PAGES = [
    ("koordinator", "/"),
    ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/"),
    ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/kalender/"),
    (
        "koordinator",
        "/partnerskap/sor-troms-evenes/plan/2025-2026/kalender/?visning=month&periode=2025-10",
    ),
    (
        "koordinator",
        "/partnerskap/sor-troms-evenes/plan/2025-2026/kalender/?visning=week&periode=2025-u44",
    ),
    ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/kalender/?visning=timeline"),
    ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/tiltak/ny/"),
    ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/planleggingsdager/"),
    ("koordinator", "/partnerskap/sor-troms-evenes/plan/2025-2026/importer/"),
    ("rektor", "/registeret/enheter/"),
]


@pytest.mark.parametrize(("who", "path"), NARROW_PAGES)
def test_no_page_is_wider_than_a_phone(browser, live_url, who, path):
    """390 px wide (a phone, or a 780 px window at 200 % zoom): the page never scrolls
    sideways, and the plan table reads as one card per measure."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nb-NO")
    page = context.new_page()
    login(page, live_url, who)
    page.goto(live_url + path)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, (path, width)
    if "/plan/2025-2026/" in path and path.endswith("2025-2026/"):
        table = page.locator(".plan-table")
        assert table.evaluate("t => t.scrollWidth <= t.clientWidth + 1")
        row = page.get_by_test_id("measure-row").first
        assert row.evaluate("r => getComputedStyle(r).display") == "block"  # a card
    context.close()


def test_the_plan_table_shows_every_column_at_1366(browser, live_url):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="nb-NO")
    page = context.new_page()
    login(page, live_url, "koordinator")
    page.goto(live_url + "/partnerskap/sor-troms-evenes/plan/2025-2026/")
    right = page.locator(".plan-table th").nth(5).evaluate("th => th.getBoundingClientRect().right")
    assert right <= 1366
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    context.close()
