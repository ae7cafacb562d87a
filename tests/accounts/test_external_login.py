"""Login with Feide and ID-porten, against a real OpenID Connect provider the tests start on
the loopback address. A person is let in only as a user Lokomp already knows (an identity
tied earlier, or a verified e-mail address) or through an open invitation; nobody is made a
user with rights by signing in."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from lokomp.accounts.models import ExternalIdentity, Invitation, Role, User
from lokomp.core.models import AuditEntry

from .. import oidc_provider

# One provider for each worker, started with the first test that needs it.
pytestmark = [pytest.mark.django_db, pytest.mark.real_clock]


@pytest.fixture(scope="session")
def provider():
    process, running = oidc_provider.start()
    yield running
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def providers(provider):
    with override_settings(LOGIN_PROVIDERS=provider.settings()):
        yield provider


def sign_in(client, provider, name, login, next_url=""):
    """Click "Logg inn med …" on the login page, sign in at the provider, come back."""
    start = reverse("accounts:external_login", args=[name])
    leave = client.get(start + (f"?next={next_url}" if next_url else ""))
    assert leave.status_code == 302, leave.content.decode()
    back = provider.sign_in(leave["Location"], login)
    assert back.startswith("http://testserver/"), back
    return client.get(back.removeprefix("http://testserver"))


def signed_in_as(client):
    user_id = client.session.get("_auth_user_id")
    return User.objects.get(pk=user_id) if user_id else None


def test_the_login_page_offers_what_is_set_up(providers):
    page = Client().get(reverse("accounts:login") + "?next=/partnerskap/").content.decode()
    assert "Logg inn med Feide" in page and "Logg inn med ID-porten" in page
    assert "/konto/logg-inn/feide/?next=/partnerskap/" in page
    with override_settings(LOGIN_PROVIDERS={}):
        page = Client().get(reverse("accounts:login")).content.decode()
        assert "Logg inn med Feide" not in page
        start = reverse("accounts:external_login", args=["feide"])
        assert Client().get(start).status_code == 404


def test_the_request_to_the_provider_carries_state_nonce_pkce_and_language(providers):
    client = Client()
    client.cookies["django_language"] = "nn"
    leave = client.get(reverse("accounts:external_login", args=["idporten"]))
    asked = parse_qs(urlsplit(leave["Location"]).query)
    assert asked["client_id"] == ["lokomp-idporten"]
    assert asked["code_challenge_method"] == ["S256"] and asked["code_challenge"][0]
    assert asked["state"][0] and asked["nonce"][0]
    assert asked["acr_values"] == ["idporten-loa-substantial"]
    assert asked["ui_locales"] == ["nn"]
    assert asked["redirect_uri"] == ["http://testserver/konto/logg-inn/idporten/retur/"]


def test_feide_with_a_verified_address_signs_in_the_user_who_has_it(providers):
    kari = User.objects.create_user("kari", email="Kari.Nordmann@example.no", password="x")
    client = Client()
    arrived = sign_in(client, providers, "feide", "kari", next_url="/partnerskap/")
    assert arrived.status_code == 302 and arrived["Location"] == "/partnerskap/"
    assert signed_in_as(client) == kari
    identity = ExternalIdentity.objects.get(user=kari)
    assert (identity.provider, identity.subject) == ("feide", "kari")
    assert AuditEntry.objects.filter(action="accounts.identity.created", user=kari).exists()
    # The identity is what counts from now on, even after the address in Lokomp changes.
    kari.email = "kari@ny.example.no"
    kari.save()
    again = Client()
    sign_in(again, providers, "feide", "kari")
    assert signed_in_as(again) == kari
    assert ExternalIdentity.objects.filter(user=kari).count() == 1


@pytest.mark.parametrize("login", ["ola", "ukjent"])
def test_an_unverified_or_unknown_address_gets_in_nowhere_and_makes_nothing(providers, login):
    User.objects.create_user("ola", email="ola.nordmann@example.no", password="x")
    users = User.objects.count()
    client = Client()
    refused = sign_in(client, providers, "feide", login)
    assert refused.status_code == 403
    assert "Vi fant ingen bruker i Lokomp" in refused.content.decode()
    assert signed_in_as(client) is None
    assert User.objects.count() == users and not ExternalIdentity.objects.exists()


def test_an_address_shared_by_two_users_matches_neither(providers):
    User.objects.create_user("kari1", email="kari.nordmann@example.no", password="x")
    User.objects.create_user("kari2", email="KARI.NORDMANN@example.no", password="x")
    client = Client()
    assert sign_in(client, providers, "feide", "kari").status_code == 403
    assert signed_in_as(client) is None


def test_a_second_feide_identity_for_the_same_user_is_refused(providers):
    kari = User.objects.create_user("kari", email="kari.nordmann@example.no", password="x")
    sign_in(Client(), providers, "feide", "kari")
    client = Client()
    refused = sign_in(client, providers, "feide", "kari.igjen")
    assert refused.status_code == 403 and "allerede knyttet" in refused.content.decode()
    assert signed_in_as(client) is None
    assert list(ExternalIdentity.objects.values_list("subject", flat=True)) == ["kari"]
    assert kari.identities.count() == 1


def test_a_deactivated_user_is_refused(providers):
    User.objects.create_user(
        "kari", email="kari.nordmann@example.no", password="x", is_active=False
    )
    client = Client()
    refused = sign_in(client, providers, "feide", "kari")
    assert refused.status_code == 403 and "deaktivert" in refused.content.decode()
    assert signed_in_as(client) is None


def _invitation(world, email="per@example.no"):
    return Invitation.objects.create(
        email=email,
        role=Role.COORDINATOR,
        partnership=world.partnership_a,
        side="owner",
        invited_by=world.county_admin,
    )


def test_an_invitation_lets_a_new_person_in_with_id_porten_with_no_role_until_taken(
    providers, world
):
    invitation = _invitation(world)
    page = reverse("accounts:invitation", args=[invitation.token])
    client = Client()
    to_login = client.get(page)
    assert to_login.status_code == 302 and to_login["Location"].startswith("/konto/logg-inn/")
    arrived = sign_in(client, providers, "idporten", "per", next_url=page)
    assert arrived.status_code == 302 and arrived["Location"] == page
    per = signed_in_as(client)
    assert per.email == "per@example.no" and not per.has_usable_password()
    assert not per.roles.exists(), "signing in gives no role"
    assert client.get(page).status_code == 200
    taken = client.post(page)
    assert taken.status_code == 302
    assert per.roles.get().partnership == world.partnership_a
    # Next time the ID-porten identity is enough.
    again = Client()
    sign_in(again, providers, "idporten", "per")
    assert signed_in_as(again) == per


def test_an_invitation_ties_the_login_to_the_invited_address_own_account(providers, world):
    existing = User.objects.create_user("per", email="PER@example.no", password="x")
    invitation = _invitation(world)
    client = Client()
    sign_in(
        client,
        providers,
        "idporten",
        "per",
        next_url=reverse("accounts:invitation", args=[invitation.token]),
    )
    assert signed_in_as(client) == existing
    assert User.objects.filter(email__iexact="per@example.no").count() == 1


@pytest.mark.parametrize("how", ["used", "old"])
def test_a_used_or_old_invitation_lets_nobody_in(providers, world, how):
    invitation = _invitation(world)
    if how == "used":
        invitation.accepted_at = timezone.now()
        invitation.save()
    else:
        Invitation.objects.filter(pk=invitation.pk).update(
            created_at=timezone.now() - timedelta(days=Invitation.VALID_DAYS + 1)
        )
    users = User.objects.count()
    client = Client()
    page = reverse("accounts:invitation", args=[invitation.token])
    assert sign_in(client, providers, "idporten", "per", next_url=page).status_code == 403
    assert signed_in_as(client) is None and User.objects.count() == users


def test_id_porten_below_the_level_asked_is_refused(providers):
    client = Client()
    refused = sign_in(client, providers, "idporten", "lav")
    assert refused.status_code == 400 and "sikkerhetsnivå" in refused.content.decode()
    assert signed_in_as(client) is None and not ExternalIdentity.objects.exists()


def test_a_forged_or_replayed_return_is_refused(providers):
    kari = User.objects.create_user("kari", email="kari.nordmann@example.no", password="x")
    client = Client()
    leave = client.get(reverse("accounts:external_login", args=["feide"]))
    back = providers.sign_in(leave["Location"], "kari").removeprefix("http://testserver")
    forged = back.replace("state=", "state=x")
    assert client.get(forged).status_code == 400
    assert signed_in_as(client) is None
    # The real answer works once; the same code and state again are refused.
    stranger = Client()
    assert stranger.get(back).status_code == 400, "another browser cannot use the answer"
    assert client.get(back).status_code == 302 and signed_in_as(client) == kari
    client.logout()
    assert client.get(back).status_code == 400


def test_cancelling_at_the_provider_says_so(providers):
    client = Client()
    client.get(reverse("accounts:external_login", args=["feide"]))
    back = client.get("/konto/logg-inn/feide/retur/?error=access_denied&state=x")
    assert back.status_code == 400 and "avbrutt" in back.content.decode()


def test_a_provider_that_does_not_answer_gets_a_clear_message(provider):
    down = provider.settings("feide")
    down["feide"] = {**down["feide"], "issuer": "http://127.0.0.1:9"}
    with override_settings(LOGIN_PROVIDERS=down):
        page = Client().get(reverse("accounts:external_login", args=["feide"]))
    assert page.status_code == 503
    assert "Feide svarer ikke akkurat nå" in page.content.decode()
