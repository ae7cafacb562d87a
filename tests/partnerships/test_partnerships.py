import pytest
from django.urls import reverse

from lokomp.core.models import AuditEntry

from ..forms import form_data

pytestmark = pytest.mark.django_db


def test_detail_shows_members_shares_and_coordinators(as_user):
    html = (
        as_user("forum")
        .get(reverse("partnerships:detail", args=["sor-troms-evenes"]))
        .content.decode()
    )
    assert "8 % rapporteres til Nordland" in html
    assert "Harstad kommune" in html and "Mottar midlene" in html
    assert "Marte Fjellheim – Eiersiden" in html and "Jonas Aksnes – UH-siden" in html
    assert "Bjørnebåsen SA" in html and "Harstad Montessori skole" in html
    assert "Endre partnerskapet" not in html  # the forum member reads only


def test_coordinator_edits_members_and_steering_group(as_user, sor_troms):
    client = as_user("koordinator")
    url = reverse("partnerships:edit", args=["sor-troms-evenes"])
    data = form_data(client.get(url).content.decode())
    # 5 municipalities, 7 private kindergarten owners, Harstad Montessori skole (seed 003 §2.2)
    assert len(data["members"]) == sor_troms.owner_links.count() == 13
    data["styring-7-name"] = "Kari Vik"
    data["styring-7-organisation"] = "Fagforbundet"
    data["andel-0-percent"] = "9"
    response = client.post(url, data)
    assert response.status_code == 302
    assert sor_troms.steering_group.filter(name="Kari Vik").exists()
    assert str(sor_troms.county_shares.get().percent) == "9.00"
    assert AuditEntry.objects.filter(action="partnerships.partnership.changed").exists()


def test_funds_owner_must_be_a_member(as_user, sor_troms):
    client = as_user("koordinator")
    url = reverse("partnerships:edit", args=["sor-troms-evenes"])
    data = form_data(client.get(url).content.decode())
    harstad = str(sor_troms.owner_links.get(receives_funds=True).owner_id)
    data["members"] = [m for m in data["members"] if m != harstad]
    response = client.post(url, data)
    assert "må være med i partnerskapet" in response.content.decode()
    assert sor_troms.owner_links.filter(owner_id=harstad).exists()


def test_share_to_own_county_is_refused(as_user, sor_troms):
    client = as_user("statsforvalter")
    url = reverse("partnerships:edit", args=["sor-troms-evenes"])
    data = form_data(client.get(url).content.decode())
    data["andel-0-county"] = str(sor_troms.county_id)
    response = client.post(url, data)
    assert "Velg et annet fylke" in response.content.decode()
