"""A unit's staff list: the list, one employee, import from CSV and Excel, export, counts
only, and deleting names after people have left."""

import csv
import io
import re
from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from lokomp.core.models import AuditEntry
from lokomp.participation.models import Employee, StaffImport
from lokomp.participation.services import staff_purge
from lokomp.registry.models import Unit

from ..conftest import client_for
from ..forms import form_data

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _names(html: str) -> list[str]:
    table = html.split('data-testid="staff"')[1].split("</table>")[0]
    return re.findall(r'<th scope="row"><a class="ds-link" href="[^"]+">([^<]+)</a>', table)


def _upload(client, unit, content: bytes, name="liste.csv"):
    url = reverse("participation:staff_import", args=[unit.pk])
    return client.post(url, {"file": SimpleUploadedFile(name, content)})


def _review(client, unit):
    return client.get(reverse("participation:staff_import_review", args=[unit.pk]))


def _confirm(client, unit):
    url = reverse("participation:staff_import_review", args=[unit.pk])
    data = form_data(client.get(url).content.decode())
    return client.post(url, data | {"bekreft": "1"})


def test_the_staff_list(as_user, unit, django_assert_num_queries):
    client = as_user("rektor")
    url = reverse("participation:staff", args=[unit.pk])
    # session, user, roles, unit, staff list settings, the counts, the page's count, its rows
    with django_assert_num_queries(8):
        page = client.get(url).content.decode()
    assert "7 ansatte nå, 1 av dem begynte det siste året." in _text(page)
    assert _names(page)[:3] == ["Emil Rasmussen", "Hilde Brattli", "Jon Eliassen"]
    assert "Lise Berg" not in _names(page)  # left in June
    left = client.get(url, {"vis": "sluttet"}).content.decode()
    assert _names(left) == ["Lise Berg"]
    teachers = client.get(url, {"rolle": "laerer", "sorter": "start"}).content.decode()
    assert _names(teachers) == ["Siv Karlsen", "Emil Rasmussen", "Nora Aas"]
    assert _names(client.get(url, {"sok": "nora"}).content.decode()) == ["Nora Aas"]
    for params in ({"vis": "x" * 500}, {"sorter": "\x00"}, {"side": "9" * 40}, {"rolle": "ø"}):
        assert client.get(url, params).status_code == 200
    # The same number of queries with 120 more.
    Employee.objects.bulk_create(
        Employee(unit=unit, name=f"Ansatt {i:03d}", role="assistent") for i in range(120)
    )
    with django_assert_num_queries(8):
        page = client.get(url, {"side": "2"}).content.decode()
    assert "Side 2 av 3" in _text(page)


def test_an_employee_is_added_and_ends(as_user, unit):
    client = as_user("eier.harstad")
    url = reverse("participation:employee_new", args=[unit.pk])
    data = form_data(client.get(url).content.decode())
    data |= {"name": "Per Pedersen", "role": "laerer", "start_date": "01.08.2026",
             "end_date": "2026-07-01"}  # fmt: skip
    page = client.post(url, data).content.decode()
    assert "Sluttdatoen kan ikke være før startdatoen." in page
    assert 'value="Per Pedersen"' in page
    data["end_date"] = ""
    assert client.post(url, data).status_code == 302
    per = Employee.objects.get(name="Per Pedersen")
    assert per.start_date == date(2026, 8, 1) and per.updated_by.username == "eier.harstad"
    edit = reverse("participation:employee", args=[unit.pk, per.pk])
    data = form_data(client.get(edit).content.decode())
    data["end_date"] = "2026-12-20"
    assert client.post(edit, data).status_code == 302
    assert Employee.objects.get(pk=per.pk).end_date == date(2026, 12, 20)
    assert AuditEntry.objects.filter(action="participation.employee.changed").exists()


def test_two_writers_on_one_employee(as_user, unit):
    siv = Employee.objects.get(name="Siv Karlsen")
    url = reverse("participation:employee", args=[unit.pk, siv.pk])
    first, second = as_user("rektor"), as_user("eier.harstad")
    mine = form_data(first.get(url).content.decode())
    theirs = form_data(second.get(url).content.decode())
    assert first.post(url, mine | {"email": "siv@kanebogen.example"}).status_code == 302
    page = second.post(url, theirs | {"role": "spesialpedagog"}).content.decode()
    assert 'data-testid="stale"' in page
    siv.refresh_from_db()
    assert siv.email == "siv@kanebogen.example" and siv.role == "laerer"


