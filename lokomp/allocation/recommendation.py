"""The forum's recommendation (innstilling): per report a priority, reasons and the amounts
proposed per year and recipient, against the frames. One read path for the meeting page and
every export (`recommendation_table`), and one write path (`recommendation_save`).

Several writers (the secretariat during the meeting) can write at once: every line carries
a revision, and a line saved from an older page is not saved; the writer sees the stored
line beside their own.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.db.models import Avg, Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokomp.core.audit import log_action
from lokomp.core.formatting import thousands
from lokomp.core.forms import DsForm
from lokomp.core.validators import parse_id
from lokomp.needs.models import NeedsReport, Recipient
from lokomp.partnerships.models import Scheme

from . import selectors as s
from .forms import AmountField
from .forum import counted_scores
from .models import Criterion, ProposedAmount, Recommendation, RecommendationLine, Round

# Owner side and UH side, as the needs report's budget has them.
RECIPIENTS = Recipient.choices


def amount_key(year: int, recipient: str) -> str:
    return f"a{year}{recipient}"


class LineForm(DsForm):
    """One report's row in the meeting: priority, amounts per year and recipient, reason."""

    priority = forms.IntegerField(
        label=gettext_lazy("Prioritet"),
        min_value=1,
        max_value=9999,
        required=False,
        error_messages={
            "invalid": gettext_lazy("Skriv et helt tall, 1 er høyest."),
            "min_value": gettext_lazy("Skriv et helt tall fra 1."),
            "max_value": gettext_lazy("Skriv et helt tall under 10 000."),
        },
    )
    reason = forms.CharField(
        label=gettext_lazy("Begrunnelse"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    rev = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, years: list[int], report: NeedsReport, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        self.years = years
        for year in years:
            for recipient, label in RECIPIENTS:
                self.fields[amount_key(year, recipient)] = AmountField(
                    label=_("%(who)s %(year)s (kr)") % {"who": label, "year": year}
                )
                self.fields[amount_key(year, recipient)].widget.attrs["class"] = "ds-input"

    def amount_fields(self):
        return [self[amount_key(y, r)] for y in self.years for r, _label in RECIPIENTS]

    def amounts(self) -> dict[tuple[int, str], int]:
        return {
            (y, r): self.cleaned_data[amount_key(y, r)]
            for y in self.years
            for r, _label in RECIPIENTS
            if self.cleaned_data.get(amount_key(y, r)) is not None
        }


def recommendation_of(the_round: Round) -> Recommendation | None:
    """The round's recommendation as it stands, if one has been written."""
    if the_round.pk is None:
        return None
    return Recommendation.objects.filter(round=the_round).select_related("agreed_by").first()


def recommendation_for(the_round: Round) -> Recommendation:
    """The round's recommendation, made (empty) the first time it is written."""
    found, _created = Recommendation.objects.get_or_create(round=the_round)
    return found


def _initial(line: RecommendationLine | None, years: list[int]) -> dict:
    if line is None:
        return {"rev": "0"}
    data = {"priority": line.priority, "reason": line.reason, "rev": str(line.revision)}
    for amount in line.amounts.all():
        data[amount_key(amount.year, amount.recipient)] = amount.amount
    return data


@dataclass
class MeetingRow:
    report: NeedsReport
    asked: s.Row
    line: RecommendationLine | None
    form: LineForm
    average: float | None = None
    # (criterion, the forum's average on it) for each scale criterion.
    by_criterion: list[tuple[Criterion, float | None]] = field(default_factory=list)
    conflict: dict | None = None

    def by_year(self) -> list[dict]:
        """Per year: what is asked, and the inputs for what is proposed."""
        return [
            {
                "year": year,
                "asked": cell,
                "owner": self.form[amount_key(year, "owner")],
                "uh": self.form[amount_key(year, "uh")],
                "first": index == 0,
            }
            for index, (year, cell) in enumerate(
                zip(self.form.years, self.asked.cells, strict=True)
            )
        ]

    def proposed(self, year: int) -> int:
        if self.line is None:
            return 0
        return sum(a.amount for a in self.line.amounts.all() if a.year == year)


def meeting_rows(
    county,
    reports: list[NeedsReport],
    recommendation: Recommendation | None,
    years: list[int],
    criteria: list[Criterion],
    data=None,
) -> list[MeetingRow]:
    """The rows of one page of the meeting: what each report asks, the forum's scores per
    criterion, and the line of the recommendation as a form. Four queries."""
    lines = {}
    if recommendation is not None and recommendation.pk:
        lines = {
            line.report_id: line
            for line in RecommendationLine.objects.filter(
                recommendation=recommendation, report__in=[r.pk for r in reports]
            ).prefetch_related("amounts")
        }
    averages: dict[tuple[int, int], float] = {}
    for report_id, criterion_id, average in (
        counted_scores(county)
        .filter(report__in=[r.pk for r in reports], value__isnull=False)
        .values_list("report_id", "criterion_id")
        .annotate(a=Avg("value"))
        .order_by()
    ):
        averages[(report_id, criterion_id)] = float(average)
    asked = {row.report.pk: row for row in s.page_rows(county, reports, years)}
    scale = [c for c in criteria if c.kind == "scale"]
    rows = []
    for report in reports:
        line = lines.get(report.pk)
        form = LineForm(
            data, prefix=f"r{report.pk}", years=years, report=report, initial=_initial(line, years)
        )
        given = [(c, averages.get((report.pk, c.pk))) for c in scale]
        known = [g for _c, g in given if g is not None]
        rows.append(
            MeetingRow(
                report=report,
                asked=asked[report.pk],
                line=line,
                form=form,
                average=sum(known) / len(known) if known else None,
                by_criterion=given,
            )
        )
    return rows


class Refused(Exception):
    """The recommendation is agreed: nothing in it changes until it is opened again."""


@transaction.atomic
def recommendation_save(
    *, recommendation: Recommendation, rows: list[MeetingRow], user
) -> list[str]:
    """Save the rows that changed; a row saved by someone else since the page was made is
    not saved and gets a `conflict` to show. Returns the partnerships saved."""
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    if recommendation.is_agreed:
        raise Refused(_("Innstillingen er vedtatt. Åpne den for endringer først."))
    stored = {
        line.report_id: line
        for line in RecommendationLine.objects.select_for_update(of=("self",))
        .filter(recommendation=recommendation, report__in=[r.report.pk for r in rows])
        .select_related("updated_by")
    }
    saved = []
    for row in rows:
        form = row.form
        if not form.has_changed():
            continue
        line = stored.get(row.report.pk)
        shown = parse_id(form.cleaned_data.get("rev") or "0")
        if line is not None and shown != line.revision:
            row.conflict = {
                "by": line.updated_by,
                "at": line.updated_at,
                "theirs": _describe(line),
            }
            continue
        line = line or RecommendationLine(recommendation=recommendation, report=row.report)
        line.priority = form.cleaned_data.get("priority")
        line.reason = form.cleaned_data.get("reason", "")
        line.revision += 1
        line.updated_by = user
        line.full_clean(exclude=["recommendation", "report"])
        line.save()
        amounts = form.amounts()
        ProposedAmount.objects.filter(line=line).exclude(
            pk__in=[a.pk for a in line.amounts.all() if (a.year, a.recipient) in amounts]
        ).delete()
        for (year, recipient), amount in amounts.items():
            ProposedAmount.objects.update_or_create(
                line=line, year=year, recipient=recipient, defaults={"amount": amount}
            )
        row.line = line
        saved.append(str(row.report.partnership))
    if saved:
        log_action(
            "allocation.recommendation.changed",
            user=user,
            obj=recommendation,
            changes={_("Partnerskap"): [None, saved]},
            county=recommendation.round.county,
        )
    return saved


def _describe(line: RecommendationLine) -> str:
    parts = []
    if line.priority:
        parts.append(_("Prioritet %(n)s") % {"n": line.priority})
    for amount in line.amounts.all():
        who = dict(RECIPIENTS)[amount.recipient]
        parts.append(f"{who} {amount.year}: {thousands(amount.amount)} kr")
    if line.reason:
        parts.append(line.reason)
    return "\n".join(parts)


@transaction.atomic
def recommendation_agree(
    *, recommendation: Recommendation, meeting_date, notes: str, user
) -> Recommendation:
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    recommendation.meeting_date = meeting_date
    recommendation.notes = notes
    recommendation.agreed_at = timezone.now()
    recommendation.agreed_by = user
    recommendation.save()
    log_action(
        "allocation.recommendation.agreed",
        user=user,
        obj=recommendation,
        changes={_("Møtedato"): [None, meeting_date.isoformat() if meeting_date else None]},
        county=recommendation.round.county,
    )
    return recommendation


@transaction.atomic
def recommendation_reopen(*, recommendation: Recommendation, user) -> Recommendation:
    recommendation = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
    before = recommendation.agreed_at
    recommendation.agreed_at = None
    recommendation.agreed_by = None
    recommendation.save()
    log_action(
        "allocation.recommendation.reopened",
        user=user,
        obj=recommendation,
        changes={_("Vedtatt"): [before.isoformat() if before else None, None]},
        county=recommendation.round.county,
    )
    return recommendation


def proposed_sums(recommendation: Recommendation | None) -> dict[tuple[int, int, str], int]:
    """Proposed per (scheme id, year, recipient) over the whole recommendation. One query."""
    if recommendation is None or recommendation.pk is None:
        return {}
    return {
        (scheme_id, year, recipient): total
        for scheme_id, year, recipient, total in ProposedAmount.objects.filter(
            line__recommendation=recommendation
        )
        .values_list("line__report__scheme_id", "year", "recipient")
        .annotate(t=Sum("amount"))
        .order_by()
    }


@dataclass
class ProposalLine(s.AgainstFrame):
    scheme: Scheme
    frame: int | None
    asked: int  # what is proposed for the year, compared with the frame
    committed: int = 0

    @property
    def proposed(self) -> int:
        return self.asked


def proposal_table(
    schemes: list[Scheme],
    frames: dict[int, int],
    proposed: dict,
    year: int,
    asked=(),
    committed: dict[int, int] | None = None,
) -> list[ProposalLine]:
    """Per scheme with a frame, a report or a proposal: the frame against what is proposed
    for the round's year."""
    by_scheme: dict[int, int] = defaultdict(int)
    for (scheme_id, y, _recipient), total in proposed.items():
        if y == year:
            by_scheme[scheme_id] += total
    return [
        ProposalLine(
            scheme=scheme,
            frame=frames.get(scheme.pk),
            asked=by_scheme[scheme.pk],
            committed=(committed or {}).get(scheme.pk, 0),
        )
        for scheme in schemes
        if scheme.pk in frames or by_scheme[scheme.pk] or scheme.pk in asked
    ]
