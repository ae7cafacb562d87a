"""Operations on needs reports: create (or copy last year's), submit, reopen, compare."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone

from lokomp.core.audit import log_action
from lokomp.core.formatting import thousands
from lokomp.core.validators import format_account_number, is_valid_account_number
from lokomp.core.when import WhenParseError, parse_when
from lokomp.plans.models import ActionPlan, GoalLevel, Responsibility
from lokomp.plans.services import plan_create

from . import budget as b
from .editor import budget_lines, budget_problems, county_parts, word_count
from .facts import ReportFacts
from .models import (
    Answer,
    NeedsReport,
    Question,
    QuestionKind,
    ReportStatus,
    ReportTemplate,
    ReportVersion,
    deadline_for,
)

K = QuestionKind


class SubmissionRefused(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


# -- creating ------------------------------------------------------------------------------


@transaction.atomic
def report_create(
    *, partnership, template: ReportTemplate, scheme, user, copy_from: NeedsReport | None = None
) -> NeedsReport:
    """A new report on a template. Its goals and measures are the plan's for the year (the
    plan is made, carried over from the latest one, where it does not exist). Copied from
    last year's report, the answers and the budget come along with the years moved on."""
    plan = ActionPlan.objects.filter(partnership=partnership, school_year=template.year).first()
    if plan is None:
        plan = plan_create(
            partnership=partnership, school_year=template.year, copy_previous=True, user=user
        )
    report = NeedsReport(partnership=partnership, template=template, scheme=scheme, plan=plan)
    report.full_clean()
    report.save()
    if copy_from is not None:
        _copy_answers(copy_from, report)
    log_action(
        "needs.report.created",
        user=user,
        obj=report,
        changes={"Kopiert fra": [None, str(copy_from) if copy_from else None]},
        partnership=partnership,
    )
    return report


def _question_key(question: Question) -> tuple[str, str]:
    return (question.kind, question.number or question.text[:60])


def _copy_answers(source: NeedsReport, target: NeedsReport) -> None:
    new_questions = {
        _question_key(q): q
        for section in target.template.sections.prefetch_related("questions")
        for q in section.questions.all()
    }
    for answer in source.answers.select_related("question"):
        question = new_questions.get(_question_key(answer.question))
        if question is None or question.kind in (K.CONFIRMATION, K.GOALS, K.BUDGET):
            continue  # the confirmation is given anew each year; goals come with the plan
        Answer.objects.create(
            report=target,
            question=question,
            text=answer.text,
            choice=answer.choice,
            data=answer.data,
        )
    years = target.year - source.year
    for line in source.budget.all():
        line.pk = None
        line.report = target
        line.year += years
        line.save()
    if source.budget.exists():
        budget_question = next((q for q in new_questions.values() if q.kind == K.BUDGET), None)
        if budget_question is not None:
            Answer.objects.get_or_create(report=target, question=budget_question)


# -- what the report says -------------------------------------------------------------------


