"""Forms of the round: its settings and frames."""

from __future__ import annotations

from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from lokomp.core.formatting import thousands
from lokomp.core.forms import SEEN, DsForm, DsModelForm, date_field, fingerprint
from lokomp.needs.budget import InputError, parse_amount
from lokomp.registry.models import County, Institution, Owner

from .forum import STANDARD_CRITERIA
from .models import MAX_AMOUNT, Criterion, Round


class AmountField(forms.Field):
    """Whole kroner as people write them: "12 000 000", "12.000.000 kr"; blank is none."""

    MAX_LENGTH = 30

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "maxlength": self.MAX_LENGTH})
        )
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        return thousands(value) if isinstance(value, int) else value

    def to_python(self, value):
        text = str(value or "").strip()
        if len(text) > self.MAX_LENGTH:
            raise forms.ValidationError(_("Beløpet er for stort."))
        try:
            amount = parse_amount(text)
        except InputError as error:
            raise forms.ValidationError(str(error)) from error
        if amount is not None and amount > MAX_AMOUNT:
            raise forms.ValidationError(_("Beløpet er for stort."))
        return amount


def frame_key(scheme) -> str:
    return f"frame_{scheme.code}"


class RoundForm(DsModelForm):
    """The round's deadlines and invitation, and the frame per scheme."""

    class Meta:
        model = Round
        fields = [
            "submission_deadline",
            "recommendation_deadline",
            "decision_deadline",
            "invitation",
        ]
        widgets = {"invitation": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, schemes, frames: dict[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("submission_deadline", "recommendation_deadline", "decision_deadline"):
            self.fields[name] = date_field(self.fields[name].label)
        self.schemes = list(schemes)
        for scheme in self.schemes:
            key = frame_key(scheme)
            self.fields[key] = AmountField(
                label=_("Ramme for %(scheme)s (kr)") % {"scheme": scheme.name},
                help_text=_("Hele kroner. La feltet stå tomt hvis ordningen ikke har ramme."),
            )
            self.fields[key].widget.attrs["class"] = "ds-input"
            self.initial[key] = frames.get(scheme.pk)
        # The page's fingerprint covers the frames too, so a second writer is told; also on
        # a round not saved yet (the scheme's dates), for two who open it at once.
        if SEEN not in self.fields:
            self.fields[SEEN] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.initial[SEEN] = fingerprint(self._stored())

    def frame_fields(self):
        return [self[frame_key(s)] for s in self.schemes]

    def round_fields(self):
        return [self[name] for name in self.Meta.fields]

    def frames(self) -> dict[int, int | None]:
        return {s.pk: self.cleaned_data.get(frame_key(s)) for s in self.schemes}


class CriterionForm(DsModelForm):
    class Meta:
        model = Criterion
        fields = ["number", "text", "kind", "required", "active", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"text": {"required": _("Skriv kriteriet.")}}


class BaseCriterionFormSet(forms.BaseInlineFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)  # type: ignore[misc]
        # An offered standard criterion is saved as it stands: not an empty extra row.
        if form.instance.pk is None and form.initial.get("text"):
            form.empty_permitted = False
            form.offered = True
        return form


# Made once: Django's inline formset adds the county to the form's Meta.fields when it is
# first used, so a factory made per request would give forms whose fields (and so the
# fingerprint a stale form is told by) differ from one request to the next.
_CRITERIA_FORMSETS = {
    extra: forms.inlineformset_factory(
        County,
        Criterion,
        form=CriterionForm,
        formset=BaseCriterionFormSet,
        extra=extra,
        can_delete=False,
        max_num=50,
        absolute_max=60,
    )
    for extra in (1, len(STANDARD_CRITERIA))
}


def criterion_formset(county, data=None):
    """The county's criteria, and room for one more; a county without criteria is offered
    the scheme's standard criteria to save as they are or change first."""
    initial = []
    if not Criterion.objects.filter(county=county).exists():
        initial = [
            {
                "number": number,
                "text": str(text),
                "kind": kind,
                "required": kind == "scale",
                "active": True,
                "order": index,
            }
            for index, (number, text, kind) in enumerate(STANDARD_CRITERIA)
        ]
    factory = _CRITERIA_FORMSETS[len(initial) or 1]
    return factory(data, instance=county, prefix="k", initial=initial)


class TieForm(DsForm):
    """A forum member's tie to an owner, a UH institution or another organisation."""

    member: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Medlem"), queryset=None)
    owner: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Eier"), queryset=None, required=False
    )
    institution: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("UH-institusjon"), queryset=None, required=False
    )
    organisation = forms.CharField(
        label=_("Annen organisasjon"),
        max_length=200,
        required=False,
        help_text=_("For eksempel KS, PBL eller en fagforening."),
    )

    def __init__(self, *args, county, members, **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ModelChoiceField, self.fields["member"]).queryset = members
        cast(forms.ModelChoiceField, self.fields["owner"]).queryset = Owner.objects.filter(
            municipality__county=county
        ).order_by("name")
        cast(
            forms.ModelChoiceField, self.fields["institution"]
        ).queryset = Institution.objects.order_by("name")

    def clean(self):
        data = super().clean() or {}
        chosen = [data.get("owner"), data.get("institution"), data.get("organisation")]
        if sum(1 for c in chosen if c) != 1:
            raise forms.ValidationError(
                _("Velg én eier, én UH-institusjon eller skriv én annen organisasjon.")
            )
        return data


class ConflictForm(DsForm):
    reason = forms.CharField(
        label=_("Hvorfor er du inhabil?"),
        max_length=500,
        error_messages={"required": _("Skriv hvorfor du er inhabil.")},
    )
