"""Every URL × every persona. A new page cannot be added without saying who may see it:
`test_every_url_is_in_the_matrix` fails until the page is listed here."""

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from lokomp.plans.models import Activity
from lokomp.registry.models import Institution, Municipality, Owner, Unit

from .conftest import PERSONAS, client_for
from .db import db_writes

P = list(PERSONAS)  # county_admin, forum_member, coordinator_a, coordinator_b, unit_leader,
#                     employee, share_county_admin, owner_contact, anonymous


def row(
    county_admin,
    forum_member,
    coordinator_a,
    coordinator_b,
    unit_leader,
    employee,
    share_county_admin,
    owner_contact,
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
                owner_contact,
                anonymous,
            ),
            strict=True,
        )
    )


LOGIN = 302  # anonymous visitors are sent to the login page
ANYONE = row(200, 200, 200, 200, 200, 200, 200, 200, 200)
SIGNED_IN = row(200, 200, 200, 200, 200, 200, 200, 200, LOGIN)
# Partnership A's pages: its county, its coordinators, people in its member owners' units,
# the contact of a member owner, and the county that takes a share of it. Partnership B's
# coordinator gets 404.
SEE_A = row(200, 200, 200, 404, 200, 200, 200, 200, LOGIN)
EDIT_PLAN_A = row(403, 403, 200, 404, 403, 403, 403, 403, LOGIN)
EDIT_PARTNERSHIP_A = row(200, 403, 200, 404, 403, 403, 403, 403, LOGIN)
COUNTY_ADMIN_ONLY = row(200, 403, 403, 403, 403, 403, 403, 403, LOGIN)
HARSTAD_UNIT = row(200, 200, 200, 404, 200, 200, 404, 200, LOGIN)
HARSTAD_UNIT_EDIT = row(200, 403, 403, 404, 200, 403, 404, 200, LOGIN)
HARSTAD_OWNER_EDIT = row(200, 403, 403, 404, 403, 403, 404, 200, LOGIN)
UIT_EDIT = row(200, 403, 403, 403, 403, 403, 403, 403, LOGIN)
# Needs reports are read by the partnership's coordinators, by the county (admin, forum,
# and the county that takes a share) and by the contacts of its member owners (the report
# is made in partnership with them, and names the owner that receives the funds); units
# and employees do not read them.
READ_REPORT_A = row(200, 200, 200, 404, 404, 404, 200, 200, LOGIN)
WRITE_REPORT_A = row(403, 403, 200, 404, 404, 404, 403, 403, LOGIN)
# Only the home county's Statsforvalteren reopens a report or allows a late submission.
ADMIN_REPORT_A = row(200, 403, 403, 404, 404, 404, 403, 403, LOGIN)
COUNTY_55 = row(200, 200, 404, 404, 404, 404, 404, 404, LOGIN)
COUNTY_55_ADMIN = row(200, 403, 404, 404, 404, 404, 404, 404, LOGIN)
FORUM_55 = row(403, 200, 404, 404, 404, 404, 404, 404, LOGIN)
# A unit's staff list (names) is kept by its leader and its owner's contact, nobody else.
STAFF = row(404, 404, 404, 404, 200, 404, 404, 200, LOGIN)
# Partnership A's figures and groups, for those who lead (not a plain employee).
LEADS_A = row(200, 200, 200, 404, 200, 404, 200, 200, LOGIN)
# Progress reports are written by A's coordinators; those who lead read them.
WRITE_REPORTS_A = row(403, 403, 200, 404, 403, 404, 403, 403, LOGIN)
SELJESTAD_STAFF = row(404, 404, 404, 404, 404, 404, 404, 200, LOGIN)
# POST-only actions answer 405 to GET; who may POST is in POST_MATRIX.
POST_ONLY = row(405, 405, 405, 405, 405, 405, 405, 405, LOGIN)


_ARGS: dict[str, list] = {}


def _args(name):
    """URL arguments for each named URL, from the demo data: read once per session (the
    demo is loaded once and every test is rolled back, so the ids stay the same)."""
    if not _ARGS:
        _ARGS.update(_read_args())
    return _ARGS[name]


