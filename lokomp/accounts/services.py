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

from .models import Invitation, Role, RoleAssignment


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


def invitation_problem(invitation: Invitation, user) -> str | None:
    """Why this user cannot take the invitation; None if they can."""
    if invitation.accepted_at is not None:
        return _("Invitasjonen er allerede brukt.")
    if invitation.created_at < timezone.now() - timedelta(days=Invitation.VALID_DAYS):
        return _("Invitasjonen er for gammel. Be om en ny.")
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
