"""What the round asks of people: the coordinators' needs reports by the deadline, the
forum members' scores by the recommendation deadline, and Statsforvalteren's decisions by
the decision deadline. Registered with the start page and the reminders (core/duties.py)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from django.db.models import Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lokomp.accounts.models import Role
from lokomp.accounts.scoping import holders
from lokomp.core.duties import Duty, DutyKind, register
from lokomp.needs.models import NeedsReport, ReportStatus

from .access import forum_reports
from .models import Conflict, Decision, Round, Score

SUBMIT, SCORE, DECIDE = "needs.submit", "allocation.score", "allocation.decide"


def _deadlines(reports: list[NeedsReport]) -> dict[tuple[int, int], date]:
    """The submission deadline of each (county, year) the reports belong to: the round's, or
    the scheme's default where the county has not opened a round."""
    pairs = {(r.partnership.county_id, r.template.year) for r in reports}
    found = {
        (county, year): deadline
        for county, year, deadline in Round.objects.filter(
            county__in={county for county, _year in pairs},
            year__in={year for _county, year in pairs},
        ).values_list("county_id", "year", "submission_deadline")
    }
    return {
        pair: found.get(pair) or Round.default(None, pair[1]).submission_deadline for pair in pairs
    }


def reports_to_submit(today: date, users: Collection[int] | None) -> list[Duty]:
    """Each partnership's needs report of its latest year, until it is sent in, for the
    partnership's coordinators (a reopened report is theirs again)."""
    coordinators = holders(Role.COORDINATOR, "partnership", users)
    if not coordinators:
        return []
    latest = (
        NeedsReport.objects.filter(partnership=OuterRef("partnership"))
        .order_by("-template__year")
        .values("template__year")[:1]
    )
    reports = list(
        NeedsReport.objects.filter(partnership__in=coordinators)
        .exclude(status=ReportStatus.SUBMITTED)
        .filter(template__year=Subquery(latest))
        .select_related("partnership", "template", "scheme")
    )
    deadlines = _deadlines(reports)
    return [
        Duty(
            kind=SUBMIT,
            user_id=user,
            key=f"needs.report:{report.pk}",
            title=format_lazy(
                _("Send inn {report} – {partnership} ({scheme}): {status}"),
                report=report.template.title,
                partnership=report.partnership,
                scheme=report.scheme,
                status=ReportStatus(report.status).label,
            ),
            url=reverse("needs:report", args=[report.pk]),
            due=deadlines[(report.partnership.county_id, report.template.year)],
        )
        for report in reports
        for user in coordinators[report.partnership_id]
    ]


def _open_rounds(counties: set[int], today: date, *, agreed: bool) -> list[Round]:
    """The counties' rounds of this year and the last that are still at the forum
    (`agreed=False`) or whose recommendation is agreed (`agreed=True`)."""
    rounds = Round.objects.filter(county__in=counties, year__gte=today.year - 1).select_related(
        "county"
    )
    has_agreed = Q(recommendation__agreed_at__isnull=False)
    return list(rounds.filter(has_agreed) if agreed else rounds.exclude(has_agreed))


def reports_to_score(today: date, users: Collection[int] | None) -> list[Duty]:
    """For each forum member, the round's submitted reports they have neither scored nor
    declared themselves conflicted in, until the recommendation is agreed."""
    members = holders(Role.FORUM_MEMBER, "county", users)
    duties = []
    for the_round in _open_rounds(set(members), today, agreed=False):
        reports = list(forum_reports(the_round.county, the_round.year).values_list("pk", flat=True))
        people = members[the_round.county_id]
        if not reports:
            continue
        done = set(
            Score.objects.filter(report__in=reports, member__in=people)
            .values_list("member_id", "report_id")
            .distinct()
        ) | set(
            Conflict.objects.filter(report__in=reports, user__in=people).values_list(
                "user_id", "report_id"
            )
        )
        for user in people:
            left = sum(1 for r in reports if (user, r) not in done)
            if left:
                duties.append(
                    Duty(
                        kind=SCORE,
                        user_id=user,
                        key=f"allocation.round:{the_round.pk}",
                        title=format_lazy(
                            _("Vurder {count} behovsmeldinger i {county} ({year})"),
                            count=left,
                            county=the_round.county,
                            year=the_round.year,
                        ),
                        url=reverse(
                            "allocation:forum", args=[the_round.county.number, the_round.year]
                        ),
                        due=the_round.recommendation_deadline,
                    )
                )
    return duties


def decisions_to_make(today: date, users: Collection[int] | None) -> list[Duty]:
    """For Statsforvalteren, once the forum's recommendation is agreed: the round's reports
    that have no decision yet."""
    admins = holders(Role.COUNTY_ADMIN, "county", users)
    duties = []
    for the_round in _open_rounds(set(admins), today, agreed=True):
        left = (
            forum_reports(the_round.county, the_round.year)
            .exclude(Exists(Decision.objects.filter(round=the_round, report=OuterRef("pk"))))
            .count()
        )
        if not left:
            continue
        duties.extend(
            Duty(
                kind=DECIDE,
                user_id=user,
                key=f"allocation.round:{the_round.pk}",
                title=format_lazy(
                    _("Fatt vedtak for {count} behovsmeldinger i {county} ({year})"),
                    count=left,
                    county=the_round.county,
                    year=the_round.year,
                ),
                url=reverse("allocation:decisions", args=[the_round.county.number, the_round.year]),
                due=the_round.decision_deadline,
            )
            for user in admins[the_round.county_id]
        )
    return duties


def register_kinds() -> None:
    register(
        DutyKind(
            SUBMIT,
            _("Behovsmeldinger som skal sendes inn"),
            reports_to_submit,
            legal=True,
            order=10,
        )
    )
    register(
        DutyKind(
            SCORE,
            _("Behovsmeldinger som venter på din vurdering"),
            reports_to_score,
            legal=True,
            order=20,
        )
    )
    register(DutyKind(DECIDE, _("Vedtak som skal fattes"), decisions_to_make, legal=True, order=30))
