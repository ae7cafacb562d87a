"""Writing a needs report: drafts never lose input, rules show next to the fields, two
editors do not overwrite each other."""

import pytest
from django.urls import reverse

from lokomp.needs.models import Answer, BudgetLine
from lokomp.plans.models import Goal

from ..forms import form_data
from .conftest import question, section_index

pytestmark = pytest.mark.django_db


def _section_url(report, key):
    return reverse("needs:section", args=[report.pk, section_index(report, key)])


def _post(client, url, **changes):
    data = form_data(client.get(url).content.decode())
    data.update(changes)
    return client.post(url, data)


def test_word_limit_is_counted_and_the_draft_is_saved_anyway(as_user, report_2026):
    client = as_user("koordinator")
    url = _section_url(report_2026, "2")
    page = client.get(url).content.decode()
    assert 'data-word-limit="50"' in page and "48 av høyst 50 ord" in page  # the seed's text
    name = f"q{question(report_2026, '2').pk}"
    long_text = " ".join(["ord"] * 60)
    response = _post(client, url, **{name: long_text})
    assert response.status_code == 302  # saved as a draft
    assert Answer.objects.get(report=report_2026, question__number="2").text == long_text
    page = client.get(url).content.decode()
    assert "Teksten har 60 ord, men skal ha høyst 50." in page
    overview = client.get(reverse("needs:report", args=[report_2026.pk])).content.decode()
    # The same rule, in the same words, named with its question where submission is refused.
    assert "Teksten har 60 ord, men skal ha høyst 50." in overview


