from urllib.parse import urlsplit

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from . import oidc
from .forms import LoginForm
from .models import Invitation
from .services import (
    InvitationRefused,
    NotKnown,
    invitation_accept,
    invitation_problem,
    sign_in_external,
)


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


class LoginView(auth_views.LoginView):
    """The login page: Feide and ID-porten where they are set up, and the password form."""

    template_name = "accounts/login.html"
    authentication_form = LoginForm

    def get_context_data(self, **kwargs):
        return super().get_context_data(**kwargs) | {"providers": oidc.available()}


SESSION_NEXT = "lokomp_login_next"
SESSION_INVITATION = "lokomp_login_invitation"


def external_login(request, provider):
    """Send the user to Feide or ID-porten. Where to go afterwards, and an invitation the
    user came from, wait in the session until the provider sends them back."""
    if provider not in settings.LOGIN_PROVIDERS:
        raise Http404
    next_url = request.GET.get("next", "")[:2000]
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = ""
    request.session[SESSION_NEXT] = next_url
    request.session[SESSION_INVITATION] = _invitation_in(next_url)
    try:
        return oidc.authorize_redirect(
            request,
            provider,
            request.build_absolute_uri(reverse("accounts:external_callback", args=[provider])),
        )
    except oidc.LoginFailed as failed:
        return _login_page(request, str(failed), status=503)


def external_callback(request, provider):
    """Where Feide or ID-porten sends the user back: log in the Lokomp user the identity
    belongs to, or say why not. Nothing is granted here; an invitation is taken on its page."""
    if provider not in settings.LOGIN_PROVIDERS:
        raise Http404
    try:
        person = oidc.person_from_callback(request, provider)
        user = sign_in_external(
            person=person, invitation_token=request.session.get(SESSION_INVITATION)
        )
    except (oidc.LoginFailed, NotKnown) as failed:
        return _login_page(
            request, str(failed), status=403 if isinstance(failed, NotKnown) else 400
        )
    next_url = request.session.pop(SESSION_NEXT, "")
    request.session.pop(SESSION_INVITATION, None)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return redirect(next_url or settings.LOGIN_REDIRECT_URL)


def _invitation_in(next_url: str) -> str | None:
    """The invitation token when the user is on the way to an invitation page."""
    try:
        match = resolve(urlsplit(next_url).path)
    except Resolver404:
        return None
    if match.view_name == "accounts:invitation":
        return str(match.kwargs["token"])
    return None


def _login_page(request, problem: str, *, status: int):
    return render(
        request,
        "accounts/login.html",
        {
            "form": LoginForm(request),
            "external_problem": problem,
            "next": request.session.get(SESSION_NEXT, ""),
            "providers": oidc.available(),
        },
        status=status,
    )
