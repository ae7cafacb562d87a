"""The database going away in the middle of a submission (PostgreSQL, served by gunicorn as
in production). Every connection to the database is cut at the moment the version is
written, as a restart does: the user is told that nothing was stored, what was saved before
is all there, and the same button works once the database is back."""

import os
from html import escape

import httpx
import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from bench.load import serve
from lokomp.needs.models import NeedsReport, Question
from tests.conftest import SESSIONS
from tests.forms import form_data

from .conftest import question, section_index

pytestmark = [pytest.mark.django_db, pytest.mark.real_clock]

CONFIRMATION = (
    "Jeg bekrefter at behovsmeldingen er laget i partnerskap "
    "med eiere og UH-institusjoner som inngår i partnerskapet."
)
# Cuts every connection to this database, its own included, when a version is written.
RESTART = """
CREATE FUNCTION lokomp_restart() RETURNS trigger AS $$
BEGIN
  PERFORM pg_terminate_backend(pid) FROM pg_stat_activity
   WHERE datname = current_database() AND pid <> pg_backend_pid();
  PERFORM pg_terminate_backend(pg_backend_pid());
  PERFORM pg_sleep(5);
  RETURN NEW;
END $$ LANGUAGE plpgsql;
CREATE TRIGGER lokomp_restart BEFORE INSERT ON needs_reportversion
  FOR EACH ROW EXECUTE FUNCTION lokomp_restart();
CREATE TRIGGER lokomp_restart BEFORE INSERT OR UPDATE ON needs_answer
  FOR EACH ROW EXECUTE FUNCTION lokomp_restart();
"""
BACK = """
DROP TRIGGER lokomp_restart ON needs_reportversion;
DROP TRIGGER lokomp_restart ON needs_answer;
"""


def _signed_in(url: str, username: str) -> httpx.Client:
    """A browser carrying the persona's session (made with the demo, copied with it)."""
    client = httpx.Client(base_url=url, timeout=30)
    client.cookies.set(settings.SESSION_COOKIE_NAME, SESSIONS[username])
    return client


def _post_form(client: httpx.Client, url: str, **changes) -> httpx.Response:
    data = form_data(client.get(url).text)
    data.update(changes, csrfmiddlewaretoken=client.cookies["csrftoken"])
    return client.post(url, data=data)


@pytest.fixture
def copy_of_the_demo(db):
    """A database of its own, copied from this worker's test database with the demo. The
    test's own connection is closed first (a copy needs the original to itself); its
    transaction held nothing."""
    if connection.vendor != "postgresql":
        pytest.skip("a database server restarts; runs in the PostgreSQL pass")
    report = NeedsReport.objects.get(template__year=2026, partnership__slug="sor-troms-evenes")
    topic = Question.objects.filter(section__template=report.template, kind="text").first()
    ids = {
        "report": report.pk,
        "question": question(report, CONFIRMATION).pk,
        "page": reverse("needs:report", args=[report.pk]),
        "section": reverse("needs:section", args=[report.pk, section_index(report, CONFIRMATION)]),
        "submit": reverse("needs:submit", args=[report.pk]),
        "topic": topic.pk,
        "topic_section": reverse(
            "needs:section", args=[report.pk, section_index(report, topic.number or topic.text)]
        ),
        "allow_late": reverse("needs:allow_late", args=[report.pk]),
    }
    database = connection.settings_dict
    connection.close()
    server_url = f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}"
    name = f"lokomp_restart_{os.getpid()}"
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{database["NAME"]}"')
    try:
        yield f"{server_url}/{name}", ids
    finally:
        with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_restart_during_submission_loses_nothing_and_the_submission_can_be_repeated(
    copy_of_the_demo,
):
    database, ids = copy_of_the_demo
    env = {k: v for k, v in os.environ.items() if k != "SQLITE_PATH"}
    env.update(DATABASE_URL=database, DEBUG="0", DJANGO_SETTINGS_MODULE="lokomp.settings")
    server, url = serve(env, ["--workers", "1"])
    try:
        with _signed_in(url, "statsforvalter") as admin:  # the 2026 deadline has passed
            assert admin.get(ids["page"]).status_code == 200
            allow = admin.post(
                ids["allow_late"], data={"csrfmiddlewaretoken": admin.cookies["csrftoken"]}
            )
            assert allow.status_code == 302, allow.text
        with _signed_in(url, "koordinator") as coordinator:
            choice = {f"q{ids['question']}-choice": "ja"}
            saved = _post_form(coordinator, ids["section"], **choice)
            assert saved.status_code == 302, saved.text
            submit = ids["submit"]

            with psycopg.connect(database, autocommit=True) as db:
                db.execute(RESTART)
                before = db.execute("SELECT id, text FROM needs_answer ORDER BY id").fetchall()
            typed = "Nytt avsnitt om tema, skrevet\nmens databasen startet på nytt."
            lost = _post_form(coordinator, ids["topic_section"], **{f"q{ids['topic']}": typed})
            assert lost.status_code == 503
            assert "Ingenting av det du sendte nå, ble lagret" in lost.text
            assert "Dette skrev du" in lost.text and escape(typed) in lost.text

            cut = _post_form(coordinator, submit)
            assert cut.status_code == 503
            assert "Lokomp mistet kontakten med databasen" in cut.text
            assert "Ingenting av det du sendte nå, ble lagret" in cut.text

            with psycopg.connect(database, autocommit=True) as db:
                status = db.execute(
                    "SELECT status FROM needs_needsreport WHERE id = %s", [ids["report"]]
                ).fetchone()
                versions = db.execute(
                    "SELECT count(*) FROM needs_reportversion WHERE report_id = %s",
                    [ids["report"]],
                ).fetchone()
                assert status == ("draft",) and versions == (0,)
                after = db.execute("SELECT id, text FROM needs_answer ORDER BY id").fetchall()
                assert after == before, "every answer as it was saved"
                db.execute(BACK)  # the database is back

            page = coordinator.get(ids["page"])
            assert page.status_code == 200, "the same session, after the restart"
            again = _post_form(coordinator, submit)
            assert again.status_code == 302, again.text
            with psycopg.connect(database) as db:
                assert db.execute(
                    "SELECT r.status, count(v.id) FROM needs_needsreport r "
                    "JOIN needs_reportversion v ON v.report_id = r.id WHERE r.id = %s "
                    "GROUP BY r.status",
                    [ids["report"]],
                ).fetchone() == ("submitted", 1)
    finally:
        server.terminate()
        server.wait(timeout=10)
