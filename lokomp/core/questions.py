"""The question engine: one home per question kind.

A form (a needs report, later the forum's scoring form and the evaluations) is a list of
questions, each of a kind. Everything a kind does lives in its class here, or, for kinds
that only one app has (the needs report's budget, goals, measures, partners), in that
app's `kinds.py`:

- `load`: what is stored, as *content*: plain JSON data that says everything the answer
  says (the one representation every rule, page, document and comparison reads);
- `read`: the posted values, kept exactly as typed, so nothing a user wrote is lost;
- `parse`: the posted values as content, with a message beside each value that cannot
  be read (the stored value is kept for that field);
- `check`: the rules (word limits, check digits, budget rules) on content, returning
  problems tied to the input they belong to;
- `display`: content as text (compared between versions) and as structure (printed);
- `docx` and `print_template`: the answer in Word and in the printed PDF/HTML;
- `template`: the inputs on the page.

Why a registry of classes rather than Django form fields per kind (as pretix builds its
questions form): an answer here is often more than one field (a budget table, a list of
goals, a partner text with account number), needs its own conflict handling, and must be
printed and compared from a frozen snapshot without any form. A kind class holds all of
that in one place; Django forms would hold only the reading and validating part.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from .text import clean_text
from .validators import is_number
from .when import WhenParseError, parse_when


class QuestionLike(Protocol):
    """What a kind needs of a question; the needs report's and later forms' models have it."""

    pk: Any
    number: str
    text: str
    word_limit: int | None
    required: bool
    options: dict


@dataclass(frozen=True)
class Problem:
    """A rule the answer breaks. `missing` problems (a required answer not given) are
    listed when submitting, not shown while the user is still writing."""

    field: str
    message: str
    missing: bool = False


@dataclass
class FormFacts:
    """What a rule may read beyond its own answer: the content of the form's other
    questions by kind (the budget reads the coordinator reason), and the year the form is
    about (a period is read in its school year)."""

    contents: dict[str, dict] = field(default_factory=dict)
    year: int | None = None


@dataclass
class QuestionState:
    """One question on a page: its stored content, what the page shows (as typed after a
    post), and the messages beside its inputs."""

    question: Any
    kind: Kind
    content: dict = field(default_factory=dict)
    values: dict[str, Any] = field(default_factory=dict)
    errors: dict[str, list[str]] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)
    conflict: dict[str, Any] | None = None
    ctx: dict[str, Any] = field(default_factory=dict)
    revision: int = 0
    # Digest of the stored content when the page was made (sent back as "<name>-was").
    was: str = ""

    @property
    def name(self) -> str:
        return f"q{self.question.pk}"

    @property
    def text(self) -> str:
        return self.values.get(self.name, "")

    @property
    def words(self) -> int:
        return word_count(self.text)

    def messages_for(self, name: str) -> list[str]:
        return self.errors.get(name, []) + self.warnings.get(name, [])

    def add(self, which: str, name: str, message: str) -> None:
        getattr(self, which).setdefault(name, []).append(message)


def word_count(text: str) -> int:
    return len(text.split())


def label_of(question: QuestionLike) -> str:
    return f"{question.number} {question.text}".strip()[:90]


class Kind:
    """A question kind. The base stores text, a choice and kind-specific data, as the
    needs report's `Answer` and later answers do."""

    code: ClassVar[str]
    label: ClassVar[Any]
    template: ClassVar[str] = "questions/text.html"
    print_template: ClassVar[str] = "questions/print/text.html"
    # One per form: the report's own data (budget, goals, measures) or its confirmation.
    single: ClassVar[bool] = False

    # -- content ----------------------------------------------------------------------------

    def empty(self, question) -> dict:
        return {"text": "", "choice": None, "data": {}}

    def load(self, question, source) -> dict:
        """The stored content: by default the answer's text, choice and data."""
        return source.stored_answer(question) or self.empty(question)

    def show(self, state: QuestionState) -> None:
        """Values for the inputs from stored content."""
        state.values[state.name] = state.content.get("text", "")
        state.values[f"{state.name}-choice"] = state.content.get("choice")

    def read(self, state: QuestionState, post: Posted) -> None:
        """The posted values, as typed (`Posted` has cleaned them)."""
        state.values[state.name] = post.get(state.name, "")

    def parse(self, state: QuestionState) -> dict:
        return {"text": state.values.get(state.name, ""), "choice": None, "data": {}}

    def context(self, state: QuestionState, source) -> dict:
        """What the input template shows beside the inputs."""
        return {}

    # -- rules ------------------------------------------------------------------------------

    def answered(self, content: dict) -> bool:
        return bool(str(content.get("text", "")).strip())

    def check(self, question, content: dict, facts: FormFacts) -> list[Problem]:
        """The rules on content, each tied to the input it concerns."""
        found = []
        text = str(content.get("text", ""))
        name = f"q{question.pk}"
        if question.word_limit and word_count(text) > question.word_limit:
            found.append(
                Problem(
                    name,
                    _("Teksten har %(words)s ord, men skal ha høyst %(limit)s.")
                    % {"words": word_count(text), "limit": question.word_limit},
                )
            )
        if question.required and not self.answered(content):
            found.append(Problem(name, self.missing_message(question), missing=True))
        return found

    def missing_message(self, question) -> str:
        return _("Svar mangler: %(question)s") % {"question": label_of(question)}

    # -- showing, printing, comparing -------------------------------------------------------

    def display(self, question, content: dict, facts: FormFacts) -> tuple[str, Any]:
        """The answer as text (compared between versions) and as structure (printed)."""
        return str(content.get("text", "")), None

    def docx(self, document, snap_question: dict) -> None:
        document.add_paragraph(snap_question.get("shown") or "–")

    def save(self, state: QuestionState, content: dict, source) -> dict:
        """Store new content (by default as the answer's text, choice and data) and return
        what is now stored."""
        source.save_answer(state.question, content)
        return content

    def conflict_text(self, content: dict) -> str:
        """The other writer's answer, shown beside one's own to merge."""
        return str(content.get("text", ""))


