"""The partnership's planning days for a school year: read by everyone who sees the plan,
entered by its coordinators, and by an owner's contact for the owner's municipality."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokomp.accounts.scoping import require, user_scope
from lokomp.core.forms import SEEN, DsForm, fingerprint, tell_stale
from lokomp.partnerships.access import get_partnership_for_viewer
from lokomp.registry.models import Owner, PlanningDay

from ..access import can_edit_plan
from ..planning_days import parse_dates, planning_days_save
from ..queries import get_plan, partnership_municipalities


class PlanningDaysForm(DsForm):
    dates = forms.CharField(
        label=gettext_lazy("Planleggingsdager"),
        required=False,
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy(
            "Datoer skilt med komma eller linjeskift, for eksempel 13.08, 14.08, 2.1."
        ),
    )

    def __init__(self, *args, municipality, school_year: int, stored: list, **kwargs):
        super().__init__(*args, prefix=f"k{municipality.pk}", **kwargs)
        self.municipality = municipality
        self.school_year = school_year
        self.stored_text = ", ".join(f"{d:%d.%m.%Y}" for d in stored)
        self.fields[SEEN] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.initial = {"dates": self.stored_text, SEEN: fingerprint(self.stored_text)}
        self.fields["dates"].label = municipality.name
        self.stale: dict | None = None

    def clean_dates(self):
        try:
            return parse_dates(self.cleaned_data["dates"], self.school_year)
        except ValidationError as error:
            raise forms.ValidationError(error.messages) from None

    def clean(self):
        data = super().clean()
        seen = self.data.get(self.add_prefix(SEEN), "")
        if seen and seen != self.initial[SEEN]:
            yours = self.data.get(self.add_prefix("dates"), "")
            tell_stale(
                self,
                self.municipality,
                [{"label": self.municipality.name, "theirs": self.stored_text, "yours": yours}],
            )
        return data


def _editable(user, partnership, municipalities) -> set[int]:
    """The municipalities whose planning days this user may enter."""
    if can_edit_plan(user, partnership):
        return {m.pk for m in municipalities}
    owners = user_scope(user).contact_owners
    if not owners:
        return set()
    mine = set(
        Owner.objects.filter(pk__in=owners, municipality__isnull=False).values_list(
            "municipality_id", flat=True
        )
    )
    return mine & {m.pk for m in municipalities}


@login_required
def planning_days(request, slug: str, year: str):
    partnership = get_partnership_for_viewer(request, slug)
    plan = get_plan(partnership, year)
    municipalities = list(partnership_municipalities(partnership))
    editable = _editable(request.user, partnership, municipalities)
    stored: dict[int, list] = {m.pk: [] for m in municipalities}
    for day in PlanningDay.objects.filter(
        municipality__in=municipalities, school_year=plan.school_year
    ):
        stored[day.municipality_id].append(day.date)
    posted = None
    if request.method == "POST":
        require(bool(editable), _("Du kan ikke endre planleggingsdagene her."))
        chosen = next((m for m in municipalities if f"k{m.pk}-dates" in request.POST), None)
        require(
            chosen is not None and chosen.pk in editable,
            _("Du kan ikke endre planleggingsdagene for denne kommunen."),
        )
        posted = chosen.pk
    rows = []
    for municipality in municipalities:
        form = None
        if municipality.pk in editable:
            form = PlanningDaysForm(
                request.POST if posted == municipality.pk else None,
                municipality=municipality,
                school_year=plan.school_year,
                stored=stored[municipality.pk],
            )
            if posted == municipality.pk and form.is_valid():
                planning_days_save(
                    municipality=municipality,
                    school_year=plan.school_year,
                    days=form.cleaned_data["dates"],
                    user=request.user,
                    partnership=partnership,
                )
                messages.success(
                    request,
                    _("Planleggingsdagene for %(name)s er lagret.") % {"name": municipality},
                )
                return redirect("plans:planning_days", slug=slug, year=plan.year_slug)
        rows.append({"municipality": municipality, "days": stored[municipality.pk], "form": form})
    return render(
        request,
        "plans/planning_days.html",
        {"partnership": partnership, "plan": plan, "rows": rows},
        status=200,
    )
