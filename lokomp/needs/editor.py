"""Writing a section of a needs report.

Saving never loses input: what can be read is saved as a draft even where a rule is broken
(the rule is shown next to its field); what cannot be read (an amount with letters in it)
is shown again as typed, with the reason. Two people editing at once do not overwrite each
other: every answer carries a revision, and a save made from an older page is refused for
that answer only, showing the other person's text beside one's own to merge.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from lokomp.core.audit import log_action
from lokomp.core.formatting import thousands
from lokomp.core.validators import is_number, is_valid_account_number
from lokomp.core.when import WhenParseError, parse_when
from lokomp.plans.models import Goal, GoalLevel

from . import budget as b
from .facts import ReportFacts
from .models import Answer, BudgetLine, NeedsReport, Question, QuestionKind, TemplateSection

K = QuestionKind
NEW_GOAL_ROWS = 3


class ReportFrozen(Exception):
    """A submitted report cannot change; the county admin can reopen it."""


def fingerprint(value: Any) -> str:
    """A short digest of what a page showed, so a save can tell "left as it was" from
    "changed" even where someone else changed it in between."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()[:16]


def word_count(text: str) -> int:
    return len(text.split())


@dataclass
class QuestionState:
    question: Question
    answer: Answer | None
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    conflict: dict[str, Any] | None = None
    registry: str = ""
    counts: list = field(default_factory=list)
    goals: list[Goal] = field(default_factory=list)
    measures: list = field(default_factory=list)
    lines: list[b.Line] = field(default_factory=list)
    totals: list[b.Totals] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    # Digest of the stored content when the page was made (sent back as "<name>-was").
    was: str = ""

    @property
    def name(self) -> str:
        return f"q{self.question.pk}"

    @property
    def revision(self) -> int:
        return self.answer.revision if self.answer else 0

    @property
    def text(self) -> str:
        return self.values.get(self.name, "")

    @property
    def words(self) -> int:
        return word_count(self.text)

    @property
    def corrected(self) -> bool:
        """A partner answer that differs from what the registry says."""
        return bool(self.text.strip()) and self.text.strip() != self.registry.strip()

    def messages_for(self, name: str) -> list[str]:
        return self.errors.get(name, []) + self.warnings.get(name, [])

    @property
    def number_rows(self) -> list[dict]:
        """Per municipality: the registry's count and the number to show, with any
        hand correction marked."""
        rows = []
        for count in self.counts:
            name = f"{self.name}-m{count.municipality.pk}"
            shown = self.values.get(name, "")
            rows.append(
                {
                    "municipality": count.municipality,
                    "registry": count.registry,
                    "name": name,
                    "value": shown if shown != "" else count.registry,
                    "corrected": str(shown) != "" and str(shown) != str(count.registry),
                    "messages": self.messages_for(name),
                }
            )
        return rows

    @property
    def budget_table(self) -> list[dict]:
        """One row per year and recipient, each cell with its input name, the value to show
        (as typed after a post, else as stored) and its messages."""
        rows = []
        for line in self.lines:
            key = line.key()
            cells = {}
            for name in ("amount", "own_contribution", *b.SHARE_FIELDS):
                field_name = f"{key}-{name}"
                stored = getattr(line, name)
                if stored is None:
                    stored = ""
                elif name in ("amount", "own_contribution"):
                    stored = thousands(stored)
                shown = self.values.get(field_name, stored)
                cells[name] = {
                    "name": field_name,
                    "value": shown,
                    "messages": self.messages_for(field_name),
                }
            rows.append(
                {
                    "key": key,
                    "year": line.year,
                    "recipient": b.RECIPIENT_LABELS[line.recipient],
                    "estimate": self.values.get(f"{key}-estimate", line.estimate),
                    "cells": cells,
                    "shares_sum": sum(s or 0 for s in line.shares),
                    "messages": self.messages_for(f"{key}-shares"),
                }
            )
        return rows

    def add(self, kind: str, name: str, message: str) -> None:
        getattr(self, kind).setdefault(name, []).append(message)


@dataclass
class SaveResult:
    states: list[QuestionState]
    saved: list[str]

    @property
    def input_errors(self) -> bool:
        return any(s.errors for s in self.states)

    @property
    def conflicts(self) -> list[QuestionState]:
        return [s for s in self.states if s.conflict]


# -- reading -------------------------------------------------------------------------------


def budget_lines(report: NeedsReport, stored: list[BudgetLine] | None = None) -> list[b.Line]:
    """The table's cells: every year and recipient, stored or blank."""
    stored = list(report.budget.all()) if stored is None else stored
    by_key = {(line.year, line.recipient): line for line in stored}
    lines = []
    for year in budget_years(report):
        for recipient in ("owner", "uh"):
            found = by_key.get((year, recipient))
            line = b.Line(year=year, recipient=recipient)
            if found is not None:
                line.amount = found.amount
                line.estimate = found.estimate
                line.own_contribution = found.own_contribution
                for name in b.SHARE_FIELDS:
                    setattr(line, name, getattr(found, name))
            lines.append(line)
    return lines


