"""Users and their roles. Every role is bound to the scope it works in."""

import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A Lokomp user. Production login is OpenID Connect (Feide, ID-porten)."""

    # "nb" or "nn" once the user has chosen; empty: the browser's choice.
    language = models.CharField(_("Målform"), max_length=5, blank=True, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("bruker")
        verbose_name_plural = _("brukere")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Role(models.TextChoices):
    COUNTY_ADMIN = "county_admin", _("Statsforvalteren (fylkesadministrator)")
    FORUM_MEMBER = "forum_member", _("Medlem av samarbeidsforum")
    COORDINATOR = "coordinator", _("Koordinator i partnerskap")
    OWNER_CONTACT = "owner_contact", _("Kontaktperson for eier")
    UNIT_LEADER = "unit_leader", _("Leder for enhet")
    EMPLOYEE = "employee", _("Ansatt")
    DIRECTORATE = "directorate", _("Utdanningsdirektoratet (nasjonal oversikt)")


class Side(models.TextChoices):
    OWNER = "owner", _("Eiersiden")
    UH = "uh", _("UH-siden")


# Which scope field each role needs.
ROLE_SCOPE = {
    Role.COUNTY_ADMIN: "county",
    Role.FORUM_MEMBER: "county",
    Role.COORDINATOR: "partnership",
    Role.OWNER_CONTACT: "owner",
    Role.UNIT_LEADER: "unit",
    Role.EMPLOYEE: "unit",
    Role.DIRECTORATE: None,
}


class RoleAssignment(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices)
    county = models.ForeignKey(
        "registry.County", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="role_assignments",
    )
    owner = models.ForeignKey(
        "registry.Owner", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    unit = models.ForeignKey(
        "registry.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    side = models.CharField(_("Side"), max_length=5, choices=Side.choices, blank=True)

    class Meta:
        verbose_name = _("rolle")
        verbose_name_plural = _("roller")

    def __str__(self) -> str:
        scope = self.county or self.partnership or self.owner or self.unit
        return f"{self.get_role_display()}: {scope}"

    def clean(self):
        needed = ROLE_SCOPE[Role(self.role)]
        for scope in ("county", "partnership", "owner", "unit"):
            has = getattr(self, f"{scope}_id") is not None
            if scope == needed and not has:
                raise ValidationError({scope: "Rollen må knyttes til dette."})
            if scope != needed and has:
                raise ValidationError({scope: "Rollen skal ikke knyttes til dette."})
        if self.role == Role.COORDINATOR and not self.side:
            raise ValidationError(
                {"side": _("Oppgi om koordinatoren er på eiersiden eller UH-siden.")}
            )


class Invitation(models.Model):
    """A role offered to an e-mail address. Appointment is by invitation: the link is sent
    to the address, and only a signed-in user with that e-mail address, other than the one
    who invited, can take the role. Nobody learns from the form who has an account."""

    email = models.EmailField(_("E-postadresse"))
    role = models.CharField(_("Rolle"), max_length=20, choices=Role.choices)
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    side = models.CharField(_("Side"), max_length=5, choices=Side.choices, blank=True)
    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    invited_by = models.ForeignKey(
        User, null=True, on_delete=models.SET_NULL, related_name="invitations_sent"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    VALID_DAYS = 14

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitasjon")
        verbose_name_plural = _("invitasjoner")

    def __str__(self) -> str:
        return f"{self.get_role_display()}: {self.email}"


class LoginProvider(models.TextChoices):
    FEIDE = "feide", "Feide"
    IDPORTEN = "idporten", "ID-porten"


class ExternalIdentity(models.Model):
    """A Feide or ID-porten identity tied to a Lokomp user. Made the first time the person
    signs in through an invitation or with an e-mail address the provider has verified;
    never made for someone Lokomp does not know."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="identities")
    provider = models.CharField(_("Innlogging"), max_length=20, choices=LoginProvider.choices)
    # The provider's stable identifier (OpenID Connect "sub"), never the national identity
    # number itself.
    subject = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    last_login_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["provider", "subject"], name="identity_unique"),
            models.UniqueConstraint(fields=["user", "provider"], name="identity_one_per_provider"),
        ]
        verbose_name = _("innloggingsidentitet")
        verbose_name_plural = _("innloggingsidentiteter")

    def __str__(self) -> str:
        return f"{self.get_provider_display()}: {self.user}"