MAX_VALUE_LENGTH = 100_000


class Posted:
    """Posted values, parsed: control characters cleaned, each value at most 100 000
    characters. What the engine reads instead of `request.POST`."""

    def __init__(self, data=None):
        lists = data.lists() if hasattr(data, "lists") else (data or {}).items()
        self._lists: dict[str, list[str]] = {
            str(key): [
                clean_text(v)[:MAX_VALUE_LENGTH]
                for v in (values if isinstance(values, list | tuple) else [values])
            ]
            for key, values in lists
        }

    def get(self, name: str, default: str = "") -> str:
        values = self._lists.get(name)
        return values[-1] if values else default

    def getlist(self, name: str) -> list[str]:
        return list(self._lists.get(name, []))

    def __contains__(self, name: str) -> bool:
        return name in self._lists


REGISTRY: dict[str, Kind] = {}


def register(kind_class: type[Kind]) -> type[Kind]:
    REGISTRY[kind_class.code] = kind_class()
    return kind_class


def kind_for(code: str) -> Kind:
    return REGISTRY[code]


def form_problems(items, facts: FormFacts) -> list[str]:
    """Every rule a whole form breaks, one line each, for the page that submits it. A
    problem beside a field is named with its question here."""
    found = []
    for question, content in items:
        for problem in kind_for(question.kind).check(question, content, facts):
            found.append(
                problem.message if problem.missing else f"{label_of(question)}: {problem.message}"
            )
    return found


def yes_no(choice: bool | None) -> str:
    if choice is None:
        return ""
    return _("Ja") if choice else _("Nei")


# -- generic kinds -------------------------------------------------------------------------


@register
class Text(Kind):
    code = "text"
    label = gettext_lazy("Tekst")


