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


def test_an_employee_has_a_calendar_of_their_own_sign_ups(as_user):
    from datetime import date

    from django.test import Client
    from icalendar import Calendar

    page = as_user("ansatt").get(URL).content.decode()
    link = page.split('data-testid="own-feed">')[1].split("</code>")[0]
    path = link.removeprefix("http://testserver")
    feed = Client().get(path)  # a calendar program: no login
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    titles = {str(e["SUMMARY"]) for e in Calendar.from_ical(feed.content).walk("VEVENT")}
    assert any("Dialogsamling dag 1" in t for t in titles)  # Emil is signed up for it
    assert not any("Dialogsamling dag 2" in t for t in titles)  # the unit's, not his
    # When he has left, the link stops working.
    Employee.objects.filter(name="Emil Rasmussen").update(end_date=date(2026, 10, 31))
    assert Client().get(path).status_code == 404
