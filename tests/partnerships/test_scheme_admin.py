"""The service's administrator sets, per scheme, whether progress reports are written per
measure."""

import pytest
from django.urls import reverse

from lokomp.accounts.models import User
from lokomp.partnerships.models import Scheme

pytestmark = pytest.mark.django_db


def test_the_administrator_makes_a_scheme_ask_for_a_report_per_measure(client):
    client.force_login(User.objects.get(username="admin"))
    scheme = Scheme.objects.get(code="kompetanseloftet")
    url = reverse("admin:partnerships_scheme_change", args=[scheme.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Krever rapport per tiltak" in page.content.decode()
    data = {
        "code": scheme.code,
        "name": scheme.name,
        "label": scheme.label,
        "colour": scheme.colour,
        "co_financing_percent": "",
        "order": scheme.order,
        "report_per_measure": "on",
    }
    assert client.post(url, data).status_code == 302
    scheme.refresh_from_db()
    assert scheme.report_per_measure is True
