"""Operations on partnerships that carry a rule or touch several models."""

from __future__ import annotations

import uuid

from django.db import transaction
from django.utils.translation import gettext as _

from lokomp.accounts.models import RoleAssignment
from lokomp.core.audit import field_changes, log_action

from .models import Partnership, PartnershipInstitution, PartnershipOwner


def _composition(partnership: Partnership) -> dict[str, list[str]]:
    """The partnership's members, steering group and county shares as the user reads them,
    to log what an edit changed."""
    links = list(partnership.owner_links.select_related("owner").order_by("owner__name"))
    return {
        _("Eiere i partnerskapet"): [str(link.owner) for link in links],
        _("Eieren som mottar midlene"): [str(link.owner) for link in links if link.receives_funds],
        _("Universiteter, høgskoler og kompetansesentre"): [
            str(link.institution)
            for link in partnership.institution_links.select_related("institution").order_by(
                "institution__name"
            )
        ],
        _("Styringsgruppe"): [str(member) for member in partnership.steering_group.all()],
        _("Andeler i andre fylker"): [
            str(share) for share in partnership.county_shares.select_related("county")
        ],
    }


@transaction.atomic
def calendar_token_renew(*, obj, user, partnership=None, county=None) -> None:
    """A new secret calendar link for a partnership or a unit; the old one stops working."""
    obj.calendar_token = uuid.uuid4()
    obj.save(update_fields=["calendar_token"])
    log_action(
        "calendar.link.renewed",
        user=user,
        obj=obj,
        changes={_("Kalenderlenke"): [_("gammel"), _("ny")]},
        partnership=partnership,
        county=county,
    )


@transaction.atomic
def partnership_update(*, form, steering, shares, user) -> Partnership:
    """Save a valid partnership form with its steering group and county shares, and log
    every change in the words of the page; nothing is logged when nothing changed."""
    partnership = form.instance
    before = _composition(partnership)
    changes = {
        label: pair
        for label, pair in field_changes(form).items()
        if label not in before  # members and the like are logged by name below
    }
    form.save()
    members = set(form.cleaned_data["members"])
    funds = form.cleaned_data.get("funds_owner")
    partnership.owner_links.exclude(owner__in=members).delete()
    for owner in members:
        PartnershipOwner.objects.update_or_create(
            partnership=partnership, owner=owner, defaults={"receives_funds": owner == funds}
        )
    institutions = set(form.cleaned_data["partner_institutions"])
    partnership.institution_links.exclude(institution__in=institutions).delete()
    for institution in institutions:
        PartnershipInstitution.objects.get_or_create(
            partnership=partnership, institution=institution
        )
    steering.save()
    shares.save()
    after = _composition(partnership)
    for label, old in before.items():
        if after[label] != old:
            changes[label] = [old, after[label]]
    if changes:
        log_action(
            "partnerships.partnership.changed",
            user=user,
            obj=partnership,
            changes=changes,
            partnership=partnership,
        )
    return partnership


@transaction.atomic
def coordinator_remove(*, assignment: RoleAssignment, by) -> None:
    partnership = assignment.partnership
    log_action(
        "partnerships.coordinator.deleted",
        user=by,
        obj=assignment,
        changes={_("Koordinator"): [f"{assignment.user} ({assignment.get_side_display()})", None]},
        partnership=partnership,
    )
    assignment.delete()
