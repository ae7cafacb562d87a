"""The forms of seeds 003 (2023) and 002 (2026–27) as data, and a county admin's copy."""

import pytest
from django.urls import reverse

from lokomp.needs.models import Question, ReportTemplate

pytestmark = pytest.mark.django_db

NUMBERS_2023 = (
    ["1.1", "1.2", "1.3", "1.4"]
    + [f"2.{n}" for n in range(1, 16)]
    + ["3.1–3.6", "3.6.1", "4.1", "4.2", "4.3"]
    + [f"5.{n}" for n in range(1, 10)]
    + ["6.1", "6.2"]
)


def _questions(year, county="55"):
    template = ReportTemplate.objects.get(county__number=county, year=year)
    return template, list(
        Question.objects.filter(section__template=template).order_by("section__order", "order")
    )


def test_2023_form_has_every_question_of_seed_003():
    template, questions = _questions(2023)
    assert [q.number for q in questions] == NUMBERS_2023
    assert [s.title for s in template.sections.all()] == [
        "Kontaktinformasjon og bekreftelse",
        "Partnerskapet som samarbeider om kompetanseutviklingen",
        "Bruk av tilskuddsmidler",
        "Vurdering av kompetansebehov",
        "Mål, gjennomføring og måloppnåelse",
        "Tilleggsinformasjon",
    ]
    by_number = {q.number: q for q in questions}
    assert by_number["1.3"].kind == "confirmation"
    assert by_number["2.4"].options == {"unit_kind": "skole", "owner_kind": "municipal"}
    assert by_number["3.1–3.6"].kind == "budget"
    assert by_number["5.3"].kind == "measures"


def test_2026_form_has_points_1_to_15_coordinator_and_summary():
    _template, questions = _questions(2026)
    numbered = [q.number for q in questions if q.number]
    assert numbered == [str(n) for n in range(1, 16)]
    texts = [q.text for q in questions]
    assert "Koordinator" in texts and "Oppsummering" in texts
    intro = next(q for q in questions if q.number == "2")
    assert intro.word_limit == 50  # "Innledning (maks 50 ord)"
    assert next(q for q in questions if q.number == "9").text == "Delmål 2026–2027"


def test_county_admin_copies_the_form_for_next_year_and_changes_it(as_user):
    template, questions = _questions(2026)
    client = as_user("statsforvalter")
    response = client.post(reverse("needs:template_copy", args=["55", template.pk]))
    copy = ReportTemplate.objects.get(county__number="55", year=2027)
    assert response["Location"] == reverse("needs:template", args=["55", copy.pk])
    assert copy.copied_from == template
    copied = list(
        Question.objects.filter(section__template=copy).order_by("section__order", "order")
    )
    assert copy.title == "Behovsmelding 2027–2028"
    assert [(q.number, q.kind) for q in copied] == [(q.number, q.kind) for q in questions]
    texts = {q.number: q.text for q in copied}
    assert texts["9"] == "Delmål 2027–2028" and texts["10"] == "Tiltak 2027–2028"
    assert texts["4"] == "Tema"
    intro = next(q for q in copied if q.number == "2")
    url = reverse("needs:question_edit", args=["55", intro.pk])
    response = client.post(
        url,
        {
            "number": "2",
            "text": "Innledning",
            "help_text": "",
            "word_limit": "80",
            "required": "on",
            "order": "1",
        },
    )
    assert response.status_code == 302
    intro.refresh_from_db()
    assert intro.word_limit == 80
    original = next(q for q in questions if q.number == "2")
    original.refresh_from_db()
    assert original.word_limit == 50  # the 2026 form is unchanged


def test_a_form_in_use_is_not_changed(as_user, report_2023):
    question = report_2023.template.sections.first().questions.first()
    url = reverse("needs:question_edit", args=["55", question.pk])
    response = as_user("statsforvalter").post(url, {"text": "Endret"})
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.text != "Endret"


def test_only_the_county_admin_changes_forms(as_user):
    template, _q = _questions(2026)
    url = reverse("needs:template_copy", args=["55", template.pk])
    assert as_user("forum").post(url).status_code == 403
    assert as_user("koordinator").post(url).status_code == 404
    assert as_user("nordland").post(url).status_code == 404


def test_county_admin_adds_and_removes_questions_on_next_years_form(as_user):
    template, _questions_2026 = _questions(2026)
    client = as_user("statsforvalter")
    client.post(reverse("needs:template_copy", args=["55", template.pk]))
    copy = ReportTemplate.objects.get(county__number="55", year=2027)
    url = reverse("needs:question_new", args=["55", copy.pk])
    page = client.get(url).content.decode()
    assert 'value="budget"' not in page  # one budget per form: it has one already
    section = copy.sections.get(title="Vurdering av kompetansebehov")
    response = client.post(
        url, {"section": section.pk, "number": "7b", "text": "", "kind": "text", "order": "9"}
    )
    assert "Skriv spørsmålet." in response.content.decode()
    response = client.post(
        url,
        {
            "section": section.pk,
            "number": "7b",
            "kind": "text",
            "text": "Hvordan involveres barn og unge?",
            "order": "9",
            "word_limit": "100",
            "required": "on",
        },
    )
    assert response.status_code == 302
    added = Question.objects.get(section=section, number="7b")
    assert (added.word_limit, added.required) == (100, True)
    delete = reverse("needs:question_delete", args=["55", added.pk])
    assert "Fjerne spørsmål" in client.get(delete).content.decode()
    assert client.post(delete).status_code == 302
    assert not Question.objects.filter(pk=added.pk).exists()


def test_answered_questions_stay(as_user, report_2023):
    answered = report_2023.answers.first().question
    url = reverse("needs:question_delete", args=["55", answered.pk])
    assert as_user("statsforvalter").post(url).status_code == 302
    assert Question.objects.filter(pk=answered.pk).exists()
