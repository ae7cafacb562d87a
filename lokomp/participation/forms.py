from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lokomp.core.forms import DsForm, DsModelForm, date_field

from .importing import FIELDS
from .models import Employee, StaffList


class EmployeeForm(DsModelForm):
    class Meta:
        model = Employee
        fields = ["name", "email", "role", "start_date", "end_date"]
        error_messages = {
            "name": {"required": _("Skriv navnet.")},
            "email": {"invalid": _("Skriv en e-postadresse, for eksempel navn@kommune.no.")},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = True
        for name in ("start_date", "end_date"):
            field = date_field(self.fields[name].label)
            field.required = False
            self.fields[name] = field


class StaffListForm(DsModelForm):
    class Meta:
        model = StaffList
        fields = ["counts_only"]


class UploadForm(DsForm):
    file = forms.FileField(
        label=_("Fil (CSV eller Excel)"),
        error_messages={"required": _("Velg en fil.")},
    )


class MappingForm(DsForm):
    """What each column of the file holds."""

    def __init__(self, *args, headings: list[str], mapping: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.headings = headings
        for index, heading in enumerate(headings):
            self.fields[f"c{index}"] = forms.ChoiceField(
                label=_("Kolonne %(n)s: «%(heading)s»")
                % {"n": index + 1, "heading": heading or "–"},
                choices=list(FIELDS.items()),
                required=False,
                initial=mapping.get(str(index), ""),
            )

    def mapping(self) -> dict[str, str]:
        chosen = {}
        for index in range(len(self.headings)):
            value = self.cleaned_data.get(f"c{index}") or ""
            if value and value not in chosen.values():
                chosen[str(index)] = value
        return chosen
