import re

import pytest
from django.core import mail
from django.urls import reverse

from lokomp.core.models import AuditEntry
from lokomp.registry.models import County

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
    entry = AuditEntry.objects.get(action="partnerships.partnership.changed")
    assert "Kari Vik (Fagforbundet)" in entry.data["changes"]["Styringsgruppe"][1]
    assert entry.data["changes"]["Andeler i andre fylker"] == [
        ["8.00 % til Nordland"],
        ["9.00 % til Nordland"],
    ]
    log = client.get(reverse("partnerships:audit", args=["sor-troms-evenes"])).content.decode()
    assert "Region Sør-Troms og Evenes ble endret" in log
    assert "partnerships.partnership" not in log and "True" not in log


def test_saving_an_unchanged_partnership_logs_nothing(as_user):
    client = as_user("koordinator")
    url = reverse("partnerships:edit", args=["sor-troms-evenes"])
    before = AuditEntry.objects.count()
    assert client.post(url, form_data(client.get(url).content.decode())).status_code == 302
    assert AuditEntry.objects.count() == before


def test_county_shares_cannot_pass_100_percent(as_user, sor_troms):
    client = as_user("statsforvalter")
    url = reverse("partnerships:edit", args=["sor-troms-evenes"])
    data = form_data(client.get(url).content.decode())
    data["andel-0-percent"] = "60"
    data["andel-1-county"] = str(County.objects.get(number="56").pk)
    data["andel-1-percent"] = "60"
    page = client.post(url, data).content.decode()
    assert "til sammen" in page and "under 100" in page
    assert str(sor_troms.county_shares.get().percent) == "8.00"


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


def test_a_coordinator_is_appointed_by_invitation_and_removed(as_user, sor_troms):
    client = as_user("statsforvalter")
    url = reverse("partnerships:coordinators", args=["sor-troms-evenes"])
    # The same answer for an address with or without an account: nothing is revealed.
    for email in ("ukjent@lokomp.example", "forum@lokomp.example"):
        response = client.post(url, {"email": email, "side": "uh"}, follow=True)
        assert f"Invitasjonen er sendt til {email}." in response.content.decode()
    assert [m.to for m in mail.outbox] == [["ukjent@lokomp.example"], ["forum@lokomp.example"]]
    link = re.search(r"http://testserver(/konto/invitasjon/\S+/)", mail.outbox[1].body).group(1)
    # Nobody else takes the role with the link, and the inviter cannot appoint itself.
    refused = as_user("rektor").post(link)
    assert refused.status_code == 403
    assert "en annen e-postadresse" in refused.content.decode()
    assert not sor_troms.role_assignments.filter(user__username="rektor").exists()
    assert as_user("forum").post(link).status_code == 302
    role = sor_troms.role_assignments.get(user__username="forum")
    assert role.get_side_display() == "UH-siden"
    assert "allerede brukt" in as_user("forum").get(link).content.decode()
    # The new coordinator may now change the plan.
    plan_edit = reverse("plans:plan_edit", args=["sor-troms-evenes", "2025-2026"])
    assert as_user("forum").get(plan_edit).status_code == 200
    assert client.post(url, {"fjern": str(role.pk)}).status_code == 302
    assert as_user("forum").get(plan_edit).status_code == 403
    log = client.get(reverse("partnerships:audit", args=["sor-troms-evenes"])).content.decode()
    assert "Per Olav Lyngmo (UH-siden)" in log


def test_nobody_appoints_themselves(as_user, sor_troms):
    from lokomp.accounts.models import User

    admin = User.objects.get(username="statsforvalter")
    client = as_user("statsforvalter")
    url = reverse("partnerships:coordinators", args=["sor-troms-evenes"])
    client.post(url, {"email": admin.email, "side": "owner"})
    link = re.search(r"http://testserver(/konto/invitasjon/\S+/)", mail.outbox[0].body).group(1)
    response = client.post(link)
    assert "en invitasjon du har sendt selv" in response.content.decode()
    assert not sor_troms.role_assignments.filter(user=admin).exists()


def test_coordinator_of_another_partnership_cannot_be_removed_here(as_user, ost_finnmark):
    other = ost_finnmark.role_assignments.get()
    url = reverse("partnerships:coordinators", args=["sor-troms-evenes"])
    assert as_user("koordinator").post(url, {"fjern": str(other.pk)}).status_code == 404
    assert ost_finnmark.role_assignments.filter(pk=other.pk).exists()
