"""Shared fixtures. The demo data (built from the seed documents) is loaded once per test
session; each test runs in a transaction that is rolled back, so tests see the same data.

Personas (STYLE.md): a county admin, a forum member, a coordinator of partnership A
(Sør-Troms og Evenes), a coordinator of partnership B (Øst-Finnmark), a unit leader, an
employee, the county admin of the county that takes Evenes' share, the contact of the owner
that receives the partnership's funds (Harstad kommune), and an anonymous visitor.
"""

import socket
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.conf import settings
from django.test import Client, override_settings

from lokomp.demo.builder import load_demo

PERSONAS = {
    "county_admin": "statsforvalter",
    "forum_member": "forum",
    "coordinator_a": "koordinator",
    "coordinator_b": "koordinator.ost",
    "unit_leader": "rektor",
    "employee": "ansatt",
    "share_county_admin": "nordland",
    "owner_contact": "eier.harstad",
    "anonymous": None,
}


# The suite runs at a fixed moment, so no result depends on the day it is run: a Monday
# in the 2026–27 school year, after the 2026 reports' deadline (1 February 2026). The
# suite's key paths also run in 2029 (tests/test_later_years.py).
SUITE_NOW = datetime(2026, 11, 23, 12, 0, tzinfo=ZoneInfo("Europe/Oslo"))
# The demo data is written earlier that morning, so every change a test makes is later.
DEMO_WRITTEN = datetime(2026, 11, 23, 8, 0, tzinfo=ZoneInfo("Europe/Oslo"))


@pytest.fixture(autouse=True)
def suite_now(request):
    # The browser tests' server follows the same clock (tests/e2e/clocked.py); a login
    # provider in another process keeps its own.
    if request.node.get_closest_marker("real_clock"):
        yield None
        return
    with time_machine.travel(SUITE_NOW, tick=True) as traveller:
        yield traveller


def pytest_configure(config):
    # Passwords in tests need no strength: the fast hasher saves seconds per user made.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


# Each persona's session, made once with the demo data: a test's client only carries the
# cookie, so the hundreds of matrix requests do not each log in again.
SESSIONS: dict[str, str] = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from django.contrib.sessions.backends.db import SessionStore

    from lokomp.accounts.models import User

    with django_db_blocker.unblock(), time_machine.travel(DEMO_WRITTEN, tick=True):
        load_demo()
        for username in filter(None, PERSONAS.values()):
            client = Client()
            client.force_login(User.objects.get(username=username))
            key = client.cookies[settings.SESSION_COOKIE_NAME].value
            session = SessionStore(session_key=key)
            session.set_expiry(datetime(2100, 1, 1, tzinfo=ZoneInfo("Europe/Oslo")))
            session.save()
            SESSIONS[username] = key


def client_for(username):
    """A test client signed in as the user (a persona's session, or a fresh login)."""
    from lokomp.accounts.models import User

    client = Client()
    if username in SESSIONS:
        client.cookies[settings.SESSION_COOKIE_NAME] = SESSIONS[username]
    elif username:
        client.force_login(User.objects.get(username=username))
    return client


@pytest.fixture
def as_user(db):
    """as_user("koordinator") → a logged-in test client."""
    return client_for


@pytest.fixture
def sor_troms(db):
    from lokomp.partnerships.models import Partnership

    return Partnership.objects.get(slug="sor-troms-evenes")


@pytest.fixture
def ost_finnmark(db):
    from lokomp.partnerships.models import Partnership

    return Partnership.objects.get(slug="ost-finnmark")


@pytest.fixture
def plan_2025(sor_troms):
    return sor_troms.plans.get(school_year=2025)


@pytest.fixture
def world(db):
    """A small world of its own for the test (tests/world.py)."""
    from .world import build_world

    return build_world()


# An SMTP server on the loopback address, with Django's SMTP backend pointed at it: e-mail
# is really sent, and read back as it arrived.
class _Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


@pytest.fixture
def smtp_server():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    inbox = _Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
        ):
            yield inbox
    finally:
        controller.stop()
