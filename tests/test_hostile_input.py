"""Input is hostile until parsed: out-of-range periods, huge numbers, NUL bytes, Word's
vertical tab, formulas and megabytes of text give a Norwegian answer and keep what was
typed, never a server error; documents hold up even with old stored values."""

import re
from io import BytesIO

import pytest
from django.db import transaction
from django.urls import reverse
from docx import Document
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from lokomp.core.forms import TEXT_MAX_LENGTH
from lokomp.needs.models import Answer, NeedsReport, ReportVersion
from lokomp.plans.models import ActionPlan, Measure

from .conftest import PERSONAS, client_for
from .forms import form_data, form_kinds
from .needs.conftest import question, section_index
from .test_permissions import MATRIX, PAGE, POST_MATRIX, WRITE, _args, _fill

pytestmark = pytest.mark.django_db

PLAN = ["sor-troms-evenes", "2025-2026"]


@pytest.mark.parametrize(
    "query",
    [
        {"visning": "month", "periode": "9999-12"},
        {"visning": "month", "periode": "0000-01"},
        {"visning": "semester", "periode": "host-9999"},
        {"visning": "month", "periode": "1" * 25 + "-01"},
        {"visning": "week", "periode": "2025-u99"},
        {"visning": "week", "periode": "2025-u53"},  # 2025 has 52 ISO weeks
        {"visning": "week", "periode": "abc"},
    ],
)
def test_out_of_range_periods_are_a_norwegian_404(query):
    public = client_for(None).get(reverse("plans:public", args=["sor-troms-evenes"]), query)
    signed_in = client_for("koordinator").get(reverse("plans:calendar", args=PLAN), query)
    for response in (public, signed_in):
        assert response.status_code == 404
        assert "Fant ikke siden" in response.content.decode()


def test_a_huge_municipality_filter_is_ignored():
    huge = "9" * 5000
    units = client_for("statsforvalter").get(reverse("registry:units"), {"kommune": huge})
    calendar = client_for(None).get(
        reverse("plans:public", args=["sor-troms-evenes"]), {"kommune": huge}
    )
    assert units.status_code == 200 and calendar.status_code == 200


def test_huge_numbers_in_budget_cells_are_explained_and_kept():
    report = NeedsReport.objects.get(template__year=2026, partnership__slug="sor-troms-evenes")
    client = client_for("koordinator")
    url = reverse("needs:section", args=[report.pk, section_index(report, "Budsjett")])
    data = form_data(client.get(url).content.decode())
    data["b-2026-owner-amount"] = "9" * 5000
    data["b-2026-owner-share_plan"] = "9" * 5000
    page = client.post(url, data)
    assert page.status_code == 200
    text = page.content.decode()
    assert "Beløpet er for stort." in text
    assert "Skriv andelen som et helt tall fra 0 til 100." in text
    assert "9" * 5000 in text  # what was typed is shown again


def test_a_nul_byte_and_a_vertical_tab_in_an_answer_are_cleaned():
    report = NeedsReport.objects.get(template__year=2026, partnership__slug="sor-troms-evenes")
    client = client_for("koordinator")
    q = question(report, "2")
    url = reverse("needs:section", args=[report.pk, section_index(report, "2")])
    data = form_data(client.get(url).content.decode())
    data[f"q{q.pk}"] = "Første linje\x0bandre linje\x00 slutt"
    assert client.post(url, data).status_code == 302
    assert Answer.objects.get(report=report, question=q).text == "Første linje\nandre linje slutt"


def test_a_time_far_out_is_kept_as_written_and_next_years_plan_is_made(as_user, sor_troms):
    client = as_user("koordinator")
    url = reverse("plans:measure_create", args=["sor-troms-evenes", "2026-2027"])
    data = form_data(client.get(url).content.decode(), choose_first=True)
    data.update({"title": "Frist langt fram", "when_text": "Innen 31.12.9999"})
    assert client.post(url, data).status_code == 302
    far = Measure.objects.get(title="Frist langt fram")
    assert far.when_text == "Innen 31.12.9999" and far.when_start is None
    # A value stored before the limit was set still carries over without an error.
    Measure.objects.filter(pk=far.pk).update(
        when_start="9999-12-31", when_end="9999-12-31", when_precision="day"
    )
    response = client.post(
        reverse("partnerships:plan_new", args=["sor-troms-evenes"]),
        {"school_year": "2027", "copy_from_previous": "on"},
    )
    assert response.status_code == 302
    carried = ActionPlan.objects.get(partnership=sor_troms, school_year=2027).measures.get(
        title="Frist langt fram"
    )
    assert carried.when_text == "Innen 31.12.9999" and carried.when_start is None


