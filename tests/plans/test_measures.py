"""Writing the plan: measures with NÅR, target groups and responsibilities."""

import pytest
from django.urls import reverse

from lokomp.core.models import AuditEntry
from lokomp.core.when import Precision
from lokomp.plans.models import Measure

from ..forms import form_data

pytestmark = pytest.mark.django_db


def _create_url(plan):
    return reverse("plans:measure_create", args=[plan.partnership.slug, plan.year_slug])


def _posted(client, url, **changes):
    """Post back what the rendered form contains, with the user's changes."""
    page = client.get(url)
    data = form_data(page.content.decode())
    data.update(changes)
    return client.post(url, data)


def test_coordinator_adds_a_measure_with_week_precision(as_user, plan_2025):
    client = as_user("koordinator")
    response = _posted(
        client,
        _create_url(plan_2025),
        title="Læringskaravane",
        how="Digitalt",
        when_text="Uke 44",
        scheme=str(plan_2025.partnership.schemes.get().pk),
        target_unit_kinds=["barnehage", "skole"],
        target_roles=["leaders"],
    )
    measure = Measure.objects.get(plan=plan_2025, title="Læringskaravane")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "plans:measure", args=[plan_2025.partnership.slug, plan_2025.year_slug, measure.number]
    )
    assert measure.number == 10  # next after the seed's nine
    assert measure.when_text == "Uke 44"
    assert measure.when.precision == Precision.WEEK
    assert measure.when.format() == "Uke 44 2025"
    assert measure.target_unit_kinds == ["barnehage", "skole"]
    entry = AuditEntry.objects.get(action="plans.measure.created", object_id=str(measure.pk))
    assert entry.user.username == "koordinator"
    assert entry.partnership == plan_2025.partnership
    assert entry.data["changes"]["Hva"] == [None, "Læringskaravane"]


def test_preview_shows_interpretation_without_saving(as_user, plan_2025):
    client = as_user("koordinator")
    response = _posted(
        client, _create_url(plan_2025), title="Prøve", when_text="15.-16.oktober", tolk="1"
    )
    assert response.status_code == 200
    assert (
        'Tolket som: <strong data-testid="when-interpreted">15.–16. oktober 2025</strong>'
        in response.content.decode()
    )
    assert not Measure.objects.filter(title="Prøve").exists()


def test_htmx_preview_fragment(as_user):
    response = as_user("koordinator").get(
        reverse("core:when_preview"), {"when_text": "Nov/des.", "school_year": "2025"}
    )
    assert "November–desember 2025" in response.content.decode()
    response = as_user("koordinator").get(
        reverse("core:when_preview"), {"when_text": "en gang i blant"}
    )
    assert "Forstod ikke «en gang i blant»" in response.content.decode()


@pytest.mark.parametrize("school_year", ["9999", "1000", "0001"])
def test_the_preview_explains_a_school_year_out_of_range(as_user, school_year):
    response = as_user("koordinator").get(
        reverse("core:when_preview"), {"when_text": "januar", "school_year": school_year}
    )
    assert response.status_code == 200
    assert "Lokomp plasserer tidspunkter fra 1990 til 2199." in response.content.decode()


def test_unparseable_when_is_kept_and_the_user_is_told(as_user, plan_2025):
    client = as_user("koordinator")
    response = _posted(
        client,
        _create_url(plan_2025),
        title="Uklart tiltak",
        when_text="Når rektor bestemmer",
        scheme=str(plan_2025.partnership.schemes.get().pk),
    )
    measure = Measure.objects.get(title="Uklart tiltak")
    assert measure.when_text == "Når rektor bestemmer"
    assert measure.when is None
    page = client.get(response["Location"])
    content = page.content.decode()
    assert "Forstod ikke «Når rektor bestemmer»" in content
    assert "Ikke tolket" in content
    # Not on the calendar, but in the plan table with its own words.
    table = client.get(reverse("plans:plan", args=["sor-troms-evenes", "2025-2026"]))
    assert "Når rektor bestemmer" in table.content.decode()


