from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from lokomp.core.forms import DsForm, DsModelForm, date_field

from .importing import FIELDS
from .models import (
    Employee,
    Network,
    NetworkMeeting,
    NetworkMember,
    OnboardingProgramme,
    StaffList,
    Supervision,
    SupervisionSession,
)


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


class ProgrammeForm(DsModelForm):
    """A programme and its steps (one per line); a step that someone has done cannot be
    removed."""

    steps = forms.CharField(
        label=_("Steg (ett per linje, i rekkefølge)"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=5000,
        error_messages={"required": _("Skriv minst ett steg.")},
    )

    class Meta:
        model = OnboardingProgramme
        fields = ["title", "description", "window_start", "window_end", "due_days", "active"]
        error_messages = {
            "title": {"required": _("Skriv et navn på programmet.")},
            "due_days": {
                "min_value": _("Skriv et antall dager fra 1 til 730."),
                "max_value": _("Skriv et antall dager fra 1 til 730."),
                "invalid": _("Skriv et helt antall dager."),
            },
        }

    def __init__(self, *args, instance=None, **kwargs):
        steps = list(instance.steps.all()) if instance is not None and instance.pk else []
        kwargs.setdefault("initial", {})["steps"] = "\n".join(s.title for s in steps)
        super().__init__(*args, instance=instance, **kwargs)
        self.existing_steps = steps
        self.fields["window_start"] = date_field(
            self.fields["window_start"].label, _("Skriv datoen programmet gjelder fra.")
        )
        end = date_field(self.fields["window_end"].label)
        end.required = False
        self.fields["window_end"] = end
        order = ["title", "description", "window_start", "window_end", "due_days", "steps"]
        self.order_fields([*order, "active"])

    def clean_steps(self) -> list[str]:
        titles = [" ".join(line.split())[:200] for line in self.cleaned_data["steps"].splitlines()]
        titles = [t for t in titles if t]
        if not titles:
            raise forms.ValidationError(_("Skriv minst ett steg."))
        if len(titles) > 30:
            raise forms.ValidationError(_("Et program kan ha høyst 30 steg."))
        removed = self.existing_steps[len(titles) :]
        used = [s.title for s in removed if s.done.exists()]
        if used:
            raise forms.ValidationError(
                _("Steget «%(step)s» er registrert som gjennomført og kan ikke fjernes.")
                % {"step": used[0]}
            )
        return titles


class NetworkForm(DsModelForm):
    class Meta:
        model = Network
        fields = ["kind", "name", "description", "meetings_per_semester"]
        error_messages = {
            "name": {"required": _("Skriv et navn.")},
            "meetings_per_semester": {
                "max_value": _("Skriv et tall fra 0 til 30."),
                "invalid": _("Skriv et helt tall."),
            },
        }


class MemberForm(DsModelForm):
    class Meta:
        model = NetworkMember
        fields = ["name", "unit", "role", "role_after"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        if units is not None:
            self.fields["unit"].queryset = units


class BaseMemberFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, units=None, **kwargs):
        self.units = units
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return super().get_form_kwargs(index) | {"units": self.units}


MemberFormSet = forms.inlineformset_factory(
    Network, NetworkMember, form=MemberForm, formset=BaseMemberFormSet, extra=3, can_delete=True
)


class MeetingForm(DsModelForm):
    class Meta:
        model = NetworkMeeting
        fields = ["date", "days", "title", "format", "held", "present", "minutes"]
        widgets = {"present": forms.CheckboxSelectMultiple}
        error_messages = {
            "days": {
                "min_value": _("Skriv et antall dager fra 1 til 10."),
                "max_value": _("Skriv et antall dager fra 1 til 10."),
                "invalid": _("Skriv et helt antall dager."),
            },
        }

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"] = date_field(self.fields["date"].label)
        self.fields["present"].queryset = network.members.all()
        self.order_fields(["date", "days", "title", "format", "held", "present", "minutes"])


class SupervisionForm(DsModelForm):
    class Meta:
        model = Supervision
        fields = [
            "unit",
            "school_year",
            "measure",
            "supervisors",
            "planned_physical",
            "planned_digital",
            "session_minutes",
        ]
        error_messages = {
            "unit": {"required": _("Velg enheten som får veiledning.")},
            "school_year": {"invalid": _("Skriv et skoleår, for eksempel 2026.")},
        }

    def __init__(self, *args, units, measures, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units
        self.fields["measure"].queryset = measures
        self.fields["school_year"].validators.append(MinValueValidator(2000))
        self.fields["school_year"].validators.append(MaxValueValidator(2100))

    def validate_unique(self):
        """The partnership is not on the form, so the once-a-year rule is checked here,
        with the message beside the unit."""
        super().validate_unique()
        try:
            self.instance.validate_constraints()
        except ValidationError:
            self.add_error("unit", _("Enheten har allerede veiledning dette skoleåret."))


class SupervisionSessionForm(DsModelForm):
    class Meta:
        model = SupervisionSession
        fields = ["date", "format", "held", "notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"] = date_field(self.fields["date"].label)
        self.order_fields(["date", "format", "held", "notes"])
