"""Answering an evaluation, and reading its results.

The form is the partnership's questions on the question engine (`core.questions`): the
same kinds, inputs and checks as the needs report and the forum's scoring. A response is
stored whole, in one transaction, once per device; results are counted in the database and
shown only for five responses or more."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count
from django.utils.translation import gettext_lazy

from lokomp.core.codes import once_with_code
from lokomp.core.questions import FormFacts, Posted, QuestionState, kind_for
from lokomp.plans.models import Activity

from .models import (
    SMALLEST_GROUP,
    Answer,
    Evaluation,
    EvaluationQuestion,
    QuestionKind,
    Response,
)

# The partnership's form until its coordinators change it: four statements and two
# open questions (seed 002 §12: quick evaluations after sessions).
STANDARD_QUESTIONS = [
    (gettext_lazy("Innholdet var relevant for arbeidet mitt."), QuestionKind.SCALE),
    (gettext_lazy("Jeg fikk kunnskap jeg kan bruke i praksis."), QuestionKind.SCALE),
    (gettext_lazy("Det var god tid til refleksjon og erfaringsdeling."), QuestionKind.SCALE),
    (gettext_lazy("Samlingen var godt organisert."), QuestionKind.SCALE),
    (gettext_lazy("Hva tar du med deg inn i arbeidet ditt?"), QuestionKind.TEXT),
    (gettext_lazy("Hva kan gjøres bedre neste gang?"), QuestionKind.TEXT),
]
# Days an evaluation takes answers after the activity has ended.
OPEN_DAYS = 14


def questions_for(partnership) -> list[EvaluationQuestion]:
    """The partnership's questions in use; the standard form the first time."""
    found = list(EvaluationQuestion.objects.filter(partnership=partnership, active=True))
    if found or EvaluationQuestion.objects.filter(partnership=partnership).exists():
        return found
    EvaluationQuestion.objects.bulk_create(
        EvaluationQuestion(
            partnership=partnership, number=str(i + 1), text=str(text), kind=kind, order=i
        )
        for i, (text, kind) in enumerate(STANDARD_QUESTIONS)
    )
    return list(EvaluationQuestion.objects.filter(partnership=partnership, active=True))


def evaluation_for(activity: Activity, user, today: date) -> Evaluation:
    """The activity's evaluation, opened the first time it is asked for: from the
    activity's first day (or today) until two weeks after its last."""
    existing = Evaluation.objects.filter(activity=activity).first()
    if existing is not None:
        return existing
    questions_for(activity.measure.plan.partnership)
    start = min(activity.when_start or today, today)
    end = max(activity.when_end or activity.when_start or today, today) + timedelta(days=OPEN_DAYS)
    return once_with_code(
        Evaluation, {"activity": activity}, opens_on=start, closes_on=end, created_by=user
    )


def device_digest(evaluation: Evaluation, cookie: str) -> str:
    """The device as stored for one evaluation: a keyed digest of its random cookie."""
    return keyed_digest(f"{evaluation.pk}:{cookie}")


def keyed_digest(text: str) -> str:
    """A digest that cannot be reversed or recomputed without the server's key."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, text.encode(), hashlib.sha256).hexdigest()


def new_device_cookie() -> str:
    return secrets.token_urlsafe(24)


def device_cookie(request, name: str) -> str:
    """The device's random cookie (evaluations and surveys each have their own), or a new
    one for a device that has none."""
    return request.COOKIES.get(name, "")[:64] or new_device_cookie()


def keep_device_cookie(request, response, name: str, cookie: str) -> None:
    """The cookie kept for a year, out of reach of scripts."""
    response.set_cookie(
        name, cookie, max_age=365 * 24 * 3600, httponly=True, samesite="Lax",
        secure=request.is_secure(),
    )  # fmt: skip


class _Collected:
    """The question engine's source for a new response: nothing stored yet; what is
    saved is collected, to be written in one go."""

    def __init__(self):
        self.contents: dict[int, dict] = {}

    def stored_answer(self, question) -> None:
        return None

    def save_answer(self, question, content: dict) -> None:
        self.contents[question.pk] = content


def states(questions: list[EvaluationQuestion], posted: Posted | None = None):
    """The form's questions with what was typed, each checked."""
    source = _Collected()
    found = []
    facts = FormFacts()
    for question in questions:
        kind = kind_for(question.kind)
        state = QuestionState(question=question, kind=kind)
        state.content = kind.load(question, source)
        kind.show(state)
        if posted is not None:
            kind.read(state, posted)
            state.content = kind.parse(state)
            for problem in kind.check(question, state.content, facts):
                state.add("errors", problem.field, problem.message)
        state.ctx = kind.context(state, source)
        found.append(state)
    return found


