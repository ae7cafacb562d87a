"""The year as people meet it on their start page: the coordinator's overdue progress report
is one tap from «Å gjøre», sent, and gone from the list; the unit leader sees each new
employee due, and everyone chooses how to hear of their duties. Axe-clean on a phone and at
1366 px, in bokmål and nynorsk."""

import pytest
from playwright.sync_api import expect

from .test_allocation_browser import _clean, _page

pytestmark = [pytest.mark.e2e]

WORDS = {
    "nb": {"send": "Send inn fremdriftsrapporten 01.01.2025", "late": "Fristen er ute"},
    "nn": {"send": "Send inn framdriftsrapporten 01.01.2025", "late": "Fristen er ute"},
}


@pytest.mark.parametrize(("language", "width"), [("nb", 390), ("nn", 1366)])
def test_a_duty_goes_from_the_start_page_to_done_and_off_the_list(
    browser, live_url, language, width
):
    words = WORDS[language]
    page = _page(browser, live_url, "koordinator", language, width=width)
    page.goto(live_url + "/")
    todo = page.get_by_test_id("todo")
    duty = todo.get_by_role("link", name=words["send"])
    expect(duty).to_be_visible()
    expect(todo.locator("li").filter(has_text=words["send"])).to_contain_text(words["late"])
    _clean(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    duty.click()
    page.get_by_role("button", name="Send rapporten").click()
    expect(page.get_by_test_id("submitted")).to_be_visible()
    page.goto(live_url + "/")
    expect(page.get_by_test_id("todo").get_by_role("link", name=words["send"])).to_have_count(0)
    page.context.close()


def test_the_unit_leader_sees_each_new_employee_due_on_a_phone(browser, live_url):
    page = _page(browser, live_url, "rektor", "nb", width=390)
    page.goto(live_url + "/")
    nora = page.get_by_test_id("todo").get_by_role("link", name="Nora Aas (Kanebogen skole)")
    expect(nora).to_be_visible()
    _clean(page)
    nora.click()
    expect(page.get_by_test_id("onboarding-table")).to_contain_text("Nora Aas")
    page.context.close()


def test_a_person_chooses_a_weekly_digest_on_a_phone_in_nynorsk(browser, live_url):
    page = _page(browser, live_url, "rektor", "nn", width=390)
    page.goto(live_url + "/")
    page.get_by_role("link", name="Vel korleis du får beskjed").click()
    _clean(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    choice = page.get_by_label("Nytilsette som skal fullføre introduksjonen")
    choice.select_option(label="Samla éin gong i veka")
    page.get_by_role("button", name="Lagre").click()
    expect(page.get_by_text("Vala er lagra.")).to_be_visible()
    expect(page.get_by_label("Nytilsette som skal fullføre introduksjonen")).to_have_value("weekly")
    page.context.close()
