"""A unit's staff list: the list, one employee, the import and the export."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokomp.core.audit import save_with_audit
from lokomp.core.spreadsheets import FORMULA_STARTS, write_table
from lokomp.core.text import export_text, query_text

from .. import importing as imp
from ..access import get_unit_for_staff
from ..forms import EmployeeForm, MappingForm, StaffListForm, UploadForm
from ..models import Employee, StaffImport, StaffList, StaffRole

PAGE_SIZE = 50
SORTS = {
    "navn": ("name", "pk"),
    "start": ("start_date", "name", "pk"),
    "rolle": ("role", "name", "pk"),
}
SHOWN = {
    "na": gettext_lazy("Nåværende"),
    "sluttet": gettext_lazy("Sluttet"),
    "alle": gettext_lazy("Alle"),
}


def _staff_list(unit) -> StaffList:
    return StaffList.objects.filter(unit=unit).first() or StaffList(unit=unit)


def _employees(unit, shown: str, today):
    employees = Employee.objects.filter(unit=unit)
    current = Q(end_date__isnull=True) | Q(end_date__gte=today)
    if shown == "na":
        return employees.filter(current)
    if shown == "sluttet":
        return employees.exclude(current)
    return employees


@login_required
def staff(request, pk: int):
    unit = get_unit_for_staff(request, pk)
    today = timezone.localdate()
    shown = request.GET.get("vis", "na")
    shown = shown if shown in SHOWN else "na"
    sort = request.GET.get("sorter", "navn")
    sort = sort if sort in SORTS else "navn"
    role = request.GET.get("rolle", "")
    employees = _employees(unit, shown, today)
    if role in StaffRole.values:
        employees = employees.filter(role=role)
    search = query_text(request.GET, "sok")
    if search:
        employees = employees.filter(name__icontains=search)
    counts = Employee.objects.filter(unit=unit).aggregate(
        current=Count("pk", filter=Q(end_date__isnull=True) | Q(end_date__gte=today)),
        new=Count(
            "pk",
            filter=(Q(end_date__isnull=True) | Q(end_date__gte=today))
            & Q(start_date__gte=today - timedelta(days=365)),
        ),
    )
    page = Paginator(employees.order_by(*SORTS[sort]), PAGE_SIZE).get_page(request.GET.get("side"))
    return render(
        request,
        "participation/staff.html",
        {
            "unit": unit,
            "page": page,
            "counts": counts,
            "staff_list": _staff_list(unit),
            "shown": shown,
            "shown_choices": SHOWN.items(),
            "sort": sort,
            "role": role,
            "roles": StaffRole.choices,
            "search": search,
        },
    )


@login_required
def employee_form(request, pk: int, employee: int | None = None):
    unit = get_unit_for_staff(request, pk)
    instance = (
        get_object_or_404(Employee, unit=unit, pk=employee, purged_at__isnull=True)
        if employee
        else Employee(unit=unit)
    )
    form = EmployeeForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.instance.updated_by = request.user
        save_with_audit(
            form,
            user=request.user,
            action="participation.employee",
            county=unit.municipality.county,
        )
        messages.success(request, _("Lagret."))
        return redirect("participation:staff", pk=unit.pk)
    return render(
        request,
        "participation/employee_form.html",
        {"unit": unit, "form": form, "employee": instance if employee else None},
    )


@login_required
def staff_settings(request, pk: int):
    unit = get_unit_for_staff(request, pk)
    form = StaffListForm(request.POST or None, instance=_staff_list(unit))
    if request.method == "POST" and form.is_valid():
        save_with_audit(
            form,
            user=request.user,
            action="participation.staff_list",
            county=unit.municipality.county,
        )
        messages.success(request, _("Lagret."))
        return redirect("participation:staff", pk=unit.pk)
    return render(request, "participation/staff_settings.html", {"unit": unit, "form": form})


@login_required
def staff_import(request, pk: int):
    unit = get_unit_for_staff(request, pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = imp.read_upload(upload)
        except imp.ImportProblem as problem:
            form.add_error("file", str(problem))
        else:
            if len(rows) < 2:
                form.add_error("file", _("Filen har ingen rader under overskriftene."))
            else:
                # Uploads left unconfirmed for a day go (they hold names).
                StaffImport.objects.filter(
                    created_at__lt=timezone.now() - timedelta(days=1)
                ).delete()
                StaffImport.objects.filter(unit=unit, created_by=request.user).delete()
                StaffImport.objects.create(
                    unit=unit,
                    file_name=export_text(upload.name or "")[:200],
                    rows=rows,
                    mapping=imp.guess_mapping(rows[0]),
                    created_by=request.user,
                )
                return redirect("participation:staff_import_review", pk=unit.pk)
    return render(request, "participation/staff_import.html", {"unit": unit, "form": form})


@login_required
def staff_import_review(request, pk: int):
    """The user's latest upload for the unit: choose the columns, see what changes, confirm."""
    unit = get_unit_for_staff(request, pk)
    staff_import = StaffImport.objects.filter(unit=unit, created_by=request.user).last()
    if staff_import is None:
        return render(request, "participation/staff_import_none.html", {"unit": unit})
    headings = staff_import.rows[0]
    form = MappingForm(request.POST or None, headings=headings, mapping=staff_import.mapping)
    if request.method == "POST" and form.is_valid():
        staff_import.mapping = form.mapping()
        staff_import.save(update_fields=["mapping"])
        if "bekreft" in request.POST:
            result = imp.apply(staff_import=staff_import, user=request.user)
            if result.can_apply:
                messages.success(
                    request,
                    _(
                        "Ansattlisten er oppdatert: %(new)s nye, %(changed)s endret, "
                        "%(left)s sluttet."
                    )
                    % {
                        "new": len(result.new),
                        "changed": len(result.changed),
                        "left": len(result.leaving),
                    },
                )
                return redirect("participation:staff", pk=unit.pk)
        return redirect("participation:staff_import_review", pk=unit.pk)
    rows = imp.read_rows(staff_import.rows, staff_import.mapping)
    result = imp.preview(unit, rows, today=timezone.localdate())
    return render(
        request,
        "participation/staff_import_review.html",
        {
            "unit": unit,
            "staff_import": staff_import,
            "form": form,
            "preview": result,
            "named": any(
                f in staff_import.mapping.values() for f in ("name", "first_name", "email")
            ),
        },
    )


