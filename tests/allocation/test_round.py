"""The round page: every report of the county's year with its sums, against the frames;
filtered, sorted and paged on the server. And the round's settings."""

import re
from datetime import date
from io import BytesIO
from zipfile import ZipFile

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bench.generate import add_round_reports
from lokomp.allocation.models import Frame, Round
from lokomp.core.models import AuditEntry
from lokomp.needs.models import BudgetLine, NeedsReport, Question
from lokomp.registry.models import County

from ..forms import form_data

pytestmark = pytest.mark.django_db

ROUND_55 = reverse("allocation:round", args=["55", 2026])


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _row_names(html: str) -> list[str]:
    body = html.split('data-testid="county-reports"')[1].split("<tbody>")[1].split("</tbody>")[0]
    return re.findall(r'<th scope="row"><a class="ds-link" href="[^"]+">([^<]+)</a>', body)


def _frame_row(html: str, scheme: str) -> str:
    table = html.split('data-testid="frames"')[1].split("</table>")[0]
    row = next(r for r in table.split("<tr>") if f">{scheme}</th>" in r)
    return _text(row)


def test_round_page_shows_reports_sums_and_the_frame(as_user, django_assert_num_queries):
    client = as_user("statsforvalter")
    # session, user, roles, county, round, schemes, frames, the forms' budget years,
    # reports per scheme and status, sums per scheme, status and year, the county shares of
    # split partnerships, their reports' budget lines, the page's count, its rows, their
    # budget lines, their county shares, municipalities, the county's other years, and what
    # decisions of earlier rounds have committed for the year, whether next year's round
    # exists, and whether a later one does (so next year's can be started)
    with django_assert_num_queries(21):
        page = client.get(ROUND_55).content.decode()
    text = _text(page)
    assert "Region Sør-Troms og Evenes" in text and "Utkast" in text
    assert "Frist for behovsmeldinger 1. februar 2026 (0 av 1 sendt inn)" in text
    assert "Frist for innstilling fra samarbeidsforum 15. mars 2026" in text
    # 2026: 1 100 000 + 1 250 000 asked; Troms' part (Evenes' 8 % goes to Nordland) is
    # 2 162 000, against the frame of 3 000 000.
    assert "2 350 000" in text
    assert _frame_row(page, "Kompetanseløftet") == (
        " Kompetanseløftet 1 3 000 000 0 2 162 000 838 000 kr igjen "
    )
    earlier = _text(
        as_user("statsforvalter")
        .get(reverse("allocation:round", args=["55", 2023]))
        .content.decode()
    )
    assert "Sendt inn (v1)" in earlier
    assert as_user("forum").get(ROUND_55).status_code == 200
    assert "Endre frister og rammer" not in as_user("forum").get(ROUND_55).content.decode()
    assert as_user("koordinator").get(ROUND_55).status_code == 404
    assert as_user("nordland").get(ROUND_55).status_code == 404


def test_the_county_downloads_every_report(as_user):
    zipped = as_user("forum").get(reverse("needs:county_zip", args=["55", 2023]))
    names = ZipFile(BytesIO(zipped.content)).namelist()
    assert names == ["behovsmelding-sor-troms-evenes-kompetanseloftet-versjon-1.pdf"]


def test_over_the_frame_is_said_in_words(as_user):
    Frame.objects.filter(round__county__number="55", round__year=2026).update(amount=2_000_000)
    page = as_user("statsforvalter").get(ROUND_55).content.decode()
    assert "162 000 kr over rammen" in _frame_row(page, "Kompetanseløftet")


def test_share_county_sees_the_reports_it_takes_a_share_of(as_user):
    """Evenes reports 8 % to Statsforvalteren i Nordland: Nordland's round lists the
    partnership, with the total asked and Nordland's part of it, as the budget says."""
    url = reverse("allocation:round", args=["18", 2026])
    page = _text(as_user("nordland").get(url).content.decode())
    assert "Region Sør-Troms og Evenes" in page
    assert "8 % til fylket (hjemfylke: Troms)" in page
    # 2026: 2 350 000 asked; Nordland's 8 % is 188 000, as in the report's own budget.
    assert "2 350 000" in page and "188 000" in page
    assert "Kompetanseløftet 1 Ikke satt 0 188 000 –" in page


