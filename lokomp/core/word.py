"""Word documents as Norwegian offices print them: A4, with margins and a readable size,
and text that can be read on a coloured cell."""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

A4_SHORT, A4_LONG = Cm(21.0), Cm(29.7)


def a4_document(*, landscape: bool = False, margin_cm: float = 1.8, font_pt: int = 10):
    """A new document on A4 paper (python-docx starts on US Letter)."""
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    )
    for margin in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, margin, Cm(margin_cm))
    document.styles["Normal"].font.size = Pt(font_pt)
    return document


def set_column_widths(table, widths_cm: list[float]) -> None:
    """Fixed column widths, as Word keeps them (each cell carries its width)."""
    table.autofit = False
    for row in table.rows:
        for cell, width in zip(row.cells, widths_cm, strict=True):
            cell.width = Cm(width)


def shade(cell, colour: str) -> None:
    """Fill a cell with a colour, and make its text black or white, whichever reads best
    on it (WCAG contrast)."""
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour.lstrip("#"))
    properties.append(shading)
    text = RGBColor(0, 0, 0) if contrast_with_black(colour) >= 4.5 else RGBColor(255, 255, 255)
    for paragraph in cell.paragraphs:
        for run in paragraph.runs:
            run.font.color.rgb = text


def contrast_with_black(colour: str) -> float:
    value = colour.lstrip("#")
    channels = [int(value[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return (luminance + 0.05) / 0.05


def table_with_headings(document, headings):
    """A bordered table with its bold heading row."""
    table = document.add_table(rows=1, cols=len(headings))
    table.style = "Table Grid"
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        cell.text = str(heading)
        cell.paragraphs[0].runs[0].bold = True
    return table
