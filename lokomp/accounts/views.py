from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from .models import Invitation
from .services import InvitationRefused, invitation_accept, invitation_problem


@login_required
def invitation(request, token):
    """Take the role an invitation offers. An unknown link is a 404; a link meant for
    someone else says so, and grants nothing."""
    offer = get_object_or_404(Invitation.objects.select_related("partnership"), token=token)
    problem = invitation_problem(offer, request.user)
    if request.method == "POST" and problem is None:
        try:
            invitation_accept(invitation=offer, user=request.user)
        except InvitationRefused as refused:
            problem = str(refused)
        else:
            messages.success(
                request,
                _("Du er nå koordinator i %(partnership)s.") % {"partnership": offer.partnership},
            )
            return redirect("partnerships:detail", slug=offer.partnership.slug)
    return render(
        request,
        "accounts/invitation.html",
        {"invitation": offer, "problem": problem},
        status=403 if request.method == "POST" and problem else 200,
    )