class AlreadyAnswered(Exception):
    pass


def respond(*, evaluation: Evaluation, device: str, answered: list, today: date) -> Response:
    """Store the response and its answers in one transaction; a device that has answered
    before is refused (and nothing is stored)."""
    fields = {"evaluation": evaluation, "device": device, "submitted_on": today}
    return store(Response, Answer, fields, answered)


def store(response_model, answer_model, fields: dict, answered: list):
    """A response (an evaluation's or a survey's) and its answers, in one transaction; a
    response the constraints refuse (answered before) stores nothing."""
    try:
        with transaction.atomic():
            response = response_model.objects.create(**fields)
            rows = []
            for state in answered:
                content = state.content
                value = content.get("data", {}).get("value")
                text = str(content.get("text", "")).strip()
                if value is None and not text:
                    continue
                rows.append(
                    answer_model(
                        response=response,
                        question=state.question,
                        value=value if isinstance(value, int) and 1 <= value <= 5 else None,
                        text=text[:5000],
                    )
                )
            answer_model.objects.bulk_create(rows)
    except IntegrityError as error:
        raise AlreadyAnswered from error
    return response


@dataclass
class QuestionResult:
    question: EvaluationQuestion
    answers: int = 0
    average: float | None = None
    spread: list[int] = field(default_factory=lambda: [0, 0, 0, 0, 0])
    texts: list[str] = field(default_factory=list)


@dataclass
class Results:
    responses: int
    shown: bool
    questions: list[QuestionResult]


def results(evaluation: Evaluation, questions: list[EvaluationQuestion]) -> Results:
    """Per question: answers, average and spread on the scale, the texts. Nothing but
    the number of responses while there are fewer than five. Three queries."""
    responses = evaluation.responses.count()
    if responses < SMALLEST_GROUP:
        return Results(responses, False, [])
    by_question = {q.pk: QuestionResult(q) for q in questions}
    for row in (
        Answer.objects.filter(response__evaluation=evaluation, value__isnull=False)
        .values("question", "value")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        found = by_question.get(row["question"])
        if found is not None:
            found.spread[row["value"] - 1] = row["n"]
    for found in by_question.values():
        found.answers = sum(found.spread)
        if found.answers:
            found.average = sum((i + 1) * n for i, n in enumerate(found.spread)) / found.answers
    for question_id, text in (
        Answer.objects.filter(response__evaluation=evaluation)
        .exclude(text="")
        .order_by("question", "pk")
        .values_list("question", "text")
    ):
        found = by_question.get(question_id)
        if found is not None:
            found.texts.append(text)
            if found.question.kind == QuestionKind.TEXT:
                found.answers += 1
    return Results(responses, True, list(by_question.values()))


@dataclass
class Compared:
    activity: Activity
    responses: int
    averages: dict[int, float | None]


def compared(evaluation: Evaluation, questions: list[EvaluationQuestion]) -> list[Compared]:
    """The evaluations of the activities of the same measure, side by side: the average of
    each statement, each hidden below five responses. Two queries."""
    others = list(
        Evaluation.objects.filter(activity__measure_id=evaluation.activity.measure_id)
        .select_related("activity")
        .annotate(n=Count("responses"))
        .order_by("activity__when_start", "activity__pk")
    )
    averages: dict[tuple[int, int], float] = {
        (row["response__evaluation"], row["question"]): row["avg"]
        for row in Answer.objects.filter(
            response__evaluation__in=[e.pk for e in others if e.n >= SMALLEST_GROUP],
            value__isnull=False,
        )
        .values("response__evaluation", "question")
        .annotate(avg=Avg("value"))
        .order_by()
    }
    scale = [q.pk for q in questions if q.kind == QuestionKind.SCALE]
    return [
        Compared(
            e.activity,
            e.n,
            {q: averages.get((e.pk, q)) if e.n >= SMALLEST_GROUP else None for q in scale},
        )
        for e in others
    ]
