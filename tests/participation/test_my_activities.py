"""An employee's own page."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from lokomp.participation.models import Attendance, Employee

pytestmark = pytest.mark.django_db
URL = reverse("participation:my_activities")


def test_an_employee_sees_their_sign_ups_attendance_and_what_is_ahead(as_user, unit, day_one):
    emil = Employee.objects.get(name="Emil Rasmussen")
    Attendance.objects.create(activity=day_one, unit=unit, employee=emil)
    page = as_user("ansatt").get(URL).content.decode()  # Emil's account
    sign_ups = page.split('data-testid="my-sign-ups"')[1].split("</ul>")[0]
    assert "Dialogsamling dag 1" in sign_ups and "Påmeldt" in sign_ups
    assert "Dialogsamling dag 1" in page.split('data-testid="my-attendance"')[1].split("</ul>")[0]
    assert "/kalender/enhet/" in page
    assert reverse("participation:my_activities") in as_user("ansatt").get("/").content.decode()


def test_someone_not_on_the_list_is_told_how_to_get_there(as_user):
    get_user_model().objects.filter(username="ansatt").update(email="ukjent@example.no")
    page = as_user("ansatt").get(URL).content.decode()
    assert "Du står ikke på enhetens ansattliste med e-postadressen din" in page
    assert 'data-testid="my-sign-ups"' not in page


def test_only_employees_have_the_page(as_user):
    assert as_user("rektor").get(URL).status_code == 404
    assert as_user("koordinator").get(URL).status_code == 404
