"""A real OpenID Connect provider for the tests, on the loopback address: panva's
oidc-provider (tests/oidc, installed by `make test`), standing in for Feide and ID-porten.
Its clients send users back to the Django test client's host."""

from __future__ import annotations

import json
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

HERE = Path(__file__).parent / "oidc"
CALLBACK = "http://testserver/konto/logg-inn/{}/retur/"
CLIENTS = {
    name: {
        "client_id": f"lokomp-{name}",
        "client_secret": f"hemmelig-{name}-0123456789abcdef0123456789abcdef",
        "redirect_uris": [CALLBACK.format(name)],
    }
    for name in ("feide", "idporten")
}
# The people who can sign in, by login name, with what the provider says of them.
ACCOUNTS = {
    "kari": {"email": "kari.nordmann@example.no", "email_verified": True, "name": "Kari Nordmann"},
    "kari.igjen": {"email": "KARI.NORDMANN@example.no", "email_verified": True},
    "ola": {"email": "ola.nordmann@example.no", "email_verified": False, "name": "Ola"},
    "ukjent": {"email": "ukjent@example.no", "email_verified": True},
    "per": {"name": "Per Person", "pid": "01017012345"},
    "lav": {"name": "Lav Sikkerhet", "pid": "01017054321", "_acr": "idporten-loa-low"},
}


@dataclass
class Provider:
    issuer: str

    def settings(self, *names: str) -> dict[str, dict[str, str]]:
        """LOGIN_PROVIDERS for Lokomp, as the environment would make them."""
        scopes = {
            "feide": ("openid email profile", ""),
            "idporten": ("openid profile", "idporten-loa-substantial"),
        }
        return {
            name: {
                "issuer": self.issuer,
                "client_id": CLIENTS[name]["client_id"],
                "client_secret": CLIENTS[name]["client_secret"],
                "scope": scopes[name][0],
                "acr_values": scopes[name][1],
            }
            for name in names or ("feide", "idporten")
        }

    def sign_in(self, authorize_url: str, login: str) -> str:
        """What a person does in the browser at the provider: open the login page, type the
        login name, submit. Returns where the provider sends them back to."""
        with httpx.Client(timeout=10) as browser:
            url = authorize_url
            for _step in range(10):
                if url.startswith("http://testserver/"):
                    return url
                page = browser.get(url)
                if page.status_code in (302, 303):
                    url = str(page.url.join(page.headers["location"]))
                    continue
                form = re.search(r'<form method="post" action="([^"]+/login)"', page.text)
                assert form, page.text
                answer = browser.post(page.url.join(form.group(1)), data={"login": login})
                if answer.status_code not in (302, 303):
                    return answer.text
                url = str(answer.url.join(answer.headers["location"]))
        raise AssertionError("the provider never sent the user back")


def start() -> tuple[subprocess.Popen, Provider]:
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        ["node", str(HERE / "provider.mjs")],
        env={
            **os.environ,
            "OIDC_CLIENTS": json.dumps(list(CLIENTS.values())),
            "OIDC_ACCOUNTS": json.dumps(ACCOUNTS),
        },
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    line = process.stdout.readline() if process.stdout else ""
    if not line:
        process.kill()
        log.seek(0)
        raise RuntimeError(f"the OpenID Connect provider did not start: {log.read().decode()}")
    issuer = json.loads(line)["issuer"]
    assert urlsplit(issuer).hostname == "127.0.0.1"
    return process, Provider(issuer)
