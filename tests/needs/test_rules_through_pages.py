"""Rules through the pages: scheme rules as data, other counties, any budget input."""

import pytest
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lokomp.accounts.models import Role, RoleAssignment, User
from lokomp.needs.models import NeedsReport
from lokomp.partnerships.models import Scheme
from lokomp.registry.models import County

from ..conftest import client_for
from ..forms import form_data
from .conftest import section_index

pytestmark = pytest.mark.django_db


def test_dekomp_requires_co_financing_on_its_budget(as_user, report_2026):
    dekomp = Scheme.objects.get(code="dekomp")
    assert dekomp.co_financing_percent == 30  # a rule of the scheme, held as data
    report_2026.scheme = dekomp
    report_2026.save()
    client = as_user("koordinator")
    url = reverse("needs:section", args=[report_2026.pk, section_index(report_2026, "Budsjett")])
    page = client.get(url).content.decode()
    assert "Egenandel (kr)" in page
    assert (
        "Eier 2026: ordningen krever egenandel på minst 30 % av tilskuddet, det vil si "
        "330\u00a0000 kr." in page
    )
    data = form_data(page)
    data["b-2026-owner-own_contribution"] = "330 000"
    data["b-2027-owner-own_contribution"] = "270 000"
    assert client.post(url, data).status_code == 302
    assert "ordningen krever egenandel" not in client.get(url).content.decode()
    report_2026.scheme = Scheme.objects.get(code="kompetanseloftet")
    report_2026.save()
    assert "Egenandel (kr)" not in client.get(url).content.decode()


def test_county_admin_of_an_unrelated_county_gets_404(report_2026, report_2023):
    finnmark = User.objects.create_user(username="finnmark-admin", password="x")
    RoleAssignment.objects.create(
        user=finnmark, role=Role.COUNTY_ADMIN, county=County.objects.get(number="56")
    )
    client = Client()
    client.force_login(finnmark)
    for url in [
        reverse("needs:report", args=[report_2026.pk]),
        reverse("needs:version", args=[report_2023.pk, "1"]),
        reverse("needs:pdf", args=[report_2023.pk, "1"]),
        reverse("needs:list", args=["sor-troms-evenes"]),
        reverse("allocation:round", args=["55", 2026]),
    ]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("needs:reopen", args=[report_2023.pk])).status_code == 404
    assert client.get(reverse("allocation:round", args=["56", 2026])).status_code == 200


CELLS = [
    "b-2026-owner-amount",
    "b-2026-owner-share_assess",
    "b-2026-owner-share_carry_out",
    "b-2026-uh-share_coordinate",
    "b-2027-uh-amount",
]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(max_size=12), min_size=len(CELLS), max_size=len(CELLS)))
def test_any_budget_input_is_saved_or_shown_again_never_a_server_error(report_2026, values):
    client = client_for("koordinator")
    url = reverse("needs:section", args=[report_2026.pk, section_index(report_2026, "Budsjett")])
    data = form_data(client.get(url).content.decode())
    data.update(dict(zip(CELLS, values, strict=True)))
    response = client.post(url, data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:  # something could not be read: shown as typed
        page = response.content.decode()
        assert "Noe er ikke lagret" in page
    NeedsReport.objects.get(pk=report_2026.pk)  # the report is intact
