"""Writing a section of a needs report, on the question engine (`core.questions`, with the
report's own kinds in `needs.kinds`).

Saving never loses input: what can be read is saved as a draft even where a rule is broken
(the rule is shown next to its field); what cannot be read (an amount with letters in it)
is shown again as typed, with the reason. Two people editing at once do not overwrite each
other: every answer carries a revision, and a save made from an older page is refused for
that answer only, showing the other person's text beside one's own to merge.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from lokomp.core.audit import log_action
from lokomp.core.forms import fingerprint
from lokomp.core.questions import Posted, QuestionState, kind_for
from lokomp.core.validators import parse_id

from . import kinds  # noqa: F401  (registers the report's own kinds)
from .kinds import ReportSource
from .models import Answer, NeedsReport, TemplateSection


class ReportFrozen(Exception):
    """A submitted report cannot change; the county admin can reopen it."""


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


def _state(question, source: ReportSource) -> QuestionState:
    kind = kind_for(question.kind)
    answer = source.answers.get(question.pk)
    state = QuestionState(question=question, kind=kind, revision=answer.revision if answer else 0)
    state.content = kind.load(question, source)
    kind.show(state)
    state.was = fingerprint(state.content)
    return state


def _finish(states: list[QuestionState], current: dict[int, dict], source: ReportSource) -> None:
    """The rules beside the fields (not blocking a draft), read on the content the page
    holds now, and what each input template shows."""
    facts = source.form_facts()
    for state in states:
        facts.contents[state.kind.code] = current[state.question.pk]
    for state in states:
        for problem in state.kind.check(state.question, current[state.question.pk], facts):
            if not problem.missing:
                state.add("warnings", problem.field, problem.message)
        state.ctx = state.kind.context(state, source)


def section_states(report: NeedsReport, section: TemplateSection) -> list[QuestionState]:
    source = ReportSource(report)
    states = [_state(question, source) for question in section.questions.all()]
    _finish(states, {s.question.pk: s.content for s in states}, source)
    return states


@transaction.atomic
def section_save(
    *, report: NeedsReport, section: TemplateSection, posted: Posted, user
) -> SaveResult:
    """Save what can be read; return the states to show (with errors, warnings,
    conflicts)."""
    report = NeedsReport.objects.select_for_update().get(pk=report.pk)
    if not report.is_editable:
        raise ReportFrozen(_("Behovsmeldingen er sendt inn og kan ikke endres."))
    answers = {
        a.question_id: a
        for a in Answer.objects.select_for_update(of=("self",))
        .filter(report=report)
        .select_related("updated_by")
    }
    source = ReportSource(report, answers)
    states: list[QuestionState] = []
    current: dict[int, dict] = {}
    saved: list[str] = []
    for question in section.questions.all():
        state = _state(question, source)
        kind = state.kind
        kind.read(state, posted)
        new = kind.parse(state)
        current[question.pk] = new
        posted_revision = posted.get(f"{state.name}-rev", "")
        revision = parse_id(posted_revision)
        changed_since = revision is not None and revision != state.revision
        shown_before = posted.get(f"{state.name}-was", "")
        untouched = bool(shown_before) and fingerprint(new) == shown_before
        if new == state.content or untouched:
            states.append(state)
            continue
        answer = answers.get(question.pk)
        if changed_since and answer is not None:
            state.conflict = {
                "theirs": kind.conflict_text(state.content),
                "by": answer.updated_by,
                "at": answer.updated_at,
            }
            states.append(state)
            continue
        state.content = kind.save(state, new, source)
        if not state.errors:  # else keep what was typed, shown with the reason
            state.values = {}
            kind.show(state)
        answer = source.answers.get(question.pk) or Answer(report=report, question=question)
        answer.revision += 1
        answer.updated_by = user
        answer.save()
        answers[question.pk] = answer
        state.revision = answer.revision
        current[question.pk] = state.content
        state.was = fingerprint(state.content)
        saved.append(question.number or question.text[:40])
        states.append(state)
    _finish(states, current, source)
    if saved:
        report.updated_at = timezone.now()
        report.save(update_fields=["updated_at"])
        log_action(
            "needs.report.changed",
            user=user,
            obj=report,
            changes={_("Spørsmål"): [None, saved]},
            partnership=report.partnership,
        )
    return SaveResult(states=states, saved=saved)
