"""The collaboration forum: criteria as data, scoring, conflicts of interest."""

import re

import pytest
from django.urls import reverse

from lokomp.accounts.models import Role, RoleAssignment, User
from lokomp.allocation.forum import score_summary
from lokomp.allocation.models import Conflict, Criterion, ForumTie, Score
from lokomp.core.models import AuditEntry
from lokomp.needs.models import NeedsReport
from lokomp.registry.models import County, Owner

from ..forms import form_data

pytestmark = pytest.mark.django_db

FORUM_2023 = reverse("allocation:forum", args=["55", 2023])


@pytest.fixture
def report_2023(db):
    return NeedsReport.objects.get(template__year=2023, partnership__slug="sor-troms-evenes")


def _score_url(report):
    return reverse("allocation:score", args=["55", 2023, report.pk])


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def _scales():
    return list(Criterion.objects.filter(county__number="55", kind="scale"))


def _score_all(client, report, points):
    url = _score_url(report)
    data = form_data(client.get(url).content.decode())
    for criterion, point in zip(_scales(), points, strict=True):
        data[f"q{criterion.pk}-choice"] = str(point)
    return client.post(url, data)


def _forum_row(html: str) -> str:
    body = html.split('data-testid="forum-reports"')[1].split("</table>")[0]
    return _text(body.split("<tbody>")[1])


def test_a_member_scores_a_submitted_report(as_user, report_2023):
    client = as_user("forum")
    page = client.get(_score_url(report_2023)).content.decode()
    assert "Kompetansebehovene er vurdert sammen med UH." in page
    assert "Versjon 1, sendt inn" in _text(page)
    assert "Ikke vurdert" in _forum_row(client.get(FORUM_2023).content.decode())

    # Half done: the page keeps what was given, the forum page says "Påbegynt".
    url = _score_url(report_2023)
    data = form_data(client.get(url).content.decode())
    first = _scales()[0]
    data[f"q{first.pk}-choice"] = "4"
    assert client.post(url, data).status_code == 302
    assert "Påbegynt" in _forum_row(client.get(FORUM_2023).content.decode())

    assert _score_all(client, report_2023, [4, 3, 5, 4, 2, 3]).status_code == 302
    scores = Score.objects.filter(report=report_2023, member__username="forum")
    assert sorted(s.value for s in scores if s.value is not None) == [2, 3, 3, 4, 4, 5]
    assert {s.version.number for s in scores} == {1}
    row = _forum_row(client.get(FORUM_2023).content.decode())
    assert "Ferdig" in row and " 3,5 " in row and " 1 " in row  # (4+3+5+4+2+3)/6
    assert AuditEntry.objects.filter(action="allocation.score.saved").exists()
    page = client.get(url).content.decode()
    assert 'data-testid="score-complete"' in page and 'value="5" checked' in page


def test_a_point_outside_the_scale_is_not_stored(as_user, report_2023):
    client = as_user("forum")
    url = _score_url(report_2023)
    data = form_data(client.get(url).content.decode())
    first = _scales()[0]
    data[f"q{first.pk}-choice"] = "9"
    note = Criterion.objects.get(county__number="55", kind="text")
    data[f"q{note.pk}"] = "God\x00 plan\x0bmed tydelige mål"
    assert client.post(url, data).status_code == 302
    assert not Score.objects.filter(report=report_2023, criterion=first).exists()
    assert (
        Score.objects.get(report=report_2023, criterion=note).text == "God plan\nmed tydelige mål"
    )


def test_a_member_tied_to_an_owner_of_the_partnership_cannot_score(as_user, report_2023):
    """forum.harstad represents Harstad kommune, a member of Sør-Troms og Evenes."""
    client = as_user("forum.harstad")
    page = client.get(_score_url(report_2023)).content.decode()
    assert 'data-testid="conflicted"' in page
    assert "du representerer Harstad kommune, som er med i partnerskapet" in page
    assert "Lagre vurderingen" not in page
    data = {f"q{c.pk}-choice": "5" for c in _scales()}
    response = client.post(_score_url(report_2023), data)
    assert response.status_code == 403
    assert not Score.objects.filter(member__username="forum.harstad").exists()
    assert "Inhabil" in _forum_row(client.get(FORUM_2023).content.decode())


def test_a_declared_conflict_stops_scoring_and_the_scores_count_nowhere(as_user, report_2023):
    client = as_user("forum")
    _score_all(client, report_2023, [5, 5, 5, 5, 5, 5])
    assert (
        score_summary(County.objects.get(number="55"), [report_2023])[report_2023.pk].average == 5.0
    )
    url = reverse("allocation:conflict", args=["55", 2023, report_2023.pk])
    page = client.post(url, {"reason": ""}).content.decode()
    assert "Skriv hvorfor du er inhabil." in page
    assert client.post(url, {"reason": "Jeg har skrevet behovsmeldingen."}).status_code == 302
    assert Conflict.objects.get(report=report_2023).reason == "Jeg har skrevet behovsmeldingen."
    page = client.get(_score_url(report_2023)).content.decode()
    assert "Jeg har skrevet behovsmeldingen." in page and "Lagre vurderingen" not in page
    # Kept as given, but not counted.
    assert Score.objects.filter(report=report_2023, member__username="forum").count() == 6
    assert report_2023.pk not in score_summary(County.objects.get(number="55"), [report_2023])