@register
class YesNo(Kind):
    code = "yes_no"
    label = gettext_lazy("Ja/nei")
    template = "questions/yes_no.html"

    def read(self, state, post):
        raw = post.get(f"{state.name}-choice", "")
        state.values[f"{state.name}-choice"] = {"ja": True, "nei": False}.get(raw)

    def parse(self, state):
        return {"text": "", "choice": state.values.get(f"{state.name}-choice"), "data": {}}

    def answered(self, content):
        return content.get("choice") is not None

    def missing_message(self, question):
        return _("Svar mangler (ja/nei): %(question)s") % {"question": label_of(question)}

    def display(self, question, content, facts):
        choice = content.get("choice")
        return yes_no(choice), choice


@register
class YesNoText(YesNo):
    """Yes or no, with a text that explains a yes ("Hvis ja: hvilke?")."""

    code = "yes_no_text"
    label = gettext_lazy("Ja/nei med forklaring")
    template = "questions/yes_no_text.html"

    def read(self, state, post):
        super().read(state, post)
        Kind.read(self, state, post)

    def parse(self, state):
        return {
            "text": state.values.get(state.name, ""),
            "choice": state.values.get(f"{state.name}-choice"),
            "data": {},
        }

    def check(self, question, content, facts):
        found = super().check(question, content, facts)
        if question.required and content.get("choice") and not content.get("text", "").strip():
            found.append(
                Problem(
                    f"q{question.pk}",
                    _("Forklar svaret: %(question)s") % {"question": label_of(question)},
                    missing=True,
                )
            )
        return found

    def display(self, question, content, facts):
        choice = content.get("choice")
        return f"{yes_no(choice)}\n{content.get('text', '')}".strip(), choice


@register
class Confirmation(Kind):
    code = "confirmation"
    label = gettext_lazy("Bekreftelse")
    template = "questions/confirmation.html"
    print_template = "questions/print/confirmation.html"
    single = True

    def read(self, state, post):
        state.values[f"{state.name}-choice"] = (
            True if post.get(f"{state.name}-choice") == "ja" else None
        )

    def parse(self, state):
        return {"text": "", "choice": state.values.get(f"{state.name}-choice"), "data": {}}

    def answered(self, content):
        return bool(content.get("choice"))

    def check(self, question, content, facts):
        if self.answered(content):
            return []
        return [Problem(f"q{question.pk}-choice", self.missing_message(question), missing=True)]

    def missing_message(self, question):
        return question.options.get("missing") or _(
            "Bekreft at behovsmeldingen er laget i partnerskap med eiere og "
            "UH-institusjoner som inngår i partnerskapet."
        )

    def display(self, question, content, facts):
        return (_("Ja") if content.get("choice") else ""), bool(content.get("choice"))


@register
class Period(Kind):
    """A date or period written as Norwegians do ("Høst 2026", "uke 36"), read by the
    When parser; what cannot be read is kept and explained."""

    code = "period"
    label = gettext_lazy("Dato eller periode")
    template = "questions/period.html"
    print_template = "questions/print/period.html"

    def check(self, question, content, facts):
        found = super().check(question, content, facts)
        text = content.get("text", "")
        if text.strip():
            try:
                parse_when(text, facts.year)
            except WhenParseError as error:
                found.append(Problem(f"q{question.pk}", str(error)))
        return found

    def display(self, question, content, facts):
        text = content.get("text", "")
        try:
            interpreted = parse_when(text, facts.year).format() if text.strip() else ""
        except WhenParseError:
            interpreted = ""
        return text, interpreted


MAX_NUMBER_DIGITS = 12


