"""Import of an existing plan: the table of last year's Word file, an Excel sheet, or a table
pasted from Word, read into measures a coordinator checks before anything is saved.

The table is the one coordinators know: HVA / HVORDAN / MÅLGRUPPE / NÅR / ANSVAR (or HVEM
and TIDSBRUK), rows labelled "Tiltak 1", "Tiltak 2" …, line breaks in cells, a heading row
that may repeat after a page break, a row that continues the measure above it when Word
split it over two pages, and merged cells. Every file is hostile until read: its size, what
it unpacks to, the number of rows and the length of each cell are bounded, and anything
that cannot be read is a Norwegian message, never a half import.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from lokomp.core.text import clean_text
from lokomp.core.when import When, WhenParseError, parse_when

# Bounds on what a file may hold.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
MAX_ROWS = 400
MAX_CELL = 10_000
MAX_MEASURES = 100

# Heading words → the field of a measure they name.
HEADINGS = {
    "hva": "title",
    "kva": "title",
    "tiltak": "title",
    "hvordan": "how",
    "korleis": "how",
    "målgruppe": "target",
    "målgruppa": "target",
    "hvem": "target",
    "kven": "target",
    "når": "when",
    "tidspunkt": "when",
    "tidsbruk": "when",
    "ansvar": "responsible",
    "ansvarlig": "responsible",
}
_LABEL = re.compile(r"^\s*tiltak\s*(\d{1,3})\b\.?\s*(.*)$", re.IGNORECASE | re.DOTALL)


class ImportError_(ValueError):
    """The file or text cannot be read as a plan; the message says why, in Norwegian."""


@dataclass
class ImportedMeasure:
    number: int
    title: str = ""
    how: str = ""
    target: str = ""
    when_text: str = ""
    responsible: str = ""
    when: When | None = None
    when_problem: str = ""
    problems: list[str] = field(default_factory=list)


@dataclass
class ImportPreview:
    measures: list[ImportedMeasure]
    # What was not understood, for the coordinator to see.
    notes: list[str] = field(default_factory=list)


# -- reading the sources -------------------------------------------------------------------


def rows_from_upload(upload) -> list[list[str]]:
    """The rows of the first plan table in an uploaded .docx or .xlsx."""
    name = (getattr(upload, "name", "") or "").lower()
    if upload.size > MAX_FILE_BYTES:
        raise ImportError_(_("Filen er for stor (høyst 5 MB)."))
    data = upload.read(MAX_FILE_BYTES + 1)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ImportError_(
            _("Filen kan ikke leses. Last opp en Word-fil (.docx) eller en Excel-fil (.xlsx).")
        )
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
            raise ImportError_(_("Filen pakker seg ut til for mye. Last opp planen alene."))
        names = set(archive.namelist())
    try:
        if "word/document.xml" in names or name.endswith(".docx"):
            return _docx_rows(data)
        if "xl/workbook.xml" in names or name.endswith(".xlsx"):
            return _xlsx_rows(data)
    except ImportError_:
        raise
    except Exception as error:  # noqa: BLE001 — any broken file is the user's, told kindly
        raise ImportError_(
            _("Filen kan ikke leses. Er den en Word- eller Excel-fil som åpnes i Office?")
        ) from error
    raise ImportError_(
        _("Filen kan ikke leses. Last opp en Word-fil (.docx) eller en Excel-fil (.xlsx).")
    )


def rows_from_paste(text: str) -> list[list[str]]:
    """A table copied from Word or Excel: tab between cells, a row a line (quoted cells may
    hold line breaks, as Excel copies them)."""
    text = clean_text(text)[: MAX_ROWS * 200]
    if "\t" not in text:
        raise ImportError_(
            _(
                "Fant ingen tabell i teksten. Kopier hele tabellen i Word (med overskriftene "
                "HVA, HVORDAN, MÅLGRUPPE, NÅR og ANSVAR) og lim den inn."
            )
        )
    return [list(row) for row in csv.reader(io.StringIO(text), delimiter="\t")][:MAX_ROWS]


def _docx_rows(data: bytes) -> list[list[str]]:
    from docx import Document

    document = Document(io.BytesIO(data))
    tables = [_docx_table_rows(table) for table in document.tables]
    plan_tables = [rows for rows in tables if _heading_columns(rows[:6])] or tables[:1]
    return [row for rows in plan_tables for row in rows][:MAX_ROWS]


def _docx_table_rows(table) -> list[list[str]]:
    rows = []
    for row in table.rows[:MAX_ROWS]:
        cells, seen = [], set()
        for cell in row.cells:
            # A merged cell is the same cell repeated across the columns it spans.
            if id(cell._tc) in seen:
                cells.append("")
                continue
            seen.add(id(cell._tc))
            cells.append("\n".join(p.text for p in cell.paragraphs))
        rows.append(cells)
    return rows


def _xlsx_rows(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for sheet in workbook.worksheets:
            rows = [
                ["" if value is None else str(value) for value in row]
                for row in sheet.iter_rows(max_row=MAX_ROWS, max_col=20, values_only=True)
            ]
            if _heading_columns(rows[:6]):
                return rows
        first = workbook.worksheets[0]
        return [
            ["" if value is None else str(value) for value in row]
            for row in first.iter_rows(max_row=MAX_ROWS, max_col=20, values_only=True)
        ]
    finally:
        workbook.close()


# -- reading the table ---------------------------------------------------------------------


def _heading(cell: str) -> str | None:
    word = re.sub(r"[^a-zæøå]", "", cell.strip().lower())
    return HEADINGS.get(word)


def _heading_columns(rows: list[list[str]]) -> dict[int, str]:
    """The columns of the first row that names at least three of the plan's headings."""
    for row in rows:
        columns = {i: f for i, cell in enumerate(row) if (f := _heading(cell))}
        if len(set(columns.values())) >= 3:
            return columns
    return {}


