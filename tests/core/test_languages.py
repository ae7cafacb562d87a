"""Bokmål and nynorsk: the catalogue is complete, every page of the permission matrix
reads in nynorsk, and the choice is remembered per user and per browser."""

import html
import re

import pytest
from django.urls import reverse
from django.utils import translation

from lokomp.accounts.models import User
from lokomp.allocation.forum import STANDARD_CRITERIA
from lokomp.evaluation.answering import STANDARD_QUESTIONS
from tests.catalogue import PLACEHOLDER, bokmal_fragments, entries
from tests.conftest import PERSONAS, client_for
from tests.test_permissions import MATRIX, _args


def test_the_catalogue_is_complete():
    catalogue = entries()
    assert len(catalogue) > 600
    assert [e["msgid"] for e in catalogue if not all(e["msgstr"])] == []
    assert [e["msgid"] for e in catalogue if e["fuzzy"]] == []


def test_every_translation_keeps_its_placeholders():
    for entry in entries():
        wanted = sorted(PLACEHOLDER.findall(entry["msgid"]))
        for text in entry["msgstr"]:
            assert sorted(PLACEHOLDER.findall(text)) == wanted, entry["msgid"]


DOCUMENTS = ("pdf", "docx", "xlsx", "zip", "feed")


def _pages():
    """Every page of the matrix, with a persona that may open it. Documents are read in
    test_dates_numbers_and_documents_follow_the_language and in the browser test."""
    for name, statuses in sorted(MATRIX.items()):
        persona = next((p for p, status in statuses.items() if status == 200), None)
        if persona is not None and not name.endswith(DOCUMENTS):
            yield name, persona


# Interface text that the demo's plans also use as their own wording (seed 001 writes
# "Utvalgte enheter" in a MÅLGRUPPE cell): what users wrote stays as written.
# The demo county's criteria are its own data, saved from the scheme's standard wording;
# the registry names the county governor as it calls itself ("Statsforvalteren i Troms og
# Finnmark"), and the demo round's invitation is written by that office.
with translation.override("nb"):
    WRITTEN_BY_USERS = (
        {"Utvalgte enheter", "Statsforvalteren i"}
        | {str(t) for _n, t, _k in STANDARD_CRITERIA}
        | {str(t) for t, _k in STANDARD_QUESTIONS}  # stored as the partnership's own form
    )
FRAGMENTS = {f for f in bokmal_fragments() if not any(f in w for w in WRITTEN_BY_USERS)}


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "persona"), list(_pages()))
def test_every_page_reads_in_nynorsk(name, persona):
    client = client_for(PERSONAS[persona])
    client.cookies["django_language"] = "nn"
    response = client.get(reverse(name, args=_args(name)))
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert '<html lang="nn"' in page or "<html" not in page  # or an htmx fragment
    text = re.sub(r"<[^>]+>", " ", page)
    text = re.sub(r"\s+", " ", text)
    left = sorted(f for f in FRAGMENTS if f in text)
    assert left == [], f"{name}: bokmål from the interface on a nynorsk page"


@pytest.mark.django_db
def test_the_choice_is_remembered_per_user_and_per_browser():
    browser = client_for(None)
    response = browser.post(reverse("core:language"), {"language": "nn", "next": "/"})
    assert response.status_code == 302 and response["Location"] == "/"
    assert "Publiserte tiltaksplanar" in browser.get("/").content.decode()  # the cookie
    phone = client_for("koordinator")
    phone.post(reverse("core:language"), {"language": "nn", "next": "https://evil.example/"})
    assert User.objects.get(username="koordinator").language == "nn"
    laptop = client_for(None)  # another device: signs in, and the choice follows
    laptop.post(reverse("accounts:login"), {"username": "koordinator", "password": "lokomp-demo"})
    assert "Oversyn" in laptop.get("/").content.decode()
    assert "Oversikt" in client_for("rektor").get("/").content.decode()  # others keep bokmål


@pytest.mark.django_db
def test_a_foreign_next_address_is_not_followed():
    response = client_for(None).post(
        reverse("core:language"), {"language": "nn", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("core:home")


@pytest.mark.django_db
def test_dates_numbers_and_documents_follow_the_language():
    client = client_for("statsforvalter")
    client.cookies["django_language"] = "nn"
    page = client.get(reverse("allocation:round", args=["55", 2026])).content.decode()
    assert "Frist for behovsmeldingar" in page and "1. februar 2026" in page
    assert "2\u00a0350\u00a0000" in page and "838\u00a0000 kr att" in page
    calendar = client.get(
        reverse("plans:calendar", args=["sor-troms-evenes", "2025-2026"]),
        {"visning": "month", "periode": "2025-10"},
    ).content.decode()
    assert "Oktober 2025" in calendar and "Veke" in calendar
    xlsx = client.get(reverse("plans:plan_xlsx", args=["sor-troms-evenes", "2025-2026"]))
    from io import BytesIO

    from openpyxl import load_workbook

    sheet = load_workbook(BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[1]][:3] == ["Tiltak", "Kva", "Korleis"]


@pytest.mark.django_db
def test_the_language_costs_no_query(django_assert_num_queries):
    """The choice is read from a cookie: a bare view stays without a query, signed in or not."""
    client = client_for("koordinator")
    client.cookies["django_language"] = "nn"
    with django_assert_num_queries(0):
        assert client.get(reverse("core:health")).status_code == 200
