"""Checking in in the room without logging in, and attendance from a Teams report."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from lokomp.participation.models import Attendance, AttendanceSource, CheckInCode
from lokomp.plans.models import Activity

from ..forms import form_data

pytestmark = pytest.mark.django_db
ON_THE_DAY = datetime(2026, 8, 13, 9, 15, tzinfo=ZoneInfo("Europe/Oslo"))


@pytest.fixture
def august():
    """The 2026–27 plan's dialogue session in Harstad, with two parallel lectures."""
    return Activity.objects.get(title="Dialogsamling august 2026")


def _code(as_user, activity) -> str:
    """The coordinator makes the activity's code (the demo has one for the August day)."""
    url = reverse("participation:check_in_code", args=["sor-troms-evenes", activity.pk])
    client = as_user("koordinator")
    if not CheckInCode.objects.filter(activity=activity).exists():
        assert "Lag kode for innsjekking" in client.get(url).content.decode()
    page = client.post(url, follow=True).content.decode()
    code = CheckInCode.objects.get(activity=activity).code
    assert code in page and "<svg" in page
    # Asking again keeps the code.
    client.post(url)
    assert CheckInCode.objects.get(activity=activity).code == code
    return code


def test_a_coordinator_makes_a_code_once(as_user):
    hour = Activity.objects.get(title="Spørretime for nyansatte")
    code = _code(as_user, hour)
    assert len(code) == 6 and not set(code) & set("01OIL")
    page = Client().get(reverse("participation:check_in", args=[code])).content.decode()
    assert "Innsjekkingen er ikke åpen nå" in page  # not before 20 January 2027


def test_staff_check_in_on_a_phone_once_and_without_seeing_names(as_user, unit, august, suite_now):
    code = _code(as_user, august)
    phone = Client()
    url = reverse("participation:check_in", args=[code])
    # Before the day the code does not take check-ins.
    assert "Innsjekkingen er ikke åpen nå" in phone.get(url).content.decode()
    suite_now.move_to(ON_THE_DAY)
    page = phone.get(url).content.decode()
    assert "Kanebogen skole (Harstad)" in page
    assert "Nora Aas" not in page and "Emil Rasmussen" not in page  # names are matched, not shown
    track = august.tracks.get(title="Fra uro til ro i klasserommet")
    data = form_data(page) | {"unit": str(unit.pk), "name": "  nora   AAS ", "track": str(track.pk)}
    done = phone.post(url, data).content.decode()
    assert "Takk, Nora Aas. Du er sjekket inn." in done
    row = Attendance.objects.get(activity=august, employee__name="Nora Aas")
    assert (row.source, row.track, row.unit) == (AttendanceSource.CHECK_IN, track, unit)
    # The same person again: told so, still one row.
    again = phone.post(url, data).content.decode()
    assert "Nora Aas, du var allerede sjekket inn." in again
    assert Attendance.objects.filter(activity=august, employee__name="Nora Aas").count() == 1
    # Someone who left before the day, and a name not on the list: told, nothing written,
    # what they typed kept.
    for name in ("Lise Berg", "Kari Nordmann"):
        page = phone.post(url, data | {"name": name}).content.decode()
        assert "Navnet står ikke på ansattlisten til Kanebogen skole." in page
        assert f'value="{name}"' in page
    # Nora, and the five the leader recorded in the demo.
    assert Attendance.objects.filter(activity=august).count() == 6
    # The coordinators see the count.
    shown = as_user("koordinator").get(
        reverse("participation:check_in_code", args=["sor-troms-evenes", august.pk])
    )
    assert "6 registrert som til stede (1 sjekket inn selv)." in shown.content.decode()