def test_scores_given_before_a_tie_was_added_do_not_count(as_user, report_2023):
    _score_all(as_user("forum"), report_2023, [4, 4, 4, 4, 4, 4])
    assert (
        score_summary(County.objects.get(number="55"), [report_2023])[report_2023.pk].members == 1
    )
    ForumTie.objects.create(
        user=User.objects.get(username="forum"),
        county=County.objects.get(number="55"),
        owner=Owner.objects.get(name="Kvæfjord kommune"),
    )
    assert report_2023.pk not in score_summary(County.objects.get(number="55"), [report_2023])


def test_statsforvalteren_reads_the_average_but_does_not_score(as_user, report_2023):
    _score_all(as_user("forum"), report_2023, [2, 2, 2, 2, 2, 2])
    admin = as_user("statsforvalter")
    assert " 2,0 " in _forum_row(admin.get(FORUM_2023).content.decode())
    page = admin.get(_score_url(report_2023)).content.decode()
    assert "Lagre vurderingen" not in page
    assert admin.post(_score_url(report_2023), {}).status_code == 403


def test_a_forum_member_of_another_county_sees_nothing(as_user, report_2023):
    finnmark = User.objects.create_user(username="forum.finnmark")
    RoleAssignment.objects.create(
        user=finnmark, role=Role.FORUM_MEMBER, county=County.objects.get(number="56")
    )
    client = as_user("forum.finnmark")
    assert client.get(FORUM_2023).status_code == 404
    assert client.get(_score_url(report_2023)).status_code == 404
    assert client.get(reverse("allocation:forum", args=["56", 2023])).status_code == 200
    # The coordinator never sees the forum's scores.
    assert as_user("koordinator").get(_score_url(report_2023)).status_code == 404


def test_a_draft_is_not_scored(as_user):
    draft = NeedsReport.objects.get(template__year=2026, partnership__slug="sor-troms-evenes")
    url = reverse("allocation:score", args=["55", 2026, draft.pk])
    assert as_user("forum").get(url).status_code == 404


def test_a_county_without_criteria_is_offered_the_standard_ones(as_user):
    admin = User.objects.create_user(username="sf.finnmark")
    RoleAssignment.objects.create(
        user=admin, role=Role.COUNTY_ADMIN, county=County.objects.get(number="56")
    )
    client = as_user("sf.finnmark")
    url = reverse("allocation:criteria", args=["56"])
    page = client.get(url).content.decode()
    assert "Fylket har ingen kriterier ennå." in page
    data = form_data(page)
    assert data["k-5-text"] == "Samiske perspektiver er ivaretatt."
    data["k-6-text"] = "Andre merknader"
    assert client.post(url, data).status_code == 302
    saved = list(Criterion.objects.filter(county__number="56").values_list("text", "kind"))
    assert len(saved) == 7 and saved[-1] == ("Andre merknader", "text")

    # Changed later; a criterion is taken out of use, not deleted.
    data = form_data(client.get(url).content.decode())
    data["k-1-active"] = ""
    data.pop("k-1-active")
    data["k-7-text"] = "Tiltakene når nyansatte."
    assert client.post(url, data).status_code == 302
    assert Criterion.objects.filter(county__number="56").count() == 8
    assert not Criterion.objects.get(county__number="56", order=1).active


def test_two_admins_editing_criteria_are_told(as_user, django_user_model):
    second = django_user_model.objects.create_user(username="sf2")
    RoleAssignment.objects.create(
        user=second, role=Role.COUNTY_ADMIN, county=County.objects.get(number="55")
    )
    url = reverse("allocation:criteria", args=["55"])
    mine = form_data(as_user("statsforvalter").get(url).content.decode())
    theirs = form_data(as_user("sf2").get(url).content.decode())
    mine["k-0-text"] = "Behovene er vurdert med UH og eiere."
    assert as_user("statsforvalter").post(url, mine).status_code == 302
    theirs["k-0-text"] = "Behovene er vurdert i partnerskap."
    page = as_user("sf2").post(url, theirs).content.decode()
    assert 'data-testid="stale"' in page
    assert "Behovene er vurdert med UH og eiere." in page
    assert Criterion.objects.get(county__number="55", order=0).text == (
        "Behovene er vurdert med UH og eiere."
    )
    assert as_user("forum").post(url, mine).status_code == 403


def test_statsforvalteren_records_what_members_represent(as_user, report_2023):
    client = as_user("statsforvalter")
    url = reverse("allocation:forum_members", args=["55"])
    page = client.get(url).content.decode()
    assert "Per Olav Lyngmo" in page and "KS" in page and "Harstad kommune" in page
    forum = User.objects.get(username="forum")
    both = {
        "member": forum.pk,
        "owner": Owner.objects.get(name="Ibestad kommune").pk,
        "organisation": "PBL",
    }
    page = client.post(url, both).content.decode()
    assert "Velg én eier, én UH-institusjon eller skriv én annen organisasjon." in page
    assert 'value="PBL"' in page
    both.pop("organisation")
    assert client.post(url, both).status_code == 302
    member = as_user("forum")
    assert 'data-testid="conflicted"' in member.get(_score_url(report_2023)).content.decode()
    tie = ForumTie.objects.get(user=forum, owner__name="Ibestad kommune")
    remove = reverse("allocation:tie_delete", args=["55", tie.pk])
    assert client.post(remove).status_code == 302
    assert 'data-testid="conflicted"' not in member.get(_score_url(report_2023)).content.decode()
    assert AuditEntry.objects.filter(action="allocation.forum_tie.removed").exists()
