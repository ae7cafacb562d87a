"""The progress report as coordinators write it: built from the plan by goal and measure,
with what was held, who came, what the evaluations say and what was spent; two writers at
once; submission that freezes what was sent; Word and PDF."""

import re
from datetime import date
from io import BytesIO

import pytest
from django.db import connection
from django.db.models import Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from docx import Document
from pypdf import PdfReader

from lokomp.allocation.models import Decision, Grant, Round
from lokomp.core.when import parse_when
from lokomp.evaluation.answering import questions_for
from lokomp.evaluation.models import Answer, Evaluation, Response
from lokomp.participation.models import Attendance, Employee
from lokomp.partnerships.models import Scheme
from lokomp.plans.models import Activity, Measure
from lokomp.reports.models import Expense, ProgressReport

from ..forms import form_data

pytestmark = pytest.mark.django_db
SLUG = "sor-troms-evenes"


def _url(report, name="reports:report"):
    return reverse(name, args=[SLUG, report.pk])


def _part(page: str, testid: str) -> str:
    return page.split(f'data-testid="{testid}"')[1].split("</section>")[0]


def _figure(part: str, testid: str) -> str:
    return re.search(rf'data-testid="{testid}">([^<]*)<', part).group(1)


def _sessions() -> Measure:
    return Activity.objects.get(
        title="Dialogsamling dag 1", measure__plan__school_year=2025
    ).measure


def test_the_report_counts_what_was_held_who_came_and_what_was_spent(as_user, report):
    measure = _sessions()
    page = as_user("koordinator").get(_url(report)).content.decode()
    part = _part(page, f"measure-{measure.pk}")
    in_period = measure.activities.filter(when_start__year=2025)
    rows = Attendance.objects.filter(activity__in=in_period)
    came = rows.filter(employee__isnull=False).values("employee").distinct().count()
    came += rows.aggregate(n=Sum("count"))["n"] or 0
    spent = Expense.objects.filter(measure=measure).aggregate(s=Sum("amount"))["s"]
    assert _figure(part, "planned") == str(in_period.count()) == "3"
    assert _figure(part, "held") == "3"  # their days have passed
    assert _figure(part, "persons") == str(came) and came > 0
    assert (
        _figure(part, "spent").replace("\xa0", " ") == "463 400" == f"{spent:,}".replace(",", " ")
    )
    # Seven responses to the first day: the averages are shown, each one as the answers say.
    averages = part.split('data-testid="averages-')[1]
    first = questions_for(measure.plan.partnership)[0]
    mean = Answer.objects.filter(question=first, response__evaluation__activity__measure=measure)
    expected = sum(a.value for a in mean) / mean.count()
    assert f"{expected:.1f}".replace(".", ",") in averages
    assert "Samlingene fikk gode tilbakemeldinger." in part  # the coordinator's text
    # The economy: the 2023 decision's commitment for 2025, and what was spent.
    committed = Grant.objects.filter(year=2025, recipient="owner").aggregate(s=Sum("amount"))["s"]
    economy = page.split('data-testid="economy"')[1].split("</table>")[0]
    owner = economy.split(">Eier</th>")[1]
    cells = re.findall(r'<td class="num">([^<]*)</td>', owner.split("</tr>")[0])
    assert cells[1].replace("\xa0", " ") == f"{committed:,}".replace(",", " ")
    assert cells[2].replace("\xa0", " ") == "223 400"  # 185 000 + 38 400 on the owner side


def test_evaluations_with_fewer_than_five_responses_are_not_shown(as_user, report):
    webinar = Activity.objects.get(title="Digital dialogsamling for skole")
    evaluation = Evaluation.objects.create(
        activity=webinar, code="WEB25", opens_on=date(2025, 11, 17), closes_on=date(2025, 12, 1)
    )
    scale = [q for q in questions_for(webinar.measure.plan.partnership) if q.kind == "scale"]

    def respond(n):
        response = Response.objects.create(
            evaluation=evaluation, device=f"d{n}", submitted_on=date(2025, 11, 17)
        )
        Answer.objects.bulk_create(Answer(response=response, question=q, value=5) for q in scale)

    def page():
        return as_user("koordinator").get(_url(report)).content.decode()

    for n in range(4):
        respond(n)
    part = _part(
        as_user("koordinator").get(_url(report)).content.decode(), f"measure-{webinar.measure_id}"
    )
    assert "4 svar på evalueringene. Resultatene vises når minst 5 har svart." in part
    assert "averages-" not in part
    respond(4)
    part = _part(
        as_user("koordinator").get(_url(report)).content.decode(), f"measure-{webinar.measure_id}"
    )
    assert "averages-" in part and "5,0" in part