def _read_args():
    from lokomp.allocation.models import Decision, ForumTie
    from lokomp.needs.models import NeedsReport, Question, ReportTemplate
    from lokomp.partnerships.models import Partnership

    tie = ForumTie.objects.get(user__username="forum")
    from lokomp.evaluation.models import Indicator, ParentResource
    from lokomp.participation.models import (
        Employee,
        Network,
        OnboardingProgramme,
        SignUp,
        Supervision,
    )
    from lokomp.reports.models import Expense, ProgressReport

    progress = ProgressReport.objects.get(partnership__slug="sor-troms-evenes")
    from lokomp.evaluation.models import Survey

    survey = Survey.objects.get(title="Kompetansekartlegging")
    employee = Employee.objects.get(name="Siv Karlsen")
    network = Network.objects.get(name="Skolekoordinatorer og PPT")
    supervision = Supervision.objects.get(unit__name="Seljestad barnehage")
    decision = Decision.objects.get(number=1, round__year=2023)
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
        "plans:when_preview": [],
        "core:language": [],
        "core:message_settings": [],
        "core:outbox": [],
        "accounts:login": [],
        "accounts:external_login": ["feide"],
        "accounts:external_callback": ["feide"],
        "accounts:password_reset": [],
        "accounts:invitation": ["2f0b9b7e-6d1c-4a0e-9a77-1d3e5c2b8f41"],
        "accounts:password_reset_sent": [],
        "accounts:password_reset_confirm": ["MQ", "ugyldig-lenke"],
        "accounts:password_reset_done": [],
        "registry:units": [],
        "registry:unit_create": [],
        "registry:unit": [unit.pk],
        "registry:unit_edit": [unit.pk],
        "registry:unit_calendar_renew": [unit.pk],
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
        "partnerships:calendar_renew": [a.slug],
        "partnerships:coordinators": [a.slug],
        "partnerships:plan_new": [a.slug],
        "plans:plan": plan,
        "plans:plan_edit": plan,
        "plans:calendar": plan,
        "plans:planning_days": plan,
        "plans:plan_import": plan,
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
        "allocation:round": ["55", 2026],
        "allocation:round_settings": ["55", 2026],
        "allocation:round_next": ["55", 2026],
        "allocation:forum": ["55", 2023],
        "allocation:score": ["55", 2023, submitted.pk],
        "allocation:conflict": ["55", 2023, submitted.pk],
        "allocation:criteria": ["55"],
        "allocation:forum_members": ["55"],
        "allocation:tie_delete": ["55", tie.pk],
        "allocation:meeting": ["55", 2023],
        "allocation:agree": ["55", 2023],
        "allocation:recommendation_docx": ["55", 2023],
        "allocation:recommendation_pdf": ["55", 2023],
        "allocation:recommendation_xlsx": ["55", 2023],
        "allocation:decisions": ["55", 2023],
        "participation:staff": [unit.pk],
        "participation:employee_new": [unit.pk],
        "participation:employee": [unit.pk, employee.pk],
        "participation:staff_settings": [unit.pk],
        "participation:staff_import": [unit.pk],
        "participation:staff_import_review": [unit.pk],
        "participation:staff_csv": [unit.pk],
        "participation:staff_xlsx": [unit.pk],
        "participation:attendance_list": [unit.pk],
        "participation:my_activities": [],
        "participation:my_feed": [employee.calendar_token],
        "participation:check_in": ["HSTD26"],
        "participation:check_in_start": [],
        "participation:programmes": [a.slug],
        "participation:programme_new": [a.slug],
        "participation:programme": [
            a.slug,
            OnboardingProgramme.objects.get(title="Grunnpakke for nyansatte").pk,
        ],
        "participation:unit_onboarding": [unit.pk],
        "participation:county_coverage": ["55"],
        "participation:partnership_coverage": [a.slug],
        "participation:networks": [a.slug],
        "participation:network_new": [a.slug],
        "participation:network": [a.slug, network.pk],
        "participation:network_edit": [a.slug, network.pk],
        "participation:meeting_new": [a.slug, network.pk],
        "participation:meeting": [a.slug, network.pk, network.meetings.first().pk],
        "participation:supervisions": [a.slug],
        "participation:supervision_new": [a.slug],
        "participation:supervision": [a.slug, supervision.pk],
        "participation:supervision_edit": [a.slug, supervision.pk],
        "participation:session_new": [a.slug, supervision.pk],
        "participation:session": [a.slug, supervision.pk, supervision.sessions.first().pk],
        "participation:unit_supervision": [supervision.unit_id],
        "evaluation:activity_evaluation": [
            a.slug,
            Activity.objects.get(title="Dialogsamling august 2026").pk,
        ],
        "evaluation:xlsx": [
            a.slug,
            Activity.objects.get(title="Dialogsamling dag 1", measure__plan__school_year=2025).pk,
        ],
        "evaluation:answer": ["EVAL25"],
        "evaluation:questions": [a.slug],
        "evaluation:resources": [a.slug],
        "evaluation:resource_new": [a.slug],
        "evaluation:resource": [a.slug, ParentResource.objects.order_by("pk").first().pk],
        "evaluation:unit_resources": [unit.pk],
        "evaluation:indicators": [a.slug],
        "evaluation:indicators_import": [a.slug],
        "evaluation:indicator_new": [a.slug],
        "evaluation:indicator": [a.slug, Indicator.objects.order_by("pk").first().pk],
        "evaluation:unit_indicators": [unit.pk],
        "evaluation:surveys": [a.slug],
        "evaluation:survey_new": [a.slug],
        "evaluation:survey": [a.slug, survey.pk],
        "evaluation:survey_edit": [a.slug, survey.pk],
        "evaluation:survey_answer": ["KART25"],
        "reports:list": [a.slug],
        "reports:report": [a.slug, progress.pk],
        "reports:submit": [a.slug, progress.pk],
        "reports:pdf": [a.slug, progress.pk],
        "reports:docx": [a.slug, progress.pk],
        "reports:expenses": [a.slug],
        "reports:expense": [a.slug, Expense.objects.order_by("pk").first().pk],
        "reports:county": ["55"],
        "reports:national": [],
        "participation:check_in_code": [
            "sor-troms-evenes",
            Activity.objects.get(title="Spørretime for nyansatte").pk,
        ],
        "participation:teams_import": [
            "sor-troms-evenes",
            Activity.objects.get(title="Digital dialogsamling for skole").pk,
        ],
        "participation:my_sign_up": [Activity.objects.get(title="Spørretime for nyansatte").pk],
        "participation:sign_up": [
            unit.pk,
            Activity.objects.get(title="Dialogsamling dag 1", measure__plan__school_year=2025).pk,
        ],
        "participation:sign_up_cancel": [unit.pk, SignUp.objects.get().pk],
        "participation:attendance": [
            unit.pk,
            Activity.objects.get(title="Dialogsamling dag 1", measure__plan__school_year=2025).pk,
        ],
        "allocation:decision_new": ["55", 2023, submitted.pk],
        "allocation:county_report": ["55", 2023],
        "allocation:decision": [decision.pk],
        "allocation:decision_correct": [decision.pk],
        "allocation:payment_new": [decision.pk],
        "allocation:decision_docx": [decision.pk],
        "allocation:decision_pdf": [decision.pk],
        "needs:county_zip": ["55", 2023],
        "needs:templates": ["55"],
        "needs:template": ["55", form.pk],
        "needs:template_copy": ["55", form.pk],
        "needs:question_edit": ["55", form_question.pk],
        "needs:question_new": ["55", form.pk],
        "needs:question_delete": ["55", form_question.pk],
    }