def budget_years(report: NeedsReport) -> list[int]:
    question = next((q for q in report.template.all_questions() if q.kind == K.BUDGET), None)
    count = question.options.get("years", 3) if question else 3
    return [report.year + i for i in range(count)]


def coordinator_reason(report: NeedsReport, answers: dict[int, Answer]) -> str:
    for question in report.template.all_questions():
        if question.kind == K.COORDINATOR_REASON and question.pk in answers:
            return answers[question.pk].text
    return ""


def county_parts(report: NeedsReport):
    """Each county's percentage where the partnership spans counties: the home county takes
    what the others do not. One query."""
    shares = list(report.partnership.county_shares.select_related("county"))
    if not shares:
        return None
    home = 100 - sum(s.percent for s in shares)
    return [(report.partnership.county.name, home)] + [(s.county.name, s.percent) for s in shares]


def budget_problems(report: NeedsReport, lines: list[b.Line], reason: str) -> list[b.Problem]:
    return b.problems(
        lines,
        coordinator_reason=reason,
        co_financing_percent=report.scheme.co_financing_percent,
    )


def _stored_values(state: QuestionState) -> None:
    q, answer = state.question, state.answer
    name = state.name
    if answer is None:
        state.values[name] = ""
        state.values[f"{name}-choice"] = None
        return
    state.values[name] = answer.text
    state.values[f"{name}-choice"] = answer.choice
    for key, value in answer.data.items():
        state.values[f"{name}-{key}"] = value
    if q.kind == K.NUMBERS_PER_MUNICIPALITY:
        for key, value in answer.data.items():
            state.values[f"{name}-m{key}"] = str(value)


def section_states(
    report: NeedsReport, section: TemplateSection, facts: ReportFacts | None = None
) -> list[QuestionState]:
    facts = facts or ReportFacts(report)
    questions = list(section.questions.all())
    answers = {a.question_id: a for a in report.answers.select_related("updated_by")}
    states = []
    for question in questions:
        state = QuestionState(question=question, answer=answers.get(question.pk))
        _stored_values(state)
        _attach(report, state, facts, answers)
        states.append(state)
    _check(report, states, answers)
    return states


def _attach(report, state: QuestionState, facts: ReportFacts, answers) -> None:
    """The context a question shows beside its inputs."""
    kind = state.question.kind
    if kind == K.PARTNERS:
        state.registry = facts.partner_text(state.question)
    elif kind == K.NUMBERS_PER_MUNICIPALITY:
        state.counts = facts.counts(state.question)
    elif kind == K.GOALS:
        level = state.question.options.get("level")
        state.goals = [g for g in facts.goals if level is None or g.level == level]
    elif kind == K.MEASURES:
        state.measures = list(report.plan.measures.select_related("scheme"))
    elif kind == K.BUDGET:
        state.years = budget_years(report)
        if not state.lines:
            state.lines = budget_lines(report)
        state.totals = b.totals(state.lines, county_parts(report))
    state.was = stored_fingerprint(state)


def stored_fingerprint(state: QuestionState) -> str:
    kind = state.question.kind
    if kind == K.BUDGET:
        return fingerprint([vars(line) for line in state.lines])
    if kind == K.GOALS:
        return fingerprint([(g.pk, g.text) for g in state.goals])
    answer = state.answer
    if answer is None:
        return fingerprint(("", None, {}))
    return fingerprint((answer.text, answer.choice, answer.data))


def _check(report, states: list[QuestionState], answers) -> None:
    """Rules shown next to the fields (not blocking a draft)."""
    reason = coordinator_reason(report, answers)
    for state in states:
        q = state.question
        if q.word_limit and state.words > q.word_limit:
            state.add(
                "warnings",
                state.name,
                f"Teksten har {state.words} ord, men skal ha høyst {q.word_limit}.",
            )
        if q.kind == K.PERIOD and state.text.strip():
            try:
                parse_when(state.text, report.year)
            except WhenParseError as error:
                state.add("warnings", state.name, str(error))
        if q.kind == K.PARTNERS:
            account = str(state.values.get(f"{state.name}-account", "") or "")
            if account.strip() and not is_valid_account_number(account):
                state.add(
                    "warnings",
                    f"{state.name}-account",
                    "Kontonummeret er ikke gyldig (kontrollsifferet stemmer ikke).",
                )
        if q.kind == K.BUDGET:
            if any(s.question.kind == K.COORDINATOR_REASON for s in states):
                reason = next(s.text for s in states if s.question.kind == K.COORDINATOR_REASON)
            for problem in budget_problems(report, state.lines, reason):
                state.add("warnings", problem.field, problem.message)


