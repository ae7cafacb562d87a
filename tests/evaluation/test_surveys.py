"""Mapping surveys in waves: answered without login, linked across waves only by the code
the respondent holds, results per unit, municipality and partnership with the change, and
no group below five shown, also where subtracting shown groups would reveal it."""

import re
from datetime import date

import pytest
from django.urls import reverse
from hypothesis import given, settings
from hypothesis import strategies as st

from lokomp.evaluation import surveys
from lokomp.evaluation.models import (
    SMALLEST_GROUP,
    Survey,
    SurveyAnswer,
    SurveyQuestion,
    SurveyResponse,
    SurveyWave,
)
from lokomp.registry.models import Unit

from ..forms import form_data

SLUG = "sor-troms-evenes"


# -- anonymity: suppression against differencing ------------------------------------------


def _tree(draw_sizes: list[list[int]]):
    """A partnership of municipalities of units with the given respondents."""
    counts: dict[str, int] = {}
    parent_of: dict[str, str | None] = {"p": None}
    for m, units in enumerate(draw_sizes):
        parent_of[f"m{m}"] = "p"
        for u, n in enumerate(units):
            counts[f"u{m}.{u}"] = n
            parent_of[f"u{m}.{u}"] = f"m{m}"
        counts[f"m{m}"] = sum(units)
    counts["p"] = sum(counts[f"m{m}"] for m in range(len(draw_sizes)))
    return counts, parent_of


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=14), min_size=1, max_size=6),
        min_size=1,
        max_size=5,
    )
)
def test_no_shown_figures_reveal_a_group_below_five(sizes):
    counts, parent_of = _tree(sizes)
    hidden = surveys.suppress(counts, parent_of)
    shown = set(counts) - hidden
    for group in shown:
        assert counts[group] >= SMALLEST_GROUP
    for group, parent in parent_of.items():
        if parent in hidden:
            assert group in hidden  # a hidden total hides what it is made of
    for parent in shown:
        kids = [g for g, p in parent_of.items() if p == parent]
        # What a reader can work out: the parent minus the children shown. That is the
        # hidden children together, which must be nobody or at least five people.
        rest = counts[parent] - sum(counts[k] for k in kids if k in shown)
        assert rest == 0 or rest >= SMALLEST_GROUP, (parent, counts, hidden)


def test_a_small_unit_is_not_revealed_by_subtracting_its_neighbours():
    counts, parent_of = _tree([[9, 7, 3], [6, 2]])
    hidden = surveys.suppress(counts, parent_of)
    # 3 is hidden, and so is the 7 beside it, or 19 − 9 − 7 would give the 3 away.
    assert {"u0.2", "u0.1"} <= hidden and "u0.0" not in hidden
    # 2 is hidden, and its only neighbour too.
    assert {"u1.0", "u1.1"} <= hidden and "m1" not in hidden


# -- the pseudonym -------------------------------------------------------------------------


def test_the_code_is_read_as_people_type_it_and_a_typo_is_caught():
    code = surveys.new_pseudonym()
    assert re.fullmatch(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]", code)
    compact = code.replace("-", "")
    assert surveys.read_pseudonym(f" {code.lower()} ") == compact
    assert surveys.read_pseudonym(compact) == compact
    wrong = ("B" if compact[0] != "B" else "C") + compact[1:]
    assert surveys.read_pseudonym(wrong) is None
    assert surveys.read_pseudonym("\x00" * 500) is None


# -- answering and results -----------------------------------------------------------------


@pytest.fixture
def wave(db):
    """The demo's second wave, open today."""
    found = SurveyWave.objects.get(code="KART25")
    found.opens_on, found.closes_on = date(2026, 11, 1), date(2026, 12, 31)
    found.save()
    return found


def _answer_page(client, wave):
    return client.get(reverse("evaluation:survey_answer", args=[wave.code])).content.decode()


def test_answering_twice_links_only_by_the_code_the_respondent_holds(client, wave):
    first = SurveyWave.objects.get(code="KART23")
    first.opens_on, first.closes_on = date(2026, 11, 1), date(2026, 12, 31)
    first.save()
    unit = Unit.objects.get(name="Kanebogen skole")
    url = reverse("evaluation:survey_answer", args=[first.code])
    data = form_data(client.get(url).content.decode(), choose_first=True) | {"unit": unit.pk}
    page = client.post(url, data).content.decode()
    code = re.search(r'data-testid="pseudonym">([^<]+)<', page).group(1)
    stored = SurveyResponse.objects.filter(wave=first).latest("pk")
    # Nothing stored says who: the unit, the day, and a digest that is not the code.
    assert code.replace("-", "") not in stored.pseudonym and len(stored.pseudonym) == 64
    assert not hasattr(stored, "user") and not hasattr(stored, "employee")
    # The same phone cannot answer the wave again.
    assert "Du har allerede svart i denne runden" in client.get(url).content.decode()

    other_phone = type(client)()
    url2 = reverse("evaluation:survey_answer", args=[wave.code])
    data = form_data(other_phone.get(url2).content.decode(), choose_first=True)
    page = other_phone.post(url2, data | {"unit": unit.pk, "code": "ABCD-EFGH-J"})
    assert "Koden stemmer ikke." in page.content.decode()
    assert 'value="ABCD-EFGH-J"' in page.content.decode()
    page = other_phone.post(url2, data | {"unit": unit.pk, "code": code.lower()})
    assert "Svarene dine er lagret." in page.content.decode()
    assert 'data-testid="pseudonym"' not in page.content.decode()  # no new code
    later = SurveyResponse.objects.filter(wave=wave).latest("pk")
    assert later.pseudonym == stored.pseudonym  # linked, by the code alone