def test_bad_input_is_explained_next_to_the_field_and_nothing_is_lost(as_user, plan_2025):
    client = as_user("koordinator")
    response = _posted(
        client,
        _create_url(plan_2025),
        title="",
        how="Mye tekst jeg skrev",
        when_text="Uke 44",
        number="3",
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Skriv hva tiltaket er." in content
    assert "Planen har allerede et tiltak 3." in content
    assert "Mye tekst jeg skrev" in content  # kept
    assert ">Uke 44</textarea>" in content  # the NÅR typed, kept
    assert 'aria-invalid="true"' in content


def test_editing_records_changed_fields(as_user, plan_2025):
    client = as_user("koordinator")
    url = reverse("plans:measure_edit", args=["sor-troms-evenes", "2025-2026", 3])
    response = _posted(client, url, when_text="11.-13. august 2025", status="done")
    assert response.status_code == 302
    measure = plan_2025.measures.get(number=3)
    assert measure.when.format() == "11.–13. august 2025"
    assert measure.get_status_display() == "Gjennomført"
    entry = AuditEntry.objects.filter(action="plans.measure.changed").latest("at")
    assert entry.data["changes"]["Status"] == ["Planlagt", "Gjennomført"]
    assert "Når" in entry.data["changes"]
    log = client.get(reverse("partnerships:audit", args=["sor-troms-evenes"])).content.decode()
    assert "Marte Fjellheim" in log
    assert "<strong>Status</strong>: Planlagt → Gjennomført" in log


def test_responsibility_needs_someone(as_user, plan_2025):
    client = as_user("koordinator")
    url = reverse("plans:measure_edit", args=["sor-troms-evenes", "2025-2026", 9])
    response = _posted(client, url, **{"ansvar-1-task": "lager opplegget"})
    assert response.status_code == 200
    assert "Oppgi hvem som har ansvaret" in response.content.decode()


def test_read_only_roles_cannot_post(as_user, plan_2025):
    url = reverse("plans:measure_edit", args=["sor-troms-evenes", "2025-2026", 3])
    for username, status in (("statsforvalter", 403), ("rektor", 403), ("koordinator.ost", 404)):
        response = as_user(username).post(url, {"title": "Endret", "when_text": "Uke 1"})
        assert response.status_code == status
    assert plan_2025.measures.get(number=3).title == "Dialogsamling"


def test_activity_with_parallel_tracks(as_user, plan_2025):
    client = as_user("koordinator")
    url = reverse("plans:activity_create", args=["sor-troms-evenes", "2025-2026", 4])
    response = _posted(
        client,
        url,
        title="Webinar vår",
        kind="webinar",
        when_text="10. mars kl. 12:00-13:30",
        link="https://lokomp.example/w",
        **{
            "lop-0-title": "Barnehage",
            "lop-0-start_time": "12:00",
            "lop-0-end_time": "12:45",
            "lop-1-title": "Skole",
            "lop-1-start_time": "12:45",
            "lop-1-end_time": "12:30",
        },
    )
    assert response.status_code == 200  # the second track ends before it starts
    assert "Sluttidspunktet må komme etter starttidspunktet." in response.content.decode()
    data = form_data(response.content.decode())
    data["lop-1-end_time"] = "13:30"
    response = client.post(url, data)
    assert response.status_code == 302
    activity = plan_2025.measures.get(number=4).activities.get(title="Webinar vår")
    assert [t.title for t in activity.tracks.all()] == ["Barnehage", "Skole"]
    assert activity.when.format() == "10. mars 2026 kl. 12:00–13:30"


def test_new_plan_carries_goals_and_measures_forward(as_user, sor_troms):
    client = as_user("koordinator")
    response = client.post(
        reverse("partnerships:plan_new", args=["sor-troms-evenes"]),
        {"school_year": "2027", "copy_from_previous": "on"},
    )
    assert response.status_code == 302
    plan = sor_troms.plans.get(school_year=2027)
    previous = sor_troms.plans.get(school_year=2026)
    assert plan.goals.count() == previous.goals.count() == 12
    assert plan.measures.count() == 8
    network = plan.measures.get(number=7)
    assert network.when.format() == "2 møter høst 2027, 2 møter vår 2028"
    assert [g.text for g in network.goals.all()] == [
        g.text for g in previous.measures.get(number=7).goals.all()
    ]
    again = client.post(
        reverse("partnerships:plan_new", args=["sor-troms-evenes"]), {"school_year": "2027"}
    )
    assert "allerede en plan" in again.content.decode()


def test_deleting_a_measure_asks_first_and_is_logged(as_user, plan_2025):
    client = as_user("koordinator")
    url = reverse("plans:measure_delete", args=["sor-troms-evenes", "2025-2026", 3])
    page = client.get(url).content.decode()
    assert "Slette tiltak 3: Dialogsamling?" in page
    assert "3 aktiviteter under tiltaket slettes også." in page
    assert plan_2025.measures.filter(number=3).exists()  # nothing happens on GET
    assert as_user("statsforvalter").post(url).status_code == 403
    response = client.post(url)
    assert response["Location"] == reverse("plans:plan", args=["sor-troms-evenes", "2025-2026"])
    assert not plan_2025.measures.filter(number=3).exists()
    entry = AuditEntry.objects.get(action="plans.measure.deleted")
    assert entry.data["changes"]["Hva"] == ["Dialogsamling", None]
    assert len(entry.data["changes"]["Aktiviteter"][0]) == 3


def test_deleting_an_activity(as_user, plan_2025):
    activity = plan_2025.measures.get(number=4).activities.first()
    url = reverse("plans:activity_delete", args=["sor-troms-evenes", activity.pk])
    assert as_user("koordinator.ost").post(url).status_code == 404
    response = as_user("koordinator").post(url)
    assert response.status_code == 302
    assert not plan_2025.measures.get(number=4).activities.filter(pk=activity.pk).exists()
