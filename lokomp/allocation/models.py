"""The county's yearly round (runde): deadlines, frames per scheme, the invitation.

A round is read from the county and the year. Until Statsforvalteren saves one, the
scheme's default dates hold (`Round.default`), so a county that never opens the settings
still has a round with deadlines."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lokomp.core.validators import validate_account_number, validate_org_number
from lokomp.needs.models import Recipient
from lokomp.partnerships.models import Scheme
from lokomp.registry.models import County

# A frame is whole kroner; no county frame comes near a thousand billion.
MAX_AMOUNT = 999_999_999_999


class Round(models.Model):
    county = models.ForeignKey(County, on_delete=models.CASCADE, related_name="rounds")
    year = models.PositiveSmallIntegerField(_("År"))
    submission_deadline = models.DateField(_("Frist for behovsmeldinger"))
    recommendation_deadline = models.DateField(_("Frist for innstilling fra samarbeidsforum"))
    decision_deadline = models.DateField(_("Frist for vedtak"))
    invitation = models.TextField(
        _("Invitasjon"),
        blank=True,
        help_text=_("Teksten partnerskapene ser over behovsmeldingen for året."),
    )

    class Meta:
        unique_together = [("county", "year")]
        ordering = ["county", "-year"]
        verbose_name = _("runde")
        verbose_name_plural = _("runder")

    def __str__(self) -> str:
        return gettext("Runde %(year)s i %(county)s") % {"year": self.year, "county": self.county}

    @classmethod
    def default(cls, county: County | None, year: int) -> Round:
        """The round as the scheme sets it out, before the county changes anything: needs
        reports by 1 February, the forum's recommendation by 15 March, the decision by the
        end of April."""
        return cls(
            county=county,
            year=year,
            submission_deadline=date(year, 2, 1),
            recommendation_deadline=date(year, 3, 15),
            decision_deadline=date(year, 4, 30),
        )

    def clean(self):
        if (
            self.submission_deadline
            and self.recommendation_deadline
            and self.recommendation_deadline < self.submission_deadline
        ):
            raise ValidationError(
                {
                    "recommendation_deadline": _(
                        "Innstillingen kan ikke ha frist før behovsmeldingene."
                    )
                }
            )
        if (
            self.recommendation_deadline
            and self.decision_deadline
            and self.decision_deadline < self.recommendation_deadline
        ):
            raise ValidationError(
                {"decision_deadline": _("Vedtaket kan ikke ha frist før innstillingen.")}
            )


class Frame(models.Model):
    """The year's frame (ramme) for one scheme in the county, in whole kroner."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="frames")
    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, verbose_name=_("Ordning"))
    amount = models.BigIntegerField(_("Ramme (kr)"), validators=[MaxValueValidator(MAX_AMOUNT)])

    class Meta:
        unique_together = [("round", "scheme")]
        ordering = ["scheme__order"]
        verbose_name = _("ramme")
        verbose_name_plural = _("rammer")

    def __str__(self) -> str:
        return f"{self.scheme}: {self.amount} kr"


def frames_of(the_round: Round) -> dict[int, int]:
    """The round's frames, scheme id → kroner (none for a round not saved yet)."""
    if the_round.pk is None:
        return {}
    return dict(Frame.objects.filter(round=the_round).values_list("scheme_id", "amount"))


def round_for(county: County, year: int) -> Round:
    """The county's round for the year: the stored one, or the scheme's defaults (unsaved)."""
    return Round.objects.filter(county=county, year=year).first() or Round.default(county, year)


def submission_deadline(county_id: int, year: int) -> date:
    """The county's deadline for the year's needs reports; 1 February by default."""
    found = (
        Round.objects.filter(county_id=county_id, year=year)
        .values_list("submission_deadline", flat=True)
        .first()
    )
    return found or Round.default(None, year).submission_deadline


class CriterionKind(models.TextChoices):
    """The question kinds a scoring form uses (`core.questions`)."""

    SCALE = "scale", _("Skala 1–5")
    TEXT = "text", _("Tekst")
    YES_NO_TEXT = "yes_no_text", _("Ja/nei med forklaring")