def test_a_later_decision_replaces_a_commitment_and_nothing_is_counted_twice(as_user, report):
    first = Decision.objects.get(round__year=2023)
    the_round = Round.default(first.round.county, 2025)
    the_round.save()
    later = Decision.objects.create(round=the_round, report=first.report, number=1)
    owner = first.grants.get(year=2025, recipient="owner")
    Grant.objects.create(
        decision=later,
        year=2025,
        recipient="owner",
        recipient_name=owner.recipient_name,
        org_number=owner.org_number,
        account_number=owner.account_number,
        amount=900_000,
    )
    page = as_user("koordinator").get(_url(report)).content.decode()
    economy = page.split('data-testid="economy"')[1].split("</table>")[0]
    cells = re.findall(r'<td class="num">([^<]*)</td>', economy.split(">Eier</th>")[1])
    assert cells[1].replace("\xa0", " ") == "900 000"


def test_a_scheme_that_asks_for_it_gets_a_report_per_measure(as_user):
    scheme = Scheme.objects.get(code="kompetanseloftet")
    scheme.report_per_measure = True
    scheme.save()
    client = as_user("koordinator")
    url = reverse("reports:list", args=[SLUG])
    data = form_data(client.get(url).content.decode()) | {
        "period_start": "01.08.2025",
        "period_end": "31.07.2026",
    }
    page = client.post(url, data, follow=True).content.decode()
    made = ProgressReport.objects.filter(period_start=date(2025, 8, 1)).order_by("pk")
    measures = Measure.objects.filter(plan__partnership__slug=SLUG, plan__school_year=2025)
    assert made.count() == 1 + measures.filter(scheme=scheme).count()
    assert made[0].deadline == date(2027, 1, 15)  # 15 January after the period
    assert "rapporter for tiltak i en ordning som krever rapport per tiltak" in page
    one = made.exclude(measure=None).first()
    page = client.get(_url(one)).content.decode()
    assert page.count('data-testid="measure-') == 1 and f"measure-{one.measure_id}" in page


def test_two_coordinators_write_at_once_and_nothing_is_lost(as_user, report):
    measure = _sessions()
    marte, jonas = as_user("koordinator"), as_user("koordinator.uit")
    marte_page = form_data(marte.get(_url(report)).content.decode())
    jonas_page = form_data(jonas.get(_url(report)).content.decode())
    marte.post(_url(report), marte_page | {"text-summary": "Martes vurdering."})
    key = f"text-measure-{measure.pk}"
    jonas.post(_url(report), jonas_page | {key: "Jonas om samlingene."})
    report.refresh_from_db()
    assert report.summary == "Martes vurdering."
    assert report.texts.get(key=f"measure-{measure.pk}").text == "Jonas om samlingene."
    # Jonas, still on his old page, changes the summary too: he is told, sees Marte's text,
    # keeps his own in the field, and nothing is overwritten.
    page = jonas.post(_url(report), jonas_page | {"text-summary": "Jonas' vurdering."})
    html = page.content.decode()
    assert page.status_code == 200 and 'data-testid="stale"' in html
    assert "Martes vurdering." in html.split('data-testid="theirs-summary"')[1]
    assert form_data(html)["text-summary"] == "Jonas' vurdering."
    report.refresh_from_db()
    assert report.summary == "Martes vurdering."
    # A text saved in the same request as a conflicting one is shown as saved: here the
    # summary is fresh and the measure's text comes from a tab opened before.
    fresh = form_data(jonas.get(_url(report)).content.decode())
    stale_measure = {f"seen-measure-{measure.pk}": jonas_page[f"seen-measure-{measure.pk}"]}
    page = jonas.post(
        _url(report),
        fresh
        | stale_measure
        | {key: "Jonas skriver om igjen.", "text-summary": "Martes vurdering, utvidet."},
    )
    html = page.content.decode()
    assert "Jonas om samlingene." in html.split(f'data-testid="theirs-measure-{measure.pk}"')[1]
    assert form_data(html)["text-summary"] == "Martes vurdering, utvidet."
    report.refresh_from_db()
    assert report.summary == "Martes vurdering, utvidet."
    # He sends his own summary again from his old page: told again, nothing overwritten.
    page = jonas.post(_url(report), jonas_page | {"text-summary": "Jonas' vurdering."})
    html = page.content.decode()
    # Saving again from that page keeps his, on purpose.
    jonas.post(_url(report), form_data(html))
    report.refresh_from_db()
    assert report.summary == "Jonas' vurdering."