CSV_1252 = (
    "Navn;E-post;Stilling;Startdato\r\n"
    "Emil Rasmussen;ansatt@lokomp.example;Lærer;01.08.2019\r\n"
    "Hilde Brattli;rektor@lokomp.example;Rektor;01.08.2015\r\n"
    "Siv Karlsen;;spesialpedagog;01.08.2012\r\n"
    "Jon Eliassen;;Spesialpedagog;04.01.2021\r\n"
    "Mari Olsen;;Assistent;14.08.2023\r\n"
    "Nora Aas;nora@kanebogen.example;Lærer;12.08.2026\r\n"
    "Åse Ødegård;ase@kanebogen.example;Barnehagelærer;2026-11-02\r\n"
)


def test_a_csv_from_excel_on_windows_is_previewed_then_applied(as_user, unit):
    client = as_user("rektor")
    response = _upload(client, unit, CSV_1252.encode("cp1252"))
    assert response.status_code == 302
    page = _review(client, unit).content.decode()
    text = _text(page)
    # The columns are guessed from their headings; what changes is shown before anything is.
    assert 'value="name" selected' in page and 'value="role" selected' in page
    assert "1 ny ansatt" in text and "Åse Ødegård (ase@kanebogen.example)" in text
    assert "Siv Karlsen: Rolle Lærer → Spesialpedagog" in text
    # Tor Hansen is not in the file: he leaves today.
    assert "1 er ikke i filen og får sluttdato i dag" in text and "Tor Hansen" in text
    assert not Employee.objects.filter(name="Åse Ødegård").exists()
    assert _confirm(client, unit).status_code == 302
    ase = Employee.objects.get(name="Åse Ødegård")
    assert (ase.role, ase.start_date) == ("barnehagelaerer", date(2026, 11, 2))
    assert Employee.objects.get(name="Siv Karlsen").role == "spesialpedagog"
    assert Employee.objects.get(name="Tor Hansen").end_date == date(2026, 11, 23)
    assert not StaffImport.objects.exists()  # the upload, with its names, is gone
    entry = AuditEntry.objects.get(action="participation.staff.imported")
    assert entry.data["changes"]["Nye"] == [None, 1]


def test_an_excel_file_with_first_and_last_names_and_real_dates(as_user, unit):
    book = Workbook()
    sheet = book.active
    sheet.append(["Fornavn", "Etternavn", "Rolle", "Ansatt fra", "Merknad"])
    sheet.append(["Ny", "Lærer", "lærer", datetime(2026, 8, 1), '=HYPERLINK("x")'])
    out = io.BytesIO()
    book.save(out)
    client = as_user("rektor")
    assert _upload(client, unit, out.getvalue(), "ansatte.xlsx").status_code == 302
    text = _text(_review(client, unit).content.decode())
    assert "1 ny ansatt" in text and "Ny Lærer" in text
    # Everyone else is missing from this file: they would leave, as the page says.
    assert "7 er ikke i filen og får sluttdato i dag" in text
    _confirm(client, unit)
    assert Employee.objects.get(name="Ny Lærer").start_date == date(2026, 8, 1)


def test_a_file_with_bad_rows_changes_nothing_and_says_which(as_user, unit):
    content = (
        "\ufeffNavn,E-post,Rolle,Startdato\n"
        "Kari Nordmann,kari@,lærer,01.08.2025\n"
        "Per Feil,,rektor,31.02.2026\n"
        "Kari Nordmann,,tryllekunstner,\n"
        ",,lærer,\n"
    ).encode()
    client = as_user("rektor")
    _upload(client, unit, content)
    page = _review(client, unit).content.decode()
    text = _text(page)
    assert "Rad 2: «kari@» er ikke en e-postadresse." in text
    assert "Rad 3: «31.02.2026» er ikke en dato. Skriv dd.mm.åååå." in text
    assert "Rad 4: Ukjent rolle «tryllekunstner»." in text and "Samme person som i rad 2." in text
    assert "Rad 5: Mangler navn." in text
    assert "Bekreft og oppdater ansattlisten" not in page
    before = list(Employee.objects.values_list("pk", "name", "end_date"))
    _confirm(client, unit)
    assert list(Employee.objects.values_list("pk", "name", "end_date")) == before


