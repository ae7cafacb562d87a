"""Statsforvalteren starts next year's round from this year's page: the deadlines a year on,
the form copied, and the invitation mailed once to every coordinator of the county's
partnerships, in their own language."""

from email.header import decode_header, make_header

import pytest
from django.urls import reverse

from lokomp.accounts.models import Role, RoleAssignment, User
from lokomp.allocation.models import Round, round_for
from lokomp.core.models import Message
from lokomp.core.outbox import send_due
from lokomp.needs.models import ReportTemplate
from lokomp.registry.models import County

from ..conftest import client_for

pytestmark = pytest.mark.django_db


def _subject(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def test_next_years_round_starts_from_the_round_page_and_invites_the_coordinators(smtp_server):
    this = round_for(County.objects.get(number="55"), 2026)
    client = client_for("statsforvalter")
    page = client.get(reverse("allocation:round", args=["55", 2026])).content.decode()
    assert "Start runden for 2027" in page
    assert not Round.objects.filter(county__number="55", year=2027).exists()
    User.objects.filter(username="koordinator").update(language="nn")

    response = client.post(reverse("allocation:round_next", args=["55", 2026]))
    assert response.status_code == 302
    assert response["Location"] == reverse("allocation:round", args=["55", 2027])
    following = Round.objects.get(county__number="55", year=2027)
    assert following.submission_deadline == this.submission_deadline.replace(year=2027)
    assert ReportTemplate.objects.filter(county__number="55", year=2027).exists()

    coordinators = set(
        RoleAssignment.objects.filter(
            role=Role.COORDINATOR, partnership__county__number="55"
        ).values_list("user__email", flat=True)
    )
    assert send_due() == len(coordinators)
    assert {m["To"] for m in smtp_server.messages} == coordinators
    nynorsk = next(m for m in smtp_server.messages if m["To"] == "koordinator@lokomp.example")
    body = nynorsk.get_payload(decode=True).decode()
    assert "har opna runden for 2027" in body and "/behovsmeldinger/" in body
    assert _subject(nynorsk).startswith("Behovsmeldinga for 2027 kan skrivast")

    # Pressed twice (a second tab, a double click): one round, no second invitation.
    client.post(reverse("allocation:round_next", args=["55", 2026]))
    assert Round.objects.filter(county__number="55", year=2027).count() == 1
    assert Message.objects.filter(kind="allocation.round.opened").count() == len(coordinators)
    assert send_due() == 0
    page = client.get(reverse("allocation:round", args=["55", 2026])).content.decode()
    assert 'data-testid="next-round"' in page and "Start runden for 2027" not in page


def test_a_forum_member_cannot_start_a_round():
    response = client_for("forum").post(reverse("allocation:round_next", args=["55", 2026]))
    assert response.status_code == 403
    assert not Round.objects.filter(county__number="55", year=2027).exists()


@pytest.mark.parametrize(
    ("later", "reason"),
    [
        (True, "Runden for et senere år er alt startet."),
        (False, "Fristen for neste års behovsmeldinger ville vært passert."),
    ],
)
def test_a_round_long_past_cannot_start_another(later, reason):
    """From 2023's round, with a later round started or 2024's deadline long past: no
    button, and a post is refused with the reason, nothing made and nobody invited."""
    if not later:
        Round.objects.filter(county__number="55", year__gt=2024).delete()
    client = client_for("statsforvalter")
    page = client.get(reverse("allocation:round", args=["55", 2023])).content.decode()
    assert "Start runden for 2024" not in page
    response = client.post(reverse("allocation:round_next", args=["55", 2023]), follow=True)
    assert reason in response.content.decode()
    assert not Round.objects.filter(county__number="55", year=2024).exists()
    assert not Message.objects.exists()
