"""What reporting asks of people: the coordinators send in each progress report by its
deadline. Registered with the start page and the reminders."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date

from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lokomp.accounts.models import Role
from lokomp.accounts.scoping import holders
from lokomp.core.duties import Duty, DutyKind, register

from .models import Audience, ProgressReport

PROGRESS = "reports.submit"


def progress_reports_due(today: date, users: Collection[int] | None) -> list[Duty]:
    coordinators = holders(Role.COORDINATOR, "partnership", users)
    if not coordinators:
        return []
    reports = ProgressReport.objects.filter(
        partnership__in=coordinators, submitted_at__isnull=True
    ).select_related("partnership", "scheme", "measure")
    return [
        Duty(
            kind=PROGRESS,
            user_id=user,
            key=f"reports.report:{report.pk}",
            title=format_lazy(
                _("Send inn fremdriftsrapporten {period} – {partnership} ({audience})"),
                period=f"{report.period_start:%d.%m.%Y}–{report.period_end:%d.%m.%Y}",
                partnership=report.partnership,
                audience=Audience(report.audience).label,
            ),
            url=reverse("reports:report", args=[report.partnership.slug, report.pk]),
            due=report.deadline,
        )
        for report in reports
        for user in coordinators[report.partnership_id]
    ]


def register_kinds() -> None:
    register(
        DutyKind(
            PROGRESS,
            _("Fremdriftsrapporter som skal sendes inn"),
            progress_reports_due,
            legal=True,
            order=60,
        )
    )