def test_files_that_cannot_be_read(as_user, unit):
    client = as_user("rektor")
    url = reverse("participation:staff_import", args=[unit.pk])
    for content, name, message in (
        (b"PK\x03\x04 not really a zip", "x.xlsx", "Filen kan ikke leses"),
        (b"\x00\x01\x02", "x.csv", "Filen kan ikke leses"),
        (b"Navn\n", "tom.csv", "Filen har ingen rader under overskriftene."),
        (b"x" * (2 * 1024 * 1024 + 1), "stor.csv", "Filen er for stor (høyst 2 MB)."),
        (("Navn\n" + "A\n" * 5002).encode(), "lang.csv", "Filen har for mange rader"),
    ):
        response = client.post(url, {"file": SimpleUploadedFile(name, content)})
        assert response.status_code == 200, name
        assert message in response.content.decode(), name
    assert not StaffImport.objects.exists()
    page = _review(client, unit).content.decode()
    assert "Ingen fil å kontrollere" in page


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "cp1252"])
CELLS = st.one_of(
    st.text(alphabet=st.characters(codec="cp1252", exclude_characters="\r\n;"), max_size=30),
    st.sampled_from(["lærer", "Assistent", "01.08.2025", "2026-02-30", "31.12.99", "a@b.no"]),
)
ROWS = st.lists(st.lists(CELLS, min_size=4, max_size=4), min_size=1, max_size=12)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=ROWS, encoding=ENCODINGS)
def test_any_file_is_read_or_refused_and_never_half_applied(unit, rows, encoding):
    client = client_for("rektor")
    client.raise_request_exception = False
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(["Navn", "E-post", "Rolle", "Startdato"])
    writer.writerows(rows)
    with transaction.atomic():
        before = sorted(Employee.objects.values_list("pk", "name", "role", "end_date"))
        response = _upload(client, unit, out.getvalue().encode(encoding))
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            page = _review(client, unit)
            assert page.status_code == 200
            html = page.content.decode()
            confirmed = _confirm(client, unit)
            assert confirmed.status_code == 302
            after = sorted(Employee.objects.values_list("pk", "name", "role", "end_date"))
            if 'data-testid="import-problems"' in html:
                assert after == before  # nothing half-applied
            else:
                assert not StaffImport.objects.exists()
        transaction.set_rollback(True)


def test_counts_only(as_user, unit):
    client = as_user("rektor")
    url = reverse("participation:staff_settings", args=[unit.pk])
    data = form_data(client.get(url).content.decode())
    assert client.post(url, data | {"counts_only": "on"}).status_code == 302
    page = client.get(reverse("participation:staff", args=[unit.pk])).content.decode()
    assert "Enheten fører bare antall, ikke navn." in page
    assert "Siv Karlsen" not in page and "Importer fra fil" not in page


def test_names_go_after_people_have_left_and_the_counts_stay(as_user, unit, settings):
    from lokomp.participation.attendance import attended_counts, unit_activities
    from lokomp.participation.coverage import coverage

    settings.STAFF_RETENTION_DAYS = 100
    lise = Employee.objects.get(name="Lise Berg")  # left 30 June 2026
    Employee.objects.filter(pk=lise.pk).update(end_date=date(2026, 7, 31))  # the last day
    activities = unit_activities(unit, date(2026, 11, 23))
    units = Unit.objects.filter(pk=unit.pk)
    before = (
        attended_counts(unit, activities),
        coverage(units, school_year=2026, today=date(2026, 11, 23)).trend,
    )
    assert staff_purge(today=date(2026, 11, 7)) == 0
    assert staff_purge(today=date(2026, 11, 9)) == 1
    lise.refresh_from_db()
    assert (lise.name, lise.email, lise.role) == ("", "", "laerer") and lise.purged_at
    assert Employee.objects.filter(unit=unit).count() == 8
    page = (
        as_user("rektor")
        .get(reverse("participation:staff", args=[unit.pk]), {"vis": "alle"})
        .content.decode()
    )
    assert "Navn slettet" in page and "7 ansatte nå" in _text(page)
    # Who took part, and the shares of earlier years, are as they were.
    after = (
        attended_counts(unit, activities),
        coverage(units, school_year=2026, today=date(2026, 11, 23)).trend,
    )
    assert after == before
    assert before[1][1][1].staff == 7  # 2025–26: Lise was at work on 31 July 2026


def test_the_staff_list_in_excel_and_csv(as_user, unit):
    Employee.objects.filter(name="Siv Karlsen").update(name="=1+1 Siv")
    client = as_user("rektor")
    sheet = load_workbook(
        io.BytesIO(client.get(reverse("participation:staff_xlsx", args=[unit.pk])).content)
    ).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["Navn", "E-post", "Rolle", "Startdato", "Sluttdato"]
    siv = next(r for r in values if r[0] == "=1+1 Siv")
    assert sheet.cell(values.index(siv) + 1, 1).data_type == "s"
    text = client.get(reverse("participation:staff_csv", args=[unit.pk])).content.decode()
    assert text.startswith("\ufeffNavn;E-post;Rolle;Startdato;Sluttdato")
    assert "'=1+1 Siv;" in text and "Nora Aas;nora@kanebogen.example;Lærer;12.08.2026;" in text
    # What is exported can be imported again unchanged.
    _upload(client, unit, text.encode("utf-8"))
    summary = _text(_review(client, unit).content.decode())
    assert "0 nye ansatte" in summary and "0 er ikke i filen" in summary
