"""Importing a unit's staff list from CSV or Excel: read (bounded), choose what each column
holds, see what will change (new, changed, leaving, and every row that cannot be read, with
the reason in Norwegian), then confirm. Nothing is applied until confirmed, and then all of
it in one transaction.

CSV comes as Excel writes it: UTF-8, UTF-8 with a byte order mark, or Windows-1252, with
semicolons (Norwegian Excel), commas or tabs between cells.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokomp.core.audit import log_action
from lokomp.core.spreadsheets import FORMULA_STARTS
from lokomp.core.text import clean_text

from .models import Employee, StaffImport, StaffRole

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 20 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 30
MAX_CELL = 300

FIELDS = {
    "": gettext_lazy("Ikke bruk"),
    "name": gettext_lazy("Navn"),
    "first_name": gettext_lazy("Fornavn"),
    "last_name": gettext_lazy("Etternavn"),
    "email": gettext_lazy("E-post"),
    "role": gettext_lazy("Rolle"),
    "start_date": gettext_lazy("Startdato"),
    "end_date": gettext_lazy("Sluttdato"),
}
# Heading words → the field they most likely hold.
GUESSES = {
    "navn": "name",
    "namn": "name",
    "fullt navn": "name",
    "ansatt": "name",
    "fornavn": "first_name",
    "førenamn": "first_name",
    "etternavn": "last_name",
    "etternamn": "last_name",
    "e-post": "email",
    "epost": "email",
    "e-postadresse": "email",
    "email": "email",
    "rolle": "role",
    "stilling": "role",
    "stillingstittel": "role",
    "startdato": "start_date",
    "start": "start_date",
    "ansatt fra": "start_date",
    "tilsatt": "start_date",
    "sluttdato": "end_date",
    "slutt": "end_date",
    "ansatt til": "end_date",
}
ROLE_WORDS = {
    "pedagogisk leder": StaffRole.PEDAGOGICAL_LEADER,
    "pedagogisk leiar": StaffRole.PEDAGOGICAL_LEADER,
    "ped. leder": StaffRole.PEDAGOGICAL_LEADER,
    "pedleder": StaffRole.PEDAGOGICAL_LEADER,
    "lærer": StaffRole.TEACHER,
    "lærar": StaffRole.TEACHER,
    "lektor": StaffRole.TEACHER,
    "adjunkt": StaffRole.TEACHER,
    "barnehagelærer": StaffRole.KINDERGARTEN_TEACHER,
    "barnehagelærar": StaffRole.KINDERGARTEN_TEACHER,
    "fagarbeider": StaffRole.SKILLED_WORKER,
    "fagarbeidar": StaffRole.SKILLED_WORKER,
    "barne- og ungdomsarbeider": StaffRole.SKILLED_WORKER,
    "assistent": StaffRole.ASSISTANT,
    "spesialpedagog": StaffRole.SPECIAL_NEEDS,
    "pp-rådgiver": StaffRole.PP_ADVISER,
    "pp-rådgjevar": StaffRole.PP_ADVISER,
    "leder": StaffRole.LEADER,
    "leiar": StaffRole.LEADER,
    "rektor": StaffRole.LEADER,
    "styrer": StaffRole.LEADER,
    "styrar": StaffRole.LEADER,
    "annet": StaffRole.OTHER,
    "anna": StaffRole.OTHER,
}
_DATE = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


class ImportProblem(ValueError):
    """The file cannot be read at all; the message says why."""


# -- reading -------------------------------------------------------------------------------


def read_upload(upload) -> list[list[str]]:
    """The cells of an uploaded CSV or Excel file, as text (dates as yyyy-mm-dd)."""
    if upload.size > MAX_FILE_BYTES:
        raise ImportProblem(_("Filen er for stor (høyst 2 MB)."))
    data = upload.read(MAX_FILE_BYTES + 1)
    if zipfile.is_zipfile(io.BytesIO(data)):
        return _xlsx(data)
    if (getattr(upload, "name", "") or "").lower().endswith((".xlsx", ".xls", ".xlsm")):
        raise ImportProblem(
            _("Filen kan ikke leses. Er den en Excel-fil som åpnes i Office? Lagre den som .xlsx.")
        )
    return _csv(data)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value)).strip()[:MAX_CELL]


def _unquoted(text: str) -> str:
    """A cell Lokomp exported as "'=…" (so that Excel shows it as text) reads back as "=…"."""
    return text[1:] if text[:1] == "'" and text[1:2] in FORMULA_STARTS else text


def _csv(data: bytes) -> list[list[str]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16, as Teams writes its reports
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as error:
            raise ImportProblem(_("Filen kan ikke leses som CSV.")) from error
    if b"\x00" in data[:4096]:
        raise ImportProblem(
            _("Filen kan ikke leses. Last opp en CSV-fil eller en Excel-fil (.xlsx).")
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # as Excel saves CSV on Windows
    sample = text[:4096]
    delimiter = max(";,\t", key=sample.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    try:
        for index, row in enumerate(reader):
            if index >= MAX_ROWS + 1:
                raise ImportProblem(_("Filen har for mange rader (høyst 5 000)."))
            rows.append([_unquoted(_text(cell)) for cell in row[:MAX_COLUMNS]])
    except csv.Error as error:
        raise ImportProblem(_("Filen kan ikke leses som CSV.")) from error
    return [row for row in rows if any(row)]


def _xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise ImportProblem(_("Filen pakker seg ut til for mye."))
        if "xl/workbook.xml" not in archive.namelist():
            raise ImportProblem(
                _("Filen kan ikke leses. Last opp en CSV-fil eller en Excel-fil (.xlsx).")
            )
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            rows = [
                [_text(value) for value in row]
                for row in sheet.iter_rows(
                    max_row=MAX_ROWS + 2, max_col=MAX_COLUMNS, values_only=True
                )
            ]
        finally:
            workbook.close()
    except ImportProblem:
        raise
    except Exception as error:  # noqa: BLE001 — any broken file is the user's, told kindly
        raise ImportProblem(
            _("Filen kan ikke leses. Er den en Excel-fil som åpnes i Office?")
        ) from error
    rows = [row for row in rows if any(row)]
    if len(rows) > MAX_ROWS + 1:
        raise ImportProblem(_("Filen har for mange rader (høyst 5 000)."))
    return rows


def guess_mapping(headings: list[str]) -> dict[str, str]:
    """Column index (as text) → field, from the heading words."""
    mapping = {}
    for index, heading in enumerate(headings):
        found = GUESSES.get(heading.strip().lower().rstrip(":"))
        if found and found not in mapping.values():
            mapping[str(index)] = found
    return mapping


# -- reading the rows ----------------------------------------------------------------------


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    found = _ISO.match(text)
    if found:
        return date(int(found[1]), int(found[2]), int(found[3]))
    found = _DATE.match(text)
    if found:
        year = int(found[3])
        year = year + 2000 if year < 100 else year
        return date(year, int(found[2]), int(found[1]))
    raise ValueError(text)


def parse_role(text: str) -> str | None:
    key = name_key(text)
    if not key:
        return None
    if key in StaffRole.values:
        return key
    for value, label in StaffRole.choices:
        if key == str(label).lower():
            return value
    return ROLE_WORDS.get(key)


def name_key(name: str) -> str:
    """A name as compared: case and spacing do not count."""
    return " ".join(name.lower().split())


def person_key(email: str, name: str) -> str:
    """Who a row or an employee is: the e-mail address where there is one, else the name."""
    return email.lower() if email else name_key(name)


@dataclass
class Row:
    number: int  # the row in the file, as a spreadsheet counts (the heading is 1)
    name: str = ""
    email: str = ""
    role: str = ""
    start_date: date | None = None
    end_date: date | None = None
    problems: list[str] = field(default_factory=list)

    def key(self) -> str:
        return person_key(self.email, self.name)


def read_rows(rows: list[list[str]], mapping: dict[str, str]) -> list[Row]:
    """The staff in the file, each row with what cannot be read in it."""
    columns = {f: int(i) for i, f in mapping.items() if f}
    out = []
    seen: dict[str, int] = {}

    def cell(values: list[str], name: str) -> str:
        index = columns.get(name)
        return values[index] if index is not None and index < len(values) else ""

    for number, values in enumerate(rows[1:], start=2):
        row = Row(number=number)
        row.name = cell(values, "name") or " ".join(
            part for part in (cell(values, "first_name"), cell(values, "last_name")) if part
        )
        row.email = cell(values, "email")
        if not row.name and not row.email:
            row.problems.append(_("Mangler navn."))
        if row.email:
            try:
                validate_email(row.email)
            except ValidationError:
                row.problems.append(
                    _("«%(value)s» er ikke en e-postadresse.") % {"value": row.email}
                )
        role_text = cell(values, "role")
        role = parse_role(role_text)
        if role is None:
            if role_text:
                row.problems.append(
                    _("Ukjent rolle «%(value)s». Bruk for eksempel lærer, assistent eller leder.")
                    % {"value": role_text}
                )
            else:
                role = StaffRole.OTHER
        row.role = role or ""
        for name in ("start_date", "end_date"):
            text = cell(values, name)
            try:
                setattr(row, name, parse_date(text))
            except ValueError:
                row.problems.append(
                    _("«%(value)s» er ikke en dato. Skriv dd.mm.åååå.") % {"value": text}
                )
        if row.start_date and row.end_date and row.end_date < row.start_date:
            row.problems.append(_("Sluttdatoen er før startdatoen."))
        # The same person twice: by e-mail address, or by name.
        keys = [k for k in (row.email.lower(), name_key(row.name)) if k]
        earlier = next((seen[k] for k in keys if k in seen), None)
        if earlier is not None:
            row.problems.append(_("Samme person som i rad %(row)s.") % {"row": earlier})
        for k in keys:
            seen.setdefault(k, number)
        out.append(row)
    return out


# -- what will change ----------------------------------------------------------------------

COMPARED = ("name", "email", "role", "start_date", "end_date")


@dataclass
class Change:
    row: Row
    employee: Employee | None = None
    # Field label → (now, from the file), for a changed employee.
    differences: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class Preview:
    rows: list[Row]
    new: list[Change] = field(default_factory=list)
    changed: list[Change] = field(default_factory=list)
    unchanged: int = 0
    leaving: list[Employee] = field(default_factory=list)

    @property
    def problems(self) -> list[Row]:
        return [row for row in self.rows if row.problems]

    @property
    def can_apply(self) -> bool:
        return bool(self.rows) and not self.problems


def _shown(value) -> str:
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if value in StaffRole.values:
        return str(StaffRole(value).label)
    return "" if value is None else str(value)


def preview(unit, rows: list[Row], *, today: date) -> Preview:
    """What confirming would do to the unit's current staff: who is new, who changes, and
    who is not in the file and so leaves today."""
    result = Preview(rows=rows)
    known = list(Employee.objects.filter(unit=unit, purged_at__isnull=True))
    current = [e for e in known if e.end_date is None or e.end_date >= today]
    by_key = {}
    # Everyone known is matched (someone who left may be in the file with their end date);
    # only those at work now can leave.
    for employee in known:
        by_key.setdefault(person_key(employee.email, employee.name), employee)
        if employee.email:  # a file without addresses still finds people by name
            by_key.setdefault(name_key(employee.name), employee)
    matched = set()
    for row in rows:
        if row.problems:
            continue
        employee = by_key.get(row.key()) or by_key.get(name_key(row.name))
        if employee is None:
            result.new.append(Change(row))
            continue
        matched.add(employee.pk)
        differences = {}
        for name in COMPARED:
            now, then = getattr(employee, name), getattr(row, name)
            if name == "email" and not then:
                continue  # a file without addresses keeps the addresses known
            if now != then and not (name in ("start_date", "end_date") and then is None):
                label = str(Employee._meta.get_field(name).verbose_name)
                differences[label] = (_shown(now), _shown(then))
        if differences:
            result.changed.append(Change(row, employee, differences))
        else:
            result.unchanged += 1
    result.leaving = [e for e in current if e.pk not in matched]
    return result


@transaction.atomic
def apply(*, staff_import: StaffImport, user, today: date | None = None) -> Preview:
    """Carry out a confirmed import: all of it, or nothing when a row cannot be read."""
    today = today or timezone.localdate()
    staff_import = StaffImport.objects.select_for_update().get(pk=staff_import.pk)
    rows = read_rows(staff_import.rows, staff_import.mapping)
    result = preview(staff_import.unit, rows, today=today)
    if not result.can_apply:
        return result
    unit = staff_import.unit
    for change in result.new:
        row = change.row
        employee = Employee(
            unit=unit,
            name=row.name,
            email=row.email,
            role=row.role,
            start_date=row.start_date,
            end_date=row.end_date,
            updated_by=user,
        )
        employee.full_clean()
        employee.save()
    for change in result.changed:
        employee, row = change.employee, change.row
        employee.name, employee.role = row.name, row.role
        employee.email = row.email or employee.email
        employee.start_date = row.start_date or employee.start_date
        employee.end_date = row.end_date or employee.end_date
        employee.updated_by = user
        employee.full_clean()
        employee.save()
    for employee in result.leaving:
        employee.end_date = today
        employee.updated_by = user
        employee.save(update_fields=["end_date", "updated_at", "updated_by"])
    log_action(
        "participation.staff.imported",
        user=user,
        obj=unit,
        changes={
            _("Nye"): [None, len(result.new)],
            _("Endret"): [None, len(result.changed)],
            _("Sluttet"): [None, len(result.leaving)],
        },
        county=unit.municipality.county,
    )
    staff_import.delete()
    return result
