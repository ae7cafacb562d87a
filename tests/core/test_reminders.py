"""The year tells people what is theirs to do: the day's reminders are drawn from the same
duties as the start page, recorded once, sent through a real SMTP server on the loopback
address, in the recipient's language, and never twice."""

import socket
from datetime import date, timedelta
from email.header import decode_header, make_header

import pytest
from django.test import override_settings
from django.urls import reverse

from lokomp.accounts.models import User
from lokomp.allocation.models import Round
from lokomp.core.duties import duties_of, occasion
from lokomp.core.models import Message, MessagePreference, MessageStatus
from lokomp.core.outbox import remind, send_due
from lokomp.core.schedule import run_schedule
from lokomp.registry.models import County

from ..conftest import client_for

pytestmark = pytest.mark.django_db
MONDAY = date(2026, 11, 23)  # the suite's day


@pytest.fixture(autouse=True)
def deadline_soon(db):
    """The county gives the 2026 reports until 1 December: the coordinator's report is due
    in eight days (the demo's own deadline, 1 February, is long past)."""
    Round.objects.update_or_create(
        county=County.objects.get(number="55"),
        year=2026,
        defaults={
            "submission_deadline": date(2026, 12, 1),
            "recommendation_deadline": date(2026, 12, 15),
            "decision_deadline": date(2026, 12, 20),
        },
    )


