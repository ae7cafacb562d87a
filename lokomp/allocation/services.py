"""Changing a round: one transaction, one audit entry with every changed field."""

from __future__ import annotations

from django.db import transaction

from lokomp.core.audit import log_action, save_with_audit

from .forms import RoundForm
from .models import Conflict, ForumTie, Frame, Round


@transaction.atomic
def round_save(*, form: RoundForm, user) -> Round:
    """Save the round's settings and frames from a valid form. A blank frame removes the
    scheme's frame."""
    saved = save_with_audit(form, user=user, action="allocation.round", county=form.instance.county)
    for scheme_id, amount in form.frames().items():
        if amount is None:
            Frame.objects.filter(round=saved, scheme_id=scheme_id).delete()
        else:
            Frame.objects.update_or_create(
                round=saved, scheme_id=scheme_id, defaults={"amount": amount}
            )
    return saved


@transaction.atomic
def criteria_save(*, formset, county, user) -> None:
    """Save the county's criteria from a valid formset; each change is logged."""
    for form in formset.forms:
        offered = getattr(form, "offered", False)
        if (form.has_changed() or offered) and (form.instance.pk or form.cleaned_data.get("text")):
            form.instance.county = county
            save_with_audit(form, user=user, action="allocation.criterion", county=county)


@transaction.atomic
def tie_add(*, county, member, owner=None, institution=None, organisation: str = "", user):
    tie = ForumTie(
        user=member, county=county, owner=owner, institution=institution, organisation=organisation
    )
    tie.full_clean()
    tie.save()
    log_action(
        "allocation.forum_tie.added",
        user=user,
        obj=tie,
        changes={str(member): [None, str(tie)]},
        county=county,
    )
    return tie


@transaction.atomic
def tie_remove(*, tie: ForumTie, user) -> None:
    log_action(
        "allocation.forum_tie.removed",
        user=user,
        obj=tie,
        changes={str(tie.user): [str(tie), None]},
        county=tie.county,
    )
    tie.delete()


@transaction.atomic
def conflict_declare(*, report, member, reason: str, user) -> Conflict:
    """A member is conflicted (inhabil) for a report from now on. Scores they gave before
    are kept as they were but count nowhere (`forum.counted_scores`)."""
    conflict, _created = Conflict.objects.update_or_create(
        report=report, user=member, defaults={"reason": reason, "declared_by": user}
    )
    log_action(
        "allocation.conflict.declared",
        user=user,
        obj=report,
        changes={str(member): [None, reason]},
        county=report.partnership.county,
    )
    return conflict
