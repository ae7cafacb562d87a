"""Quick evaluations: answered on a phone without login, once per device, results shown
from five responses, compared across a measure's activities, exported to Excel."""

import io

import pytest
from django.test import Client
from django.urls import reverse

from lokomp.evaluation.models import Answer, Evaluation, Response
from lokomp.plans.models import Activity

from ..forms import form_data

pytestmark = pytest.mark.django_db
SLUG = "sor-troms-evenes"


def _open(as_user, activity) -> Evaluation:
    url = reverse("evaluation:activity_evaluation", args=[SLUG, activity.pk])
    client = as_user("koordinator")
    assert "Åpne evalueringen" in client.get(url).content.decode()
    client.post(url)
    return Evaluation.objects.get(activity=activity)


def _answer(evaluation, points: list[int | str], text: str = "", phone=None) -> str:
    """A phone answers: the statements in order, and the first open question."""
    from lokomp.evaluation.models import EvaluationQuestion

    phone = phone or Client()
    url = reverse("evaluation:answer", args=[evaluation.code])
    data = form_data(phone.get(url).content.decode())
    questions = EvaluationQuestion.objects.filter(partnership__slug=SLUG, active=True).order_by(
        "order", "pk"
    )
    scale = [q for q in questions if q.kind == "scale"]
    for question, value in zip(scale, points, strict=False):
        data[f"q{question.pk}-choice"] = str(value)
    free = [q for q in questions if q.kind == "text"]
    if text:
        data[f"q{free[0].pk}"] = text
    return phone.post(url, data).content.decode()


@pytest.fixture
def august():
    return Activity.objects.get(title="Dialogsamling august 2026")


def test_a_participant_answers_once_without_login_and_stays_anonymous(as_user, august):
    evaluation = _open(as_user, august)
    phone = Client()
    page = _answer(evaluation, [5, 4, 4, 3], "Reguleringsstigen tar jeg med.", phone)
    assert "Takk! Svaret ditt er lagret." in page
    again = phone.get(reverse("evaluation:answer", args=[evaluation.code])).content.decode()
    assert "Du har allerede svart på denne evalueringen fra denne enheten." in again
    _answer(evaluation, [1, 1, 1, 1], phone=phone)  # posting again changes nothing
    assert Response.objects.filter(evaluation=evaluation).count() == 1
    # Nothing in a response says who answered: no user, no address, only a digest.
    fields = {f.name for f in Response._meta.get_fields()}
    assert fields == {"id", "evaluation", "device", "submitted_on", "answers"}
    assert len(Response.objects.get(evaluation=evaluation).device) == 64
    answers = Answer.objects.filter(response__evaluation=evaluation)
    assert sorted(answers.values_list("value", flat=True).exclude(value=None)) == [
        3, 4, 4, 5,
    ]  # fmt: skip


def test_a_value_off_the_scale_is_not_stored_as_a_value(as_user, august):
    """A browser sends 1 to 5; anything else posted is no answer to that statement."""
    evaluation = _open(as_user, august)
    page = _answer(evaluation, [9, 4, "fem", 4], "Beholdt tekst")
    assert "Takk! Svaret ditt er lagret." in page
    answers = Answer.objects.filter(response__evaluation=evaluation)
    assert sorted(answers.exclude(value=None).values_list("value", flat=True)) == [4, 4]
    assert answers.filter(text="Beholdt tekst").exists()


def test_results_are_hidden_until_five_have_answered(as_user, august):
    evaluation = _open(as_user, august)
    url = reverse("evaluation:activity_evaluation", args=[SLUG, august.pk])
    for points in ([5, 4, 4, 3], [4, 4, 3, 3], [5, 5, 4, 4], [3, 4, 4, 5]):
        _answer(evaluation, points, "Mer tid til refleksjon")
    page = as_user("rektor").get(url).content.decode()
    assert "4 har svart." in page and "Resultatene vises når minst 5 har svart" in page
    assert "Mer tid til refleksjon" not in page
    _answer(evaluation, [4, 3, 5, 5])
    page = as_user("rektor").get(url).content.decode()
    results = page.split('data-testid="results"')[1].split("</table>")[0]
    # «Innholdet var relevant for arbeidet mitt»: 5, 4, 5, 3, 4 → 4,2; spread 0 0 1 2 2.
    row = results.split("Innholdet var relevant for arbeidet mitt.")[1].split("</tr>")[0]
    assert ">5<" in row and ">4,2<" in row
    assert row.count('<td class="num">') == 7
    assert "Mer tid til refleksjon" in page


