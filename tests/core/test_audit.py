"""The audit log keeps who did what after the user is gone, and nobody changes it."""

import pytest
from django.urls import reverse

from lokomp.accounts.models import User
from lokomp.core.models import AuditEntry
from tests.conftest import client_for
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def test_the_actor_is_kept_when_the_user_is_deleted():
    client = client_for("koordinator")
    url = reverse("plans:plan_edit", args=["sor-troms-evenes", "2025-2026"])
    data = form_data(client.get(url).content.decode())
    data["caveat"] = "Med forbehold om tilskudd"
    assert client.post(url, data).status_code == 302
    entry = AuditEntry.objects.filter(action="plans.plan.changed").first()
    name = str(User.objects.get(username="koordinator"))
    assert entry.actor_name == name
    User.objects.filter(username="koordinator").delete()
    log = client_for("statsforvalter").get(reverse("registry:audit")).content.decode()
    assert name in log


def test_an_entry_is_never_changed_or_deleted():
    entry = AuditEntry.objects.first()
    entry.object_repr = "Omskrevet"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    admin = client_for("admin")
    change = admin.get(reverse("admin:core_auditentry_change", args=[entry.pk]))
    assert b"Omskrevet" not in change.content
    delete = admin.get(reverse("admin:core_auditentry_delete", args=[entry.pk]))
    assert delete.status_code == 403
