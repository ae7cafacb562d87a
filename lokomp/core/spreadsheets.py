"""Writing rows to Excel so that every cell shows what was written: text cleaned of control
characters (openpyxl refuses them), and text that starts like a formula ("=", "+", "-",
"@") kept as text, never run as a formula."""

from __future__ import annotations

from collections.abc import Iterable

from .text import export_text

FORMULA_STARTS = ("=", "+", "-", "@")


def append_row(sheet, values: Iterable) -> None:
    sheet.append([export_text(value) for value in values])
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
            cell.data_type = "s"
            cell.quotePrefix = True


def write_table(
    sheet,
    headings: list,
    rows: Iterable[tuple[list, str]],
    *,
    widths: list[int],
    date_columns: tuple[int, ...] = (),
) -> None:
    """A sheet as a table: bold headings, then each row with its first cell filled in the
    row's colour ("#rrggbb"), wrapped text, the given column widths and dates as dates."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    append_row(sheet, headings)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for values, colour in rows:
        append_row(sheet, values)
        sheet.cell(sheet.max_row, 1).fill = PatternFill("solid", fgColor=colour.lstrip("#"))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for line in sheet.iter_rows(min_row=2):
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        for index in date_columns:
            line[index].number_format = "DD.MM.YYYY"
