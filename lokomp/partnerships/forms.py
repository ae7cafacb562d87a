from django import forms
from django.forms import inlineformset_factory
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext_lazy as _

from lokomp.accounts.models import Side
from lokomp.core.forms import DsFormMixin, DsModelForm
from lokomp.registry.models import Institution, Owner

from .models import CountyShare, Partnership, SteeringGroupMember


class PartnershipForm(DsModelForm):
    members = forms.ModelMultipleChoiceField(
        queryset=Owner.objects.none(),
        label=_("Eiere i partnerskapet"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    funds_owner = forms.ModelChoiceField(
        queryset=Owner.objects.none(),
        label=_("Eieren som mottar midlene"),
        required=False,
        help_text=_("Må være en av eierne i partnerskapet."),
    )
    partner_institutions = forms.ModelMultipleChoiceField(
        queryset=Institution.objects.all(),
        label=_("Universiteter, høgskoler og kompetansesentre"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Partnership
        fields = ["name", "description", "schemes"]
        widgets = {"schemes": forms.CheckboxSelectMultiple}

    def __init__(self, *args, owners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = owners
        self.fields["funds_owner"].queryset = owners
        if self.instance.pk:
            links = list(self.instance.owner_links.all())
            self.initial["members"] = [link.owner_id for link in links]
            self.initial["funds_owner"] = next(
                (link.owner_id for link in links if link.receives_funds), None
            )
            self.initial["partner_institutions"] = list(
                self.instance.institution_links.values_list("institution_id", flat=True)
            )

    def clean(self):
        data = super().clean()
        funds = data.get("funds_owner")
        if funds and funds not in (data.get("members") or []):
            self.add_error("funds_owner", "Eieren som mottar midlene må være med i partnerskapet.")
        return data


class SteeringGroupMemberForm(DsModelForm):
    class Meta:
        model = SteeringGroupMember
        fields = ["name", "organisation", "role", "order"]


class CountyShareForm(DsModelForm):
    class Meta:
        model = CountyShare
        fields = ["county", "percent", "note"]


SteeringGroupFormSet = inlineformset_factory(
    Partnership, SteeringGroupMember, form=SteeringGroupMemberForm, extra=2, can_delete=True
)


class BaseCountyShareFormSet(forms.BaseInlineFormSet):
    def clean(self):
        """The home county takes what the other counties do not: their shares must leave
        it something (60 % + 60 % would leave a negative part)."""
        super().clean()
        total = sum(
            form.cleaned_data.get("percent") or 0
            for form in self.forms
            if form.has_changed() or form.instance.pk
            if not self._should_delete_form(form) and form.cleaned_data
        )
        if total >= 100:
            raise forms.ValidationError(
                _(
                    "Andelene i andre fylker er til sammen %(total)s %%. Partnerskapets eget "
                    "fylke får resten, så summen må være under 100 %%."
                )
                % {"total": floatformat(total, -2)}
            )


CountyShareFormSet = inlineformset_factory(
    Partnership,
    CountyShare,
    form=CountyShareForm,
    formset=BaseCountyShareFormSet,
    extra=1,
    can_delete=True,
)


class NewPlanForm(DsFormMixin, forms.Form):
    school_year = forms.IntegerField(
        label=_("Skoleåret starter i"),
        min_value=2015,
        max_value=2100,
        help_text=_("Skriv 2026 for skoleåret 2026–2027."),
        error_messages={"invalid": _("Skriv et årstall, for eksempel 2026.")},
    )
    copy_from_previous = forms.BooleanField(
        label=_("Kopier mål og tiltak fra forrige års plan"), required=False, initial=True
    )


class InviteCoordinatorForm(DsFormMixin, forms.Form):
    """Coordinators are appointed by invitation to an e-mail address: the link goes there,
    and the form says the same whether or not the address has an account."""

    email = forms.EmailField(
        label=_("E-postadresse"),
        error_messages={
            "required": _("Skriv e-postadressen til den du vil invitere."),
            "invalid": _("Skriv en gyldig e-postadresse."),
        },
    )
    side = forms.ChoiceField(label=_("Side"), choices=Side.choices, widget=forms.RadioSelect)
