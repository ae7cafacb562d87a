"""Every URL × every persona. A new page cannot be added without saying who may see it:
`test_every_url_is_in_the_matrix` fails until the page is listed here."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from lokomp.plans.models import Activity
from lokomp.registry.models import Institution, Owner, Unit

from .conftest import PERSONAS, client_for

P = list(PERSONAS)  # county_admin, forum_member, coordinator_a, coordinator_b, unit_leader,
#                     employee, share_county_admin, anonymous


def row(
    county_admin,
    forum_member,
    coordinator_a,
    coordinator_b,
    unit_leader,
    employee,
    share_county_admin,
    anonymous,
):
    return dict(
        zip(
            P,
            (
                county_admin,
                forum_member,
                coordinator_a,
                coordinator_b,
                unit_leader,
                employee,
                share_county_admin,
                anonymous,
            ),
            strict=True,
        )
    )


LOGIN = 302  # anonymous visitors are sent to the login page
ANYONE = row(200, 200, 200, 200, 200, 200, 200, 200)
SIGNED_IN = row(200, 200, 200, 200, 200, 200, 200, LOGIN)
# Partnership A's pages: its county, its coordinators, people in its member owners' units,
# and the county that takes a share of it. Partnership B's coordinator gets 404.
SEE_A = row(200, 200, 200, 404, 200, 200, 200, LOGIN)
EDIT_PLAN_A = row(403, 403, 200, 404, 403, 403, 403, LOGIN)
EDIT_PARTNERSHIP_A = row(200, 403, 200, 404, 403, 403, 403, LOGIN)
COUNTY_ADMIN_ONLY = row(200, 403, 403, 403, 403, 403, 403, LOGIN)
HARSTAD_UNIT = row(200, 200, 200, 404, 200, 200, 404, LOGIN)
HARSTAD_UNIT_EDIT = row(200, 403, 403, 404, 200, 403, 404, LOGIN)
HARSTAD_OWNER_EDIT = row(200, 403, 403, 404, 403, 403, 404, LOGIN)
UIT_EDIT = row(200, 403, 403, 403, 403, 403, 403, LOGIN)
# Needs reports are read by the partnership's coordinators and by the county (admin,
# forum, and the county that takes a share); units and employees do not read them.
READ_REPORT_A = row(200, 200, 200, 404, 404, 404, 200, LOGIN)
WRITE_REPORT_A = row(403, 403, 200, 404, 404, 404, 403, LOGIN)
COUNTY_55 = row(200, 200, 404, 404, 404, 404, 404, LOGIN)
COUNTY_55_ADMIN = row(200, 403, 404, 404, 404, 404, 404, LOGIN)
# POST-only actions answer 405 to GET; who may POST is tested in tests/needs.
POST_ONLY = row(405, 405, 405, 405, 405, 405, 405, LOGIN)


def _args(name):
    """URL arguments for each named URL, from the demo data."""
    from lokomp.needs.models import NeedsReport, Question, ReportTemplate
    from lokomp.partnerships.models import Partnership

    draft = NeedsReport.objects.get(template__year=2026, partnership__slug="sor-troms-evenes")
    submitted = NeedsReport.objects.get(template__year=2023)
    form = ReportTemplate.objects.get(county__number="55", year=2026)
    form_question = Question.objects.filter(section__template=form, answers__isnull=True).first()
    a = Partnership.objects.get(slug="sor-troms-evenes")
    unit = Unit.objects.get(name="Kanebogen skole")
    activity = Activity.objects.filter(measure__plan__partnership=a).first()
    plan = [a.slug, "2025-2026"]
    return {
        "core:home": [],
        "core:health": [],
        "core:when_preview": [],
        "accounts:login": [],
        "registry:units": [],
        "registry:unit_create": [],
        "registry:unit": [unit.pk],
        "registry:unit_edit": [unit.pk],
        "registry:owners": [],
        "registry:owner_create": [],
        "registry:owner": [Owner.objects.get(name="Harstad kommune").pk],
        "registry:owner_edit": [Owner.objects.get(name="Harstad kommune").pk],
        "registry:institutions": [],
        "registry:audit": [],
        "registry:institution_create": [],
        "registry:institution_edit": [Institution.objects.get(short_name="UiT").pk],
        "partnerships:list": [],
        "partnerships:detail": [a.slug],
        "partnerships:edit": [a.slug],
        "partnerships:audit": [a.slug],
        "partnerships:coordinators": [a.slug],
        "partnerships:plan_new": [a.slug],
        "plans:plan": plan,
        "plans:plan_edit": plan,
        "plans:calendar": plan,
        "plans:measure_create": plan,
        "plans:measure": [*plan, 3],
        "plans:measure_edit": [*plan, 3],
        "plans:measure_delete": [*plan, 3],
        "plans:activity_create": [*plan, 3],
        "plans:plan_pdf": plan,
        "plans:plan_docx": plan,
        "plans:plan_xlsx": plan,
        "plans:activity": [a.slug, activity.pk],
        "plans:activity_edit": [a.slug, activity.pk],
        "plans:activity_delete": [a.slug, activity.pk],
        "plans:partnership_feed": [a.calendar_token],
        "plans:unit_feed": [unit.calendar_token],
        "plans:public": [a.slug],
        "needs:list": [a.slug],
        "needs:new": [a.slug],
        "needs:report": [draft.pk],
        "needs:section": [draft.pk, 0],
        "needs:submit": [draft.pk],
        "needs:reopen": [submitted.pk],
        "needs:allow_late": [draft.pk],
        "needs:version": [submitted.pk, "1"],
        "needs:changes": [submitted.pk, 1],
        "needs:pdf": [submitted.pk, "1"],
        "needs:docx": [submitted.pk, "1"],
        "needs:county": ["55", 2026],
        "needs:county_zip": ["55", 2023],
        "needs:templates": ["55"],
        "needs:template": ["55", form.pk],
        "needs:template_copy": ["55", form.pk],
        "needs:question_edit": ["55", form_question.pk],
        "needs:question_new": ["55", form.pk],
        "needs:question_delete": ["55", form_question.pk],
    }[name]


MATRIX = {
    "core:home": ANYONE,
    "core:health": ANYONE,
    "core:when_preview": SIGNED_IN,
    "accounts:login": ANYONE,
    "registry:units": SIGNED_IN,
    "registry:unit_create": row(200, 403, 403, 403, 403, 403, 200, LOGIN),
    "registry:unit": HARSTAD_UNIT,
    "registry:unit_edit": HARSTAD_UNIT_EDIT,
    "registry:owners": SIGNED_IN,
    "registry:owner_create": row(200, 403, 403, 403, 403, 403, 200, LOGIN),
    "registry:owner": HARSTAD_UNIT,
    "registry:owner_edit": HARSTAD_OWNER_EDIT,
    "registry:institutions": SIGNED_IN,
    "registry:audit": row(200, 403, 403, 403, 403, 403, 200, LOGIN),
    "registry:institution_create": row(200, 403, 403, 403, 403, 403, 200, LOGIN),
    "registry:institution_edit": UIT_EDIT,
    "partnerships:list": SIGNED_IN,
    "partnerships:detail": SEE_A,
    "partnerships:edit": EDIT_PARTNERSHIP_A,
    "partnerships:audit": EDIT_PARTNERSHIP_A,
    "partnerships:coordinators": EDIT_PARTNERSHIP_A,
    "partnerships:plan_new": EDIT_PLAN_A,
    "plans:plan": SEE_A,
    "plans:plan_edit": EDIT_PLAN_A,
    "plans:calendar": SEE_A,
    "plans:measure_create": EDIT_PLAN_A,
    "plans:measure": SEE_A,
    "plans:measure_edit": EDIT_PLAN_A,
    "plans:measure_delete": EDIT_PLAN_A,
    "plans:activity_create": EDIT_PLAN_A,
    "plans:plan_pdf": SEE_A,
    "plans:plan_docx": SEE_A,
    "plans:plan_xlsx": SEE_A,
    "plans:activity": SEE_A,
    "plans:activity_edit": EDIT_PLAN_A,
    "plans:activity_delete": EDIT_PLAN_A,
    # Calendar feeds are opened by calendar programs that cannot log in: the secret token
    # in the link is the key (a wrong token is a 404, tested in test_ical).
    "plans:partnership_feed": ANYONE,
    "plans:unit_feed": ANYONE,
    "plans:public": ANYONE,
    "needs:list": READ_REPORT_A,
    "needs:new": EDIT_PLAN_A,
    "needs:report": READ_REPORT_A,
    "needs:section": READ_REPORT_A,
    "needs:submit": WRITE_REPORT_A,
    "needs:reopen": POST_ONLY,
    "needs:allow_late": POST_ONLY,
    "needs:version": READ_REPORT_A,
    "needs:changes": READ_REPORT_A,
    "needs:pdf": READ_REPORT_A,
    "needs:docx": READ_REPORT_A,
    "needs:county": COUNTY_55,
    "needs:county_zip": COUNTY_55,
    "needs:templates": COUNTY_55,
    "needs:template": COUNTY_55,
    "needs:template_copy": POST_ONLY,
    "needs:question_edit": COUNTY_55_ADMIN,
    "needs:question_new": COUNTY_55_ADMIN,
    "needs:question_delete": COUNTY_55_ADMIN,
}
# Left out on purpose: Django's own admin (staff only) and logout (POST only).
NOT_IN_MATRIX = {"accounts:logout"}


def _named_urls(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_urls(pattern, ns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def test_every_url_is_in_the_matrix():
    assert set(_named_urls()) - NOT_IN_MATRIX == set(MATRIX)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", P)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(name, persona):
    client = client_for(PERSONAS[persona])
    response = client.get(reverse(name, args=_args(name)))
    assert response.status_code == MATRIX[name][persona], (name, persona)
    if response.status_code == 302:
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name",
    ["plans:plan", "plans:calendar", "plans:plan_pdf", "plans:measure", "partnerships:detail"],
)
def test_partnership_b_pages_are_hidden_from_partnership_a(name, ost_finnmark):
    """The same rule the other way round: A's coordinator sees nothing of B."""
    args = {
        "plans:measure": [ost_finnmark.slug, "2025-2026", 1],
        "partnerships:detail": [ost_finnmark.slug],
    }.get(name, [ost_finnmark.slug, "2025-2026"])
    assert client_for("koordinator").get(reverse(name, args=args)).status_code == 404
    assert client_for("koordinator.ost").get(reverse(name, args=args)).status_code == 200


@pytest.mark.django_db
def test_activity_of_another_partnership_through_own_slug_is_404(ost_finnmark):
    """Changing the id in the URL does not reach another partnership's activity."""
    other = Activity.objects.filter(measure__plan__partnership=ost_finnmark).first()
    url = reverse("plans:activity", args=["sor-troms-evenes", other.pk])
    assert client_for("koordinator").get(url).status_code == 404
    url = reverse("plans:activity_edit", args=["sor-troms-evenes", other.pk])
    assert client_for("koordinator").post(url, {"title": "Kapret"}).status_code == 404
    other.refresh_from_db()
    assert other.title != "Kapret"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "who", "status"),
    [
        ("needs:reopen", "koordinator.ost", 404),
        ("needs:reopen", "nordland", 403),
        ("needs:allow_late", "rektor", 404),
        ("needs:template_copy", "nordland", 404),
        ("needs:section", "koordinator.ost", 404),
        ("needs:section", "statsforvalter", 403),
    ],
)
def test_posts_by_outsiders_and_readers(name, who, status):
    args = _args(name)
    assert client_for(who).post(reverse(name, args=args), {}).status_code == status