def read_plan(rows: list[list[str]], school_year: int) -> ImportPreview:
    """The measures of a plan table, each NÅR read for the school year."""
    rows = [[clean_text(c)[:MAX_CELL].strip() for c in row] for row in rows[:MAX_ROWS]]
    columns: dict[int, str] = {}
    start = 0
    for index, row in enumerate(rows):
        found = {i: f for i, cell in enumerate(row) if (f := _heading(cell))}
        if len(set(found.values())) >= 3:
            columns, start = found, index + 1
            break
    if not columns:
        raise ImportError_(
            _(
                "Fant ingen tabell med kolonnene HVA, HVORDAN, MÅLGRUPPE, NÅR og ANSVAR. "
                "Sjekk at tabellen har en overskriftsrad."
            )
        )
    # "Tiltak" as a heading over the labels is no field; the HVA column is the title.
    if list(columns.values()).count("title") > 1:
        first = min(i for i, f in columns.items() if f == "title")
        del columns[first]
    # The column of "Tiltak 1", "Tiltak 2" …: one outside the headings that holds a label.
    label_column = next(
        (
            i
            for i in range(max(len(r) for r in rows))
            if i not in columns and any(i < len(r) and _LABEL.match(r[i]) for r in rows[start:])
        ),
        None,
    )
    measures: list[ImportedMeasure] = []
    notes: list[str] = []
    for row in rows[start:]:
        if not any(row):
            continue
        if len({f for i, c in enumerate(row) if (f := _heading(c)) and i in columns}) >= 3:
            continue  # the heading repeated after a page break
        label = _label(row, label_column)
        values = {f: row[i] for i, f in columns.items() if i < len(row) and row[i]}
        if label is not None:
            number, rest = label
            if rest and not values.get("title"):
                values["title"] = rest
            measures.append(ImportedMeasure(number=number))
        elif (
            label_column is not None
            and label_column < len(row)
            and row[label_column]
            and not values
        ):
            notes.append(row[label_column][:200])  # a heading inside the table ("HØST 2023")
            continue
        elif not measures or (label_column is None and values.get("title")):
            measures.append(ImportedMeasure(number=len(measures) + 1))
        current = measures[-1]
        for name, value in values.items():
            old = getattr(current, _attribute(name))
            setattr(current, _attribute(name), f"{old}\n{value}" if old else value)
        if len(measures) > MAX_MEASURES:
            raise ImportError_(
                _("Tabellen har mer enn %(n)s tiltak. Del den opp.") % {"n": MAX_MEASURES}
            )
    if not measures:
        raise ImportError_(_("Tabellen har overskrifter, men ingen tiltak under dem."))
    for measure in measures:
        _check(measure, school_year)
    return ImportPreview(measures=measures, notes=notes)


def _attribute(name: str) -> str:
    return "when_text" if name == "when" else name


def _label(row: list[str], column: int | None) -> tuple[int, str] | None:
    if column is None or column >= len(row):
        return None
    found = _LABEL.match(row[column])
    if found is None:
        return None
    return int(found[1]), found[2].strip()


def _check(measure: ImportedMeasure, school_year: int) -> None:
    measure.title = _single_line(measure.title)[:300]
    measure.target = _single_line(measure.target)[:300]
    measure.when_text = measure.when_text[:300]
    if not measure.title:
        measure.problems.append(_("HVA mangler."))
    if measure.when_text:
        try:
            measure.when = parse_when(measure.when_text, school_year)
        except WhenParseError as error:
            measure.when_problem = str(error)
        else:
            if measure.when.unparsed:
                measure.when_problem = _("Ikke tolket: «%(words)s».") % {
                    "words": measure.when.unparsed
                }


def _single_line(text: str) -> str:
    """HVA and MÅLGRUPPE are one line in Lokomp; Word's line breaks become spaces."""
    return re.sub(r"\s*\n\s*", " ", text).strip()
