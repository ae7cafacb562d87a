"""PDFs are bounded in time: a document that takes too long is stopped, its render process
is gone, and the user gets a page that says so; the PDFs themselves are unchanged."""

import multiprocessing
from http.server import BaseHTTPRequestHandler, HTTPServer
from io import BytesIO
from threading import Thread

import pytest
from django.test import override_settings
from django.urls import reverse
from pypdf import PdfReader

from lokomp.core.pdf import DocumentTooSlow, html_to_pdf

pytestmark = pytest.mark.django_db

PLAN_PDF = ("plans:plan_pdf", ["sor-troms-evenes", "2025-2026"])


@pytest.fixture(autouse=True)
def no_kept_documents():
    """Each test renders for itself: documents kept from earlier tests would answer at once."""
    from lokomp.core import pdf

    pdf._cache.clear()


def _text(pdf: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


class _Counting(BaseHTTPRequestHandler):
    asked: list[str] = []

    def do_GET(self):
        self.asked.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_a_pdf_is_made_in_a_process_of_its_own_and_fetches_nothing():
    server = HTTPServer(("127.0.0.1", 0), _Counting)
    Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_port}"
    try:
        pdf = html_to_pdf(
            f'<link rel="stylesheet" href="{address}/stil.css"><h1>Tiltaksplan</h1>'
            f'<img src="{address}/spor.png" alt="">',
            base_url=address,
        )
    finally:
        server.shutdown()
    assert "Tiltaksplan" in _text(pdf)
    assert _Counting.asked == [], "nothing is fetched while printing"
    assert not multiprocessing.active_children()


def test_a_document_that_takes_too_long_is_stopped():
    long_table = "<table>" + "<tr><td>celle</td></tr>" * 20_000 + "</table>"
    with pytest.raises(DocumentTooSlow):
        html_to_pdf(long_table, base_url=".", seconds=0.5)
    assert not multiprocessing.active_children(), "the render process is stopped"


def test_the_user_is_told_and_can_try_again(as_user):
    client = as_user("koordinator")
    url = reverse(PLAN_PDF[0], args=PLAN_PDF[1])
    with override_settings(EXPORT_SECONDS=0):
        page = client.get(url)
    assert page.status_code == 503 and page["Retry-After"] == "60"
    assert "Dokumentet tok for lang tid" in page.content.decode()
    again = client.get(url)
    assert again.status_code == 200 and again["Content-Type"] == "application/pdf"


def test_the_same_page_printed_again_is_not_rendered_again():
    first = html_to_pdf("<h1>Versjon 1</h1>", base_url=".")
    # Kept: no render process is needed, so no time is needed either.
    assert html_to_pdf("<h1>Versjon 1</h1>", base_url=".", seconds=0) == first
    with pytest.raises(DocumentTooSlow):
        html_to_pdf("<h1>Versjon 2</h1>", base_url=".", seconds=0)


def test_a_county_download_is_bounded_as_a_whole(as_user):
    client = as_user("statsforvalter")
    with override_settings(EXPORT_ZIP_SECONDS=0):
        page = client.get(reverse("needs:county_zip", args=["55", 2023]))
    assert page.status_code == 503
