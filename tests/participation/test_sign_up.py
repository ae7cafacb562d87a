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
