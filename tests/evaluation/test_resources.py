"""Resources for parent meetings: published on the public page, used by units."""

import pytest
from django.test import Client
from django.urls import reverse

from lokomp.evaluation.models import ParentResource, ResourceUse

from ..forms import form_data

pytestmark = pytest.mark.django_db
SLUG = "sor-troms-evenes"


def test_a_published_resource_is_on_the_public_page_and_a_draft_is_not(as_user):
    client = as_user("koordinator")
    url = reverse("evaluation:resource_new", args=[SLUG])
    data = form_data(client.get(url).content.decode(), choose_first=True) | {
        "title": "Skjermtid og søvn",
        "kind": "reflection",
        "link": "ikke en adresse",
    }
    page = client.post(url, data).content.decode()
    assert "Skriv en hel adresse, for eksempel https://…" in page
    assert 'value="Skjermtid og søvn"' in page
    data["link"] = ""
    data.pop("published", None)  # not published yet
    client.post(url, data)
    assert ParentResource.objects.get(title="Skjermtid og søvn").published is False
    public = Client().get(reverse("plans:public", args=[SLUG])).content.decode()
    listed = public.split('data-testid="parent-resources"')[1].split("</ul>")[0]
    assert "Når barnet blir overveldet" in listed and "Skjermtid og søvn" not in listed


def test_a_unit_records_where_and_when_it_used_a_resource(as_user, unit):
    client = as_user("rektor")
    url = reverse("evaluation:unit_resources", args=[unit.pk])
    page = client.get(url).content.decode()
    assert "Foreldremøte 3. trinn" in page  # the demo's
    resource = ParentResource.objects.get(title="Samme tilnærming hjemme og på skolen")
    data = form_data(page, choose_first=True) | {
        "resource": str(resource.pk),
        "used_on": "2026-11-19",
        "occasion": "",
        "parents": "tretti",
    }
    page = client.post(url, data).content.decode()
    assert "Skriv hvor den ble brukt." in page and "Skriv et helt tall." in page
    client.post(url, data | {"occasion": "Foreldremøte 5. trinn", "parents": "30"})
    use = ResourceUse.objects.get(occasion="Foreldremøte 5. trinn")
    assert (use.unit, use.parents, use.recorded_by.username) == (unit, 30, "rektor")
    listing = as_user("koordinator").get(reverse("evaluation:resources", args=[SLUG]))
    row = listing.content.decode().split("Samme tilnærming hjemme og på skolen")[1]
    assert '<td class="num">1</td>' in row.split("</tr>")[0]
    assert as_user("koordinator").get(url).status_code == 404  # the unit's own page
