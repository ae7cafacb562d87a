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