EXPORT_HEADINGS = [
    gettext_lazy("Navn"),
    gettext_lazy("E-post"),
    gettext_lazy("Rolle"),
    gettext_lazy("Startdato"),
    gettext_lazy("Sluttdato"),
]


@login_required
def staff_export(request, pk: int, fmt: str):
    unit = get_unit_for_staff(request, pk)
    employees = Employee.objects.filter(unit=unit, purged_at__isnull=True).order_by("name", "pk")
    rows = [[e.name, e.email, e.get_role_display(), e.start_date, e.end_date] for e in employees]
    name = f"ansatte-{unit.pk}"
    if fmt == "csv":
        out = io.StringIO()
        out.write("\ufeff")  # so that Excel reads the letters æ, ø and å
        writer = csv.writer(out, delimiter=";")
        writer.writerow([str(h) for h in EXPORT_HEADINGS])
        for row in rows:
            writer.writerow(
                [
                    _csv_cell(f"{v:%d.%m.%Y}" if hasattr(v, "year") else ("" if v is None else v))
                    for v in row
                ]
            )
        response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    else:
        from openpyxl import Workbook

        book = Workbook()
        sheet = book.active
        sheet.title = _("Ansatte")[:31]
        write_table(
            sheet,
            [str(h) for h in EXPORT_HEADINGS],
            ((row, "#ffffff") for row in rows),
            widths=[32, 32, 22, 12, 12],
            date_columns=(3, 4),
        )
        buffer = io.BytesIO()
        book.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _csv_cell(value) -> str:
    """Text as written; text that Excel would take for a formula gets a leading quote."""
    text = export_text(str(value))
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text