MATRIX = {
    "core:home": ANYONE,
    "core:health": ANYONE,
    "core:when_preview": SIGNED_IN,
    "plans:when_preview": SIGNED_IN,
    "core:language": row(405, 405, 405, 405, 405, 405, 405, 405, 405),
    # Everyone chooses how they hear of their duties; the outbox is the service
    # administrator's (a superuser, not a persona), so everyone else gets 404.
    "core:message_settings": SIGNED_IN,
    "core:outbox": row(404, 404, 404, 404, 404, 404, 404, 404, LOGIN),
    "accounts:login": ANYONE,
    # Feide and ID-porten are not set up here: 404 for all. Signing in through them, and who
    # it lets in, is tested against a real provider in tests/accounts/test_external_login.py.
    "accounts:external_login": row(404, 404, 404, 404, 404, 404, 404, 404, 404),
    "accounts:external_callback": row(404, 404, 404, 404, 404, 404, 404, 404, 404),
    "accounts:password_reset": ANYONE,
    # An unknown invitation: 404 for everyone (a real one: tests/partnerships).
    "accounts:invitation": row(404, 404, 404, 404, 404, 404, 404, 404, LOGIN),
    "accounts:password_reset_sent": ANYONE,
    "accounts:password_reset_confirm": ANYONE,  # an unknown link: "Lenken er brukt …"
    "accounts:password_reset_done": ANYONE,
    "registry:units": SIGNED_IN,
    "registry:unit_create": row(200, 403, 403, 403, 403, 403, 200, 200, LOGIN),
    "registry:unit": HARSTAD_UNIT,
    "registry:unit_edit": HARSTAD_UNIT_EDIT,
    "registry:unit_calendar_renew": POST_ONLY,
    "registry:owners": SIGNED_IN,
    "registry:owner_create": row(200, 403, 403, 403, 403, 403, 200, 403, LOGIN),
    "registry:owner": HARSTAD_UNIT,
    "registry:owner_edit": HARSTAD_OWNER_EDIT,
    "registry:institutions": SIGNED_IN,
    "registry:audit": row(200, 403, 403, 403, 403, 403, 200, 403, LOGIN),
    "registry:institution_create": row(200, 403, 403, 403, 403, 403, 200, 403, LOGIN),
    "registry:institution_edit": UIT_EDIT,
    "partnerships:list": SIGNED_IN,
    "partnerships:detail": SEE_A,
    "partnerships:edit": EDIT_PARTNERSHIP_A,
    "partnerships:audit": EDIT_PARTNERSHIP_A,
    "partnerships:calendar_renew": POST_ONLY,
    "partnerships:coordinators": EDIT_PARTNERSHIP_A,
    "partnerships:plan_new": EDIT_PLAN_A,
    "plans:plan": SEE_A,
    "plans:plan_edit": EDIT_PLAN_A,
    "plans:calendar": SEE_A,
    "plans:planning_days": SEE_A,
    "plans:plan_import": EDIT_PLAN_A,
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
    "allocation:round": COUNTY_55,
    "allocation:round_settings": COUNTY_55_ADMIN,
    "allocation:round_next": POST_ONLY,
    "allocation:forum": COUNTY_55,
    "allocation:score": COUNTY_55,
    "allocation:conflict": POST_ONLY,
    "allocation:criteria": COUNTY_55,
    "allocation:forum_members": COUNTY_55_ADMIN,
    "allocation:tie_delete": POST_ONLY,
    "allocation:meeting": COUNTY_55,
    "allocation:agree": POST_ONLY,
    "allocation:recommendation_docx": COUNTY_55,
    "allocation:recommendation_pdf": COUNTY_55,
    "allocation:recommendation_xlsx": COUNTY_55,
    "allocation:decisions": COUNTY_55,
    "participation:staff": STAFF,
    "participation:employee_new": STAFF,
    "participation:employee": STAFF,
    "participation:staff_settings": STAFF,
    "participation:staff_import": STAFF,
    "participation:staff_import_review": STAFF,
    "participation:staff_csv": STAFF,
    "participation:staff_xlsx": STAFF,
    "participation:attendance_list": STAFF,
    # An employee's own page; everyone else has none.
    "participation:my_activities": row(404, 404, 404, 404, 404, 200, 404, 404, LOGIN),
    "participation:my_sign_up": POST_ONLY,
    # An employee's own calendar, by its secret link (Siv Karlsen's): no login.
    "participation:my_feed": ANYONE,
    # Check-in in the room needs no login (the code is shown there); the coordinators make
    # the code and read Teams reports.
    "participation:check_in_start": ANYONE,
    "participation:check_in": ANYONE,
    "participation:check_in_code": EDIT_PLAN_A,
    # The onboarding programmes are read where the partnership is read, and written by
    # its coordinators; a unit's page names its new employees, for those who keep the list.
    "participation:programmes": SEE_A,
    "participation:programme_new": EDIT_PLAN_A,
    "participation:programme": EDIT_PLAN_A,
    "participation:unit_onboarding": STAFF,
    # Coverage (numbers, no names) for those who lead: not for a plain employee.
    "participation:county_coverage": COUNTY_55,
    "participation:partnership_coverage": LEADS_A,
    # Networks and supervision: read by those who lead, kept by the coordinators; who took
    # part in supervision is recorded by those who keep the unit's staff list (Seljestad
    # barnehage: Harstad's owner contact, not the leader of another school).
    "participation:networks": LEADS_A,
    "participation:network": LEADS_A,
    "participation:network_new": EDIT_PLAN_A,
    "participation:network_edit": EDIT_PLAN_A,
    "participation:meeting_new": EDIT_PLAN_A,
    "participation:meeting": EDIT_PLAN_A,
    "participation:supervisions": LEADS_A,
    "participation:supervision": LEADS_A,
    "participation:supervision_new": EDIT_PLAN_A,
    "participation:supervision_edit": EDIT_PLAN_A,
    "participation:session_new": EDIT_PLAN_A,
    "participation:session": EDIT_PLAN_A,
    "participation:unit_supervision": SELJESTAD_STAFF,
    # Evaluation results (five answers or more, no names) for those who lead; anyone
    # answers through the link.
    "evaluation:activity_evaluation": LEADS_A,
    "evaluation:xlsx": LEADS_A,
    "evaluation:answer": ANYONE,
    "evaluation:questions": LEADS_A,
    "evaluation:resources": LEADS_A,
    "evaluation:resource_new": EDIT_PLAN_A,
    "evaluation:resource": EDIT_PLAN_A,
    "evaluation:unit_resources": STAFF,
    "evaluation:indicators": LEADS_A,
    # Importing is for those who keep a unit's figures: its leader and the owner's contact.
    "evaluation:indicators_import": STAFF,
    "evaluation:indicator_new": EDIT_PLAN_A,
    "evaluation:indicator": EDIT_PLAN_A,
    "evaluation:unit_indicators": STAFF,
    "evaluation:surveys": LEADS_A,
    "evaluation:survey_new": EDIT_PLAN_A,
    "evaluation:survey": LEADS_A,
    "evaluation:survey_edit": EDIT_PLAN_A,
    # The link staff answer through, without logging in.
    "evaluation:survey_answer": ANYONE,
    "reports:list": LEADS_A,
    "reports:report": LEADS_A,
    "reports:submit": POST_ONLY,
    "reports:pdf": LEADS_A,
    "reports:docx": LEADS_A,
    "reports:expenses": LEADS_A,
    "reports:expense": WRITE_REPORTS_A,
    "reports:county": COUNTY_55,
    # The national view is the directorate's alone (tests/reports).
    "reports:national": row(404, 404, 404, 404, 404, 404, 404, 404, LOGIN),
    "participation:teams_import": EDIT_PLAN_A,
    "participation:attendance": STAFF,
    "participation:sign_up": STAFF,
    "participation:sign_up_cancel": POST_ONLY,
    "allocation:decision_new": COUNTY_55_ADMIN,
    "allocation:county_report": COUNTY_55,
    # A decision is read by whoever reads its report: the partnership sees its own.
    "allocation:decision": READ_REPORT_A,
    "allocation:decision_correct": COUNTY_55_ADMIN,
    "allocation:payment_new": POST_ONLY,
    "allocation:decision_docx": READ_REPORT_A,
    "allocation:decision_pdf": READ_REPORT_A,
    "needs:county_zip": COUNTY_55,
    "needs:templates": COUNTY_55,
    "needs:template": COUNTY_55,
    "needs:template_copy": POST_ONLY,
    "needs:question_edit": COUNTY_55_ADMIN,
    "needs:question_new": COUNTY_55_ADMIN,
    "needs:question_delete": COUNTY_55_ADMIN,
}

