"""Quick evaluations in a real browser: a coordinator opens one, a participant answers on
a phone without logging in, and the results pages are axe-clean and fit a phone."""

import pytest
from playwright.sync_api import expect

from .test_allocation_browser import _clean, _page

pytestmark = [pytest.mark.e2e]


def test_a_participant_answers_an_evaluation_on_a_phone(browser, live_url):
    coordinator = _page(browser, live_url, "koordinator", "nb")
    coordinator.goto(f"{live_url}/partnerskap/sor-troms-evenes/plan/2026-2027/")
    coordinator.get_by_role("link", name="Tiltak 1", exact=True).click()
    coordinator.get_by_role("link", name="Spørretime for nyansatte").first.click()
    coordinator.get_by_role("link", name="Evaluering av aktiviteten").click()
    coordinator.get_by_role("button", name="Åpne evalueringen").click()
    link = coordinator.get_by_test_id("evaluation-link").inner_text().strip()
    expect(coordinator.locator(".qr svg")).to_be_visible()
    _clean(coordinator)

    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="nb-NO").new_page()
    phone.goto(link)
    _clean(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    for group in phone.locator("fieldset").all()[:4]:
        group.locator("input[type=radio][value='4']").check()
    phone.locator("textarea").first.fill("Gode eksempler.")
    phone.get_by_role("button", name="Send svaret").click()
    expect(phone.get_by_test_id("answered")).to_contain_text("Svaret ditt er lagret")
    phone.goto(link)
    expect(phone.get_by_test_id("answered")).to_contain_text("Du har allerede svart")
    phone.context.close()

    coordinator.reload()
    expect(coordinator.get_by_test_id("responses")).to_contain_text("1 har svart.")
    coordinator.context.close()


def test_the_demo_results_are_axe_clean_on_a_phone_in_nynorsk(browser, live_url):
    phone = _page(browser, live_url, "rektor", "nn", width=390)
    phone.goto(f"{live_url}/partnerskap/sor-troms-evenes/plan/2025-2026/")
    phone.get_by_role("link", name="Tiltak 3", exact=True).click()
    phone.get_by_role("link", name="Dialogsamling dag 1").first.click()
    phone.get_by_role("link", name="Evaluering av aktiviteten").click()
    expect(phone.get_by_test_id("results")).to_be_visible()
    _clean(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/partnerskap/sor-troms-evenes/indikatorer/",
        "/partnerskap/sor-troms-evenes/foreldreressurser/",
        "/partnerskap/sor-troms-evenes/evalueringsskjema/",
        "/offentlig/sor-troms-evenes/",
    ],
)
def test_evaluation_pages_fit_a_phone(browser, live_url, path):
    phone = _page(browser, live_url, "koordinator", "nb", width=390)
    phone.goto(live_url + path)
    assert phone.title() != "Fant ikke siden – Lokomp"
    _clean(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.context.close()


def test_a_leader_registers_indicators_on_a_phone(browser, live_url, live_database):
    from .test_participation_browser import _unit_id

    unit = _unit_id(live_database)
    phone = _page(browser, live_url, "rektor", "nb", width=390)
    phone.goto(f"{live_url}/registeret/enheter/{unit}/indikatorer/")
    _clean(phone)
    phone.get_by_label("Uro i klasserommet").fill("mange")
    phone.get_by_role("button", name="Lagre").click()
    expect(phone.get_by_text("Skriv et tall, for eksempel 12 eller 4,5.")).to_be_visible()
    _clean(phone)
    phone.get_by_label("Uro i klasserommet").fill("25")
    phone.get_by_role("button", name="Lagre").click()
    expect(phone.get_by_text("Lagret.")).to_be_visible()
    expect(phone.get_by_label("Uro i klasserommet")).to_have_value("25")
    phone.goto(f"{live_url}/registeret/enheter/{unit}/foreldremoter/")
    _clean(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.context.close()