def test_the_round_shows_the_years_the_form_asks_for(as_user):
    report = NeedsReport.objects.get(template__year=2026, partnership__slug="sor-troms-evenes")
    budget = Question.objects.get(section__template=report.template, kind="budget")
    budget.options = {**budget.options, "years": 2}
    budget.save()
    page = as_user("statsforvalter").get(ROUND_55).content.decode()
    headers = page.split('data-testid="county-reports"')[1].split("<tbody>")[0]
    assert "2026" in headers and ">2027</th>" in headers
    assert ">2028</th>" not in headers


@pytest.fixture
def big_round(db):
    """120 more partnerships with reports in Troms 2026 (random schemes, statuses, sums)."""
    troms = County.objects.get(number="55")
    return add_round_reports(county=troms, year=2026, count=120, seed=7)


def _expected(reports, year, **where) -> int:
    """The total asked for the year over the given reports, summed here line by line."""
    ids = [r.pk for r in reports]
    return sum(
        line.amount or 0 for line in BudgetLine.objects.filter(report__in=ids, year=year, **where)
    )


def test_the_round_pages_sorts_and_filters_on_the_server(as_user, big_round):
    client = as_user("statsforvalter")
    first = client.get(ROUND_55).content.decode()
    assert "121 behovsmeldinger." in _text(first)
    assert "Side 1 av 3" in _text(first)
    assert len(_row_names(first)) == 50
    names = _row_names(first)
    assert names == sorted(names)
    last = client.get(ROUND_55, {"side": "3"}).content.decode()
    assert len(_row_names(last)) == 21

    # Sorted by the first year's sum, largest first.
    by_sum = client.get(ROUND_55, {"sorter": "-sum"}).content.decode()
    everything = list(
        NeedsReport.objects.filter(template__year=2026, partnership__county__number="55")
    )
    largest = max(everything, key=lambda r: (_expected([r], 2026), ""))
    assert _row_names(by_sum)[0] == largest.partnership.name
    assert 'aria-sort="none"' in by_sum and "sortert synkende på sum" in by_sum

    # Filtered by status and scheme: the count and the footer are the filtered reports'.
    submitted_dekomp = [
        r for r in everything if r.status == "submitted" and r.scheme.code == "dekomp"
    ]
    chosen = client.get(ROUND_55, {"status": "submitted", "ordning": "dekomp"}).content.decode()
    text = _text(chosen)
    n = len(submitted_dekomp)
    assert f"{n} av 121 behovsmeldinger passer til valget." in text
    footer = _text(chosen.split("<tfoot>")[-1].split("</tfoot>")[0])
    expected = f"{_expected(submitted_dekomp, 2026):,}".replace(",", "\u00a0")
    assert footer.startswith(" Sum for valget ")
    assert expected.replace("\u00a0", " ") in footer.replace("\u00a0", " ")
    # The frame table still counts every report of the round.
    dekomp = [r for r in everything if r.scheme.code == "dekomp"]
    dekomp_asked = f"{_expected(dekomp, 2026):,}".replace(",", " ")
    assert f" Dekomp {len(dekomp)} Ikke satt 0 {dekomp_asked} " in _frame_row(chosen, "Dekomp")

    # By municipality: the partnerships an owner in it belongs to.
    municipality = big_round[0].partnership.owner_links.get().owner.municipality
    in_it = client.get(ROUND_55, {"kommune": str(municipality.pk)}).content.decode()
    shown = set(_row_names(in_it))
    assert big_round[0].partnership.name in shown
    for name in shown:
        assert (
            NeedsReport.objects.get(template__year=2026, partnership__name=name)
            .partnership.owner_links.filter(owner__municipality=municipality)
            .exists()
        )


def test_the_query_count_does_not_grow_with_the_reports(as_user):
    client = as_user("statsforvalter")
    troms = County.objects.get(number="55")

    def count(params):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(ROUND_55, params).status_code == 200
        return len(queries)

    few = [count({}), count({"status": "draft", "sorter": "-sum"})]
    add_round_reports(county=troms, year=2026, count=300, seed=3)
    assert [count({}), count({"status": "draft", "sorter": "-sum"})] == few


def test_bad_filters_and_pages_are_ignored(as_user):
    client = as_user("statsforvalter")
    for params in (
        {"side": "9" * 30},
        {"kommune": "9" * 30, "status": "x\x00", "ordning": "ø" * 500, "sorter": "--sum"},
        {"sorter": "-"},
    ):
        response = client.get(ROUND_55, params)
        assert response.status_code == 200, params


