"""The round in a real browser, in bokmål and nynorsk: a forum member scores a report,
Statsforvalteren writes and agrees the recommendation, corrects the decision and downloads
the decision letter; every page axe-clean and no wider than a phone."""

from io import BytesIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import login
from .test_browser import _serious

pytestmark = [pytest.mark.e2e]

WORDS = {
    "nb": {
        "save_score": "Lagre vurderingen",
        "score_saved": "Vurderingen er lagret.",
        "reopen": "Åpne innstillingen for endringer",
        "owner_2023": "Eier 2023 (kr)",
        "save": "Lagre innstillingen",
        "saved": "Innstillingen er lagret.",
        "meeting_date": "Møtedato",
        "agree": "Innstillingen er vedtatt i møtet",
        "correct": "Rett vedtaket",
        "owner_amount": "Eier 2023 (kr)",
        "new_decision": "Fatt nytt vedtak",
        "replaced": "Det nye vedtaket erstatter det gamle.",
        "letter": "Vedtaksbrev (PDF)",
        "letter_text": "Vedtak om tilskudd til Kompetanseløftet 2023",
        "average": "Snitt 4,0 av 5",
        "amount": "900 000",
    },
    "nn": {
        "save_score": "Lagre vurderinga",
        "score_saved": "Vurderinga er lagra.",
        "reopen": "Opne innstillinga for endringar",
        "owner_2023": "Eigar 2023 (kr)",
        "save": "Lagre innstillinga",
        "saved": "Innstillinga er lagra.",
        "meeting_date": "Møtedato",
        "agree": "Innstillinga er vedteken i møtet",
        "correct": "Rett vedtaket",
        "owner_amount": "Eigar 2023 (kr)",
        "new_decision": "Gjer nytt vedtak",
        "replaced": "Det nye vedtaket erstattar det gamle.",
        "letter": "Vedtaksbrev (PDF)",
        "letter_text": "Vedtak om tilskot til Kompetanseløftet 2023",
        "average": "Snitt 4,0 av 5",
        "amount": "880 000",
    },
}


def _page(browser, live_url, who, language, width=1280):
    context = browser.new_context(
        viewport={"width": width, "height": 900}, locale="nb-NO", accept_downloads=True
    )
    page = context.new_page()
    login(page, live_url, who)
    context.add_cookies([{"name": "django_language", "value": language, "url": live_url}])
    return page


def _clean(page):
    assert _serious(Axe().run(page)) == []


@pytest.mark.parametrize("language", ["nb", "nn"])
def test_from_scores_to_the_recommendation_to_the_decision_letter(browser, live_url, language):
    words = WORDS[language]

    member = _page(browser, live_url, "forum", language)
    member.goto(live_url + "/fylke/55/runde/2023/forum/")
    _clean(member)
    member.get_by_role("link", name="Region Sør-Troms og Evenes").click()
    for radio in member.locator("input[type=radio][value='4']").all():
        radio.check()
    member.get_by_role("button", name=words["save_score"]).click()
    expect(member.get_by_text(words["score_saved"])).to_be_visible()
    _clean(member)
    member.context.close()

    admin = _page(browser, live_url, "statsforvalter", language)
    admin.goto(live_url + "/fylke/55/runde/2023/mote/")
    admin.get_by_role("button", name=words["reopen"]).click()
    expect(admin.get_by_text(words["average"])).to_be_visible()
    admin.get_by_label(words["owner_2023"], exact=True).fill(words["amount"])
    admin.get_by_role("button", name=words["save"]).click()
    expect(admin.get_by_text(words["saved"])).to_be_visible()
    _clean(admin)
    admin.get_by_label(words["meeting_date"]).fill("2023-03-10")
    admin.get_by_role("button", name=words["agree"]).click()
    expect(admin.get_by_test_id("agreed")).to_be_visible()

    admin.goto(live_url + "/fylke/55/runde/2023/vedtak/")
    _clean(admin)
    admin.get_by_test_id("decisions").get_by_role("link").first.click()
    admin.get_by_role("link", name=words["correct"]).click()
    _clean(admin)
    admin.get_by_label(words["owner_amount"], exact=True).fill(words["amount"])
    admin.get_by_role("button", name=words["new_decision"]).click()
    expect(admin.get_by_text(words["replaced"])).to_be_visible()
    _clean(admin)
    with admin.expect_download() as download:
        admin.get_by_role("link", name=words["letter"]).click()
    pdf = download.value.path().read_bytes()
    text = " ".join(
        " ".join(p.extract_text().replace("\u00a0", " ").split())
        for p in PdfReader(BytesIO(pdf)).pages
    )
    assert words["letter_text"] in text and words["amount"] in text
    admin.context.close()


PAGES = [
    ("statsforvalter", "/fylke/55/runde/2026/"),
    ("statsforvalter", "/fylke/55/runde/2026/innstillinger/"),
    ("statsforvalter", "/fylke/55/kriterier/"),
    ("statsforvalter", "/fylke/55/samarbeidsforum/"),
    ("statsforvalter", "/fylke/55/runde/2023/tall/"),
    ("forum.harstad", "/fylke/55/runde/2023/vurdering/1/"),
    ("koordinator", "/vedtak/1/"),
]


@pytest.mark.parametrize(("who", "path"), PAGES)
def test_round_pages_are_axe_clean_and_fit_a_phone(browser, live_url, who, path):
    page = _page(browser, live_url, who, "nb")
    page.goto(live_url + path)
    assert page.title() != "Fant ikke siden – Lokomp"
    _clean(page)
    page.context.close()
    phone = _page(browser, live_url, who, "nb", width=390)
    phone.goto(live_url + path)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, (path, width)
    phone.context.close()
