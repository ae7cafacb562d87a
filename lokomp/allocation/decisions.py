"""Decisions (vedtak), grants and payments.

Statsforvalteren turns the agreed recommendation into a decision per report: the amount
granted to each recipient (with organisation and account number) for the round's year, and
the commitments (tilsagn) for the later years. A decision is never changed; a correction is
a new decision that replaces the old one, and only the newest of such a chain counts.
Payments are recorded against the decision in force, never above what it grants."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django import forms
from django.db import transaction
from django.db.models import Max, QuerySet, Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokomp.core.audit import log_action
from lokomp.core.formatting import thousands
from lokomp.core.forms import DsForm
from lokomp.core.validators import (
    clean_digits,
    format_account_number,
    format_org_number,
    validate_account_number,
    validate_org_number,
)
from lokomp.needs.models import NeedsReport

from .forms import AmountField, date_field
from .models import (
    Decision,
    Grant,
    Payment,
    ProposedAmount,
    Recommendation,
    RecommendationLine,
    Round,
)
from .recommendation import RECIPIENTS, amount_key


def in_force() -> QuerySet[Decision]:
    """The decisions that count: those no later decision replaces."""
    return Decision.objects.filter(replaced_by__isnull=True)


class DecisionForm(DsForm):
    """A decision for one report: per recipient its name, numbers and amounts per year."""

    conditions = forms.CharField(
        label=gettext_lazy("Vilkår"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    reason = forms.CharField(
        label=gettext_lazy("Begrunnelse"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.years = years
        for recipient, label in RECIPIENTS:
            self.fields[f"{recipient}_name"] = forms.CharField(
                label=_("%(who)s: mottaker") % {"who": label}, max_length=200, required=False
            )
            self.fields[f"{recipient}_org"] = forms.CharField(
                label=_("%(who)s: organisasjonsnummer") % {"who": label},
                max_length=20,
                required=False,
            )
            self.fields[f"{recipient}_account"] = forms.CharField(
                label=_("%(who)s: kontonummer") % {"who": label}, max_length=20, required=False
            )
            for year in years:
                self.fields[amount_key(year, recipient)] = AmountField(
                    label=_("%(who)s %(year)s (kr)") % {"who": label, "year": year}
                )
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "ds-input")

    def recipient_fields(self, recipient: str):
        names = [f"{recipient}_name", f"{recipient}_org", f"{recipient}_account"]
        return [self[n] for n in names] + [self[amount_key(y, recipient)] for y in self.years]

    def owner_fields(self):
        return self.recipient_fields("owner")

    def uh_fields(self):
        return self.recipient_fields("uh")

    def clean(self):
        data = super().clean() or {}
        any_amount = False
        for recipient, _label in RECIPIENTS:
            amounts = [data.get(amount_key(y, recipient)) for y in self.years]
            if not any(amounts):
                continue
            any_amount = True
            if not data.get(f"{recipient}_name"):
                self.add_error(f"{recipient}_name", _("Skriv hvem som mottar tilskuddet."))
            for key, validate in (
                (f"{recipient}_org", validate_org_number),
                (f"{recipient}_account", validate_account_number),
            ):
                try:
                    validate(data.get(key) or "")
                except forms.ValidationError as error:
                    self.add_error(key, error)
        if not any_amount:
            raise forms.ValidationError(_("Et vedtak må gi et beløp til minst én mottaker."))
        return data

    def grants(self) -> list[dict]:
        data = self.cleaned_data
        found = []
        for recipient, _label in RECIPIENTS:
            for year in self.years:
                amount = data.get(amount_key(year, recipient))
                if amount:
                    found.append(
                        {
                            "year": year,
                            "recipient": recipient,
                            "recipient_name": data[f"{recipient}_name"],
                            "org_number": clean_digits(data[f"{recipient}_org"]),
                            "account_number": clean_digits(data[f"{recipient}_account"]),
                            "amount": amount,
                        }
                    )
        return found


def _partner_accounts(report: NeedsReport) -> dict[str, str]:
    """The account numbers the report gives for the funds owner and the UH institution."""
    version = report.versions.order_by("-number").first()
    found: dict[str, str] = {}
    if version is None:
        return found
    for section in version.snapshot.get("sections", []):
        for question in section.get("questions", []):
            part = (question.get("options") or {}).get("part")
            account = ((question.get("content") or {}).get("data") or {}).get("account")
            if question.get("kind") == "partners" and account:
                if part == "funds_owner":
                    found["owner"] = account
                elif part == "uh":
                    found["uh"] = account
    return found


def initial_for(report: NeedsReport, the_round: Round, years: list[int]) -> dict:
    """A new decision as the recommendation proposes it, with the recipients the
    partnership names (funds owner and UH institution) and their account numbers."""
    initial: dict = {}
    owner_link = report.partnership.owner_links.filter(receives_funds=True).select_related("owner")
    uh_link = report.partnership.institution_links.filter(receives_funds=True).select_related(
        "institution"
    )
    accounts = _partner_accounts(report)
    for recipient, link in (("owner", owner_link.first()), ("uh", uh_link.first())):
        organisation = None
        if link is not None:
            organisation = link.owner if recipient == "owner" else link.institution
        if organisation is not None:
            initial[f"{recipient}_name"] = organisation.name
            initial[f"{recipient}_org"] = format_org_number(organisation.org_number)
        if accounts.get(recipient):
            initial[f"{recipient}_account"] = format_account_number(accounts[recipient])
    line = None
    if the_round.pk is not None:  # a county with no round that year has no recommendation
        line = RecommendationLine.objects.filter(
            recommendation__round=the_round, report=report
        ).first()
    if line is not None:
        initial["reason"] = line.reason
        for amount in ProposedAmount.objects.filter(line=line):
            initial[amount_key(amount.year, amount.recipient)] = amount.amount
    return initial


def initial_from(decision: Decision) -> dict:
    """A correction starts from the decision it replaces."""
    initial = {"conditions": decision.conditions, "reason": decision.reason}
    for grant in decision.grants.all():
        initial[f"{grant.recipient}_name"] = grant.recipient_name
        initial[f"{grant.recipient}_org"] = format_org_number(grant.org_number)
        initial[f"{grant.recipient}_account"] = format_account_number(grant.account_number)
        initial[amount_key(grant.year, grant.recipient)] = grant.amount
    return initial


class DecisionRefused(Exception):
    """The decision cannot be made as asked; the message says why."""


@transaction.atomic
def decision_make(
    *, the_round: Round, report: NeedsReport, form: DecisionForm, user, replaces=None
) -> Decision:
    """A new decision with its grants, numbered in the round; all of it or nothing."""
    the_round = Round.objects.select_for_update().get(pk=the_round.pk)
    if replaces is not None:
        replaces = Decision.objects.select_for_update().get(pk=replaces.pk)
        if Decision.objects.filter(replaces=replaces).exists():
            raise DecisionRefused(
                _("Vedtaket er allerede erstattet. Rett det gjeldende vedtaket i stedet.")
            )
    elif in_force().filter(round=the_round, report=report).exists():
        raise DecisionRefused(
            _("Behovsmeldingen har allerede et vedtak. Rett det i stedet for å lage et nytt.")
        )
    number = (Decision.objects.filter(round=the_round).aggregate(n=Max("number"))["n"] or 0) + 1
    decision = Decision(
        round=the_round,
        report=report,
        number=number,
        conditions=form.cleaned_data.get("conditions", ""),
        reason=form.cleaned_data.get("reason", ""),
        replaces=replaces,
        decided_by=user,
    )
    decision.full_clean()
    decision.save()
    for values in form.grants():
        grant = Grant(decision=decision, **values)
        grant.full_clean()
        grant.save()
    log_action(
        "allocation.decision.made",
        user=user,
        obj=decision,
        changes={
            _("Tilskudd"): [
                None,
                [
                    f"{g['recipient_name']} {g['year']}: {thousands(g['amount'])} kr"
                    for g in form.grants()
                ],
            ],
            **({_("Erstatter"): [str(replaces), None]} if replaces else {}),
        },
        county=the_round.county,
    )
    return decision


class PaymentForm(DsForm):
    recipient = forms.ChoiceField(label=gettext_lazy("Mottaker"), choices=RECIPIENTS)
    paid_on = date_field(gettext_lazy("Utbetalt"), gettext_lazy("Velg datoen for utbetalingen."))
    amount = AmountField(label=gettext_lazy("Beløp (kr)"), required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].error_messages["required"] = _("Skriv beløpet.")


@transaction.atomic
def payment_record(*, decision: Decision, form: PaymentForm, user) -> Payment | None:
    """Record a payment; refused (with the reason on the form) when the decision is
    replaced or the payments would pass what it grants for the round's year."""
    decision = Decision.objects.select_for_update().get(pk=decision.pk)
    if Decision.objects.filter(replaces=decision).exists():
        form.add_error(None, _("Vedtaket er erstattet. Registrer utbetalingen på det nye."))
        return None
    recipient = form.cleaned_data["recipient"]
    amount = form.cleaned_data["amount"]
    granted = (
        decision.grants.filter(recipient=recipient, year=decision.round.year).aggregate(
            s=Sum("amount")
        )["s"]
        or 0
    )
    # What was paid under the decisions this one replaces counts too.
    chain = [decision.pk]
    earlier = decision.replaces_id
    while earlier is not None:
        chain.append(earlier)
        earlier = Decision.objects.filter(pk=earlier).values_list("replaces_id", flat=True).first()
    paid = (
        Payment.objects.filter(decision__in=chain, recipient=recipient).aggregate(s=Sum("amount"))[
            "s"
        ]
        or 0
    )
    if paid + amount > granted:
        form.add_error(
            "amount",
            _(
                "Utbetalingene blir da %(total)s kr, men vedtaket gir %(granted)s kr til "
                "mottakeren for %(year)s."
            )
            % {
                "total": thousands(paid + amount),
                "granted": thousands(granted),
                "year": decision.round.year,
            },
        )
        return None
    payment = Payment(
        decision=decision,
        recipient=recipient,
        paid_on=form.cleaned_data["paid_on"],
        amount=amount,
        recorded_by=user,
    )
    payment.full_clean()
    payment.save()
    log_action(
        "allocation.payment.recorded",
        user=user,
        obj=decision,
        changes={_("Utbetaling"): [None, f"{payment.paid_on:%d.%m.%Y}: {thousands(amount)} kr"]},
        county=decision.round.county,
    )
    return payment


