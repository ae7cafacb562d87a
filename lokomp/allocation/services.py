"""Changing a round: one transaction, one audit entry with every changed field."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext, gettext_lazy

from lokomp.accounts.models import Role, RoleAssignment, User
from lokomp.core.audit import log_action, save_with_audit
from lokomp.core.outbox import notify
from lokomp.needs.models import ReportTemplate
from lokomp.needs.standard_forms import template_copy

from .forms import RoundForm
from .models import Conflict, ForumTie, Frame, Round, round_for

ROUND_OPENED = "allocation.round.opened"


def _a_year_on(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


class RoundRefused(Exception):
    """Next year's round cannot be started from this one; the message says why."""


def next_round_refused(county, year: int, this: Round, *, today: date) -> str:
    """Why next year's round cannot be started from this year's, or "" if it can: only from
    the county's latest round, and only while next year's deadline is still ahead."""
    if Round.objects.filter(county=county, year__gt=year + 1).exists():
        return gettext("Runden for et senere år er alt startet.")
    if _a_year_on(this.submission_deadline) <= today:
        return gettext("Fristen for neste års behovsmeldinger ville vært passert.")
    return ""


@transaction.atomic
def round_start_next(*, county, year: int, user) -> tuple[Round, bool]:
    """Next year's round from this year's: the deadlines a year on, the invitation text kept,
    this year's needs-report form copied where next year has none, and the invitation
    recorded for every coordinator of the county's partnerships. Starting it twice starts
    it once (returns the round and whether it was made now)."""
    this = round_for(county, year)
    refused = next_round_refused(county, year, this, today=timezone.localdate())
    if refused:
        raise RoundRefused(refused)
    following, made = Round.objects.select_for_update().get_or_create(
        county=county,
        year=year + 1,
        defaults={
            "submission_deadline": _a_year_on(this.submission_deadline),
            "recommendation_deadline": _a_year_on(this.recommendation_deadline),
            "decision_deadline": _a_year_on(this.decision_deadline),
            "invitation": this.invitation,
        },
    )
    if not made:
        return following, False
    log_action(
        "allocation.round.started",
        user=user,
        obj=following,
        changes={"year": [None, following.year]},
        county=county,
    )
    form = ReportTemplate.objects.filter(county=county, year=year).first()
    if form and not ReportTemplate.objects.filter(county=county, year=year + 1).exists():
        template_copy(template=form, year=year + 1)
    _invite(following)
    return following, True


def _invite(the_round: Round) -> int:
    """The round's invitation to each coordinator of the county's partnerships, with a link
    to their partnership's needs reports (once, however many partnerships they coordinate)."""
    first: dict[int, str] = {}
    for user_id, slug in (
        RoleAssignment.objects.filter(role=Role.COORDINATOR, partnership__county=the_round.county)
        .order_by("partnership__name")
        .values_list("user_id", "partnership__slug")
    ):
        first.setdefault(user_id, slug)
    site = settings.SITE_URL.rstrip("/")
    return notify(
        kind=ROUND_OPENED,
        key=f"allocation.round:{the_round.pk}",
        occasion="invitation",
        recipients=[
            (
                coordinator,
                {
                    "round": the_round,
                    "url": site + reverse("needs:list", args=[first[coordinator.pk]]),
                },
            )
            for coordinator in User.objects.filter(pk__in=first).order_by("pk")
        ],
        subject=format_lazy(
            gettext_lazy("Behovsmeldingen for {year} kan skrives: frist {deadline}"),
            year=the_round.year,
            deadline=f"{the_round.submission_deadline:%d.%m.%Y}",
        ),
        template="allocation/mail/round_opened.txt",
    )


@transaction.atomic
def round_save(*, form: RoundForm, user) -> Round:
    """Save the round's settings and frames from a valid form. A blank frame removes the
    scheme's frame."""
    saved = save_with_audit(form, user=user, action="allocation.round", county=form.instance.county)
    for scheme_id, amount in form.frames().items():
        if amount is None:
            Frame.objects.filter(round=saved, scheme_id=scheme_id).delete()
        else:
            Frame.objects.update_or_create(
                round=saved, scheme_id=scheme_id, defaults={"amount": amount}
            )
    return saved


@transaction.atomic
def criteria_save(*, formset, county, user) -> None:
    """Save the county's criteria from a valid formset; each change is logged."""
    for form in formset.forms:
        offered = getattr(form, "offered", False)
        if (form.has_changed() or offered) and (form.instance.pk or form.cleaned_data.get("text")):
            form.instance.county = county
            save_with_audit(form, user=user, action="allocation.criterion", county=county)


@transaction.atomic
def tie_add(*, county, member, owner=None, institution=None, organisation: str = "", user):
    tie = ForumTie(
        user=member, county=county, owner=owner, institution=institution, organisation=organisation
    )
    tie.full_clean()
    tie.save()
    log_action(
        "allocation.forum_tie.added",
        user=user,
        obj=tie,
        changes={str(member): [None, str(tie)]},
        county=county,
    )
    return tie


@transaction.atomic
def tie_remove(*, tie: ForumTie, user) -> None:
    log_action(
        "allocation.forum_tie.removed",
        user=user,
        obj=tie,
        changes={str(tie.user): [str(tie), None]},
        county=tie.county,
    )
    tie.delete()


@transaction.atomic
def conflict_declare(*, report, member, reason: str, user) -> Conflict:
    """A member is conflicted (inhabil) for a report from now on. Scores they gave before
    are kept as they were but count nowhere (`forum.counted_scores`)."""
    conflict, _created = Conflict.objects.update_or_create(
        report=report, user=member, defaults={"reason": reason, "declared_by": user}
    )
    log_action(
        "allocation.conflict.declared",
        user=user,
        obj=report,
        changes={str(member): [None, reason]},
        county=report.partnership.county,
    )
    return conflict