def test_repeated_activities_of_a_measure_are_compared(as_user):
    """The demo's first dialogue day has seven responses; the second day gets three."""
    days = [
        Activity.objects.get(title=f"Dialogsamling dag {n}", measure__plan__school_year=2025)
        for n in (1, 2)
    ]
    second = _open(as_user, days[1])
    for _ in range(3):
        _answer(second, [2, 2, 2, 2])
    url = reverse("evaluation:activity_evaluation", args=[SLUG, days[0].pk])
    page = as_user("koordinator").get(url).content.decode()
    compared = page.split('data-testid="compared"')[1].split("</table>")[0]
    day_one = compared.split("Dialogsamling dag 1")[1].split("</tr>")[0]
    day_two = compared.split("Dialogsamling dag 2")[1].split("</tr>")[0]
    # «Innholdet var relevant»: 5, 4, 5, 3, 4, 5, 4 → 4,3.
    assert ">7<" in day_one and ">4,3<" in day_one
    assert ">3<" in day_two and "2,0" not in day_two  # three answers: not shown


def test_the_results_in_excel_keep_formula_like_text_as_text(as_user, august):
    from openpyxl import load_workbook

    evaluation = _open(as_user, august)
    for _ in range(5):
        _answer(evaluation, [4, 4, 4, 4], '=HYPERLINK("http://x.example","klikk")')
    url = reverse("evaluation:xlsx", args=[SLUG, august.pk])
    book = load_workbook(io.BytesIO(as_user("koordinator").get(url).content))
    rows = list(book.worksheets[0].iter_rows(values_only=True))
    assert rows[1][:3] == ("Innholdet var relevant for arbeidet mitt.", 5, 4)
    cells = [r[1] for r in book.worksheets[1].iter_rows(min_row=2)]
    assert len(cells) == 5
    assert all(c.value.startswith("=HYPERLINK") and c.data_type == "s" for c in cells)


def test_closed_and_unknown_evaluations(as_user, august, suite_now):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    evaluation = _open(as_user, august)
    suite_now.move_to(datetime(2027, 1, 10, 12, tzinfo=ZoneInfo("Europe/Oslo")))
    page = Client().get(reverse("evaluation:answer", args=[evaluation.code])).content.decode()
    assert "Evalueringen tar imot svar fra" in page and "Send svaret" not in page
    assert Client().get(reverse("evaluation:answer", args=["ZZZZZZ"])).status_code == 404


def test_who_reads_and_who_opens(as_user, august):
    url = reverse("evaluation:activity_evaluation", args=[SLUG, august.pk])
    assert as_user("ansatt").get(url).status_code == 404
    assert as_user("koordinator.ost").get(url).status_code == 404
    assert as_user("rektor").post(url).status_code == 403
    assert not Evaluation.objects.filter(activity=august).exists()


def test_the_coordinators_change_the_form_and_a_used_question_keeps_its_kind(as_user):
    from lokomp.evaluation.models import EvaluationQuestion

    url = reverse("evaluation:questions", args=[SLUG])
    client = as_user("koordinator")
    page = client.get(url).content.decode()
    data = form_data(page, choose_first=True)
    first = EvaluationQuestion.objects.filter(partnership__slug=SLUG).order_by("order").first()
    index = next(
        k.split("-")[1] for k, v in data.items() if k.endswith("-id") and v == str(first.pk)
    )
    data[f"s-{index}-kind"] = "text"  # the demo's answers are on the scale
    page = client.post(url, data).content.decode()
    assert "Spørsmålet har svar og kan ikke bytte type." in page
    data[f"s-{index}-kind"] = "scale"
    data[f"s-{index}-text"] = "Innholdet var nyttig for arbeidet mitt."
    extra = next(k.split("-")[1] for k, v in data.items() if k.endswith("-id") and not v)
    data |= {
        f"s-{extra}-text": "Jeg vil anbefale samlingen til en kollega.",
        f"s-{extra}-kind": "scale",
    }
    client.post(url, data)
    texts = list(
        EvaluationQuestion.objects.filter(partnership__slug=SLUG, active=True).values_list(
            "text", flat=True
        )
    )
    assert "Innholdet var nyttig for arbeidet mitt." in texts
    assert "Jeg vil anbefale samlingen til en kollega." in texts
    # Those who lead read the form; they do not change it.
    assert "Innholdet var nyttig" in as_user("rektor").get(url).content.decode()
    assert as_user("rektor").post(url, data).status_code == 403
    assert as_user("ansatt").get(url).status_code == 404


def test_the_coordinators_set_the_days_it_takes_answers(as_user, august):
    evaluation = _open(as_user, august)
    url = reverse("evaluation:activity_evaluation", args=[SLUG, august.pk])
    client = as_user("koordinator")
    data = form_data(client.get(url).content.decode())
    page = client.post(url, data | {"vindu-closes_on": "01.08.2026"}).content.decode()
    assert "Sluttdatoen kan ikke være før startdatoen." in page
    client.post(url, data | {"vindu-closes_on": "30.11.2026"})
    evaluation.refresh_from_db()
    assert evaluation.closes_on.isoformat() == "2026-11-30"
