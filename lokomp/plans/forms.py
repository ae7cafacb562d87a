from django import forms
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from lokomp.core.forms import DsModelForm
from lokomp.core.when import WhenParseError, parse_when
from lokomp.partnerships.models import Scheme

from .models import ActionPlan, Activity, Goal, Measure, Responsibility, Track
from .planning_days import mentions_planning_days, region_days

TARGET_FIELDS = [
    "target_text",
    "target_unit_kinds",
    "target_roles",
    "target_scope",
    "target_municipalities",
    "target_units",
    "target_size_stated",
]


class WhenFormMixin:
    """NÅR as the coordinator writes it. Text that cannot be read is kept (saved as text,
    not placed on the calendar) and the user is told what was not understood."""

    when_field_label = _("Når")

    def setup_when(self, school_year: int, municipalities) -> None:
        self.school_year = school_year
        self.when_municipalities = municipalities
        self._planning_days: list | None = None
        self.when_result = None
        self.when_error = ""
        field = forms.CharField(
            label=self.when_field_label,
            max_length=300,
            required=True,
            help_text=_(
                "Skriv som du ville gjort i planen: «Uke 36», «18. august kl. 12:00–14:00», "
                "«15.–16. oktober», «Nov/des.», «Høst 2025 – vår 2026», «2 møter høst, 2 møter "
                "vår», «hver onsdag kl. 14–15 i oktober», «Fortløpende», «Etter avtale». "
                "Flere deler kan stå på hver sin linje."
            ),
            error_messages={"required": _("Skriv når tiltaket skal skje.")},
            widget=forms.Textarea(attrs={"class": "ds-input", "rows": 2, "autocomplete": "off"}),
        )
        self.fields["when_text"] = field
        if self.instance.pk:
            self.initial.setdefault("when_text", self.instance.when_text)

    def planning_days(self, text: str) -> list:
        """The region's planning days where the text names them (read once), else none."""
        if not mentions_planning_days(text):
            return []
        if self._planning_days is None:
            self._planning_days = region_days(self.when_municipalities, self.school_year)
        return self._planning_days

    def clean_when_text(self) -> str:
        text = self.cleaned_data["when_text"].strip()
        try:
            self.when_result = parse_when(
                text, self.school_year, planning_days=self.planning_days(text)
            )
        except WhenParseError as error:
            self.when_error = str(error)
            self.when_result = None
        return text

    def apply_when(self, instance) -> None:
        instance.set_when(self.when_result, self.cleaned_data["when_text"])


def _limit_targets(form, *, municipalities, units) -> None:
    form.fields["target_municipalities"].queryset = municipalities
    form.fields["target_units"].queryset = units
    form.fields["target_municipalities"].widget = forms.CheckboxSelectMultiple(
        choices=form.fields["target_municipalities"].choices
    )
    form.fields["target_units"].widget = forms.CheckboxSelectMultiple()
    form.fields["target_units"].help_text = _(
        "Kryss av enhetene. Søk på navn for å finne dem raskt."
    )


def unit_groups(bound_field) -> list[dict]:
    """The unit picker's choices grouped by municipality and kind, each with whether it
    is chosen (checked), for a list that can be searched."""
    chosen = {str(v) for v in (bound_field.value() or [])}
    groups: dict[tuple[str, str], list[dict]] = {}
    for unit in bound_field.field.queryset:
        key = (unit.municipality.name, unit.get_kind_display())
        groups.setdefault(key, []).append(
            {"pk": unit.pk, "name": unit.name, "checked": str(unit.pk) in chosen}
        )
    return [
        {"municipality": municipality, "kind": kind, "units": units}
        for (municipality, kind), units in groups.items()
    ]