class Criterion(models.Model):
    """A criterion (tildelingskriterium) of the county's scoring form: a question on the
    question engine, answered by each forum member for each report. Data per county."""

    county = models.ForeignKey(County, on_delete=models.CASCADE, related_name="criteria")
    number = models.CharField(_("Nummer"), max_length=10, blank=True)
    text = models.TextField(_("Kriterium"), max_length=1000)
    help_text = models.TextField(_("Veiledning"), blank=True, max_length=2000)
    kind = models.CharField(
        _("Type"), max_length=16, choices=CriterionKind.choices, default=CriterionKind.SCALE
    )
    required = models.BooleanField(_("Må besvares"), default=True)
    word_limit = models.PositiveIntegerField(_("Høyst antall ord"), null=True, blank=True)
    options = models.JSONField(default=dict, blank=True)
    order = models.PositiveSmallIntegerField(_("Rekkefølge"), default=0)
    # A criterion that has been scored is never deleted; it is taken out of use.
    active = models.BooleanField(_("I bruk"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("tildelingskriterium")
        verbose_name_plural = _("tildelingskriterier")

    def __str__(self) -> str:
        return f"{self.number} {self.text[:60]}".strip()


class ForumTie(models.Model):
    """What a forum member represents in the forum: an owner, a UH institution, or another
    organisation (KS, PBL, a union). A tie to an owner or institution in a report makes
    the member conflicted (inhabil) for that report."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_ties"
    )
    county = models.ForeignKey(County, on_delete=models.CASCADE, related_name="+")
    owner = models.ForeignKey(
        "registry.Owner", null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("Eier")
    )
    institution = models.ForeignKey(
        "registry.Institution",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        verbose_name=_("UH-institusjon"),
    )
    organisation = models.CharField(
        _("Annen organisasjon"), max_length=200, blank=True, help_text=_("For eksempel KS.")
    )

    class Meta:
        verbose_name = _("tilknytning i samarbeidsforum")
        verbose_name_plural = _("tilknytninger i samarbeidsforum")

    def __str__(self) -> str:
        return str(self.owner or self.institution or self.organisation)


class Conflict(models.Model):
    """A forum member declared conflicted (inhabil) for a report, with the reason; ties to
    an owner or institution in the report count without a declaration."""

    report = models.ForeignKey(
        "needs.NeedsReport", on_delete=models.CASCADE, related_name="conflicts"
    )
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("Grunn"), max_length=500)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        unique_together = [("report", "user")]
        verbose_name = _("inhabilitet")
        verbose_name_plural = _("inhabiliteter")

    def __str__(self) -> str:
        return gettext("%(user)s er inhabil: %(reason)s") % {
            "user": self.user,
            "reason": self.reason,
        }


class Score(models.Model):
    """A forum member's answer to one criterion for one report (text, choice and data, as
    the question engine stores answers), made while reading a submitted version."""

    report = models.ForeignKey("needs.NeedsReport", on_delete=models.CASCADE, related_name="scores")
    version = models.ForeignKey(
        "needs.ReportVersion", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(blank=True)
    choice = models.BooleanField(null=True, blank=True)
    data = models.JSONField(default=dict, blank=True)
    # The point on a 1–5 scale, as a column of its own so that averages are computed in the
    # database.
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        unique_together = [("report", "criterion", "member")]
        verbose_name = _("vurdering")
        verbose_name_plural = _("vurderinger")

    def __str__(self) -> str:
        return gettext("Vurdering av %(report)s") % {"report": self.report_id}


class Recommendation(models.Model):
    """The forum's recommendation (innstilling) for a round: the priority and proposed
    amounts per report, agreed in the forum's meeting."""

    round = models.OneToOneField(Round, on_delete=models.CASCADE, related_name="recommendation")
    meeting_date = models.DateField(_("Møtedato"), null=True, blank=True)
    notes = models.TextField(_("Referat fra møtet"), blank=True)
    agreed_at = models.DateTimeField(_("Vedtatt"), null=True, blank=True)
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("innstilling")
        verbose_name_plural = _("innstillinger")

    def __str__(self) -> str:
        return gettext("Innstilling %(year)s i %(county)s") % {
            "year": self.round.year,
            "county": self.round.county,
        }

    @property
    def is_agreed(self) -> bool:
        return self.agreed_at is not None


class RecommendationLine(models.Model):
    """One report in the recommendation: its place in the priority, the reasons, and the
    amounts proposed per year and recipient (`ProposedAmount`)."""

    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.CASCADE, related_name="lines"
    )
    report = models.ForeignKey(
        "needs.NeedsReport", on_delete=models.PROTECT, related_name="recommendation_lines"
    )
    priority = models.PositiveSmallIntegerField(_("Prioritet"), null=True, blank=True)
    reason = models.TextField(_("Begrunnelse"), blank=True)
    # Raised on every save, so a second writer working from an older page is told.
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        unique_together = [("recommendation", "report")]
        verbose_name = _("linje i innstillingen")
        verbose_name_plural = _("linjer i innstillingen")

    def __str__(self) -> str:
        return str(self.report)