def test_bad_input_is_explained_and_kept(as_user, report):
    client = as_user("koordinator")
    url = reverse("reports:list", args=[SLUG])
    page = client.post(
        url, {"period_start": "2026-12-31", "period_end": "2026-01-01", "audience": "county"}
    ).content.decode()
    assert "Perioden kan ikke slutte før den begynner." in page and 'value="2026-12-31"' in page
    assert ProgressReport.objects.count() == 1
    data = form_data(client.get(_url(report)).content.decode())
    page = client.post(_url(report), data | {"text-summary": "x" * 10_001}).content.decode()
    assert "Teksten er for lang (høyst 10 000 tegn)." in page
    assert form_data(page)["text-summary"] == "x" * 10_001
    client.post(_url(report), data | {"text-summary": "Med\x00 NUL og\x0bskift"})
    report.refresh_from_db()
    assert report.summary == "Med NUL og\nskift"
    expenses = reverse("reports:expenses", args=[SLUG])
    blank = form_data(client.get(expenses).content.decode(), choose_first=True)
    for typed, message in [
        ("mange penger", "Skriv beløpet i hele kroner"),
        ("-500", "Beløpet kan ikke være negativt."),
        ("10 000 000 000 000", "Beløpet er for stort."),
    ]:
        page = client.post(
            expenses, blank | {"amount": typed, "spent_on": "2026-09-01", "description": "Mat"}
        ).content.decode()
        assert message in page and f'value="{typed}"' in page
    assert Expense.objects.count() == 3


def test_a_submitted_report_keeps_what_it_said(as_user, report):
    client = as_user("koordinator")
    measure = _sessions()
    before = form_data(client.get(_url(report)).content.decode())
    response = client.post(_url(report, "reports:submit"), follow=True)
    assert "Rapporten er sendt." in response.content.decode()
    report.refresh_from_db()
    assert report.submitted_by.username == "koordinator"
    # Later changes to the data do not change what was sent.
    Expense.objects.create(
        measure=measure, recipient="uh", spent_on=date(2025, 12, 1), amount=1_000, description="X"
    )
    part = _part(client.get(_url(report)).content.decode(), f"measure-{measure.pk}")
    assert _figure(part, "spent").replace("\xa0", " ") == "463 400"
    assert "<textarea" not in part
    client.post(_url(report), before | {"text-summary": "Endret etterpå."})
    report.refresh_from_db()
    assert report.summary != "Endret etterpå." and report.snapshot["summary"] != "Endret etterpå."
    again = client.post(_url(report, "reports:submit"), follow=True).content.decode()
    assert "Rapporten var allerede sendt." in again
    # The county reads it as it was sent, in Word and PDF too.
    docx = Document(BytesIO(as_user("statsforvalter").get(_url(report, "reports:docx")).content))
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "Tiltak 3: Dialogsamling" in text and "Brukt: 463\xa0400 kr" in text
    assert "Samlingene fikk gode tilbakemeldinger." in text
    pdf = PdfReader(BytesIO(as_user("statsforvalter").get(_url(report, "reports:pdf")).content))
    pdf_text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Fremdriftsrapport" in pdf_text and "Dialogsamling" in pdf_text


def test_the_report_page_reads_the_same_number_of_queries_for_a_larger_plan(as_user, report):
    client = as_user("koordinator")
    with CaptureQueriesContext(connection) as small:
        assert client.get(_url(report)).status_code == 200
    measure = Measure.objects.filter(plan__partnership__slug=SLUG, plan__school_year=2025).last()
    staff = list(Employee.objects.filter(unit__name="Kanebogen skole")[:5])
    for n in range(15):
        activity = Activity(measure=measure, title=f"Ekstra {n}", kind="webinar")
        day = date(2025, 10, n + 1)
        activity.set_when(parse_when(f"{day:%d.%m.%Y}"), f"{day:%d.%m.%Y}")
        activity.save()
        Attendance.objects.bulk_create(
            Attendance(activity=activity, unit=e.unit, employee=e) for e in staff
        )
        Expense.objects.create(
            measure=measure,
            recipient="owner",
            spent_on=date(2025, 10, n + 1),
            amount=100,
            description="Kaffe",
        )
    with CaptureQueriesContext(connection) as large:
        page = client.get(_url(report)).content.decode()
    assert "Ekstra 14" in page
    part = _part(page, f"measure-{measure.pk}")
    assert _figure(part, "planned") == str(measure.activities.filter(when_start__year=2025).count())
    assert len(large) == len(small), [q["sql"][:120] for q in large.captured_queries]
