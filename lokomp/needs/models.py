"""Needs reports (behovsmelding): versioned forms as data, answers, budget, frozen versions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lokomp.partnerships.models import Partnership, Scheme
from lokomp.plans.models import ActionPlan
from lokomp.registry.models import County


class ReportTemplate(models.Model):
    """One version of the needs report form, for a county and a year. Data, not code: a
    county admin starts next year's as a copy and changes it."""

    county = models.ForeignKey(County, on_delete=models.PROTECT, related_name="report_templates")
    year = models.PositiveSmallIntegerField(
        _("År"), help_text=_("2026 for behovsmeldingen 2026–2027.")
    )
    title = models.CharField(_("Tittel"), max_length=300)
    introduction = models.TextField(_("Innledning"), blank=True)
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="copies"
    )

    class Meta:
        unique_together = [("county", "year")]
        ordering = ["county", "-year"]
        verbose_name = _("skjema")
        verbose_name_plural = _("skjemaer")

    def __str__(self) -> str:
        return self.title

    def all_questions(self) -> list[Question]:
        """Every question of the form in order, read once per object (one query)."""
        cached = getattr(self, "_all_questions", None)
        if cached is None:
            cached = list(
                Question.objects.filter(section__template=self)
                .select_related("section")
                .order_by("section__order", "section_id", "order", "id")
            )
            self._all_questions = cached
        return cached


class TemplateSection(models.Model):
    template = models.ForeignKey(ReportTemplate, on_delete=models.CASCADE, related_name="sections")
    number = models.CharField(_("Nummer"), max_length=10, blank=True)
    title = models.CharField(_("Tittel"), max_length=300)
    help_text = models.TextField(_("Veiledning"), blank=True)
    order = models.PositiveSmallIntegerField(_("Rekkefølge"), default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Tekst")
    YES_NO = "yes_no", _("Ja/nei")
    YES_NO_TEXT = "yes_no_text", _("Ja/nei med forklaring")
    CONFIRMATION = "confirmation", _("Bekreftelse")
    PERIOD = "period", _("Dato eller periode")
    NUMBERS_PER_MUNICIPALITY = "numbers", _("Antall per kommune")
    PARTNERS = "partners", _("Partnere")
    BUDGET = "budget", _("Budsjett")
    GOALS = "goals", _("Mål")
    MEASURES = "measures", _("Tiltak")
    COORDINATOR_REASON = "coordinator", _("Begrunnelse for koordinator")


class Question(models.Model):
    section = models.ForeignKey(TemplateSection, on_delete=models.CASCADE, related_name="questions")
    number = models.CharField(_("Nummer"), max_length=10, blank=True)
    text = models.TextField(_("Spørsmål"))
    help_text = models.TextField(_("Veiledning"), blank=True)
    kind = models.CharField(_("Type"), max_length=16, choices=QuestionKind.choices)
    word_limit = models.PositiveIntegerField(_("Høyst antall ord"), null=True, blank=True)
    required = models.BooleanField(_("Må besvares"), default=True)
    # Kind-specific settings, e.g. {"unit_kind": "skole", "owner_kind": "municipal"} for
    # numbers per municipality, {"part": "funds_owner"} for partners.
    options = models.JSONField(default=dict, blank=True)
    order = models.PositiveSmallIntegerField(_("Rekkefølge"), default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return f"{self.number} {self.text[:60]}".strip()


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Utkast")
    SUBMITTED = "submitted", _("Sendt inn")
    REOPENED = "reopened", _("Gjenåpnet")


class NeedsReport(models.Model):
    """A partnership's needs report for a year and scheme. Its goals and measures are the
    action plan's for that school year: editing them here edits the plan."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="needs_reports"
    )
    template = models.ForeignKey(ReportTemplate, on_delete=models.PROTECT, related_name="reports")
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, verbose_name=_("Ordning"))
    plan = models.ForeignKey(ActionPlan, on_delete=models.PROTECT, related_name="needs_reports")
    status = models.CharField(
        max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    late_submission_allowed = models.BooleanField(_("Kan sendes etter fristen"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("partnership", "template", "scheme")]
        ordering = ["-template__year", "partnership__name"]
        verbose_name = _("behovsmelding")
        verbose_name_plural = _("behovsmeldinger")

    def __str__(self) -> str:
        return gettext("Behovsmelding %(year)s – %(partnership)s") % {
            "year": self.year_label,
            "partnership": self.partnership,
        }

    @property
    def year(self) -> int:
        return self.template.year

    @property
    def year_label(self) -> str:
        return self.plan.school_year_label if self.plan.school_year == self.year else str(self.year)

    @property
    def is_editable(self) -> bool:
        return self.status != ReportStatus.SUBMITTED


class Answer(models.Model):
    report = models.ForeignKey(NeedsReport, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    text = models.TextField(blank=True)
    choice = models.BooleanField(null=True, blank=True)
    # Numbers per municipality ({"Harstad": 11}), hand corrections of partner facts, etc.
    data = models.JSONField(default=dict, blank=True)
    # Raised on every save, so a second editor working from an older page is caught.
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )

    class Meta:
        unique_together = [("report", "question")]

    def __str__(self) -> str:
        return gettext("Svar på %(question)s") % {"question": self.question}


class Recipient(models.TextChoices):
    OWNER = "owner", _("Eier")
    UH = "uh", _("UH")


class BudgetLine(models.Model):
    """One year's request for one recipient, with the shares of how it is spent."""

    report = models.ForeignKey(NeedsReport, on_delete=models.CASCADE, related_name="budget")
    year = models.PositiveSmallIntegerField(_("År"))
    recipient = models.CharField(max_length=5, choices=Recipient.choices)
    amount = models.BigIntegerField(_("Beløp (kr)"), null=True, blank=True)
    estimate = models.BooleanField(_("Anslag"), default=False)
    share_assess = models.PositiveSmallIntegerField(_("Kartlegge behov (%)"), null=True, blank=True)
    share_plan = models.PositiveSmallIntegerField(_("Planlegge (%)"), null=True, blank=True)
    share_carry_out = models.PositiveSmallIntegerField(_("Gjennomføre (%)"), null=True, blank=True)
    share_coordinate = models.PositiveSmallIntegerField(_("Koordinator (%)"), null=True, blank=True)
    own_contribution = models.BigIntegerField(_("Egenandel (kr)"), null=True, blank=True)

    class Meta:
        unique_together = [("report", "year", "recipient")]
        ordering = ["year", "recipient"]

    def __str__(self) -> str:
        return f"{self.get_recipient_display()} {self.year}: {self.amount or 0} kr"

    @property
    def shares(self) -> list[int | None]:
        return [self.share_assess, self.share_plan, self.share_carry_out, self.share_coordinate]


class ReportVersion(models.Model):
    """A submitted, frozen version. Its snapshot holds everything the report said, so it
    is shown and printed from here and never changes."""

    report = models.ForeignKey(NeedsReport, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    snapshot = models.JSONField()
    submitted_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        unique_together = [("report", "number")]
        ordering = ["report", "number"]

    def __str__(self) -> str:
        return gettext("Versjon %(number)s") % {"number": self.number}
