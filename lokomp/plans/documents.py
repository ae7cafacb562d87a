"""The plan as the documents coordinators hand on: PDF (WeasyPrint, from the same template
as the page), DOCX (python-docx) and XLSX (openpyxl), all from `plan_rows`."""

from __future__ import annotations

from io import BytesIO

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import Workbook

from lokomp.core.pdf import html_to_pdf
from lokomp.core.spreadsheets import append_row, write_table
from lokomp.core.text import export_text as clean
from lokomp.core.word import a4_document, set_column_widths, shade, table_with_headings
from lokomp.partnerships.models import Scheme

from .models import ActionPlan, Activity, Goal
from .queries import PlanRow, plan_activities, plan_rows

HEADERS = [
    "",
    gettext_lazy("HVA"),
    gettext_lazy("HVORDAN"),
    gettext_lazy("MÅLGRUPPE"),
    gettext_lazy("NÅR"),
    gettext_lazy("ANSVAR"),
]
ACTIVITY_HEADERS = [
    "",
    gettext_lazy("NÅR"),
    gettext_lazy("HVA"),
    gettext_lazy("HVEM"),
    gettext_lazy("KOMMUNER"),
]
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def plan_document(plan: ActionPlan, fmt: str, *, base_url: str = ".") -> bytes:
    """The plan as a PDF, DOCX or XLSX file."""
    if fmt == "pdf":
        html = render_to_string("plans/plan_print.html", plan_context(plan))
        return html_to_pdf(html, base_url=base_url)
    maker = {"docx": plan_docx, "xlsx": plan_xlsx}[fmt]
    buffer = BytesIO()
    maker(plan, *plan_rows(plan), plan_activities(plan)).save(buffer)
    return buffer.getvalue()


def plan_context(plan: ActionPlan) -> dict:
    long_term, sub_goals, rows = plan_rows(plan)
    return {
        "plan": plan,
        "partnership": plan.partnership,
        "long_term_goals": long_term,
        "sub_goals": sub_goals,
        "rows": rows,
        "activities": plan_activities(plan),
        "schemes": Scheme.objects.all(),
        "printed": timezone.localdate(),
    }


def target_cell(row: PlanRow) -> str:
    text = row.measure.target_summary
    if row.target.line:
        text += f" ({row.target.line})"
    return text


def responsibility_cell(row: PlanRow) -> str:
    return "\n".join(str(r) for r in row.measure.responsibilities.all())


def plan_docx(
    plan: ActionPlan,
    long_term: list[Goal],
    sub_goals: list[Goal],
    rows: list[PlanRow],
    activities: list[Activity] = (),  # type: ignore[assignment]
):
    document = a4_document(landscape=True)
    document.add_heading(clean(plan.partnership.name), level=1)
    document.add_paragraph(
        _("%(plan)s – skoleåret %(year)s") % {"plan": plan, "year": plan.school_year_label}
    )
    if plan.introduction:
        document.add_paragraph(clean(plan.introduction))
    if plan.approval_note:
        document.add_paragraph(clean(plan.approval_note))
    for title, goals in (
        (_("Langsiktige mål"), long_term),
        (_("Delmål %(year)s") % {"year": plan.school_year_label}, sub_goals),
    ):
        if goals:
            document.add_heading(title, level=2)
            for goal in goals:
                document.add_paragraph(clean(goal.text), style="List Bullet")
    document.add_heading(_("Tiltak"), level=2)
    table = table_with_headings(document, HEADERS)
    for row in rows:
        measure = row.measure
        cells = table.add_row().cells
        cells[0].text = _("Tiltak %(number)s") % {"number": measure.number}
        shade(cells[0], measure.scheme.colour)
        cells[1].text = clean(measure.title)
        cells[2].text = clean(measure.how)
        cells[3].text = clean(target_cell(row))
        cells[4].text = clean(measure.when_display)
        cells[5].text = clean(responsibility_cell(row))
    # The seed's proportions, filling the 26.1 cm between A4's landscape margins.
    set_column_widths(table, [2.3, 4.5, 8.0, 4.2, 3.5, 3.6])
    if activities:
        document.add_heading(_("Aktiviteter"), level=2)
        table = table_with_headings(document, ACTIVITY_HEADERS)
        for activity in activities:
            cells = table.add_row().cells
            cells[0].text = _("Tiltak %(number)s") % {"number": activity.measure.number}
            shade(cells[0], (activity.scheme or activity.measure.scheme).colour)
            cells[1].text = clean(activity.when_display)
            cells[2].text = clean(activity.title)
            cells[3].text = clean(activity.target_summary)
            cells[4].text = clean(", ".join(str(m) for m in activity.municipalities.all()))
        set_column_widths(table, [2.3, 5.0, 8.8, 5.5, 4.5])
    document.add_paragraph()
    legend = document.add_paragraph(_("Fargekoder:") + " ")
    legend.add_run(clean(", ".join(f"{s.label} ({s.name})" for s in Scheme.objects.all())))
    if plan.caveat:
        document.add_paragraph(clean(plan.caveat))
    return document


def plan_xlsx(
    plan: ActionPlan,
    long_term: list[Goal],
    sub_goals: list[Goal],
    rows: list[PlanRow],
    activities: list[Activity] = (),  # type: ignore[assignment]
) -> Workbook:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Tiltak")
    headers = [
        _("Tiltak"),
        _("Hva"),
        _("Hvordan"),
        _("Målgruppe"),
        _("Antall (oppgitt)"),
        _("Antall (registeret)"),
        _("Når"),
        _("Tolket som"),
        _("Fra"),
        _("Til"),
        _("Ansvar"),
        _("Ordning"),
        _("Form"),
        _("Status"),
    ]
    write_table(
        sheet,
        headers,
        (
            (
                [
                    row.measure.number,
                    row.measure.title,
                    row.measure.how,
                    row.measure.target_summary,
                    row.target.stated,
                    row.target.registry,
                    row.measure.when_display,
                    row.measure.when_interpreted,
                    row.measure.when_start,
                    row.measure.when_end,
                    responsibility_cell(row),
                    row.measure.scheme.name,
                    row.measure.get_format_display(),
                    row.measure.get_status_display(),
                ],
                row.measure.scheme.colour,
            )
            for row in rows
        ),
        widths=[8, 40, 50, 40, 12, 12, 28, 28, 12, 12, 40, 20, 14, 12],
        date_columns=(8, 9),
    )
    if activities:
        write_table(
            workbook.create_sheet(_("Aktiviteter")),
            [
                _("Tiltak"),
                _("Når"),
                _("Tolket som"),
                _("Fra"),
                _("Til"),
                _("Hva"),
                _("Hvem"),
                _("Kommuner"),
                _("Ordning"),
                _("Sted"),
                _("Status"),
            ],
            (
                (
                    [
                        a.measure.number,
                        a.when_display,
                        a.when_interpreted,
                        a.when_start,
                        a.when_end,
                        a.title,
                        a.target_summary,
                        ", ".join(str(m) for m in a.municipalities.all()),
                        (a.scheme or a.measure.scheme).name,
                        a.location,
                        a.get_status_display(),
                    ],
                    (a.scheme or a.measure.scheme).colour,
                )
                for a in activities
            ),
            widths=[8, 28, 28, 12, 12, 50, 36, 30, 20, 20, 12],
            date_columns=(3, 4),
        )
    goals = workbook.create_sheet(_("Mål"))
    append_row(goals, [_("Nivå"), _("Mål")])
    for goal in [*long_term, *sub_goals]:
        append_row(goals, [goal.get_level_display(), goal.text])
    goals.column_dimensions["B"].width = 100
    return workbook
