"""Quick evaluations after an activity: a short form per partnership (statements on a
scale from 1 to 5 and free-text questions, on the question engine), answered through a
link or QR code without login, once per device. A response is never tied to a person: the
device is known only by a keyed digest of a random cookie, different for each evaluation,
so two evaluations' responses cannot be linked either."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Results of a group smaller than this are never shown (shared/DESIGN.md: anonymity).
SMALLEST_GROUP = 5


class QuestionKind(models.TextChoices):
    """The question kinds an evaluation uses (`core.questions`)."""

    SCALE = "scale", _("Skala 1–5")
    TEXT = "text", _("Tekst")


class EvaluationQuestion(models.Model):
    """One question of a partnership's evaluation form. Data, edited by the coordinators;
    a question that has answers is taken out of use, never deleted."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="evaluation_questions"
    )
    number = models.CharField(_("Nummer"), max_length=10, blank=True)
    text = models.TextField(_("Spørsmål eller påstand"), max_length=1000)
    help_text = models.TextField(_("Veiledning"), blank=True, max_length=2000)
    kind = models.CharField(
        _("Type"), max_length=16, choices=QuestionKind.choices, default=QuestionKind.SCALE
    )
    required = models.BooleanField(_("Må besvares"), default=False)
    word_limit = models.PositiveIntegerField(_("Høyst antall ord"), null=True, blank=True)
    options = models.JSONField(default=dict, blank=True)
    order = models.PositiveSmallIntegerField(_("Rekkefølge"), default=0)
    active = models.BooleanField(_("I bruk"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("evalueringsspørsmål")
        verbose_name_plural = _("evalueringsspørsmål")

    def __str__(self) -> str:
        return self.text[:60]


class Evaluation(models.Model):
    """The evaluation of one activity: its code (the link and QR code) and the days it
    takes answers."""

    activity = models.OneToOneField(
        "plans.Activity", on_delete=models.CASCADE, related_name="evaluation"
    )
    code = models.CharField(max_length=8, unique=True)
    opens_on = models.DateField(_("Åpen fra"))
    closes_on = models.DateField(_("Åpen til og med"))
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("evaluering")
        verbose_name_plural = _("evalueringer")

    def __str__(self) -> str:
        return str(self.activity)


class Response(models.Model):
    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="responses")
    # A keyed digest of the device's random cookie and the evaluation: "this device has
    # answered", and nothing about who.
    device = models.CharField(max_length=64)
    submitted_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "device"], name="response_once")
        ]

    def __str__(self) -> str:
        return f"{self.evaluation} {self.submitted_on}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(
        EvaluationQuestion, on_delete=models.PROTECT, related_name="answers"
    )
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, max_length=5000)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="answer_once")]

    def __str__(self) -> str:
        return f"{self.question}: {self.value or self.text[:40]}"


class ResourceKind(models.TextChoices):
    FILM = "film", _("Kort film")
    REFLECTION = "reflection", _("Refleksjonsoppgave")
    OTHER = "other", _("Annet")