def test_the_short_code_can_be_typed_as_read(as_user, august):
    code = _code(as_user, august)
    start = reverse("participation:check_in_start")
    typed = f"{code[:3].lower()} {code[3:].lower()}"
    response = Client().get(start, {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == reverse("participation:check_in", args=[code])
    page = Client().get(start, {"code": "ZZZZZZ"}).content.decode()
    assert "Fant ingen innsjekking med den koden." in page
    assert Client().get(reverse("participation:check_in", args=["ZZZZZZ"])).status_code == 404


def test_a_unit_that_keeps_counts_only_is_not_offered(as_user, unit, august, suite_now):
    from lokomp.participation.models import StaffList

    StaffList.objects.filter(unit=unit).update(counts_only=True)
    code = _code(as_user, august)
    suite_now.move_to(ON_THE_DAY)
    page = Client().get(reverse("participation:check_in", args=[code])).content.decode()
    assert "Kanebogen skole" not in page


TEAMS_REPORT = (
    "1. Sammendrag\n"
    "Møtetittel\tDigital dialogsamling\n"
    "Antall deltakere\t5\n"
    "\n"
    "2. Deltakere\n"
    "Navn\tFørste tilkobling\tSiste frakobling\tVarighet i møtet\tE-post\t"
    "Deltaker-ID (UPN)\tRolle\n"
    "Kari Lund (SNU)\t17.11.2025, 09:00:00\t17.11.2025, 11:00:00\t2 t\tkari@snu.example\t"
    "kari@snu.example\tArrangør\n"
    "Rasmussen, Emil\t17.11.2025, 09:01:10\t17.11.2025, 11:00:00\t1 t 59 min\t"
    "ANSATT@lokomp.example\tansatt@lokomp.example\tDeltaker\n"
    "Siv Karlsen\t17.11.2025, 09:03:00\t17.11.2025, 10:30:00\t1 t 27 min\t\t\tDeltaker\n"
    "Siv Karlsen\t17.11.2025, 10:35:00\t17.11.2025, 11:00:00\t25 min\t\t\tDeltaker\n"
    "Gjest Gjestesen\t17.11.2025, 09:05:00\t17.11.2025, 11:00:00\t1 t 55 min\t\t\tDeltaker\n"
    "\n"
    "3. Aktiviteter i møtet\n"
    "Navn\tTilkobling\tFrakobling\n"
    "Jon Eliassen\t17.11.2025, 09:00:00\t17.11.2025, 09:01:00\n"
)


def test_attendance_from_a_teams_report_is_matched_previewed_and_recorded(as_user, unit):
    digital = Activity.objects.get(title="Digital dialogsamling for skole")
    url = reverse("participation:teams_import", args=["sor-troms-evenes", digital.pk])
    client = as_user("koordinator")
    upload = SimpleUploadedFile(
        "oppmoteliste.csv", TEAMS_REPORT.encode("utf-16"), content_type="text/csv"
    )
    page = client.post(url, {"file": upload}).content.decode()
    summary = page.split('data-testid="teams-summary"')[1].split("</ul>")[0]
    assert "2 deltakere kobles til en ansattliste" in summary
    assert "2 står ikke på noen ansattliste" in summary  # the organiser and the guest
    assert "Jon Eliassen" not in page  # the section after the participants is not read
    assert not Attendance.objects.filter(activity=digital).exists()  # nothing before confirming
    data = form_data(page) | {"bekreft": "1"}
    done = client.post(url, data, follow=True).content.decode()
    assert "2 deltakere er registrert." in done
    rows = Attendance.objects.filter(activity=digital)
    assert {r.employee.name for r in rows} == {"Emil Rasmussen", "Siv Karlsen"}
    assert {r.source for r in rows} == {AttendanceSource.TEAMS}
    # The same report again: both are registered already; confirming adds nothing.
    upload.seek(0)
    page = client.post(url, {"file": upload}).content.decode()
    assert "2 er registrert fra før" in page
    client.post(url, form_data(page) | {"bekreft": "1"})
    assert Attendance.objects.filter(activity=digital).count() == 2


def test_a_teams_preview_cannot_be_forged(as_user, unit):
    from lokomp.participation.models import Employee

    digital = Activity.objects.get(title="Digital dialogsamling for skole")
    url = reverse("participation:teams_import", args=["sor-troms-evenes", digital.pk])
    tor = Employee.objects.get(name="Tor Hansen")
    page = (
        as_user("koordinator")
        .post(url, {"bekreft": "1", "matches": f"[{tor.pk}]"}, follow=True)
        .content.decode()
    )
    assert "Forhåndsvisningen er for gammel. Last opp filen på nytt." in page
    assert not Attendance.objects.filter(activity=digital).exists()


def test_a_file_that_is_no_teams_report_is_explained(as_user):
    digital = Activity.objects.get(title="Digital dialogsamling for skole")
    url = reverse("participation:teams_import", args=["sor-troms-evenes", digital.pk])
    upload = SimpleUploadedFile("tall.csv", b"a;b\n1;2\n", content_type="text/csv")
    page = as_user("koordinator").post(url, {"file": upload}).content.decode()
    assert "Fant ingen deltakerliste i filen." in page
