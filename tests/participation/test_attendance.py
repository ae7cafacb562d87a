"""Recording who from a unit took part: names with their parallel lecture, or numbers."""

import re

import pytest
from django.urls import reverse

from lokomp.core.models import AuditEntry
from lokomp.participation.models import Attendance, Employee, StaffList
from lokomp.plans.models import Activity

from ..forms import form_data

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_the_units_activities_and_who_was_at_work_then(as_user, unit, day_one):
    client = as_user("rektor")
    listing = client.get(reverse("participation:attendance_list", args=[unit.pk]))
    text = _text(listing.content.decode())
    assert "Dialogsamling dag 1 11. august 2025 kl. 08:30-15:00" in text
    page = client.get(reverse("participation:attendance", args=[unit.pk, day_one.pk]))
    html = page.content.decode()
    # On 11 August 2025 Lise Berg still worked there, and Nora Aas had not begun.
    assert "Lise Berg" in html and "Nora Aas" not in html
    assert "Fra uro til ro i klasserommet" in html  # the parallel lectures


def test_names_and_parallel_lectures_are_recorded(as_user, unit, day_one):
    client = as_user("rektor")
    url = reverse("participation:attendance", args=[unit.pk, day_one.pk])
    data = form_data(client.get(url).content.decode())
    emil, siv = (
        Employee.objects.get(name="Emil Rasmussen"),
        Employee.objects.get(name="Siv Karlsen"),
    )
    track = day_one.tracks.get(title="Fra uro til ro i klasserommet")
    data |= {f"a-{emil.pk}": "1", f"a-{siv.pk}": "1", f"spor-{emil.pk}": str(track.pk)}
    data[f"spor-{siv.pk}"] = "99999999999999999999"  # not a lecture of this activity
    assert client.post(url, data).status_code == 302
    rows = {a.employee.name: a.track for a in Attendance.objects.filter(activity=day_one)}
    assert rows == {"Emil Rasmussen": track, "Siv Karlsen": None}
    listing = client.get(reverse("participation:attendance_list", args=[unit.pk]))
    assert re.search(
        r"Dialogsamling dag 1.*?<td class=\"num\">2</td>", listing.content.decode(), re.S
    )
    assert AuditEntry.objects.filter(action="participation.attendance.recorded").exists()
    # Saved again without Siv: she is no longer recorded.
    data = form_data(client.get(url).content.decode())
    data.pop(f"a-{siv.pk}")
    client.post(url, data)
    assert list(
        Attendance.objects.filter(activity=day_one).values_list("employee__name", flat=True)
    ) == ["Emil Rasmussen"]


def test_a_second_writer_is_told_and_nothing_is_overwritten(as_user, unit, day_one):
    url = reverse("participation:attendance", args=[unit.pk, day_one.pk])
    leader, owner = as_user("rektor"), as_user("eier.harstad")
    mine = form_data(leader.get(url).content.decode())
    theirs = form_data(owner.get(url).content.decode())
    emil, jon = (
        Employee.objects.get(name="Emil Rasmussen"),
        Employee.objects.get(name="Jon Eliassen"),
    )
    assert leader.post(url, mine | {f"a-{emil.pk}": "1"}).status_code == 302
    page = owner.post(url, theirs | {f"a-{jon.pk}": "1"}).content.decode()
    assert 'data-testid="stale"' in page and "Lagret nå: Emil Rasmussen" in page
    assert f'id="a-{jon.pk}" name="a-{jon.pk}" value="1" checked' in page  # theirs is kept
    assert list(
        Attendance.objects.filter(activity=day_one).values_list("employee__name", flat=True)
    ) == ["Emil Rasmussen"]
    again = form_data(page)
    assert owner.post(url, again).status_code == 302
    assert list(
        Attendance.objects.filter(activity=day_one).values_list("employee__name", flat=True)
    ) == ["Jon Eliassen"]


def test_a_counts_only_unit_records_numbers(as_user, unit, day_one):
    StaffList.objects.filter(unit=unit).update(counts_only=True)
    client = as_user("rektor")
    url = reverse("participation:attendance", args=[unit.pk, day_one.pk])
    page = client.get(url).content.decode()
    assert "Emil Rasmussen" not in page
    data = form_data(page)
    tracks = list(day_one.tracks.order_by("order"))
    data[f"antall-{tracks[0].pk}"] = "tolv"
    html = client.post(url, data).content.decode()
    assert "Skriv antallet som et helt tall." in html and 'value="tolv"' in html
    data[f"antall-{tracks[0].pk}"], data[f"antall-{tracks[1].pk}"] = "12", "7"
    assert client.post(url, data).status_code == 302
    assert sorted(Attendance.objects.filter(activity=day_one).values_list("count", flat=True)) == [
        7,
        12,
    ]
    assert not Attendance.objects.filter(activity=day_one, employee__isnull=False).exists()


def test_an_activity_that_does_not_concern_the_unit_is_404(as_user, unit):
    other = Activity.objects.exclude(measure__plan__partnership__slug="sor-troms-evenes").first()
    url = reverse("participation:attendance", args=[unit.pk, other.pk])
    assert as_user("rektor").get(url).status_code == 404
    assert (
        as_user("koordinator")
        .get(reverse("participation:attendance_list", args=[unit.pk]))
        .status_code
        == 404
    )