def test_bad_answers_are_explained_and_kept(client, wave):
    url = reverse("evaluation:survey_answer", args=[wave.code])
    data = form_data(client.get(url).content.decode())
    scale = SurveyQuestion.objects.filter(survey=wave.survey, kind="scale").first()
    before = SurveyResponse.objects.count()
    page = client.post(url, data | {"unit": "999999", f"q{scale.pk}-choice": "9"})
    html = page.content.decode()
    assert "Velg enheten du arbeider i." in html
    assert SurveyResponse.objects.count() == before
    outsider = Unit.objects.exclude(owner__partnership_links__partnership__slug=SLUG).first()
    page = client.post(url, data | {"unit": outsider.pk})
    assert "Velg enheten du arbeider i." in page.content.decode()
    assert SurveyResponse.objects.count() == before


def test_results_per_unit_municipality_and_partnership_with_the_change(as_user):
    survey = Survey.objects.get(title="Kompetansekartlegging")
    harstad = Unit.objects.get(name="Kanebogen skole").municipality
    url = reverse("evaluation:survey", args=[SLUG, survey.pk])
    html = as_user("statsforvalter").get(url, {"kommune": harstad.pk}).content.decode()
    table = html.split('data-testid="theme-1"')[1].split("</table>")[0]

    def row(name):
        cells = table.split(f">{name}</th>")[1].split("</tr>")[0]
        return [
            c.replace("\u2212", "-") for c in re.findall(r'<td class="num">([^<]*)</td>', cells)
        ]

    first, second = SurveyWave.objects.filter(survey=survey).order_by("opens_on")
    theme = SurveyQuestion.objects.filter(survey=survey).first().group
    answers = SurveyAnswer.objects.filter(
        question__group=theme, value__isnull=False, response__unit__name="Kanebogen skole"
    )

    def mean(wave):
        values = [a.value for a in answers.filter(response__wave=wave)]
        return sum(values) / len(values)

    before, after, change, _paired = row("Kanebogen skole")
    assert before == f"{mean(first):.1f}".replace(".", ",")
    assert after == f"{mean(second):.1f}".replace(".", ",")
    assert float(change.replace(",", ".")) == pytest.approx(
        round(mean(second), 1) - round(mean(first), 1), abs=0.11
    )
    # Sama skole (3 answers) is hidden, and so is the smallest unit shown beside it.
    assert row("Sama skole") == ["–", "–", "–", "–"]
    assert row("PPT Harstad") == ["–", "–", "–", "–"]
    # Those who answered both times, linked by their codes: the change for the same people.
    assert row("Region Sør-Troms og Evenes")[3] != "–"
    # The open answers of the later wave, for the partnership as a whole only.
    assert "Mer om samarbeid med foreldre" in html.split('data-testid="open-answers"')[1]
    assert html.count('data-testid="open-answers"') == 1
    # An employee sees no results.
    assert as_user("ansatt").get(url).status_code == 404


def test_the_coordinators_write_the_questions_as_text(as_user):
    survey = Survey.objects.get(title="Kompetansekartlegging")
    client = as_user("koordinator")
    url = reverse("evaluation:survey_edit", args=[SLUG, survey.pk])
    data = form_data(client.get(url).content.decode())
    page = client.post(url, data | {"questions": "Uten tema først"}).content.decode()
    assert "Linje 1: skriv et tema med # foran" in page and "Uten tema først" in page
    kept = SurveyQuestion.objects.filter(survey=survey, kind="scale").first()
    text = "# Ledelse\nLedelsen følger opp arbeidet.\nÅpent: Hva savner du?"
    response = client.post(url, data | {"questions": text}, follow=True)
    assert "tatt ut av bruk, ikke slettet" in response.content.decode()
    kept.refresh_from_db()
    assert kept.active is False and kept.answers.exists()  # answers kept
    active = SurveyQuestion.objects.filter(survey=survey, active=True).order_by("order")
    assert [(q.group, q.text, q.kind) for q in active] == [
        ("Ledelse", "Ledelsen følger opp arbeidet.", "scale"),
        ("Ledelse", "Hva savner du?", "text"),
    ]


def test_the_results_page_reads_the_same_number_of_queries_for_more_respondents(as_user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    survey = Survey.objects.get(title="Kompetansekartlegging")
    url = reverse("evaluation:survey", args=[SLUG, survey.pk])
    client = as_user("koordinator")
    harstad = Unit.objects.get(name="Kanebogen skole").municipality
    with CaptureQueriesContext(connection) as small:
        client.get(url, {"kommune": harstad.pk})
    wave = SurveyWave.objects.get(code="KART25")
    questions = surveys.active_questions(survey)
    units = list(Unit.objects.filter(municipality=harstad)[:10])
    for n in range(40):
        response = SurveyResponse.objects.create(
            wave=wave,
            unit=units[n % len(units)],
            pseudonym=f"p{n}",
            device=f"d{n}",
            submitted_on=date(2025, 10, 2),
        )
        SurveyAnswer.objects.bulk_create(
            SurveyAnswer(response=response, question=q, value=4)
            for q in questions
            if q.kind == "scale"
        )
    with CaptureQueriesContext(connection) as large:
        client.get(url, {"kommune": harstad.pk})
    assert len(large) == len(small)
