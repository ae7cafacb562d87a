"""Signing in: guessing is limited per account and per address, with a Norwegian message
and a log entry; a forgotten password is reset by e-mail, sent through Django's SMTP
backend to a real SMTP server the test starts on the loopback address."""

import re

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = "/konto/logg-inn/"


def _try(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address)


def test_an_account_is_locked_after_five_wrong_passwords():
    client = Client()
    for _ in range(4):
        page = _try(client, "koordinator", "feil")
        assert page.status_code == 200 and "Feil brukernavn eller passord" in page.content.decode()
    locked = _try(client, "koordinator", "feil")
    assert locked.status_code == 429
    # Even the right password waits now, from another address too.
    again = _try(Client(), "koordinator", "lokomp-demo", address="10.0.0.2")
    assert again.status_code == 429
    assert "For mange forsøk" in again.content.decode()
    assert AccessFailureLog.objects.filter(username="koordinator").count() >= 5
    assert AccessAttempt.objects.filter(username="koordinator").exists()


def test_an_address_is_locked_after_five_wrong_guesses_at_any_account():
    client = Client()
    for n in range(5):
        _try(client, f"gjetting{n}", "feil", address="10.9.9.9")
    assert _try(client, "rektor", "lokomp-demo", address="10.9.9.9").status_code == 429
    assert _try(Client(), "rektor", "lokomp-demo", address="10.1.1.1").status_code == 302


def test_a_right_password_clears_the_count():
    client = Client()
    for _ in range(3):
        _try(client, "ansatt", "feil")
    assert _try(client, "ansatt", "lokomp-demo").status_code == 302
    assert not AccessAttempt.objects.filter(username="ansatt").exists()


def test_a_forgotten_password_is_reset_by_email(smtp_server):
    client = Client()
    page = client.post(reverse("accounts:password_reset"), {"email": "rektor@lokomp.example"})
    assert page.status_code == 302
    assert "Sjekk e-posten din" in client.get(page["Location"]).content.decode()
    [message] = smtp_server.messages
    assert message["To"] == "rektor@lokomp.example"
    assert message["Subject"] == "Nytt passord i Lokomp"
    body = message.get_payload(decode=True).decode()
    link = re.search(r"http://testserver(/konto/nytt-passord/\S+)", body).group(1)
    form = client.get(link, follow=True)
    assert "Nytt passord" in form.content.decode()
    done = client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {
            "new_password1": "et-langt-nytt-passord-2026",
            "new_password2": "et-langt-nytt-passord-2026",
        },
    )
    assert done.status_code == 302
    assert _try(Client(), "rektor", "et-langt-nytt-passord-2026").status_code == 302
    # The link is used once.
    assert "Lenken er brukt eller for gammel." in client.get(link, follow=True).content.decode()


def test_an_unknown_address_gets_the_same_answer_and_no_mail(smtp_server):
    page = Client().post(reverse("accounts:password_reset"), {"email": "ukjent@example.no"})
    assert page.status_code == 302 and page["Location"] == reverse("accounts:password_reset_sent")
    assert smtp_server.messages == []