def _subject(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def _to(inbox, username) -> list:
    address = f"{username}@lokomp.example"
    return [m for m in inbox.messages if m["To"] == address]


def test_each_duty_on_the_start_page_is_mailed_once_to_its_person(smtp_server):
    recorded = remind(MONDAY)
    assert recorded > 0
    assert send_due() == recorded
    coordinator = User.objects.get(username="koordinator")
    mailed = {_subject(m) for m in _to(smtp_server, "koordinator")}
    for duty in duties_of(coordinator.pk, MONDAY):
        # A duty long overdue (the 2025 progress report) stays on the page, not in the mail.
        expected = occasion(duty, MONDAY) is not None
        assert any(str(duty.title) in subject for subject in mailed) == expected, duty.title
    [needs] = [m for m in _to(smtp_server, "koordinator") if "Behovsmelding" in _subject(m)]
    body = needs.get_payload(decode=True).decode()
    assert "http://127.0.0.1:8000/behovsmelding/" in body
    assert _subject(needs).startswith("Å gjøre: Send inn Behovsmelding 2026–2027")
    assert "Dette skal gjøres innen 1. desember 2026:" in body
    assert reverse("core:message_settings") in body
    # Three days before, the second reminder; then nothing until the date has passed.
    smtp_server.messages.clear()
    remind(date(2026, 11, 28))
    send_due()
    assert [_subject(m) for m in _to(smtp_server, "koordinator")] == [_subject(needs)]
    remind(date(2026, 11, 30))
    remind(date(2026, 12, 2))
    send_due()
    assert [_subject(m)[:15] for m in _to(smtp_server, "koordinator")] == [
        "Å gjøre: Send i",
        "Fristen er ute:",
    ]
    smtp_server.messages.clear()
    Message.objects.all().delete()
    # The first day again, twice: recorded anew (the rows were cleared), sent once.
    again = remind(MONDAY)
    assert remind(MONDAY) == 0
    assert send_due() == again
    assert send_due() == 0
    assert len(smtp_server.messages) == again


def test_the_schedule_records_the_day_once_however_many_workers_run_it(smtp_server):
    first = run_schedule()
    second = run_schedule()
    assert first["recorded"] > 0 and second["recorded"] == 0
    assert first["sent"] == first["recorded"] and second["sent"] == 0
    assert len(smtp_server.messages) == first["recorded"]


def test_a_reminder_is_in_the_recipients_written_language(smtp_server):
    User.objects.filter(username="koordinator").update(language="nn")
    remind(MONDAY)
    send_due()
    subjects = [_subject(m) for m in _to(smtp_server, "koordinator")]
    assert subjects and all(s.startswith(("Fristen er ute:", "Å gjere:")) for s in subjects)
    body = _to(smtp_server, "koordinator")[0].get_payload(decode=True).decode()
    assert "Helsing Lokomp" in body


def test_a_weekly_choice_gives_one_digest_on_monday_and_nothing_at_once(smtp_server):
    coordinator = User.objects.get(username="koordinator")
    for kind in ("needs.submit", "reports.submit"):
        MessagePreference.objects.create(user=coordinator, kind=kind, how="weekly")
    remind(MONDAY)
    remind(MONDAY + timedelta(days=1))  # Tuesday: the week's digest has gone
    send_due()
    [digest] = _to(smtp_server, "koordinator")
    assert "Å gjøre denne uka i Lokomp (uke 48)" == _subject(digest)
    body = digest.get_payload(decode=True).decode()
    for duty in duties_of(coordinator.pk, MONDAY):
        assert str(duty.title) in body


def test_a_legal_duty_cannot_be_silenced_but_other_kinds_can(smtp_server):
    coordinator = User.objects.get(username="koordinator")
    leader = User.objects.get(username="rektor")
    MessagePreference.objects.create(user=coordinator, kind="needs.submit", how="never")
    MessagePreference.objects.create(user=leader, kind="participation.onboarding", how="never")
    remind(MONDAY)
    send_due()
    assert _to(smtp_server, "rektor") == []
    [digest] = [m for m in _to(smtp_server, "koordinator") if "uke 48" in _subject(m)]
    assert "Behovsmelding" in digest.get_payload(decode=True).decode()


def test_someone_who_has_left_gets_nothing(smtp_server):
    User.objects.filter(username="koordinator").update(is_active=False)
    remind(MONDAY)
    send_due()
    assert _to(smtp_server, "koordinator") == []
    assert not Message.objects.filter(recipient__username="koordinator").exists()


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_failed_send_is_tried_again_later_and_shown_in_the_outbox(smtp_server, suite_now):
    with override_settings(EMAIL_PORT=_closed_port()):
        recorded = remind(MONDAY)
        assert recorded > 2 and send_due() == 0
    # The mail server did not answer: the first is failed, the rest wait their turn.
    [failed] = Message.objects.filter(status=MessageStatus.FAILED)
    assert failed.attempts == 1 and "Connection" in failed.last_error
    assert Message.objects.filter(status=MessageStatus.QUEUED).count() == recorded - 1
    admin = client_for("admin")
    page = admin.get(reverse("core:outbox"), {"status": "failed"}).content.decode()
    assert "Feilet, prøves igjen" in page and "ConnectionRefusedError" in page
    # A worker that stopped in the middle of a send, a quarter of an hour ago: that message
    # may have gone out, so it is not sent again by itself, but shown as failed.
    cut = Message.objects.filter(status=MessageStatus.QUEUED).first()
    Message.objects.filter(pk=cut.pk).update(status=MessageStatus.SENDING)
    assert send_due() == recorded - 2  # the failed one waits a minute first
    cut.refresh_from_db()
    assert cut.status == MessageStatus.FAILED and "Avbrutt under sending" in cut.last_error
    suite_now.shift(timedelta(minutes=2))
    assert send_due() == 1
    failed.refresh_from_db()
    assert failed.status == MessageStatus.SENT
    assert len(smtp_server.messages) == recorded - 1
    assert send_due() == 0


def test_each_person_chooses_how_to_hear_and_a_legal_duty_has_no_off(as_user):
    client = as_user("koordinator")
    page = client.get(reverse("core:message_settings")).content.decode()
    needs = page.split('name="needs.submit"')[1].split("</select>")[0]
    assert "Samlet én gang i uka" in needs and "Ikke på e-post" not in needs
    onboarding = page.split('name="participation.onboarding"')[1].split("</select>")[0]
    assert "Ikke på e-post" in onboarding
    response = client.post(
        reverse("core:message_settings"),
        {"needs.submit": "never", "participation.onboarding": "never", "reports.submit": "weekly"},
    )
    assert response.status_code == 302
    chosen = dict(
        MessagePreference.objects.filter(user__username="koordinator").values_list("kind", "how")
    )
    assert chosen == {"participation.onboarding": "never", "reports.submit": "weekly"}