@dataclass
class Granted:
    """What a report was granted per year and recipient, by the decision in force."""

    decision: Decision
    amounts: dict[tuple[int, str], int]

    def total(self, year: int) -> int:
        return self.amounts.get((year, "owner"), 0) + self.amounts.get((year, "uh"), 0)


def granted_for(report: NeedsReport) -> Granted | None:
    """The decision in force for the report, with its grants. Two queries."""
    decision = in_force().filter(report=report).select_related("round").order_by("-pk").first()
    if decision is None:
        return None
    amounts = {
        (g.year, g.recipient): g.amount
        for g in Grant.objects.filter(decision=decision).only("year", "recipient", "amount")
    }
    return Granted(decision, amounts)


def commitments(county, year: int) -> dict[int, int]:
    """Per scheme: what decisions of earlier rounds have committed for the year. They are
    counted first against the year's frame. One query."""
    rows = (
        Grant.objects.filter(
            decision__in=in_force(),
            decision__round__county=county,
            decision__round__year__lt=year,
            year=year,
        )
        .values_list("decision__report__scheme_id")
        .annotate(s=Sum("amount"))
        .order_by()
    )
    return dict(rows)


@dataclass
class CountyFigures:
    """Asked, recommended, granted and paid per scheme and year for a county's round."""

    years: list[int]
    rows: list[dict]


