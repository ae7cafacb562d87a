"""Staff lists and attendance in a real browser: a unit leader imports a staff list and
records who took part; the pages are axe-clean and no wider than a phone."""

import sqlite3
from contextlib import closing

import pytest
from playwright.sync_api import expect

from .test_allocation_browser import _clean, _page

pytestmark = [pytest.mark.e2e, pytest.mark.xdist_group("browser")]


def _unit_id(live_database) -> int:
    with closing(sqlite3.connect(f"file:{live_database}?mode=ro", uri=True)) as db:
        return db.execute("select id from registry_unit where name = 'Kanebogen skole'").fetchone()[
            0
        ]


def test_a_leader_imports_the_staff_list_and_records_attendance(
    browser, live_url, live_database, tmp_path
):
    unit = _unit_id(live_database)
    page = _page(browser, live_url, "rektor", "nb")
    page.goto(f"{live_url}/registeret/enheter/{unit}/ansatte/importer/")
    _clean(page)
    file = tmp_path / "ansatte.csv"
    rows = [
        "Navn;Stilling;Startdato",
        "Siv Karlsen;Spesialpedagog;01.08.2012",
        "Åse Ødegård;Lærer;02.11.2026",
    ]
    file.write_bytes("\n".join(rows).encode("cp1252"))
    page.get_by_label("Fil (CSV eller Excel)").set_input_files(str(file))
    page.get_by_role("button", name="Les filen").click()
    expect(page.get_by_test_id("import-new")).to_contain_text("Åse Ødegård")
    expect(page.get_by_test_id("import-changed")).to_contain_text("Siv Karlsen")
    _clean(page)
    page.get_by_role("button", name="Bekreft og oppdater ansattlisten").click()
    expect(page.get_by_text("Ansattlisten er oppdatert")).to_be_visible()
    expect(page.get_by_test_id("staff")).to_contain_text("Åse Ødegård")
    _clean(page)

    page.goto(f"{live_url}/registeret/enheter/{unit}/oppmote/")
    _clean(page)
    page.get_by_role("link", name="Dialogsamling dag 1", exact=True).click()
    page.get_by_label("Siv Karlsen (Spesialpedagog)").check()
    _clean(page)
    page.get_by_role("button", name="Lagre oppmøtet").click()
    expect(page.get_by_text("Oppmøtet er lagret.")).to_be_visible()
    page.context.close()


def _activity_id(live_database) -> int:
    with closing(sqlite3.connect(f"file:{live_database}?mode=ro", uri=True)) as db:
        return db.execute(
            "select id from plans_activity where title = 'Dialogsamling dag 1' order by id"
        ).fetchone()[0]


@pytest.mark.parametrize(
    "path", ["ansatte/", "ansatte/ny/", "ansatte/importer/", "oppmote/", "pamelding/{activity}/"]
)
def test_staff_pages_fit_a_phone(browser, live_url, live_database, path):
    unit = _unit_id(live_database)
    path = path.format(activity=_activity_id(live_database))
    phone = _page(browser, live_url, "rektor", "nb", width=390)
    phone.goto(f"{live_url}/registeret/enheter/{unit}/{path}")
    assert phone.title() != "Fant ikke siden – Lokomp"
    _clean(phone)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, (path, width)
    phone.context.close()


def test_my_activities_is_axe_clean_on_a_phone(browser, live_url):
    phone = _page(browser, live_url, "ansatt", "nn", width=390)
    phone.goto(f"{live_url}/mine-aktiviteter/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Aktivitetane mine")
    _clean(phone)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.context.close()
