"""The registry of actors: counties, municipalities, owners, units and institutions."""

import uuid

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from lokomp.core.validators import is_number, validate_org_number


class County(models.Model):
    """A county and its Statsforvalteren, who runs the yearly round."""

    number = models.CharField(_("Fylkesnummer"), max_length=2, unique=True)
    name = models.CharField(_("Navn"), max_length=100)
    governor_name = models.CharField(_("Statsforvalteren"), max_length=150, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("fylke")
        verbose_name_plural = _("fylker")

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    number = models.CharField(
        _("Kommunenummer"),
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^\d{4}$", "Kommunenummeret har fire siffer.")],
    )
    name = models.CharField(_("Navn"), max_length=100)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name=_("Fylke")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommune")
        verbose_name_plural = _("kommuner")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """An organisation with an organisation number (MOD11-checked, stored as digits)."""

    org_number = models.CharField(
        _("Organisasjonsnummer"), max_length=11, blank=True, validators=[validate_org_number]
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.org_number = "".join(ch for ch in self.org_number if is_number(ch))
        super().save(*args, **kwargs)


class OwnerKind(models.TextChoices):
    MUNICIPAL = "municipal", _("Kommunal")
    PRIVATE = "private", _("Privat")
    COUNTY = "county", _("Fylkeskommunal")
    STATE = "state", _("Statlig")


class Owner(Organisation):
    """Owner of kindergartens and schools: a municipality, a private owner, a county."""

    name = models.CharField(_("Navn"), max_length=200)
    kind = models.CharField(_("Type eier"), max_length=12, choices=OwnerKind.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="owners",
        verbose_name=_("Kommune"),
        help_text=_("Kommunen eieren holder til i."),
    )

    class Meta(Organisation.Meta):
        ordering = ["name"]
        verbose_name = _("eier")
        verbose_name_plural = _("eiere")

    def __str__(self) -> str:
        return self.name


class UnitKind(models.TextChoices):
    KINDERGARTEN = "barnehage", _("Barnehage")
    SCHOOL = "skole", _("Skole")
    SFO = "sfo", _("SFO")
    PPT = "ppt", _("PPT")
    CHILD_WELFARE = "barnevern", _("Barnevern")
    HEALTH_CENTRE = "helsestasjon", _("Helsestasjon")
    OTHER = "annet", _("Annet")


class Unit(models.Model):
    """A kindergarten, school, SFO, PPT office or other unit, with its number of staff."""

    name = models.CharField(_("Navn"), max_length=200)
    kind = models.CharField(_("Type enhet"), max_length=16, choices=UnitKind.choices)
    owner = models.ForeignKey(
        Owner, on_delete=models.PROTECT, related_name="units", verbose_name=_("Eier")
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="units", verbose_name=_("Kommune")
    )
    staff_count = models.PositiveIntegerField(_("Antall ansatte"), default=0)
    # The day the count is from (the registry's count date, or when it was last entered).
    staff_counted_on = models.DateField(_("Antall per"), null=True, blank=True)
    calendar_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        ordering = ["municipality__name", "kind", "name"]
        verbose_name = _("enhet")
        verbose_name_plural = _("enheter")
        indexes = [models.Index(fields=["owner", "kind"])]

    def __str__(self) -> str:
        return self.name


class InstitutionKind(models.TextChoices):
    UNIVERSITY = "university", _("Universitet/høgskole")
    CENTRE = "centre", _("Kompetansesenter")
    OTHER = "other", _("Annen aktør")


class Institution(Organisation):
    """UH (universities, university colleges) and competence centres (SNU, SePU, RSK)."""

    name = models.CharField(_("Navn"), max_length=200)
    short_name = models.CharField(_("Kortnavn"), max_length=40)
    kind = models.CharField(_("Type"), max_length=12, choices=InstitutionKind.choices)
    county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        related_name="institutions",
        null=True,
        blank=True,
        verbose_name=_("Fylke"),
        help_text=_("Tomt for nasjonale aktører."),
    )

    class Meta(Organisation.Meta):
        ordering = ["short_name"]
        verbose_name = _("institusjon")
        verbose_name_plural = _("institusjoner")

    def __str__(self) -> str:
        return self.short_name or self.name


class PlanningDay(models.Model):
    """A planning day (planleggingsdag) of a municipality's schools and kindergartens, when
    staff are free for competence development. Entered per school year by the coordinator
    or the owner; a NÅR of "planleggingsdagene" is placed on them once they are known."""

    municipality = models.ForeignKey(
        Municipality, on_delete=models.CASCADE, related_name="planning_days"
    )
    date = models.DateField(_("Dato"))
    school_year = models.PositiveSmallIntegerField(_("Skoleår"), db_index=True)

    class Meta:
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "date"], name="planning_day_unique")
        ]
        verbose_name = _("planleggingsdag")
        verbose_name_plural = _("planleggingsdager")

    def __str__(self) -> str:
        return f"{self.municipality}: {self.date:%d.%m.%Y}"
