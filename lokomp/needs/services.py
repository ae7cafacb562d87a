"""Operations on needs reports: create (or copy last year's), submit, reopen, compare."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from lokomp.allocation.models import submission_deadline as round_deadline
from lokomp.core.audit import log_action
from lokomp.core.questions import FormFacts, form_problems, kind_for
from lokomp.plans.models import ActionPlan
from lokomp.plans.services import plan_create

from .kinds import ReportSource
from .models import (
    Answer,
    NeedsReport,
    Question,
    QuestionKind,
    ReportStatus,
    ReportTemplate,
    ReportVersion,
)
from .standard_forms import template_copy

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
        changes={_("Kopiert fra"): [None, str(copy_from) if copy_from else None]},
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

# The shape of a version's snapshot. 1: shown and value per question (versions submitted
# before the question engine); 2: also each answer's content, its options and this number.
SNAPSHOT_SCHEMA = 2


@dataclass
class SnapshotQuestion:
    """A question as a snapshot holds it, with what the engine's rules read of it."""

    pk: int
    number: str
    text: str
    kind: str
    word_limit: int | None
    required: bool
    options: dict

    @classmethod
    def of(cls, q: dict) -> SnapshotQuestion:
        return cls(
            pk=q["id"],
            number=q["number"],
            text=q["text"],
            kind=q["kind"],
            word_limit=q["word_limit"],
            required=q["required"],
            options=q.get("options", {}),
        )


def snapshot(report: NeedsReport) -> dict:
    """Everything the report says, as plain data: frozen into a version on submission, and
    the one source for showing, printing, checking and comparing."""
    source = ReportSource(report, full=True)
    facts = source.form_facts()
    sections = []
    for section in report.template.sections.prefetch_related("questions"):
        questions = []
        for question in section.questions.all():
            kind = kind_for(question.kind)
            content = kind.load(question, source)
            shown, value = kind.display(question, content, facts)
            questions.append(
                {
                    "id": question.pk,
                    "number": question.number,
                    "text": question.text,
                    "kind": question.kind,
                    "word_limit": question.word_limit,
                    "required": question.required,
                    "options": question.options,
                    "content": content,
                    "answer": content.get("text", ""),
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
        "schema": SNAPSHOT_SCHEMA,
        "title": report.template.title,
        "introduction": report.template.introduction,
        "partnership": report.partnership.name,
        "county": report.partnership.county.name,
        "scheme": report.scheme.name,
        "year": report.year,
        "year_label": report.year_label,
        "sections": sections,
    }


def snapshot_questions(snap: dict) -> list[dict]:
    return [q for section in snap["sections"] for q in section["questions"]]


# -- rules for submission -------------------------------------------------------------------


def report_problems(report: NeedsReport, snap: dict | None = None) -> list[str]:
    """What stands in the way of submission, in Norwegian, one line each. The engine's
    rules read the snapshot's content, the same content the editor checks."""
    snap = snap or snapshot(report)
    items = [(SnapshotQuestion.of(q), q["content"]) for q in snapshot_questions(snap)]
    contents: dict[str, dict] = {}
    for question, content in items:
        contents.setdefault(question.kind, content)
    return form_problems(items, FormFacts(contents=contents, year=snap["year"]))


@dataclass(frozen=True)
class Blocker:
    """Why a report cannot be sent in now; `section` is the index of the part that has the
    question to fix, and `question` its id (None for the deadline)."""

    message: str
    section: int | None = None
    question: int | None = None


def submission_blockers(
    report: NeedsReport, snap: dict, *, today: date, deadline: date
) -> list[Blocker]:
    """Everything that stands in the way of sending in, before the button is pressed: the
    deadline, and every rule a question breaks (each pointing to its question)."""
    found: list[Blocker] = []
    if today > deadline and not report.late_submission_allowed:
        found.append(
            Blocker(
                _("Fristen var %(date)s. Statsforvalteren må tillate innsending etter fristen.")
                % {"date": f"{deadline:%d.%m.%Y}"}
            )
        )
    items = [
        (index, SnapshotQuestion.of(q), q)
        for index, section in enumerate(snap["sections"])
        for q in section["questions"]
    ]
    contents: dict[str, dict] = {}
    for _index, question, q in items:
        contents.setdefault(question.kind, q["content"])
    facts = FormFacts(contents=contents, year=snap["year"])
    for index, question, q in items:
        for message in form_problems([(question, q["content"])], facts):
            found.append(Blocker(message, index, q.get("id")))
    return found


def submission_deadline(report: NeedsReport) -> date:
    return round_deadline(report.partnership.county_id, report.year)


@transaction.atomic
def report_submit(*, report: NeedsReport, user, today: date | None = None) -> ReportVersion:
    """Freeze the report as a new version. Every rule must hold, the partnership must have
    confirmed it, and the deadline must not have passed unless the county admin allowed it.
    """
    report = NeedsReport.objects.select_for_update().get(pk=report.pk)
    today = today or timezone.localdate()
    problems: list[str] = []
    if report.status == ReportStatus.SUBMITTED:
        problems.append(_("Behovsmeldingen er allerede sendt inn."))
    deadline = submission_deadline(report)
    if today > deadline and not report.late_submission_allowed:
        problems.append(
            _("Fristen var %(date)s. Statsforvalteren må tillate innsending etter fristen.")
            % {"date": f"{deadline:%d.%m.%Y}"}
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
    # A late-submission permission stays: if the county reopens the report, it can be sent
    # in again without asking twice.
    report.save(update_fields=["status", "updated_at"])
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
        raise SubmissionRefused([_("Bare innsendte behovsmeldinger kan gjenåpnes.")])
    report.status = ReportStatus.REOPENED
    report.save(update_fields=["status", "updated_at"])
    log_action(
        "needs.report.reopened",
        user=user,
        obj=report,
        changes={_("Status"): [_("Sendt inn"), _("Gjenåpnet")]},
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
        changes={_("Kan sendes etter fristen"): [False, True]},
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


# -- the county's deadline and forms ------------------------------------------------------------


@transaction.atomic
def template_copy_next(*, template: ReportTemplate, user) -> ReportTemplate:
    """Next year's form for the county, as a copy of this one."""
    years = ReportTemplate.objects.filter(county=template.county).values_list("year", flat=True)
    copy = template_copy(template=template, year=max(years) + 1)
    log_action(
        "needs.template.created",
        user=user,
        obj=copy,
        changes={_("Kopi av"): [None, str(template)]},
        county=template.county,
    )
    return copy


def template_in_use(template: ReportTemplate) -> bool:
    """A form a report has been submitted on is frozen: next year's copy is changed."""
    return template.reports.exclude(status=ReportStatus.DRAFT).exists()


class QuestionInUse(Exception):
    def __init__(self):
        super().__init__(_("Spørsmålet er besvart i en behovsmelding og kan ikke fjernes."))


def question_in_use(question: Question) -> bool:
    return template_in_use(question.section.template) or question.answers.exists()


@transaction.atomic
def question_delete(*, question: Question, user) -> None:
    if question_in_use(question):
        raise QuestionInUse()
    county = question.section.template.county
    log_action(
        "needs.question.deleted",
        user=user,
        obj=question,
        changes={_("Spørsmål"): [str(question), None]},
        county=county,
    )
    question.delete()