# Every request that changes something. WRITE: the allowed persona's request is carried out
# (a redirect, rows written); PAGE: allowed, and answered with the page itself because the
# demo data gives it nothing to do (the draft report is not ready to submit); REDIRECT:
# allowed, and nothing stored (an anonymous visitor's language lives in a cookie). A reader gets
# 403, an outsider 404, an anonymous visitor the login page, and none of them writes a row.
WRITE, PAGE, REDIRECT = "write", "page", "redirect"


def allowed(matrix_row, how=WRITE):
    return {p: how if status == 200 else status for p, status in matrix_row.items()}


POST_MATRIX = {
    # Anyone asks for a reset link: the same answer for every address, nothing stored.
    "accounts:password_reset": {p: REDIRECT for p in P},
    "accounts:invitation": MATRIX["accounts:invitation"],
    # A new password through an unknown link changes nothing (the real link: tests/accounts).
    "accounts:password_reset_confirm": {p: PAGE for p in P},
    # Anyone chooses bokmål or nynorsk; a signed-in user's choice is stored on the user.
    "core:language": {p: REDIRECT if p == "anonymous" else WRITE for p in P},
    "core:message_settings": allowed(SIGNED_IN),
    "registry:unit_create": allowed(MATRIX["registry:unit_create"]),
    "registry:unit_edit": allowed(HARSTAD_UNIT_EDIT),
    "registry:owner_create": allowed(MATRIX["registry:owner_create"]),
    "registry:owner_edit": allowed(HARSTAD_OWNER_EDIT),
    "registry:institution_create": allowed(MATRIX["registry:institution_create"]),
    "registry:institution_edit": allowed(UIT_EDIT),
    "partnerships:edit": allowed(EDIT_PARTNERSHIP_A),
    "partnerships:calendar_renew": allowed(EDIT_PARTNERSHIP_A),
    "registry:unit_calendar_renew": allowed(HARSTAD_UNIT_EDIT),
    "partnerships:coordinators": allowed(EDIT_PARTNERSHIP_A),
    "partnerships:plan_new": allowed(EDIT_PLAN_A),
    "plans:plan_edit": allowed(EDIT_PLAN_A),
    # Reading a pasted table shows what would be imported; nothing is stored before the
    # confirmation (tests/plans/test_import.py).
    "plans:plan_import": allowed(EDIT_PLAN_A, PAGE),
    # Planning days: the coordinators, and Harstad's owner contact for Harstad (the form
    # posted is Harstad's); everyone else who sees the plan is refused.
    "plans:planning_days": allowed(row(403, 403, 200, 404, 403, 403, 403, 200, LOGIN)),
    "plans:measure_create": allowed(EDIT_PLAN_A),
    "plans:measure_edit": allowed(EDIT_PLAN_A),
    "plans:measure_delete": allowed(EDIT_PLAN_A),
    "plans:activity_create": allowed(EDIT_PLAN_A),
    "plans:activity_edit": allowed(EDIT_PLAN_A),
    "plans:activity_delete": allowed(EDIT_PLAN_A),
    "needs:new": allowed(EDIT_PLAN_A),
    "needs:section": allowed(WRITE_REPORT_A),
    "needs:submit": allowed(WRITE_REPORT_A, PAGE),
    "needs:reopen": allowed(ADMIN_REPORT_A),
    "needs:allow_late": allowed(ADMIN_REPORT_A),
    "allocation:round_settings": allowed(COUNTY_55_ADMIN),
    "allocation:round_next": allowed(COUNTY_55_ADMIN),
    # Forum members score and declare themselves conflicted; Statsforvalteren reads the
    # scores but does not score.
    "allocation:score": allowed(FORUM_55),
    "allocation:conflict": allowed(FORUM_55),
    "allocation:criteria": allowed(COUNTY_55_ADMIN),
    "allocation:forum_members": allowed(COUNTY_55_ADMIN),
    "allocation:tie_delete": allowed(COUNTY_55_ADMIN),
    # Statsforvalteren writes the forum's recommendation in the meeting; members read it.
    "allocation:meeting": allowed(COUNTY_55_ADMIN),
    "allocation:agree": allowed(COUNTY_55_ADMIN),
    # The 2023 report has its decision: a second one is refused with the reason on the
    # page (making one is tested in tests/allocation/test_decisions.py).
    "allocation:decision_new": allowed(COUNTY_55_ADMIN, PAGE),
    "allocation:decision_correct": allowed(COUNTY_55_ADMIN),
    "allocation:payment_new": allowed(row(200, 403, 403, 404, 404, 404, 403, 403, LOGIN)),
    "participation:employee_new": allowed(STAFF),
    "participation:employee": allowed(STAFF),
    "participation:staff_settings": allowed(STAFF),
    # Reading a file stores nothing until it is confirmed (tests/participation).
    "participation:staff_import": allowed(STAFF, PAGE),
    "participation:staff_import_review": allowed(STAFF, PAGE),
    "participation:attendance": allowed(STAFF),
    "participation:sign_up": allowed(STAFF),
    "participation:sign_up_cancel": allowed(STAFF),
    # An employee signs themselves up; nobody else is an employee on a list.
    "participation:my_sign_up": allowed(MATRIX["participation:my_activities"]),
    # Check-in is open on the activity's day only: today the page says so and stores nothing
    # (checking in is tested in tests/participation/test_check_in.py).
    "participation:check_in": {p: PAGE for p in P},
    "participation:check_in_code": allowed(EDIT_PLAN_A),
    "participation:programme_new": allowed(EDIT_PLAN_A),
    "participation:programme": allowed(EDIT_PLAN_A),
    "participation:unit_onboarding": allowed(STAFF),
    "participation:network_new": allowed(EDIT_PLAN_A),
    "participation:network_edit": allowed(EDIT_PLAN_A),
    "participation:meeting_new": allowed(EDIT_PLAN_A),
    "participation:meeting": allowed(EDIT_PLAN_A),
    "participation:supervision_new": allowed(EDIT_PLAN_A),
    "participation:supervision_edit": allowed(EDIT_PLAN_A),
    "participation:session_new": allowed(EDIT_PLAN_A),
    "participation:session": allowed(EDIT_PLAN_A),
    "participation:unit_supervision": allowed(SELJESTAD_STAFF),
    # Coordinators open an evaluation; those who only read are refused.
    "evaluation:activity_evaluation": allowed(row(403, 403, 200, 404, 403, 404, 403, 403, LOGIN)),
    # The demo's evaluation closed in August 2025: the page says so, and nothing is stored.
    "evaluation:answer": {p: PAGE for p in P},
    "evaluation:questions": allowed(row(403, 403, 200, 404, 403, 404, 403, 403, LOGIN)),
    "evaluation:resource_new": allowed(EDIT_PLAN_A),
    "evaluation:resource": allowed(EDIT_PLAN_A),
    "evaluation:unit_resources": allowed(STAFF),
    "evaluation:indicator_new": allowed(EDIT_PLAN_A),
    "evaluation:indicator": allowed(EDIT_PLAN_A),
    "evaluation:unit_indicators": allowed(STAFF),
    "evaluation:survey_new": allowed(EDIT_PLAN_A),
    "evaluation:survey": allowed(WRITE_REPORTS_A),
    "evaluation:survey_edit": allowed(EDIT_PLAN_A),
    # The demo's waves are closed: the answer page says so and stores nothing.
    "evaluation:survey_answer": {p: PAGE for p in P},
    "reports:list": allowed(WRITE_REPORTS_A),
    "reports:report": allowed(WRITE_REPORTS_A),
    "reports:submit": allowed(WRITE_REPORTS_A),
    "reports:expenses": allowed(WRITE_REPORTS_A),
    "reports:expense": allowed(WRITE_REPORTS_A),
    # Reading a file stores nothing until it is confirmed (tests/evaluation).
    "evaluation:indicators_import": allowed(STAFF, PAGE),
    # Reading a report stores nothing until it is confirmed (tests/participation).
    "participation:teams_import": allowed(EDIT_PLAN_A, PAGE),
    "needs:template_copy": allowed(COUNTY_55_ADMIN),
    "needs:question_edit": allowed(COUNTY_55_ADMIN),
    "needs:question_new": allowed(COUNTY_55_ADMIN),
    "needs:question_delete": allowed(COUNTY_55_ADMIN),
}
# Pages that only show, and POSTs that change nothing stored (login is tested in accounts).
READ_ONLY = {
    name
    for name in MATRIX
    if name.split(":")[1]
    in (
        "home",
        "health",
        "when_preview",
        "outbox",
        "units",
        "unit",
        "owners",
        "owner",
        "institutions",
        "audit",
        "list",
        "detail",
        "plan",
        "calendar",
        "measure",
        "activity",
        "plan_pdf",
        "plan_docx",
        "plan_xlsx",
        "partnership_feed",
        "unit_feed",
        "public",
        "report",
        "version",
        "changes",
        "pdf",
        "docx",
        "county_zip",
        "round",
        "forum",
        "recommendation_docx",
        "recommendation_pdf",
        "recommendation_xlsx",
        "decisions",
        "county_report",
        "county",
        "national",
        "surveys",
        "decision",
        "decision_docx",
        "decision_pdf",
        "staff",
        "staff_csv",
        "staff_xlsx",
        "attendance_list",
        "my_activities",
        "check_in_start",
        "my_feed",
        "programmes",
        "county_coverage",
        "partnership_coverage",
        "networks",
        "network",
        "xlsx",
        "resources",
        "indicators",
        "supervisions",
        "supervision",
        "templates",
        "template",
        "login",
        "external_login",
        "external_callback",
        "password_reset_sent",
        "password_reset_done",
    )
} - set(POST_MATRIX)


