"""Browser tests: Lokomp served by a real server process with the demo data, driven
through Debian's Chromium by Playwright. The server runs on its own SQLite file, so the
browser sees exactly what `make run` gives a new user, on the suite's clock, and every
journey starts from the demo as it was written."""

import os
import re
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from ..conftest import DEMO_WRITTEN, SUITE_NOW
from .clocked import move_server_clock

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# E2E_DATABASE_URL (a PostgreSQL server, e.g. postgres://postgres@127.0.0.1:5432) serves the
# browser tests from a database of their own on that server instead (.ci/run does it for the
# journeys that do not read ids from the SQLite file).
SERVER = os.environ.get("E2E_DATABASE_URL", "").rstrip("/")


class LiveServer:
    """The browser tests' server: Lokomp with the demo data on a database of its own, on the
    suite's clock (tests/e2e/clocked.py). Every journey starts on a fresh copy of the demo
    at the suite's moment (`reset`), so no journey depends on what another did."""

    def __init__(self, folder: Path):
        self.database = folder / "e2e.sqlite3"
        self.clock = folder / "clock"
        self.log = folder / "server.log"
        self.name = f"lokomp_e2e_{os.getpid()}"
        self.env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        self.env.update(
            DEBUG="0", SQLITE_PATH=str(self.database), DJANGO_SETTINGS_MODULE="lokomp.settings"
        )
        if SERVER:
            self.env["DATABASE_URL"] = f"{SERVER}/{self.name}"
        self.url = ""
        self.process: subprocess.Popen | None = None

    def _manage(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "tests.e2e.clocked", str(self.clock), *args]

    def prepare(self) -> None:
        """The demo as `make run` writes it, written at the suite's demo moment, kept as the
        copy every journey starts from."""
        if SERVER:
            self._postgres(
                f'DROP DATABASE IF EXISTS "{self.name}"', f'CREATE DATABASE "{self.name}"'
            )
        self.clock.write_text(DEMO_WRITTEN.isoformat())
        subprocess.run(
            self._manage("migrate", "--noinput", "-v0"), env=self.env, check=True, cwd=ROOT
        )
        subprocess.run(
            self._manage("load_demo"), env=self.env, check=True, cwd=ROOT, stdout=subprocess.DEVNULL
        )
        self._copy(to_snapshot=True)

    @property
    def _snapshot(self) -> Path:
        return self.database.with_name("e2e-demo.sqlite3")

    def _copy(self, *, to_snapshot: bool) -> None:
        """The live database copied whole to the demo snapshot, or the snapshot back over
        the live database (SQLite's backup API; a template database on PostgreSQL)."""
        if SERVER:
            live, snapshot = self.name, f"{self.name}_demo"
            source, target = (live, snapshot) if to_snapshot else (snapshot, live)
            self._postgres(
                f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)',
                f'CREATE DATABASE "{target}" TEMPLATE "{source}"',
            )
        else:
            live, snapshot = self.database, self._snapshot
            source, target = (live, snapshot) if to_snapshot else (snapshot, live)
            with closing(sqlite3.connect(source)) as read:
                with closing(sqlite3.connect(target, timeout=20)) as written:
                    read.backup(written)

    def start(self) -> None:
        self.clock.write_text(SUITE_NOW.isoformat())
        port = _free_port()
        # The server's log goes to a file: a pipe nobody reads fills up and stops the server.
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                self._manage("runserver", f"127.0.0.1:{port}", "--noreload"),
                env=self.env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        self.url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "/helse/", timeout=1)
                return
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    self.process.kill()
                    raise RuntimeError(self.log.read_text()[-2000:]) from None
                time.sleep(0.2)

    def reset(self) -> None:
        """The demo as it was written, and the clock at the suite's moment."""
        if self.process is None or self.process.poll() is not None:
            raise RuntimeError(
                "The browser tests' server has stopped:\n" + self.log.read_text()[-2000:]
            )
        self._copy(to_snapshot=False)
        self.move_clock(SUITE_NOW)

    def move_clock(self, moment: datetime) -> None:
        move_server_clock(self.clock, moment)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
        if SERVER:
            self._postgres(
                f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)',
                f'DROP DATABASE IF EXISTS "{self.name}_demo"',
            )

    @staticmethod
    def _postgres(*statements: str) -> None:
        import psycopg

        with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as admin:
            for statement in statements:
                admin.execute(statement)


@pytest.fixture(scope="session")
def e2e_server(tmp_path_factory):
    server = LiveServer(tmp_path_factory.mktemp("e2e"))
    try:
        server.prepare()
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def fresh_demo(request, suite_now):
    """Each journey on its own copy of the demo, at the suite's moment in both processes."""
    if "e2e_server" in request.fixturenames or "live_url" in request.fixturenames:
        request.getfixturevalue("e2e_server").reset()
    yield


@pytest.fixture
def clock(e2e_server, suite_now):
    """Moves the clock of the test and of the server together: clock.move_to(moment)."""

    class Clock:
        def move_to(self, moment: datetime) -> None:
            suite_now.move_to(moment)
            e2e_server.move_clock(moment)

    return Clock()


@pytest.fixture
def live_url(e2e_server) -> str:
    return e2e_server.url


@pytest.fixture
def live_database(e2e_server) -> Path:
    """The SQLite file the browser tests' server runs on (to look up ids, never to write)."""
    return e2e_server.database


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(
            "Debian's chromium is missing: `make test` installs it (apt-get install chromium)."
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, request):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="nb-NO", accept_downloads=True
    )
    page = context.new_page()
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    name = re.sub(r"[^\w.-]+", "_", request.node.name).strip("_")
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


def login(page, live_url, username, password="lokomp-demo"):
    page.goto(live_url + "/konto/logg-inn/")
    page.get_by_label("Brukernavn").fill(username)
    page.get_by_label("Passord").fill(password)
    page.get_by_role("button", name="Logg inn").click()
    page.wait_for_url(live_url + "/")
