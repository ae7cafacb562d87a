"""Login with Feide and ID-porten: OpenID Connect through Authlib.

Authlib does the protocol: discovery, state, nonce and PKCE, the code exchange, and the
ID token's signature, issuer, audience, expiry and nonce. This module only says what Lokomp
asks each provider for and reads back what it needs: who the person is (`sub`), and the
e-mail address where the provider vouches for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from authlib.integrations.base_client import OAuthError
from authlib.integrations.django_client import DjangoOAuth2App, OAuth
from django.conf import settings
from django.utils.translation import gettext as _
from requests import RequestException

from .models import LoginProvider

# Seconds Lokomp waits for the provider on each call before telling the user.
TIMEOUT = 10

_clients: dict[tuple[str, ...], DjangoOAuth2App] = {}


class LoginFailed(Exception):
    """Why a login through a provider did not go through, in Norwegian."""


@dataclass(frozen=True)
class Person:
    """What a provider told us, after Authlib checked the ID token."""

    provider: str
    subject: str
    email: str
    email_verified: bool
    name: str

    @property
    def provider_label(self) -> str:
        return label(self.provider)


def available() -> list[tuple[str, str]]:
    """The configured providers as (name, label), in the order the login page shows them."""
    labels = dict(LoginProvider.choices)
    return [(name, labels[name]) for name in labels if name in settings.LOGIN_PROVIDERS]


def label(name: str) -> str:
    return dict(LoginProvider.choices)[name]


def client(name: str) -> DjangoOAuth2App:
    """Authlib's client for a configured provider; a KeyError for any other name. One per
    configuration, so the provider's metadata and keys are fetched once."""
    config = settings.LOGIN_PROVIDERS[name]
    key = (name, *(config[field] for field in sorted(config)))
    if key not in _clients:
        registry = OAuth()
        _clients[key] = registry.register(
            name=name,
            client_id=config["client_id"],
            client_secret=config["client_secret"],
            server_metadata_url=f"{config['issuer']}/.well-known/openid-configuration",
            client_kwargs={
                "scope": config["scope"],
                "code_challenge_method": "S256",
                "default_timeout": TIMEOUT,
            },
        )
    return _clients[key]


def authorize_redirect(request, name: str, redirect_uri: str):
    """The redirect to the provider's login page, asking for the user's language and, for
    ID-porten, the level of assurance."""
    config = settings.LOGIN_PROVIDERS[name]
    params: dict[str, Any] = {"ui_locales": request.LANGUAGE_CODE}
    if config["acr_values"]:
        params["acr_values"] = config["acr_values"]
    try:
        return client(name).authorize_redirect(request, redirect_uri, **params)
    except (RequestException, ValueError) as error:
        raise LoginFailed(_unreachable(name)) from error


def person_from_callback(request, name: str) -> Person:
    """Finish the login the provider sent the user back from; LoginFailed says why not."""
    app = client(name)
    if request.GET.get("error"):
        raise LoginFailed(
            _("Innloggingen med %(provider)s ble avbrutt.") % {"provider": label(name)}
        )
    try:
        token = app.authorize_access_token(request)
    except OAuthError as error:
        raise LoginFailed(
            _("Innloggingen kunne ikke fullføres eller var utløpt. Prøv igjen.")
        ) from error
    except (RequestException, ValueError) as error:
        raise LoginFailed(_unreachable(name)) from error
    claims = dict(token.get("userinfo") or {})
    if not claims.get("sub"):
        raise LoginFailed(_("Innloggingen kunne ikke fullføres eller var utløpt. Prøv igjen."))
    wanted = settings.LOGIN_PROVIDERS[name]["acr_values"].split()
    if wanted and claims.get("acr") not in _levels_at_least(wanted[0]):
        raise LoginFailed(_("Innloggingen hadde for lavt sikkerhetsnivå. Prøv igjen."))
    if "email" in settings.LOGIN_PROVIDERS[name]["scope"].split() and "email" not in claims:
        # Providers give the e-mail address from the userinfo endpoint, for the same person.
        try:
            extra = app.userinfo(token=token)
        except (RequestException, ValueError) as error:
            raise LoginFailed(_unreachable(name)) from error
        if extra.get("sub") == claims["sub"]:
            claims.update(
                {key: extra[key] for key in ("email", "email_verified", "name") if key in extra}
            )
    return Person(
        provider=name,
        subject=str(claims["sub"])[:255],
        email=str(claims.get("email") or "").strip().lower()[:254],
        email_verified=claims.get("email_verified") is True,
        name=str(claims.get("name") or "")[:150],
    )


# ID-porten's levels, lowest first: a login at a higher level than asked is accepted.
_LEVELS = ["idporten-loa-low", "idporten-loa-substantial", "idporten-loa-high"]


def _levels_at_least(level: str) -> list[str]:
    if level in _LEVELS:
        return _LEVELS[_LEVELS.index(level) :]
    return [level]


def _unreachable(name: str) -> str:
    return _("%(provider)s svarer ikke akkurat nå. Prøv igjen om litt.") % {"provider": label(name)}