class ProposedAmount(models.Model):
    line = models.ForeignKey(RecommendationLine, on_delete=models.CASCADE, related_name="amounts")
    year = models.PositiveSmallIntegerField(_("År"))
    recipient = models.CharField(max_length=5, choices=Recipient.choices)
    amount = models.BigIntegerField(_("Beløp (kr)"), validators=[MaxValueValidator(MAX_AMOUNT)])

    class Meta:
        unique_together = [("line", "year", "recipient")]
        ordering = ["year", "recipient"]

    def __str__(self) -> str:
        return f"{self.year} {self.recipient}: {self.amount} kr"


class Decision(models.Model):
    """Statsforvalteren's decision (vedtak) for one report: the grants per recipient for
    the round's year and the commitments (tilsagn) for later years. A decision is never
    changed: a correction is a new decision that replaces it."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="decisions")
    report = models.ForeignKey(
        "needs.NeedsReport", on_delete=models.PROTECT, related_name="decisions"
    )
    number = models.PositiveIntegerField(_("Vedtak nr."))
    conditions = models.TextField(_("Vilkår"), blank=True)
    reason = models.TextField(_("Begrunnelse"), blank=True)
    replaces = models.OneToOneField(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replaced_by",
        verbose_name=_("Erstatter vedtak"),
    )
    decided_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        unique_together = [("round", "number")]
        ordering = ["round", "number"]
        verbose_name = _("vedtak")
        verbose_name_plural = _("vedtak")

    def __str__(self) -> str:
        return gettext("Vedtak %(number)s/%(year)s") % {
            "number": self.number,
            "year": self.round.year,
        }


class Grant(models.Model):
    """One recipient's amount for one year in a decision: granted for the round's year, a
    commitment for a later year."""

    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="grants")
    year = models.PositiveSmallIntegerField(_("År"))
    recipient = models.CharField(max_length=5, choices=Recipient.choices)
    recipient_name = models.CharField(_("Mottaker"), max_length=200)
    org_number = models.CharField(
        _("Organisasjonsnummer"), max_length=11, validators=[validate_org_number]
    )
    account_number = models.CharField(
        _("Kontonummer"), max_length=13, validators=[validate_account_number]
    )
    amount = models.BigIntegerField(_("Beløp (kr)"), validators=[MaxValueValidator(MAX_AMOUNT)])

    class Meta:
        unique_together = [("decision", "year", "recipient")]
        ordering = ["year", "recipient"]
        verbose_name = _("tilskudd")
        verbose_name_plural = _("tilskudd")

    def __str__(self) -> str:
        return f"{self.recipient_name} {self.year}: {self.amount} kr"


class Payment(models.Model):
    """Money paid out under a decision: date, amount and recipient."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="payments")
    recipient = models.CharField(_("Mottaker"), max_length=5, choices=Recipient.choices)
    paid_on = models.DateField(_("Utbetalt"))
    amount = models.BigIntegerField(_("Beløp (kr)"), validators=[MaxValueValidator(MAX_AMOUNT)])
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["paid_on", "pk"]
        verbose_name = _("utbetaling")
        verbose_name_plural = _("utbetalinger")

    def __str__(self) -> str:
        return f"{self.paid_on:%d.%m.%Y}: {self.amount} kr"
