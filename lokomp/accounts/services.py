"""Inviting people to a role, and taking the role offered."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lokomp.core.audit import log_action

from .models import ExternalIdentity, Invitation, Role, RoleAssignment, User


class InvitationRefused(Exception):
    """Why the signed-in user cannot take this invitation, in Norwegian."""


@transaction.atomic
def invitation_send(*, partnership, email: str, side: str, by, base_url: str) -> Invitation:
    """Invite an e-mail address to be a coordinator of the partnership. The same message
    whether or not the address has an account."""
    invitation = Invitation(
        email=email.strip().lower(),
        role=Role.COORDINATOR,
        partnership=partnership,
        side=side,
        invited_by=by,
    )
    invitation.full_clean()
    invitation.save()
    link = base_url.rstrip("/") + reverse("accounts:invitation", args=[invitation.token])
    context = {"invitation": invitation, "link": link, "days": Invitation.VALID_DAYS}
    send_mail(
        subject=render_to_string("accounts/invitation_subject.txt", context).strip(),
        message=render_to_string("accounts/invitation_email.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invitation.email],
    )
    log_action(
        "accounts.invitation.created",
        user=by,
        obj=invitation,
        changes={_("Invitert"): [None, f"{invitation.email} ({invitation.get_side_display()})"]},
        partnership=partnership,
    )
    return invitation


def invitation_open_problem(invitation: Invitation) -> str | None:
    """Why nobody can take the invitation any more; None while it is open."""
    if invitation.accepted_at is not None:
        return _("Invitasjonen er allerede brukt.")
    if invitation.created_at < timezone.now() - timedelta(days=Invitation.VALID_DAYS):
        return _("Invitasjonen er for gammel. Be om en ny.")
    return None


def invitation_problem(invitation: Invitation, user) -> str | None:
    """Why this user cannot take the invitation; None if they can."""
    problem = invitation_open_problem(invitation)
    if problem:
        return problem
    if invitation.invited_by_id == user.pk:
        return _("Du kan ikke ta imot en invitasjon du har sendt selv.")
    if (user.email or "").strip().lower() != invitation.email:
        return _("Invitasjonen ble sendt til en annen e-postadresse enn den du er logget inn med.")
    return None


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> RoleAssignment:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    problem = invitation_problem(invitation, user)
    if problem:
        raise InvitationRefused(problem)
    assignment, _created = RoleAssignment.objects.get_or_create(
        user=user,
        role=invitation.role,
        partnership=invitation.partnership,
        defaults={"side": invitation.side},
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    log_action(
        "partnerships.coordinator.created",
        user=user,
        obj=assignment,
        changes={_("Koordinator"): [None, f"{user} ({assignment.get_side_display()})"]},
        partnership=invitation.partnership,
    )
    return assignment


class NotKnown(Exception):
    """The person who signed in with Feide or ID-porten is not a Lokomp user (in Norwegian)."""


@transaction.atomic
def sign_in_external(*, person, invitation_token=None) -> User:
    """The Lokomp user a Feide or ID-porten login belongs to.

    In this order: the identity tied earlier; else, when the login started from an open
    invitation, the invited address (an account is made for it if none exists, with no role
    until the invitation is taken); else the one active user with the e-mail address the
    provider has verified. Anyone else is refused: nobody is made a user, or given a role,
    by signing in.
    """
    identity = (
        ExternalIdentity.objects.select_related("user")
        .filter(provider=person.provider, subject=person.subject)
        .first()
    )
    if identity is not None:
        user = identity.user
        how = None
    else:
        user, how = _match(person, invitation_token)
    if not user.is_active:
        raise NotKnown(_("Brukeren din er deaktivert. Kontakt den som administrerer Lokomp."))
    if identity is None:
        if ExternalIdentity.objects.filter(user=user, provider=person.provider).exists():
            raise NotKnown(
                _("Brukeren din er allerede knyttet til en annen %(provider)s-innlogging.")
                % {"provider": person.provider_label}
            )
        identity = ExternalIdentity.objects.create(
            user=user, provider=person.provider, subject=person.subject
        )
        log_action(
            "accounts.identity.created",
            user=user,
            obj=identity,
            changes={person.provider_label: [None, how]},
        )
    identity.last_login_at = timezone.now()
    identity.save(update_fields=["last_login_at"])
    return user


def _match(person, invitation_token) -> tuple[User, str]:
    invitation = None
    if invitation_token:
        invitation = Invitation.objects.filter(token=invitation_token).first()
    if invitation is not None and invitation_open_problem(invitation) is None:
        user = User.objects.filter(email__iexact=invitation.email).order_by("pk").first()
        if user is None:
            user = User(
                username=_free_username(invitation.email),
                email=invitation.email,
                first_name=person.name[:150],
            )
            user.set_unusable_password()
            user.save()
        return user, _("Invitasjon til %(email)s") % {"email": invitation.email}
    if person.email and person.email_verified:
        users = list(User.objects.filter(email__iexact=person.email)[:2])
        if len(users) == 1:
            return users[0], _("Bekreftet e-postadresse %(email)s") % {"email": person.email}
    raise NotKnown(
        _(
            "Vi fant ingen bruker i Lokomp for denne innloggingen. Be koordinatoren eller "
            "Statsforvalteren om en invitasjon, og åpne lenken i den."
        )
    )


def _free_username(email: str) -> str:
    base = email[:140]
    name, number = base, 1
    while User.objects.filter(username=name).exists():
        number += 1
        name = f"{base}-{number}"
    return name
