"""Partnerships: owners and institutions working together on competence development."""

import uuid
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from lokomp.core.validators import validate_hex_colour
from lokomp.registry.models import County, Institution, Owner


class Scheme(models.Model):
    """A grant scheme (Rekomp, Dekomp, Kompetanseløftet) and the colour code it has in
    plans. PPT has a colour code of its own within Kompetanseløftet (seed: Øst-Finnmark)."""

    code = models.SlugField(_("Kode"), max_length=30, unique=True)
    name = models.CharField(_("Navn"), max_length=100)
    label = models.CharField(
        _("Fargekode"), max_length=60, help_text=_("For eksempel «Barnehage».")
    )
    colour = models.CharField(
        _("Farge"),
        max_length=7,
        validators=[validate_hex_colour],
        help_text=_("Heksadesimal, for eksempel #1e6b52."),
    )
    co_financing_percent = models.PositiveSmallIntegerField(
        _("Krav til egenandel (%)"),
        null=True,
        blank=True,
        help_text=_("Eiernes egenandel i prosent av tilskuddet de ber om (Dekomp: 30 %)."),
    )
    report_per_measure = models.BooleanField(
        _("Krever rapport per tiltak"),
        default=False,
        help_text=_("Fremdriftsrapporten skrives for hvert tiltak i ordningen for seg."),
    )
    order = models.PositiveSmallIntegerField(_("Rekkefølge"), default=0)

    class Meta:
        ordering = ["order"]
        verbose_name = _("ordning")
        verbose_name_plural = _("ordninger")

    def __str__(self) -> str:
        return self.name


class Partnership(models.Model):
    name = models.CharField(_("Navn"), max_length=200)
    slug = models.SlugField(_("Kortnavn i adresser"), max_length=80, unique=True)
    county = models.ForeignKey(
        County, on_delete=models.PROTECT, related_name="partnerships", verbose_name=_("Fylke")
    )
    schemes = models.ManyToManyField(
        Scheme, related_name="partnerships", verbose_name=_("Ordninger")
    )
    owners: models.ManyToManyField = models.ManyToManyField(
        Owner, through="PartnershipOwner", related_name="partnerships", verbose_name=_("Eiere")
    )
    institutions: models.ManyToManyField = models.ManyToManyField(
        Institution,
        through="PartnershipInstitution",
        related_name="partnerships",
        verbose_name=_("Institusjoner"),
    )
    description = models.TextField(_("Beskrivelse"), blank=True)
    calendar_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partnerskap")
        verbose_name_plural = _("partnerskap")

    def __str__(self) -> str:
        return self.name


class PartnershipOwner(models.Model):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="owner_links"
    )
    owner = models.ForeignKey(Owner, on_delete=models.PROTECT, related_name="partnership_links")
    receives_funds = models.BooleanField(
        _("Mottar midlene"),
        default=False,
        help_text=_("Eieren som mottar tilskuddet på eiersiden."),
    )

    class Meta:
        unique_together = [("partnership", "owner")]
        ordering = ["-receives_funds", "owner__name"]

    def __str__(self) -> str:
        return gettext("%(owner)s i %(partnership)s") % {
            "owner": self.owner,
            "partnership": self.partnership,
        }


class PartnershipInstitution(models.Model):
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="institution_links"
    )
    institution = models.ForeignKey(
        Institution, on_delete=models.PROTECT, related_name="partnership_links"
    )
    role = models.CharField(
        _("Rolle"), max_length=200, blank=True, help_text=_("For eksempel «faglig ansvarlig».")
    )
    receives_funds = models.BooleanField(_("Mottar midlene (UH-siden)"), default=False)

    class Meta:
        unique_together = [("partnership", "institution")]
        ordering = ["-receives_funds", "institution__short_name"]

    def __str__(self) -> str:
        return gettext("%(owner)s i %(partnership)s") % {
            "owner": self.institution,
            "partnership": self.partnership,
        }


class CountyShare(models.Model):
    """The part of a partnership reported to another county (Evenes: 8 % to Nordland)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="county_shares"
    )
    county = models.ForeignKey(County, on_delete=models.PROTECT, verbose_name=_("Fylke"))
    percent = models.DecimalField(
        _("Andel (%)"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("99.99"))],
    )
    note = models.CharField(_("Merknad"), max_length=300, blank=True)

    class Meta:
        unique_together = [("partnership", "county")]
        verbose_name = _("andel i annet fylke")

    def __str__(self) -> str:
        return gettext("%(percent)s %% til %(county)s") % {
            "percent": self.percent,
            "county": self.county,
        }

    def clean(self):
        if self.partnership_id and self.county_id == self.partnership.county_id:
            raise ValidationError({"county": _("Velg et annet fylke enn partnerskapets eget.")})


class SteeringGroupMember(models.Model):
    """A member of the partnership's steering group (styringsgruppe)."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="steering_group"
    )
    name = models.CharField(_("Navn"), max_length=150)
    organisation = models.CharField(_("Organisasjon"), max_length=200)
    role = models.CharField(
        _("Rolle"), max_length=150, blank=True, help_text=_("For eksempel «leder».")
    )
    order = models.PositiveSmallIntegerField(_("Rekkefølge"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("medlem av styringsgruppen")
        verbose_name_plural = _("styringsgruppen")

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})"
