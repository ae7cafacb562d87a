from __future__ import annotations

from django import forms
from django.core.validators import MaxValueValidator
from django.utils.translation import gettext_lazy as _

from lokomp.core.forms import DsModelForm, date_field
from lokomp.partnerships.models import Partnership

from .answering import STANDARD_QUESTIONS
from .models import (
    Evaluation,
    EvaluationQuestion,
    Indicator,
    ParentResource,
    ResourceUse,
    Survey,
    SurveyWave,
)


class QuestionForm(DsModelForm):
    class Meta:
        model = EvaluationQuestion
        fields = ["number", "text", "kind", "required", "active", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2})}
        error_messages = {"text": {"required": _("Skriv spørsmålet eller påstanden.")}}

    def clean_kind(self):
        kind = self.cleaned_data["kind"]
        question = self.instance
        if question.pk and kind != question.kind and question.answers.exists():
            raise forms.ValidationError(
                _("Spørsmålet har svar og kan ikke bytte type. Lag et nytt spørsmål i stedet.")
            )
        return kind


class BaseQuestionFormSet(forms.BaseInlineFormSet):
    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)  # type: ignore[misc]
        # An offered standard question is saved as it stands: not an empty extra row.
        if form.instance.pk is None and form.initial.get("text"):
            form.empty_permitted = False
        return form


# Made once (see allocation.forms: the formset adds the partnership to Meta.fields).
_FORMSETS = {
    extra: forms.inlineformset_factory(
        Partnership,
        EvaluationQuestion,
        form=QuestionForm,
        formset=BaseQuestionFormSet,
        extra=extra,
        can_delete=False,
        max_num=20,
        absolute_max=25,
    )
    for extra in (1, len(STANDARD_QUESTIONS))
}


def question_formset(partnership, data=None):
    """The partnership's questions and room for one more; a partnership without any is
    offered the standard form, to save as it is or change first."""
    initial = []
    if not EvaluationQuestion.objects.filter(partnership=partnership).exists():
        initial = [
            {
                "number": str(index + 1),
                "text": str(text),
                "kind": kind,
                "required": False,
                "active": True,
                "order": index,
            }
            for index, (text, kind) in enumerate(STANDARD_QUESTIONS)
        ]
    factory = _FORMSETS[len(initial) or 1]
    return factory(data, instance=partnership, prefix="s", initial=initial)


class OpenDaysMixin(DsModelForm):
    """The days something takes answers (`opens_on`, `closes_on`): in order, at most a
    year."""

    too_long = _("En evaluering kan være åpen i høyst ett år.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("opens_on", "closes_on"):
            self.fields[name] = date_field(self.fields[name].label)

    def clean(self):
        data = super().clean()
        opens, closes = data.get("opens_on"), data.get("closes_on")
        if opens and closes:
            if closes < opens:
                self.add_error("closes_on", _("Sluttdatoen kan ikke være før startdatoen."))
            elif (closes - opens).days > 366:
                self.add_error("closes_on", self.too_long)
        return data


class WindowForm(OpenDaysMixin):
    """The days an evaluation takes answers."""

    class Meta:
        model = Evaluation
        fields = ["opens_on", "closes_on"]


class ResourceForm(DsModelForm):
    link = forms.URLField(
        label=_("Lenke"),
        required=False,
        max_length=500,
        assume_scheme="https",
        error_messages={"invalid": _("Skriv en hel adresse, for eksempel https://…")},
    )

    class Meta:
        model = ParentResource
        fields = ["title", "kind", "description", "link", "published", "order"]
        error_messages = {
            "title": {"required": _("Skriv en tittel.")},
            "link": {"invalid": _("Skriv en hel adresse, for eksempel https://…")},
        }


class ResourceUseForm(DsModelForm):
    class Meta:
        model = ResourceUse
        fields = ["resource", "used_on", "occasion", "parents"]
        error_messages = {
            "resource": {"required": _("Velg ressursen.")},
            "occasion": {"required": _("Skriv hvor den ble brukt.")},
            "parents": {"invalid": _("Skriv et helt tall.")},
        }

    def __init__(self, *args, resources, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resource"].queryset = resources
        self.fields["used_on"] = date_field(self.fields["used_on"].label)
        self.fields["parents"].validators.append(MaxValueValidator(10000))
        self.order_fields(["resource", "used_on", "occasion", "parents"])


class IndicatorForm(DsModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "definition", "aggregate", "order", "active"]
        widgets = {"definition": forms.Textarea(attrs={"rows": 3})}
        error_messages = {
            "name": {"required": _("Skriv et navn.")},
            "definition": {"required": _("Skriv hva som telles, og hvordan.")},
        }


class SurveyForm(DsModelForm):
    """A mapping's title and introduction, and its questions written as text."""

    questions = forms.CharField(
        label=_("Spørsmålene"),
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=60_000,
        help_text=_(
            "Et tema på en linje med # foran, så én påstand per linje (svares på en skala fra "
            "1 til 5). Et åpent spørsmål begynner med «Åpent:»."
        ),
        error_messages={"required": _("Skriv minst ett spørsmål.")},
    )

    class Meta:
        model = Survey
        fields = ["title", "description"]
        error_messages = {"title": {"required": _("Skriv en tittel.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            from .surveys import questions_text

            self.initial["questions"] = questions_text(self.instance)
        self.parsed: list = []

    def clean_questions(self):
        from .surveys import parse_questions

        parsed, problems = parse_questions(self.cleaned_data["questions"])
        if problems:
            raise forms.ValidationError(problems)
        self.parsed = parsed
        return self.cleaned_data["questions"]


class WaveForm(OpenDaysMixin):
    too_long = _("En runde kan være åpen i høyst ett år.")

    class Meta:
        model = SurveyWave
        fields = ["name", "opens_on", "closes_on"]
        error_messages = {"name": {"required": _("Gi runden et navn, for eksempel «Høst 2025».")}}