def test_county_admin_sets_deadlines_and_frames(as_user):
    admin = as_user("statsforvalter")
    url = reverse("allocation:round_settings", args=["55", 2027])
    data = form_data(admin.get(url).content.decode())
    assert data["submission_deadline"] == "2027-02-01"
    assert data["recommendation_deadline"] == "2027-03-15"
    assert data["decision_deadline"] == "2027-04-30"
    assert not Round.objects.filter(county__number="55", year=2027).exists()

    data |= {
        "submission_deadline": "31.02.2027",
        "decision_deadline": "2027-03-01",
        "frame_kompetanseloftet": "tolv millioner",
        "frame_dekomp": "4 500 000",
    }
    page = admin.post(url, data).content.decode()
    assert "Skriv datoen som dd.mm.åååå." in page
    assert "Skriv beløpet i hele kroner, for eksempel 918 100." in page
    assert 'value="tolv millioner"' in page and 'value="4 500 000"' in page

    data |= {"submission_deadline": "2027-02-15", "frame_kompetanseloftet": "12 000 000"}
    page = admin.post(url, data).content.decode()
    assert "Vedtaket kan ikke ha frist før innstillingen." in page

    data["decision_deadline"] = "2027-04-28"
    assert admin.post(url, data).status_code == 302
    saved = Round.objects.get(county__number="55", year=2027)
    assert (saved.submission_deadline, saved.decision_deadline) == (
        date(2027, 2, 15),
        date(2027, 4, 28),
    )
    assert dict(saved.frames.values_list("scheme__code", "amount")) == {
        "kompetanseloftet": 12_000_000,
        "dekomp": 4_500_000,
    }
    entry = AuditEntry.objects.get(action="allocation.round.changed", object_id=str(saved.pk))
    assert entry.data["changes"]["Ramme for Dekomp (kr)"] == [None, 4_500_000]

    # A blank frame removes it.
    data = form_data(admin.get(url).content.decode())
    data["frame_dekomp"] = ""
    assert admin.post(url, data).status_code == 302
    assert list(saved.frames.values_list("scheme__code", flat=True)) == ["kompetanseloftet"]

    page = _text(admin.get(reverse("allocation:round", args=["55", 2027])).content.decode())
    assert "Frist for behovsmeldinger 15. februar 2027" in page

    forum = as_user("forum")
    assert forum.get(url).status_code == 403
    assert forum.post(url, data | {"frame_dekomp": "1"}).status_code == 403


def test_a_second_writer_is_told_and_nothing_is_overwritten(as_user, django_user_model):
    url = reverse("allocation:round_settings", args=["55", 2026])
    first = as_user("statsforvalter")
    second_user = django_user_model.objects.create_user(username="sf2", first_name="Siri")
    from lokomp.accounts.models import Role, RoleAssignment

    RoleAssignment.objects.create(
        user=second_user, role=Role.COUNTY_ADMIN, county_id=County.objects.get(number="55").pk
    )
    second = as_user("sf2")
    mine = form_data(first.get(url).content.decode())
    theirs = form_data(second.get(url).content.decode())
    assert first.post(url, mine | {"frame_kompetanseloftet": "5 000 000"}).status_code == 302
    page = second.post(url, theirs | {"frame_kompetanseloftet": "4 000 000"}).content.decode()
    assert 'data-testid="stale"' in page
    text = _text(page)
    assert "Ramme for Kompetanseløftet (kr) 5000000 4000000" in text.replace("\u00a0", "")
    assert Frame.objects.get(round__county__number="55", round__year=2026).amount == 5_000_000
    # Saving again keeps theirs on purpose.
    again = form_data(page)
    assert again["frame_kompetanseloftet"] == "4 000 000"
    assert second.post(url, again).status_code == 302
    assert Frame.objects.get(round__county__number="55", round__year=2026).amount == 4_000_000


def test_the_round_sets_the_deadline_reports_are_held_to(as_user):
    from lokomp.needs.services import SubmissionRefused, report_submit

    Round.objects.filter(county__number="55", year=2026).update(
        submission_deadline=date(2026, 3, 1)
    )
    report = NeedsReport.objects.get(template__year=2026, partnership__slug="sor-troms-evenes")
    with pytest.raises(SubmissionRefused) as refused:
        report_submit(report=report, user=None, today=date(2026, 3, 2))
    assert "Fristen var 01.03.2026." in refused.value.problems[0]
