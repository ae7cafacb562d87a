"""Two people edit the same thing at once: the second is told who saved, sees both
versions, nothing is overwritten silently, and saving again keeps theirs on purpose."""

import pytest
from django.urls import reverse

from lokomp.needs.models import Question, ReportTemplate
from lokomp.partnerships.models import Partnership
from lokomp.plans.models import ActionPlan, Activity, Measure
from lokomp.registry.models import Institution, Owner, Unit

from .conftest import client_for
from .forms import form_data

pytestmark = pytest.mark.django_db


def _activity():
    return Activity.objects.filter(measure__plan__partnership__slug="sor-troms-evenes").first()


def _question():
    form = ReportTemplate.objects.get(county__number="55", year=2026)
    return Question.objects.filter(section__template=form, answers__isnull=True).first()


# url name, its arguments, who edits (two people with the same right), the field each
# changes, and how to read the stored value back.
CASES = {
    "measure": (
        "plans:measure_edit",
        lambda: ["sor-troms-evenes", "2025-2026", 3],
        ("koordinator", "koordinator"),
        ("title", "how"),
        lambda a: Measure.objects.get(
            plan__partnership__slug=a[0], plan__school_year=2025, number=a[2]
        ),
    ),
    "activity": (
        "plans:activity_edit",
        lambda: ["sor-troms-evenes", _activity().pk],
        ("koordinator", "koordinator"),
        ("title", "location"),
        lambda a: Activity.objects.get(pk=a[1]),
    ),
    "plan": (
        "plans:plan_edit",
        lambda: ["sor-troms-evenes", "2025-2026"],
        ("koordinator", "koordinator"),
        ("title", "caveat"),
        lambda a: ActionPlan.objects.get(partnership__slug=a[0], school_year=2025),
    ),
    "partnership": (
        "partnerships:edit",
        lambda: ["sor-troms-evenes"],
        ("koordinator", "statsforvalter"),
        ("name", "description"),
        lambda a: Partnership.objects.get(slug=a[0]),
    ),
    "unit": (
        "registry:unit_edit",
        lambda: [Unit.objects.get(name="Kanebogen skole").pk],
        ("statsforvalter", "eier.harstad"),
        ("name", "staff_count"),
        lambda a: Unit.objects.get(pk=a[0]),
    ),
    "owner": (
        "registry:owner_edit",
        lambda: [Owner.objects.get(name="Harstad kommune").pk],
        ("statsforvalter", "eier.harstad"),
        ("name", "org_number"),
        lambda a: Owner.objects.get(pk=a[0]),
    ),
    "institution": (
        "registry:institution_edit",
        lambda: [Institution.objects.get(short_name="UiT").pk],
        ("statsforvalter", "statsforvalter"),
        ("name", "short_name"),
        lambda a: Institution.objects.get(pk=a[0]),
    ),
    "question": (
        "needs:question_edit",
        lambda: ["55", _question().pk],
        ("statsforvalter", "statsforvalter"),
        ("text", "help_text"),
        lambda a: Question.objects.get(pk=a[1]),
    ),
}
VALUES = {"staff_count": "77", "org_number": "974760673", "short_name": "UiT2"}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_the_second_writer_is_told_and_nothing_is_overwritten(kind):
    name, args, (first, second), (field_a, field_b), stored = CASES[kind]
    arguments = args()
    url = reverse(name, args=arguments)
    a, b = client_for(first), client_for(second)
    page_a = form_data(a.get(url).content.decode())
    page_b = form_data(b.get(url).content.decode())
    value_a = VALUES.get(field_a, "Endret av den første")
    value_b = VALUES.get(field_b, "Endret av den andre")
    assert a.post(url, {**page_a, field_a: value_a}).status_code == 302
    response = b.post(url, {**page_b, field_b: value_b})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="stale"' in page and "mens du skrev" in page
    assert value_a in page  # theirs, beside one's own
    obj = stored(arguments)
    assert str(getattr(obj, field_a)) == value_a
    assert str(getattr(obj, field_b)) != value_b  # nothing of the second writer saved
    # Having seen both, the second writer saves again: now on purpose.
    again = b.post(url, form_data(page))
    assert again.status_code == 302
    assert str(getattr(stored(arguments), field_b)) == value_b


def test_saving_from_a_fresh_page_is_not_a_conflict():
    url = reverse("plans:measure_edit", args=["sor-troms-evenes", "2025-2026", 3])
    client = client_for("koordinator")
    for title in ("Første", "Andre"):
        data = form_data(client.get(url).content.decode())
        assert client.post(url, {**data, "title": title}).status_code == 302
    assert (
        Measure.objects.get(
            plan__school_year=2025, number=3, plan__partnership__slug="sor-troms-evenes"
        ).title
        == "Andre"
    )