def test_control_characters_never_break_word_and_excel(as_user, plan_2025):
    """A vertical tab typed in a form becomes a line break; one stored before (or written
    straight to the database) is cleaned where the documents are written. (A stored NUL
    cannot exist on PostgreSQL, so the stored control character here is SOH.)"""
    client = as_user("koordinator")
    url = reverse("plans:measure_edit", args=[*PLAN, 3])
    data = form_data(client.get(url).content.decode())
    data["how"] = "Linje én\x0blinje to"
    assert client.post(url, data).status_code == 302
    assert plan_2025.measures.get(number=3).how == "Linje én\nlinje to"
    plan_2025.measures.filter(number=4).update(how="Gammel\x0btekst\x01", title="=1+2")
    docx = client.get(reverse("plans:plan_docx", args=PLAN))
    assert docx.status_code == 200
    words = "\n".join(
        c.text for t in Document(BytesIO(docx.content)).tables for r in t.rows for c in r.cells
    )
    assert "Gammel" in words and "\x0b" not in words
    xlsx = client.get(reverse("plans:plan_xlsx", args=PLAN))
    sheet = load_workbook(BytesIO(xlsx.content)).active
    title = next(c for c in sheet["B"] if c.value == "=1+2")
    assert title.data_type == "s"  # written as text, never run as a formula


def test_an_old_submitted_version_with_a_vertical_tab_still_prints(report_2023_version):
    version = report_2023_version
    snapshot = version.snapshot
    snapshot["sections"][0]["questions"][0]["shown"] = "Svar\x0bmed Shift+Enter\x01"
    ReportVersion.objects.filter(pk=version.pk).update(snapshot=snapshot)
    client = client_for("statsforvalter")
    for name in ("needs:docx", "needs:pdf"):
        response = client.get(reverse(name, args=[version.report_id, version.number]))
        assert response.status_code == 200


@pytest.fixture
def report_2023_version(db):
    return ReportVersion.objects.get(report__template__year=2023, number=1)


def test_a_megabyte_of_text_is_refused_with_the_text_kept(as_user):
    client = as_user("koordinator")
    url = reverse("plans:measure_edit", args=[*PLAN, 3])
    data = form_data(client.get(url).content.decode())
    data["how"] = "x" * 1_000_000
    response = client.post(url, data)
    assert response.status_code == 200
    text = response.content.decode()
    assert f"{TEXT_MAX_LENGTH}" in text.replace("\u00a0", "").replace(" ", "")
    assert "x" * 1_000_000 in text


HOSTILE = st.sampled_from(
    [
        "9" * 5000,
        "-1",
        "0",
        "10000",
        "9999-12",
        "host-9999",
        "\x00",
        "\x0b",
        "<script>",
        "%",
        "ä" * 300,
    ]
) | st.text(max_size=40)
KEYS = (
    "visning",
    "periode",
    "kommune",
    "ordning",
    "malgruppe",
    "enhetstype",
    "side",
    "aar",
    "type",
    "when_text",
    "school_year",
    "status",
    "sorter",
    "sok",
    "rolle",
    "vis",
    "code",
)


def _pages():
    for name, statuses in sorted(MATRIX.items()):
        persona = next((p for p, s in statuses.items() if s == 200), None)
        if persona and not name.endswith(("pdf", "docx", "xlsx", "zip", "feed")):
            yield name, persona


@pytest.mark.parametrize(("name", "persona"), list(_pages()))
@settings(
    max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=HOSTILE)
@example(value="\x00")  # PostgreSQL refuses a NUL byte in a query: tried on every page
def test_hostile_query_parameters_never_give_a_server_error(name, persona, value):
    client = client_for(PERSONAS[persona])
    client.raise_request_exception = False
    response = client.get(reverse(name, args=_args(name)), {key: value for key in KEYS})
    assert response.status_code < 500, (name, value[:40])


def _answer_to(error: Exception, request):
    from lokomp.core.views import server_error

    try:
        raise error
    except Exception:  # noqa: BLE001 — Django calls the handler while handling the error
        return server_error(request)


def test_the_server_error_page_is_lokomps_own_in_norwegian(rf):
    page = _answer_to(ValueError("a bug"), rf.get("/"))
    assert page.status_code == 500
    text = page.content.decode()
    assert "Noe gikk galt" in text and "Det du har lagret tidligere, er ikke tapt." in text