# -- saving --------------------------------------------------------------------------------


def _posted_values(state: QuestionState, post) -> None:
    """What the user sent, kept as typed."""
    name = state.name
    q = state.question
    if q.kind in (K.TEXT, K.COORDINATOR_REASON, K.PERIOD, K.MEASURES, K.PARTNERS, K.YES_NO_TEXT):
        state.values[name] = post.get(name, "")
    if q.kind in (K.YES_NO, K.YES_NO_TEXT):
        raw = post.get(f"{name}-choice", "")
        state.values[f"{name}-choice"] = {"ja": True, "nei": False}.get(raw)
    if q.kind == K.CONFIRMATION:
        state.values[f"{name}-choice"] = True if post.get(f"{name}-choice") == "ja" else None
    if q.kind == K.PARTNERS:
        for key in ("account", "reference"):
            state.values[f"{name}-{key}"] = post.get(f"{name}-{key}", "")
    if q.kind == K.NUMBERS_PER_MUNICIPALITY:
        for count in state.counts:
            key = f"{name}-m{count.municipality.pk}"
            state.values[key] = post.get(key, "")
    if q.kind == K.GOALS:
        for goal in state.goals:
            key = f"{name}-goal-{goal.pk}"
            state.values[key] = post.get(key, goal.text)
        for n in range(NEW_GOAL_ROWS):
            state.values[f"{name}-new-{n}"] = post.get(f"{name}-new-{n}", "")
            state.values[f"{name}-newlevel-{n}"] = post.get(f"{name}-newlevel-{n}", "")


def _new_answer_content(state: QuestionState) -> tuple[str, bool | None, dict]:
    """Text, choice and data to store for this question, from the posted values."""
    name, q = state.name, state.question
    text = state.values.get(name, "") if q.kind not in (K.YES_NO, K.CONFIRMATION) else ""
    choice = state.values.get(f"{name}-choice")
    data: dict[str, Any] = {}
    if q.kind == K.PARTNERS:
        data = {k: state.values.get(f"{name}-{k}", "") for k in ("account", "reference")}
        data = {k: v for k, v in data.items() if v}
        if text.strip() == state.registry.strip():
            text = ""  # the same as the registry: keep following it
    if q.kind == K.NUMBERS_PER_MUNICIPALITY:
        for count in state.counts:
            raw = str(state.values.get(f"{name}-m{count.municipality.pk}", "")).strip()
            if not raw:
                continue
            if not is_number(raw):
                state.add(
                    "errors", f"{name}-m{count.municipality.pk}", "Skriv antallet som et helt tall."
                )
                continue
            if int(raw) != count.registry:
                data[str(count.municipality.pk)] = int(raw)
    return text.replace("\r\n", "\n"), choice, data


def _same(answer: Answer | None, content: tuple[str, bool | None, dict]) -> bool:
    if answer is None:
        text, choice, data = content
        return not text and choice is None and not data
    return (answer.text, answer.choice, answer.data) == content


@transaction.atomic
def section_save(report: NeedsReport, section: TemplateSection, post, user) -> SaveResult:
    """Save what can be read; return the states to show (with errors, warnings, conflicts)."""
    report = NeedsReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_editable:
        raise ReportFrozen("Behovsmeldingen er sendt inn og kan ikke endres.")
    facts = ReportFacts(report)
    questions = list(section.questions.all())
    answers = {
        a.question_id: a
        for a in Answer.objects.select_for_update(of=("self",))
        .filter(report=report)
        .select_related("updated_by")
    }
    states: list[QuestionState] = []
    saved: list[str] = []
    for question in questions:
        state = QuestionState(question=question, answer=answers.get(question.pk))
        _attach(report, state, facts, answers)
        _posted_values(state, post)
        posted_revision = post.get(f"{state.name}-rev", "")
        changed_since = is_number(posted_revision) and int(posted_revision) != state.revision
        shown_before = post.get(f"{state.name}-was", "")
        if question.kind == K.BUDGET:
            content_changed = _save_budget(report, state, post, changed_since, shown_before)
        elif question.kind == K.GOALS:
            content_changed = _save_goals(report, state, changed_since, shown_before)
        else:
            content = _new_answer_content(state)
            untouched = shown_before and fingerprint(content) == shown_before
            content_changed = not untouched and not _same(state.answer, content)
            if content_changed and changed_since and state.answer is not None:
                _mark_conflict(state)
                content_changed = False
            elif content_changed:
                state.answer = state.answer or Answer(report=report, question=question)
                state.answer.text, state.answer.choice, state.answer.data = content
        if content_changed:
            answer = state.answer or Answer(report=report, question=question)
            answer.revision += 1
            answer.updated_by = user
            answer.save()
            state.answer = answers[question.pk] = answer
            saved.append(question.number or question.text[:40])
        if not state.conflict:
            state.was = (
                stored_fingerprint(state)
                if question.kind not in (K.BUDGET,)
                else (fingerprint([vars(line) for line in budget_lines(report)]))
            )
        states.append(state)
    _check(report, states, answers)
    if saved:
        report.updated_at = timezone.now()
        report.save(update_fields=["updated_at"])
        log_action(
            "needs.report.changed",
            user=user,
            obj=report,
            changes={"Spørsmål": [None, saved]},
            partnership=report.partnership,
        )
    return SaveResult(states=states, saved=saved)


