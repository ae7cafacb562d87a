"""Writing a progress report: creating the reports of a period (one per measure where the
scheme asks for it), saving the coordinators' texts field by field, and submitting; and
deleting an expense."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone

from lokomp.core.audit import log_action
from lokomp.core.forms import fingerprint
from lokomp.core.text import clean_text

from . import contents
from .contents import SUMMARY
from .models import Audience, Expense, ProgressReport, ReportText

TEXT_LIMIT = 10_000


def create_reports(report: ProgressReport, user) -> list[ProgressReport]:
    """Store the report, and for a report to Statsforvalteren one more for each measure of
    a scheme that asks for a report per measure."""
    with transaction.atomic():
        report.save()
        made = [report]
        log_action("reports.report.created", user=user, obj=report, partnership=report.partnership)
        if report.audience != Audience.COUNTY or report.measure_id:
            return made
        measures = (
            contents.measures_of(report)
            .filter(scheme__report_per_measure=True)
            .select_related("scheme")
            .order_by("plan__school_year", "number")
        )
        for measure in measures:
            made.append(
                ProgressReport.objects.create(
                    partnership=report.partnership,
                    audience=report.audience,
                    period_start=report.period_start,
                    period_end=report.period_end,
                    deadline=report.deadline,
                    scheme=measure.scheme,
                    measure=measure,
                )
            )
        return made


@dataclass
class Conflict:
    key: str
    label: str
    theirs: str
    yours: str


@dataclass
class TextsSaved:
    saved: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    too_long: list[str] = field(default_factory=list)


def stored_texts(report: ProgressReport) -> dict[str, str]:
    return contents.texts_of(report) | {SUMMARY: report.summary}


def seen_marks(texts: dict[str, str], keys: list[str]) -> dict[str, str]:
    """The fingerprint of each text as the page shows it."""
    return {key: fingerprint(texts.get(key, "")) for key in keys}


def save_texts(
    report: ProgressReport, posted, keys: list[str], labels: dict[str, str], user
) -> TextsSaved:
    """Save the texts this writer changed. A text someone else changed since the page was
    shown is not overwritten: it is returned as a conflict with both versions. A text the
    writer left alone is not written, so another writer's change to it stays."""
    result = TextsSaved()
    with transaction.atomic():
        locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
        if locked.submitted:
            return result
        now = stored_texts(locked)
        for key in keys:
            yours = clean_text(posted.get(f"text-{key}", "")).strip()
            seen = posted.get(f"seen-{key}", "")
            if fingerprint(yours) == seen or yours == now.get(key, ""):
                continue  # left as it was shown, or the same as stored
            if len(yours) > TEXT_LIMIT:
                result.too_long.append(key)
                continue
            if seen != fingerprint(now.get(key, "")):
                result.conflicts.append(Conflict(key, labels[key], now.get(key, ""), yours))
                continue
            if key == SUMMARY:
                locked.summary = yours
                locked.summary_updated_at = timezone.now()
                locked.save(update_fields=["summary", "summary_updated_at"])
            else:
                ReportText.objects.update_or_create(
                    report=locked, key=key, defaults={"text": yours, "updated_by": user}
                )
            result.saved.append(key)
        if result.saved:
            log_action(
                "reports.report.texts",
                user=user,
                obj=locked,
                partnership=locked.partnership,
                changes={labels[k]: "" for k in result.saved},
            )
    return result


def submit(report: ProgressReport, user, today: date) -> bool:
    """Freeze the report as it stands and mark it sent. False if it was sent already."""
    with transaction.atomic():
        locked = ProgressReport.objects.select_for_update().get(pk=report.pk)
        if locked.submitted:
            return False
        locked.snapshot = contents.content(locked, today)
        locked.submitted_at = timezone.now()
        locked.submitted_by = user
        locked.save(update_fields=["snapshot", "submitted_at", "submitted_by"])
        log_action(
            "reports.report.submitted", user=user, obj=locked, partnership=locked.partnership
        )
    return True


@transaction.atomic
def expense_delete(*, expense: Expense, user) -> None:
    """The expense goes, and the audit log says who deleted it, in one transaction: the
    entry is never written for an expense that stays, nor the expense lost without one."""
    partnership = expense.measure.plan.partnership
    log_action("reports.expense.deleted", user=user, obj=expense, partnership=partnership)
    expense.delete()