def _fill(name, data, persona):
    """What a user would type into the form so that it is valid."""
    from lokomp.needs.models import NeedsReport, ReportTemplate
    from lokomp.needs.standard_forms import template_copy

    filled = {
        "registry:unit_create": {"name": "Nyskolen", "staff_count": "12"},
        "registry:owner_create": {"name": "Ny eier AS", "org_number": "974760673"},
        "registry:institution_create": {
            "name": "Ny høgskole",
            "short_name": "NH",
            "org_number": "974760673",
        },
        "partnerships:coordinators": {"email": "ny@lokomp.example", "side": "owner"},
        "partnerships:plan_new": {"school_year": "2031"},
        "plans:measure_create": {"title": "Nytt tiltak", "when_text": "Høst 2025"},
        "plans:activity_create": {"title": "Ny samling", "when_text": "Uke 44"},
        "allocation:round_settings": {"frame_kompetanseloftet": "4 000 000"},
        "allocation:conflict": {"reason": "Jeg sitter i styringsgruppa."},
        "allocation:criteria": {"k-0-text": "Behovene er vurdert sammen med UH og eierne."},
        "allocation:forum_members": {"owner": "", "institution": "", "organisation": "PBL"},
        "allocation:agree": {"meeting_date": "2023-03-10"},
        "allocation:payment_new": {"recipient": "uh", "paid_on": "2023-05-20", "amount": "100 000"},
        "allocation:decision_correct": {"conditions": "Rapport innen 1. februar."},
        "participation:employee_new": {"name": "Ny Ansatt", "role": "laerer"},
        "participation:employee": {"name": "Siv Karlsen Berg"},
        "participation:staff_settings": {"counts_only": "on"},
        "participation:my_sign_up": {"handling": "meld-pa"},
        "participation:programme_new": {
            "title": "Nytt program",
            "window_start": "2026-08-01",
            "steps": "Webinar 1",
        },
        "participation:programme": {"due_days": "120"},
        "participation:network_new": {"kind": "network", "name": "Nytt nettverk"},
        "participation:network_edit": {"name": "Nytt navn"},
        "participation:meeting_new": {"date": "2026-12-01", "format": "digital"},
        "participation:meeting": {"minutes": "Nytt referat"},
        "participation:supervision_new": {"school_year": "2027"},
        "participation:supervision_edit": {"supervisors": "UiT"},
        "participation:session_new": {"date": "2027-01-15", "format": "digital"},
        "participation:session": {"notes": "Kort notat"},
        "evaluation:questions": {"s-0-text": "Innholdet var nyttig."},
        "evaluation:resource_new": {"title": "Ny film", "kind": "film"},
        "evaluation:resource": {"title": "Nytt navn"},
        "evaluation:unit_resources": {"used_on": "2026-11-20", "occasion": "Foreldremøte"},
        "evaluation:indicator_new": {"name": "Avvik", "definition": "Antall avvik."},
        "evaluation:indicator": {"name": "Uro"},
        "evaluation:survey_new": {"title": "Ny kartlegging", "questions": "# Tema\nPåstand"},
        "evaluation:survey": {
            "name": "Høst 2027",
            "opens_on": "2027-10-01",
            "closes_on": "2027-10-31",
        },
        "evaluation:survey_edit": {"title": "Nytt navn"},
        "reports:list": {"period_start": "2026-01-01", "period_end": "2026-12-31"},
        "reports:report": {"text-summary": "Skrevet på nytt."},
        "reports:expenses": {
            "recipient": "uh",
            "spent_on": "2026-09-01",
            "amount": "12 500",
            "description": "Bevertning",
        },
        "reports:expense": {"amount": "13 000"},
        "needs:question_new": {"text": "Nytt spørsmål", "kind": "text"},
        "core:language": {"language": "nn", "next": "/"},
        "core:message_settings": {"needs.submit": "weekly", "allocation.score": "weekly"},
        "accounts:password_reset": {"email": "ukjent@example.no"},
        "plans:plan_import": {
            "paste": "\tHVA\tHVORDAN\tMÅLGRUPPE\tNÅR\tANSVAR\n"
            "Tiltak 1\tSamling\tFysisk\tAlle ansatte\tUke 36\tUiT\n"
        },
    }.get(name, {})
    if name == "plans:planning_days":
        harstad = Municipality.objects.get(name="Harstad")
        data.clear()
        data[f"k{harstad.pk}-dates"] = "13.08.2025, 14.08.2025"
    data.update(filled)
    if name == "needs:new":
        form = ReportTemplate.objects.get(county__number="55", year=2026)
        data["template"] = str(template_copy(template=form, year=2027).pk)
        data["copy_from"] = str(NeedsReport.objects.get(template=form).pk)
    if name == "allocation:score":
        from lokomp.allocation.models import Criterion

        first = Criterion.objects.filter(county__number="55", kind="scale").first()
        data[f"q{first.pk}-choice"] = "4"
    if name == "participation:sign_up":
        from lokomp.participation.models import Employee

        data[f"p-{Employee.objects.get(name='Siv Karlsen').pk}"] = "1"
    if name == "participation:unit_onboarding":
        from lokomp.participation.models import Employee, OnboardingStep

        nora = Employee.objects.get(name="Nora Aas")
        last = OnboardingStep.objects.filter(programme__title="Grunnpakke for nyansatte").last()
        data[f"s-{nora.pk}-{last.pk}"] = "on"
    if name == "evaluation:unit_indicators":
        from lokomp.evaluation.models import Indicator

        data[f"v{Indicator.objects.order_by('pk').first().pk}"] = "17"
    if name == "participation:attendance":
        from lokomp.participation.models import Employee

        data[f"a-{Employee.objects.get(name='Emil Rasmussen').pk}"] = "1"
    if name == "allocation:meeting":
        from lokomp.allocation.models import Recommendation

        # The demo's 2023 recommendation is agreed; open it, as Statsforvalteren would.
        Recommendation.objects.update(agreed_at=None, agreed_by=None)
        report = NeedsReport.objects.get(template__year=2023)
        line = report.recommendation_lines.get()
        data[f"r{report.pk}-priority"] = "2"
        data[f"r{report.pk}-rev"] = str(line.revision)
    if name == "needs:section":
        answer = next(k for k, v in data.items() if k[1:].isdigit() and isinstance(v, str))
        data[answer] = "Skrevet på nytt"
    return data