def county_figures(county, year: int, schemes, years: list[int]) -> CountyFigures:
    """Every sum computed in the database: asked (the county's part), recommended (the
    recommendation), granted and committed (decisions in force), paid (payments under
    them, for the round's year). Six queries."""
    from . import selectors as s
    from .access import forum_reports

    asked = s.round_sums(county, forum_reports(county, year), years)
    recommended: dict[tuple[int, int], int] = defaultdict(int)
    for scheme_id, y, total in (
        ProposedAmount.objects.filter(line__recommendation__round__county=county)
        .filter(line__recommendation__round__year=year)
        .values_list("line__report__scheme_id", "year")
        .annotate(t=Sum("amount"))
        .order_by()
    ):
        recommended[(scheme_id, y)] += total
    granted: dict[tuple[int, int], int] = defaultdict(int)
    for scheme_id, y, total in (
        Grant.objects.filter(
            decision__in=in_force(), decision__round__county=county, decision__round__year=year
        )
        .values_list("decision__report__scheme_id", "year")
        .annotate(t=Sum("amount"))
        .order_by()
    ):
        granted[(scheme_id, y)] += total
    paid: dict[int, int] = dict(
        Payment.objects.filter(decision__round__county=county, decision__round__year=year)
        .values_list("decision__report__scheme_id")
        .annotate(t=Sum("amount"))
        .order_by()
    )
    rows = []
    for scheme in schemes:
        cells = []
        for y in years:
            asked_part = sum(
                c.part for (sid, _status, yy), c in asked.items() if sid == scheme.pk and yy == y
            )
            cells.append(
                {
                    "year": y,
                    "asked": asked_part,
                    "recommended": recommended.get((scheme.pk, y), 0),
                    "granted": granted.get((scheme.pk, y), 0),
                    "paid": paid.get(scheme.pk, 0) if y == year else None,
                }
            )
        if any(c["asked"] or c["recommended"] or c["granted"] for c in cells):
            rows.append({"scheme": scheme, "cells": cells})
    return CountyFigures(years=years, rows=rows)


def recommendation_agreed(the_round: Round) -> bool:
    return Recommendation.objects.filter(round=the_round, agreed_at__isnull=False).exists()


def asked_and_granted(report: NeedsReport, granted: Granted) -> list[dict]:
    """Per year of the report's budget: what was asked (owner, UH) and what the decision in
    force grants, for the partnership's own page. One query for the budget lines."""
    from lokomp.needs import budget as b
    from lokomp.needs.kinds import stored_lines

    totals = {t.year: t for t in b.totals(stored_lines(report))}
    years = sorted(set(totals) | {y for y, _r in granted.amounts})
    return [
        {
            "year": year,
            "asked_owner": totals[year].owner if year in totals else 0,
            "asked_uh": totals[year].uh if year in totals else 0,
            "owner": granted.amounts.get((year, "owner"), 0),
            "uh": granted.amounts.get((year, "uh"), 0),
            "committed": year > granted.decision.round.year,
        }
        for year in years
    ]