def _mark_conflict(state: QuestionState) -> None:
    answer = state.answer
    assert answer is not None
    state.conflict = {
        "theirs": answer.text,
        "by": answer.updated_by,
        "at": answer.updated_at,
    }


def _save_budget(
    report, state: QuestionState, post, changed_since: bool, shown_before: str
) -> bool:
    """Read every cell; cells that cannot be read keep their stored value and are shown
    as typed with the reason. Returns whether anything changed."""
    stored = {(line.year, line.recipient): line for line in report.budget.all()}
    lines = budget_lines(report, list(stored.values()))
    posted_lines = []
    for line in lines:
        new = b.Line(year=line.year, recipient=line.recipient)
        key = line.key()
        new.estimate = post.get(f"{key}-estimate") == "on"
        for name in ("amount", "own_contribution", *b.SHARE_FIELDS):
            raw = post.get(f"{key}-{name}", "")
            state.values[f"{key}-{name}"] = raw
            parse = b.parse_amount if name in ("amount", "own_contribution") else b.parse_share
            try:
                setattr(new, name, parse(raw))
            except b.InputError as error:
                state.add("errors", f"{key}-{name}", str(error))
                setattr(new, name, getattr(line, name))
        state.values[f"{key}-estimate"] = new.estimate
        posted_lines.append(new)
    state.lines = posted_lines
    state.totals = b.totals(posted_lines, county_parts(report))
    changed = [new for new, old in zip(posted_lines, lines, strict=True) if new != old]
    if not changed:
        return False
    if changed_since:
        state.conflict = {
            "theirs": "; ".join(
                f"{b.RECIPIENT_LABELS[o.recipient]} {o.year}: {thousands(o.amount)} kr"
                for o in lines
                if o.amount
            ),
            "by": state.answer.updated_by if state.answer else None,
            "at": state.answer.updated_at if state.answer else None,
        }
        return False
    for line in changed:
        row = stored.get((line.year, line.recipient)) or BudgetLine(
            report=report, year=line.year, recipient=line.recipient
        )
        row.amount, row.estimate, row.own_contribution = (
            line.amount,
            line.estimate,
            line.own_contribution,
        )
        for name in b.SHARE_FIELDS:
            setattr(row, name, getattr(line, name))
        row.save()
    return True


def _save_goals(report, state: QuestionState, changed_since: bool, shown_before: str) -> bool:
    """Goals are the action plan's: editing them here edits the plan."""
    level = state.question.options.get("level")
    updates = []
    for goal in state.goals:
        text = str(state.values.get(f"{state.name}-goal-{goal.pk}", "")).strip()
        if text != goal.text:
            updates.append((goal, text))
    new = []
    for n in range(NEW_GOAL_ROWS):
        text = str(state.values.get(f"{state.name}-new-{n}", "")).strip()
        if text:
            chosen = level or state.values.get(f"{state.name}-newlevel-{n}") or GoalLevel.SUB
            if chosen not in GoalLevel.values:
                chosen = GoalLevel.SUB
            new.append((chosen, text))
    if not updates and not new:
        return False
    posted = [
        (g.pk, str(state.values.get(f"{state.name}-goal-{g.pk}", "")).strip()) for g in state.goals
    ]
    if shown_before and fingerprint(posted) == shown_before and not new:
        return False
    if changed_since:
        state.conflict = {
            "theirs": "\n".join(g.text for g in state.goals),
            "by": state.answer.updated_by if state.answer else None,
            "at": state.answer.updated_at if state.answer else None,
        }
        return False
    next_order = max((g.order for g in state.goals), default=-1) + 1
    for goal, text in updates:
        if text:
            goal.text = text
            goal.save(update_fields=["text"])
        else:
            goal.delete()
    for offset, (chosen, text) in enumerate(new):
        Goal.objects.create(plan=report.plan, level=chosen, text=text, order=next_order + offset)
    state.goals = [g for g in report.plan.goals.all() if level is None or g.level == level]
    for n in range(NEW_GOAL_ROWS):
        state.values[f"{state.name}-new-{n}"] = ""
    for goal in state.goals:
        state.values[f"{state.name}-goal-{goal.pk}"] = goal.text
    return True
