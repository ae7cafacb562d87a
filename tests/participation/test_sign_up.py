"""Signing staff up with places and a waiting list."""

import pytest
from django.urls import reverse

from lokomp.participation.models import Employee, SignUp, SignUpStatus
from lokomp.participation.signup import sign_up, sign_up_cancel

from ..forms import form_data

pytestmark = pytest.mark.django_db


def _people(*names):
    return [Employee.objects.get(name=n) for n in names]


def test_places_then_the_waiting_list_then_moving_up(as_user, unit, day_one):
    track = day_one.tracks.get(title="Fra uro til ro i klasserommet")
    track.capacity = 2
    track.save()
    client = as_user("rektor")
    url = reverse("participation:sign_up", args=[unit.pk, day_one.pk])
    data = form_data(client.get(url).content.decode())
    # (Emil Rasmussen is signed up already, for the day as a whole.)
    mari, siv, jon = _people("Mari Olsen", "Siv Karlsen", "Jon Eliassen")
    data |= {f"p-{mari.pk}": "1", f"p-{siv.pk}": "1", f"p-{jon.pk}": "1", "spor": str(track.pk)}
    page = client.post(url, data, follow=True).content.decode()
    assert "3 meldt på, 1 av dem på venteliste." in page
    assert "2 av 2 plasser tatt, 0 ledige, 1 på venteliste" in page
    assert SignUp.objects.filter(track=track, status=SignUpStatus.CONFIRMED).count() == 2
    waiting = SignUp.objects.get(status=SignUpStatus.WAITING)
    assert "venteliste nr. 1" in page
    # Someone with a place withdraws: the first in line gets it.
    holder = SignUp.objects.filter(track=track, status=SignUpStatus.CONFIRMED).first()
    cancel = reverse("participation:sign_up_cancel", args=[unit.pk, holder.pk])
    page = client.post(cancel, follow=True).content.decode()
    assert f"{waiting.employee.name} har fått plassen." in page
    assert SignUp.objects.get(pk=waiting.pk).status == SignUpStatus.CONFIRMED
    assert SignUp.objects.filter(track=track).count() == 2
    # Signing up again someone already signed up changes nothing.
    again = sign_up(activity=day_one, track=track, employees=[waiting.employee], user=None)
    assert again == []


def test_without_a_limit_everyone_gets_a_place(unit, day_one):
    made = sign_up(
        activity=day_one, track=None, employees=_people("Emil Rasmussen", "Siv Karlsen"), user=None
    )
    assert {m.status for m in made} == {SignUpStatus.CONFIRMED}
    waiting = [m for m in made if m.status == SignUpStatus.WAITING]
    assert waiting == []
    assert sign_up_cancel(sign_up=made[0], user=None) is None


def test_an_outsider_cannot_sign_up_or_cancel(as_user, unit, day_one):
    made = sign_up(activity=day_one, track=None, employees=_people("Siv Karlsen"), user=None)
    cancel = reverse("participation:sign_up_cancel", args=[unit.pk, made[0].pk])
    assert as_user("koordinator").post(cancel).status_code == 404
    assert SignUp.objects.filter(pk=made[0].pk).exists()


# Staff sign themselves up on «Mine aktiviteter».

MINE = reverse("participation:my_activities")


def _question_hour():
    from lokomp.plans.models import Activity

    return Activity.objects.get(title="Spørretime for nyansatte")


def test_an_employee_signs_up_is_put_on_the_waiting_list_and_withdraws(as_user, unit):
    hour = _question_hour()
    hour.capacity = 1
    hour.save()
    client = as_user("ansatt")  # Emil Rasmussen
    page = client.get(MINE).content.decode()
    ahead = page.split('data-testid="my-ahead"')[1].split("</ul>")[0]
    assert "Spørretime for nyansatte" in ahead and "Meld meg på" in ahead
    # Siv took the only place first.
    sign_up(activity=hour, track=None, employees=_people("Siv Karlsen"), user=None)
    url = reverse("participation:my_sign_up", args=[hour.pk])
    page = client.post(url, {"handling": "meld-pa"}, follow=True).content.decode()
    assert "Det er fullt. Du står på ventelisten til Spørretime for nyansatte" in page
    emil = SignUp.objects.get(activity=hour, employee__name="Emil Rasmussen")
    assert emil.status == SignUpStatus.WAITING
    assert "På venteliste" in page.split('data-testid="my-ahead"')[1]
    # Siv withdraws: Emil moves up, and sees it.
    sign_up_cancel(
        sign_up=SignUp.objects.get(activity=hour, employee__name="Siv Karlsen"), user=None
    )
    page = client.get(MINE).content.decode()
    assert "Påmeldt" in page.split('data-testid="my-ahead"')[1].split("</ul>")[0]
    # Emil withdraws himself.
    page = client.post(url, {"handling": "meld-av"}, follow=True).content.decode()
    assert "Du er meldt av Spørretime for nyansatte." in page
    assert not SignUp.objects.filter(activity=hour).exists()


