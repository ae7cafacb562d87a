"""Loaded once by the PDF server process (core.pdf): WeasyPrint, with its fonts already
found and read by one small document, so each render process forked from it starts warm."""

from weasyprint import HTML
from weasyprint.urls import URLFetcher

HTML(
    string="<p>Lokomp æøå <b>Lokomp</b> <i>Lokomp</i></p>",
    url_fetcher=URLFetcher(allowed_protocols=["data"]),
).write_pdf()
