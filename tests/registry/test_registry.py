"""Keeping the registry right: owners (MOD11), units and their staff numbers."""

import pytest
from django.urls import reverse

from lokomp.core.models import AuditEntry
from lokomp.registry.models import Owner, Unit

from ..forms import form_data

pytestmark = pytest.mark.django_db


def test_unit_list_is_scoped(as_user):
    harstad = as_user("eier.harstad").get(reverse("registry:units")).content.decode()
    assert "Kanebogen skole" in harstad
    assert "Borkenes skole" not in harstad  # Kvæfjord's
    east = as_user("koordinator.ost").get(reverse("registry:units")).content.decode()
    assert "Tana sentrum barnehage" in east and "Kanebogen skole" not in east


def test_unit_leader_keeps_the_staff_number(as_user):
    unit = Unit.objects.get(name="Kanebogen skole")
    client = as_user("rektor")
    url = reverse("registry:unit_edit", args=[unit.pk])
    page = client.get(url).content.decode()
    assert 'name="owner"' not in page  # a unit leader changes the staff count only
    response = client.post(url, {"staff_count": "tretti"})
    assert (
        "Skriv antall ansatte som et helt tall." in response.content.decode()
        or "Oppgi et heltall" in response.content.decode()
    )
    assert 'value="tretti"' in response.content.decode()
    response = client.post(url, {"staff_count": "42"})
    assert response.status_code == 302
    unit.refresh_from_db()
    assert unit.staff_count == 42
    entry = AuditEntry.objects.get(action="registry.unit.changed", object_id=str(unit.pk))
    assert entry.data["changes"]["Antall ansatte"][1] == 42
    assert entry.county.name == "Troms"
    log = as_user("statsforvalter").get(reverse("registry:audit")).content.decode()
    assert "Kanebogen skole ble endret" in log and "Hilde Brattli" in log
    assert "<strong>Antall ansatte</strong>" in log
    other_county = as_user("nordland").get(reverse("registry:audit")).content.decode()
    assert "Kanebogen skole ble endret" not in other_county


def test_owner_org_number_is_checked(as_user):
    owner = Owner.objects.get(name="Harstad kommune")
    client = as_user("statsforvalter")
    url = reverse("registry:owner_edit", args=[owner.pk])
    data = form_data(client.get(url).content.decode())
    data["org_number"] = "972 417 972"
    response = client.post(url, data)
    assert "kontrollsifferet stemmer ikke" in response.content.decode()
    assert 'value="972 417 972"' in response.content.decode()  # what was typed is kept
    data["org_number"] = "972 417 971"
    assert client.post(url, data).status_code == 302
    owner.refresh_from_db()
    assert owner.org_number == "972417971"


def test_county_admin_registers_a_private_owner_and_a_unit(as_user):
    client = as_user("statsforvalter")
    page = client.get(reverse("registry:owner_create")).content.decode()
    assert "Evenes" not in page.split('name="municipality"')[1].split("</select>")[0]
    data = form_data(page)
    data.update(
        name="Solstrand barnehage AS",
        kind="private",
        org_number="",
        municipality=str(Unit.objects.get(name="Kanebogen skole").municipality_id),
    )
    response = client.post(reverse("registry:owner_create"), data)
    owner = Owner.objects.get(name="Solstrand barnehage AS")
    assert response["Location"] == reverse("registry:owner", args=[owner.pk])
    data = form_data(client.get(reverse("registry:unit_create")).content.decode())
    data.update(
        name="Solstrand barnehage",
        kind="barnehage",
        owner=str(owner.pk),
        municipality=str(owner.municipality_id),
        staff_count="17",
    )
    assert client.post(reverse("registry:unit_create"), data).status_code == 302
    assert Unit.objects.get(name="Solstrand barnehage").staff_count == 17


def test_owner_contact_cannot_move_a_unit_to_another_owner(as_user):
    unit = Unit.objects.get(name="Kanebogen skole")
    client = as_user("eier.harstad")
    url = reverse("registry:unit_edit", args=[unit.pk])
    data = form_data(client.get(url).content.decode())
    data["owner"] = str(Owner.objects.get(name="Vadsø kommune").pk)
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Velg et gyldig valg" in response.content.decode()
    unit.refresh_from_db()
    assert unit.owner.name == "Harstad kommune"