def test_an_employee_chooses_a_parallel_lecture_with_places_of_its_own(as_user):
    from lokomp.plans.models import Track

    hour = _question_hour()
    school = Track.objects.create(activity=hour, title="Skole", capacity=5, order=0)
    Track.objects.create(activity=hour, title="Barnehage", capacity=5, order=1)
    client = as_user("ansatt")
    assert f'<option value="{school.pk}">Skole</option>' in client.get(MINE).content.decode()
    url = reverse("participation:my_sign_up", args=[hour.pk])
    page = client.post(url, {"handling": "meld-pa", "spor": str(school.pk)}, follow=True)
    assert "Du er påmeldt Spørretime for nyansatte." in page.content.decode()
    assert SignUp.objects.get(activity=hour).track == school


def test_an_activity_that_is_over_takes_no_sign_up(as_user):
    from lokomp.plans.models import Activity

    summer = Activity.objects.get(title="Dialogsamling august 2026")
    # The August session is over: signing up for it changes nothing.
    url = reverse("participation:my_sign_up", args=[summer.pk])
    page = as_user("ansatt").post(url, {"handling": "meld-pa"}, follow=True).content.decode()
    assert "Aktiviteten er over. Påmeldingen er ikke endret." in page
    assert not SignUp.objects.filter(activity=summer).exists()


def test_only_the_employee_on_a_unit_the_activity_concerns_may_sign_up(as_user, day_one):
    hour = _question_hour()
    url = reverse("participation:my_sign_up", args=[hour.pk])
    # A unit leader is no employee here; an activity id that is not theirs is 404.
    assert as_user("rektor").post(url, {"handling": "meld-pa"}).status_code == 404
    assert as_user("koordinator").post(url, {"handling": "meld-pa"}).status_code == 404
    other = reverse("participation:my_sign_up", args=[999999])
    assert as_user("ansatt").post(other, {"handling": "meld-pa"}).status_code == 404
    # Someone whose login e-mail is on no list: 404, nothing written.
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username="ansatt").update(email="ukjent@example.no")
    assert as_user("ansatt").post(url, {"handling": "meld-pa"}).status_code == 404
    assert not SignUp.objects.filter(activity=hour).exists()


def test_two_at_once_cannot_both_take_the_last_place(db):
    """Runs on PostgreSQL, where two connections really wait for each other. The first
    sign-up holds its transaction open while the second tries: the second must wait for the
    lock on the activity and then find the place taken."""
    import threading
    import time

    from django.db import connection, connections, transaction

    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; runs in the PostgreSQL pass")
    hour = _question_hour()
    siv, jon = (e.pk for e in _people("Siv Karlsen", "Jon Eliassen"))
    first_in = threading.Event()
    found = {}

    def first():
        try:
            with transaction.atomic():
                activity = type(hour).objects.get(pk=hour.pk)
                activity.capacity = 1
                activity.save(update_fields=["capacity"])
            with transaction.atomic():
                sign_up(
                    activity=activity,
                    track=None,
                    employees=[Employee.objects.get(pk=siv)],
                    user=None,
                )
                first_in.set()
                time.sleep(0.5)  # the second arrives while this one holds the place
        finally:
            first_in.set()
            connections.close_all()

    def second():
        try:
            first_in.wait(10)
            made = sign_up(
                activity=type(hour).objects.get(pk=hour.pk),
                track=None,
                employees=[Employee.objects.get(pk=jon)],
                user=None,
            )
            found["second"] = made[0].status
            found["all"] = sorted(
                SignUp.objects.filter(activity_id=hour.pk).values_list("status", flat=True)
            )
        finally:
            SignUp.objects.filter(activity_id=hour.pk).delete()
            type(hour).objects.filter(pk=hour.pk).update(capacity=hour.capacity)
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert found["second"] == SignUpStatus.WAITING
    assert found["all"] == [SignUpStatus.CONFIRMED, SignUpStatus.WAITING]
