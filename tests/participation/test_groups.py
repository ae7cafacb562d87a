"""Networks, resource-person cohorts and supervision of selected units."""

from datetime import date

import pytest
from django.urls import reverse

from lokomp.participation.models import (
    Employee,
    Network,
    NetworkMeeting,
    Supervision,
    SupervisionSession,
)

from ..forms import form_data

pytestmark = pytest.mark.django_db
SLUG = "sor-troms-evenes"


def test_a_coordinator_keeps_a_network_with_members_meetings_and_minutes(as_user):
    client = as_user("koordinator")
    url = reverse("participation:network_new", args=[SLUG])
    data = form_data(client.get(url).content.decode(), choose_first=True) | {
        "kind": "network",
        "name": "Barnehagenettverk med PPT",
        "meetings_per_semester": "40",
        "m-0-name": "Kari Nilsen",
        "m-0-role": "Skolekoordinator",
        "m-1-name": "Per Dahl",
        "m-1-role": "PP-rådgiver",
    }
    page = client.post(url, data).content.decode()
    assert "Skriv et tall fra 0 til 30." in page and 'value="Kari Nilsen"' in page
    data["meetings_per_semester"] = "2"
    response = client.post(url, data)
    network = Network.objects.get(name="Barnehagenettverk med PPT")
    assert response["Location"] == reverse("participation:network", args=[SLUG, network.pk])
    assert [m.name for m in network.members.all()] == ["Kari Nilsen", "Per Dahl"]
    meeting_url = reverse("participation:meeting_new", args=[SLUG, network.pk])
    kari = network.members.get(name="Kari Nilsen")
    data = form_data(client.get(meeting_url).content.decode(), choose_first=True) | {
        "date": "15.10.2026",
        "title": "Tidlig innsats",
        "format": "digital",
        "held": "on",
        "present": [str(kari.pk)],
        "minutes": "Vi gikk gjennom rutinene for henvisning til PPT.",
    }
    client.post(meeting_url, data)
    meeting = NetworkMeeting.objects.get(network=network)
    assert list(meeting.present.all()) == [kari]
    page = client.get(reverse("participation:network", args=[SLUG, network.pk])).content.decode()
    meetings = page.split('data-testid="meetings"')[1]
    assert "15.10.2026" in meetings and "1 / 2" in meetings
    assert "Vi gikk gjennom rutinene for henvisning til PPT." in meetings


def test_a_resource_person_cohort_shows_the_role_afterwards(as_user):
    cohort = Network.objects.create(
        partnership_id=_partnership_id(), kind="cohort", name="Ressurspersoner 2026"
    )
    cohort.members.create(name="Anne Moe", role_after="Leder refleksjonsgruppene på skolen")
    page = as_user("rektor").get(reverse("participation:network", args=[SLUG, cohort.pk]))
    assert "Leder refleksjonsgruppene på skolen" in page.content.decode()
    # Readers do not edit.
    assert "Endre medlemmer og program" not in page.content.decode()
    edit = reverse("participation:network_edit", args=[SLUG, cohort.pk])
    assert as_user("rektor").post(edit, {"name": "Endret"}).status_code == 403
    cohort.refresh_from_db()
    assert cohort.name == "Ressurspersoner 2026"


def _partnership_id() -> int:
    from lokomp.partnerships.models import Partnership

    return Partnership.objects.get(slug=SLUG).pk


def test_two_coordinators_editing_a_meeting_are_told(as_user):
    network = Network.objects.create(partnership_id=_partnership_id(), kind="network", name="N")
    meeting = NetworkMeeting.objects.create(
        network=network, date=date(2026, 10, 1), format="digital"
    )
    url = reverse("participation:meeting", args=[SLUG, network.pk, meeting.pk])
    client = as_user("koordinator")
    first = form_data(client.get(url).content.decode(), choose_first=True)
    second = dict(first)
    client.post(url, first | {"minutes": "Første referat"})
    page = client.post(url, second | {"minutes": "Andre referat"}).content.decode()
    assert "lagret endringer" in page and "mens du skrev." in page
    assert "Første referat" in page and "Andre referat" in page  # both, side by side
    meeting.refresh_from_db()
    assert meeting.minutes == "Første referat"


def test_supervision_is_planned_held_and_the_leader_records_who_took_part(as_user, unit):
    client = as_user("koordinator")
    url = reverse("participation:supervision_new", args=[SLUG])
    data = form_data(client.get(url).content.decode(), choose_first=True) | {
        "unit": str(unit.pk),
        "school_year": "2026",
        "supervisors": "SNU og PPT",
        "planned_physical": "2",
        "planned_digital": "4",
        "session_minutes": "90",
    }
    client.post(url, data)
    supervision = Supervision.objects.get(unit=unit, school_year=2026)
    # The same unit twice in a year is refused beside the field.
    page = client.post(url, data).content.decode()
    assert "Enheten har allerede veiledning dette skoleåret." in page
    session_url = reverse("participation:session_new", args=[SLUG, supervision.pk])
    data = form_data(client.get(session_url).content.decode(), choose_first=True) | {
        "date": "2026-10-20",
        "format": "physical",
        "held": "on",
        "notes": "Observasjon i 5. trinn.",
    }
    client.post(session_url, data)
    session = SupervisionSession.objects.get(supervision=supervision)
    assert session.held and session.notes == "Observasjon i 5. trinn."
    # The coordinators see no names; the unit's leader ticks who took part.
    leader = as_user("rektor")
    unit_url = reverse("participation:unit_supervision", args=[unit.pk])
    page = leader.get(unit_url).content.decode()
    assert "Emil Rasmussen" in page
    siv = Employee.objects.get(name="Siv Karlsen")
    data = form_data(page) | {f"d-{session.pk}-{siv.pk}": "on"}
    stale = dict(data)
    leader.post(unit_url, data)
    assert list(session.participants.all()) == [siv]
    # A page older than that save is refused, and nothing changes.
    emil = Employee.objects.get(name="Emil Rasmussen")
    page = leader.post(unit_url, stale | {f"d-{session.pk}-{emil.pk}": "on"}, follow=True)
    assert "Noen andre har lagret deltakerne for denne økta" in page.content.decode()
    assert list(session.participants.all()) == [siv]
    detail = client.get(reverse("participation:supervision", args=[SLUG, supervision.pk]))
    assert "Siv Karlsen" not in detail.content.decode()
    sessions = detail.content.decode().split('data-testid="sessions"')[1]
    assert "Observasjon i 5. trinn." in sessions and '<td class="num">1</td>' in sessions
