"""The forum's scoring: each member answers the county's criteria for a report, on the
question engine (`core.questions`). A member's scores are their own: no one else writes
them, so a save is simply the member's latest word."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Avg, Count, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from lokomp.accounts.models import Role
from lokomp.core.audit import log_action
from lokomp.core.questions import FormFacts, Posted, QuestionState, kind_for
from lokomp.needs.models import NeedsReport, ReportVersion
from lokomp.partnerships.models import PartnershipInstitution, PartnershipOwner
from lokomp.registry.models import County

from .models import Conflict, Criterion, CriterionKind, Score

# The criteria of the scheme (tildelingskriterier), offered to a county that has none.
STANDARD_CRITERIA = [
    ("1", gettext_lazy("Kompetansebehovene er vurdert sammen med UH."), CriterionKind.SCALE),
    ("2", gettext_lazy("Tiltakene er forankret hos ansatte og ledere."), CriterionKind.SCALE),
    (
        "3",
        gettext_lazy("Tiltakene er kollektive og bygger profesjonelle læringsfellesskap."),
        CriterionKind.SCALE,
    ),
    (
        "4",
        gettext_lazy("Tiltakene er planlagt og gjennomføres i partnerskap."),
        CriterionKind.SCALE,
    ),
    ("5", gettext_lazy("Samarbeidet bidrar til å styrke lærerutdanningene."), CriterionKind.SCALE),
    ("6", gettext_lazy("Samiske perspektiver er ivaretatt."), CriterionKind.SCALE),
    ("", gettext_lazy("Merknad"), CriterionKind.TEXT),
]


def active_criteria(county: County) -> list[Criterion]:
    return list(Criterion.objects.filter(county=county, active=True))


class ScoreSource:
    """A member's stored scores for a report, as the question engine reads and writes
    answers."""

    def __init__(self, report: NeedsReport, member, version: ReportVersion | None):
        self.report = report
        self.member = member
        self.version = version
        self.scores = {
            s.criterion_id: s for s in Score.objects.filter(report=report, member=member)
        }

    def stored_answer(self, criterion) -> dict | None:
        score = self.scores.get(criterion.pk)
        if score is None:
            return None
        return {"text": score.text, "choice": score.choice, "data": dict(score.data)}

    def save_answer(self, criterion, content: dict) -> None:
        score = self.scores.get(criterion.pk) or Score(
            report=self.report, member=self.member, criterion=criterion
        )
        score.text = content.get("text", "")
        score.choice = content.get("choice")
        score.data = content.get("data", {})
        value = score.data.get("value") if criterion.kind == CriterionKind.SCALE else None
        score.value = value if isinstance(value, int) else None
        score.version = self.version
        score.full_clean()
        score.save()
        self.scores[criterion.pk] = score


def _state(criterion: Criterion, source: ScoreSource) -> QuestionState:
    kind = kind_for(criterion.kind)
    state = QuestionState(question=criterion, kind=kind)
    state.content = kind.load(criterion, source)
    kind.show(state)
    return state


def _finish(states: list[QuestionState], source: ScoreSource) -> None:
    facts = FormFacts()
    for state in states:
        for problem in state.kind.check(state.question, state.content, facts):
            if not problem.missing:
                state.add("warnings", problem.field, problem.message)
        state.ctx = state.kind.context(state, source)


def score_states(report: NeedsReport, member, criteria: list[Criterion]) -> list[QuestionState]:
    source = ScoreSource(report, member, None)
    states = [_state(c, source) for c in criteria]
    _finish(states, source)
    return states


@transaction.atomic
def scores_save(
    *,
    report: NeedsReport,
    member,
    criteria: list[Criterion],
    posted: Posted,
    version: ReportVersion | None,
) -> list[QuestionState]:
    """Save the member's answers to the criteria, read while reading `version`. What
    cannot be read is shown again as typed; the rest is saved."""
    source = ScoreSource(report, member, version)
    states = []
    saved = []
    for criterion in criteria:
        state = _state(criterion, source)
        state.kind.read(state, posted)
        new = state.kind.parse(state)
        if new != state.content and not state.errors:
            state.content = state.kind.save(state, new, source)
            state.values = {}
            state.kind.show(state)
            saved.append(criterion.number or criterion.text[:40])
        states.append(state)
    _finish(states, source)
    if saved:
        log_action(
            "allocation.score.saved",
            user=member,
            obj=report,
            changes={_("Kriterier"): [None, saved]},
            county=report.partnership.county,
        )
    return states


def is_complete(states: list[QuestionState]) -> bool:
    return all(s.kind.answered(s.content) for s in states if s.question.required)


@dataclass
class ReportScores:
    """The forum's scores of one report: average per criterion on the scale, how many
    members have scored."""

    average: float | None
    members: int


def conflicted(county: County) -> dict[int, tuple[set[int], set[int]]]:
    """Per forum member of the county: the partnerships they are tied to (through an owner
    or institution they represent) and the reports they declared themselves conflicted
    for. Read once per request (kept on the county object): three queries."""
    cached = getattr(county, "_lokomp_conflicted", None)
    if cached is not None:
        return cached
    found: dict[int, tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for user_id, partnership_id in PartnershipOwner.objects.filter(
        owner__forumtie__county=county
    ).values_list("owner__forumtie__user", "partnership"):
        found[user_id][0].add(partnership_id)
    for user_id, partnership_id in PartnershipInstitution.objects.filter(
        institution__forumtie__county=county
    ).values_list("institution__forumtie__user", "partnership"):
        found[user_id][0].add(partnership_id)
    for user_id, report_id in Conflict.objects.filter(
        user__roles__role=Role.FORUM_MEMBER, user__roles__county=county
    ).values_list("user", "report"):
        found[user_id][1].add(report_id)
    result = dict(found)
    setattr(county, "_lokomp_conflicted", result)  # noqa: B010 (kept for this request)
    return result


def counted_scores(county: County) -> QuerySet[Score]:
    """The scores that count: of criteria in use, by members not conflicted for the report
    (declared, or tied to an owner or institution of the partnership). The conflicts are
    few, so they are read first and left out by member."""
    left_out = Q()
    for member, (partnerships, reports) in conflicted(county).items():
        if partnerships:
            left_out |= Q(member_id=member, report__partnership__in=partnerships)
        if reports:
            left_out |= Q(member_id=member, report__in=reports)
    scores = Score.objects.filter(criterion__active=True)
    return scores.exclude(left_out) if left_out else scores


def score_summary(
    county: County, reports: QuerySet[NeedsReport] | list[NeedsReport]
) -> dict[int, ReportScores]:
    """Per report: the average of every scale answer that counts, and the number of
    members whose scores count. One query."""
    rows = (
        counted_scores(county)
        .filter(report__in=reports)
        .values("report_id")
        .annotate(
            average=Avg("value", filter=Q(value__isnull=False)),
            members=Count("member", distinct=True),
        )
        .order_by()
    )
    return {
        r["report_id"]: ReportScores(
            None if r["average"] is None else float(r["average"]), r["members"]
        )
        for r in rows
    }


def my_progress(member, reports: list[NeedsReport], criteria: list[Criterion]) -> dict[int, str]:
    """Per report: "done" when the member has answered every required criterion, "started"
    when some, else absent. One query."""
    required = {c.pk for c in criteria if c.required}
    answered: dict[int, set[int]] = {}
    for report_id, criterion_id, value, text, choice in Score.objects.filter(
        member=member, report__in=[r.pk for r in reports], criterion__active=True
    ).values_list("report_id", "criterion_id", "value", "text", "choice"):
        if value is not None or (text or "").strip() or choice is not None:
            answered.setdefault(report_id, set()).add(criterion_id)
    return {
        report_id: "done" if required <= given else "started"
        for report_id, given in answered.items()
    }
