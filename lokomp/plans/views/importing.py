"""Import of last year's plan: upload a Word or Excel file, or paste the table; check and
correct what Lokomp read; confirm. Nothing is saved before the confirmation, and then all of
it at once."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokomp.core.audit import log_action
from lokomp.core.forms import DsForm
from lokomp.core.when import WhenParseError, parse_when
from lokomp.partnerships.models import Scheme

from ..access import get_partnership_for_plan_editor
from ..importing import ImportError_, read_plan, rows_from_paste, rows_from_upload
from ..models import Measure, Responsibility
from ..queries import get_plan


class SourceForm(DsForm):
    file = forms.FileField(
        label=gettext_lazy("Word- eller Excel-fil"),
        required=False,
        help_text=gettext_lazy("Planen med tabellen HVA, HVORDAN, MÅLGRUPPE, NÅR og ANSVAR."),
        widget=forms.ClearableFileInput(attrs={"accept": ".docx,.xlsx"}),
    )
    paste = forms.CharField(
        label=gettext_lazy("Eller lim inn tabellen"),
        required=False,
        max_length=100_000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy("Merk hele tabellen i Word, kopier, og lim inn her."),
    )

    def clean(self):
        data = super().clean()
        if not data.get("file") and not (data.get("paste") or "").strip():
            raise forms.ValidationError(_("Velg en fil eller lim inn tabellen."))
        return data


class RowForm(DsForm):
    include = forms.BooleanField(label=gettext_lazy("Ta med"), required=False)
    number = forms.IntegerField(label=gettext_lazy("Nummer"), min_value=1, max_value=999)
    title = forms.CharField(label=gettext_lazy("Hva"), max_length=300)
    how = forms.CharField(
        label=gettext_lazy("Hvordan"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    target = forms.CharField(label=gettext_lazy("Målgruppe"), max_length=300, required=False)
    when_text = forms.CharField(
        label=gettext_lazy("Når"),
        max_length=300,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    responsible = forms.CharField(
        label=gettext_lazy("Ansvar"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Én ansvarlig per linje."),
    )
    scheme = forms.ModelChoiceField(label=gettext_lazy("Ordning"), queryset=Scheme.objects.none())

    def __init__(self, *args, schemes, school_year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scheme"].queryset = schemes
        self.school_year = school_year
        self.when = None
        self.when_problem = ""

    def clean(self):
        data = super().clean()
        text = (data.get("when_text") or "").strip()
        if text:
            try:
                self.when = parse_when(text, self.school_year)
            except WhenParseError as error:
                self.when_problem = str(error)  # kept as written, shown as not read
        return data


RowFormSet = forms.formset_factory(RowForm, extra=0, max_num=100, absolute_max=100)


@login_required
def plan_import(request, slug: str, year: str):
    partnership = get_partnership_for_plan_editor(request, slug)
    plan = get_plan(partnership, year)
    schemes = partnership.schemes.all()
    if not schemes.exists():
        schemes = Scheme.objects.all()
    context = {"partnership": partnership, "plan": plan}
    kwargs = {"schemes": schemes, "school_year": plan.school_year}
    if request.method == "POST" and "confirm" in request.POST:
        rows = RowFormSet(request.POST, prefix="rad", form_kwargs=kwargs)
        if rows.is_valid() and _numbers_free(rows, plan):
            created = _save(rows, plan, request.user)
            messages.success(request, _("%(n)s tiltak er lagt inn i planen.") % {"n": created})
            return redirect("plans:plan", slug=slug, year=plan.year_slug)
        return render(request, "plans/import.html", context | {"rows": rows})
    source = SourceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and source.is_valid():
        try:
            raw = (
                rows_from_upload(source.cleaned_data["file"])
                if source.cleaned_data.get("file")
                else rows_from_paste(source.cleaned_data["paste"])
            )
            preview = read_plan(raw, plan.school_year)
        except ImportError_ as error:
            source.add_error(None, str(error))
        else:
            last = plan.measures.order_by("-number").values_list("number", flat=True).first() or 0
            taken = set(plan.measures.values_list("number", flat=True))
            shift = last if any(m.number in taken for m in preview.measures) else 0
            default_scheme = schemes.first()
            initial = [
                {
                    "include": True,
                    "number": m.number + shift,
                    "title": m.title,
                    "how": m.how,
                    "target": m.target,
                    "when_text": m.when_text,
                    "responsible": m.responsible,
                    "scheme": default_scheme.pk if default_scheme else None,
                }
                for m in preview.measures
            ]
            rows = RowFormSet(initial=initial, prefix="rad", form_kwargs=kwargs)
            for form, measure in zip(rows.forms, preview.measures, strict=True):
                form.when, form.when_problem = measure.when, measure.when_problem
            return render(
                request,
                "plans/import.html",
                context | {"rows": rows, "notes": preview.notes, "shift": shift},
            )
    return render(request, "plans/import.html", context | {"source": source})


def _numbers_free(rows, plan) -> bool:
    taken = set(plan.measures.values_list("number", flat=True))
    seen: set[int] = set()
    ok = True
    for form in rows.forms:
        if not form.cleaned_data.get("include"):
            continue
        number = form.cleaned_data["number"]
        if number in taken or number in seen:
            form.add_error("number", _("Planen har allerede et tiltak %(n)s.") % {"n": number})
            ok = False
        seen.add(number)
    return ok


@transaction.atomic
def _save(rows, plan, user) -> int:
    created = 0
    for form in rows.forms:
        data = form.cleaned_data
        if not data.get("include"):
            continue
        measure = Measure(
            plan=plan,
            number=data["number"],
            title=data["title"],
            how=data["how"],
            target_text=data["target"],
            scheme=data["scheme"],
        )
        measure.set_when(form.when, data["when_text"].strip())
        measure.full_clean()
        measure.save()
        lines = [line.strip() for line in data["responsible"].splitlines() if line.strip()]
        Responsibility.objects.bulk_create(
            Responsibility(measure=measure, party=line[:200], order=n)
            for n, line in enumerate(lines)
        )
        log_action(
            "plans.measure.created",
            user=user,
            obj=measure,
            changes={_("Importert"): [None, str(measure)]},
            partnership=plan.partnership,
        )
        created += 1
    return created