class ParentResource(models.Model):
    """A resource for parent meetings (foreldresamarbeid): a short film or a reflection
    task, published on the partnership's public page."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="parent_resources"
    )
    title = models.CharField(_("Tittel"), max_length=200)
    kind = models.CharField(_("Type"), max_length=12, choices=ResourceKind.choices)
    description = models.TextField(_("Beskrivelse"), blank=True, max_length=5000)
    link = models.URLField(_("Lenke"), blank=True, max_length=500)
    published = models.BooleanField(_("Publisert på den offentlige siden"), default=True)
    order = models.PositiveSmallIntegerField(_("Rekkefølge"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "title", "pk"]
        verbose_name = _("ressurs for foreldremøter")
        verbose_name_plural = _("ressurser for foreldremøter")

    def __str__(self) -> str:
        return self.title


class ResourceUse(models.Model):
    """Where and when a unit used a resource (a parent meeting, a class)."""

    resource = models.ForeignKey(ParentResource, on_delete=models.PROTECT, related_name="uses")
    unit = models.ForeignKey(
        "registry.Unit", on_delete=models.CASCADE, related_name="resource_uses"
    )
    used_on = models.DateField(_("Dato"))
    occasion = models.CharField(_("Hvor (møte, trinn, avdeling)"), max_length=200)
    parents = models.PositiveIntegerField(_("Antall foresatte (valgfritt)"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-used_on", "pk"]
        verbose_name = _("bruk av ressurs")
        verbose_name_plural = _("bruk av ressurser")

    def __str__(self) -> str:
        return f"{self.resource} {self.used_on}"


class Aggregate(models.TextChoices):
    SUM = "sum", _("Summeres (antall)")
    AVERAGE = "average", _("Snitt (andel, prosent)")


class Term(models.TextChoices):
    AUTUMN = "autumn", _("høst")
    SPRING = "spring", _("vår")


class Indicator(models.Model):
    """An indicator the partnership follows (uro, avvik, fravær, meldepliktssaker), with
    its definition, registered per unit and term."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="indicators"
    )
    name = models.CharField(_("Navn"), max_length=200)
    definition = models.TextField(_("Definisjon"), max_length=3000)
    aggregate = models.CharField(
        _("Slås sammen som"), max_length=10, choices=Aggregate.choices, default=Aggregate.SUM
    )
    order = models.PositiveSmallIntegerField(_("Rekkefølge"), default=0)
    active = models.BooleanField(_("I bruk"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "name", "pk"]
        verbose_name = _("indikator")
        verbose_name_plural = _("indikatorer")

    def __str__(self) -> str:
        return self.name


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    unit = models.ForeignKey(
        "registry.Unit", on_delete=models.CASCADE, related_name="indicator_values"
    )
    school_year = models.PositiveSmallIntegerField()
    term = models.CharField(max_length=6, choices=Term.choices)
    value = models.DecimalField(max_digits=12, decimal_places=2)
    recorded_at = models.DateTimeField(auto_now=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "unit", "school_year", "term"], name="indicator_value_once"
            )
        ]
        ordering = ["school_year", "term", "pk"]

    def __str__(self) -> str:
        return f"{self.indicator} {self.unit} {self.school_year} {self.term}: {self.value}"


class Survey(models.Model):
    """A competence mapping (kartlegging) answered by the staff of the partnership's units,
    repeated in waves (autumn 2023, autumn 2025) to see the change."""

    partnership = models.ForeignKey(
        "partnerships.Partnership", on_delete=models.CASCADE, related_name="surveys"
    )
    title = models.CharField(_("Tittel"), max_length=200)
    description = models.TextField(_("Innledning"), blank=True, max_length=5000)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = _("kartlegging")
        verbose_name_plural = _("kartlegginger")

    def __str__(self) -> str:
        return self.title


class SurveyQuestion(models.Model):
    """A statement (scale 1–5) or an open question, in a group (inclusion, leadership …);
    kept like the evaluation form's questions (`core.questions`)."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    group = models.CharField(_("Tema"), max_length=200)
    number = models.CharField(_("Nummer"), max_length=10, blank=True)
    text = models.TextField(_("Påstand eller spørsmål"), max_length=1000)
    help_text = models.TextField(blank=True, max_length=2000)
    kind = models.CharField(max_length=16, choices=QuestionKind.choices, default=QuestionKind.SCALE)
    required = models.BooleanField(default=False)
    word_limit = models.PositiveIntegerField(null=True, blank=True)
    options = models.JSONField(default=dict, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class SurveyWave(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="waves")
    name = models.CharField(_("Navn"), max_length=100, help_text=_("For eksempel «Høst 2025»."))
    code = models.CharField(max_length=8, unique=True)
    opens_on = models.DateField(_("Åpen fra"))
    closes_on = models.DateField(_("Åpen til og med"))

    class Meta:
        ordering = ["opens_on", "pk"]
        verbose_name = _("runde")
        verbose_name_plural = _("runder")

    def __str__(self) -> str:
        return f"{self.survey}: {self.name}"


class SurveyResponse(models.Model):
    """One person's answers in a wave: their unit, and their pseudonym as a keyed digest of
    the code only they hold, so that the next wave's answers can be put beside these
    without anyone knowing whose they are."""

    wave = models.ForeignKey(SurveyWave, on_delete=models.CASCADE, related_name="responses")
    unit = models.ForeignKey("registry.Unit", on_delete=models.CASCADE, related_name="+")
    pseudonym = models.CharField(max_length=64)
    device = models.CharField(max_length=64)
    submitted_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["wave", "pseudonym"], name="survey_pseudonym_once"),
            models.UniqueConstraint(fields=["wave", "device"], name="survey_device_once"),
        ]

    def __str__(self) -> str:
        return f"{self.wave} {self.submitted_on}"


class SurveyAnswer(models.Model):
    response = models.ForeignKey(SurveyResponse, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(SurveyQuestion, on_delete=models.PROTECT, related_name="answers")
    value = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True, max_length=5000)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="survey_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.value or self.text[:40]}"