def _payload(client, name, persona):
    from .forms import form_data

    url = reverse(name, args=_args(name))
    page = client.get(url)
    data = form_data(page.content.decode(), choose_first=True) if page.status_code == 200 else {}
    return _fill(name, data, persona)


def _allowed_persona(name):
    return next(
        (p for p, expected in POST_MATRIX[name].items() if expected in (WRITE, PAGE, REDIRECT)),
        None,
    )


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


def test_every_url_says_whether_it_changes_anything():
    assert set(POST_MATRIX) | READ_ONLY == set(MATRIX)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(POST_MATRIX))
def test_post_matrix(name):
    """Each persona posts the form as the allowed persona filled it in: the allowed one
    changes something, everyone else is refused and writes nothing."""
    url = reverse(name, args=_args(name))
    allowed_persona = _allowed_persona(name)
    payload = (
        _payload(client_for(PERSONAS[allowed_persona]), name, allowed_persona)
        if allowed_persona
        else {}
    )
    for persona, expected in POST_MATRIX[name].items():
        client = client_for(PERSONAS[persona])
        data = payload
        if expected in (WRITE, PAGE, REDIRECT) and persona != allowed_persona:
            data = _payload(client, name, persona)
        with transaction.atomic():
            before = db_writes()
            response = client.post(url, data)
            written = db_writes() - before
            transaction.set_rollback(True)
        if expected == WRITE:
            assert response.status_code == 302 and written, (persona, response.status_code)
        elif expected == PAGE:
            assert response.status_code == 200 and not written, persona
        elif expected == REDIRECT:
            assert response.status_code == 302 and not written, persona
        else:
            assert response.status_code == expected, (persona, response.status_code)
            assert written == 0, (persona, "a refused request wrote to the database")
            if expected == LOGIN:
                assert response["Location"].startswith(reverse("accounts:login"))
