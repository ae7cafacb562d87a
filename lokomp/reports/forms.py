from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from lokomp.core.forms import DsModelForm, date_field
from lokomp.needs.budget import InputError, parse_amount
from lokomp.partnerships.models import Scheme
from lokomp.plans.models import Measure

from .models import Expense, ProgressReport, default_deadline


def default_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The calendar year being reported on: the year that ended, in January and
    February; this year, from March."""
    year = today.year - 1 if today.month <= 2 else today.year
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


class ReportForm(DsModelForm):
    class Meta:
        model = ProgressReport
        fields = ["audience", "period_start", "period_end", "deadline", "scheme"]

    def __init__(self, *args, partnership, today: datetime.date, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("period_start", "period_end"):
            self.fields[name] = date_field(self.fields[name].label)
        self.fields["deadline"] = date_field(_("Frist"))
        self.fields["deadline"].required = False
        self.fields["deadline"].help_text = _("Tom: 15. januar året etter perioden.")
        self.fields["scheme"].queryset = Scheme.objects.filter(partnerships=partnership)
        self.fields["scheme"].empty_label = _("Alle ordningene")
        if not self.is_bound and self.instance.pk is None:
            start, end = default_period(today)
            self.initial.update({"period_start": start, "period_end": end})

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end:
            if end < start:
                self.add_error("period_end", _("Perioden kan ikke slutte før den begynner."))
            elif (end - start).days > 2 * 366:
                self.add_error("period_end", _("En rapport kan gjelde høyst to år."))
            elif not data.get("deadline"):
                data["deadline"] = default_deadline(end)
        return data


class ExpenseForm(DsModelForm):
    amount = forms.CharField(label=_("Beløp (kr)"), max_length=20)

    class Meta:
        model = Expense
        fields = ["measure", "recipient", "spent_on", "amount", "description"]

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["spent_on"] = date_field(_("Dato"))
        self.fields["measure"].queryset = (
            Measure.objects.filter(plan__partnership=partnership)
            .select_related("plan")
            .order_by("-plan__school_year", "number")
        )
        self.fields["measure"].label_from_instance = lambda m: f"{m.plan.school_year_label}: {m}"
        self.fields["measure"].error_messages["required"] = _("Velg tiltaket.")
        self.fields["description"].error_messages["required"] = _("Skriv hva pengene gikk til.")
        if self.instance.pk:
            self.initial["amount"] = str(self.instance.amount)

    def clean_amount(self):
        try:
            amount = parse_amount(self.cleaned_data["amount"])
        except InputError as problem:
            raise forms.ValidationError(str(problem)) from problem
        if amount is None:
            raise forms.ValidationError(_("Skriv beløpet."))
        if amount <= 0:
            raise forms.ValidationError(_("Beløpet må være større enn null."))
        return amount
