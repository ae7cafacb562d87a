from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from lokomp.core.forms import DsModelForm
from lokomp.partnerships.models import Partnership

from .answering import STANDARD_QUESTIONS
from .models import EvaluationQuestion


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
