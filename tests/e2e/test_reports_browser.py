"""From a participant's answer on a phone to the numbers in the progress report: the
coordinator opens the evaluation of the August session, five people answer without
logging in, and the report the coordinator makes shows their averages (hidden until the
fifth). The report pages are axe-clean and fit a phone."""

from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from .test_allocation_browser import _clean, _page

pytestmark = [pytest.mark.e2e]


def _answer(browser, link: str, points: str) -> None:
    phone = browser.new_context(viewport={"width": 390, "height": 844}, locale="nb-NO").new_page()
    phone.goto(link)
    for group in phone.locator("fieldset").all()[:4]:
        group.locator(f"input[type=radio][value='{points}']").check()
    phone.get_by_role("button", name="Send svaret").click()
    expect(phone.get_by_test_id("answered")).to_contain_text("Svaret ditt er lagret")
    phone.context.close()


def test_from_an_answer_on_a_phone_to_the_progress_report(browser, live_url):
    coordinator = _page(browser, live_url, "koordinator", "nb")
    coordinator.goto(f"{live_url}/partnerskap/sor-troms-evenes/plan/2026-2027/")
    coordinator.get_by_role("link", name="Tiltak 2", exact=True).click()
    coordinator.get_by_role("link", name="Dialogsamling august 2026").first.click()
    coordinator.get_by_role("link", name="Evaluering av aktiviteten").click()
    coordinator.get_by_role("button", name="Åpne evalueringen").click()
    link = coordinator.get_by_test_id("evaluation-link").inner_text().strip()
    # The session was in August: the coordinator opens it for answers from today.
    coordinator.get_by_text("Endre når evalueringen er åpen").click()
    today = date.today()
    coordinator.get_by_label("Åpen fra").fill(today.isoformat())
    coordinator.get_by_label("Åpen til og med").fill((today + timedelta(days=14)).isoformat())
    coordinator.get_by_role("button", name="Lagre datoene").click()

    for points in "45454":
        _answer(browser, link, points)

    coordinator.goto(f"{live_url}/partnerskap/sor-troms-evenes/")
    coordinator.get_by_role("link", name="Fremdriftsrapporter").click()
    coordinator.get_by_label("Perioden fra").fill("2026-01-01")
    coordinator.get_by_label("Til og med").fill("2026-12-31")
    coordinator.get_by_role("button", name="Lag rapporten").click()
    expect(coordinator.get_by_text("Rapporten er laget.")).to_be_visible()
    session = coordinator.locator("section.measure-part").filter(
        has_text="Dialogsamling august 2026"
    )
    row = session.locator("tr").filter(has_text="Dialogsamling august 2026")
    expect(row.locator("td").last).to_have_text("5")
    # Four statements, each answered 4, 5, 4, 5, 4 by the five phones: 4,4 on average.
    averages = session.locator("[data-testid^='averages-']")
    expect(averages.locator("tbody tr")).to_have_count(4)
    for cell in averages.locator("tbody tr td:last-child").all():
        expect(cell).to_have_text("4,4")
    _clean(coordinator)

    session.get_by_label("Vurdering").fill("Fem svarte på telefonen i salen.")
    coordinator.get_by_role("button", name="Lagre tekstene").click()
    expect(coordinator.get_by_text("Teksten er lagret.")).to_be_visible()
    report_url = coordinator.url
    coordinator.context.close()

    # The county reads it on a phone, in nynorsk.
    county = _page(browser, live_url, "statsforvalter", "nn", width=390)
    county.goto(report_url)
    expect(county.get_by_text("Fem svarte på telefonen i salen.")).to_be_visible()
    _clean(county)
    assert county.evaluate("document.documentElement.scrollWidth") <= 390
    county.goto(f"{live_url}/fylke/55/rapporter/?aar=2026")
    expect(county.get_by_test_id("county-reports")).to_contain_text("Sør-Troms og Evenes")
    _clean(county)
    assert county.evaluate("document.documentElement.scrollWidth") <= 390
    county.context.close()


@pytest.mark.parametrize(
    "who, path",
    [
        ("koordinator", "/partnerskap/sor-troms-evenes/rapporter/"),
        ("koordinator", "/partnerskap/sor-troms-evenes/utgifter/?aar=2025"),
        ("direktorat", "/nasjonalt/?aar=2025"),
    ],
)
def test_report_pages_fit_a_phone(browser, live_url, who, path):
    phone = _page(browser, live_url, who, "nb", width=390)
    phone.goto(live_url + path)
    assert phone.title() != "Fant ikke siden – Lokomp"
    _clean(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.context.close()