def test_a_lost_database_says_nothing_was_stored_and_gives_back_what_was_typed(rf):
    from django.db import OperationalError

    request = rf.post(
        "/behovsmelding/1/del/0/",
        {
            "q12": "Et langt svar om\nkompetanseheving",
            "q12-rev": "3",
            "csrfmiddlewaretoken": "t0k3n-t0k3n",
            "password": "hemmelig-passord",
        },
    )
    page = _answer_to(OperationalError("server closed the connection unexpectedly"), request)
    assert page.status_code == 503 and page["Retry-After"] == "30"
    text = page.content.decode()
    assert "Ingenting av det du sendte nå, ble lagret" in text
    assert "Et langt svar om\nkompetanseheving" in text
    assert "t0k3n" not in text and "hemmelig" not in text
    shown = _answer_to(OperationalError("could not connect"), rf.get("/"))
    assert shown.status_code == 503 and "Prøv igjen om et halvt minutt" in shown.content.decode()


def _form_pages():
    """Every form a persona may post, with that persona."""
    for name, statuses in sorted(POST_MATRIX.items()):
        persona = next((p for p, s in statuses.items() if s in (WRITE, PAGE)), None)
        if persona and MATRIX[name][persona] == 200:
            yield name, persona


HOSTILE_TEXT = st.sampled_from(
    [
        "9" * 5000,
        "\x00",
        "Linje\x0bto",
        '=HYPERLINK("x")',
        "<script>alert(1)</script>",
        "-1",
        "x" * 20_000,
        "31.12.9999",
        "ä" * 301,
    ]
) | st.text(max_size=60)


@pytest.mark.parametrize(("name", "persona"), list(_form_pages()))
@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=HOSTILE_TEXT)
def test_hostile_values_in_every_form_never_give_a_server_error(name, persona, value):
    client = client_for(PERSONAS[persona])
    client.raise_request_exception = False
    url = reverse(name, args=_args(name))
    data = form_data(client.get(url).content.decode())
    for key, current in list(data.items()):
        if isinstance(current, str) and not key.endswith(
            (
                "TOTAL_FORMS",
                "INITIAL_FORMS",
                "MIN_NUM_FORMS",
                "MAX_NUM_FORMS",
                "-rev",
                "-was",
                "seen",
            )
        ):
            data[key] = value
    with transaction.atomic():
        response = client.post(url, data)
        transaction.set_rollback(True)
    assert response.status_code < 500, (name, value[:40])


# The classes of value an outside probe posts into choices, dates and years, each also in a
# form someone else saved meanwhile (the page's fingerprint and revisions out of date).
BEYOND_64_BITS = str(2**63)
HOSTILE_CLASSES = {
    "non-numeric ids": {"choice": "abc", "date": "abc", "year": "abc"},
    "ids beyond 64 bits": {
        "choice": BEYOND_64_BITS,
        "date": "1" * 30,
        "year": "-" + BEYOND_64_BITS,
    },
    "out of range": {"choice": "-1", "date": "31.12.9999", "year": "9999"},
    "before the calendar": {"choice": "0", "date": "0001-01-01", "year": "0"},
}
CHOICES = ("select", "radio", "checkbox")
DATE_NAMES = re.compile(r"(date|dato|_on$|deadline|period_|window_|opens|closes|_at$)")
YEAR_NAMES = re.compile(r"(year|aar)$")
STALE = re.compile(r"(seen|-rev|-was)$")


def _hostile(data: dict, kinds: dict[str, str], values: dict[str, str], stale: bool) -> dict:
    posted = dict(data)
    for name in set(kinds) | set(data):
        kind = kinds.get(name, "hidden")
        if kind in CHOICES:
            posted[name] = (
                [values["choice"]] if isinstance(data.get(name), list) else values["choice"]
            )
        elif kind == "date" or DATE_NAMES.search(name):
            posted[name] = values["date"]
        elif YEAR_NAMES.search(name):
            posted[name] = values["year"]
        elif stale and STALE.search(name):
            posted[name] = "0" if name.endswith("-rev") else "noen-andre-lagret"
    return posted


@pytest.mark.parametrize("stale", [False, True], ids=["fresh", "stale"])
@pytest.mark.parametrize("kind", sorted(HOSTILE_CLASSES))
@pytest.mark.parametrize(("name", "persona"), list(_form_pages()))
def test_hostile_choices_dates_and_years_in_every_form(name, persona, kind, stale):
    """Every form in the permission matrix, posted as its allowed persona filled it in,
    with each class of hostile value in its choices, dates and years, fresh and stale:
    a Norwegian answer every time, never a server error."""
    client = client_for(PERSONAS[persona])
    client.raise_request_exception = False
    url = reverse(name, args=_args(name))
    html = client.get(url).content.decode()
    data = _fill(name, form_data(html, choose_first=True), persona)
    posted = _hostile(data, form_kinds(html), HOSTILE_CLASSES[kind], stale)
    with transaction.atomic():
        response = client.post(url, posted)
        transaction.set_rollback(True)
    assert response.status_code < 500, (name, kind, stale)
