"""Progress reports (fremdriftsrapporter): what a partnership did in a period, structured
by the goals and measures of its action plans. The figures are read from the plans,
attendance, evaluations and the economy; the coordinators write the text. A submitted
report keeps what it said (`snapshot`), as the county received it."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lokomp.allocation.models import MAX_AMOUNT
from lokomp.needs.models import Recipient


class Audience(models.TextChoices):
    COUNTY = "county", _("Til Statsforvalteren")
    STEERING_GROUP = "steering", _("Til styringsgruppen")


def default_deadline(period_end: datetime.date) -> datetime.date:
    """Reports to Statsforvalteren are due on 15 January after the period."""
    return datetime.date(period_end.year + 1, 1, 15)


class ProgressReport(models.Model):
    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="progress_reports"
    )
    audience = models.CharField(
        _("Mottaker"), max_length=10, choices=Audience.choices, default=Audience.COUNTY
    )
    period_start = models.DateField(_("Perioden fra"))
    period_end = models.DateField(_("Til og med"))
    deadline = models.DateField(_("Frist"))
    scheme = models.ForeignKey(
        "partnerships.Scheme",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("Ordning"),
        help_text=_("Tom: alle ordningene."),
    )
    # A report of its own for one measure, where the scheme asks for that.
    measure = models.ForeignKey(
        "plans.Measure", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    summary = models.TextField(_("Samlet vurdering"), blank=True, max_length=10_000)
    summary_updated_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    snapshot = models.JSONField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_end", "audience", "scheme__order", "pk"]
        verbose_name = _("fremdriftsrapport")
        verbose_name_plural = _("fremdriftsrapporter")

    def __str__(self) -> str:
        return f"{self.partnership} {self.period_start:%d.%m.%Y}–{self.period_end:%d.%m.%Y}"

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None


class ReportText(models.Model):
    """What the coordinators write about one goal or one measure."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="texts")
    key = models.CharField(max_length=20)  # "goal-12", "measure-5"
    text = models.TextField(blank=True, max_length=10_000)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "key"], name="report_text_once")]

    def __str__(self) -> str:
        return f"{self.report} {self.key}"


class Expense(models.Model):
    """Money spent on a measure (regnskap), by recipient of the grant."""

    measure = models.ForeignKey("plans.Measure", on_delete=models.CASCADE, related_name="expenses")
    recipient = models.CharField(_("Mottaker"), max_length=5, choices=Recipient.choices)
    spent_on = models.DateField(_("Dato"))
    amount = models.BigIntegerField(_("Beløp (kr)"), validators=[MaxValueValidator(MAX_AMOUNT)])
    description = models.CharField(_("Hva pengene gikk til"), max_length=300)
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["spent_on", "pk"]
        indexes = [models.Index(fields=["measure", "spent_on"])]
        verbose_name = _("utgift")
        verbose_name_plural = _("utgifter")

    def __str__(self) -> str:
        return f"{self.description}: {self.amount} kr"
