"""A mapping survey in a real browser: the coordinator opens a new wave, a member of staff
answers on a phone without logging in and is given a code to keep, and the results are
axe-clean and fit a phone in nynorsk."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from .test_allocation_browser import _clean, _page

pytestmark = [pytest.mark.e2e]


def test_a_new_wave_is_answered_on_a_phone_and_the_code_is_given(browser, live_url):
    coordinator = _page(browser, live_url, "koordinator", "nb")
    coordinator.goto(f"{live_url}/partnerskap/sor-troms-evenes/kartlegging/")
    coordinator.get_by_role("link", name="Kompetansekartlegging").click()
    coordinator.get_by_text("Åpne en ny runde").click()
    coordinator.get_by_label("Navn").fill("Høst 2026 (prøve)")
    coordinator.get_by_label("Åpen fra").fill(date.today().isoformat())
    coordinator.get_by_label("Åpen til og med").fill(
        (date.today() + timedelta(days=30)).isoformat()
    )
    coordinator.get_by_role("button", name="Åpne runden").click()
    expect(coordinator.get_by_text("er åpnet")).to_be_visible()
    link = coordinator.get_by_test_id("survey-link").last.inner_text().strip()
    _clean(coordinator)
    coordinator.context.close()

    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="nb-NO").new_page()
    phone.goto(link)
    _clean(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.get_by_role("button", name="Send svarene").click()
    expect(phone.get_by_text("Velg enheten du arbeider i.")).to_be_visible()
    phone.get_by_label("Enheten du arbeider i").select_option(label="Kanebogen skole")
    for group in phone.locator("fieldset").all():
        if group.locator("input[type=radio][value='4']").count():
            group.locator("input[type=radio][value='4']").check()
    phone.get_by_role("button", name="Send svarene").click()
    expect(phone.get_by_test_id("answered")).to_contain_text("Svarene dine er lagret")
    expect(phone.get_by_test_id("pseudonym")).to_have_text(
        re.compile(r"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]$")
    )
    _clean(phone)
    phone.goto(link)
    expect(phone.get_by_test_id("answered")).to_contain_text("Du har allerede svart")
    phone.context.close()


def test_the_results_are_axe_clean_on_a_phone_in_nynorsk(browser, live_url):
    phone = _page(browser, live_url, "statsforvalter", "nn", width=390)
    phone.goto(f"{live_url}/partnerskap/sor-troms-evenes/kartlegging/")
    phone.get_by_role("link", name="Kompetansekartlegging").click()
    expect(phone.get_by_test_id("theme-1")).to_contain_text("Region Sør-Troms og Evenes")
    _clean(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.context.close()


@pytest.mark.parametrize(
    "path",
    ["/partnerskap/sor-troms-evenes/kartlegging/", "/partnerskap/sor-troms-evenes/kartlegging/ny/"],
)
def test_survey_pages_fit_a_phone(browser, live_url, path):
    phone = _page(browser, live_url, "koordinator", "nb", width=390)
    phone.goto(live_url + path)
    assert phone.title() != "Fant ikke siden – Lokomp"
    _clean(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.context.close()
