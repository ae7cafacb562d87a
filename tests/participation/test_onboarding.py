"""Onboarding programmes: enrolment by start date, due/overdue/done, ticks saved cell by
cell, and the weekly reminder sent through a real SMTP server."""

from datetime import date
from email.header import decode_header, make_header

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from lokomp.core.outbox import remind, send_due
from lokomp.participation.models import Employee, OnboardingProgramme, OnboardingStep, StepDone

from ..forms import form_data

pytestmark = pytest.mark.django_db
PROGRAMMES = reverse("participation:programmes", args=["sor-troms-evenes"])


@pytest.fixture
def package():
    return OnboardingProgramme.objects.get(title="Grunnpakke for nyansatte")


def _subject(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def _page(client, unit):
    return client.get(reverse("participation:unit_onboarding", args=[unit.pk])).content.decode()


def test_a_coordinator_writes_a_programme_and_bad_input_is_explained_and_kept(as_user):
    client = as_user("koordinator")
    url = reverse("participation:programme_new", args=["sor-troms-evenes"])
    data = form_data(client.get(url).content.decode()) | {
        "title": "Introduksjon for assistenter",
        "window_start": "01.08.2026",
        "window_end": "01.07.2026",
        "due_days": "0",
        "steps": "\n  \n",
    }
    page = client.post(url, data).content.decode()
    assert "Sluttdatoen kan ikke være før startdatoen." in page
    assert "Skriv et antall dager fra 1 til 730." in page
    assert "Skriv minst ett steg." in page
    assert 'value="Introduksjon for assistenter"' in page
    data |= {"window_end": "", "due_days": "60", "steps": "Velkomstmøte\n  Webinar om regulering "}
    client.post(url, data)
    made = OnboardingProgramme.objects.get(title="Introduksjon for assistenter")
    assert [s.title for s in made.steps.all()] == ["Velkomstmøte", "Webinar om regulering"]
    assert "Introduksjon for assistenter" in as_user("rektor").get(PROGRAMMES).content.decode()


def test_a_step_keeps_what_was_done_when_renamed_and_cannot_be_removed_once_done(as_user, package):
    client = as_user("koordinator")
    url = reverse("participation:programme", args=["sor-troms-evenes", package.pk])
    data = form_data(client.get(url).content.decode())
    steps = data["steps"].splitlines()
    renamed = ["Webinar 1: Hva er regulering, og hvorfor?", *steps[1:]]
    client.post(url, data | {"steps": "\n".join(renamed)})
    first = OnboardingStep.objects.get(programme=package, order=0)
    assert first.title == renamed[0]
    assert first.done.filter(employee__name="Nora Aas").exists()
    # Taking away the two steps Nora has done is refused; nothing changes.
    data = form_data(client.get(url).content.decode())
    page = client.post(url, data | {"steps": "Bare ett steg"}).content.decode()
    assert "er registrert som gjennomført og kan ikke fjernes." in page
    assert package.steps.count() == 4


def test_the_leader_sees_who_is_overdue_and_ticks_steps(as_user, unit, package):
    client = as_user("rektor")
    page = _page(client, unit)
    assert "1 forsinket, 0 skal fullføre, 0 fullført." in page
    table = page.split('data-testid="onboarding-table"')[1]
    assert "Nora Aas" in table and "10.11.2026" in table  # started 12 August, 90 days
    assert "Emil Rasmussen" not in table  # started in 2019: not in the window
    data = form_data(page)
    nora = Employee.objects.get(name="Nora Aas")
    for step in package.steps.all():
        data[f"s-{nora.pk}-{step.pk}"] = "on"
    client.post(reverse("participation:unit_onboarding", args=[unit.pk]), data)
    assert StepDone.objects.filter(employee=nora).count() == 4
    assert "0 forsinket, 0 skal fullføre, 1 fullført." in _page(client, unit)


def test_someone_new_is_enrolled_by_their_start_date_and_someone_who_left_drops_off(as_user, unit):
    Employee.objects.create(
        unit=unit, name="Ida Strand", role="assistent", start_date=date(2026, 11, 2)
    )
    Employee.objects.filter(name="Nora Aas").update(end_date=date(2026, 11, 20))
    page = _page(as_user("rektor"), unit)
    assert "Ida Strand" in page and "31.1.2027" in page
    assert "Nora Aas" not in page
    assert "0 forsinket, 1 skal fullføre, 0 fullført." in page


def test_two_leaders_ticking_at_once_keep_each_others_ticks(as_user, unit, package):
    """The other leader is the owner's contact (who also keeps the staff list). Only the
    cells a writer changed are written: a page older than the other's save undoes nothing."""
    url = reverse("participation:unit_onboarding", args=[unit.pk])
    nora = Employee.objects.get(name="Nora Aas")
    first, _second, third, fourth = package.steps.all()
    rektor_page = form_data(_page(as_user("rektor"), unit))
    owner_page = form_data(_page(as_user("eier.harstad"), unit))
    owner_page.pop(f"s-{nora.pk}-{first.pk}")  # the owner's contact unticks step 1
    as_user("eier.harstad").post(url, owner_page | {f"s-{nora.pk}-{third.pk}": "on"})
    # The leader, from the older page (step 1 ticked, step 3 not), ticks step 4 only.
    as_user("rektor").post(url, rektor_page | {f"s-{nora.pk}-{fourth.pk}": "on"})
    done = set(StepDone.objects.filter(employee=nora).values_list("step", flat=True))
    assert done == {_second.pk, third.pk, fourth.pk}


def _reminded(smtp_server, today=date(2026, 11, 23)) -> list:
    remind(today)
    send_due()
    return [m for m in smtp_server.messages if "skal fullføre «" in _subject(m)]


def test_the_reminder_reaches_the_leader_once_in_their_written_language(smtp_server):
    [message] = _reminded(smtp_server)
    assert message["To"] == "rektor@lokomp.example"
    assert _subject(message) == (
        "Fristen er ute: Nora Aas (Kanebogen skole) skal fullføre «Grunnpakke for nyansatte»: "
        "2 av 4 steg"
    )
    body = message.get_payload(decode=True).decode()
    assert "Dette skulle vært gjort innen 10. november 2026:" in body
    assert "/registeret/enheter/" in body and "/introduksjon/" in body
    # The same duty is not mailed again, however often the reminders run.
    smtp_server.messages.clear()
    assert _reminded(smtp_server) == []
    assert _reminded(smtp_server, date(2026, 11, 30)) == []


def test_the_reminder_is_in_nynorsk_for_a_leader_who_writes_nynorsk(smtp_server):
    get_user_model().objects.filter(username="rektor").update(language="nn")
    [message] = _reminded(smtp_server)
    assert _subject(message).startswith("Fristen er ute: Nora Aas (Kanebogen skole) skal fullføre")
    assert "Helsing Lokomp" in message.get_payload(decode=True).decode()


def test_no_reminder_when_nobody_is_due(smtp_server):
    StepDone.objects.all().delete()
    Employee.objects.filter(name="Nora Aas").update(end_date=date(2026, 11, 1))
    assert _reminded(smtp_server) == []