class MeasureForm(WhenFormMixin, DsModelForm):
    class Meta:
        model = Measure
        fields = [
            "number",
            "title",
            "how",
            "rationale",
            "scheme",
            "format",
            "status",
            "goals",
            *TARGET_FIELDS,
        ]
        widgets = {
            "goals": forms.CheckboxSelectMultiple,
            "target_scope": forms.RadioSelect,
            "how": forms.Textarea,
        }
        error_messages = {
            "number": {"invalid": _("Skriv tiltakets nummer som et helt tall.")},
            "title": {"required": _("Skriv hva tiltaket er.")},
            "scheme": {"required": _("Velg hvilken ordning tiltaket hører til.")},
        }

    def __init__(self, *args, plan: ActionPlan, municipalities, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        self.setup_when(plan.school_year, municipalities)
        schemes = plan.partnership.schemes.all()
        self.fields["scheme"].queryset = schemes if schemes.exists() else Scheme.objects.all()
        self.fields["goals"].queryset = plan.goals.all()
        _limit_targets(self, municipalities=municipalities, units=units)
        if not self.instance.pk and not self.is_bound:
            last = plan.measures.order_by("-number").values_list("number", flat=True).first()
            self.initial["number"] = (last or 0) + 1
        self.order_fields(["number", "title", "how", "when_text", "scheme", "format", "status"])

    def clean_number(self):
        number = self.cleaned_data["number"]
        clash = self.plan.measures.filter(number=number).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                _("Planen har allerede et tiltak %(number)s.") % {"number": number}
            )
        return number

    def save(self, commit=True):
        self.instance.plan = self.plan
        self.apply_when(self.instance)
        return super().save(commit)


class ResponsibilityForm(DsModelForm):
    class Meta:
        model = Responsibility
        fields = ["institution", "owner", "party", "task", "order"]

    def clean(self):
        data = super().clean()
        if data.get("DELETE"):
            return data
        who = data.get("institution") or data.get("owner") or data.get("party")
        if data.get("task") and not who:
            raise forms.ValidationError(
                _("Oppgi hvem som har ansvaret: en institusjon, en eier eller en rolle.")
            )
        return data


class BaseResponsibilityFormSet(forms.BaseInlineFormSet):
    def __init__(self, *args, institutions, owners, **kwargs):
        super().__init__(*args, **kwargs)
        for form in self.forms:
            form.fields["institution"].queryset = institutions
            form.fields["owner"].queryset = owners


ResponsibilityFormSet = inlineformset_factory(
    Measure,
    Responsibility,
    form=ResponsibilityForm,
    formset=BaseResponsibilityFormSet,
    extra=2,
    can_delete=True,
)


class ActivityForm(WhenFormMixin, DsModelForm):
    link = forms.URLField(
        label=_("Lenke"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Skriv en hel nettadresse, for eksempel https://…")},
    )

    class Meta:
        model = Activity
        fields = [
            "title",
            "kind",
            "description",
            "format",
            "location",
            "link",
            "status",
            "scheme",
            "capacity",
            "municipalities",
            *TARGET_FIELDS,
        ]
        widgets = {
            "municipalities": forms.CheckboxSelectMultiple,
            "target_scope": forms.RadioSelect,
        }
        error_messages = {
            "title": {"required": _("Skriv en tittel på aktiviteten.")},
        }

    def __init__(self, *args, measure: Measure, municipalities, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.measure = measure
        self.setup_when(measure.plan.school_year, municipalities)
        self.fields["municipalities"].queryset = municipalities
        self.fields["scheme"].queryset = Scheme.objects.all()
        _limit_targets(self, municipalities=municipalities, units=units)
        self.order_fields(["title", "kind", "when_text", "format", "location", "link"])

    def save(self, commit=True):
        self.instance.measure = self.measure
        self.apply_when(self.instance)
        return super().save(commit)


class TrackForm(DsModelForm):
    class Meta:
        model = Track
        fields = [
            "title",
            "speaker",
            "room",
            "audience",
            "start_time",
            "end_time",
            "capacity",
            "order",
        ]
        widgets = {
            "start_time": forms.TimeInput(attrs={"type": "time"}),
            "end_time": forms.TimeInput(attrs={"type": "time"}),
        }
        error_messages = {
            "start_time": {"invalid": _("Skriv klokkeslett som 09:00.")},
            "end_time": {"invalid": _("Skriv klokkeslett som 15:00.")},
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("start_time"), data.get("end_time")
        if start and end and end <= start:
            self.add_error("end_time", "Sluttidspunktet må komme etter starttidspunktet.")
        return data


TrackFormSet = inlineformset_factory(Activity, Track, form=TrackForm, extra=2, can_delete=True)


class PlanForm(DsModelForm):
    class Meta:
        model = ActionPlan
        fields = ["title", "introduction", "approval_note", "caveat", "published"]


class GoalForm(DsModelForm):
    class Meta:
        model = Goal
        fields = ["level", "text", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}


GoalFormSet = inlineformset_factory(ActionPlan, Goal, form=GoalForm, extra=3, can_delete=True)