def _display(
    report,
    question: Question,
    answer: Answer | None,
    facts: ReportFacts,
    lines: list[b.Line],
    plan_content: dict,
) -> tuple[str, Any]:
    """The answer as text (compared between versions) and as structure (for printing)."""
    text = answer.text if answer else ""
    choice = answer.choice if answer else None
    data = answer.data if answer else {}
    kind = question.kind
    if kind in (K.TEXT, K.COORDINATOR_REASON):
        return text, None
    if kind == K.YES_NO:
        return {True: "Ja", False: "Nei"}.get(choice, ""), choice
    if kind == K.YES_NO_TEXT:
        yes_no = {True: "Ja", False: "Nei"}.get(choice, "")
        return (f"{yes_no}\n{text}".strip()), choice
    if kind == K.CONFIRMATION:
        return ("Ja" if choice else ""), choice
    if kind == K.PERIOD:
        try:
            interpreted = parse_when(text, report.year).format() if text.strip() else ""
        except WhenParseError:
            interpreted = ""
        return text, interpreted
    if kind == K.PARTNERS:
        registry = facts.partner_text(question)
        value = text or registry
        extra = []
        if data.get("account"):
            extra.append(f"Kontonr: {format_account_number(data['account'])}")
        if data.get("reference"):
            extra.append(f"Merkes med: {data['reference']}")
        full = "\n".join([value, *extra]).strip()
        return full, {
            "registry": registry,
            "corrected": bool(text) and text != registry,
            "account": data.get("account", ""),
        }
    if kind == K.NUMBERS_PER_MUNICIPALITY:
        rows = []
        for count in facts.counts(question):
            number = data.get(str(count.municipality.pk), count.registry)
            rows.append(
                {
                    "municipality": count.municipality.name,
                    "number": number,
                    "registry": count.registry,
                }
            )
        total = sum(r["number"] for r in rows)
        listed = [r for r in rows if r["number"]]
        shown = f"{total} totalt" + (
            " fordelt på: " + ", ".join(f"{r['municipality']}: {r['number']}" for r in listed)
            if listed
            else ""
        )
        return (shown if total else "Ingen"), {"rows": rows, "total": total}
    if kind == K.GOALS:
        level = question.options.get("level")
        goals = [g for g in plan_content["goals"] if level is None or g.level == level]
        grouped = [
            {"level": label, "goals": [g.text for g in goals if g.level == value]}
            for value, label in GoalLevel.choices
        ]
        grouped = [g for g in grouped if g["goals"]]
        return "\n".join(f"• {g.text}" for g in goals), grouped
    if kind == K.MEASURES:
        measures = [
            {
                "number": m.number,
                "title": m.title,
                "how": m.how,
                "target": m.target_summary,
                "when": m.when_display,
                "responsibility": "; ".join(str(r) for r in m.responsibilities.all()),
            }
            for m in plan_content["measures"]
        ]
        lines_text = [f"Tiltak {m['number']}: {m['title']} ({m['when']})" for m in measures]
        return "\n".join([text, *lines_text]).strip(), {"intro": text, "measures": measures}
    if kind == K.BUDGET:
        totals = b.totals(lines, county_parts(report))
        shown = "\n".join(
            f"{t.year}: eier {thousands(t.owner)} kr, UH {thousands(t.uh)} kr, "
            f"totalt {thousands(t.total)} kr" + (" (anslag)" if t.estimate else "")
            for t in totals
        )
        table = {
            "years": [t.year for t in totals],
            "lines": [vars(line) | {"key": line.key()} for line in lines],
            "totals": [
                {
                    "year": t.year,
                    "owner": t.owner,
                    "uh": t.uh,
                    "total": t.total,
                    "estimate": t.estimate,
                    "county_parts": t.county_parts,
                }
                for t in totals
            ],
        }
        return shown, table
    return text, None


def snapshot(report: NeedsReport) -> dict:
    """Everything the report says, as plain data: frozen into a version on submission, and
    the one source for showing, printing and comparing."""
    facts = ReportFacts(report)
    answers = {a.question_id: a for a in report.answers.all()}
    lines = budget_lines(report)
    plan_content = {
        "goals": list(report.plan.goals.all()),
        "measures": list(
            report.plan.measures.prefetch_related(
                Prefetch(
                    "responsibilities",
                    queryset=Responsibility.objects.select_related("institution", "owner"),
                )
            )
        ),
    }
    sections = []
    for section in report.template.sections.prefetch_related("questions"):
        questions = []
        for question in section.questions.all():
            shown, value = _display(
                report, question, answers.get(question.pk), facts, lines, plan_content
            )
            questions.append(
                {
                    "id": question.pk,
                    "number": question.number,
                    "text": question.text,
                    "kind": question.kind,
                    "word_limit": question.word_limit,
                    "required": question.required,
                    "answer": answers[question.pk].text if question.pk in answers else "",
                    "shown": shown,
                    "value": value,
                }
            )
        sections.append(
            {
                "number": section.number,
                "title": section.title,
                "help": section.help_text,
                "questions": questions,
            }
        )
    return {
        "title": report.template.title,
        "introduction": report.template.introduction,
        "partnership": report.partnership.name,
        "county": report.partnership.county.name,
        "scheme": report.scheme.name,
        "year": report.year,
        "year_label": report.year_label,
        "sections": sections,
    }


# -- rules for submission -------------------------------------------------------------------


def report_problems(report: NeedsReport, snap: dict | None = None) -> list[str]:
    """What stands in the way of submission, in Norwegian, one line each. Read from the
    report's snapshot, so a page that shows the report checks it without reading it twice.
    """
    snap = snap or snapshot(report)
    found: list[str] = []
    reason = ""
    budget_value = None
    for section in snap["sections"]:
        for q in section["questions"]:
            kind, text, value = q["kind"], q["answer"], q["value"]
            label = f"{q['number']} {q['text']}".strip()[:90]
            if kind == K.COORDINATOR_REASON:
                reason = text
            if kind == K.BUDGET:
                budget_value = value
            if kind == K.CONFIRMATION and not value:
                found.append(
                    "Bekreft at behovsmeldingen er laget i partnerskap med eiere og "
                    "UH-institusjoner som inngår i partnerskapet."
                )
                continue
            if q["word_limit"] and word_count(text) > q["word_limit"]:
                found.append(f"{label}: høyst {q['word_limit']} ord (nå {word_count(text)}).")
            if kind == K.PARTNERS and value["account"]:
                if not is_valid_account_number(value["account"]):
                    found.append(f"{label}: kontonummeret er ikke gyldig.")
            if not q["required"]:
                continue
            if kind in (K.TEXT, K.PERIOD) and not text.strip():
                found.append(f"Svar mangler: {label}")
            elif kind in (K.YES_NO, K.YES_NO_TEXT) and value is None:
                found.append(f"Svar mangler (ja/nei): {label}")
            elif kind == K.YES_NO_TEXT and value and not text.strip():
                found.append(f"Forklar svaret: {label}")
            elif kind == K.GOALS and not value:
                found.append(f"Skriv minst ett mål: {label}")
            elif kind == K.MEASURES and not value["measures"]:
                found.append(f"Legg inn minst ett tiltak: {label}")
            elif kind == K.PARTNERS and not q["shown"].strip():
                found.append(f"Svar mangler: {label}")
    if budget_value is not None:
        lines = [
            b.Line(**{f.name: d[f.name] for f in fields(b.Line)}) for d in budget_value["lines"]
        ]
        if not any(line.amount for line in lines):
            found.append("Budsjettet mangler beløp.")
        found += [p.message for p in budget_problems(report, lines, reason)]
    return found


