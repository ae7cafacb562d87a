"""PDFs from HTML with WeasyPrint, bounded in time.

Each PDF is rendered in a process of its own, forked from a small server process that has
WeasyPrint loaded (multiprocessing's forkserver), so a document that takes too long is
stopped and the web worker is free again: one slow download cannot hold up everyone. The
renderer fetches nothing from the network; every page Lokomp prints carries its own styles.

This module imports no Django at the top: the render processes load it without settings.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import threading
import time
from collections import OrderedDict
from multiprocessing.connection import Connection

_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(["lokomp.core.pdf_warm", "lokomp.core.pdf"])


class DocumentTooSlow(Exception):
    """A PDF was not done within the time allowed."""


# The same page gives the same PDF: a submitted version is printed again and again (by the
# county, the forum, the partnership), so the last documents are kept, within a budget.
CACHE_BYTES = 64 * 1024 * 1024
_cache: OrderedDict[str, bytes] = OrderedDict()
_cache_lock = threading.Lock()


def _cached(key: str) -> bytes | None:
    with _cache_lock:
        pdf = _cache.get(key)
        if pdf is not None:
            _cache.move_to_end(key)
        return pdf


def _keep(key: str, pdf: bytes) -> None:
    with _cache_lock:
        _cache[key] = pdf
        while sum(len(v) for v in _cache.values()) > CACHE_BYTES and len(_cache) > 1:
            _cache.popitem(last=False)


def html_to_pdf(html: str, *, base_url: str, seconds: float | None = None) -> bytes:
    """The PDF of the page; DocumentTooSlow when it takes more than `seconds` (the
    LOKOMP_EXPORT_SECONDS setting unless given)."""
    key = hashlib.sha256(f"{base_url}\n{html}".encode()).hexdigest()
    pdf = _cached(key)
    if pdf is not None:
        return pdf
    if seconds is None:
        from django.conf import settings

        seconds = settings.EXPORT_SECONDS
    receiver, sender = _context.Pipe(duplex=False)
    worker = _context.Process(target=_render, args=(html, base_url, sender), daemon=True)
    worker.start()
    sender.close()
    try:
        if not receiver.poll(max(seconds, 0)):
            raise DocumentTooSlow
        outcome, payload = receiver.recv()
    except EOFError:
        outcome, payload = "error", "the render process ended without a document"
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join()
    if outcome != "pdf":
        raise RuntimeError(payload)
    _keep(key, payload)
    return payload


def deadline_seconds(deadline: float) -> float:
    """Seconds left until a monotonic deadline, for several documents in one download."""
    return max(deadline - time.monotonic(), 0)


def _render(html: str, base_url: str, sender: Connection) -> None:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    try:
        # Only data: URLs; nothing from the network or the file system.
        fetcher = URLFetcher(allowed_protocols=["data"])
        pdf = HTML(string=html, base_url=base_url, url_fetcher=fetcher).write_pdf()
        sender.send(("pdf", pdf))
    except Exception as error:  # noqa: BLE001 — reported to the parent, raised there
        sender.send(("error", repr(error)))
    finally:
        sender.close()
