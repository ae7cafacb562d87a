"""The generic question kinds, through the engine as any app uses them: read what was
posted, parse it, check the rules, display and compare. No database: a question is any
object with the fields a kind reads."""

from dataclasses import dataclass, field

import pytest
from django.http import QueryDict
from hypothesis import given
from hypothesis import strategies as st

from lokomp.core.questions import (
    REGISTRY,
    FormFacts,
    Posted,
    QuestionState,
    form_problems,
    kind_for,
)


@dataclass
class Q:
    kind: str
    pk: int = 7
    number: str = "1"
    text: str = "Spørsmål"
    word_limit: int | None = None
    required: bool = True
    options: dict = field(default_factory=dict)


def answer(question: Q, post: dict) -> tuple[QuestionState, dict]:
    kind = kind_for(question.kind)
    state = QuestionState(question=question, kind=kind, content=kind.empty(question))
    kind.read(state, Posted(_querydict(post)))
    return state, kind.parse(state)


def _querydict(post: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in post.items():
        data.setlist(key, value if isinstance(value, list) else [value])
    return data


FACTS = FormFacts(year=2026)


def problems(question, content):
    return [p.message for p in kind_for(question.kind).check(question, content, FACTS)]


def test_every_generic_kind_is_registered():
    assert {
        "text",
        "number",
        "yes_no",
        "yes_no_text",
        "choice",
        "multiple_choice",
        "scale",
        "period",
        "confirmation",
    } <= set(REGISTRY)


def test_text_with_word_limit_is_kept_and_warned():
    question = Q("text", word_limit=3)
    state, content = answer(question, {"q7": "en to tre fire"})
    assert content["text"] == "en to tre fire"
    assert problems(question, content) == ["Teksten har 4 ord, men skal ha høyst 3."]


def test_control_characters_are_cleaned_where_text_comes_in():
    question = Q("text")
    _state, content = answer(question, {"q7": "linje én\vlinje to\x00\r\nslutt"})
    assert content["text"] == "linje én\nlinje to\nslutt"


def test_number_reads_whole_numbers_and_explains_the_rest():
    question = Q("number", options={"min": 0, "max": 1300})
    state, content = answer(question, {"q7": "1 228"})
    assert content["data"] == {"value": 1228} and not state.errors
    state, content = answer(question, {"q7": "tolv"})
    assert state.errors == {"q7": ["Skriv et helt tall, for eksempel 12."]}
    assert state.values["q7"] == "tolv"  # kept as typed
    state, content = answer(question, {"q7": "9" * 5000})
    assert state.errors and "value" not in content["data"]
    _state, content = answer(question, {"q7": "2000"})
    assert problems(question, content) == ["Tallet skal være mellom 0 og 1300."]


def test_single_and_multiple_choice_accept_only_their_options():
    question = Q("choice", options={"choices": ["Barnehage", "Skole"]})
    _state, content = answer(question, {"q7-choice": "Skole"})
    assert kind_for("choice").display(question, content, FACTS) == ("Skole", "Skole")
    _state, content = answer(question, {"q7-choice": "<script>"})
    assert problems(question, content) == ["Svar mangler: 1 Spørsmål"]
    question = Q("multiple_choice", options={"choices": ["A", "B", "C"]})
    _state, content = answer(question, {"q7-choice": ["C", "A", "Z"]})
    assert content["data"] == {"choices": ["A", "C"]}


def test_scale_from_one_to_five():
    question = Q("scale")
    _state, content = answer(question, {"q7-choice": "4"})
    assert kind_for("scale").display(question, content, FACTS) == ("4 av 5", 4)
    _state, content = answer(question, {"q7-choice": "6"})
    assert content["data"] == {}


def test_yes_no_text_and_confirmation():
    question = Q("yes_no_text")
    _state, content = answer(question, {"q7-choice": "ja", "q7": ""})
    assert problems(question, content) == ["Forklar svaret: 1 Spørsmål"]
    _state, content = answer(question, {"q7-choice": "nei"})
    assert problems(question, content) == []
    confirmation = Q("confirmation", options={"missing": "Bekreft."})
    _state, content = answer(confirmation, {})
    assert problems(confirmation, content) == ["Bekreft."]


def test_period_is_read_in_the_forms_year():
    question = Q("period")
    _state, content = answer(question, {"q7": "Høst"})
    assert kind_for("period").display(question, content, FACTS) == ("Høst", "Høst 2026")
    _state, content = answer(question, {"q7": "etter blåmandag"})
    assert problems(question, content)  # a Norwegian message, never a guess


def test_form_problems_names_the_question_beside_a_rule():
    question = Q("text", word_limit=1, number="4", text="Innledning")
    assert form_problems([(question, {"text": "to ord"})], FACTS) == [
        "4 Innledning: Teksten har 2 ord, men skal ha høyst 1."
    ]


@pytest.mark.parametrize("code", sorted(REGISTRY))
@given(junk=st.text(max_size=200))
def test_any_posted_text_is_parsed_or_explained_never_an_error(code, junk):
    if code in ("budget", "goals", "measures", "numbers", "partners"):
        return  # the report's own kinds are tested through the report's pages
    question = Q(code, options={"choices": ["A"]})
    state, content = answer(question, {"q7": junk, "q7-choice": junk})
    kind = kind_for(code)
    kind.check(question, content, FACTS)
    shown, _value = kind.display(question, content, FACTS)
    assert isinstance(shown, str)