def submission_deadline(report: NeedsReport) -> date:
    return deadline_for(report.partnership.county_id, report.year)


@transaction.atomic
def report_submit(*, report: NeedsReport, user, today: date | None = None) -> ReportVersion:
    """Freeze the report as a new version. Every rule must hold, the partnership must have
    confirmed it, and the deadline must not have passed unless the county admin allowed it.
    """
    report = NeedsReport.objects.select_for_update().get(pk=report.pk)
    today = today or timezone.localdate()
    problems: list[str] = []
    if report.status == ReportStatus.SUBMITTED:
        problems.append("Behovsmeldingen er allerede sendt inn.")
    deadline = submission_deadline(report)
    if today > deadline and not report.late_submission_allowed:
        problems.append(
            f"Fristen var {deadline:%d.%m.%Y}. Statsforvalteren må tillate innsending etter "
            "fristen."
        )
    snap = snapshot(report)
    problems += report_problems(report, snap)
    if problems:
        raise SubmissionRefused(problems)
    number = (report.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = ReportVersion.objects.create(
        report=report, number=number, snapshot=snap, submitted_by=user
    )
    report.status = ReportStatus.SUBMITTED
    report.late_submission_allowed = False
    report.save(update_fields=["status", "late_submission_allowed", "updated_at"])
    log_action(
        "needs.report.submitted",
        user=user,
        obj=report,
        changes={"Versjon": [None, number]},
        partnership=report.partnership,
    )
    return version


@transaction.atomic
def report_reopen(*, report: NeedsReport, user) -> NeedsReport:
    """The county admin opens a submitted report again; the next submission is a new
    version, and the submitted one stays as it was."""
    report = NeedsReport.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise SubmissionRefused(["Bare innsendte behovsmeldinger kan gjenåpnes."])
    report.status = ReportStatus.REOPENED
    report.save(update_fields=["status", "updated_at"])
    log_action(
        "needs.report.reopened",
        user=user,
        obj=report,
        changes={"Status": ["Sendt inn", "Gjenåpnet"]},
        partnership=report.partnership,
    )
    return report


@transaction.atomic
def report_allow_late(*, report: NeedsReport, user) -> None:
    report.late_submission_allowed = True
    report.save(update_fields=["late_submission_allowed", "updated_at"])
    log_action(
        "needs.report.late_allowed",
        user=user,
        obj=report,
        changes={"Kan sendes etter fristen": [False, True]},
        partnership=report.partnership,
    )


# -- comparing ------------------------------------------------------------------------------


@dataclass
class QuestionChange:
    number: str
    text: str
    before: str
    after: str

    @property
    def lines(self) -> list[tuple[str, str]]:
        """("-", line) removed, ("+", line) added, (" ", line) kept."""
        out = []
        for line in difflib.ndiff(self.before.splitlines(), self.after.splitlines()):
            if line[:1] in "-+ ":
                out.append((line[:1], line[2:]))
        return out


def compare(before: dict, after: dict) -> list[QuestionChange]:
    """What changed between two snapshots, question by question."""
    old = {
        (q["kind"], q["number"] or q["text"]): q for s in before["sections"] for q in s["questions"]
    }
    changes = []
    for section in after["sections"]:
        for question in section["questions"]:
            key = (question["kind"], question["number"] or question["text"])
            previous = old.pop(key, None)
            before_text = previous["shown"] if previous else ""
            if before_text != question["shown"]:
                changes.append(
                    QuestionChange(
                        question["number"], question["text"], before_text, question["shown"]
                    )
                )
    for question in old.values():
        changes.append(QuestionChange(question["number"], question["text"], question["shown"], ""))
    return changes
