"""The registry of actors: counties, municipalities, owners, units and institutions."""

import uuid

from django.core.validators import RegexValidator
from django.db import models

from lokomp.core.validators import is_number, validate_org_number


class County(models.Model):
    """A county and its Statsforvalteren, who runs the yearly round."""

    number = models.CharField("Fylkesnummer", max_length=2, unique=True)
    name = models.CharField("Navn", max_length=100)
    governor_name = models.CharField("Statsforvalteren", max_length=150, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = "fylke"
        verbose_name_plural = "fylker"

    def __str__(self) -> str:
        return self.name


class Municipality(models.Model):
    number = models.CharField(
        "Kommunenummer",
        max_length=4,
        unique=True,
        validators=[RegexValidator(r"^\d{4}$", "Kommunenummeret har fire siffer.")],
    )
    name = models.CharField("Navn", max_length=100)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="municipalities", verbose_name="Fylke"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = "kommune"
        verbose_name_plural = "kommuner"

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """An organisation with an organisation number (MOD11-checked, stored as digits)."""

    org_number = models.CharField(
        "Organisasjonsnummer", max_length=11, blank=True, validators=[validate_org_number]
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.org_number = "".join(ch for ch in self.org_number if is_number(ch))
        super().save(*args, **kwargs)


class OwnerKind(models.TextChoices):
    MUNICIPAL = "municipal", "Kommunal"
    PRIVATE = "private", "Privat"
    COUNTY = "county", "Fylkeskommunal"
    STATE = "state", "Statlig"


class Owner(Organisation):
    """Owner of kindergartens and schools: a municipality, a private owner, a county."""

    name = models.CharField("Navn", max_length=200)
    kind = models.CharField("Type eier", max_length=12, choices=OwnerKind.choices)
    municipality = models.ForeignKey(
        Municipality,
        on_delete=models.PROTECT,
        related_name="owners",
        verbose_name="Kommune",
        help_text="Kommunen eieren holder til i.",
    )

    class Meta(Organisation.Meta):
        ordering = ["name"]
        verbose_name = "eier"
        verbose_name_plural = "eiere"

    def __str__(self) -> str:
        return self.name


class UnitKind(models.TextChoices):
    KINDERGARTEN = "barnehage", "Barnehage"
    SCHOOL = "skole", "Skole"
    SFO = "sfo", "SFO"
    PPT = "ppt", "PPT"
    CHILD_WELFARE = "barnevern", "Barnevern"
    HEALTH_CENTRE = "helsestasjon", "Helsestasjon"
    OTHER = "annet", "Annet"


class Unit(models.Model):
    """A kindergarten, school, SFO, PPT office or other unit, with its number of staff."""

    name = models.CharField("Navn", max_length=200)
    kind = models.CharField("Type enhet", max_length=16, choices=UnitKind.choices)
    owner = models.ForeignKey(
        Owner, on_delete=models.PROTECT, related_name="units", verbose_name="Eier"
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="units", verbose_name="Kommune"
    )
    staff_count = models.PositiveIntegerField("Antall ansatte", default=0)
    calendar_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        ordering = ["municipality__name", "kind", "name"]
        verbose_name = "enhet"
        verbose_name_plural = "enheter"
        indexes = [models.Index(fields=["owner", "kind"])]

    def __str__(self) -> str:
        return self.name


class InstitutionKind(models.TextChoices):
    UNIVERSITY = "university", "Universitet/høgskole"
    CENTRE = "centre", "Kompetansesenter"
    OTHER = "other", "Annen aktør"


class Institution(Organisation):
    """UH (universities, university colleges) and competence centres (SNU, SePU, RSK)."""

    name = models.CharField("Navn", max_length=200)
    short_name = models.CharField("Kortnavn", max_length=40)
    kind = models.CharField("Type", max_length=12, choices=InstitutionKind.choices)
    county = models.ForeignKey(
        County,
        on_delete=models.PROTECT,
        related_name="institutions",
        null=True,
        blank=True,
        verbose_name="Fylke",
        help_text="Tomt for nasjonale aktører.",
    )

    class Meta(Organisation.Meta):
        ordering = ["short_name"]
        verbose_name = "institusjon"
        verbose_name_plural = "institusjoner"

    def __str__(self) -> str:
        return self.short_name or self.name