def test_partner_facts_come_from_the_registry_and_corrections_show(as_user, report_2023):
    report_2023.status = "reopened"
    report_2023.save()
    client = as_user("koordinator")
    url = _section_url(report_2023, "2.1")
    page = client.get(url).content.decode()
    assert "Harstad kommune, org.nr: 972 417 971" in page
    assert "Bjørnebåsen SA" in page and "Harstad Montessori skole" in page  # 2.2
    q21 = question(report_2023, "2.1")
    response = _post(client, url, **{f"q{q21.pk}-account": "8109 10 69556"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Kontonummeret er ikke gyldig (kontrollsifferet stemmer ikke)." in page
    q22 = question(report_2023, "2.2")
    _post(client, url, **{f"q{q22.pk}": "Ibestad kommune og Kvæfjord kommune"})
    page = client.get(url).content.decode()
    assert "Endret for hånd" in page and "Svaret er ulikt det registeret sier." in page


def test_numbers_per_municipality_with_hand_corrections(as_user, report_2023):
    report_2023.status = "reopened"
    report_2023.save()
    client = as_user("koordinator")
    url = _section_url(report_2023, "2.4")
    q24 = question(report_2023, "2.4")
    from lokomp.registry.models import Municipality

    harstad = Municipality.objects.get(name="Harstad")
    name = f"q{q24.pk}-m{harstad.pk}"
    response = _post(client, url, **{name: "elleve"})
    assert response.status_code == 200
    assert "Skriv antallet som et helt tall." in response.content.decode()
    assert 'value="elleve"' in response.content.decode()
    _post(client, url, **{name: "12"})
    page = client.get(url).content.decode()
    assert "Endret for hånd (registeret: 11)" in page
    version = client.get(reverse("needs:version", args=[report_2023.pk, "utkast"]))
    assert "22 totalt fordelt på: Evenes: 1, Harstad: 12" in version.content.decode()


def test_goals_edited_here_are_the_plans_goals(as_user, report_2026):
    client = as_user("koordinator")
    q9 = question(report_2026, "9")
    url = _section_url(report_2026, "9")
    first = report_2026.plan.goals.filter(level="sub").first()
    response = _post(
        client,
        url,
        **{
            f"q{q9.pk}-goal-{first.pk}": "Alle nyansatte får en god start.",
            f"q{q9.pk}-new-0": "Flere foreldre deltar.",
        },
    )
    assert response.status_code == 302
    assert Goal.objects.get(pk=first.pk).text == "Alle nyansatte får en god start."
    assert report_2026.plan.goals.filter(text="Flere foreldre deltar.", level="sub").exists()
    plan_page = client.get(reverse("plans:plan", args=["sor-troms-evenes", "2026-2027"]))
    assert "Flere foreldre deltar." in plan_page.content.decode()


def test_budget_rules_show_and_unreadable_cells_are_kept(as_user, report_2026):
    client = as_user("koordinator")
    url = _section_url(report_2026, "Budsjett")
    response = _post(
        client, url, **{"b-2026-owner-share_carry_out": "70", "b-2027-uh-amount": "1,5 mill"}
    )
    assert response.status_code == 200  # one cell could not be read
    page = response.content.decode()
    assert "Skriv beløpet i hele kroner, for eksempel 918 100." in page
    assert 'value="1,5 mill"' in page
    assert "Eier 2026: andelene er til sammen 110 %, men skal være 100 %." in page
    # What could be read was saved; the unreadable cell kept its stored value.
    owner = BudgetLine.objects.get(report=report_2026, year=2026, recipient="owner")
    assert owner.share_carry_out == 70
    assert BudgetLine.objects.get(report=report_2026, year=2027, recipient="uh").amount == 1_000_000


def test_second_editor_does_not_overwrite_the_first(as_user, report_2026):
    first, second = as_user("koordinator"), as_user("koordinator.uit")
    url = _section_url(report_2026, "4")
    q4 = question(report_2026, "4")
    name = f"q{q4.pk}"
    first_page = form_data(first.get(url).content.decode())
    second_page = form_data(second.get(url).content.decode())
    first_page[name] = "Tema skrevet av eiersiden."
    assert first.post(url, first_page).status_code == 302
    second_page[name] = "Tema skrevet av UH-siden."
    response = second.post(url, second_page)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Marte Fjellheim</strong> lagret dette svaret" in page
    assert "Tema skrevet av eiersiden." in page  # theirs, to merge with
    assert "Tema skrevet av UH-siden." in page  # own text kept in the field
    assert Answer.objects.get(report=report_2026, question=q4).text == "Tema skrevet av eiersiden."
    merged = form_data(page)
    merged[name] = "Tema skrevet av begge sider."
    assert second.post(url, merged).status_code == 302
    assert (
        Answer.objects.get(report=report_2026, question=q4).text == "Tema skrevet av begge sider."
    )


def test_answers_in_other_questions_are_not_caught_by_a_conflict(as_user, report_2026):
    first, second = as_user("koordinator"), as_user("koordinator.uit")
    url = _section_url(report_2026, "4")
    q4, q5 = question(report_2026, "4"), question(report_2026, "5")
    first_page = form_data(first.get(url).content.decode())
    second_page = form_data(second.get(url).content.decode())
    first_page[f"q{q4.pk}"] = "Nytt tema."
    first.post(url, first_page)
    second_page[f"q{q5.pk}"] = "Ny begrunnelse."
    assert second.post(url, second_page).status_code == 302
    assert Answer.objects.get(report=report_2026, question=q4).text == "Nytt tema."
    assert Answer.objects.get(report=report_2026, question=q5).text == "Ny begrunnelse."


def test_report_pages_query_counts(as_user, report_2026, django_assert_num_queries):
    client = as_user("koordinator")
    budget = _section_url(report_2026, "Budsjett")
    # session, user, roles, report, sections, questions, answers, all questions of the form
    # (budget years), budget lines, county shares
    with django_assert_num_queries(10, info="budget"):
        assert client.get(budget).status_code == 200
    goals = _section_url(report_2026, "9")
    # session, user, roles, report, sections, questions, answers, the plan's goals (once for
    # both goal questions), the plan's measures, all questions of the form
    with django_assert_num_queries(10):
        assert client.get(goals).status_code == 200
    # The overview reads the report once (a snapshot) for progress and rules alike, and
    # looks for a decision (none yet for this report).
    with django_assert_num_queries(19):
        assert client.get(reverse("needs:report", args=[report_2026.pk])).status_code == 200


def test_an_unreadable_cell_is_shown_as_typed_while_the_rest_is_saved(as_user, report_2026):
    client = as_user("koordinator")
    url = _section_url(report_2026, "Budsjett")
    response = _post(
        client, url, **{"b-2027-owner-amount": "tolv tusen", "b-2027-uh-amount": "1 300 000"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="tolv tusen"' in page
    assert "Skriv beløpet i hele kroner, for eksempel 918 100." in page
    assert report_2026.budget.get(year=2027, recipient="uh").amount == 1_300_000