@register
class Number(Kind):
    """A whole number, optionally within options["min"] and options["max"]."""

    code = "number"
    label = gettext_lazy("Tall")
    template = "questions/number.html"

    def read(self, state, post):
        state.values[state.name] = post.get(state.name, "").strip()

    def parse(self, state):
        raw = str(state.values.get(state.name, "")).replace("\u00a0", "").replace(" ", "")
        value = None
        if raw:
            if not is_number(raw) or len(raw) > MAX_NUMBER_DIGITS:
                state.add("errors", state.name, _("Skriv et helt tall, for eksempel 12."))
                value = state.content.get("data", {}).get("value")
            else:
                value = int(raw)
        return {"text": "", "choice": None, "data": {} if value is None else {"value": value}}

    def show(self, state):
        value = state.content.get("data", {}).get("value")
        state.values[state.name] = "" if value is None else str(value)

    def answered(self, content):
        return content.get("data", {}).get("value") is not None

    def check(self, question, content, facts):
        found = super().check(question, content, facts)
        value = content.get("data", {}).get("value")
        low, high = question.options.get("min"), question.options.get("max")
        if value is not None and (
            (low is not None and value < low) or (high is not None and value > high)
        ):
            found.append(
                Problem(
                    f"q{question.pk}",
                    _("Tallet skal være mellom %(low)s og %(high)s.")
                    % {"low": low if low is not None else "", "high": high or ""},
                )
            )
        return found

    def display(self, question, content, facts):
        value = content.get("data", {}).get("value")
        return ("" if value is None else str(value)), value


@register
class Choice(Kind):
    """One of options["choices"] (a list of texts)."""

    code = "choice"
    label = gettext_lazy("Ett valg")
    template = "questions/choice.html"

    def choices(self, question) -> list[str]:
        return [str(c) for c in question.options.get("choices", [])]

    def read(self, state, post):
        raw = post.get(f"{state.name}-choice", "")
        state.values[f"{state.name}-choice"] = raw if raw in self.choices(state.question) else None

    def parse(self, state):
        choice = state.values.get(f"{state.name}-choice")
        return {"text": "", "choice": None, "data": {} if choice is None else {"choice": choice}}

    def show(self, state):
        state.values[f"{state.name}-choice"] = state.content.get("data", {}).get("choice")

    def context(self, state, source):
        return {"choices": self.choices(state.question)}

    def answered(self, content):
        return bool(content.get("data", {}).get("choice"))

    def display(self, question, content, facts):
        choice = content.get("data", {}).get("choice") or ""
        return choice, choice or None


@register
class MultipleChoice(Choice):
    code = "multiple_choice"
    label = gettext_lazy("Flere valg")
    template = "questions/multiple_choice.html"

    def read(self, state, post):
        allowed = self.choices(state.question)
        chosen = post.getlist(f"{state.name}-choice")
        state.values[f"{state.name}-choice"] = [c for c in allowed if c in chosen]

    def parse(self, state):
        chosen = state.values.get(f"{state.name}-choice") or []
        return {"text": "", "choice": None, "data": {"choices": chosen} if chosen else {}}

    def show(self, state):
        state.values[f"{state.name}-choice"] = state.content.get("data", {}).get("choices", [])

    def answered(self, content):
        return bool(content.get("data", {}).get("choices"))

    def display(self, question, content, facts):
        chosen = content.get("data", {}).get("choices", [])
        return "\n".join(chosen), chosen


@register
class Scale(Choice):
    """A statement answered on a scale from 1 to 5 (options["low"]/["high"] name the ends)."""

    code = "scale"
    label = gettext_lazy("Skala 1–5")
    template = "questions/scale.html"
    POINTS = ("1", "2", "3", "4", "5")

    def choices(self, question):
        return list(self.POINTS)

    def parse(self, state):
        choice = state.values.get(f"{state.name}-choice")
        return {
            "text": "",
            "choice": None,
            "data": {} if choice is None else {"value": int(choice)},
        }

    def show(self, state):
        value = state.content.get("data", {}).get("value")
        state.values[f"{state.name}-choice"] = None if value is None else str(value)

    def context(self, state, source):
        options = state.question.options
        return {
            "choices": self.choices(state.question),
            "low": options.get("low") or _("Helt uenig"),
            "high": options.get("high") or _("Helt enig"),
        }

    def answered(self, content):
        return content.get("data", {}).get("value") is not None

    def display(self, question, content, facts):
        value = content.get("data", {}).get("value")
        return ("" if value is None else ngettext("%d av 5", "%d av 5", value) % value), value
